"""Write analyses out: json, ndjson, csv, tsv, parquet and a readable table; and a store's
events as GDELT 2.0 event TSV, PLOVER JSONL, GeoJSON and GEXF.

``json`` and ``ndjson`` carry the whole :class:`~newsevents.records.ArticleAnalysis`
(see ``schema/article-analysis.schema.json``): ``json`` an array of them (one article
too), ``ndjson`` one a line. ``csv``, ``tsv`` and ``parquet``
are flat: one row per event (the unit event-data users count), with the
article id, the dyad, CAMEO root code, Goldstein score, quad class and the
evidence offsets. ``table`` prints events and quotes for people.

From a database (:func:`export_store`, ``newsevents export``): ``gdelt`` (:mod:`.gdelt`),
``plover`` (:mod:`.plover`), ``geojson`` and ``gexf`` (:mod:`.network`) write one record per
*deduplicated* event (see :mod:`newsevents.dedup`); ``csv``, ``tsv``, ``parquet``,
``ndjson`` and ``json`` write the stored articles as ``extract`` does. Query results
(plain dicts) are written by :func:`.rows.write_rows`.
"""
from __future__ import annotations

import csv
import json
import sys
from typing import IO, Iterable, Iterator, Optional

from ..records import ArticleAnalysis

__all__ = ["FORMATS", "STORE_FORMATS", "EVENT_COLUMNS", "event_rows", "quote_rows", "Writer", "export_store",
           "format_table"]

FORMATS = ("json", "ndjson", "csv", "tsv", "parquet", "table")

#: formats of ``newsevents export`` (from a store)
STORE_FORMATS = ("gdelt", "plover", "parquet", "csv", "tsv", "ndjson", "json", "geojson", "gexf")

EVENT_COLUMNS = [
    "article_id", "event_id", "date", "date_source", "event_type", "mode", "actor_codes", "actor_sectors",
    "actor_names", "recipient_codes", "recipient_sectors", "recipient_names", "reciprocal", "cameo",
    "goldstein", "quad_class", "negated", "future", "hypothetical", "reported", "place", "place_country",
    "lat", "lon", "trigger", "sentence", "evidence_start", "evidence_end", "evidence_text",
]


def _join(values) -> str:
    return ";".join(v or "" for v in values)


def event_rows(analysis: ArticleAnalysis) -> Iterator[dict]:
    """One flat dict per event, keyed by EVENT_COLUMNS (lists joined with ';')."""
    places = {p.id: p for p in analysis.places}
    for ev in analysis.events:
        place = places.get(ev.place) if ev.place else None
        yield {
            "article_id": analysis.id, "event_id": ev.id, "date": ev.date, "date_source": ev.date_source,
            "event_type": ev.event_type, "mode": ev.mode,
            "actor_codes": _join(a.code for a in ev.actors), "actor_sectors": _join(a.sector for a in ev.actors),
            "actor_names": _join(a.canonical for a in ev.actors),
            "recipient_codes": _join(a.code for a in ev.recipients),
            "recipient_sectors": _join(a.sector for a in ev.recipients),
            "recipient_names": _join(a.canonical for a in ev.recipients),
            "reciprocal": ev.reciprocal, "cameo": ev.cameo, "goldstein": ev.goldstein, "quad_class": ev.quad_class,
            "negated": ev.negated, "future": ev.future, "hypothetical": ev.hypothetical, "reported": ev.reported,
            "place": place.name or place.text if place else None, "place_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "trigger": ev.trigger.text, "sentence": ev.evidence.sentence, "evidence_start": ev.evidence.start,
            "evidence_end": ev.evidence.end, "evidence_text": ev.evidence.text,
        }


def quote_rows(analysis: ArticleAnalysis) -> Iterator[dict]:
    """One flat dict per quote: kind, speaker, cue and content with offsets."""
    for q in analysis.quotes:
        yield {
            "article_id": analysis.id, "quote_id": q.id, "kind": q.kind,
            "speaker": q.speaker.canonical if q.speaker else None,
            "speaker_code": q.speaker.code if q.speaker else None,
            "cue": q.cue.text if q.cue else None, "source": q.source.text if q.source else None,
            "content": q.content.text, "content_start": q.content.start, "content_end": q.content.end,
        }


class Writer:
    """Stream analyses to ``out`` in one of FORMATS.

    fmt (str): one of FORMATS. out (text stream; for parquet a path or binary stream).
    Use as a context manager; ``write(analysis)`` per article.
    """

    def __init__(self, fmt: str, out: IO = None):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fmt = fmt
        self.out = out or sys.stdout
        self._json_items: list = []
        self._rows: list = []
        self._csv = None

    def __enter__(self):
        return self

    def write(self, analysis: ArticleAnalysis) -> None:
        if self.fmt == "ndjson":
            self.out.write(analysis.model_dump_json() + "\n")
        elif self.fmt == "json":
            self._json_items.append(analysis.model_dump(mode="json"))
        elif self.fmt in ("csv", "tsv"):
            if self._csv is None:
                self._csv = csv.DictWriter(self.out, fieldnames=EVENT_COLUMNS,
                                           delimiter="," if self.fmt == "csv" else "\t",
                                           lineterminator="\n", extrasaction="ignore")
                self._csv.writeheader()
            for row in event_rows(analysis):
                if self.fmt == "tsv":
                    row = {k: (str(v).replace("\t", " ").replace("\n", " ") if v is not None else "")
                           for k, v in row.items()}
                self._csv.writerow(row)
        elif self.fmt == "parquet":
            self._rows.extend(event_rows(analysis))
            if len(self._rows) >= self.PARQUET_ROW_GROUP:
                self._flush_parquet()
        elif self.fmt == "table":
            self.out.write(format_table(analysis))

    def close(self) -> None:
        if self.fmt == "json":
            # always an array, of one article too: one shape for scripts (jq '.[]'), as the query commands
            json.dump(self._json_items, self.out, ensure_ascii=False, indent=2)
            self.out.write("\n")
        elif self.fmt == "parquet":
            self._flush_parquet(final=True)
        self.out.flush()

    #: rows per Parquet row group: memory stays bounded on large exports
    PARQUET_ROW_GROUP = 50_000

    def _flush_parquet(self, final: bool = False) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _parquet_schema(pa)
        if getattr(self, "_pq", None) is None:
            sink = self.out.buffer if hasattr(self.out, "buffer") else self.out
            self._pq = pq.ParquetWriter(sink, schema)
        if self._rows or final:
            self._pq.write_table(pa.Table.from_pylist(self._rows, schema=schema))
            self._rows = []
        if final:
            self._pq.close()

    def __exit__(self, *exc):
        self.close()


def _parquet_schema(pa):
    types = {"goldstein": pa.float64(), "lat": pa.float64(), "lon": pa.float64(), "quad_class": pa.int64(),
             "sentence": pa.int64(), "evidence_start": pa.int64(), "evidence_end": pa.int64(),
             "reciprocal": pa.bool_(), "negated": pa.bool_(), "future": pa.bool_(),
             "hypothetical": pa.bool_(), "reported": pa.bool_()}
    return pa.schema([(c, types.get(c, pa.string())) for c in EVENT_COLUMNS])


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table_actors(actors) -> str:
    """Actors for the table: ``CODE/SECTOR`` each (``USA/GOV``, ``---/REB`` for no code, ``HKG`` for no
    sector), ';' between several as in every other output; '-' for none."""
    return ";".join(f"{a.code or '---'}/{a.sector}" if a.sector else (a.code or "---") for a in actors) or "-"


def format_table(analysis: ArticleAnalysis) -> str:
    """A readable text table of one article's events and quotes."""
    lines = [f"== {analysis.id or ''} {analysis.title or ''} ({analysis.published or 'no date'})".rstrip()]
    if analysis.error:
        lines.append(f"   error {analysis.error.message}")
        return "\n".join(lines) + "\n\n"
    places = {p.id: p for p in analysis.places}
    lines.append(f"   {'date':<10}  {'type':<9} {'mode':<12} {'actors':<22} {'recipients':<22} "
                 f"{'cameo':>5} {'gold':>5}  {'place':<14} trigger")
    for ev in analysis.events:
        flags = "".join(f for f, on in (("!neg ", ev.negated), ("+fut ", ev.future),
                                        ("?hyp ", ev.hypothetical), ("»rep ", ev.reported)) if on)
        place = places.get(ev.place)
        actors = _table_actors(ev.actors)
        recips = _table_actors(ev.recipients)
        lines.append(
            f"   {ev.date or '':<10}{'*' if ev.date_source == 'publication' else ' '} {ev.event_type:<9} "
            f"{_clip(ev.mode or '', 12):<12} {_clip(actors, 22):<22} {_clip(recips, 22):<22} {ev.cameo or '':>5} "
            f"{'' if ev.goldstein is None else ev.goldstein:>5}  {_clip(place.text if place else '', 14):<14} "
            f"{flags}{_clip(ev.trigger.text, 30)}")
    if analysis.quotes:
        lines.append("   quotes:")
        for q in analysis.quotes:
            who = q.speaker.canonical if q.speaker else "?"
            lines.append(f"   - [{q.kind}] {_clip(who, 24)} ({q.cue.text if q.cue else '-'}): "
                         f"“{_clip(q.content.text, 90)}”")
    lines.append("   (* = date defaulted to the publication date)")
    return "\n".join(lines) + "\n\n"


def export_store(store, fmt: str, out, left_out: Optional[dict] = None) -> int:
    """Write a store's data in ``fmt`` (one of STORE_FORMATS) to ``out``.

    store (newsevents.store.Store). out: a text stream (a binary stream or path for parquet).
    left_out (dict | None): gdelt: filled with the events left out (``undated``, ``sideless``,
        :func:`.gdelt.write_gdelt`).
    gdelt / plover / geojson / gexf: one record per deduplicated factual event (negated and
    hypothetical events left out); csv / tsv / parquet: one row per event mention
    (EVENT_COLUMNS); ndjson / json: one ArticleAnalysis per stored article.
    RETURNS (int): records written (events, features, edges or articles).
    RAISES ValueError: unknown format.
    """
    if fmt == "gdelt":
        from .gdelt import write_gdelt

        return write_gdelt(store.iter_clusters(), out, left_out)
    if fmt == "plover":
        from .plover import write_plover

        return write_plover(store.iter_clusters(), out)
    if fmt == "geojson":
        from .network import write_geojson

        return write_geojson(store.iter_clusters(), out)
    if fmt == "gexf":
        from .network import write_gexf

        return write_gexf(store.iter_clusters(), out)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(STORE_FORMATS)}")
    n = 0
    with Writer(fmt, out) as writer:
        for analysis in store.analyses():
            writer.write(analysis)
            n += len(analysis.events) if fmt in ("csv", "tsv", "parquet") else 1
    return n
