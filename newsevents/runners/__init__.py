"""Runners: where the extraction runs. One extraction code path for every engine.

- :mod:`.local`: a pool of local processes (``newsevents ingest --workers N``), used by
  :func:`newsevents.ingest.ingest` for a database or a Parquet lake.
- :mod:`.ray`: Ray Data (``newsevents ingest --engine ray --out LAKE``), on this machine or a
  cluster (``--ray-address``); needs the optional extra ``pip install 'newsevents[ray]'``.

Both run :meth:`newsevents.pipeline.Pipeline.pipe` on batches of
:class:`~newsevents.pipeline.ArticleInput` and turn each analysis into rows with
:func:`newsevents.export.lake.lake_rows` (:func:`extract_rows`): there is no second implementation
of reading, parsing, the stages or the lake rows. The helpers here move an ArticleInput through
Arrow (Ray's blocks) and back without loss.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..pipeline import ArticleInput

__all__ = ["extract_rows", "input_row", "input_from_row", "INPUT_COLUMNS"]

#: the columns of an ArticleInput as an Arrow row (text as str, or raw bytes when not decoded)
INPUT_COLUMNS = ("id", "title", "url", "source", "published", "text", "raw", "problem_code", "problem_message",
                 "warnings")


def input_row(art: ArticleInput) -> dict:
    """RETURNS (dict): ``art`` as a row of INPUT_COLUMNS (bytes kept as bytes, the date as ISO text)."""
    text = art.text
    return {"id": art.id, "title": art.title, "url": art.url, "source": art.source,
            "published": art.published.isoformat() if art.published else None,
            "text": text if isinstance(text, str) else None,
            "raw": bytes(text) if isinstance(text, (bytes, bytearray)) else None,
            "problem_code": art.problem[0] if art.problem else None,
            "problem_message": art.problem[1] if art.problem else None,
            "warnings": "\n".join(art.warnings) or None}


def input_from_row(row: dict) -> ArticleInput:
    """RETURNS (ArticleInput): the inverse of :func:`input_row`."""
    from datetime import date as Date

    text = row["text"] if row.get("text") is not None else (row.get("raw") or "")
    return ArticleInput(text=text, published=Date.fromisoformat(row["published"]) if row.get("published") else None,
                        id=row.get("id"), title=row.get("title"), url=row.get("url"), source=row.get("source"),
                        problem=(row["problem_code"], row["problem_message"]) if row.get("problem_code") else None,
                        warnings=tuple(row["warnings"].split("\n")) if row.get("warnings") else ())


def extract_rows(pipeline, articles: Iterable[ArticleInput]) -> list[dict]:
    """Analyse ``articles`` with ``pipeline`` and return their lake rows, in input order.

    pipeline (Pipeline). articles (iterable of ArticleInput).
    RETURNS (list[dict]): :func:`newsevents.export.lake.lake_rows` of each analysis.
    """
    from ..export.lake import lake_rows

    articles = list(articles)
    rows: list = []
    for art, analysis in zip(articles, pipeline.pipe(articles)):
        rows.extend(lake_rows(analysis, art.source))
    return rows


def hash_of(art: ArticleInput) -> Optional[str]:
    """The content hash the stored text will have, or None (as ``ingest`` skips stored texts)."""
    from ..ingest import _hash_of

    return _hash_of(art)
