"""Shared scoring helpers: character-span matching, P/R/F1, great-circle
distance and actor-code normalisation.

Spans are tuples of ``(start, end)`` character ranges (Python code points,
end exclusive). A continuous span has one range; a discontinuous gold span
(PolNeAR ``fragments``) has several. Two spans are compared on the sets of
characters they cover.
"""
from __future__ import annotations

import math
import statistics
from typing import Iterable, Optional, Sequence

__all__ = [
    "Ranges", "norm_ranges", "span_chars", "overlap_chars", "spans_match", "match_spans", "prf",
    "haversine_km", "EARTH_RADIUS_KM", "gold_code", "pred_code", "norm_sector", "iso2_to_iso3",
    "safe_div", "summary_km", "MATCH_MODES", "place_failures",
]

Ranges = tuple  # tuple[tuple[int, int], ...]

#: Mean Earth radius in km (IUGG mean radius R1), as used by GeoNames-style evaluations.
EARTH_RADIUS_KM = 6371.0088

#: Span match criteria: ``exact`` = the same character set; ``overlap`` = at
#: least one shared character; ``half`` = the shared characters are at least
#: 50% of the gold span's characters.
MATCH_MODES = ("exact", "overlap", "half")


def norm_ranges(ranges: Iterable[Sequence[int]]) -> Ranges:
    """Sort ranges, drop empty ones and merge touching/overlapping ones.

    ranges: iterable of (start, end) character offsets.
    RETURNS (tuple[tuple[int, int], ...]): canonical form, so that two spans
        covering the same characters compare equal.
    """
    out: list[list[int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in ranges):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


def span_chars(a: Ranges) -> int:
    """RETURNS (int): number of characters a (normalised) span covers."""
    return sum(e - s for s, e in a)


def overlap_chars(a: Ranges, b: Ranges) -> int:
    """RETURNS (int): number of characters covered by both normalised spans."""
    n = 0
    i = j = 0
    while i < len(a) and j < len(b):
        s = max(a[i][0], b[j][0])
        e = min(a[i][1], b[j][1])
        if e > s:
            n += e - s
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return n


def spans_match(gold: Ranges, pred: Ranges, mode: str) -> bool:
    """Whether a predicted span matches a gold span under ``mode`` (see MATCH_MODES)."""
    if mode == "exact":
        return gold == pred
    ov = overlap_chars(gold, pred)
    if mode == "overlap":
        return ov > 0
    if mode == "half":
        return ov > 0 and 2 * ov >= span_chars(gold)
    raise ValueError(f"unknown match mode {mode!r}; use one of {MATCH_MODES}")


def match_spans(gold: Sequence[Ranges], pred: Sequence[Ranges], mode: str) -> list[tuple[int, int]]:
    """One-to-one matching of predicted to gold spans.

    Candidate pairs are those that match under ``mode``; they are taken
    greedily by decreasing shared characters, then gold order, then predicted
    order (deterministic), each gold and each predicted span used once.
    RETURNS (list[tuple[int, int]]): (gold index, predicted index) pairs, sorted.
    """
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if spans_match(g, p, mode):
                cands.append((-overlap_chars(g, p), gi, pi))
    cands.sort()
    used_g: set = set()
    used_p: set = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def safe_div(a: float, b: float) -> float:
    """a / b, or 0.0 when b is 0."""
    return a / b if b else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined).

    RETURNS (tuple[float, float, float]): (P, R, F1).
    """
    p = safe_div(tp, n_pred)
    r = safe_div(tp, n_gold)
    f = safe_div(2 * p * r, p + r)
    return p, r, f


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of radius EARTH_RADIUS_KM.

    Arguments are decimal degrees (WGS84). RETURNS (float): km.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def summary_km(errors: list[float]) -> tuple[Optional[float], Optional[float]]:
    """RETURNS (tuple): (median, mean) of a list of distances in km, or (None, None) if empty."""
    if not errors:
        return None, None
    return statistics.median(errors), statistics.fmean(errors)


# -- actor codes -----------------------------------------------------------
# Gold codes of the PLOVER GSR (v0.5 style) and PETRARCH-2 that are not
# ISO 3166-1 alpha-3 (see /work/shared/gold/README.md §1): old CAMEO
# country codes -> ISO.
_GOLD_COUNTRY_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
#: CAMEO/PLOVER non-state actor codes kept as they are in both gold and predictions.
_NONSTATE = {"IGO", "NGO", "IMG", "MNC", "NGM"}
_UNKNOWN = {"", "***", "---", "XXX"}
# v0.5 sector names that PLOVER 2.0 renamed (PLOVER manual 2.0 actor
# sectors: media is JRN, civilians CVL).
_SECTOR_FIX = {"MED": "JRN", "CIV": "CVL"}

_ISO3: Optional[set] = None
_ISO2TO3: Optional[dict] = None


def _iso_tables():
    global _ISO3, _ISO2TO3
    if _ISO3 is None:
        import pycountry

        _ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
        _ISO2TO3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        _ISO2TO3["XK"] = "XKX"  # Kosovo: user-assigned code, not in ISO 3166-1
    return _ISO3, _ISO2TO3


def iso2_to_iso3(code: Optional[str]) -> Optional[str]:
    """ISO 3166-1 alpha-2 -> alpha-3 (pycountry; ``XK`` -> ``XKX``), None if unknown."""
    if not code:
        return None
    return _iso_tables()[1].get(code.upper())


def gold_code(code: Optional[str]) -> Optional[str]:
    """Normalise a gold actor code to a 3-letter country or non-state code.

    Takes the first 3 characters (PETRARCH codes such as ``USAGOV``,
    ``IGOUNOMIL``), maps old CAMEO codes JAP/ITL/VTN to ISO, and returns None
    for the unknown placeholders ``***`` and ``---``.
    """
    if not code:
        return None
    c = code.strip().upper()[:3]
    if c in _UNKNOWN or c.startswith("-") or c.startswith("*"):
        return None
    return _GOLD_COUNTRY_FIX.get(c, c)


def pred_code(code: Optional[str]) -> Optional[str]:
    """Normalise a predicted ``Actor.code`` for comparison with gold codes.

    ISO alpha-3 country codes and IGO/NGO/IMG/MNC are kept; any other code
    (organisation codes such as ``UNO``, ``NATO``, ``EUR``) counts as ``IGO``,
    the CAMEO/PLOVER class of inter-governmental organisations. None stays None.
    """
    if not code:
        return None
    c = code.strip().upper()
    if c in _UNKNOWN:
        return None
    iso3, _ = _iso_tables()
    if c in iso3 or c in _NONSTATE:
        return c
    if c[:3] in _NONSTATE:
        return c[:3]
    return "IGO"


def norm_sector(sector: Optional[str]) -> Optional[str]:
    """Sector prefix for comparison: first 3 letters upper-cased (``CVLalb`` -> ``CVL``),
    v0.5 names renamed to PLOVER 2.0 (MED -> JRN, CIV -> CVL), ``***`` -> None."""
    if not sector:
        return None
    s = sector.strip()[:3].upper()
    if not s or s in _UNKNOWN or "*" in s:
        return None
    return _SECTOR_FIX.get(s, s)


def place_failures(p, exp: dict) -> list[str]:
    """What an emitted Place lacks to meet an expected place entry: its ``country`` (ISO3 in
    ``country``) and, where ``lat``/``lon`` are given, a distance within ``tolerance_km`` (km,
    haversine). RETURNS (list[str]): the failures; empty when it meets the entry."""
    why = []
    if p.country not in exp.get("country", []):
        why.append(f"country {p.country} not in {exp.get('country')}")
    if exp.get("lat") is not None:
        if p.lat is None or p.lon is None:
            why.append("no coordinates")
        else:
            d = haversine_km(exp["lat"], exp["lon"], p.lat, p.lon)
            if d > exp.get("tolerance_km", 0):
                why.append(f"{d:.0f} km away (tolerance {exp.get('tolerance_km')} km)")
    return why
