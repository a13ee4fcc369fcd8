"""Group speakers: a plural description standing for people the article named together.

"The defendants claimed ...", "Both officers indicated ..." after "met officers Antoine Quirin
and Nicolas Redouane": the speaker is the named group, "Antoine Quirin and Nicolas Redouane".
Part of step 5 of the quotes stage (see :mod:`newsevents.quotes`).

A group is two or more named persons joined in one phrase ("A and B", "A, B and C"). A plural
description resolves to the group only when the article makes it unambiguous: the description
is definite or counted ("the defendants", "both officers", "the two men"), its count (if any)
is the group's size, and among the groups named before it either exactly one is left or
exactly one is introduced by the description's own noun ("officers A and B").
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import Speaker

#: determiners that make a plural description definite; counts ("both", "two") also fix the size
_DEFINITE = {"the", "these", "those", "both", "all"}
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
#: what may stand between the names of one group
_JOIN = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+|\s*&\s*)$")
#: characters before a group's first name searched for the description's noun ('officers A and B')
_INTRO = 60


def named_groups(text: str, persons: list) -> list:
    """Groups of named persons joined in one phrase, in text order.

    persons (list[Actor]): named person (and organisation) mentions in text order.
    RETURNS (list[list[Actor]]): each group's mentions (two or more, distinct canonicals).
    """
    groups, run = [], []
    for m in persons:
        if run and _JOIN.match(text[run[-1].evidence.end:m.evidence.start]) \
                and m.canonical not in {r.canonical for r in run}:
            run.append(m)
            continue
        if len(run) >= 2:
            groups.append(run)
        run = [m]
    if len(run) >= 2:
        groups.append(run)
    # a name the recogniser took for an organisation, joined to a person's name ('officers Antoine
    # Quirin and Nicolas Redouane'), is a person too
    return [g for g in groups if any(m.kind == "person" for m in g) and all(
        m.kind == "person" or _name_like(m.text) for m in g)]


#: prepositions of place: names listed as their object are places, whatever the recogniser typed them
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout"}


def _placed(doc, m) -> bool:
    """True when the group headed by mention ``m`` is the object of a preposition of place ('catacombs in
    Saqqara and Tuna el-Gebel', 'sites at Abydos, Saqqara, and Tuna el-Gebel'): a list of places the
    recogniser took for persons, which 'the researchers' does not stand for (new-user trial 10)."""
    span = doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS


def _name_like(words: str) -> bool:
    parts = words.split()
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() and p[1:].islower() for p in parts)


def group_speaker(text: str, head, source, persons: list, people_nouns) -> Optional[Speaker]:
    """The named group a plural description source stands for, or None.

    text (str): the article text. head (Token): the source's head noun. source (Range): the
    source span. persons (list[Actor]): named person mentions in text order.
    people_nouns (Container[str]): nouns that name people ('officers', 'defendants').
    RETURNS (Speaker | None): canonical 'A and B' ('A, B and C'), the first person's mention,
    and the code and sector the members share (else none).
    """
    if head is None or head.tag_ not in ("NNS", "NNPS"):
        return None
    own = named_groups(text, [m for m in persons if source[0] <= m.evidence.start and m.evidence.end <= source[1]])
    if len(own) == 1:  # 'Two Democratic Representatives, Collin Peterson and Jeff Van Drew,'
        return _speaker(own[0])
    if head.pos_ != "NOUN":
        return None
    lemma, low = head.lemma_.lower(), head.lower_
    if low not in people_nouns and lemma not in people_nouns:
        return None
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod") and c.i < head.i]
    if not any(d in _DEFINITE or d in _COUNTS for d in dets):
        return None
    size = next((_COUNTS[d] for d in dets if d in _COUNTS), None)
    before = [m for m in persons if m.evidence.end <= source[0]]
    groups = [g for g in named_groups(text, before) if (size is None or len(g) == size)
              and not _placed(head.doc, g[0])]
    if not groups:
        return None
    intro = [g for g in groups if re.search(r"\b(?:%s|%s)\b" % (re.escape(low), re.escape(lemma)),
                                            text[max(0, g[0].evidence.start - _INTRO):g[0].evidence.start],
                                            re.IGNORECASE)]
    pick = intro if intro else groups
    if len({tuple(m.canonical for m in g) for g in pick}) != 1:
        return None  # two groups could be meant
    return _speaker(pick[-1])


def _speaker(group: list) -> Speaker:
    names = [m.canonical for m in group]
    canonical = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    codes = {m.code for m in group}
    sectors = {m.sector for m in group}
    return Speaker(canonical=canonical, mention=group[0].id, code=codes.pop() if len(codes) == 1 else None,
                   sector=sectors.pop() if len(sectors) == 1 else None)
