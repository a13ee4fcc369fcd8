"""Nationality adjectives and demonyms as toponyms of their country (step 1 of the places stage).

:func:`demonym_table` maps the forms of ``data/actors/countries.tsv`` to their country's gazetteer
entry; :func:`add_demonyms` finds them in a Doc for :class:`~.recognise.Recogniser`.
"""
from __future__ import annotations

from typing import Optional

import logging

from .gazetteer import F_CITY, Gazetteer
from .toponym import Toponym

__all__ = ["demonym_table", "region_adjective_table", "add_demonyms"]

logger = logging.getLogger("newsevents")


def add_demonyms(doc, found: list, taken: bytearray, demonyms: dict, longest: int, text: Optional[str] = None,
                 starts: Optional[list] = None, ends: Optional[list] = None, caps: Optional[list] = None) -> None:
    """Nationality adjectives and demonyms ("Sri Lankan", "Georgians") as toponyms of their country.

    The geoparsing gold sets annotate them (GeoWebNews types Demonym and
    Non_Literal_Modifier; LGL and TR-News tag them with the country's
    GeoNames id), also inside organisation names ("the Georgian Interior
    Ministry"). Words inside PERSON entities are skipped, unless the whole
    entity is the demonym.

    demonyms (dict[str, int]): :func:`demonym_table`; longest (int): its longest form, in words.
    text, starts, ends, caps: ``doc.text``, token start/end characters and whether each token is
    capitalised, when the caller has them already.
    """
    person = bytearray(len(doc))
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.text not in demonyms:  # the model tags "Sri Lankan" PERSON
            for k in range(ent.start, ent.end):
                person[k] = 1
    if text is None:
        text = doc.text
        starts = [t.idx for t in doc]
        ends = [t.idx + len(t.text) for t in doc]
        caps = [bool(t.text) and t.text[0].isupper() and any(c.isalpha() for c in t.text) for t in doc]
    n, i = len(doc), 0
    while i < n:
        if taken[i] or person[i] or not caps[i]:
            i += 1
            continue
        hit = None
        for m in range(min(longest, n - i), 0, -1):
            if any(taken[i:i + m]) or any(person[i:i + m]):
                continue
            stext = text[starts[i]:ends[i + m - 1]]  # doc[i:i + m].text
            e = demonyms.get(stext)
            if e is not None:
                hit = (m, stext, e)
                break
        if hit is None:
            i += 1
            continue
        m, stext, e = hit
        for k in range(i, i + m):
            taken[k] = 1
        found.append(Toponym(starts[i], ends[i + m - 1], stext, "demonym", forced=e))
        i = i + m


def _names_a_notable_place(gaz: Gazetteer, form: str, big_city: int = 100000) -> bool:
    """Whether ``form`` is the name of a country, a curated place or a city of ``big_city`` people or more."""
    return any(gaz.curated[i] or gaz.feature[i] != F_CITY or gaz.pop[i] >= big_city
               for i, _ in gaz.candidates(form))


def demonym_table(gaz: Gazetteer, rows: list) -> dict:
    """Map nationality adjectives and demonyms to the gazetteer entry of their country.

    rows (list[dict]): rows of ``data/actors/countries.tsv`` (columns ``iso3``,
        ``adjectives``, ``demonyms``; '|'-separated; after Wikipedia's "List of
        adjectival and demonymic forms for countries and nations").
    Forms that are themselves the name of a notable place ("US", "UK", "Kuwait": a country, a
    curated place or a city of 100,000 or more) are left to the gazetteer; a form only a small town
    shares ("Canadian", Texas; "Spanish", Ontario) stays a nationality word. Forms shared by two
    countries are dropped.
    RETURNS (dict[str, int]): surface form (case-sensitive) -> country entry.
    """
    out: dict = {}
    clash: set = set()
    for row in rows:
        e = gaz.country_entry.get(row.get("iso3") or "")
        if e is None:
            continue
        for col in ("adjectives", "demonyms"):
            for form in (row.get(col) or "").split("|"):
                form = form.strip()
                if not form or not form[0].isupper() or _names_a_notable_place(gaz, form):
                    continue
                if form in out and out[form] != e:
                    clash.add(form)
                out[form] = e
    for form in clash:
        del out[form]
    return out


def region_adjective_table(gaz: Gazetteer, rows: list, alone: bool = True) -> dict:
    """Map the adjectives and group nouns of regions and continents to their gazetteer entry.

    rows (list[dict]): rows of ``data/places/region_adjectives.tsv`` (columns ``form``, '|'-separated
        surface forms, ``place``, the gazetteer name of a region, continent, sea or admin1 area, and
        ``alone``, "yes" or "no"). alone (bool): the rows whose ``alone`` is "yes" (recognised wherever
        they occur, as nationality words are; a missing value counts as "yes"), else those whose
        ``alone`` is "no" (which name their place only where something else recognised them).
    A form names the place, never a town of the same name ("Arab" is the Arab world, not Arab,
    Alabama; "English" is England, not English, Indiana; "Central American" is Central America,
    not the United States of its last word). A row whose place the gazetteer lacks as such is
    skipped with a warning.
    RETURNS (dict[str, int]): surface form (case-sensitive) -> entry.
    """
    out: dict = {}
    for row in rows:
        if ((row.get("alone") or "yes").strip().lower() != "no") != alone:
            continue
        name = (row.get("place") or "").strip()
        entries = [i for i, p in gaz.candidates(name) if p and gaz.curated[i] and gaz.feature[i] != F_CITY]
        if not entries:
            logger.warning("places/region_adjectives.tsv: %r is no region, continent or admin1 area of the "
                           "gazetteer; its forms are skipped", name)
            continue
        for form in (row.get("form") or "").split("|"):
            form = form.strip()
            if form:
                out[form] = entries[0]
    return out
