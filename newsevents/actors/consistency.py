"""Last pass: one code per named person in an article, from the strongest evidence.

A person named several times is one actor: "Russian opposition leader Alexei Navalny ... Alexei
Navalny was airlifted to Berlin" must not be RUS once and DEU (the article's country) the second
time, nor "General Soleimani" IRQ (his sentence's country) where the full name's apposition made
him IRN. Runs after :func:`.context.code_from_context`.

The mentions of a person are those with the same canonical name (short names and pronouns
resolved by coreference carry the full name's). Among them the code comes from the mention of the
strongest evidence, in this order (``resolved_by``): the office-holder table; the mention's own
words (a title, nationality, owner or describing phrase: ``title``, ``demonym``, ``affiliation``,
``own-words``); its sentence's country; the article's country. The sector, where that mention has
none, comes from the strongest mention that has one, else from any ('General Soleimani': MIL; the sector of a
title is the mention's own words, whichever gave its country). Mentions coded by coreference
follow their antecedent and are not evidence of the code themselves; a mention re-coded here
becomes a coreference mention of the strongest one.

The same holds for an agent noun repeated in one article (:func:`one_code_per_noun`): "Police shot a
protester in Hong Kong ... police said" are one body; a mention its own words and context left
uncoded for want of context (not 'foreign forces', nor 'Northamptonshire police' of a county of
unknown country) takes the one country that the other mentions of that noun got, if they got one only.
"""
from __future__ import annotations

from .mentions import ArticleState

__all__ = ["one_code_per_person", "one_code_per_noun"]

#: ``resolved_by`` of a person mention -> strength of its evidence (lower is stronger)
_STRENGTH = {"office-holder": 0, "title": 1, "demonym": 1, "affiliation": 1, "own-words": 1,
             "sentence-context": 2, "article-context": 3}


def one_code_per_person(st: ArticleState) -> None:
    """Give every mention of a named person the code of its strongest mention; in place."""
    groups: dict = {}
    for m in st.mentions:
        if m.person and m.kind == "person" and m.canonical:
            groups.setdefault(m.canonical.lower(), []).append(m)
    for ms in groups.values():
        evidence = sorted((m for m in ms if m.resolved_by in _STRENGTH),
                          key=lambda m: (_STRENGTH[m.resolved_by], m.start))
        coded = [m for m in evidence if m.code]
        if not coded:
            continue
        best = coded[0]
        # a title's sector is the mention's own words whatever gave its country ('General Soleimani')
        sector = next((m.sector for m in evidence + ms if m.sector), None)
        rank = _STRENGTH[best.resolved_by]
        for m in ms:
            weaker = m.resolved_by not in _STRENGTH or _STRENGTH[m.resolved_by] > rank
            if m.code != best.code and (weaker or not m.code):
                m.code = best.code
                m.sector = best.sector or sector
                if m.antecedent is None:
                    m.antecedent, m.resolved_by = best, "coreference"
            elif m.code == best.code and not m.sector:
                m.sector = sector


def one_code_per_noun(st: ArticleState) -> None:
    """Give an uncoded agent-noun mention ('police') the code of the other mentions of the same noun
    in the article (its ``label`` in agent_nouns.tsv: 'police officers' and 'police' are one noun),
    when those have exactly one code; the mention becomes a coreference mention of the first of
    them. A noun whose mentions have two codes stays as it is ('Syrian forces ... US forces ...
    forces'). In place."""
    by_label: dict = {}
    for m in st.mentions:
        if m.agent and m.resolved_by != "implicit-agent":
            label = st.kb.agents.get(m.agent, {}).get("label") or m.agent
            by_label.setdefault(label, []).append(m)
    for ms in by_label.values():
        coded = [m for m in ms if m.code]
        codes = {m.code for m in coded}
        if len(codes) != 1:
            continue
        first = min(coded, key=lambda m: m.start)
        for m in ms:
            if not m.code and m.people_context:  # not 'foreign forces', nor a noun placed elsewhere
                m.code, m.canonical = first.code, first.canonical
                m.sector = m.sector or first.sector
                m.antecedent, m.resolved_by = first, "coreference"
