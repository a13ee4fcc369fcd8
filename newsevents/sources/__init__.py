"""Readers: turn files and streams into :class:`~newsevents.pipeline.ArticleInput`.

Supported now: plain text files (one article per file), folders of them,
JSON Lines (one article per line: ``id``, ``title``, ``published``, ``text``,
``url``; the key names are configurable) and ``-`` for standard input (text,
or JSONL when ``fmt="jsonl"``). A record that can't be read becomes an
ArticleInput with ``problem`` set, so the batch goes on and the failure is
reported for that record.
"""
from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from datetime import date as Date, datetime
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import Errors, InputError
from ..pipeline import ArticleInput

__all__ = ["ReaderOptions", "read_inputs", "parse_date"]


@dataclass
class ReaderOptions:
    """How to read inputs.

    published (date | None): publication date for inputs that carry none (text files, stdin).
    fmt (str | None): "text" or "jsonl"; None guesses from the file name (``.jsonl``/``.ndjson`` = JSONL).
    id_key, title_key, published_key, text_key, url_key (str): JSONL field names.
    """

    published: Optional[Date] = None
    fmt: Optional[str] = None
    id_key: str = "id"
    title_key: str = "title"
    published_key: str = "published"
    text_key: str = "text"
    url_key: str = "url"


def parse_date(value) -> Optional[Date]:
    """Parse an ISO 8601 date or datetime string (``2019-07-01``, ``2019-07-01T10:00:00Z``).

    RETURNS (date | None): the calendar day (as written; no timezone shift), None for empty input.
    RAISES ValueError: not ISO 8601.
    """
    if value in (None, ""):
        return None
    if isinstance(value, Date):
        return value if not isinstance(value, datetime) else value.date()
    text = str(value).strip()
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()


def read_inputs(paths: Iterable[str], options: Optional[ReaderOptions] = None) -> Iterator[ArticleInput]:
    """Yield one ArticleInput per article in ``paths`` (files, folders or ``-``).

    RAISES InputError (E020): a path does not exist or can't be opened.
    """
    options = options or ReaderOptions()
    for path in paths:
        if path == "-":
            stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict")
            if options.fmt == "jsonl":
                yield from _read_jsonl(stream, "<stdin>", options)
            else:
                data = sys.stdin.buffer.read()
                yield ArticleInput(text=data, published=options.published, id="stdin")
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in (".txt", ".jsonl", ".ndjson"))
            yield from read_inputs([str(f) for f in files], options)
            continue
        if not p.exists():
            raise InputError("E020", path=path, reason="no such file or folder")
        fmt = options.fmt or ("jsonl" if p.suffix in (".jsonl", ".ndjson") else "text")
        try:
            if fmt == "jsonl":
                with open(p, "rb") as fh:
                    yield from _read_jsonl(fh, str(p), options)
            else:
                yield ArticleInput(text=p.read_bytes(), published=options.published, id=p.stem)
        except OSError as err:
            raise InputError("E020", path=path, reason=err.strerror or err) from err


def _read_jsonl(stream, name: str, options: ReaderOptions) -> Iterator[ArticleInput]:
    for n, raw in enumerate(stream, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield ArticleInput(text="", id=f"{name}:{n}", problem=(
                    "E103", "[E103] " + Errors.E103.format(reason=str(err))))
                continue
        if not raw.strip():
            continue
        ident = f"{name}:{n}"
        try:
            obj = json.loads(raw)
            if not isinstance(obj, dict):
                raise ValueError("a line must hold a JSON object")
        except ValueError as err:
            yield ArticleInput(text="", id=ident, problem=(
                "E021", "[E021] " + Errors.E021.format(path=name, line=n, reason=err)))
            continue
        ident = str(obj.get(options.id_key) or ident)
        if options.text_key not in obj:
            yield ArticleInput(text="", id=ident, problem=(
                "E022", "[E022] " + Errors.E022.format(path=name, line=n, key=options.text_key)))
            continue
        try:
            published = parse_date(obj.get(options.published_key)) or options.published
        except ValueError:
            yield ArticleInput(text="", id=ident, problem=(
                "E023", "[E023] " + Errors.E023.format(value=obj.get(options.published_key))))
            continue
        yield ArticleInput(text=obj.get(options.text_key) or "", published=published, id=ident,
                           title=obj.get(options.title_key), url=obj.get(options.url_key))
