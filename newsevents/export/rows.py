"""Write query results (lists of plain dicts) as table, csv, tsv, json, ndjson or parquet.

The query commands (``events``, ``quotes``, ``dyads``, ``search``) share these formats
through one CLI option; the store returns dicts and this module formats them.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Optional, Sequence

__all__ = ["ROW_FORMATS", "QUERY_EVENT_COLUMNS", "QUERY_QUOTE_COLUMNS", "write_rows", "format_rows"]

ROW_FORMATS = ("table", "csv", "tsv", "json", "ndjson", "parquet")

#: columns of stored event mentions (``newsevents events``, ``/api/events?format=csv``): the names and
#: order of :data:`newsevents.export.EVENT_COLUMNS` (``extract --format csv``, ``export --format csv``)
#: for every field a stored mention carries (not date_source, actor_sectors, recipient_sectors,
#: reciprocal), then the database's own: url, cluster_id, num_mentions
QUERY_EVENT_COLUMNS = [
    "article_id", "event_id", "date", "event_type", "mode", "actor_codes", "actor_names", "recipient_codes",
    "recipient_names", "cameo", "goldstein", "quad_class", "negated", "future", "hypothetical", "reported", "place",
    "place_country", "lat", "lon", "trigger", "sentence", "evidence_start", "evidence_end", "evidence_text",
    "url", "cluster_id", "num_mentions",
]

#: columns of stored quotes (``newsevents quotes``, ``/api/quotes?format=csv``)
QUERY_QUOTE_COLUMNS = ["published", "speaker", "speaker_code", "speaker_sector", "kind", "cue", "source", "content",
                       "sentence", "content_start", "content_end", "article_id", "quote_id", "url"]


def _clip(value, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def format_rows(rows: Sequence[dict], columns: Sequence[str], widths: Optional[dict] = None) -> str:
    """An aligned text table of ``rows`` (one line per row, long cells clipped with …).

    widths (dict | None): column -> maximum width (default 40 characters).
    RETURNS (str): header, rule, rows; "(no rows)" when empty.
    """
    if not rows:
        return "(no rows)\n"
    widths = widths or {}
    cells = [[_clip(r.get(c), widths.get(c, 40)) for c in columns] for r in rows]
    size = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    numeric = [all(isinstance(r.get(c), (int, float)) or r.get(c) is None for r in rows) for c in columns]
    lines = ["  ".join(c.ljust(size[i]) for i, c in enumerate(columns)).rstrip(),
             "  ".join("-" * size[i] for i in range(len(columns)))]
    for row in cells:
        lines.append("  ".join(v.rjust(size[i]) if numeric[i] else v.ljust(size[i])
                               for i, v in enumerate(row)).rstrip())
    return "\n".join(lines) + "\n"


def write_rows(rows: Sequence[dict], fmt: str, out: IO, columns: Optional[Sequence[str]] = None,
               table_columns: Optional[Sequence[str]] = None, widths: Optional[dict] = None) -> None:
    """Write ``rows`` to ``out`` in ``fmt`` (one of ROW_FORMATS).

    columns (sequence | None): the columns, in order (default: the first row's keys).
    table_columns (sequence | None): the narrower set shown by ``table``.
    out: a text stream; for parquet a binary stream (or a text stream with ``.buffer``).
    RAISES ValueError: unknown format.
    """
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "table":
        out.write(format_rows(rows, table_columns or columns, widths))
    elif fmt in ("csv", "tsv"):
        writer = csv.DictWriter(out, fieldnames=columns, delimiter="," if fmt == "csv" else "\t",
                                lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            if fmt == "tsv":
                r = {k: ("" if v is None else str(v).replace("\t", " ").replace("\n", " ")) for k, v in r.items()}
            writer.writerow(r)
    elif fmt == "json":
        json.dump([{c: r.get(c) for c in columns} for r in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "ndjson":
        for r in rows:
            out.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows]) if rows else pa.table(
            {c: pa.array([], pa.string()) for c in columns})
        pq.write_table(table, out.buffer if hasattr(out, "buffer") else out)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(ROW_FORMATS)}")
    out.flush()
