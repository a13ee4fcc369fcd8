"""Direct quotations: link each quotation to the cue and source next to it, or to the one before.

Step 3 of the quotes stage (see :mod:`newsevents.quotes`): '"...," Trump said.', 'He said: "..."',
'"..." ― Jane Doe', stand-alone and floating quotations; then nested attributions are dropped.
"""
from __future__ import annotations

import re

from .bounds import quotation_content
from .deeds import reports_nothing
from .marks import QUOTE_CHARS, TERMINATORS, TURN_LABEL
from .misparse import caption_or_title
from .parse import cue_range
from .sources import source_of
from .spans import AUX_DEPS, Attr, Range, doc_text, has_word, mostly_inside, overlap, subtree_range, trim, word_chars


def link_quotes(lex, doc, qspans, attrs: list[Attr], contentless: list[Attr]) -> None:
    text = doc_text(doc)
    attrs_by_cue = {a.cue_tok.i: a for a in attrs if a.cue_tok is not None}
    contentless_by_cue = {a.cue_tok.i: a for a in contentless if a.cue_tok is not None}
    for k, q in enumerate(qspans):
        if _a_name(text, q):
            continue  # 'Anna Franowska of "Have no fear", a charity': a name in quote marks
        if TURN_LABEL.match(text, q[0]):
            continue  # '"WALLACE: ...': a transcript turn, its label speaks it (nominal.colon_attrs)
        cut = None
        for a in attrs:  # 'said, "They need to stand by us", while addressing the press': the quotation
            if a.content and overlap(a.content, q) and a.content[1] > q[1] and cut is None:
                whole = quotation_content(lex, doc, text, a.cue, a.content, q)
                if whole is not None:
                    a.content = cut = whole
        if cut is not None:
            continue  # its cue is found: not the next cue after it ('..., recalling their first meeting')
        own = next((a for a in attrs if a.content and a.cue and a.cue[1] <= q[0] and not has_word(text, (a.cue[1], q[0]))
                    and q[0] <= a.content[0] and a.content[1] <= q[1]
                    and word_chars(text, a.content) >= 0.9 * word_chars(text, q)), None)
        if own is not None:
            # the clause read off the parse of a cue right before the quotation is the quotation ('said, "A",
            # also observing, "B"': A is not what "observing" introduces)
            attach(own, q, attrs, attrs_by_cue, text)
            continue
        # a quotation inside a content already found: mixed (or that content is the quote)
        host = next((a for a in attrs if a.content and a.content[0] <= q[0] and q[1] <= a.content[1]), None)
        if host is not None and host.content != q:
            if not mostly_inside(text, host.content, q):
                host.mixed = True
                continue
        after = context(text, q, qspans, k, True)
        before = context(text, q, qspans, k, False)
        a = None
        dash = dash_source(lex, doc, text, after)
        if dash is not None:
            attrs.append(Attr(cue=dash[0], source=dash[1], content=q, origin="dash",
                              src_head=dash[2]))
            continue
        if has_word(text, after):
            a = cue_in(lex, doc, after, attrs_by_cue, contentless_by_cue, q, nearest_last=False, qspans=qspans)
        if a is None and has_word(text, before):
            a = cue_in(lex, doc, before, attrs_by_cue, contentless_by_cue, q, nearest_last=True, qspans=qspans)
        if a is not None:
            attach(a, q, attrs, attrs_by_cue, text)
            continue
        if text[:q[0]].rstrip().endswith(":") and not has_word(text, after):
            # 'In his message, he appreciated the general's life: "He was ..."': a clause
            # without a cue verb introducing the quotation with a colon; its subject speaks
            # ('Trump told reporters:\n\n"..."': the cue verb before the colon, a paragraph above).
            # Not a cue after the quotation: the colon's lead-in is the one introducing it.
            a = standalone(lex, doc, text, q, [], [], attrs_by_cue, contentless_by_cue)
            if a is not None and (a.origin == "colon" or a.cue is not None and a.cue[1] <= q[0]):
                attach(a, q, attrs, attrs_by_cue, text)
            continue
        if has_word(text, after) or has_word(text, before):
            continue  # a quoted fragment inside a sentence without a cue: scare quotes, titles
        # a stand-alone quotation: colon before, floating continuation, speaker before/after
        a = standalone(lex, doc, text, q, attrs, contentless, attrs_by_cue, contentless_by_cue)
        if a is not None:
            attach(a, q, attrs, attrs_by_cue, text)


_NAMING = re.compile(r"\b(?:of|titled|entitled|named)\s*$")


def colon_paragraphs(lex, doc, contentless: list[Attr], attrs: list[Attr]) -> None:
    """A lead-in 'X added:' ending its paragraph, followed by a paragraph without quote marks:
    that paragraph is the content (a block quotation whose marks the page's layout carried).

    'The governor added:\n\nIt's typical of Hillary Clinton. She knows nothing ...' — PolNeAR
    annotates the whole next paragraph as the content of "added:". Only cues that introduce
    quotations (frame ``quote``) with a source and no content of their own; the paragraph must
    hold no quotation mark (one with marks is linked as a quotation in :func:`link_quotes`).
    Appends the attributions it completes to ``attrs``.
    """
    text = doc_text(doc)
    for a in contentless:
        v = a.cue_tok
        if a.content is not None or a.source is None or v is None or a in attrs \
                or "quote" not in (lex.verbs.get(v.lemma_.lower()) or ()):
            continue
        eol = text.find("\n", a.cue[1])
        if eol < 0:
            continue
        rest = text[a.cue[1]:eol].rstrip()
        if not rest.endswith(":") or any(c in QUOTE_CHARS for c in rest) or len(rest) > 40:
            continue
        lo = eol
        while lo < len(text) and text[lo].isspace():
            lo += 1
        hi = text.find("\n", lo)
        hi = len(text) if hi < 0 else hi
        para = text[lo:hi].rstrip()
        if not para or any(c in QUOTE_CHARS for c in para if c not in "'’") or not has_word(text, (lo, hi)):
            continue
        a.content = (lo, lo + len(para))
        attrs.append(a)


def _a_name(text: str, q: Range) -> bool:
    """True for a short quotation right after 'of', 'titled', 'entitled' or 'named' and
    followed by a comma: the name of a group, a book or a film ('X of "Have no fear", a charity')."""
    inner = text[q[0]:q[1]].strip("\"“”‘’'«» ")
    if len(inner.split()) > 6 or inner.endswith((",", ".", "!", "?")):
        return False
    return bool(_NAMING.search(text[max(0, q[0] - 40):q[0]])) and text[q[1]:q[1] + 1] == ","


def attach(a: Attr, q: Range, attrs, attrs_by_cue, text) -> None:
    """Make quotation ``q`` the content (or one more content piece) of attribution ``a``."""
    if a.content is None:
        a.content = q
        if a.origin == "parse":
            a.origin = "quote"
    elif a.content == q or any(p == q for p in a.parts):
        pass
    elif overlap(a.content, q):
        if mostly_inside(text, a.content, q):
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


def context(text: str, q: Range, qspans, k: int, forward: bool) -> Range:
    """Characters outside quotation ``q`` up to the sentence end / line end / next quotation."""
    if forward:
        stop = qspans[k + 1][0] if k + 1 < len(qspans) else len(text)
        i = q[1]
        limit = min(stop, len(text), i + 300)
        while i < limit:
            ch = text[i]
            if ch == "\n":
                break
            if ch in TERMINATORS and (i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in QUOTE_CHARS):
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
        if ch in TERMINATORS and i < len(text) and text[i].isspace():
            break
        i -= 1
    return i, q[0]


def cue_in(lex, doc, rng: Range, attrs_by_cue, contentless_by_cue, q: Range, nearest_last: bool, qspans=()):
    """A cue token in characters ``rng`` able to introduce quotation ``q``.

    qspans (list[Range]): the article's quotations; a cue whose own content is another
    quotation still takes ``q`` ('"A," he said, "B."': B is its content, A one more piece).
    """
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
        frames = lex.verbs.get(lex.lemma(t)) or lex.verbs.get(t.lower_) or frozenset()
        if "quote" not in frames or caption_or_title(t) or reports_nothing(lex, t):
            # 'People holding a banner saying "..."': a caption, no one speaks; 'claiming thousands of pounds',
            # 'succeeded only in underlining': no one says anything
            continue
        if t.lemma_.lower() in lex.quote_without_object and any(
                c.dep_ == "dobj" and not overlap(q, (c.idx, c.idx + 1)) for c in t.children):
            continue  # 'trying to add the question, "..."', 'continued the work': not said
        a = attrs_by_cue.get(t.i) or contentless_by_cue.get(t.i)
        if a is None:
            src, head = source_of(lex, doc, t) if lex.frames(t) else (None, None)
            if src is None or not (rng[0] <= src[0] and src[1] <= rng[1]):
                src, head = context_source(doc, t, words)
            if src is None:
                continue
            a = Attr(cue=cue_range(doc, t), source=src, content=None, origin="quote",
                     src_head=head, cue_tok=t)
        if a.source is None:
            continue
        if a.content is not None and not overlap(a.content, q) and a.origin not in ("quote", "dash") \
                and not (split_piece(doc_text(doc), q) and any(
                    overlap(a.content, s) and mostly_inside(doc_text(doc), a.content, s) for s in qspans)):
            continue  # the cue has its own (non-quoted) content
        return a
    return None


def split_piece(text: str, q: Range) -> bool:
    """True for the first piece of a split quotation: it closes on a comma or dash ('"A," he said, "B."')."""
    inner = text[q[0]:q[1]].rstrip("\"”’'» ")
    return inner.endswith((",", "—", "–", "-"))


def context_source(doc, cue, words):
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
        while hi > lo and (doc[hi - 1].dep_ in AUX_DEPS or doc[hi - 1].pos_ in ("AUX", "ADV", "PART")):
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
    r = trim(doc, lo, hi)
    if r is None:
        return None, None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in span):
        return None, None
    return r, span.root


def dash_source(lex, doc, text, after: Range):
    seg_end = text.find("\n", after[0])
    seg_end = len(text) if seg_end < 0 else seg_end
    seg = text[after[0]:seg_end]
    m = re.match(r"\s*(" + "|".join(re.escape(d) for d in lex.dashes) + r")\s*([A-Z][^\n]{1,60}?)[.\s]*$", seg) \
        if lex.dashes else None
    if not m:
        return None
    c0 = after[0] + m.start(1)
    s0, s1 = after[0] + m.start(2), after[0] + m.end(2)
    span = doc.char_span(s0, s1, alignment_mode="expand")
    return (c0, after[0] + m.end(1)), (s0, s1), (span.root if span is not None and len(span) else None)


def standalone(lex, doc, text, q, attrs, contentless, attrs_by_cue, contentless_by_cue):
    prev = text[:q[0]].rstrip()
    # 'Caddell continued:' / 'Trump told reporters:' at the end of the previous sentence or line
    if prev.endswith(":"):
        colon = len(prev) - 1
        lo = max(prev.rfind("\n", 0, colon) + 1, 0)
        for t in TERMINATORS:
            j = prev.rfind(t + " ", lo, colon)
            if j >= 0:
                lo = max(lo, j + 2)
        a = cue_in(lex, doc, (lo, colon), attrs_by_cue, contentless_by_cue, q, nearest_last=True)
        if a is not None:
            return a
        span = doc.char_span(lo, colon, alignment_mode="contract")
        if span is not None and len(span):
            root = span.root
            subj = next((c for c in root.children if c.dep_ in ("nsubj",)), None)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON"):
                src = trim(doc, *subtree_range(subj, exclude=[root]))
                if src:
                    return Attr(cue=(colon, colon + 1), source=src, content=None, origin="colon",
                                src_head=subj)
            # a lead-in with no verb: 'And from Chairwoman Dana Price:' -> the last name in it
            if len(span) <= 12 and not any(t.pos_ in ("VERB", "AUX") for t in span):
                names = [t for t in span if t.pos_ == "PROPN"]
                if names:
                    last = names[-1]
                    first = last
                    while first.i > span.start and doc[first.i - 1].pos_ == "PROPN":
                        first = doc[first.i - 1]
                    src = trim(doc, first.i, last.i + 1)
                    if src:
                        return Attr(cue=(colon, colon + 1), source=src, content=None, origin="colon",
                                    src_head=last)
    # floating: continues the attribution that ends right before
    best = None
    for a in list(attrs) + list(contentless):
        e = a.extent_end()
        if e <= q[0] and (best is None or e > best.extent_end()):
            best = a
    if best is not None and best.source is not None:
        end = best.extent_end()
        if best.cue_tok is not None and "\n" not in text[end:best.cue_tok.sent.end_char]:
            # the rest of the attribution's own sentence: '"A," Lam continued in the statement. "B."',
            # 'McGurk criticized the decision via Twitter. "..."'
            end = max(end, min(best.cue_tok.sent.end_char, q[0]))
        gap = text[end:q[0]]
        if not has_word(text, (end, q[0])) and gap.count("\n") <= 2:
            return best
    # speaker in the next sentence: '"...." \n Trump said so on Sunday.'
    nxt_start = q[1]
    while nxt_start < len(text) and text[nxt_start].isspace():
        nxt_start += 1
    nxt_end = nxt_start
    while nxt_end < len(text) and text[nxt_end] != "\n" and not (
            text[nxt_end] in TERMINATORS and (nxt_end + 1 >= len(text) or text[nxt_end + 1].isspace())):
        nxt_end += 1
    if nxt_end > nxt_start and nxt_end - nxt_start < 80:
        span = doc.char_span(nxt_start, nxt_end, alignment_mode="contract")
        if span is not None:
            for t in span:
                a = contentless_by_cue.get(t.i)
                if a is not None and a.source is not None:
                    return a
    return None


def drop_nested(attrs: list[Attr]) -> list[Attr]:
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
