"""The :class:`Toponym` a recognised place name becomes, shared by the steps of the places stage."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

__all__ = ["Toponym"]


@dataclass
class Toponym:
    """A recognised toponym: character span, surface text and its resolution."""

    start: int
    end: int
    text: str
    how: str  # "ner", "ner-check", "gazetteer", "org-prefix", "possessor", "demonym", "repeat", "street", ...
    qualifier: Optional[str] = None  # the ", Texas" that follows, if any
    forced: Optional[int] = None  # the gazetteer entry a demonym names (its country)
    point: Optional[tuple] = None  # (lat, lon) overriding the entry's point (a US county placed by context)
    near: Optional[int] = None  # a street's city: the gazetteer entry whose point and country it takes
    cands: list = field(default_factory=list)  # [(entry, primary)]
    entry: Optional[int] = None
    resolved_by: Optional[str] = None
    role: Optional[str] = None  # "literal" or "associative" (see places/role.py)
    country: Optional[str] = None  # a sea's shore country the article names (places/shores.py), else None
    role_why: str = ""  # the rule that made it associative: demonym, embedded, modifier, agent
    lookup: bool = True  # False: no gazetteer lookup ("State and [Hubbard] streets" is no town; places/mentions.py)
