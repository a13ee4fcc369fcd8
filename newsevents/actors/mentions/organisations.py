"""Organisations: aliases of ``organisations.tsv`` and spaCy ORG entities.

A table alias takes its row's canonical name, code and sector; a row with context codes
(a generic 'Communist Party') only where its country is in the sentence or the article, or
in the alias itself ('the US Congress').
An ORG entity that is country words and an alias of that country's organisation ('Iranian
Revolutionary Guard Corps') is that organisation. An unknown ORG entity in an actor slot takes
the country and sector of the words inside it or before it; one that is the surname of a person named before in full ('Paweł Adamowicz
... Adamowicz died', the small model tagging the surname ORG) is that person.
"""
from __future__ import annotations

from typing import Optional

from .modifiers import left_modifiers
from .persons import _person_mention, surname_of_person_before
from .state import ArticleState, Item, Mention, _add
from .syntax import _text, actor_position


def _org_row(st: ArticleState, item: Item) -> Optional[dict]:
    """The organisations.tsv row an alias means here; context rows need the country in context."""
    rows = [st.kb.orgs[e.value] for e in item.entries if e.kind == "org"]
    free = [r for r in rows if not r["context_codes"]]
    if free:
        return free[0]
    sent = st.sent_of[item.start]
    here = set(st.geo_sent.get(sent, ())) | st.named_sent.get(sent, set())
    # a country named inside the alias itself ('the US Congress'): its own words give the context
    here |= _countries_inside(st, item)
    in_sent = [r for r in rows if here & set(r["context_codes"])]
    pool = in_sent or [r for r in rows if any(st.geo_article.get(c) for c in r["context_codes"])]
    if not pool:
        return None
    return max(pool, key=lambda r: sum(st.geo_article.get(c, 0) for c in r["context_codes"]))


def _countries_inside(st: ArticleState, item: Item) -> set:
    """ISO codes of the country names and nationality words inside the item's own tokens."""
    out = set()
    keys = st.cased_keys
    if not keys:
        return out
    for k in range(item.start, item.end):
        for n in range(1, item.end - k + 1):
            found = st.kb.cased.match(keys, k, max_tokens=n)
            if found is not None and found[0] == k + n:
                out.update(e.value for e in found[1] if e.kind in ("country", "adjective"))
    return out


def recognise_org(st: ArticleState, it: Item) -> None:
    """An alias of ``organisations.tsv``: its row's mention, or an uncoded organisation when
    no row fits the context (the sector kept when all its rows agree)."""
    doc, kb = st.doc, st.kb
    row = _org_row(st, it)
    text = _text(doc, it.start, it.end)
    if row is None:
        rows = [kb.orgs[e.value] for e in it.entries if e.kind == "org"]
        sectors = {r.get("sector") for r in rows}
        _add(st, Mention(it.start, it.end, it.start, it.end, text, text, code=None,
                         sector=sectors.pop() if len(sectors) == 1 else None, kind="organisation",
                         resolved_by="organisation"))
        return
    _add(st, Mention(it.start, it.end, it.start, it.end, text, row["canonical"], code=row.get("code"),
                         sector=row.get("sector"), kind=row.get("kind") or "organisation",
                         resolved_by="organisation", org_type=row.get("type")))


def recognise_ner_org(st: ArticleState, it: Item) -> None:
    """A spaCy ORG entity the tables do not know, in an actor slot (or holding an agent noun):
    code from the country words inside it, else before it; sector from its agent noun or title."""
    doc, kb, rules = st.doc, st.kb, st.kb.rules
    if surname_of_person_before(st, it):
        # 'Paweł Adamowicz ... Adamowicz subsequently died' with the surname tagged ORG: the person,
        # resolved to the full name by coreference (short names), as for a surname that is a capital
        _add(st, _person_mention(st, Item(it.start, it.end, "ner_person"), None))
        return
    # every word whose head is outside the name: 'the House Oversight and Reform Committee
    # authorized' tagged 'Reform Committee' has 'Reform' (a conjunct) and 'Committee' (the subject)
    heads = [t for t in doc[it.start:it.end] if not (it.start <= t.head.i < it.end) or t.head.i == t.i]
    if not any(actor_position(t, rules) for t in heads) and not any(i.kind == "agent" for i in it.value or ()):
        return  # 'at the DMZ': an unknown name in a place slot
    if st.is_place_name(it) or st.is_product_name(it):
        return  # 'struck the plant at Abqaiq', 'to leave al-Tanf': a place; 'a Volvo XC90': a product
    inner = it.value or []
    if _country_and_alias(st, it, inner):
        return
    code = None
    sector = None
    for sub in inner:
        e = sub.first("adjective") or sub.first("country") or sub.first("capital")
        if e is not None and code is None:
            code = e.value
        if sub.kind == "agent":
            sector = (kb.agents.get(sub.first("agent").value) or {}).get("sector") or sector
        if sub.kind == "title":
            sector = (kb.titles.get(sub.first("title").value) or {}).get("sector") or sector
    mods = left_modifiers(st, it.start, it.end)
    if code is None and mods.countries:
        code = mods.countries[0]
    text = _text(doc, it.start, it.end)
    _add(st, Mention(it.start, it.end, mods.start, it.end, text, text, code=code, sector=sector,
                     kind="organisation", resolved_by="ner"))


def _country_and_alias(st: ArticleState, it: Item, inner: list) -> bool:
    """'Iranian Revolutionary Guard Corps', 'the Russian Gazprom': an ORG entity that is country
    words followed by an alias of ``organisations.tsv`` of that country is that organisation (its
    canonical name, code and sector). RETURNS (bool): True when the mention was added."""
    if not inner or inner[-1].kind != "org" or inner[-1].end != it.end:
        return False
    row = _org_row(st, inner[-1])
    lead = inner[:-1]
    if row is None or not lead or lead[0].start != it.start or any(
            a.end != b.start for a, b in zip(lead, lead[1:] + [inner[-1]])):
        return False  # other words between: 'Iranian Students News Agency' is not ISNA's country only
    codes = set()
    for sub in lead:
        e = sub.first("adjective") or sub.first("country") or sub.first("demonym")
        if e is None:
            return False
        codes.add(e.value)
    if codes != {row.get("code")}:
        return False
    _add(st, Mention(it.start, it.end, it.start, it.end, _text(st.doc, it.start, it.end), row["canonical"],
                     code=row.get("code"), sector=row.get("sector"), kind=row.get("kind") or "organisation",
                     resolved_by="organisation", org_type=row.get("type")))
    return True
