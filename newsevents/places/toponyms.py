"""Toponyms of a Doc: recognition then disambiguation (the places stage's two steps).

* :mod:`.recognise`: which spans are toponyms (NER + gazetteer + cues), nationality words;
* :mod:`.disambiguate`: which gazetteer entry each names (ranking + article context);
* :mod:`.gazetteer`: the offline gazetteer both read.

This module keeps the names other code imports from here.
"""
from __future__ import annotations

from typing import Optional

from .disambiguate import Weights, default_weights, load_weights, resolve
from .recognise import Recogniser, demonym_table
from .toponym import Toponym

__all__ = ["Toponym", "Recogniser", "resolve", "recognise_and_resolve", "demonym_table", "Weights",
           "load_weights", "default_weights"]


def recognise_and_resolve(recogniser: Recogniser, doc, weights: Optional[Weights] = None) -> list[Toponym]:
    """Recognise the toponyms of ``doc`` and resolve them. RETURNS (list[Toponym]) in text order.

    weights (Weights | None): the disambiguation weights; default :func:`default_weights`.
    """
    toponyms = recogniser(doc)
    resolve(recogniser.gaz, toponyms, weights)
    return toponyms
