"""Input records: JSON Lines and JSON arrays of articles, their field checks, and dates.

One JSON object is one article (:func:`record_input`): its fields are checked where they are read
(:class:`JsonlRecord`), so a wrongly typed line is that line's error row (E021-E025) and the batch
goes on. :func:`parse_date` reads the publication dates records carry. Byte-order marks are
handled here for every reader (:func:`_decode_bom`).
"""
from __future__ import annotations

import io
import json
import re
from datetime import date as Date, datetime
from typing import TYPE_CHECKING, Iterator, Optional, Union

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import Errors
from ..pipeline import ArticleInput

if TYPE_CHECKING:
    from . import ReaderOptions

__all__ = ["JsonlRecord", "parse_date", "record_input"]


#: day and month as numbers with a separator ("01/07/2019", "1.7.19"): order unknown when both are 12 or less
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\s*$")


def parse_date(value) -> Optional[Date]:
    """Parse a publication date: ISO 8601 (``2019-07-01``, ``2019-07-01T10:00:00Z``), else RFC
    2822 as feeds and HTTP write it (``Mon, 01 Jul 2019 10:00:00 GMT``), else a written date that
    names day, month and year (``July 1, 2019``, ``1 juillet 2019``) read by dateparser, as
    crawler output often has them.

    RETURNS (date | None): the calendar day (as written; no timezone shift), None for empty input.
    RAISES ValueError: none of these, no full day ("2019", "soon"), or an all-numeric day and
        month that could be either ("01/07/2019": 1 July or 7 January).
    """
    if value in (None, ""):
        return None
    if isinstance(value, Date):
        return value if not isinstance(value, datetime) else value.date()
    text = str(value).strip()
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = _NUMERIC_DATE.match(text)
    if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
        # "01/07/2019" is 1 July in most of the world and 7 January in the United States: no guess
        raise ValueError(f"ambiguous numeric date {text!r}: write it as ISO 8601 (YYYY-MM-DD)")
    import dateparser

    # absolute dates only: "yesterday" in a record says nothing of the day it was written
    parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                              "PARSERS": ["custom-formats", "absolute-time"],
                                              "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        raise ValueError(f"not a date: {text!r}")
    return parsed.date()


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode_bom(data: bytes):
    """Text of a file that starts with a byte-order mark: UTF-16 (LE/BE) is decoded, a UTF-8 BOM
    dropped (it is not part of the article). Other bytes are returned as they are (the
    pipeline decodes them as UTF-8, or reports E103)."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return data
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:]
    return data


def _jsonl_lines(stream):
    """The lines of a binary JSONL stream: bytes (UTF-8, decoded line by line, so one bad line is
    one error row), or str for a UTF-16 stream with a byte-order mark (undecodable code units
    become U+FFFD and mark their line as bad)."""
    if not hasattr(stream, "peek") and hasattr(stream, "read") and not isinstance(stream, io.TextIOBase):
        stream = io.BufferedReader(stream) if hasattr(stream, "readinto") else stream
    head = stream.peek(2)[:2] if hasattr(stream, "peek") else b""
    if head in _UTF16_BOMS:
        return io.TextIOWrapper(stream, encoding="utf-16", errors="replace", newline=None), True
    return stream, False


def _place(n) -> str:
    """Where a record is, for messages: a number is a line ("line 3"); text is kept ("item 3", "row 3")."""
    return f"line {n}" if isinstance(n, int) else str(n)


def _read_json(data: bytes, name: str, options: ReaderOptions, ident: str) -> Iterator[ArticleInput]:
    """The articles of a JSON file: an array of article objects (each validated as a JSONL line
    is; messages name it "item N", from 1) or one article object (id ``ident``
    unless it names one). A file that is no JSON is one E021 row."""
    try:
        value = json.loads(_decode_bom(data))
    except (ValueError, UnicodeDecodeError) as err:
        yield ArticleInput(text="", id=ident, problem=("E021", "[E021] " + Errors.E021.format(
            path=name, line="line 1", reason=f"{err}; JSONL has one object a line: --input-format jsonl")))
        return
    items = value if isinstance(value, list) else [value]
    for n, obj in enumerate(items, start=1):
        item_id = f"{name}:{n}" if isinstance(value, list) else ident
        if not isinstance(obj, dict):
            yield ArticleInput(text="", id=item_id, problem=(
                "E025", "[E025] " + Errors.E025.format(path=name, line=f"item {n}", kind=_json_kind(obj))))
            continue
        yield record_input(obj, item_id, name, f"item {n}" if isinstance(value, list) else "line 1", options)


#: a file whose first this many non-empty lines are all no JSON is no JSONL: one error, not one per line
_NOT_JSONL_LINES = 20


def _read_jsonl(stream, name: str, options: ReaderOptions) -> Iterator[ArticleInput]:
    """The records of a JSONL stream; a line that can't be read is its error row (E021, E025,
    E103) and the rest goes on. A file none of whose first 20 non-empty lines is JSON (an HTML
    page read with ``--input-format jsonl``) is one E021 row for the file, not one per line."""
    held: list = []  # error rows before the first line that is JSON
    seen_json = False
    for item in _jsonl_items(stream, name, options):
        is_json = item.problem is None or item.problem[0] not in ("E021", "E103")  # E025: JSON, no object
        if seen_json:
            yield item
            continue
        if is_json:
            seen_json = True
            yield from held
            held = []
            yield item
            continue
        held.append(item)
        if len(held) >= _NOT_JSONL_LINES:
            yield ArticleInput(text="", id=f"{name}:1", problem=("E021", "[E021] " + Errors.E021.format(
                path=name, line="line 1", reason=f"none of the first {_NOT_JSONL_LINES} lines is JSON; is this a JSONL "
                                          f"file? (--input-format)")))
            return
    yield from held


def _jsonl_items(stream, name: str, options: ReaderOptions) -> Iterator[ArticleInput]:
    lines, utf16 = _jsonl_lines(stream)
    for n, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield ArticleInput(text="", id=f"{name}:{n}", problem=(
                    "E103", "[E103] " + Errors.E103.format(reason=f"line {n}: {err}")))
                continue
        elif utf16 and "\ufffd" in raw:
            yield ArticleInput(text="", id=f"{name}:{n}", problem=(
                "E103", "[E103] " + Errors.E103.format(reason=f"line {n}: not valid UTF-16")))
            continue
        if n == 1:
            raw = raw.lstrip("\ufeff")
        if not raw.strip():
            continue
        ident = f"{name}:{n}"
        try:
            obj = json.loads(raw)
        except RecursionError:
            yield ArticleInput(text="", id=ident, problem=(
                "E021", "[E021] " + Errors.E021.format(path=name, line=f"line {n}", reason="nested too deeply")))
            continue
        except ValueError as err:
            yield ArticleInput(text="", id=ident, problem=(
                "E021", "[E021] " + Errors.E021.format(path=name, line=f"line {n}", reason=err)))
            continue
        if not isinstance(obj, dict):  # valid JSON, but not an article: say what it is
            yield ArticleInput(text="", id=ident, problem=(
                "E025", "[E025] " + Errors.E025.format(path=name, line=f"line {n}", kind=_json_kind(obj))))
            continue
        yield record_input(obj, ident, name, n, options)


def _json_kind(value) -> str:
    """The JSON name of a parsed value's type: array, string, number, true/false, null."""
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"


def record_input(obj: dict, ident: Optional[str], name: str, n, options: ReaderOptions) -> ArticleInput:
    """One JSON object (a JSONL line, a Parquet row) as an ArticleInput, validated as a JSONL line is.

    obj (dict): the record. ident (str | None): its id when the record names none (``path:line``).
    name (str): the file, for messages. n: the line (or row) number, for messages.
    RETURNS (ArticleInput): with ``problem`` set (E022, E023, E024) when the record is unusable.
    """
    raw_id = obj.get(options.id_key)
    if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id):
        ident = str(raw_id)
    if options.text_key not in obj:
        wrapped = _wrapped_list(obj)
        if wrapped is not None:  # {"articles": [...]}: --text-key can't help, the list must be passed
            return ArticleInput(text="", id=ident, problem=("E026", "[E026] " + Errors.E026.format(
                path=name, line=_place(n), field=wrapped,
                n=f"{len(obj[wrapped])} object{'s' if len(obj[wrapped]) != 1 else ''}")))
        return ArticleInput(text="", id=ident, problem=(
            "E022", "[E022] " + Errors.E022.format(path=name, line=_place(n), key=options.text_key)))
    if obj.get(options.text_key) is None:  # "text": null says where, like any other wrong type
        return ArticleInput(text="", id=ident, problem=(
            "E024", "[E024] " + Errors.E024.format(
                path=name, line=_place(n), reason=f"field '{options.text_key}' holds null, not a string")))
    try:
        record = JsonlRecord.model_validate({
            field: obj.get(key) for field, key in (
                ("id", options.id_key), ("title", options.title_key), ("published", options.published_key),
                ("text", options.text_key), ("url", options.url_key), ("source", options.source_key))})
    except ValidationError as err:
        return ArticleInput(text="", id=ident, problem=(
            "E024", "[E024] " + Errors.E024.format(path=name, line=_place(n), reason=_validation_reason(err, options))))
    try:
        published = parse_date(record.published) or options.published
    except ValueError:
        return ArticleInput(text="", id=ident, problem=(
            "E023", f"[E023] Input {name}, {_place(n)}: " + Errors.E023.format(value=record.published)))
    return ArticleInput(text=record.text or "", published=published, id=ident, title=record.title,
                        url=record.url, source=record.source)


def _wrapped_list(obj: dict) -> Optional[str]:
    """The field of a JSON object that holds a non-empty list of objects (``{"articles": [{...}]}``,
    as APIs and scrapers wrap their results), the first such in the object's order; None if none.
    Such an object is a wrapper of articles, not an article without a text field (E026, not E022)."""
    for key, value in obj.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return str(key)
    return None


class JsonlRecord(BaseModel):
    """One JSONL input line, validated where it is read: a wrong-typed field makes that line
    an E024 error row instead of failing later (``"text": 12345`` used to end the whole run).

    Strict types: JSON strings for text, title, url, source and published; the id may also be
    an integer (read as its decimal string). Unknown fields are ignored; null is "absent".
    """

    model_config = ConfigDict(strict=True, extra="ignore")

    id: Optional[Union[str, int]] = None
    title: Optional[str] = None
    published: Optional[str] = None
    text: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None


def _validation_reason(err: "ValidationError", options: ReaderOptions) -> str:
    """One short line from a pydantic error: the user's field name and the type it holds."""
    keys = {"id": options.id_key, "title": options.title_key, "published": options.published_key,
            "text": options.text_key, "url": options.url_key, "source": options.source_key}
    parts = []
    for e in err.errors():
        field = str(e["loc"][0]) if e.get("loc") else "?"
        value = e.get("input")
        parts.append(f"field '{keys.get(field, field)}' holds {_json_type(value)} {json.dumps(value)[:40]}, "
                     f"not a string")
    return "; ".join(dict.fromkeys(parts))


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a value"
