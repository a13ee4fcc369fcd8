"""The ``dates`` stage: temporal expressions resolved against the publication date.

Finds every temporal expression of an article (TimeML TIMEX3: DATE, TIME,
DURATION, SET), gives it a TIMEX3 value anchored on ``ctx.published`` and
appends a :class:`~newsevents.records.TimeExpr` per expression to
``ctx.analysis.dates``. The steps, one module each:

* recognition, :mod:`~newsevents.dates.recognise`: candidate spans from our token
  patterns (``data/dates/patterns.yaml``) and the model's DATE/TIME entities, trimmed
  to TIMEX3 extent, non-temporal readings dropped;
* anchoring, :mod:`~newsevents.dates.tense` (a bare weekday or month points before
  publication unless its clause is about the future) and
  :mod:`~newsevents.dates.discourse` ("the following day" counts from the narrated
  day, and so does a time of day that names no day; "a year earlier" from the quarter under
  discussion);
* resolution, :mod:`~newsevents.dates.resolve` (the words to a TIMEX3 value; calendar
  arithmetic in :mod:`~newsevents.dates.calendar_math`, spoken years in
  :mod:`~newsevents.dates.spoken`); dateparser is only asked about
  model entity spans with digits that the rules could not read (odd absolute formats);
* typing, :mod:`~newsevents.dates.timex_type`: DURATION and SET expressions.

For the events stage the stage publishes ``ctx.shared["dates"]``::

    {"by_sentence": {sentence_index: [TimeExpr, ...]},
     "heads": {time_expr_id: (token index of the word it modifies, span start, span end)}}

and :func:`~newsevents.dates.clause.date_for_clause` picks the expression that dates a trigger.
"""
from __future__ import annotations

import re
from datetime import date as Date, datetime
from typing import Optional

from ..data import load_yaml
from ..pipeline import register_stage
from ..records import Evidence, TimeExpr
from .clause import date_for_clause
from .discourse import apposed_dates, clock_days, event_days, reanchor, year_ago_quarters
from .recognise import Recogniser, expand_lexicon_refs
from .resolve import Resolver, iso_week, shift_months
from .tense import clause_is_future, clause_tense
from .timex_type import retype

__all__ = ["DateStage", "date_for_clause", "clause_tense", "clause_is_future", "Resolver", "iso_week", "shift_months"]

#: only spans that look like absolute dates go to dateparser: d/m/y-like numbers or a month name with a number
_DATEPARSER_WORTHY = re.compile(
    r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d"
    r"|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")


@register_stage("dates", requires=(), assigns=("dates",))
class DateStage:
    """Find temporal expressions and give each its TIMEX3 type and value.

    options (Options): ``options.data_paths`` may hold user copies of
        ``dates/lexicon.yaml`` and ``dates/patterns.yaml`` that extend ours.
    RAISES DataError (E010): a knowledge file is missing or malformed.
    """

    def __init__(self, options):
        extra = getattr(options, "data_paths", None)
        self.lex = load_yaml("dates/lexicon.yaml", extra=extra)
        raw_patterns = load_yaml("dates/patterns.yaml", extra=extra)
        self.patterns = [(p["label"], expand_lexicon_refs(p["pattern"], self.lex)) for p in raw_patterns]
        self.resolver = Resolver(self.lex)
        self.future_aux = frozenset(self.lex.get("future_auxiliaries", []))
        self.governors = frozenset(self.lex.get("future_governors", []))
        self.speech = frozenset(self.lex.get("speech_verbs", []))
        self.schedulers = frozenset(self.lex.get("scheduling_verbs", []))
        self.deadlines = frozenset(self.lex.get("deadline_verbs", []))
        self.targets = frozenset(self.lex.get("target_date_verbs", []))
        self.time_nouns = frozenset(str(w) for key in ("parts_of_day", "units") for w in (self.lex.get(key) or {}))
        self.forward = frozenset(str(w) for w in self.lex.get("forward_words") or ())
        self.recogniser = Recogniser(self.lex, self.patterns)
        self.clock_links = frozenset(str(w) for w in self.lex.get("clock_day_links", [])) | self.recogniser.time_zones
        self.quoted_days = frozenset(self.lex.get("relative_days", {})) | frozenset(
            str(w) for w in self.lex.get("quoted_day_phrases") or ())
        self.weekday_names = frozenset(str(w) for w in self.lex.get("weekdays") or {})
        #: words that name a day or count from one: a time of day with none of them is on the narrated day
        self.day_words = frozenset(str(w) for key in ("weekdays", "months", "relative_days", "directions")
                                   for w in (self.lex.get(key) or {}))
        self.event_links = frozenset(str(w) for w in self.lex.get("event_day_links", []))
        self.event_nouns = {str(k): [str(w) for w in v] for k, v in (self.lex.get("event_days") or {}).items()}
        self._dateparsers: dict = {}

    # -- recognition ------------------------------------------------------------
    def candidates(self, doc) -> list:
        """RETURNS (list[tuple[Span, str]]): :meth:`Recogniser.candidates` of ``doc``."""
        return self.recogniser.candidates(doc)

    # -- values --------------------------------------------------------------
    def _parse_with_dateparser(self, text: str, published: Optional[Date]):
        """Absolute dates in formats our rules don't read, via dateparser. Never raises.

        Settings: RELATIVE_BASE = publication date, PREFER_DATES_FROM = past.
        One parser per anchor date is kept (at most 8).
        """
        try:
            parser = self._dateparsers.get(published)
            if parser is None:
                from dateparser.date import DateDataParser

                settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
                if published is not None:
                    settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
                parser = DateDataParser(languages=["en"], settings=settings)
                if len(self._dateparsers) >= 8:
                    self._dateparsers.clear()
                self._dateparsers[published] = parser
            data = parser.get_date_data(text)
        except Exception:  # dateparser has open bugs; a failure is just "no value"
            return None
        if data is None or data.date_obj is None:
            return None
        d, period = data.date_obj, data.period
        if period == "year":
            return "DATE", f"{d.year:04d}"
        if period == "month":
            return "DATE", f"{d.year:04d}-{d.month:02d}"
        if period == "week":
            return "DATE", iso_week(d.date())
        if period == "time":
            return "TIME", d.strftime("%Y-%m-%dT%H:%M")
        return "DATE", d.date().isoformat()

    def value(self, span, published: Optional[Date], origin: str = "pattern"):
        """TIMEX3 (type, value) for a candidate span, or None when it is not temporal.

        span (Span): the expression. published (date | None): the anchor.
        origin (str): "pattern" or "ner"; only "ner" spans with digits that
            our rules can't read go to dateparser.
        RETURNS (tuple[str, str | None] | None).
        """
        words = [t.lower_ for t in span]
        tense = clause_tense(span.root, self.future_aux, self.governors, self.speech, self.schedulers,
                             self.deadlines, self.targets, self.time_nouns, self.forward)
        prev = span.doc[span.start - 1] if span.start > 0 else None
        after_amount = prev is not None and (prev.like_num or prev.ent_type_ == "MONEY" or prev.lower_ == "per")
        res = retype(span, self.resolver.resolve(words, published, tense=tense, after_amount=after_amount))
        if res is None and origin == "ner" and len(span) <= 8 and _DATEPARSER_WORTHY.search(span.text):
            res = self._parse_with_dateparser(span.text, published)
        return res

    def _tense(self, span) -> Optional[str]:
        """The tense of the clause of ``span`` (:func:`~newsevents.dates.tense.clause_tense`)."""
        return clause_tense(span.root, self.future_aux, self.governors, self.speech, self.schedulers,
                            self.deadlines, self.targets, self.time_nouns, self.forward)

    # -- the stage ------------------------------------------------------------
    def __call__(self, ctx) -> None:
        doc = ctx.doc
        by_sentence: dict = {}
        heads: dict = {}
        ctx.shared["dates"] = {"by_sentence": by_sentence, "heads": heads}
        if doc is None or len(doc) == 0:
            return
        found = []
        for span, origin in self.candidates(doc):
            res = self.value(span, ctx.published, origin)
            if res is None or res[0] not in ("DATE", "TIME", "DURATION", "SET"):
                continue
            found.append([span, res[0], res[1]])
        year_ago_quarters(found, ctx)
        dayed = clock_days(found, self.clock_links)
        reanchor(found, ctx.published, self.value, self.quoted_days, self.day_words, dayed, self._tense,
                 self.weekday_names)
        apposed_dates(found)
        event_days(found, self.event_nouns, self.event_links)
        for span, ttype, value in found:
            text = span.text   # not ctx.evidence(): Doc.text is rebuilt on every access
            evidence = Evidence(sentence=ctx.sentence_index(span.start_char), start=span.start_char,
                                end=span.end_char, text=text)
            tx = TimeExpr(id=ctx.new_id("T"), text=text, type=ttype, value=value, evidence=evidence)
            ctx.analysis.dates.append(tx)
            by_sentence.setdefault(tx.evidence.sentence, []).append(tx)
            gov = span.root
            for _ in range(3):   # the word the expression modifies, past prepositions ("on Sunday" -> met)
                if gov.head is gov or (gov is not span.root and gov.pos_ != "ADP"):
                    break
                gov = gov.head
            heads[tx.id] = (gov.i, span.start, span.end)

