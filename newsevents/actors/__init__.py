"""The actors stage: recognise, resolve and code actors, with in-article coreference.

Each actor mention becomes a :class:`~newsevents.records.Actor` with

* ``code``: ISO 3166-1 alpha-3, or a PLOVER non-state code (UNO, EUR, IGO,
  NGO, IMG...; see ``data/actors/organisations.tsv``), or None;
* ``sector``: a PLOVER sector (``data/actors/sectors.tsv``);
* ``entity``: the same id for every mention of one actor in the article;
* ``resolved_by``: office-holder, title, country-name, demonym, capital,
  agent-noun, organisation, coreference or ner; sentence-context or
  article-context when the country came from the sentence or the article, not the
  mention's own words (``agent_nouns.tsv``, column context, says which nouns may).

What it recognises (the knowledge is in ``newsevents/data/actors/``):

* persons from the office-holder table (``office_holders.tsv``, terms with
  start and end dates; the role on the publication date gives code, sector
  and role) and from spaCy PERSON entities (code from a nationality or title);
* organisations and media (``organisations.tsv``); generic party names
  ('Communist Party') take the country of the sentence or article;
* countries and capitals in actor slots ('Seoul said', 'keeping Washington
  and Pyongyang talking' -> '<country> (government)' GOV), never 'in Seoul';
* agent nouns ('police', 'American and North Korean negotiators') with the
  country of their modifiers, else of the sentence or article;
* referring expressions (pronouns, 'the president', 'the newspaper', 'the two
  leaders'), resolved by :mod:`.coref`;
* one code per named person, from the mention of the strongest evidence, and one per
  repeated agent noun ('police' ... 'police') where its coded mentions agree
  (:mod:`.consistency`).

Later stages find the actors through ``ctx.shared["actors"]``, an
:class:`ActorIndex`.
"""
from __future__ import annotations

import bisect

from datetime import date as Date
from typing import Optional

from ..pipeline import register_stage
from ..records import Actor
from .consistency import one_code_per_noun, one_code_per_person
from .context import code_from_context
from .coref import resolve_coreference
from .groups import code_members_of_groups
from .mentions import ArticleState, recognise
from .tables import Knowledge, OfficeHolders, knowledge, role_on

__all__ = ["ActorStage", "ActorIndex", "role_on", "Knowledge", "OfficeHolders", "knowledge"]


class ActorIndex:
    """The actors of one article, for later stages (``ctx.shared["actors"]``).

    actors (list[Actor]): every mention, in text order.
    by_token (dict[int, list[Actor]]): token index -> the mentions whose evidence covers it
        (a group mention such as 'the two leaders' maps to one Actor per referent).
    """

    def __init__(self, actors: list, by_token: dict, heads: dict, holders: OfficeHolders):
        self.actors = actors
        self.by_token = by_token
        self._heads = heads  # Actor.id -> (start_char, end_char) of the head words
        self._holders = holders
        self._by_start = None  # [(sorted start offsets, actor positions)] for evidence and head words
        self._rows: list = []

    def mentions_in(self, start_char: int, end_char: int) -> list:
        """Mentions whose evidence (or head words) lies inside ``start_char:end_char``.

        Offsets are characters (e.g. a token subtree's ``left_edge.idx`` to
        ``right_edge.idx + len(right_edge)``). RETURNS (list[Actor]) in text order.
        """
        if self._by_start is None:
            self._index()
        lo, hi = bisect.bisect_left, bisect.bisect_right
        rows = self._rows
        hits = set()
        # a mention inside the range starts (evidence or head words) inside it: two sorted indexes
        for keys, order in self._by_start:
            for k in order[lo(keys, start_char):hi(keys, end_char)]:
                es, ee, hs, he = rows[k]
                if (start_char <= es and ee <= end_char) or (start_char <= hs and he <= end_char):
                    hits.add(k)
        return [self.actors[k] for k in sorted(hits)]

    def _index(self) -> None:
        """Build the sorted start offsets used by :meth:`mentions_in` (once, on first use)."""
        rows = []
        for a in self.actors:
            hs, he = self._heads.get(a.id, (a.evidence.start, a.evidence.end))
            rows.append((a.evidence.start, a.evidence.end, hs, he))
        self._rows = rows
        by = []
        for col in (0, 2):
            order = sorted(range(len(rows)), key=lambda k: rows[k][col])
            by.append(([rows[k][col] for k in order], order))
        self._by_start = by

    def entity(self, entity_id: str) -> list:
        """RETURNS (list[Actor]): every mention of one entity (coreference cluster)."""
        return [a for a in self.actors if a.entity == entity_id]

    def role_on(self, name: str, day: Optional[Date]) -> Optional[tuple]:
        """``(code, sector, role)`` of a person on ``day`` (e.g. an event date); see
        :meth:`OfficeHolders.role_on`. RETURNS None for a name not in the table."""
        return self._holders.role_on(name, day)


@register_stage("actors", requires=("dates", "places"), assigns=("actors",))
class ActorStage:
    """Recognise, resolve and code actor mentions; see the module docstring.

    options (Options): ``options.data_paths`` extends the knowledge files.
    RAISES DataError (E010/E011): a knowledge file is missing or malformed.
    """

    def __init__(self, options):
        self.options = options
        self.kb: Knowledge = knowledge(tuple(str(p) for p in (getattr(options, "data_paths", None) or [])))

    def role_on(self, name: str, day: Optional[Date]) -> Optional[tuple]:
        """See :meth:`OfficeHolders.role_on`."""
        return self.kb.holders.role_on(name, day)

    def __call__(self, ctx) -> None:
        doc = ctx.doc
        if len(doc) == 0:
            ctx.shared["actors"] = ActorIndex([], {}, {}, self.kb.holders)
            return
        sents = ctx.sentences
        sent_of = [0] * len(doc)
        for si, s in enumerate(sents):
            for k in range(s.start, s.end):
                sent_of[k] = si
        place_at = {}
        # every toponym, literal or associative: "Iran launched missiles" is country context too
        aside = (ctx.shared.get("places") or {}).get("associative") or []
        for place in list(getattr(ctx.analysis, "places", None) or []) + list(aside):
            span = doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
            if span is not None:
                for k in range(span.start, span.end):
                    place_at.setdefault(k, place)
        blocked = set()
        for tx in getattr(ctx.analysis, "dates", None) or []:
            span = doc.char_span(tx.evidence.start, tx.evidence.end, alignment_mode="expand")
            if span is not None:
                blocked.update(range(span.start, span.end))
        st = ArticleState(doc=doc, kb=self.kb, published=ctx.published, sent_of=sent_of, sents=sents,
                          item_at={}, place_at=place_at)
        recognise(st, blocked)
        resolve_coreference(st)
        code_members_of_groups(st)
        code_from_context(st)
        one_code_per_person(st)
        one_code_per_noun(st)
        self._emit(ctx, st)

    def _emit(self, ctx, st: ArticleState) -> None:
        doc = st.doc
        mentions = sorted(st.mentions, key=lambda m: (m.ev_start, m.start, m.end))
        entities: dict = {}
        by_token: dict = {}
        heads: dict = {}
        for m in mentions:
            ev = ctx.evidence(doc[m.ev_start].idx, doc[m.ev_end - 1].idx + len(doc[m.ev_end - 1].text))
            key = (m.canonical, m.code)
            if m.antecedent is not None and m.antecedent.actor is not None:
                ent = m.antecedent.actor.entity
                entities.setdefault(key, ent)
            else:
                ent = entities.setdefault(key, f"E{len(set(entities.values())) + 1}")
            m.actor = Actor(id=ctx.new_id("A"), text=m.text, canonical=m.canonical, code=m.code, sector=m.sector,
                            kind=m.kind, entity=ent, role=m.role, resolved_by=m.resolved_by,
                            antecedent=None, evidence=ev)
        # antecedents may come later in the text ('the two leaders' before the names)
        for m in mentions:
            if m.antecedent is not None and m.antecedent.actor is not None:
                m.actor.antecedent = m.antecedent.actor.id
                m.actor.entity = m.antecedent.actor.entity
        for m in mentions:
            ctx.analysis.actors.append(m.actor)
            heads[m.actor.id] = (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
            for k in range(m.ev_start, m.ev_end):
                by_token.setdefault(k, []).append(m.actor)
        ctx.shared["actors"] = ActorIndex([m.actor for m in mentions], by_token, heads, self.kb.holders)
