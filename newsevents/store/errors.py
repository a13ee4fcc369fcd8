"""The error type of the store: a database problem the user can fix."""
from __future__ import annotations

from ..errors import NewsEventsError

__all__ = ["StoreError"]


class StoreError(NewsEventsError):
    """A database problem the user can fix (bad URL, unreachable server, newer schema).

    code (str): E040..E043 (messages in newsevents.errors.Errors); message: "[code] text" saying how to fix it.
    """
