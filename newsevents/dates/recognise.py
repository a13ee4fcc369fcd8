"""Recognition (a step of the dates stage): which spans of a text are temporal expressions.

Candidates come from our own token patterns (``data/dates/patterns.yaml``, one
spaCy Matcher built once per vocabulary and run only in windows around trigger
words and date-shaped numbers) and from the model's DATE and TIME entities where
no pattern matched. :meth:`Recogniser.candidates` trims each span to TIMEX3
extent (TempEval-3 TBAQ: "on", "about", "the" before a month stay outside) and
drops the readings that are not temporal in context (modal "may", "Theresa May",
ages, "2000 people"), see :meth:`Recogniser.is_temporal`.
"""
from __future__ import annotations

import re

__all__ = ["Recogniser", "expand_lexicon_refs"]

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
#: token shapes that can hold a date without any trigger word: years, decades, clock times, d/m/y
_TRIGGER_SHAPE = re.compile(r"^(dddd|xxx-dddd|ddddx|'ddx|ddx|xxx-ddddx|dd?:dd(xx)?|dd?xx|dd?[/.]dd?[/.]dd(dd)?)$")


def expand_lexicon_refs(obj, lex: dict):
    """Replace "$name" strings inside IN lists by the lexicon keys/items."""
    if isinstance(obj, dict):
        return {k: expand_lexicon_refs(v, lex) for k, v in obj.items()}
    if isinstance(obj, list):
        out = []
        for v in obj:
            if isinstance(v, str) and v.startswith("$") and v[1:] in lex:
                ref = lex[v[1:]]
                out.extend(str(x) for x in (ref.keys() if isinstance(ref, dict) else ref))
            else:
                out.append(expand_lexicon_refs(v, lex))
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


class Recogniser:
    """Finds the candidate temporal expressions of a parsed text.

    lex (dict): the mappings of ``data/dates/lexicon.yaml``.
    patterns (list[tuple[str, list[dict]]]): (label, Matcher token specs), lexicon references
        already expanded (:func:`expand_lexicon_refs`).
    """

    def __init__(self, lex: dict, patterns: list):
        self.lex = lex
        self.patterns = patterns
        self.set_adjectives = frozenset(lex.get("set_adjectives", []))
        self.time_zones = frozenset(str(z).lower() for z in lex.get("time_zones", []))
        self.holiday_words = {w for h in lex.get("holidays", {}) for w in str(h).split()}
        self.not_dates = frozenset(str(w).lower() for w in lex.get("not_dates") or ())
        self.commemoration_nouns = frozenset(str(w).lower() for w in lex.get("commemoration_nouns") or ())
        self.name_labels = frozenset(lex.get("name_entity_labels", []))
        self._matchers: dict = {}

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

    def is_temporal(self, span) -> bool:
        """Reject matches that are not temporal in context (modal "may", verb "fall", ...)."""
        months, seasons, sets = self.lex["months"], self.lex["seasons"], self.lex["sets"]
        if self._inside_a_name(span) or self._clock_in_a_name(span):
            return False         # "the Great Orchestra of Christmas Charity", "the Ineos 1:59 Challenge": part of a name
        if " ".join(t.lower_ for t in span) in self.not_dates:
            return False         # "to hold this to the last minute": an idiom (``not_dates``)
        if self._day_remembered(span):
            return False         # "a September 11 commemoration": the day remembered (``commemoration_nouns``)
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
        if len(span) == 1 and span[0].lower_ in self.lex.get("units", {}) and span[0].is_title and (
                span[0].ent_type_ in ("PERSON", "ORG") or span[0].dep_ in ("nsubj", "nsubjpass", "poss")):
            return False     # "Weeks said", "Days's lawyer": a surname, not a vague amount of time
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

    def _day_remembered(self, span) -> bool:
        """A month (and day) with no year right before one of ``commemoration_nouns``, its day number after it
        or inside: "a [September 11] commemoration", "[September] 11 memorial" name the day remembered."""
        doc, k = span.doc, span.end
        if not any(t.lower_ in self.lex["months"] for t in span) or any(re.match(r"^\d{4}$", t.text) for t in span):
            return False
        while k < len(doc) and k < span.end + 2 and doc[k].like_num and not re.match(r"^\d{4}$", doc[k].text):
            k += 1
        return k < len(doc) and doc[k].lower_ in self.commemoration_nouns and (k > span.end or span[-1].like_num)

    def _clock_in_a_name(self, span) -> bool:
        """A clock-shaped number between two capitalised proper nouns is part of a name: "the Ineos [1:59]
        Challenge" (not a weekday, month, time zone or am/pm word on either side: "Monday 10:30 GMT")."""
        if len(span) != 1 or not re.match(r"^\d{1,2}[:.]\d{2}$", span.text) or span.start == 0 \
                or span.end >= len(span.doc):
            return False
        prev, nxt = span.doc[span.start - 1], span.doc[span.end]
        skip = set(self.lex["months"]) | set(self.lex["weekdays"]) | self.time_zones
        return all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in skip and t.lower_.rstrip(".") not in ("am", "pm")
                   for t in (prev, nxt))

    def _inside_a_name(self, span) -> bool:
        """Is a holiday or season span ("Christmas", "Easter", "Spring") part of a longer named
        entity of a ``name_entity_labels`` type (an organisation, a building, a place, a work:
        "Operation Peace Spring", a new-user trial), or a capitalised season after a proper noun
        that compounds it ("the Arab Spring")?"""
        seasons = self.lex["seasons"]
        if not all(t.lower_ in self.holiday_words or t.lower_ in seasons or t.lower_ in ("'s", "’s") for t in span):
            return False
        t = span[0]
        if len(span) == 1 and t.lower_ in seasons and t.is_title and t.i > 0:
            prev = t.nbor(-1)
            if prev.is_title and prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == t.i:
                return True  # "Operation Peace Spring", "the Arab Spring": a name
        if t.ent_type_ not in self.name_labels:
            return False
        doc = span.doc
        ent = next((e for e in doc.ents if e.start <= span.start and span.end <= e.end), None)
        return ent is not None and len(ent) > len(span) and any(
            x.is_title and x.lower_ not in self.holiday_words and x.pos_ == "PROPN" for x in ent)

    def trim(self, span):
        """The span without the words TIMEX3 leaves outside it (see the module doc), or None."""
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
        for k in range(start + 1, end - 1):
            if doc[k].text == "-" and doc[k - 1].is_title and doc[k + 1].is_title and end < len(doc) \
                    and doc[end].is_title and doc[end].pos_ in ("PROPN", "NOUN"):
                end = k - 1  # "the 1967 Six-Day War": a name; the year before it stays
                break
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
        spans = [s for s in (self.trim(s) for s in spans) if s is not None and self.is_temporal(s)]
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
            ent = self.trim(ent)
            if ent is None or not self.is_temporal(ent):
                continue
            out.append((ent, "ner"))
        out.sort(key=lambda x: x[0].start)
        return out
