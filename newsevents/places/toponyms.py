"""Toponyms of a Doc: recognition then disambiguation (the places stage's two steps).

* :mod:`.recognise`: which spans are toponyms (NER + gazetteer + cues), nationality words;
  :mod:`.name_filters`: which of them name a person, a company or a storm instead;
* :mod:`.role`: literal places and associative uses ("U.S. troops", "Iran said");
* :mod:`.disambiguate`: which gazetteer entry each names (ranking + article context);
* :mod:`.shores`: the shore country of a sea the article names;
* :mod:`.mention_cues`: what the words around a name say about its reading ("New York Gov.", "a Lebanon
  woman", "Eastland and Callahan counties", "Buffalo, New York");
* :mod:`.gazetteer`: the offline gazetteer both read.

This module keeps the names other code imports from here.
"""
from __future__ import annotations

from typing import Optional

from .disambiguate import Weights, default_weights, load_weights, resolve
from .mentions import place_streets
from .recognise import Recogniser, demonym_table
from .shores import shore_countries
from .role import RoleRules, assign_roles, load_role_rules
from .toponym import Toponym

__all__ = ["Toponym", "Recogniser", "resolve", "recognise_and_resolve", "demonym_table", "Weights",
           "load_weights", "default_weights", "RoleRules", "load_role_rules", "assign_roles"]


def recognise_and_resolve(recogniser: Recogniser, doc, weights: Optional[Weights] = None,
                          roles: Optional[RoleRules] = None, organisations=None) -> list[Toponym]:
    """Recognise the toponyms of ``doc``, give each its role and resolve them. RETURNS (list[Toponym]) in text order.

    weights (Weights | None): the disambiguation weights; default :func:`default_weights`.
    roles (RoleRules | None): the literal/associative rules; default the built-in ``places/roles.yaml``.
    organisations (re.Pattern | None): known organisation names (:func:`.role.organisation_pattern`).
    """
    toponyms = recogniser(doc)
    resolve(recogniser.gaz, toponyms, weights, doc.text)
    shore_countries(recogniser.gaz, toponyms, recogniser.shores)
    assign_roles(doc, toponyms, roles if roles is not None else _default_roles(), recogniser.gaz, organisations)
    return place_streets(recogniser.gaz, toponyms)


_ROLES: list = []


def _default_roles() -> RoleRules:
    if not _ROLES:
        _ROLES.append(load_role_rules())
    return _ROLES[0]
