"""newsevents: news articles in, event data out, every record with its evidence.

    >>> import newsevents
    >>> from datetime import date
    >>> analysis = newsevents.extract("Trump met Kim on Sunday.", published=date(2019, 7, 1))
    >>> [e.event_type for e in analysis.events]
    ['CONSULT']
"""
from __future__ import annotations

from datetime import date as Date
from typing import Optional, Union

from .pipeline import ArticleInput, Options, Pipeline
from .records import (Actor, ActorRef, ArticleAnalysis, ArticleError, Event, Evidence, Place, Quote,
                      Speaker, TimeExpr, json_schema)

__version__ = "0.1.0"

__all__ = [
    "extract", "Pipeline", "Options", "ArticleInput", "ArticleAnalysis", "ArticleError", "Actor",
    "ActorRef", "Event", "Evidence", "Place", "Quote", "Speaker", "TimeExpr", "json_schema",
    "__version__",
]

_DEFAULT: dict = {}


def extract(text: Union[str, bytes], published: Union[Date, str, None] = None, *, options: Optional[Options] = None,
            **meta) -> ArticleAnalysis:
    """Analyse one article.

    text (str | bytes): the article text (bytes must be UTF-8).
    published (date | str | None): publication date (UTC day), a date or an ISO string
        ("2019-07-01"); relative dates resolve against it.
    options (Options | None): configuration; the default pipeline is loaded once and cached.
    meta: id, title, url, copied to the result.
    RETURNS (ArticleAnalysis): records with evidence; per-article problems are in ``.error``.
    RAISES ModelError: the spaCy pipeline can't be loaded; ValueError: ``published`` is a string
        that is no ISO date.
    """
    key = repr(options) if options else "default"
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(options)
    return _DEFAULT[key](text, published, **meta)
