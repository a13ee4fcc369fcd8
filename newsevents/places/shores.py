"""The country of a sea in an article (step 3 of the places stage, after disambiguation).

A sea, gulf, strait or lake has no country of its own (``Place.country`` None). Where the article names one
of its shore countries (``data/places/shores.tsv``), the mention takes the shore country the article names
most, counting every mention of its places, associative uses and nationality words: "an earthquake in the
Aegean Sea" in a story about Samos and Izmir is GRC or TUR by the story, "gas fields in the Eastern
Mediterranean" in a story about Cyprus is CYP. Without a shore country named it stays None.
"""
from __future__ import annotations

from .gazetteer import F_WATER, Gazetteer

__all__ = ["shore_table", "shore_countries"]


def shore_table(gaz: Gazetteer, rows: list) -> dict:
    """RETURNS (dict): gazetteer entry of a water body -> its shore countries (tuple of ISO3 codes), from the
    rows of ``data/places/shores.tsv`` (a name the gazetteer lacks as water is skipped)."""
    out = {}
    for r in rows:
        name, ccs = (r.get("name") or "").strip(), tuple(c.strip() for c in (r.get("countries") or "").split("|")
                                                          if c.strip())
        for i, primary in gaz.candidates(name):
            if primary and gaz.feature[i] == F_WATER and not gaz.country[i] and ccs:
                out[i] = ccs
    return out


def shore_countries(gaz: Gazetteer, toponyms: list, shores: dict) -> None:
    """Set ``country`` of each toponym resolved to a water body of ``shores`` (:func:`shore_table`) to the shore
    country the article's other toponyms are in most often (ties: the one named first); none named: unchanged."""
    waters = [t for t in toponyms if t.entry is not None and t.entry in shores]
    if not waters:
        return
    counts: dict = {}
    first: dict = {}
    for t in toponyms:
        cc = gaz.country[t.entry] if t.entry is not None else (gaz.country[t.near] if t.near is not None else "")
        if cc:
            counts[cc] = counts.get(cc, 0) + 1
            first.setdefault(cc, t.start)
    for t in waters:
        named = [c for c in shores[t.entry] if counts.get(c)]
        if named:
            t.country = max(named, key=lambda c: (counts[c], -first[c]))
