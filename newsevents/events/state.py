"""What the events stage knows about one article while it codes it: :class:`ArticleState`.

Made once per article in ``EventStage.__call__`` and passed down to the step functions; the
stage and its :class:`~.rules.EventRules` keep nothing about an article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

__all__ = ["ArticleState"]

_POSSESSIVES = frozenset({"his", "her", "its", "their"})


@dataclass
class ArticleState:
    """Per-article lookups of the events stage.

    ctx (Context): the pipeline context of the article (doc, analysis, sentences, ids).
    actor_index (Callable[[int, int], list[Actor]]): actor mentions inside a character range.
    quote_spans (list[tuple[int, int, Quote]]): (start, end, quote) of each quote's content.
    actor_tok, place_tok (set[int]): token indices covered by actor / place evidence.
    sent_lemmas (dict[int, frozenset[str]]): cache of ``lemmas_of``, by sentence start token.
    sent_dates (dict[int, TimeExpr | None | object]): cache of the date of each sentence's main clause, by
        sentence index, or time_place's marker of a sentence that dates a life (:func:`~.time_place.narrative_date`).
    sent_places (dict[int, str | None]): cache of the Place id of each sentence's main clause (or
        time_place's "elsewhere" marker), by
        sentence index (:func:`~.time_place.narrative_place`).
    sent_subjects (dict[int, set[str]]): cache of the codes of each sentence's main subject (same).
    sent_paragraphs (list[int] | None): cache of :meth:`paragraph`.
    sent_place_ranks (dict[int, int | None]): the rank ``place_and_rank`` gave each ``sent_places`` entry.
    entities (dict | None): cache of :meth:`others` (person mention id -> entity, possessive?).
    kinds (dict | None): cache of :meth:`actor_kind` (mention id -> ``Actor.kind``).
    dateline_tok (set[int] | None): cache of :meth:`in_dateline`.
    country_words (list | None): cache of :func:`~.owners.country_word` (the places stage's
        nationality words and associative toponyms with their countries).
    """

    ctx: object
    actor_index: Callable
    quote_spans: list
    actor_tok: set
    place_tok: set
    sent_lemmas: dict = field(default_factory=dict)
    country_words: Optional[list] = None
    entities: Optional[dict] = None
    kinds: Optional[dict] = None
    dateline_tok: Optional[set] = None
    sent_dates: dict = field(default_factory=dict)
    sent_places: dict = field(default_factory=dict)
    sent_subjects: dict = field(default_factory=dict)
    sent_paragraphs: Optional[list] = None
    sent_place_ranks: dict = field(default_factory=dict)

    @classmethod
    def for_article(cls, ctx) -> "ArticleState":
        """RETURNS (ArticleState) for the article of ``ctx`` (after the actors, places and quotes stages)."""
        doc = ctx.doc
        return cls(
            ctx=ctx,
            actor_index=_actor_index(ctx),
            quote_spans=[(q.content.start, q.content.end, q) for q in ctx.analysis.quotes],
            actor_tok=_token_set(doc, ctx.analysis.actors),
            # every toponym, literal or associative ("U.S." of "U.S. troops" is still a place name)
            place_tok=_token_set(doc, list(ctx.analysis.places)
                                 + list((ctx.shared.get("places") or {}).get("associative") or ())),
        )

    def others(self, recipients: list, actors: list) -> list:
        """``recipients`` without the actors' own mentions or people: an actor is never its own
        recipient, whatever mention names him ("Trump defended his decision" with "his" read as
        Trump). A possessor standing for its group ("his associates alleged Navalny was
        poisoned") is not that person acting, so it removes nobody. RETURNS (list[ActorRef]).
        """
        if self.entities is None:
            # named people only: group nouns of one label share an entity ("residents", "men":
            # Mexico (civilians)) and are different people
            self.entities = {a.id: (a.entity or a.id, a.text.lower() in _POSSESSIVES)
                             for a in self.ctx.analysis.actors if a.kind == "person"}
        ent = self.entities
        mine = {r.mention for r in actors} | {ent[r.mention][0] for r in actors
                                              if r.mention in ent and not ent[r.mention][1]}
        return [r for r in recipients if r.mention not in mine
                and (r.mention not in ent or ent[r.mention][0] not in mine)]

    def actor_kind(self, mention: str) -> str:
        """The ``kind`` of the actor mention with id ``mention`` ("person" when unknown). The events
        stage appends implicit and owner mentions while it runs, so the cache is rebuilt when the
        article's mention list has grown."""
        actors = self.ctx.analysis.actors
        if self.kinds is None or len(self.kinds) != len(actors):
            self.kinds = {a.id: a.kind for a in actors}
        return self.kinds.get(mention, "person")

    def in_dateline(self, tok_i: int) -> bool:
        """True when token ``tok_i`` is in a dateline's head ("HANOI, Vietnam (AP) —", AP
        Stylebook; :func:`newsevents.places.datelines.is_dateline`): the place a story was filed
        from and the agency that filed it, no participant of the sentence's events."""
        if self.dateline_tok is None:
            try:
                from ..places.datelines import dateline_heads
            except Exception:  # the places module is optional here
                self.dateline_tok = set()
            else:
                self.dateline_tok = dateline_heads(self.ctx.doc)
        return tok_i in self.dateline_tok

    def paragraph(self, i: int) -> int:
        """The paragraph of sentence ``i``: 0 for the lead (every paragraph up to and including the
        first that ends a sentence with a full stop, "!" or "?": a headline, a standfirst or a
        dateline on a line of its own belongs to the lead), then one more at each line break between
        sentences (cached). RETURNS (int)."""
        if self.sent_paragraphs is None:
            sents, text = self.ctx.sentences, self.ctx.doc.text
            out, para, lead_open = [], 0, True
            for k, s in enumerate(sents):
                if k:
                    gap = text[sents[k - 1].start_char:s.start_char]
                    if "\n" in gap[len(gap.rstrip()):]:
                        prev = gap.rstrip().rstrip("\"'”’)]")
                        if lead_open and prev[-1:] in (".", "!", "?"):
                            lead_open = False
                        if not lead_open:
                            para += 1
                out.append(para)
            self.sent_paragraphs = out
        return self.sent_paragraphs[i] if 0 <= i < len(self.sent_paragraphs) else 0

    def lemmas_of(self, sent) -> frozenset:
        """Lemmas and lower-case forms of the words of ``sent`` outside names (cached)."""
        key = sent.start
        got = self.sent_lemmas.get(key)
        if got is None:
            # names do not count: "Storm Corps", "Fire Department", "Crash Bandicoot"
            toks = [t for t in sent if t.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP", "FAC")]
            got = frozenset(t.lemma_.lower() for t in toks) | frozenset(t.lower_ for t in toks)
            self.sent_lemmas[key] = got
        return got


def _actor_index(ctx) -> Callable:
    """``mentions_in(start, end)`` of the actors stage's ``ctx.shared["actors"]``, else a scan of
    ``ctx.analysis.actors``."""
    shared = ctx.shared.get("actors")
    if shared is not None and hasattr(shared, "mentions_in"):
        return shared.mentions_in
    actors = sorted(ctx.analysis.actors, key=lambda a: a.evidence.start)

    def mentions_in(start: int, end: int) -> list:
        return [a for a in actors if a.evidence.start >= start and a.evidence.end <= end]

    return mentions_in


def _token_set(doc, records) -> set:
    """Token indices covered by the evidence of ``records`` (actors or places)."""
    out: set = set()
    for r in records or []:
        ev = getattr(r, "evidence", None)
        if ev is None:
            continue
        span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out
