"""Attributions without a cue verb: nominal cues, "according to" phrases, 'NAME: ...' lines.

Step 2 of the quotes stage (see :mod:`newsevents.quotes`), beside :mod:`.parse` (cue verbs).
Every function takes the :class:`~newsevents.quotes.cues.CueLexicon` and the article's ``Doc``.
"""
from __future__ import annotations

import re
from typing import Optional

from .bounds import conjunct_scope
from .marks import paragraphs
from .sources import source_of
from .spans import REL_PRONOUNS, WH_WORDS, Attr, doc_text, overlap, trim


def noun_attr(lex, doc, tok) -> Optional[Attr]:
    """A nominal cue: 'Clinton's claim that ...', 'criticism of X from Y', 'raised questions about X'.

    The noun's lemma is in ``nouns`` of cues.yaml with the prepositions that
    introduce its content. Content: a that-/wh-clause or to-infinitive
    attached to the noun, else the object of one of its prepositions.
    Source: the possessor ('his comments'), a by/from phrase, or the subject
    of a light verb whose object the noun is ('X raised questions about');
    none when the noun is the object of a target verb ('X faced criticism
    for ...', PolNeAR's source-less attributions); otherwise no attribution.
    RETURNS (Attr | None).
    """
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in lex.nouns:
        return None
    preps = lex.nouns[tok.lemma_.lower()]
    content = None
    cue_end = tok
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ in ("acl", "ccomp", "relcl"):
            first = doc[c.left_edge.i]
            mark = next((g for g in c.children if g.dep_ in ("mark", "aux") and g.i < c.i), None)
            if (mark is not None and (mark.lower_ in ("that", "to") or mark.lower_ in WH_WORDS)
                    and first.i == mark.i) or first.lower_ in WH_WORDS - {"which", "who", "whom"}:
                content = trim(doc, c.left_edge.i, c.right_edge.i + 1)
                break
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                content = trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
                if c.i == tok.i + 1:
                    cue_end = c
                break
    if content is None:
        return None
    source, head = None, None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "among")), None)
    if poss is not None and poss.lower_ not in ("its",):
        source, head = trim(doc, poss.left_edge.i, poss.right_edge.i + 1), poss
        if source is not None and doc[poss.right_edge.i].lower_ in ("'s", "’s", "'", "’"):
            source = trim(doc, poss.left_edge.i, poss.right_edge.i)
    elif by is not None and any(g.dep_ == "pobj" for g in by.children):
        pobj = next(g for g in by.children if g.dep_ == "pobj")
        source, head = trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1), pobj
    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.light_verbs:
        source, head = source_of(lex, doc, tok.head)
    elif not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.target_verbs):
        return None  # a bare noun ('the idea that ...') is too often no attribution
    # else 'X faced questions about ...': X is the target, the source is not named
    if source is not None and overlap(source, content):
        return None
    cue = (tok.idx, cue_end.idx + len(cue_end.text))
    return Attr(cue=cue, source=source, content=content, origin="noun", src_head=head, cue_tok=tok)


def phrase_attr(lex, doc, tok) -> Optional[Attr]:
    low = tok.lower_
    for phrase in lex.phrases:
        if low != phrase[0] or tok.i + len(phrase) > len(doc):
            continue
        if tuple(t.lower_ for t in doc[tok.i:tok.i + len(phrase)]) != phrase:
            continue
        last = doc[tok.i + len(phrase) - 1]
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lower_ in REL_PRONOUNS:
            return None  # 'an agreement according to which ...' names no source
        cue = (tok.idx, last.idx + len(last.text))
        quantity = next((c for c in pobj.children if c.i > pobj.i and c.dep_ in ("appos", "conj")
                         and c.pos_ == "NUM"), None)
        if quantity is not None:
            # 'potentially, according to Al Jazeera, US$3.6 billion from ..., $2.5 billion from ...':
            # the parser hung what is reported on the source; a sum or a count is never a source
            source = trim(doc, pobj.left_edge.i, quantity.left_edge.i)
            content = trim(doc, quantity.left_edge.i, pobj.right_edge.i + 1)
            if source is not None and content is not None:
                return Attr(cue=cue, source=source, content=content, origin="phrase", src_head=pobj, cue_tok=tok)
        spilled = _spilled_subject(doc, tok, pobj)
        if spilled is not None:  # 'According to the researchers, sacrifice and mummification ... was common'
            return Attr(cue=cue, source=spilled[0], content=spilled[1], origin="phrase", src_head=pobj, cue_tok=tok)
        scoped = conjunct_scope(doc, tok, pobj)
        if scoped is not None:  # 'largely Kurdish and, according to Turkey, supportive of the PKK'
            return Attr(cue=cue, source=scoped[0], content=scoped[1], origin="phrase", src_head=pobj, cue_tok=tok)
        source = trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
        content = _modified_clause(doc, tok.head, tok.i, max(pobj.right_edge.i, last.i) + 1)
        if content is None:
            return None
        return Attr(cue=cue, source=source, content=content, origin="phrase", src_head=pobj, cue_tok=tok)
    return _in_source(lex, doc, tok) or _as_put(lex, doc, tok)


#: dependencies of a clause's subject
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def _spilled_subject(doc, tok, pobj) -> Optional[tuple]:
    """'According to the researchers, sacrifice and mummification of ibises was common': the parser hung
    the clause's subject on the source as a conjunct or apposition after the comma, and the clause's verb
    has no subject of its own. The source ends at the comma; what follows is the content's subject
    (new-user trial 10: the speaker was looked for among the names of the whole span).

    tok (Token): the phrase's first token ("According"); pobj (Token): the phrase's object.
    RETURNS (tuple[Range, Range] | None): (source, content), or None when the clause has its own
    subject ('According to police, the army and the militia, the town fell' is a list of sources).
    """
    h = tok.head
    while h.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "parataxis") and h.head is not h:
        h = h.head
    if h.i <= pobj.i or h.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJECTS for c in h.children):
        return None
    spill = next((c for c in pobj.children if c.dep_ in ("conj", "appos") and c.i > pobj.i
                  and doc[c.left_edge.i - 1].text == "," and c.right_edge.i < h.i), None)
    if spill is None or spill.pos_ not in ("NOUN", "PROPN"):
        return None
    source = trim(doc, pobj.left_edge.i, spill.left_edge.i - 1)
    content = trim(doc, spill.left_edge.i, h.right_edge.i + 1)
    return (source, content) if source is not None and content is not None else None


def _modified_clause(doc, h, phrase_lo: int, phrase_hi: int, parts=None) -> Optional[Range]:
    """The clause that the phrase of tokens [phrase_lo, phrase_hi) modifies, without the phrase.

    h (Token): the phrase's head; the clause is the nearest clause head above it.
    parts (list | None): when given and the phrase stands inside the clause ('The requirement, as
        she put it, is ...'), the clause's part before the phrase is returned and the part after
        it appended here; else the part on the side of the clause's verb.
    RETURNS (Range | None).
    """
    while h.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "parataxis") and h.head is not h:
        h = h.head
    if phrase_lo <= h.i < phrase_hi:
        return None
    lo, hi = h.left_edge.i, h.right_edge.i + 1
    if parts is not None and lo < phrase_lo and phrase_hi < hi:
        after = trim(doc, phrase_hi, hi)
        if after is not None:
            parts.append(after)
        return trim(doc, lo, phrase_lo)
    if h.i >= phrase_hi:
        lo = max(lo, phrase_hi)
    else:
        hi = min(hi, phrase_lo)
    return trim(doc, lo, hi)


def _in_source(lex, doc, tok) -> Optional[Attr]:
    """'In the latest Post poll, Clinton led Trump by 5 points': a poll or study that a clause is
    read in is its source, "in" the cue (PolNeAR annotates them as "according to"). Only nouns of
    ``lex.in_sources``, only a phrase fronted before its clause and a comma ('was last included in
    the census' is where, not who says), and only on a clause whose verb is no cue ('In a report,
    X said': "said" is).
    RETURNS (Attr | None).
    """
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX") or lex.frames(tok.head):
        return None
    end = tok.right_edge.i + 1
    if not (tok.i < tok.head.i and end < len(doc) and doc[end].text == ","):
        return None  # fronted only: 'was included in the census' is a place, not a source
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in lex.in_sources:
        return None
    content = _modified_clause(doc, tok.head, tok.i, tok.right_edge.i + 1)
    source = trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
    if content is None or source is None:
        return None
    return Attr(cue=(tok.idx, tok.idx + len(tok.text)), source=source, content=content, origin="phrase",
                src_head=pobj, cue_tok=tok)


def _as_put(lex, doc, tok) -> Optional[Attr]:
    """'As a memo from the agency put it, the requirement is ...', '..., as Ms. Lee put it, is ...':
    the idiom ``lex.as_cues`` (verb lemma -> its object word) in a clause opened by "as" reports the
    clause it modifies; the source is the idiom's subject (or the object of "as" when the parser
    made "as" a preposition). RETURNS (Attr | None).
    """
    obj_word = lex.as_cues.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
    if obj_word is None or not any(c.dep_ == "dobj" and c.lower_ == obj_word for c in tok.children):
        return None
    as_tok = next((c for c in tok.children if c.lower_ == "as" and c.i < tok.i and c.dep_ in ("mark", "prep")), None)
    if as_tok is None:
        return None
    if as_tok.dep_ == "mark":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    else:
        subj = next((c for c in as_tok.children if c.dep_ == "pobj"), None)
    if subj is None or tok.head.i == tok.i:
        return None
    parts: list = []
    content = _modified_clause(doc, tok.head, as_tok.i, tok.right_edge.i + 1, parts)
    source = trim(doc, subj.left_edge.i, subj.right_edge.i + 1)
    if content is None or source is None:
        return None
    obj = next(c for c in tok.children if c.dep_ == "dobj")
    return Attr(cue=(tok.idx, obj.idx + len(obj.text)), source=source, content=content, origin="phrase",
                src_head=subj, cue_tok=tok, parts=parts)


#: a transcript turn labelled in double parentheses, as Wikinews interviews print them:
#: '((Zara Kay))  I am good, thanks.', '((WN))  How old are you?', '((WSS)) : Which ...?' (the colon
#: is the label's, no part of the words: new-user trial 10)
_TURN = re.compile(r"""\s*\(\(([^()\n]{1,40})\)\)(\s*:)?\s+(\S.*?)\s*$""", re.S)


def colon_attrs(lex, doc) -> list[Attr]:
    """'PENCE: ...', 'Poll: Clinton leads' at the start of a line, and transcript turns
    '((Zara Kay))  I am good' (the label speaks the paragraph; its cue is the closing '))', or the colon
    after it: '((WSS)) : How ...?'; the label is resolved to whom it names in :mod:`.interview`)."""
    out = []
    text = doc_text(doc)
    paras = list(paragraphs(text))
    turns = [i for i, (a, b) in enumerate(paras) if _TURN.match(text[a:b])]
    for k, i in enumerate(turns):
        p_start, p_end = paras[i]
        turn = _TURN.match(text[p_start:p_end])
        name = turn.group(1).strip()
        s0 = p_start + turn.start(1)
        t0, t1 = p_start + turn.start(3), p_start + turn.end(3)
        if k + 1 < len(turns) and turns[k + 1] > i + 1:
            # unlabelled paragraphs before the next turn continue this one's answer
            t1 = len(text[:paras[turns[k + 1] - 1][1]].rstrip())
        if name and t1 - t0 >= 2:
            c0 = p_start + turn.end(1)
            cue = (c0, c0 + 2) if turn.group(2) is None else (p_start + turn.end(2) - 1, p_start + turn.end(2))
            head = doc.char_span(s0, s0 + len(name), alignment_mode="expand")
            out.append(Attr(cue=cue, source=(s0, s0 + len(name)), content=(t0, t1), origin="colon",
                            src_head=head.root if head is not None and len(head) else None, verbatim=True))
    for p_start, p_end in paras:
        line = text[p_start:p_end]
        if _TURN.match(line):
            continue
        m = re.match(r"""\s*["“]?([A-Z][^:\n]{0,40}?):\s+(\S.*?)\s*$""", line)
        if not m:
            continue
        name = m.group(1).strip()
        words = name.split()
        if not (1 <= len(words) <= 5):
            continue
        if not (name.isupper() or all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)
                or name.lower() in lex.colon_sources):
            continue
        if words[-1].lower() in lex.colon_labels or ". " in name:
            continue  # 'Placards. Image: John Lubbock (flickr).' is a caption
        s0 = p_start + m.start(1)
        c0 = p_start + m.end(1)
        if p_start > 0 and len(words) > 1 and not name.isupper() and name.lower() not in lex.colon_sources \
                and not _names_someone(doc, s0, c0):
            continue  # a section heading in the body ('Little Relief for Refugees: The crisis ...')
        t0, t1 = p_start + m.start(2), p_start + m.end(2)
        if line.lstrip()[:1] in "\"“" and text[t1 - 1] in "\"”":
            t1 -= 1  # '"REYES: ... night."': the quoted transcript's closing mark
        if t1 - t0 < 8:
            continue
        head = doc.char_span(s0, s0 + len(name), alignment_mode="expand")
        out.append(Attr(cue=(c0, c0 + 1), source=(s0, s0 + len(name)), content=(t0, t1), origin="colon",
                        src_head=head.root if head is not None and len(head) else None))
    return out


#: entity types of a label before a colon that may speak ('Senator Reyes: ...', 'The ACLU: ...')
_SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def _names_someone(doc, start: int, end: int) -> bool:
    """True when the characters [start, end) hold a person, organisation, group or country entity."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in _SPEAKER_LABELS for t in span)
