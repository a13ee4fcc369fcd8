"""PLOVER 2.0 event coding from trigger patterns over the dependency parse.

The stage ``events`` (after ``dates``, ``places``, ``actors`` and ``quotes``)
finds event triggers with the patterns of ``data/events/patterns.tsv``
(verbs and nouns with their particles, prepositions and light verbs: "step
down", "pull out of", "crack down on", "hold talks", "impose sanctions on"),
fills the actor and recipient slots from the dependency parse (subject, passive
agent, objects, prepositional objects, conjuncts, control and relative
clauses) and codes each event with its PLOVER 2.0 type and mode, CAMEO root
code, Goldstein (1992) score and quad class (``data/events/plover.yaml``).

One module per step, each a set of plain functions over the immutable
:class:`~.rules.EventRules` (loaded once per stage) and the per-article
:class:`~.state.ArticleState` (made once per article, passed down, never kept):

* ``rules.py``: :class:`EventRules`, every word list of ``data/events/rules.yaml``
  with the patterns and the PLOVER tables;
* ``patterns.py``: :class:`Pattern`, :class:`PatternSet`, :func:`load_patterns`;
* ``state.py``: :class:`ArticleState` (actor index, quote spans, token sets);
* ``triggers.py``: trigger matching, noun licensing, object classes,
  obligations;
* ``senses.py``: words in a trigger's place that are no event in the sense meant (a judging
  "striking", a rally a named person attends, a tensed view after "agree", a bare legal charge);
* ``absorb.py``: frame/casualty/light-verb absorption, orders to one's own people and decreed acts;
* ``non_agent.py``: no human agent, no event ("a fire killed five");
* ``arguments.py``: actor and recipient heads, their actor references;
* ``anaphora.py``, ``suspects.py``, ``implicit.py``, ``statements.py``, ``admissions.py``: judgements aimed at an
  earlier event's actors, the suspects of an agentless attack, implicit agents, statements that
  are events, admissions of one's own attack (CONCEDE);
* ``flags.py``: negated, future, hypothetical, reported; attribution sources;
* ``coding.py``: :class:`PloverTables`, type and mode choice, promotions,
  CAMEO root, Goldstein score, quad class;
* ``time_place.py``: the date and place of an event's clause, and the day and place the text
  narrates for an event its sentence does not date or place;
* ``assembly.py``: Event records, credit events, restated headlines, salience order and ids.

Decisions (documented here and in the data files):

* Frame verbs ("agree/offer/promise to", "urge/call on X to", "refuse to",
  "threaten to") absorb the trigger of their complement: "Trump offered to
  meet Kim" is one AGREE event (CAMEO 03, express intent to cooperate; 036 in
  CAMEO's detail) with actor Trump and recipient Kim, not an AGREE plus a
  CONSULT. The complement's type chooses the frame's mode (REQUEST/REJECT
  ``meet``, ``assist``, ``yield``; THREATEN ``violence``...).
* PLOVER 2.0 manual: "All cooperative actions reported in future tense are
  also taken to imply intentions": a future CONSULT/SUPPORT/COOPERATE/AID/
  RETREAT/CONCEDE becomes AGREE (``future`` stays True); a future ASSAULT/
  COERCE/SANCTION/MOBILIZE becomes THREATEN. Negated or hypothetical events
  are not promoted.
* ``quad_class`` follows the CAMEO root (01-05 verbal cooperation, 06-08
  material cooperation, 09-13 verbal conflict, 14-20 material conflict), so
  CONCEDE (CAMEO 08) is quad class 2 although PLOVER calls it verbal.
* Events whose slots hold no coded actor are still emitted (``actors == []``). An event with
  no participant at all (no actor or recipient mention, coded or not) is emitted only as the
  sentence's main (or reported main) event, or when it is material conflict
  (``unattributed_types`` in ``data/events/rules.yaml``): dyadic event data needs a side.
* Output order (``ArticleAnalysis.events``) is salience order: sentence by sentence;
  within a sentence the main-clause event first -- its trigger (or the light verb of a
  noun trigger, or the verb a noun trigger hangs from) is the sentence root or on the
  root's verb chain (``xcomp``/``conj``) -- then subordinate, reported and relative-clause
  events by dependency depth, then by position. So the first event of a sentence is its
  main event ("Police arrested protesters who attacked a bank": COERCE, then ASSAULT).
  Event ids (V1, V2...) follow this order. See :func:`.assembly.salience_key`.
* Casualty verbs that tell the toll of another violent event of the sentence ("killed in
  an air strike", "shelled the town, killing eight") are part of that event (CAMEO codes
  one event per action); the victims become its recipients.
* ASSAULT without a mode is CAMEO 19 (FIGHT, conventional force) when a participant is
  military or an armed group, or the trigger is armed fighting ("clashes"); else 18
  (CAMEO codebook 1.1b3, roots 18/19; rules.yaml ``conventional_force_*``).
"""
from __future__ import annotations

from ..pipeline import register_stage
from .assembly import assemble
from .coding import PloverTables
from .patterns import Pattern, PatternSet, load_patterns
from .rules import EventRules
from .state import ArticleState
from .triggers import find_triggers

__all__ = ["EventStage", "EventRules", "Pattern", "PatternSet", "load_patterns", "PloverTables"]


@register_stage("events", requires=("dates", "places", "actors", "quotes"), assigns=("events",))
class EventStage:
    """Find PLOVER 2.0 events and append :class:`~newsevents.records.Event` records.

    options (Options): ``options.data_paths`` extends ``events/patterns.tsv``,
        ``events/plover.yaml`` and ``events/rules.yaml``.
    Called as ``stage(ctx)``; reads ``ctx.doc``, ``ctx.analysis.actors/quotes/dates/places``,
    ``ctx.shared["actors"]`` (``mentions_in``/``by_token``) when the actors stage publishes it,
    and ``newsevents.dates.date_for_clause`` / ``newsevents.places.place_for_clause`` when
    those modules provide them. Publishes nothing. Holds only its rules (``self.rules``,
    :class:`EventRules`); what it learns about an article lives in an :class:`ArticleState`
    for the length of one call.
    """

    def __init__(self, options=None):
        self.rules = EventRules.load(getattr(options, "data_paths", None))

    @property
    def tables(self) -> PloverTables:
        """The PLOVER/CAMEO tables of the rules."""
        return self.rules.tables

    @property
    def patterns(self) -> PatternSet:
        """The trigger patterns of the rules."""
        return self.rules.patterns

    def __call__(self, ctx) -> None:
        if len(ctx.doc) == 0:
            return
        state = ArticleState.for_article(ctx)
        matches = find_triggers(self.rules, state, ctx.doc)
        ctx.analysis.events.extend(assemble(self.rules, state, matches))
