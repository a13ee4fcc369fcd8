"""Helpers shared by the readers: problem records, binary sniffing, dates as written.

Kept apart from ``sources/__init__.py`` so that the HTML, feed and WARC readers can
import them without importing the package entry point (and so without cycles).
"""
from __future__ import annotations

import re
from datetime import date as Date, datetime
from typing import Optional

from ..errors import Errors
from ..pipeline import ArticleInput

__all__ = ["problem_input", "looks_binary", "day_as_written"]

#: C0 control characters other than tab, newline, carriage return and form feed
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
#: leading ISO 8601 calendar date: 2019-11-20, 2019-11-20T06:07:01+00:00, 20191120
_ISO_DAY = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_])")


def problem_input(code: str, ident: Optional[str] = None, record_url: Optional[str] = None,
                  **kwargs) -> ArticleInput:
    """An ArticleInput that carries a reader problem instead of text.

    code (str): an ``Errors`` attribute name, e.g. "E030".
    ident (str | None): the record id (file stem, ``file:item``, WARC record id).
    record_url (str | None): the record's address, when known.
    **kwargs: the message's placeholders.
    RETURNS (ArticleInput): ``text=""`` and ``problem=(code, "[code] message")``.
    """
    message = f"[{code}] " + getattr(Errors, code).format(**kwargs)
    return ArticleInput(text="", id=ident, url=record_url, problem=(code, message))


def looks_binary(data: bytes, limit: float = 0.05) -> bool:
    """True when the first 4,096 bytes hold a NUL byte or more than ``limit`` C0 control bytes.

    UTF-16 without a byte-order mark and binary formats (images, PDF, zip) hit this;
    any ASCII-compatible text encoding does not.
    """
    head = data[:4096]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM: text
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) / len(head) > limit


def day_as_written(value) -> Optional[Date]:
    """The calendar day of a date value, as written (no shift to UTC).

    value (str | date | datetime | None): ISO 8601 ("2019-11-20T06:07:01+00:00",
        "2019-11-20"), a date/datetime, or anything else.
    RETURNS (date | None): the day; None when ``value`` is empty or not an ISO date.

    A page published "2019-11-19T23:30:00-05:00" is dated 2019-11-19: relative dates
    in its text ("on Tuesday") count from the writer's own day.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    match = _ISO_DAY.match(str(value))
    if not match:
        return None
    try:
        return Date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
