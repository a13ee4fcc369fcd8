"""Affiliation: a person or title that belongs to the name before it takes that name's code.

"BBC's Jonathan Marcus" is a BBC journalist (GBR, JRN), not a person of the article's country;
'Taliban deputy leader Sirajuddin Haqqani' and 'Hamas spokesman Fawzi Barhoum' are members of
their group (its code and sector, REB, before the title's GOV); "an Interpol spokesperson" speaks
for Interpol (IGO). A person owner gives its code, and its sector only to a title that acts for
it ("German Chancellor Angela Merkel's spokesperson, Steffen Seibert": DEU, GOV; rules.yaml
``representative_titles``): "Trump's lawyer" is American, not government. This is the CAMEO
convention of coding a member or agent by the organisation it belongs to (Schrodt 2012, CAMEO
codebook ch. 3: 'a spokesman for X' is coded X).

The owner is the organisation or person that :func:`.modifiers.left_modifiers` finds as the
possessor or compound at the left edge of the phrase (``Mods.owner``); it is already a mention,
since mentions are made in text order.
"""
from __future__ import annotations

from typing import Optional

from .state import ArticleState, Mention

__all__ = ["owner_of", "affiliate"]

#: mention kinds that are bodies (their members take their sector)
_BODIES = ("organisation", "media", "group")


def owner_of(st: ArticleState, mods) -> Optional[Mention]:
    """The coded mention at ``mods.owner`` (an organisation or a person), or None.
    RETURNS (Mention | None): the last mention made there (a short name's resolved one wins)."""
    if mods.owner is None:
        return None
    found = [m for m in st.mentions if m.start <= mods.owner < m.end and m.code]
    if not found:
        return None
    m = found[-1]
    return m if m.person or m.kind in _BODIES else None


def affiliate(st: ArticleState, m: Mention, mods, title: Optional[dict]) -> bool:
    """Give ``m`` the code (and, where it applies, the sector) of the name that owns it.

    m (Mention): a person or title mention without a country of its own words.
    mods (Mods): its left modifiers. title (dict | None): the titles.tsv row of its title.
    RETURNS (bool): True when an owner coded it (``resolved_by`` ``affiliation``). A person
    owner counts only with a title ("Merkel's spokesperson"; "Trump's Jared Kushner" says nothing).
    """
    owner = owner_of(st, mods)
    if owner is None:
        return False
    if owner.person:
        if title is None:
            return False
        acting = {t.lower() for t in st.kb.rules.get("representative_titles", ())}
        if title["title"].lower() in acting:
            m.sector = owner.sector or m.sector
    else:
        m.sector = owner.sector or m.sector
    m.code = owner.code
    m.resolved_by = "affiliation"
    return True
