"""The ``dates`` stage: temporal expressions resolved against the publication date.

Finds every temporal expression of an article (TimeML TIMEX3: DATE, TIME,
DURATION, SET), gives it a TIMEX3 value anchored on ``ctx.published`` and
appends a :class:`~newsevents.records.TimeExpr` per expression to
``ctx.analysis.dates``.

Candidates come from our own token patterns (``data/dates/patterns.yaml``,
one spaCy Matcher built once per vocabulary) and from the model's DATE and
TIME entities where no pattern matched. Values come from our rules
(:mod:`newsevents.dates.resolve`); dateparser is only asked about entity
spans with digits that the rules could not read (odd absolute formats).

Tense: news reports past events, so a bare weekday or month is the last one
on or before the publication date, unless its clause is about the future
("will meet on Friday", "is due to arrive Friday", "plans to visit Friday"),
see :func:`clause_tense`. A month or month-day without a year follows the
tense too, and is the nearest one when no verb decides ("payable Dec. 15").

For the events stage the stage publishes ``ctx.shared["dates"]``::

    {"by_sentence": {sentence_index: [TimeExpr, ...]},
     "heads": {time_expr_id: (token index of the word it modifies, span start, span end)}}

and :func:`date_for_clause` picks the expression that dates a trigger.
"""
from __future__ import annotations

import re
from datetime import date as Date, datetime
from typing import Optional

from ..data import load_yaml
from ..pipeline import register_stage
from ..records import Evidence, TimeExpr
from .resolve import Resolver, iso_week, shift_months
from .discourse import reanchor

__all__ = ["DateStage", "date_for_clause", "clause_tense", "clause_is_future", "Resolver", "iso_week", "shift_months"]


_LEADING_DROP = {"on", "in", "at", "since", "during", "until", "till", "by", "from", "to", "before",
                 "after", "through", "throughout", "for", "of", "as", "from", "between", "within",
                 "into", "and", "or", "'s", ",", "-", "--", "(", ")", '"', "“", "”"}
_TRAILING_DROP = {",", ".", ";", ":", "-", "--", "(", ")", '"', "'", "“", "”", "'s", "’s", "and", "or"}
#: "the" is outside TIMEX3 spans before these words ("the Aug. 7" -> "Aug. 7"; TempEval-3 gold)
_THE_DROP_BEFORE = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "aug.", "sept.",
                    "sep.", "oct.", "nov.", "dec.", "days", "weeks", "months"}
#: words left outside a TIMEX3 span when they open it; TempEval-3 TBAQ has "about", "almost",
#: "over" mostly outside ("about two weeks" -> "two weeks") and "nearly", "at least" inside
_OUTSIDE_FIRST = {"about", "almost", "over", "than"}
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: token shapes that can hold a date without any trigger word: years, decades, clock times, d/m/y
_TRIGGER_SHAPE = re.compile(r"^(dddd|xxx-dddd|ddddx|'ddx|ddx|xxx-ddddx|dd?:dd(xx)?|dd?xx|dd?[/.]dd?[/.]dd(dd)?)$")
#: only spans that look like absolute dates go to dateparser: d/m/y-like numbers or a month name with a number
_DATEPARSER_WORTHY = re.compile(
    r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d"
    r"|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "csubj", "acl", "pcomp"}
_VERBAL = {"VERB", "AUX"}


def _expand(obj, lex: dict):
    """Replace "$name" strings inside IN lists by the lexicon keys/items."""
    if isinstance(obj, dict):
        return {k: _expand(v, lex) for k, v in obj.items()}
    if isinstance(obj, list):
        out = []
        for v in obj:
            if isinstance(v, str) and v.startswith("$") and v[1:] in lex:
                ref = lex[v[1:]]
                out.extend(str(x) for x in (ref.keys() if isinstance(ref, dict) else ref))
            else:
                out.append(_expand(v, lex))
        return out
    if isinstance(obj, str) and obj.startswith("$") and obj[1:] in lex:
        ref = lex[obj[1:]]
        return [str(x) for x in (ref.keys() if isinstance(ref, dict) else ref)]
    return obj


def _flag_patterns(patterns: list, vocab) -> list:
    """The Matcher patterns with ``{"LOWER": {"IN": [...]}}`` tests turned into lexeme flag tests.

    spaCy's Matcher checks an ``IN`` set in Python for every token and pattern
    state (most of the dates stage's time); a lexeme flag ("FLAGnn") is checked
    in C. Each distinct word set gets one free flag bit of the vocabulary
    (19-63, registered like ``Vocab.add_flag``: set on the existing lexemes
    and on new ones as they are made) that is true exactly when the lexeme's
    LOWER is in the set, so the matches are the same. Sets left over when the
    free bits run out keep their ``IN`` test.
    patterns (list[tuple[str, list[dict]]]): (label, token specs).
    RETURNS (list[tuple[str, list[dict]]]).
    """
    from spacy.attrs import LOWER

    def word_set(spec):
        value = spec.get("LOWER") if isinstance(spec, dict) else None
        if isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
            return frozenset(value["IN"])
        return None

    # the free bits go first to sets tested at a pattern's start (tried at every token), then by use
    rank: dict = {}
    for _, pattern in patterns:
        at_start = True
        for spec in pattern:
            words = word_set(spec)
            if words is not None:
                r = rank.setdefault(words, [0, 0, len(rank)])
                r[0] -= at_start
                r[1] -= 1
            if not isinstance(spec, dict) or spec.get("OP") not in ("?", "*"):
                at_start = False
    free = [b for b in range(63, 18, -1) if b not in vocab.lex_attr_getters]
    bits = dict(zip(sorted(rank, key=rank.get), free))
    out = []
    for label, pattern in patterns:
        specs = []
        for spec in pattern:
            words = word_set(spec)
            if words is not None:
                if words in bits:
                    spec = {k: v for k, v in spec.items() if k != "LOWER"}
                    spec[f"FLAG{bits[words]}"] = True
            specs.append(spec)
        out.append((label, specs))
    if not bits:
        return out
    lower = vocab.lex_attr_getters.get(LOWER) or str.lower
    word_mask: dict = {}
    mask = 0
    for words, bit in bits.items():
        mask |= 1 << bit
        for w in words:
            word_mask[w] = word_mask.get(w, 0) | (1 << bit)

        def getter(string, words=words, lower=lower):
            return lower(string) in words

        vocab.lex_attr_getters[bit] = getter  # new lexemes (what Vocab.add_flag registers)
    for lex in vocab:  # existing lexemes: their stored LOWER decides, as for the IN test
        flags = lex.flags
        new = (flags & ~mask) | word_mask.get(lex.lower_, 0)
        if new != flags:
            lex.flags = new
    return out


def clause_tense(token, future_aux=frozenset({"will", "shall", "'ll", "wo", "would"}),
                 governors=frozenset({"plan", "expect", "schedule", "set", "due", "intend", "go"}),
                 speech=frozenset({"say", "tell"})) -> Optional[str]:
    """Tense of the clause governing ``token``: "future", "present", "past" or None.

    Walks from ``token`` up the dependency tree to the first verb (spaCy POS
    VERB/AUX), then reads the parse:

    * "future": a future auxiliary among its children ("will", "shall",
      "'ll", tag MD); a to-infinitive under a future-looking governor
      ("plans to", "is due to", "is set to", "is going to", "is to"); a
      present passive of a scheduling verb ("is scheduled for");
    * "present": a present-tense (VBZ/VBP) main verb that is not a speech
      verb and has no auxiliary ("meet Monday" = scheduled future in news);
    * "past": a past-tense verb (VBD) or a past auxiliary ("had met",
      "was held", "did");
    * None: no verb, or nothing decides (a noun phrase, an infinitive).

    token (Token): a word of the temporal expression (its syntactic root).
    future_aux, governors, speech (frozenset[str]): from data/dates/lexicon.yaml.
    RETURNS (str | None).
    """
    v = token
    via_noun = False
    for _ in range(10):
        if v.pos_ in _VERBAL or v.head is v:
            break
        if v.lower_ == "as" and v.head.lower_ in ("soon", "early"):   # "as soon as Tuesday"
            return "future"
        v = v.head
        if v.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and v.i != token.i:
            via_noun = True
    if v.pos_ not in _VERBAL or via_noun:
        return None          # no verb, or the date modifies a noun ("Friday's close", "payable Dec. 7")
    for _ in range(3):   # the verb, then the verbs whose infinitive it is
        kids = list(v.children)
        auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in future_aux for c in auxes):
            return "future"
        if v.lemma_ in governors and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s", "'re", "am")
                                         for c in kids):
            return "future"
        has_to = any(c.lower_ == "to" for c in auxes)
        head = v.head
        if has_to and v.dep_ == "xcomp" and head is not v:
            if head.lemma_ in governors or (head.lemma_ == "be" and head.dep_ == "ROOT"):
                return "future"
            v = head
            continue
        if v.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
            return "past"
        if (v.tag_ in ("VBZ", "VBP") and v.lemma_ not in speech and v.lemma_ != "be"
                and not auxes and v.dep_ != "relcl"):
            return "present"
        break
    return None


def clause_is_future(token, *args) -> bool:
    """RETURNS (bool): :func:`clause_tense` says "future"."""
    return clause_tense(token, *args) == "future"


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
        self.patterns = [(p["label"], _expand(p["pattern"], self.lex)) for p in raw_patterns]
        self.resolver = Resolver(self.lex)
        self.future_aux = frozenset(self.lex.get("future_auxiliaries", []))
        self.governors = frozenset(self.lex.get("future_governors", []))
        self.speech = frozenset(self.lex.get("speech_verbs", []))
        self.set_adjectives = frozenset(self.lex.get("set_adjectives", []))
        self.time_zones = frozenset(str(z).lower() for z in self.lex.get("time_zones", []))
        self._matchers: dict = {}
        self._dateparsers: dict = {}

    # -- candidates ---------------------------------------------------------
    def _matcher(self, vocab):
        """(Matcher, trigger word hashes) for a vocabulary, built once."""
        m = self._matchers.get(id(vocab))
        if m is None:
            import numpy
            from spacy.matcher import Matcher

            from spacy.errors import MatchPatternError
            from spacy.schemas import validate_token_pattern

            for label, pattern in self.patterns:  # the user's patterns, checked as Matcher.add would
                errors = validate_token_pattern(pattern)
                if errors:
                    raise MatchPatternError(label, {0: errors})
            matcher = Matcher(vocab, validate=False)  # "FLAGnn" keys are not in the pattern schema
            for label, pattern in _flag_patterns(self.patterns, vocab):
                matcher.add(label, [pattern])
            words = set()
            for key in ("weekdays", "months", "units", "relative_days", "parts_of_day", "seasons",
                        "references", "sets", "holidays", "weekday_plurals", "decade_words"):
                for w in self.lex.get(key, {}):
                    words.update(str(w).split())
            words.update(str(w) for w in self.lex.get("extra_triggers", []))
            words -= {"a", "an", "the", "at", "second", "as", "then", "near", "short", "possible", "these", "of", "new", "good"}
            hashes = numpy.array(sorted(vocab.strings.add(w) for w in words), dtype="uint64")
            m = (matcher, hashes, {})
            self._matchers = {id(vocab): m}
        return m

    def _windows(self, doc, hashes, shape_cache) -> list:
        """Token windows around temporal trigger words and digit tokens (start, end).

        The Matcher only runs inside these windows: a pattern always holds a
        trigger word (weekday, month, unit, ...) or a year/clock/date-shaped
        number, and never reaches more than 6 tokens before or 4 after one.
        """
        import numpy
        from spacy.attrs import LOWER, SHAPE

        arr = doc.to_array([LOWER, SHAPE])
        if arr.ndim != 2 or arr.shape[0] == 0:
            return []
        mask = numpy.isin(arr[:, 0], hashes)
        shapes = arr[:, 1]
        strings = doc.vocab.strings
        digit = numpy.zeros(len(doc), dtype=bool)
        for h in numpy.unique(shapes):
            ok = shape_cache.get(int(h))
            if ok is None:
                ok = shape_cache[int(h)] = bool(_TRIGGER_SHAPE.match(strings[int(h)]))
            if ok:
                digit |= shapes == h
        idx = numpy.nonzero(mask | digit)[0]
        windows: list = []
        n = len(doc)
        for i in idx.tolist():
            a, b = max(0, i - 6), min(n, i + 5)
            if windows and a <= windows[-1][1]:
                windows[-1][1] = b
            else:
                windows.append([a, b])
        return windows

    def _ok(self, span) -> bool:
        """Reject matches that are not temporal in context (modal "may", verb "fall", ...)."""
        months, seasons, sets = self.lex["months"], self.lex["seasons"], self.lex["sets"]
        for t in span:
            low = t.lower_
            if low in ("may", "march") and low in months and (not t.is_title or t.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD")):
                return False
            if low in months and t.ent_type_ == "PERSON":
                return False     # "Theresa May's Brexit deal", "April Ryan": a name, not a month
            if low in ("jan", "oct", "nov", "dec", "sept", "feb", "jan.", "mar.", "dec.") and (
                    not t.is_title or t.i + 1 >= len(t.doc) or not t.nbor(1).like_num):
                return False     # "Jan" the name, "dec" the word: only with a day number after
            if low in seasons and t.pos_ not in ("NOUN", "PROPN"):
                return False
            if low in ("sat.", "sun.", "wed.") and not t.is_title:
                return False
            if low in sets and len(span) == 1 and t.pos_ != "ADV" and t.dep_ != "advmod" and not (
                    low in self.set_adjectives and t.pos_ == "ADJ" and t.dep_ == "amod"):
                return False     # "the Communist Party daily", "quarterly dividend"; but "his daily life"
        if len(span) == 1 and re.match(r"^\d{4}$", span.text):
            t = span[0]
            prev = t.nbor(-1) if t.i > 0 else None
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and t.ent_type_ != "":
                if not (prev is not None and prev.lower_ in ("in", "since", "of", "by", "until", "from", "to", "before", "after", "during", "fiscal")):
                    return False
            if prev is not None and prev.text in ("$", "#", "No.", "no.", "£", "€"):
                return False
            if nxt is not None and nxt.lower_ in self.time_zones:
                return False     # "(1800 UTC)": a clock time, not the year 1800
            if nxt is not None and (nxt.lower_ in ("%", "percent", "km", "miles", "feet", "metres", "meters")
                                    or nxt.tag_ == "NNS"):
                return False     # "2000 people", "1500 troops"
        end = span.end
        if end + 1 < len(span.doc) and span.doc[end].text == "-" and span.doc[end + 1].lower_ in ("old", "olds"):
            return False     # ages ("6-year-old") are not TIMEX3 in TimeBank
        if (len(span) >= 3 and span[-1].lower_ == "quarters" and span[-2].text == "-" and end < len(span.doc)
                and span.doc[end].lower_ == "of"):
            return False     # "three-quarters of its food": a fraction
        if span[-1].lower_ in ("old", "olds") or (end < len(span.doc) and span.doc[end].lower_ in ("old", "olds")):
            return False     # ages: "52 years old" is not a TIMEX3 in TimeBank
        if len(span) == 1 and span[0].lower_ == "soon" and span.start > 0 and (
                span.doc[span.start - 1].lower_ == "as" or (end < len(span.doc) and span.doc[end].lower_ in ("after", "afterwards"))):
            return False     # "as soon as Tuesday", "soon after": a connective, not a TIMEX3 (TempEval-3 TBAQ)
        if span[-1].lower_ in ("second", "seconds") and len(span) <= 2 and span[0].lower_ in ("a", "the"):
            return False
        return True

    def _trim(self, span):
        doc = span.doc
        start, end = span.start, span.end
        while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_punct or doc[start].is_space):
            if start + 1 < end and (doc[start].lower_, doc[start + 1].lower_) in (("at", "least"), ("as", "soon")):
                break        # "at least 30 days", "as soon as possible": TimeBank keeps them whole
            start += 1
        while start < end and doc[start].lower_ in _OUTSIDE_FIRST and not (
                doc[start].lower_ == "than" and start > 0 and doc[start - 1].lower_ in ("more", "less", "no")):
            start += 1       # "than a year ago", "over three years", "about two weeks" (TempEval-3 TBAQ)
        while end - start > 1 and doc[start].lower_ in ("a", "an", "the") and (
                (doc[start + 1].like_num and any(c.isdigit() for c in doc[start + 1].text)
                 and doc[start + 1].lower_ not in self.lex["ordinals"]
                 and end - start == 2)
                or doc[start + 1].lower_ in _THE_DROP_BEFORE
                or (end - start >= 4 and doc[end - 2].text == "-" and not doc[end - 1].like_num)):
            start += 1       # "a 10-year", "the 1988", "the Aug. 7", "a third-quarter (loss)": article outside
        while end > start and (doc[end - 1].lower_ in _TRAILING_DROP or doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[start:end] if end > start else None

    def candidates(self, doc) -> list:
        """Candidate spans: pattern matches, plus model DATE/TIME entities not covered.

        RETURNS (list[tuple[Span, str]]): (span, origin) sorted by position;
            origin is "pattern" or "ner".
        """
        from spacy.util import filter_spans

        matcher, hashes, shape_cache = self._matcher(doc.vocab)
        spans = []
        for a, b in self._windows(doc, hashes, shape_cache):
            spans.extend(matcher(doc[a:b], as_spans=True))
        spans = [s for s in (self._trim(s) for s in spans) if s is not None and self._ok(s)]
        spans = filter_spans(spans)
        taken = set()
        for s in spans:
            taken.update(range(s.start, s.end))
        out = [(s, "pattern") for s in spans]
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            ent = self._trim(ent)
            if ent is None or not self._ok(ent):
                continue
            out.append((ent, "ner"))
        out.sort(key=lambda x: x[0].start)
        return out

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
        tense = clause_tense(span.root, self.future_aux, self.governors, self.speech)
        prev = span.doc[span.start - 1] if span.start > 0 else None
        after_amount = prev is not None and (prev.like_num or prev.ent_type_ == "MONEY" or prev.lower_ == "per")
        res = self.resolver.resolve(words, published, tense=tense, after_amount=after_amount)
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if (res is not None and res[0] == "DATE" and words[-1] == "year" and words[0] == "the"
                and nxt is not None and nxt.lower_ in ("ended", "ending", "ends", "through")):
            return "DURATION", "P1Y"     # "for the year ended Sept. 30": a 12-month period (TempEval-3 TBAQ)
        if res is None and origin == "ner" and len(span) <= 8 and _DATEPARSER_WORTHY.search(span.text):
            res = self._parse_with_dateparser(span.text, published)
        return res

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
        _year_ago_quarters(found, ctx)
        reanchor(found, ctx.published, self.value)
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


_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


_YEAR_VALUE = re.compile(r"^(\d{4})(?:-QX)?$")


def _year_ago_quarters(found: list, ctx, window: int = 5) -> None:
    """Re-anchor year-ago comparisons and comparison periods on the quarter under discussion.

    In earnings reports "profit rose from $2 a year earlier" compares with the
    same quarter a year before; TimeBank annotates it so (``1988-Q3`` when
    the sentence or one of the ``window`` sentences before it speaks of
    ``1989-Q3``). The same holds for "the year-earlier period", "the
    corresponding period last year", "the 1988 period" (-> ``1988-Q3``) and
    "last year's quarter" (``1988-QX`` -> ``1988-Q3``). The quarter under
    discussion is a quarter of the publication year (or of the year before,
    in the first quarter) that is not itself a year-ago comparison.
    found (list[list]): [span, type, value] in text order, changed in place.
    """
    if ctx.published is None:
        return
    pub = ctx.published
    floor = pub.year - (1 if pub.month <= 3 else 0)
    last_year = str(pub.year - 1)
    quarters = []
    for sp, _, v in found:
        m = _QUARTER.match(v) if v else None
        if m and int(m.group(1)) >= floor and not {t.lower_ for t in sp} & {"ago", "earlier", "last"}:
            quarters.append((ctx.sentence_index(sp.start_char), int(m.group(1)), m.group(2)))
    if not quarters:
        return
    for item in found:
        span, _, value = item
        if not value:
            continue
        words = {t.lower_ for t in span}
        ym = _YEAR_VALUE.match(value)
        if ym is None:
            continue
        if value == last_year and "year" in words and (
                words & {"ago", "earlier"} or (words & {"quarter", "period"} and "last" in words)):
            shift = -1
        elif "period" in words or value.endswith("-QX"):
            shift = None         # the year is given: "the 1988 period", "last year's quarter"
        else:
            continue
        sent = ctx.sentence_index(span.start_char)
        near = [(sent - qs, y, q) for qs, y, q in quarters if 0 <= sent - qs <= window]
        if near:
            _, y, q = min(near)
            year = y - 1 if shift == -1 else int(ym.group(1))
            item[2] = f"{year:04d}-Q{q}"


def _clause_head(tok):
    """The verb heading the clause of ``tok`` (first verbal ancestor-or-self that opens a clause)."""
    t = tok
    for _ in range(50):
        if t.pos_ in _VERBAL and (t.dep_ in _CLAUSE_DEPS or t.head is t):
            return t
        if t.head is t:
            return t
        t = t.head
    return t


def date_for_clause(ctx, token) -> Optional[TimeExpr]:
    """The temporal expression that dates the clause of a trigger word.

    Looks only at DATE/TIME expressions of the trigger's sentence whose value
    is a calendar value (starts with a digit; not PRESENT_REF or durations).
    Preference: the expression's word modifies the trigger itself; then it
    sits in the trigger's clause; then in a clause that governs the
    trigger's; then anywhere in the sentence. Ties go to day precision
    (``YYYY-MM-DD``), then to the nearest expression.

    ctx (Context): after the dates stage has run. token (Token): the trigger.
    RETURNS (TimeExpr | None).
    """
    shared = ctx.shared.get("dates") or {}
    sent = ctx.sentence_index(token.idx)
    cands = [t for t in shared.get("by_sentence", {}).get(sent, [])
             if t.type in ("DATE", "TIME") and t.value and t.value[:1].isdigit()]
    if not cands:
        return None
    heads = shared.get("heads", {})
    doc = token.doc
    trig_clause = _clause_head(token)
    trig_chain = set()
    t = trig_clause
    for _ in range(50):
        trig_chain.add(t.i)
        if t.head is t:
            break
        t = t.head

    def rank(tx):
        head_i, s, e = heads.get(tx.id, (None, 0, 0))
        score = 3
        if head_i is not None and 0 <= head_i < len(doc):
            if head_i == token.i:
                score = 0
            else:
                clause = _clause_head(doc[head_i])
                if clause.i == trig_clause.i:
                    score = 1
                elif clause.i in trig_chain:
                    score = 2
        day = 0 if _DAY_VALUE.match(tx.value) else 1
        dist = min(abs(token.i - s), abs(token.i - (e - 1)))
        return score, day, dist

    return min(cands, key=rank)
