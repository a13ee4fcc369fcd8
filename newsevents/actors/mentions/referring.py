"""Referring expressions, queued in ``st.pending`` for :mod:`~newsevents.actors.coref`.

A title without a name after it ('the president', 'the South Korean president'), a
definite description ('the newspaper'), a pronoun (rules.yaml ``pronouns``) and a group
noun outside the lexicon with a number word ('both leaders', rules.yaml ``group_nouns``).
A bare title with an agent reading in an actor slot ('a federal judge sentenced') is a new
person of that sector instead, and one with its country after it ('a senior opposition leader in
Kenya') a new person of that country.
"""
from __future__ import annotations

from .agents import _agent_mentions
from .modifiers import left_modifiers, right_countries
from .state import ArticleState, Item, Mention, _add
from .syntax import _group_number, _has_det, _span_root, actor_position


def recognise_title(st: ArticleState, it: Item) -> None:
    """A title of ``titles.tsv`` (type title) that heads its own phrase and has a determiner, a
    country or an owner before it ('an Interpol spokesperson', see :mod:`.affiliation`):
    ``("title", item, Mods)`` in ``st.pending``."""
    doc, kb, rules = st.doc, st.kb, st.kb.rules
    row = kb.titles.get(it.first("title").value)
    if row is None or row.get("type") != "title":
        return
    nxt = st.item_at.get(it.end)
    if nxt is not None and nxt.kind in ("person", "ner_person", "title"):
        return  # part of 'President Xi Jinping'
    if it.end < len(doc) and doc[it.end].pos_ == "PROPN" and doc[it.end].is_title:
        return
    head = _span_root(doc, it.start, it.end)
    if head.dep_ in ("compound",) and head.head.i > head.i:
        return
    mods = left_modifiers(st, it.start, it.end)
    if not (_has_det(doc, head) or mods.countries or mods.owner is not None):
        if it.first("agent") is not None and actor_position(head, rules):
            _agent_mentions(st, it)  # 'a federal judge sentenced': a new person of that sector
        elif actor_position(head, rules):
            _placed_title(st, it, head, row, mods)
        return
    st.pending.append(("title", it, mods))


def _placed_title(st: ArticleState, it: Item, head, row: dict, mods) -> None:
    """'A senior opposition leader in Kenya was arrested': a title with an indefinite article (or
    none) and one country in its 'of' / 'from' / 'in' phrase is a new person of that country and
    the title's sector (no office holder: 'a' names someone not yet named). 'in' does not place
    the titles a country posts abroad (actor rules ``posted_titles``: 'an ambassador in Kenya')."""
    posted = (row.get("role") or row["title"]).lower() in set(st.kb.rules.get("posted_titles", ()))
    countries = right_countries(st, head, ("of", "from") if posted else ("of", "from", "in"))
    if len(countries) != 1:
        return
    doc = st.doc
    ev_start = mods.start
    if ev_start > 0 and doc[ev_start - 1].lower_ in ("a", "an"):
        ev_start -= 1
    role = row.get("role") or row["title"].title()
    name = st.kb.country_name(countries[0]) or countries[0]
    _add(st, Mention(it.start, it.end, ev_start, it.end, doc[ev_start:it.end].text, f"{name} ({role.lower()})",
                     code=countries[0], sector=None if mods.former else (row.get("sector") or None),
                     kind="person", role=role, resolved_by="title", person=True, gender=row.get("gender") or None))


def recognise_description(st: ArticleState, it: Item) -> None:
    """A description noun after 'the' ('the newspaper'): ``("description", item)`` in ``st.pending``."""
    doc = st.doc
    if it.start > 0 and doc[it.start - 1].lower_ == "the":
        st.pending.append(("description", it))


def queue_pronouns_and_groups(st: ArticleState) -> None:
    """Pronouns, and group nouns outside the lexicon with a number word, in ``st.pending``
    as ``("pronoun", token)`` and ``("group", Item)``."""
    doc, rules = st.doc, st.kb.rules
    pron = rules.get("pronouns", {})
    group_nouns = rules.get("group_nouns", {})
    for idx, key in enumerate(st.lower_keys):
        if key not in pron and key not in group_nouns:
            continue
        tok = doc[idx]
        if tok.lower_ in pron and tok.pos_ == "PRON":
            st.pending.append(("pronoun", tok))
        elif tok.lower_ in group_nouns and tok.i not in st.item_at and tok.pos_ == "NOUN" \
                and _group_number(doc, tok, rules):
            st.pending.append(("group", Item(tok.i, tok.i + 1, "group")))
