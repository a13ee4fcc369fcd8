"""Speakers: the actor mention (from the actors stage) that a source span names.

Step 5 of the quotes stage (see :mod:`newsevents.quotes`).
"""
from __future__ import annotations

from typing import Optional

from ..records import Speaker
from .spans import Attr, doc_text


class ActorFinder:
    """Actor mentions by character range: ``ctx.shared['actors'].mentions_in`` or a scan of the records."""

    def __init__(self, ctx):
        shared = ctx.shared.get("actors")
        self._fn = None
        if shared is not None:
            fn = shared.get("mentions_in") if isinstance(shared, dict) else getattr(shared, "mentions_in", None)
            if callable(fn):
                self._fn = fn
        self._actors = sorted(ctx.analysis.actors, key=lambda m: m.evidence.start)

    def within(self, start: int, end: int) -> list:
        """RETURNS (list[Actor]): mentions inside characters [start, end), in text order."""
        if self._fn is not None:
            try:
                found = list(self._fn(start, end))
                return sorted(found, key=lambda m: m.evidence.start)
            except Exception:  # fall back to the records
                pass
        return [m for m in self._actors if start <= m.evidence.start and m.evidence.end <= end]


def speaker(ctx, a: Attr, finder, by_head) -> Optional[Speaker]:
    if a.source is None:
        return None
    head = a.src_head
    mentions = finder.within(*a.source)
    best = None
    if head is not None and mentions:
        h0, h1 = head.idx, head.idx + len(head.text)
        best = next((m for m in mentions if m.evidence.start <= h0 and h1 <= m.evidence.end), None)
    head_key = head.lemma_.lower() if head is not None and head.pos_ == "NOUN" else None
    if best is None and head_key and head_key in by_head and any(
            c.lower_ in ("the", "this", "that") for c in head.children):
        return by_head[head_key]
    if best is None and mentions:
        best = mentions[0]
    if best is not None:
        sp = Speaker(canonical=best.canonical, mention=best.id, code=best.code, sector=best.sector)
    else:
        src_text = doc_text(ctx.doc)[a.source[0]:a.source[1]]
        sp = Speaker(canonical=src_text.strip(" ,"), mention=None, code=None, sector=None)
    if head_key and best is not None:
        by_head.setdefault(head_key, sp)
    return sp
