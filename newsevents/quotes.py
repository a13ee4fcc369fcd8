"""Quotations (attributions): direct, indirect and mixed, with cue, source, content and speaker.

An attribution links a **source** (the span naming who said or thinks it), a
**cue** (the attribution verb or phrase: "said", "told reporters", "according
to") and a **content** (what is said), as in PARC 3.0 (Pareti 2016) and
PolNeAR (Newell, Margolin & Ruths, LREC 2018). The quote's **kind** is
``direct`` when the content is a quotation in quote marks, ``mixed`` when an
indirect content holds a quoted fragment, ``indirect`` otherwise.

How it works (all offsets are characters into ``_text(doc)``):

1. :func:`find_quote_spans` pairs quote marks of every style (" “ ” ‘ ’ « »
   '' and straight '), telling the closing ’ from the apostrophe (We’re, Xi’s)
   and allowing a paragraph that opens a quote without closing it
   (multi-paragraph quotations).
2. Cue verbs (lemmas in ``data/quotes/cues.yaml``) are read off the dependency
   parse: the source is the verb's subject (or the agent of a passive, or the
   antecedent of a relative pronoun), the content its clausal complement,
   to-infinitive or object according to the cue's frames; "according to X"
   takes the clause it modifies as content. A gerund cue shares the subject
   of the clause it modifies ('left after saying ...', 'issued a statement
   calling ...'); an agentless passive cue ('X is expected to ...') and a
   nominal cue after a target verb ('faced criticism for ...') give
   attributions without a source; nominal cues ('Smith's claim that ...',
   'raised questions about ...') take their source from the possessor or
   the light verb's subject.
3. Each quotation is linked to a cue next to it ('"...," Trump said.',
   'He said: "..."', '"..." ― Jane Doe'); a quotation that stands alone as a
   sentence or paragraph continues the attribution just before it ("floating"
   quotation) or takes the speaker of a cue in the sentence before (ending in
   ':') or after. A quotation inside another attribution's content makes that
   attribution ``mixed``.
4. Attributions whose cue lies inside another attribution's content are
   dropped (PolNeAR annotates no nested attributions).
5. The speaker is the actor mention (from the actors stage) inside the
   source span, preferring the mention of the source's head noun.

A quotation split by its attribution ('"A," she said, "B."') and floating
continuations come out as several :class:`~newsevents.records.Quote` records
sharing the same cue and source evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .data import load_yaml
from .errors import DataError
from .pipeline import register_stage
from .records import Evidence, Quote, Speaker

__all__ = ["QuoteStage", "find_quote_spans", "CueLexicon"]

# ---------------------------------------------------------------------------
# quote marks
# ---------------------------------------------------------------------------
_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“"}
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_QUOTE_CHARS = set("\"“”«»„‘’'`")
_TERMINATORS = ".!?"


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _paragraphs(text: str):
    """Yield (start, end) character ranges of the lines of ``text``."""
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Find quotations delimited by quote marks.

    text (str): the article text.
    RETURNS (list[tuple[int, int]]): sorted, non-overlapping ``(start, end)``
        character ranges, quote marks included. A line that opens a quotation
        and does not close it gives a span to the end of the line (news style
        for quotations over several paragraphs). Single-quoted spans (‘…’ and
        straight '…') are looked for only outside double-quoted ones; ’ between
        letters (We’re) or after a letter and before a letter is an apostrophe.
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        line = text[p_start:p_end]
        if not line.strip():
            continue
        doubles = _double_spans(line)
        spans.extend((p_start + s, p_start + e) for s, e in doubles)
        spans.extend((p_start + s, p_start + e) for s, e in _single_spans(line, doubles))
    spans.sort()
    return spans


#: every character :func:`_double_spans` reacts to; it skips the others in one regex search
_DOUBLE_MARKS = "".join(sorted(set("".join(_DOUBLE_OPEN) + "".join(_DOUBLE_OPEN.values()) + "\"'`”")))
_DOUBLE_NEXT = re.compile("[" + re.escape(_DOUBLE_MARKS) + "]")


def _double_spans(line: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(line)
    i = 0
    open_at = -1
    closers = ""
    marks, next_mark = _DOUBLE_MARKS, _DOUBLE_NEXT.search
    while i < n:
        ch = line[i]
        if ch not in marks:  # no quote mark here: nothing happens, jump to the next one
            m = next_mark(line, i)
            if m is None:
                break
            i = m.start()
            ch = line[i]
        two = line[i:i + 2]
        if open_at < 0:
            if ch in _DOUBLE_OPEN:
                open_at, closers = i, _DOUBLE_OPEN[ch] + '"'
            elif ch == '"':
                open_at, closers = i, '"”'
            elif two in ("''", "``") and (i == 0 or not _is_word(line[i - 1])):
                open_at, closers = i, "''"
                i += 2
                continue
            elif ch == "”" and (i == 0 or line[i - 1].isspace()) and i + 1 < n and not line[i + 1].isspace():
                open_at, closers = i, "”"  # a closing mark used as opener
        else:
            if closers == "''":
                if two == "''":
                    out.append((open_at, i + 2))
                    open_at = -1
                    i += 2
                    continue
            elif ch in closers:
                out.append((open_at, i + 1))
                open_at = -1
            elif ch in _DOUBLE_OPEN and ch not in closers:
                open_at, closers = i, _DOUBLE_OPEN[ch] + '"'  # unbalanced: restart
        i += 1
    if open_at >= 0:
        end = len(line.rstrip())
        if end - open_at > 1:
            out.append((open_at, end))
    return out


def _single_spans(line: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(line)

    def inside(i: int) -> bool:
        return any(s <= i < e for s, e in doubles)

    i = 0
    while i < n:
        ch = line[i]
        if ch in "‘'" and not inside(i):
            prev = line[i - 1] if i else " "
            nxt = line[i + 1] if i + 1 < n else " "
            if not _is_word(prev) and prev not in "'’" and _is_word(nxt):
                closer = "’" if ch == "‘" else "'"
                j = i + 2
                while j < n:
                    if line[j] in (closer, "’", "'") and line[j] == closer or (ch == "'" and line[j] == "’"):
                        before = line[j - 1]
                        after = line[j + 1] if j + 1 < n else " "
                        if not before.isspace() and not _is_word(after):
                            break
                    if inside(j):
                        j = n
                        break
                    j += 1
                if j < n:
                    out.append((i, j + 1))
                    i = j + 1
                    continue
        i += 1
    return out


# ---------------------------------------------------------------------------
# cue lexicon
# ---------------------------------------------------------------------------
#: the argument frames a cue may take (see the header of data/quotes/cues.yaml)
FRAMES = ("quote", "clause", "xcomp", "object", "parenthetical", "passive")

class CueLexicon:
    """The cue verbs and phrases of ``data/quotes/cues.yaml`` (merged with users' files).

    verbs (dict[str, frozenset[str]]): lemma -> frames (quote, clause, xcomp, object, parenthetical).
    kinds (dict[str, str]): lemma -> kind name (speech, cognition, ...).
    preps (dict[str, frozenset[str]]): lemma -> prepositions/particles that take the content.
    phrases (list[tuple[str, ...]]): lower-cased token sequences ("according", "to").
    dashes (tuple[str]), colon_sources (frozenset[str]).
    passive_kinds (frozenset[str]): kinds whose agentless passives are source-less
        attributions ('X is expected to win'); passive_exclude (frozenset[str]):
        lemmas whose passive is not one ('was admitted', 'is called').
    nouns (dict[str, frozenset[str]]): nominal cue lemma -> prepositions taking its content.
    light_verbs / target_verbs (frozenset[str]): verbs whose subject is the source
        ('raised questions') / the target ('faced questions') of a nominal cue object.
    carriers (frozenset[str]): nouns of messages and documents ('a statement saying').
    subject_preps (frozenset[str]): prepositions through which a gerund cue shares
        the subject of the verb it modifies ('after saying').
    RAISES DataError (E010): the file is missing or malformed, or a verb names an
        unknown kind or frame.
    """

    def __init__(self, data_paths=None):
        raw = load_yaml("quotes/cues.yaml", extra=data_paths) or {}
        kinds = raw.get("kinds", {})
        self.verbs: dict[str, frozenset] = {}
        self.kinds: dict[str, str] = {}
        self.preps: dict[str, frozenset] = {}
        for lemma, spec in (raw.get("verbs") or {}).items():
            preps: list = []
            if isinstance(spec, dict):
                kind = spec.get("kind")
                preps = spec.get("preps") or []
                frames = spec.get("frames") or kinds.get(kind, [])
            elif isinstance(spec, list):
                kind, frames = "custom", spec
            else:
                kind, frames = spec, kinds.get(spec)
            if frames is None or (isinstance(spec, dict) and kind not in kinds and not spec.get("frames")):
                # an unknown kind used to give the verb no frames at all, silently
                raise DataError("E010", path="quotes/cues.yaml",
                                reason=f"verb '{lemma}': unknown kind '{kind}' (known: {', '.join(sorted(kinds))})")
            bad = [f for f in frames if f not in FRAMES]
            if bad:
                raise DataError("E010", path="quotes/cues.yaml",
                                reason=f"verb '{lemma}': unknown frame(s) {bad} (known: {', '.join(FRAMES)})")
            self.verbs[str(lemma)] = frozenset(frames)
            self.kinds[str(lemma)] = str(kind)
            if preps:
                self.preps[str(lemma)] = frozenset(preps)
        self.phrases = [tuple(str(t).lower() for t in p["tokens"]) for p in raw.get("phrases") or []]
        self.dashes = tuple(raw.get("dashes") or ())
        self.colon_sources = frozenset(str(w).lower() for w in raw.get("colon_sources") or ())
        self.carriers = frozenset(str(w).lower() for w in raw.get("carriers") or ())
        self.nouns: dict[str, frozenset] = {str(k).lower(): frozenset(v or ()) for k, v in (raw.get("nouns") or {}).items()}
        self.light_verbs = frozenset(str(w).lower() for w in raw.get("light_verbs") or ())
        self.target_verbs = frozenset(str(w).lower() for w in raw.get("target_verbs") or ())
        self.passive_kinds = frozenset(str(w) for w in raw.get("passive_kinds") or ())
        self.passive_exclude = frozenset(str(w) for w in raw.get("passive_exclude") or ())
        self.subject_preps = frozenset(str(w).lower() for w in raw.get("subject_preps") or ())
        self._frames_memo: dict = {}  # (pos, tag, lemma) hashes -> frames, see :meth:`frames`

    def frames(self, token) -> frozenset:
        """RETURNS (frozenset[str]): the frames of a verb token's lemma (empty if not a cue).

        Memoised by the (POS, tag, lemma) hashes of the token (emptied past 200,000 keys).
        """
        key = (token.pos, token.tag, token.lemma)
        memo = self._frames_memo
        got = memo.get(key)
        if got is None:
            if token.pos_ not in ("VERB", "AUX") and token.tag_[:2] != "VB":
                got = frozenset()
            else:
                got = self.verbs.get(token.lemma_.lower(), frozenset())
            if len(memo) > 200_000:
                memo.clear()
            memo[key] = got
        return got


# ---------------------------------------------------------------------------
# attributions under construction
# ---------------------------------------------------------------------------
Range = tuple  # (start_char, end_char)


@dataclass
class _Attr:
    cue: Optional[Range]
    source: Optional[Range]
    content: Optional[Range]
    origin: str
    src_head: object = None          # spaCy Token: head of the source span
    cue_tok: object = None
    parts: list = field(default_factory=list)   # extra content ranges (split / floating quotes)
    mixed: bool = False

    def extent_end(self) -> int:
        if self.content is None and self.cue_tok is not None:
            return self.cue_tok.sent.end_char  # 'Smith spoke to reporters on Monday.'
        ends = [r[1] for r in (self.cue, self.source, self.content) if r]
        ends += [r[1] for r in self.parts]
        return max(ends) if ends else 0


_SUBJ = ("nsubj", "nsubjpass", "csubj")
_REL_PRONOUNS = {"who", "that", "which", "whom"}
_AUX_DEPS = ("aux", "auxpass", "neg")
#: words opening an indirect question ('asked whether ...', 'did not say when ...')
_WH_WORDS = {"whether", "if", "when", "how", "why", "where", "what", "who", "which", "whom"}


def _trim(doc, i: int, j: int) -> Optional[Range]:
    """Token range [i, j) -> character range without edge punctuation (unbalanced quote marks dropped)."""
    while i < j and (doc[i].is_punct or doc[i].is_space) and not _is_quote_tok(doc[i]):
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space) and not _is_quote_tok(doc[j - 1]):
        j -= 1
    if i >= j:
        return None
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    text = _text(doc)
    # drop an edge quote mark whose partner is not inside
    inner = text[start:end]
    marks = sum(c in _QUOTE_CHARS for c in inner if c not in "'’")
    if marks % 2 == 1 and inner[0] not in _QUOTE_CHARS:
        # a quotation opened inside the content and closed just after it: 'dedication “to ... talking.”'
        k = end
        while k < len(text) and text[k] in ".,;!?":
            k += 1
        if k < len(text) and text[k] in "”\"»" and k - end <= 2:
            return (start, k + 1)
    if inner and inner[0] in _QUOTE_CHARS and not any(c in _QUOTE_CHARS for c in inner[1:]):
        return _trim(doc, i + 1, j)
    if inner and inner[-1] in _QUOTE_CHARS and not any(c in _QUOTE_CHARS for c in inner[:-1]):
        return _trim(doc, i, j - 1)
    return (start, end)


_TEXT_CACHE: list = [None, None]


def _text(doc) -> str:
    """``doc.text``, cached: spaCy rebuilds the string from the tokens on every access."""
    if _TEXT_CACHE[0] is not doc:
        _TEXT_CACHE[0], _TEXT_CACHE[1] = doc, doc.text
    return _TEXT_CACHE[1]


def _is_quote_tok(tok) -> bool:
    return bool(tok.text) and all(c in _QUOTE_CHARS for c in tok.text)


def _subtree_range(tok, exclude=None) -> tuple[int, int]:
    """Token range [left, right+1) of ``tok``'s subtree, cut before/after ``exclude`` tokens."""
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    if exclude is not None:
        for ex in exclude:
            if left <= ex.i < right:
                if ex.i < tok.i:
                    left = max(left, ex.right_edge.i + 1 if ex.right_edge.i < tok.i else ex.i + 1)
                else:
                    right = min(right, ex.left_edge.i if ex.left_edge.i > tok.i else ex.i)
    return left, right


def _overlap(a: Optional[Range], b: Optional[Range]) -> int:
    if not a or not b:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# ---------------------------------------------------------------------------
# the stage
# ---------------------------------------------------------------------------
@register_stage("quotes", requires=("actors",), assigns=("quotes",))
class QuoteStage:
    """Find direct, indirect and mixed quotations and resolve their speakers.

    options (Options): ``options.data_paths`` extend ``data/quotes/cues.yaml``.
    Called with a :class:`~newsevents.pipeline.Context`, appends
    :class:`~newsevents.records.Quote` records (ids ``Q1``, ``Q2``...) to
    ``ctx.analysis.quotes`` in text order and publishes
    ``ctx.shared["quotes"] = {"by_content": {(start, end): Quote}}``.
    Never raises on odd input (empty doc, unbalanced quote marks).
    """

    def __init__(self, options):
        self.lex = CueLexicon(getattr(options, "data_paths", None))

    # -- entry point ------------------------------------------------------
    def __call__(self, ctx) -> None:
        doc = ctx.doc
        if len(doc) == 0 or not _text(doc).strip():
            ctx.shared["quotes"] = {"by_content": {}}
            return
        qspans = find_quote_spans(_text(doc))
        attrs = self.attributions(doc, qspans)
        quotes = self._records(ctx, attrs, qspans)
        ctx.analysis.quotes.extend(quotes)
        ctx.shared["quotes"] = {"by_content": {(q.content.start, q.content.end): q for q in quotes}}

    # -- attribution finding ----------------------------------------------
    def attributions(self, doc, qspans=None) -> list[_Attr]:
        """All attributions of a parsed Doc, in text order (internal records).

        qspans (list[tuple[int, int]] | None): quotation spans if already found.
        """
        text = _text(doc)
        if qspans is None:
            qspans = find_quote_spans(text)
        in_quote = _RangeIndex(qspans)
        attrs: list[_Attr] = []
        contentless: list[_Attr] = []
        for tok in doc:
            if in_quote.find(tok.idx) is not None:
                continue
            a = self._verb_attr(doc, tok) or self._phrase_attr(doc, tok) or self._noun_attr(doc, tok)
            if a is None:
                continue
            if a.content is None:
                if a.source is not None:
                    contentless.append(a)
                continue
            if a.source is None and a.origin not in ("passive", "noun"):
                continue
            attrs.append(a)
        attrs.extend(self._colon_attrs(doc))
        self._link_quotes(doc, qspans, attrs, contentless)
        attrs = self._drop_nested(attrs)
        attrs.sort(key=lambda a: a.content[0])
        return attrs

    def _cue_range(self, doc, v, extra=()) -> Range:
        toks = [v] + [c for c in v.children if c.dep_ in _AUX_DEPS or c.dep_ == "prt"] + list(extra)
        # keep only tokens contiguous with the verb
        idx = sorted({t.i for t in toks})
        lo = hi = v.i
        while lo - 1 in idx:
            lo -= 1
        while hi + 1 in idx:
            hi += 1
        return doc[lo].idx, doc[hi].idx + len(doc[hi].text)

    def _source_of(self, doc, v):
        """RETURNS (Range | None, Token | None): the source span of cue verb ``v`` and its head."""
        subj = None
        for c in v.children:
            if c.dep_ in _SUBJ:
                subj = c
                break
        if subj is not None and subj.dep_ == "nsubjpass":
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None:
                return None, None
            subj = pobj
        if subj is None:
            h = v
            for _ in range(4):  # inherit from a governing verb: 'X implored her, arguing that ...'
                if h.dep_ in ("xcomp", "advcl", "conj", "pcomp") and h.head is not h:
                    h = h.head
                elif h.dep_ == "prep" and h.lower_ in self.lex.subject_preps and h.head is not h \
                        and h.head.pos_ in ("VERB", "AUX", "ADV", "ADJ"):
                    # 'X refused, after saying that ...' / 'stopped short of calling ...'
                    h = h.head
                elif h.dep_ in ("advmod", "acomp") and h.pos_ in ("ADV", "ADJ") and h.head is not h:
                    h = h.head  # 'short' in 'stopped short of calling'
                elif (h.dep_ == "acl" and h.head.lemma_.lower() in self.lex.carriers
                      and h.head.dep_ in ("dobj", "pobj") and h.head.head is not h.head):
                    # 'the council issued a statement calling ...': the issuer speaks
                    h = h.head.head
                    if h.dep_ == "prep":
                        h = h.head
                else:
                    break
                subj = next((c for c in h.children if c.dep_ in ("nsubj", "csubj")), None)
                if subj is not None:
                    break
            if subj is None and v.dep_ == "acl" and v.head.lemma_.lower() in self.lex.carriers:
                # 'his letter saying ...' with no issuer: the letter's owner
                poss = next((c for c in v.head.children if c.dep_ == "poss"), None)
                if poss is not None:
                    lo, hi = _subtree_range(poss, exclude=[v])
                    return _trim(doc, lo, hi), poss
            if subj is None and v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
                subj = v.head
                lo, hi = _subtree_range(subj, exclude=[v])
                r = _trim(doc, lo, hi)
                return r, subj
        if subj is None:
            return None, None
        if subj.lower_ in _REL_PRONOUNS and v.dep_ == "relcl":
            head = v.head
            lo, hi = _subtree_range(head, exclude=[v])
            return _trim(doc, lo, hi), head
        if subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that") and subj.dep_ != "pobj":
            # 'it' as expletive subject of reporting verbs is not a source
            if any(c.dep_ == "ccomp" for c in v.children) and v.lemma_ in ("seem", "appear"):
                return None, None
        lo, hi = _subtree_range(subj, exclude=[v])
        return _cut_paragraphs(doc, _trim(doc, lo, hi), v), subj

    def _verb_attr(self, doc, v) -> Optional[_Attr]:
        frames = self.lex.frames(v)
        if not frames:
            return None
        lemma = v.lemma_.lower()
        content = None
        extra_cue = []
        children = list(v.children)
        if "clause" in frames:
            cc = next((c for c in children if c.dep_ == "ccomp"), None)
            if cc is not None and "parenthetical" not in frames and (
                    cc.i < v.i or any(c.dep_ == "dobj" and c.i > v.i for c in children)):
                # a verb that does not report speech ('questioned whether ...') takes a clause
                # only after it and only when it has no object ('described X as Y')
                cc = None
            if cc is not None:
                lo, hi = _subtree_range(cc, exclude=[v])
                for conj in cc.children:  # 'X says A promised B and said C': C is its own attribution
                    if conj.dep_ == "conj" and conj.i > cc.i and "clause" in self.lex.frames(conj) \
                            and any(g.dep_ == "ccomp" for g in conj.children):
                        cut = conj.left_edge.i
                        while cut > cc.i and doc[cut - 1].dep_ in ("cc", "punct"):
                            cut -= 1
                        hi = min(hi, cut)
                content = _trim(doc, lo, hi)
            elif not any(c.dep_ == "dobj" and c.i > v.i for c in children):
                content = self._advcl_content(doc, v, children, wide="parenthetical" in frames)
        if content is None and "xcomp" in frames:
            xc = next((c for c in children if c.dep_ == "xcomp"), None)
            if xc is not None:
                obj = next((c for c in children if c.dep_ == "dobj" and c.i < xc.i), None)
                lo = (obj.left_edge.i if obj is not None else xc.left_edge.i)
                content = _trim(doc, lo, xc.right_edge.i + 1)
        if content is None and "object" in frames:
            preps = self.lex.preps.get(lemma, frozenset())
            obj = next((c for c in children if c.dep_ == "dobj"), None)
            if obj is not None and obj.i > v.i:
                hi = obj.right_edge.i + 1
                for c in children:  # 'called Trump a liar', 'described Kim as a friend'
                    if c.i > obj.i and (c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")):
                        hi = max(hi, c.right_edge.i + 1)
                content = _trim(doc, obj.left_edge.i, hi)
        if content is None and self.lex.preps.get(lemma):
            content = self._prep_content(doc, v, children, self.lex.preps[lemma], extra_cue)
        if content is None and "parenthetical" in frames:
            if v.dep_ in ("parataxis",) and v.head is not v:
                h = v.head
                lo, hi = _subtree_range(h, exclude=[v])
                if v.i > h.i:
                    hi = min(hi, v.left_edge.i)
                else:
                    lo = max(lo, v.right_edge.i + 1)
                content = _trim(doc, lo, hi)
            else:
                para = next((c for c in children if c.dep_ == "parataxis"), None)
                if para is not None:
                    lo, hi = _subtree_range(para, exclude=[v])
                    content = _trim(doc, lo, hi)
        source, head = self._source_of(doc, v)
        if content is not None and source is not None and _overlap(content, source):
            content = None
        origin = "parse"
        if source is None and self.lex.kinds.get(lemma) in self.lex.passive_kinds \
                and lemma not in self.lex.passive_exclude:
            spass = next((c for c in children if c.dep_ == "nsubjpass"), None)
            if spass is not None and not any(c.dep_ == "agent" for c in children):
                # 'He has been criticized for ...', 'X is expected to win': no source named
                origin = "passive"
                if content is None:
                    lo, hi = _subtree_range(spass, exclude=[v])
                    content = _trim(doc, lo, hi)
                    if spass.lower_ in _WH_WORDS or spass.lower_ in _REL_PRONOUNS:
                        content = None  # 'what is being criticized as ...': the content is elsewhere
        if content is None and "quote" not in frames:
            return None
        return _Attr(cue=self._cue_range(doc, v, extra_cue), source=source, content=content,
                     origin=origin, src_head=head, cue_tok=v)

    @staticmethod
    def _advcl_content(doc, v, children, wide: bool = True) -> Optional[Range]:
        """A reported clause the parser attached as ``advcl``.

        'X said after the meeting he would resign' (no subordinator) and
        'X has not said when they would vote' (an indirect question) come out
        as adverbial clauses; a clause with its own subject after the cue and
        no adverbial subordinator (because, if, while ...) is the content.
        wide (bool): False for verbs that do not report speech, which then take
        no clause opened by "when" or "if" ('questioned the plan when ...').
        """
        for c in children:
            if c.dep_ != "advcl" or c.i < v.i:
                continue
            if not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
                continue
            marks = [g for g in c.children if g.dep_ in ("mark", "advmod") and g.i < c.i
                     and g.i == c.left_edge.i]
            if marks and (marks[0].lower_ not in _WH_WORDS or (not wide and marks[0].lower_ in ("when", "if"))):
                continue
            return _trim(doc, c.left_edge.i, c.right_edge.i + 1)
        return None

    @staticmethod
    def _prep_content(doc, v, children, preps, extra_cue) -> Optional[Range]:
        """Content of 'called for X', 'pointed to X', 'pointed out X'; the particle joins the cue."""
        for c in children:
            if c.dep_ not in ("prep", "prt") or c.lower_ not in preps or c.i < v.i:
                continue
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                extra_cue.append(c)
                return _trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
            if c.dep_ == "prt":
                extra_cue.append(c)
                obj = next((g for g in children if g.dep_ in ("dobj", "ccomp")), None)
                if obj is not None:
                    return _trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
        return None

    def _noun_attr(self, doc, tok) -> Optional[_Attr]:
        """A nominal cue: 'Clinton's claim that ...', 'criticism of X from Y', 'raised questions about X'.

        The noun's lemma is in ``nouns`` of cues.yaml with the prepositions that
        introduce its content. Content: a that-/wh-clause or to-infinitive
        attached to the noun, else the object of one of its prepositions.
        Source: the possessor ('his comments'), a by/from phrase, or the subject
        of a light verb whose object the noun is ('X raised questions about');
        none when the noun is the object of a target verb ('X faced criticism
        for ...', PolNeAR's source-less attributions); otherwise no attribution.
        RETURNS (_Attr | None).
        """
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in self.lex.nouns:
            return None
        preps = self.lex.nouns[tok.lemma_.lower()]
        content = None
        cue_end = tok
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ in ("acl", "ccomp", "relcl"):
                first = doc[c.left_edge.i]
                mark = next((g for g in c.children if g.dep_ in ("mark", "aux") and g.i < c.i), None)
                if (mark is not None and (mark.lower_ in ("that", "to") or mark.lower_ in _WH_WORDS)
                        and first.i == mark.i) or first.lower_ in _WH_WORDS - {"which", "who", "whom"}:
                    content = _trim(doc, c.left_edge.i, c.right_edge.i + 1)
                    break
            if c.dep_ == "prep" and c.lower_ in preps:
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    content = _trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
                    if c.i == tok.i + 1:
                        cue_end = c
                    break
        if content is None:
            return None
        source, head = None, None
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "among")), None)
        if poss is not None and poss.lower_ not in ("its",):
            source, head = _trim(doc, poss.left_edge.i, poss.right_edge.i + 1), poss
            if source is not None and doc[poss.right_edge.i].lower_ in ("'s", "’s", "'", "’"):
                source = _trim(doc, poss.left_edge.i, poss.right_edge.i)
        elif by is not None and any(g.dep_ == "pobj" for g in by.children):
            pobj = next(g for g in by.children if g.dep_ == "pobj")
            source, head = _trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1), pobj
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.lex.light_verbs:
            source, head = self._source_of(doc, tok.head)
        elif not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.lex.target_verbs):
            return None  # a bare noun ('the idea that ...') is too often no attribution
        # else 'X faced questions about ...': X is the target, the source is not named
        if source is not None and _overlap(source, content):
            return None
        cue = (tok.idx, cue_end.idx + len(cue_end.text))
        return _Attr(cue=cue, source=source, content=content, origin="noun", src_head=head, cue_tok=tok)

    def _phrase_attr(self, doc, tok) -> Optional[_Attr]:
        low = tok.lower_
        for phrase in self.lex.phrases:
            if low != phrase[0] or tok.i + len(phrase) > len(doc):
                continue
            if tuple(t.lower_ for t in doc[tok.i:tok.i + len(phrase)]) != phrase:
                continue
            last = doc[tok.i + len(phrase) - 1]
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            source = _trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
            phrase_lo = tok.i
            phrase_hi = max(pobj.right_edge.i, last.i) + 1
            # the clause the phrase modifies
            h = tok.head
            while h.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "parataxis") and h.head is not h:
                h = h.head
            if h.i >= phrase_lo and h.i < phrase_hi:
                return None
            lo, hi = h.left_edge.i, h.right_edge.i + 1
            if h.i >= phrase_hi:
                lo = max(lo, phrase_hi)
            else:
                hi = min(hi, phrase_lo)
            content = _trim(doc, lo, hi)
            cue = (tok.idx, last.idx + len(last.text))
            return _Attr(cue=cue, source=source, content=content, origin="phrase", src_head=pobj, cue_tok=tok)
        return None

    def _colon_attrs(self, doc) -> list[_Attr]:
        """'PENCE: ...', 'Poll: Clinton leads' at the start of a line."""
        out = []
        text = _text(doc)
        for p_start, p_end in _paragraphs(text):
            line = text[p_start:p_end]
            m = re.match(r"""\s*["“]?([A-Z][^:\n]{0,40}?):\s+(\S.*?)\s*$""", line)
            if not m:
                continue
            name = m.group(1).strip()
            words = name.split()
            if not (1 <= len(words) <= 5):
                continue
            if not (name.isupper() or all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)
                    or name.lower() in self.lex.colon_sources):
                continue
            if words[-1].lower() in ("note", "update", "correction", "transcript", "photo", "video", "read",
                                     "watch", "related", "source", "sources", "editor"):
                continue
            s0 = p_start + m.start(1)
            c0 = p_start + m.end(1)
            t0, t1 = p_start + m.start(2), p_start + m.end(2)
            if t1 - t0 < 8:
                continue
            head = doc.char_span(s0, s0 + len(name), alignment_mode="expand")
            out.append(_Attr(cue=(c0, c0 + 1), source=(s0, s0 + len(name)), content=(t0, t1), origin="colon",
                             src_head=head.root if head is not None and len(head) else None))
        return out

    # -- direct quotations -------------------------------------------------
    def _context(self, text: str, q: Range, qspans, k: int, forward: bool) -> Range:
        """Characters outside quotation ``q`` up to the sentence end / line end / next quotation."""
        if forward:
            stop = qspans[k + 1][0] if k + 1 < len(qspans) else len(text)
            i = q[1]
            limit = min(stop, len(text), i + 300)
            while i < limit:
                ch = text[i]
                if ch == "\n":
                    break
                if ch in _TERMINATORS and (i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in _QUOTE_CHARS):
                    i += 1
                    break
                i += 1
            return q[1], i
        stop = qspans[k - 1][1] if k > 0 else 0
        i = q[0]
        limit = max(stop, 0, i - 300)
        while i > limit:
            ch = text[i - 1]
            if ch == "\n":
                break
            if ch in _TERMINATORS and i < len(text) and text[i].isspace():
                break
            i -= 1
        return i, q[0]

    def _cue_in(self, doc, rng: Range, attrs_by_cue, contentless_by_cue, q: Range, nearest_last: bool):
        """A cue token in characters ``rng`` able to introduce quotation ``q``."""
        span = doc.char_span(rng[0], rng[1], alignment_mode="contract")
        if span is None or len(span) == 0:
            return None
        toks = list(span)
        if nearest_last:
            toks.reverse()
        words = [t for t in span if not t.is_punct and not t.is_space]
        for t in toks:
            # in a quotation's context the tagger's part of speech is not trusted
            # ('..., an editorial on the website read.' tags "read" as a noun)
            frames = self.lex.verbs.get(t.lemma_.lower()) or self.lex.verbs.get(t.lower_) or frozenset()
            if "quote" not in frames:
                continue
            a = attrs_by_cue.get(t.i) or contentless_by_cue.get(t.i)
            if a is None:
                src, head = self._source_of(doc, t) if self.lex.frames(t) else (None, None)
                if src is None or not (rng[0] <= src[0] and src[1] <= rng[1]):
                    src, head = self._context_source(doc, t, words)
                if src is None:
                    continue
                a = _Attr(cue=self._cue_range(doc, t), source=src, content=None, origin="quote",
                          src_head=head, cue_tok=t)
            if a.source is None:
                continue
            if a.content is not None and not _overlap(a.content, q) and a.origin not in ("quote", "dash"):
                continue  # the cue has its own (non-quoted) content
            return a
        return None

    @staticmethod
    def _context_source(doc, cue, words):
        """Source next to a cue in a quotation's context when the parse gives none.

        The words before the cue ('an editorial ... read'), or after it when the
        cue comes first ('said Caddell'). RETURNS (Range | None, Token | None).
        """
        if not words:
            return None, None
        if cue.i == words[0].i and len(words) > 1:
            lo, hi = words[1].i, words[-1].i + 1
        else:
            lo, hi = words[0].i, cue.i
            while hi > lo and (doc[hi - 1].dep_ in _AUX_DEPS or doc[hi - 1].pos_ in ("AUX", "ADV", "PART")):
                hi -= 1
        for k in range(hi - 1, lo - 1, -1):  # a source does not run over a paragraph break
            if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
                lo = k + 1
                break
        while lo < hi and (doc[lo].is_space or doc[lo].is_punct):
            lo += 1
        if hi <= lo:
            return None, None
        span = doc[lo:hi]
        # not a noun phrase: 'and placed further emphasis on [maintaining]', 'and its [alleged]'
        if span[0].pos_ == "CCONJ" or span[-1].pos_ in ("ADP", "DET", "CCONJ") or span[-1].tag_ == "PRP$":
            return None, None
        r = _trim(doc, lo, hi)
        if r is None:
            return None, None
        if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in span):
            return None, None
        return r, span.root

    def _link_quotes(self, doc, qspans, attrs: list[_Attr], contentless: list[_Attr]) -> None:
        text = _text(doc)
        attrs_by_cue = {a.cue_tok.i: a for a in attrs if a.cue_tok is not None}
        contentless_by_cue = {a.cue_tok.i: a for a in contentless if a.cue_tok is not None}
        for k, q in enumerate(qspans):
            # a quotation inside a content already found: mixed (or that content is the quote)
            host = next((a for a in attrs if a.content and a.content[0] <= q[0] and q[1] <= a.content[1]), None)
            if host is not None and host.content != q:
                if not _mostly_inside(text, host.content, q):
                    host.mixed = True
                    continue
            after = self._context(text, q, qspans, k, True)
            before = self._context(text, q, qspans, k, False)
            a = None
            dash = self._dash_source(doc, text, after)
            if dash is not None:
                attrs.append(_Attr(cue=dash[0], source=dash[1], content=q, origin="dash",
                                   src_head=dash[2]))
                continue
            if _has_word(text, after):
                a = self._cue_in(doc, after, attrs_by_cue, contentless_by_cue, q, nearest_last=False)
            if a is None and _has_word(text, before):
                a = self._cue_in(doc, before, attrs_by_cue, contentless_by_cue, q, nearest_last=True)
            if a is not None:
                self._attach(a, q, attrs, attrs_by_cue, text)
                continue
            if _has_word(text, after) or _has_word(text, before):
                continue  # a quoted fragment inside a sentence without a cue: scare quotes, titles
            # a stand-alone quotation: colon before, floating continuation, speaker before/after
            a = self._standalone(doc, text, q, attrs, contentless, attrs_by_cue, contentless_by_cue)
            if a is not None:
                self._attach(a, q, attrs, attrs_by_cue, text)

    def _attach(self, a: _Attr, q: Range, attrs, attrs_by_cue, text) -> None:
        """Make quotation ``q`` the content (or one more content piece) of attribution ``a``."""
        if a.content is None:
            a.content = q
            if a.origin == "parse":
                a.origin = "quote"
        elif a.content == q or any(p == q for p in a.parts):
            pass
        elif _overlap(a.content, q):
            if _mostly_inside(text, a.content, q):
                a.content = q
                a.origin = "quote"
            else:
                a.mixed = True
        else:
            a.parts.append(q)
        if a not in attrs:
            attrs.append(a)
            if a.cue_tok is not None:
                attrs_by_cue[a.cue_tok.i] = a

    def _dash_source(self, doc, text, after: Range):
        seg_end = text.find("\n", after[0])
        seg_end = len(text) if seg_end < 0 else seg_end
        seg = text[after[0]:seg_end]
        m = re.match(r"\s*(" + "|".join(re.escape(d) for d in self.lex.dashes) + r")\s*([A-Z][^\n]{1,60}?)[.\s]*$", seg) \
            if self.lex.dashes else None
        if not m:
            return None
        c0 = after[0] + m.start(1)
        s0, s1 = after[0] + m.start(2), after[0] + m.end(2)
        span = doc.char_span(s0, s1, alignment_mode="expand")
        return (c0, after[0] + m.end(1)), (s0, s1), (span.root if span is not None and len(span) else None)

    def _standalone(self, doc, text, q, attrs, contentless, attrs_by_cue, contentless_by_cue):
        prev = text[:q[0]].rstrip()
        # 'Caddell continued:' / 'Trump told reporters:' at the end of the previous sentence or line
        if prev.endswith(":"):
            colon = len(prev) - 1
            lo = max(prev.rfind("\n", 0, colon) + 1, 0)
            for t in _TERMINATORS:
                j = prev.rfind(t + " ", lo, colon)
                if j >= 0:
                    lo = max(lo, j + 2)
            a = self._cue_in(doc, (lo, colon), attrs_by_cue, contentless_by_cue, q, nearest_last=True)
            if a is not None:
                return a
            span = doc.char_span(lo, colon, alignment_mode="contract")
            if span is not None and len(span):
                root = span.root
                subj = next((c for c in root.children if c.dep_ in ("nsubj",)), None)
                if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON"):
                    src = _trim(doc, *_subtree_range(subj, exclude=[root]))
                    if src:
                        return _Attr(cue=(colon, colon + 1), source=src, content=None, origin="colon",
                                     src_head=subj)
        # floating: continues the attribution that ends right before
        best = None
        for a in list(attrs) + list(contentless):
            e = a.extent_end()
            if e <= q[0] and (best is None or e > best.extent_end()):
                best = a
        if best is not None and best.source is not None:
            gap = text[best.extent_end():q[0]]
            if not _has_word(text, (best.extent_end(), q[0])) and gap.count("\n") <= 2:
                return best
        # speaker in the next sentence: '"...." \n Trump said so on Sunday.'
        nxt_start = q[1]
        while nxt_start < len(text) and text[nxt_start].isspace():
            nxt_start += 1
        nxt_end = nxt_start
        while nxt_end < len(text) and text[nxt_end] != "\n" and not (
                text[nxt_end] in _TERMINATORS and (nxt_end + 1 >= len(text) or text[nxt_end + 1].isspace())):
            nxt_end += 1
        if nxt_end > nxt_start and nxt_end - nxt_start < 80:
            span = doc.char_span(nxt_start, nxt_end, alignment_mode="contract")
            if span is not None:
                for t in span:
                    a = contentless_by_cue.get(t.i)
                    if a is not None and a.source is not None:
                        return a
        return None

    # -- clean-up ------------------------------------------------------------
    @staticmethod
    def _drop_nested(attrs: list[_Attr]) -> list[_Attr]:
        """Drop attributions whose cue lies inside another's content (PolNeAR: no nesting) and duplicates."""
        keep = []
        seen = set()
        for a in attrs:
            if a.content is None:
                continue
            key = (a.cue, a.content)
            if key in seen:
                continue
            nested = False
            for b in attrs:
                if b is a or b.content is None or a.cue is None:
                    continue
                ranges = [b.content] + b.parts
                if any(r[0] <= a.cue[0] and a.cue[1] <= r[1] for r in ranges):
                    if not (a.content[0] <= b.cue[0] < a.content[1]) if b.cue else True:
                        nested = True
                        break
            if not nested:
                seen.add(key)
                keep.append(a)
        return keep

    # -- records -------------------------------------------------------------
    def _records(self, ctx, attrs: list[_Attr], qspans) -> list[Quote]:
        text = _text(ctx.doc)
        finder = _ActorFinder(ctx)
        by_head: dict[str, Speaker] = {}
        pieces = []
        for a in attrs:
            for rng in [a.content] + a.parts:
                pieces.append((rng, a))
        pieces.sort(key=lambda p: p[0][0])
        out: list[Quote] = []
        speakers: dict[int, Optional[Speaker]] = {}
        for rng, a in pieces:
            if id(a) not in speakers:
                speakers[id(a)] = self._speaker(ctx, a, finder, by_head)
            kind = _kind(text, rng, qspans, a.mixed and rng == a.content)
            out.append(Quote(id=ctx.new_id("Q"), kind=kind,
                             cue=_evidence(ctx, text, a.cue) if a.cue else None,
                             source=_evidence(ctx, text, a.source) if a.source else None,
                             content=_evidence(ctx, text, rng), speaker=speakers[id(a)]))
        return out

    def _speaker(self, ctx, a: _Attr, finder, by_head) -> Optional[Speaker]:
        if a.source is None:
            return None
        head = a.src_head
        mentions = finder.within(*a.source)
        best = None
        if head is not None and mentions:
            h0, h1 = head.idx, head.idx + len(head.text)
            best = next((m for m in mentions if m.evidence.start <= h0 and h1 <= m.evidence.end), None)
        head_key = head.lemma_.lower() if head is not None and head.pos_ == "NOUN" else None
        if best is None and head_key and head_key in by_head and any(
                c.lower_ in ("the", "this", "that") for c in head.children):
            return by_head[head_key]
        if best is None and mentions:
            best = mentions[0]
        if best is not None:
            sp = Speaker(canonical=best.canonical, mention=best.id, code=best.code, sector=best.sector)
        else:
            src_text = _text(ctx.doc)[a.source[0]:a.source[1]]
            sp = Speaker(canonical=src_text.strip(" ,"), mention=None, code=None, sector=None)
        if head_key and best is not None:
            by_head.setdefault(head_key, sp)
        return sp


class _RangeIndex:
    """Which of a sorted list of non-overlapping ranges holds a character."""

    def __init__(self, ranges):
        import bisect
        self._bisect = bisect
        self.ranges = ranges
        self.starts = [r[0] for r in ranges]

    def find(self, char: int) -> Optional[int]:
        k = self._bisect.bisect_right(self.starts, char) - 1
        if k >= 0 and self.ranges[k][0] <= char < self.ranges[k][1]:
            return k
        return None


class _ActorFinder:
    """Actor mentions by character range: ``ctx.shared['actors'].mentions_in`` or a scan of the records."""

    def __init__(self, ctx):
        shared = ctx.shared.get("actors")
        self._fn = None
        if shared is not None:
            fn = shared.get("mentions_in") if isinstance(shared, dict) else getattr(shared, "mentions_in", None)
            if callable(fn):
                self._fn = fn
        self._actors = sorted(ctx.analysis.actors, key=lambda m: m.evidence.start)

    def within(self, start: int, end: int) -> list:
        """RETURNS (list[Actor]): mentions inside characters [start, end), in text order."""
        if self._fn is not None:
            try:
                found = list(self._fn(start, end))
                return sorted(found, key=lambda m: m.evidence.start)
            except Exception:  # fall back to the records
                pass
        return [m for m in self._actors if start <= m.evidence.start and m.evidence.end <= end]


def _cut_paragraphs(doc, rng: Optional[Range], cue) -> Optional[Range]:
    """Cut a source range to the paragraph (line) nearest its cue token.

    The parser sometimes joins a headline or a photo caption to the subject of
    the next paragraph ('Sadiq Khan\\n\\nAlexis Boon, the head of ... said'):
    a source before its cue keeps its last line, one after it its first line.
    """
    if rng is None or cue is None:
        return rng
    text = _text(doc)
    if "\n" not in text[rng[0]:rng[1]]:
        return rng
    if cue.idx >= rng[1]:
        lo, hi = text.rfind("\n", rng[0], rng[1]) + 1, rng[1]
    else:
        lo, hi = rng[0], text.find("\n", rng[0], rng[1])
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1] in " \t,;":
        hi -= 1
    return (lo, hi) if hi > lo else rng


def _evidence(ctx, text: str, rng: Range) -> Evidence:
    return Evidence(sentence=ctx.sentence_index(rng[0]), start=rng[0], end=rng[1], text=text[rng[0]:rng[1]])


def _has_word(text: str, rng: Range) -> bool:
    return any(ch.isalnum() for ch in text[rng[0]:rng[1]])


def _word_chars(text: str, rng: Range) -> int:
    return sum(ch.isalnum() for ch in text[rng[0]:rng[1]])


def _mostly_inside(text: str, content: Range, q: Range) -> bool:
    """True when ``content`` has few word characters outside quotation ``q`` (at most "that")."""
    outside = _word_chars(text, (content[0], max(content[0], q[0]))) + _word_chars(text, (min(content[1], q[1]), content[1]))
    return outside <= 4


def _kind(text: str, rng: Range, qspans, mixed: bool) -> str:
    total = _word_chars(text, rng)
    quoted = sum(_word_chars(text, (max(rng[0], s), min(rng[1], e))) for s, e in qspans if s < rng[1] and e > rng[0])
    if total and quoted >= 0.9 * total:
        return "direct"
    if quoted or mixed:
        return "mixed"
    return "indirect"
