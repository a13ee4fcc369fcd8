"""PLOVER JSONL: one JSON object per line, one per deduplicated event.

Field names follow the PLOVER manual's "JSON Data Fields" chapter (Open Event Data
Alliance, PLOVER Event, Actor and Data Interchange Specification, 2021): ``id``, ``date``,
``source`` and ``recipient`` (lists of actor objects: ``code``, ``sector``, ``actor_text``,
``identifier_text``), ``event`` (list of event categories), ``mode``, ``context``,
``event_loc`` (location object with GeoNames field names: ``geonameid``, ``name``,
``latitude``, ``longitude``, and ``cc3`` for the ISO alpha-3 country), ``event_text``,
``quad_code``, ``event_scale``, ``text_info`` (``sequence``, ``start``, ``end``),
``cite_info`` (``url``, ``title``, ``language``, ``publication``, ``coder``, ``codebook``),
``coder``. The manual invites providers to add named fields; newsevents adds
``num_mentions``, ``num_sources``, ``num_articles`` (as GDELT) and ``mentions``: every report
of the event with its article and evidence offsets. Offsets are characters.
"""
from __future__ import annotations

import json
from typing import IO, Iterable

from .. import __version__

__all__ = ["plover_record", "write_plover", "CODER", "CODEBOOK"]

CODER = f"newsevents {__version__}"
CODEBOOK = "PLOVER 2.0"


def _actor(a: dict) -> dict:
    out = {"code": a.get("code"), "sector": a.get("sector"), "actor_text": a.get("text") or a.get("canonical"),
           "identifier_text": a.get("canonical")}
    return {k: v for k, v in out.items() if v is not None}


def plover_record(cluster: dict) -> dict:
    """The PLOVER JSON object of one deduplicated event from :meth:`Store.iter_clusters`."""
    mentions = cluster["mentions"]
    first = mentions[0] if mentions else {}
    place = next((m["place"] for m in mentions if m.get("place")), None)
    record = {
        "id": str(cluster["id"]),
        "date": cluster.get("date"),
        "source": [_actor(a) for a in first.get("actors", [])],
        "recipient": [_actor(a) for a in first.get("recipients", [])],
        "event": [cluster["event_type"]],
        "mode": [cluster["mode"]] if cluster.get("mode") else [],
        "context": first.get("context", []),
        "quad_code": cluster.get("quad_class"),
        "event_scale": cluster.get("goldstein"),
        "event_text": [m["evidence_text"] for m in mentions],
        "text_info": {"sequence": first.get("sentence"), "start": first.get("evidence_start"),
                      "end": first.get("evidence_end")},
        "cite_info": {"url": first.get("url"), "title": first.get("title"), "language": "en",
                      "publication": first.get("source"), "coder": CODER, "codebook": CODEBOOK},
        "coder": CODER,
        "num_mentions": cluster.get("num_mentions"),
        "num_sources": cluster.get("num_sources"),
        "num_articles": cluster.get("num_articles"),
        "mentions": [{"article_id": m["article_id"], "event_id": m["event_id"], "url": m.get("url"),
                      "publication": m.get("source"), "published": m.get("published"), "date": m.get("date"),
                      "sequence": m.get("sentence"), "start": m.get("evidence_start"), "end": m.get("evidence_end"),
                      "text": m.get("evidence_text"), "trigger": m.get("trigger")} for m in mentions],
    }
    if place:
        loc = {"geonameid": place.get("geonameid"), "name": place.get("name"), "latitude": place.get("lat"),
               "longitude": place.get("lon"), "cc3": place.get("country")}
        record["event_loc"] = {k: v for k, v in loc.items() if v is not None}
    return record


def write_plover(clusters: Iterable[dict], out: IO) -> int:
    """Write deduplicated events as PLOVER JSONL. RETURNS (int): records written."""
    n = 0
    for cluster in clusters:
        out.write(json.dumps(plover_record(cluster), ensure_ascii=False) + "\n")
        n += 1
    return n
