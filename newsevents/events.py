"""PLOVER 2.0 event coding from trigger patterns over the dependency parse.

The stage ``events`` (after ``dates``, ``places``, ``actors`` and ``quotes``)
finds event triggers with the patterns of ``data/events/patterns.tsv``
(verbs and nouns with their particles, prepositions and light verbs: "step
down", "pull out of", "crack down on", "hold talks", "impose sanctions on"),
fills the actor and recipient slots from the dependency parse (subject, passive
agent, objects, prepositional objects, conjuncts, control and relative
clauses) and codes each event with its PLOVER 2.0 type and mode, CAMEO root
code, Goldstein (1992) score and quad class (``data/events/plover.yaml``).

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
* Events whose slots hold no coded actor are still emitted (``actors == []``).
* Output order (``ArticleAnalysis.events``) is salience order: sentence by sentence;
  within a sentence the main-clause event first -- its trigger (or the light verb of a
  noun trigger, or the verb a noun trigger hangs from) is the sentence root or on the
  root's verb chain (``xcomp``/``conj``) -- then subordinate, reported and relative-clause
  events by dependency depth, then by position. So the first event of a sentence is its
  main event ("Police arrested protesters who attacked a bank": COERCE, then ASSAULT).
  Event ids (V1, V2...) follow this order. See ``EventStage._salience_key``.
* Casualty verbs that tell the toll of another violent event of the sentence ("killed in
  an air strike", "shelled the town, killing eight") are part of that event (CAMEO codes
  one event per action); the victims become its recipients.
* ASSAULT without a mode is CAMEO 19 (FIGHT, conventional force) when a participant is
  military or an armed group, or the trigger is armed fighting ("clashes"); else 18
  (CAMEO codebook 1.1b3, roots 18/19; rules.yaml ``conventional_force_*``).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .data import load_tsv, load_yaml
from .pipeline import register_stage
from .records import ActorRef, Event, Evidence

logger = logging.getLogger("newsevents")

__all__ = ["EventStage", "Pattern", "PatternSet", "load_patterns", "PloverTables"]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VERB_POS = {"VERB", "ADJ"}
_NOUN_POS = {"NOUN", "PROPN"}
# dependents a pattern word may be found under (anything but clause boundaries and punctuation)
_PATTERN_DEPS = {"prt", "prep", "dobj", "pobj", "compound", "amod", "advmod", "xcomp", "acomp",
                 "attr", "npadvmod", "dative", "pcomp", "nmod", "oprd", "aux", "nsubjpass", "dep"}
# dependents that end an argument's noun phrase
_NP_CUT = {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj", "preconj", "prep"}
_NP_KEEP_PREPS = {"of", "from"}
_REL_PRONOUNS = {"who", "which", "that", "whom", "whose"}
_SUBJ = {"nsubj", "csubj", "expl"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}


@dataclass
class Pattern:
    """One trigger pattern.

    text (str): the pattern as written in patterns.tsv, e.g. ``"crack down on"``.
    words (list[frozenset[str]]): lemma alternatives per position.
    head (int): index of the trigger head in ``words``.
    pos (str): ``"V"`` or ``"N"``.
    event_type, mode, cameo (str | None): PLOVER type, mode, CAMEO root override.
    flags (frozenset[str]): ``frame``, ``any``, ``nofut``, ``selfrecip``, ``agent``, ``asspeech``,
        ``actor`` (needs a coded participant), ``verbonly`` (not as an adjective).
    obj_class (str | None): the ``obj=<class>`` / ``obj?=<class>`` flag: the object must belong to
        that class of ``rules.yaml`` ``object_classes``; obj_required: ``obj=`` (an object is needed).
    block_class (str | None): the ``block=<class>`` flag: a dependent of that class cancels the match.
    """

    text: str
    words: list
    head: int
    pos: str
    event_type: str
    mode: Optional[str] = None
    cameo: Optional[str] = None
    flags: frozenset = field(default_factory=frozenset)
    obj_class: Optional[str] = None
    obj_required: bool = False
    block_class: Optional[str] = None

    @property
    def recipient_prep(self) -> Optional[frozenset]:
        """The final word if it is a preposition slot (set of lemmas), else None."""
        if len(self.words) > 1 and self.head != len(self.words) - 1 and self.words[-1] & _PREPS:
            return self.words[-1]
        return None


_PREPS = frozenset({"with", "on", "against", "to", "toward", "towards", "at", "into", "upon", "from",
                    "of", "for", "about", "over", "in", "by"})


class PatternSet:
    """Patterns indexed by head lemma and part of speech, longest first.

    rows (list[dict]): rows of patterns.tsv (keys pattern, pos, type, mode, cameo, flags).
    valid_types (set[str]): the PLOVER types; rows with another type raise ValueError.
    valid_classes (set[str] | None): the object classes of rules.yaml; an ``obj=`` flag naming
        another class raises ValueError.
    """

    def __init__(self, rows: Iterable[dict], valid_types: Optional[set] = None,
                 valid_classes: Optional[set] = None):
        self.index: dict[tuple[str, str], list[Pattern]] = {}
        for row in rows:
            text = (row.get("pattern") or "").strip()
            if not text:
                continue
            pos = (row.get("pos") or "V").strip().upper()
            etype = (row.get("type") or "").strip().upper()
            if valid_types is not None and etype not in valid_types:
                raise ValueError(f"pattern '{text}': unknown PLOVER type '{etype}'")
            raw = text.split()
            head = next((i for i, w in enumerate(raw) if w.endswith("*")),
                        0 if pos == "V" else len(raw) - 1)
            words = [frozenset(w.rstrip("*").lower().split("|")) for w in raw]
            flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
            obj_class, obj_required = None, False
            block = None
            for f in flags:
                if f.startswith("block="):
                    block = f.split("=", 1)[1].strip()
                    if valid_classes is not None and block not in valid_classes:
                        raise ValueError(f"pattern '{text}': unknown object class '{block}'")
                if f.startswith("obj=") or f.startswith("obj?="):
                    obj_required = f.startswith("obj=")
                    obj_class = f.split("=", 1)[1].strip()
                    if valid_classes is not None and obj_class not in valid_classes:
                        raise ValueError(f"pattern '{text}': unknown object class '{obj_class}'")
            pat = Pattern(text=text.replace("*", ""), words=words, head=head, pos=pos, event_type=etype,
                          mode=(row.get("mode") or None), cameo=(row.get("cameo") or None), flags=flags,
                          obj_class=obj_class, obj_required=obj_required, block_class=block)
            for lemma in words[head]:
                self.index.setdefault((lemma, pos), []).append(pat)
        for pats in self.index.values():
            pats.sort(key=lambda p: -len(p.words))

    def candidates(self, lemma: str, pos: str) -> list:
        """RETURNS (list[Pattern]): patterns whose head is ``lemma`` with part of speech ``pos``."""
        return self.index.get((lemma, pos), [])

    def __len__(self) -> int:
        return len({id(p) for pats in self.index.values() for p in pats})


def load_patterns(data_paths=None, valid_types=None, valid_classes=None) -> PatternSet:
    """Load ``events/patterns.tsv`` (plus users' files of that name). RETURNS (PatternSet)."""
    return PatternSet(load_tsv("events/patterns.tsv", extra=data_paths), valid_types, valid_classes)


class PloverTables:
    """The PLOVER/CAMEO tables of ``events/plover.yaml``.

    ``cameo_for(type, mode)`` -> CAMEO root; ``goldstein(root)`` -> Goldstein (1992) score
    as used by GDELT; ``quad_class(root)`` -> 1..4.
    """

    def __init__(self, data_paths=None):
        table = load_yaml("events/plover.yaml", extra=data_paths)
        self.types: dict = table["types"]
        self.roots: dict = {str(k).zfill(2): v for k, v in table["cameo_roots"].items()}
        self.quads: dict[str, int] = {}
        for quad, spec in table["quad_classes"].items():
            for root in spec["roots"]:
                self.quads[str(root).zfill(2)] = int(quad)

    def modes(self, event_type: str) -> dict:
        return (self.types.get(event_type) or {}).get("modes") or {}

    def cameo_for(self, event_type: str, mode: Optional[str] = None) -> Optional[str]:
        spec = self.types.get(event_type)
        if not spec:
            return None
        mode_spec = (spec.get("modes") or {}).get(mode) if mode else None
        if mode_spec and mode_spec.get("cameo"):
            return str(mode_spec["cameo"]).zfill(2)
        return str(spec["cameo"]).zfill(2)

    def goldstein(self, root: Optional[str]) -> Optional[float]:
        spec = self.roots.get(root) if root else None
        return float(spec["goldstein"]) if spec else None

    def quad_class(self, root: Optional[str]) -> Optional[int]:
        return self.quads.get(root) if root else None


@dataclass
class _Match:
    pattern: Pattern
    head: object  # spaCy Token
    tokens: list
    recip_prep: object = None  # Token of the pattern's final preposition
    light: object = None  # light verb Token for noun triggers
    absorbed_by: object = None
    casualties: list = field(default_factory=list)  # casualty matches whose toll this event is
    need_recipient: bool = False  # the object failed an ``orrecip`` pattern's class


@register_stage("events", requires=("dates", "places", "actors", "quotes"), assigns=("events",))
class EventStage:
    """Find PLOVER 2.0 events and append :class:`~newsevents.records.Event` records.

    options (Options): ``options.data_paths`` extends ``events/patterns.tsv``,
        ``events/plover.yaml`` and ``events/rules.yaml``.
    Called as ``stage(ctx)``; reads ``ctx.doc``, ``ctx.analysis.actors/quotes/dates/places``,
    ``ctx.shared["actors"]`` (``mentions_in``/``by_token``) when the actors stage publishes it,
    and ``newsevents.dates.date_for_clause`` / ``newsevents.places.place_for_clause`` when
    those modules provide them. Publishes nothing.
    """

    def __init__(self, options=None):
        paths = getattr(options, "data_paths", None)
        self.tables = PloverTables(paths)
        rules = load_yaml("events/rules.yaml", extra=paths)
        s = lambda key: frozenset(str(w).lower() for w in rules.get(key) or [])  # noqa: E731
        self.object_classes = {name: frozenset(str(w).lower() for w in words or [])
                               for name, words in (rules.get("object_classes") or {}).items()}
        self.patterns = load_patterns(paths, set(self.tables.types), set(self.object_classes))
        self.non_agent_types = frozenset(str(w).upper() for w in rules.get("non_agent_types") or [])
        self.non_agent = s("non_agent_causes")
        self.non_agent_verbs = s("non_agent_verbs")
        self.accident_sources = s("accident_sources")
        self.ambiguous_violence = s("ambiguous_violence")
        self.weapon_words = s("weapon_words")
        self.cause_preps = s("cause_preps")
        self.casualty_verbs = s("casualty_verbs")
        self.casualty_lookback = int(rules.get("casualty_lookback_sentences") or 0)
        self.riot_triggers = s("riot_triggers")
        self.opinion_types = frozenset(str(w).upper() for w in rules.get("opinion_types") or [])
        self.opinion_pronouns = s("opinion_pronouns")
        self.conventional_sectors = frozenset(str(w).upper() for w in rules.get("conventional_force_sectors") or [])
        self.conventional_triggers = s("conventional_force_triggers")
        self.protester_nouns = s("protester_nouns")
        self.light_verbs = s("light_verbs")
        self.occurrence_verbs = s("occurrence_verbs")
        self.recipient_preps = s("recipient_preps")
        self.future_aux = s("future_aux")
        self.future_governors = s("future_governors")
        self.hyp_aux = s("hypothetical_aux")
        self.hyp_marks = s("hypothetical_marks")
        self.neg_words = s("negation_words")
        self.neg_governors = s("negation_governors")
        self.speech_verbs = s("speech_verbs")
        self.credit_nouns = s("credit_nouns")
        self.credit_cues = [tuple(c.lower().split()) for c in rules.get("credit_cues") or []]
        self.attribution = [tuple(c.lower().split()) for c in rules.get("attribution_preps") or []]
        self.frame_modes: dict = rules.get("frame_modes") or {}
        self.carrier_nouns = s("carrier_nouns")
        self.obligation_aux = s("obligation_aux")
        self.promotion = self._promotions(rules.get("future_promotion"))
        self.hyp_promotion = self._promotions(rules.get("hypothetical_promotion"))
        self.neg_promotion = self._promotions(rules.get("negation_promotion"))
        self._obligation = Pattern(text="must", words=[frozenset({"must"})], head=0, pos="V",
                                   event_type="REQUEST", flags=frozenset({"frame", "obligation"}))

    @staticmethod
    def _promotions(spec) -> dict:
        """{target: [source types]} -> {source type: target}."""
        out = {}
        for target, sources in (spec or {}).items():
            for src in sources:
                out[src] = target
        return out

    # ------------------------------------------------------------------ main
    def __call__(self, ctx) -> None:
        doc = ctx.doc
        if len(doc) == 0:
            return
        self._ctx = ctx
        self._actor_index = self._build_actor_index(ctx)
        self._quote_spans = [(q.content.start, q.content.end, q) for q in ctx.analysis.quotes]
        self._actor_tok = self._token_set(doc, ctx.analysis.actors)
        self._place_tok = self._token_set(doc, ctx.analysis.places)
        self._sent_lemmas: dict = {}
        matches: dict[int, _Match] = {}
        for tok in doc:
            m = self._match(tok)
            if m is not None:
                matches[tok.i] = m
        self._obligations(doc, matches)
        self._absorb(matches)
        events = []
        heads: dict = {}  # event id -> the token that carries its clause (for the output order)
        for i in sorted(matches):
            m = matches[i]
            if m.absorbed_by is not None:
                continue
            ev = self._build_event(ctx, m, matches)
            if ev is not None:
                events.append(ev)
                heads[ev.id] = self._clause_token(m)
        for sent in ctx.sentences:
            ev = self._credit_event(ctx, sent)
            if ev is not None:
                events.append(ev)
        events.sort(key=lambda e: self._salience_key(ctx, e, heads.get(e.id)))
        # ids follow the output order (V1 is the first, most salient event), so that a store
        # reading events back by id gives the same list
        ids = sorted((e.id for e in events), key=lambda i: (len(i), i))
        for ev, new_id in zip(events, ids):
            ev.id = new_id
        ctx.analysis.events.extend(events)

    # ------------------------------------------------------------ ordering
    _MAIN_CHAIN_DEPS = frozenset({"xcomp", "conj", "aux", "auxpass"})

    @staticmethod
    def _clause_token(m: _Match):
        """The token that stands for the clause of a match in the output order: the light verb
        of a noun trigger ("held talks" -> "held"), else the nearest verb above a noun trigger
        ("protesters defied" -> "defied", "came under attack" -> "came"), else the trigger."""
        if m.light is not None and "obligation" not in m.pattern.flags:
            return m.light
        tok = m.head
        if m.pattern.pos == "N":
            t, n = tok, 0
            while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and n < 8:
                t = t.head
                n += 1
            if t.pos_ in ("VERB", "AUX"):
                return t
        return tok

    @classmethod
    def _salience_key(cls, ctx, ev: Event, tok) -> tuple:
        """Sort key of the output order of events (most salient first within a sentence).

        ``(sentence index, main-clause rank, dependency depth, trigger start, trigger end)``:
        events come in sentence order; within a sentence, an event whose clause token (the
        trigger head, or its light verb: "held talks" -> "held") is the sentence root or on the
        root's verb chain (linked to the root only through ``xcomp``/``conj``: "agreed to
        meet", "met and signed") comes first (rank 0), then events of subordinate, reported and
        relative clauses (rank 1) by their depth below the root, then by position. So the main
        event of "X said Y was killed" or "police arrested protesters who attacked a bank" is
        listed first. Events without a token (credit constructions) rank last in their sentence.
        """
        sent = ev.evidence.sentence if ev.evidence is not None else 0
        if tok is None:
            return (sent, 2, 99, ev.trigger.start, ev.trigger.end)
        depth, main, t = 0, True, tok
        while t.head.i != t.i and depth < 50:
            if t.dep_ not in cls._MAIN_CHAIN_DEPS:
                main = False
            t = t.head
            depth += 1
        return (sent, 0 if main else 1, depth, ev.trigger.start, ev.trigger.end)

    # -------------------------------------------------------------- matching
    def _match(self, tok) -> Optional[_Match]:
        if tok.pos_ in _VERB_POS or tok.tag_ in ("VBN", "VBG", "VBD", "VB", "VBZ", "VBP"):
            pos = "V"
        elif tok.pos_ in _NOUN_POS:
            pos = "N"
        else:
            return None
        lemma = tok.lemma_.lower()
        cands = self.patterns.candidates(lemma, pos)
        if not cands and pos == "N":
            cands = self.patterns.candidates(tok.lower_, pos)
        for pat in cands:
            found = self._match_words(tok, pat)
            if found is None:
                continue
            m = _Match(pattern=pat, head=tok, tokens=found)
            if pat.recipient_prep is not None:
                m.recip_prep = found[-1]
            if pos == "N" and not self._noun_licensed(tok, pat, m):
                continue
            if pos == "N" and tok.dep_ == "compound" and tok.head.pos_ in _NOUN_POS \
                    and tok.head.lemma_.lower() not in self.carrier_nouns:
                continue  # "protest movement", "attack helicopter": the noun only modifies
            if "noacl" in pat.flags and tok.dep_ == "acl":
                continue
            if pat.block_class is not None:
                blockers = self.object_classes.get(pat.block_class, frozenset())
                if any(c.lemma_.lower() in blockers or c.lower_ in blockers for c in tok.children):
                    continue
            if "verbonly" in pat.flags and tok.pos_ not in ("VERB", "AUX"):
                continue  # "a free concert", "free to download": the adjective is no release
            if pat.obj_class is not None and not self._object_ok(tok, pat, m):
                if "orrecip" not in pat.flags:
                    continue
                m.need_recipient = True  # "provided intelligence to Macedonia": the recipient decides
            return m
        return None

    # ------------------------------------------------------- selection rules
    @staticmethod
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

    def _in_class(self, tok, cls: frozenset, depth: int = 0) -> bool:
        """Whether the noun ``tok`` belongs to an object class (rules.yaml ``object_classes``).

        "hundreds of prisoners", "a team of doctors": the object of "of" is looked at too.
        """
        if "@any" in cls:
            return True
        if tok.lemma_.lower() in cls or tok.lower_ in cls:
            return True
        if "@actor" in cls and tok.i in self._actor_tok:
            return True
        if "@place" in cls and (tok.i in self._place_tok or tok.ent_type_ in ("GPE", "LOC", "FAC")):
            return True
        if depth == 0:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    if any(self._in_class(g, cls, 1) for g in c.children if g.dep_ == "pobj"):
                        return True
        return False

    def _object_heads(self, tok, m: _Match) -> list:
        """The object of a verb trigger: direct object, passive subject (through a relative
        pronoun), the noun a participle modifies ("prisoners released on Monday"), or the object
        of the pattern's final preposition."""
        objs = []
        for c in tok.children:
            if c.dep_ == "dobj":
                objs.append(c)
            elif c.dep_ in _PASS_SUBJ:
                objs.append(tok.head if c.lower_ in _REL_PRONOUNS and tok.dep_ == "relcl" else c)
        if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN":
            objs.append(tok.head)
        if m.recip_prep is not None:
            objs.extend(g for g in m.recip_prep.children if g.dep_ == "pobj")
        out = []
        for o in objs:
            out.append(o)
            out.extend(o.conjuncts)
        return out

    def _object_ok(self, tok, pat: Pattern, m: _Match) -> bool:
        """The ``obj=<class>`` / ``obj?=<class>`` rule of a pattern (see rules.yaml object_classes)."""
        cls = self.object_classes.get(pat.obj_class, frozenset())
        objs = self._object_heads(tok, m)
        if not objs:
            return not pat.obj_required
        return any(self._in_class(o, cls) for o in objs)

    def _lemmas_of(self, sent) -> frozenset:
        key = sent.start
        got = self._sent_lemmas.get(key)
        if got is None:
            # names do not count: "Storm Corps", "Fire Department", "Crash Bandicoot"
            toks = [t for t in sent if t.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP", "FAC")]
            got = frozenset(t.lemma_.lower() for t in toks) | frozenset(t.lower_ for t in toks)
            self._sent_lemmas[key] = got
        return got

    def _accident_sentence(self, tok) -> bool:
        """The sentence names an accident source or a non-agent cause and no weapon or attacker."""
        lemmas = self._lemmas_of(tok.sent)
        return not (lemmas & self.weapon_words) and bool(lemmas & (self.accident_sources | self.non_agent))

    def _is_non_agent(self, tok) -> bool:
        """Whether an argument or cause token names a non-agent cause (rules.yaml): a hazard or
        accident noun ("fire", "earthquake", "plane crash"), an accident verb ("the bus
        plunged"), or an explosion/fire of an accident source ("gas explosion", "a boiler
        exploded", "an explosion at the plant" in a sentence naming no weapon)."""
        lemma = tok.lemma_.lower()
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")] \
            if tok.pos_ not in ("VERB", "AUX") else []
        if any(c.lemma_.lower() in self.weapon_words for c in mods):
            return False  # "rocket fire", "sniper fire", "a car bomb blast"
        if lemma in self.non_agent or tok.lower_ in self.non_agent:
            return True
        if any(c.lemma_.lower() in self.non_agent for c in mods):
            return True  # "a shark attack", "flood damage"
        if tok.pos_ in ("VERB", "AUX"):
            if lemma in self.non_agent_verbs:
                return True
            if lemma in self.ambiguous_violence:
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                if any(self._is_non_agent(c) for c in subj):
                    return True
                if any(c.lemma_.lower() in self.accident_sources for c in subj) and self._accident_sentence(tok):
                    return True  # "the tank exploded"; not "the vehicle hit a mine laid by rebels"
            return False
        if lemma in self.ambiguous_violence:
            if any(c.lemma_.lower() in self.accident_sources for c in mods):
                return True
            return self._accident_sentence(tok)
        return False

    def _non_agent_cause(self, verb, depth: int = 0) -> bool:
        """An agentless clause whose cause is a non-agent: "killed in a plane crash", "injured
        when the roof collapsed", "died after a gas leak" (``cause_preps`` of rules.yaml)."""
        for c in verb.children:
            if c.dep_ in ("prep", "agent") and (c.lemma_.lower() in self.cause_preps or c.dep_ == "agent"):
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp") and self._is_non_agent(g):
                        return True
                    if g.dep_ == "prep":  # "due to", "because of"
                        if any(x.dep_ == "pobj" and self._is_non_agent(x) for x in g.children):
                            return True
            elif c.dep_ == "advcl" and self._is_non_agent(c):
                return True
        if depth == 0 and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return self._non_agent_cause(verb.head, 1)
        return False

    def _non_agent_event(self, m: _Match, actors_t: list, recips_t: list) -> bool:
        """True when a violent or coercive event has no human agent (rules.yaml non_agent_*):
        "A fire killed five girls", "an earthquake hit the city", "a gas cylinder exploded",
        "firefighters battled the blaze", "were killed in a plane crash"."""
        tok = m.head
        lemma = tok.lemma_.lower()
        ambiguous = lemma in self.ambiguous_violence
        for t in actors_t:
            for x in [t] + list(t.conjuncts):
                if self._is_non_agent(x):
                    return True
                if ambiguous and x.lemma_.lower() in self.accident_sources and self._accident_sentence(tok):
                    return True
        for t in recips_t:
            if t.lemma_.lower() in self.non_agent:
                return True
        if ambiguous and self._is_non_agent(tok):
            return True
        if ambiguous and not actors_t and tok.pos_ in ("VERB", "AUX") and self._accident_sentence(tok):
            return True
        if not actors_t:
            verb = m.light if m.light is not None else tok
            if self._non_agent_cause(verb) or (verb is not tok and self._non_agent_cause(tok)):
                return True
            if lemma in self.casualty_verbs and self._disaster_context(tok):
                return True
        return False

    def _disaster_context(self, tok) -> bool:
        """The sentence of ``tok`` names no weapon, and it or one of the
        ``casualty_lookback_sentences`` before it names a non-agent cause (rules.yaml)."""
        sent = tok.sent
        if self._lemmas_of(sent) & self.weapon_words:
            return False
        sents = self._ctx.sentences
        i = self._ctx.sentence_index(sent.start_char)
        for k in range(max(0, i - self.casualty_lookback), i + 1):
            if self._lemmas_of(sents[k]) & self.non_agent:
                return True
        return False

    def _match_words(self, tok, pat: Pattern) -> Optional[list]:
        found = [tok]
        used = {tok.i}
        for k, alts in enumerate(pat.words):
            if k == pat.head:
                continue
            hit = None
            for anchor in found:
                kids = list(anchor.children)
                # through a carrier noun: "ended mediation efforts" ~ "end mediation"
                kids += [g for c in kids if c.lemma_.lower() in self.carrier_nouns and c.dep_ in ("dobj", "pobj")
                         for g in c.children if g.dep_ in ("compound", "amod", "nmod")]
                for child in kids:
                    if child.i in used or child.dep_ not in _PATTERN_DEPS:
                        continue
                    if child.lemma_.lower() in alts or child.lower_ in alts:
                        hit = child
                        break
                if hit is not None:
                    break
            if hit is None and k < pat.head:
                # modifiers written before the head ("air strike"): left compounds / amods
                for child in tok.lefts:
                    if child.i not in used and (child.lemma_.lower() in alts or child.lower_ in alts):
                        hit = child
                        break
            if hit is None:
                return None
            found.append(hit)
            used.add(hit.i)
        # keep the pattern order (head first for V, as written) for the final preposition
        order = {id(t): n for n, t in enumerate(found)}
        words_order = [pat.head] + [k for k in range(len(pat.words)) if k != pat.head]
        by_word = dict(zip(words_order, found))
        _ = order
        return [by_word[k] for k in range(len(pat.words))]

    def _noun_licensed(self, tok, pat: Pattern, m: _Match) -> bool:
        """A noun trigger counts when governed by a light verb, subject of an occurrence verb,
        the sentence root (headline), or anywhere for ``any`` patterns; not as the object of
        another verb trigger ("condemned the attack")."""
        head = tok
        if "agent" in pat.flags:
            return head.dep_ == "nsubj"
        if head.dep_ == "compound" and head.head.lemma_.lower() in self.carrier_nouns:
            head = head.head
        while head.dep_ == "conj" and head.head.pos_ in _NOUN_POS:
            head = head.head
        gov = head.head
        if head.dep_ in ("dobj", "attr", "nsubjpass", "oprd") and gov.lemma_.lower() in self.light_verbs:
            m.light = gov
            return True
        if head.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("in", "into", "on") \
                and gov.head.lemma_.lower() in self.light_verbs and gov.head.pos_ in ("VERB", "AUX"):
            m.light = gov.head
            return True
        if head.dep_ in ("nsubj", "nsubjpass") and gov.lemma_.lower() in self.occurrence_verbs:
            return True
        if head.dep_ == "ROOT":
            return True
        if "any" in pat.flags:
            if head.dep_ in ("dobj", "nsubjpass") and gov.pos_ == "VERB" and self.patterns.candidates(
                    gov.lemma_.lower(), "V"):
                return False
            return True
        return False

    def _absorb(self, matches: dict) -> None:
        """Frame triggers absorb the trigger of their clause complement."""
        for i, m in matches.items():
            if "frame" not in m.pattern.flags:
                continue
            for comp in self._complements(m.head):
                cm = matches.get(comp.i)
                if cm is not None and cm is not m and cm.absorbed_by is None:
                    cm.absorbed_by = m
            # "called for sanctions", "demanded the withdrawal": the object noun's trigger
            for child in m.head.children:
                if child.dep_ == "dobj" and child.i in matches:
                    matches[child.i].absorbed_by = m
                if child.dep_ == "prep":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.i in matches and matches[pobj.i].light is None:
                            matches[pobj.i].absorbed_by = m
        # "were killed in an air strike", "shelled the town, killing eight": the toll of an event
        for i, m in matches.items():
            if m.absorbed_by is not None or m.pattern.event_type != "ASSAULT" \
                    or m.head.lemma_.lower() not in self.casualty_verbs or m.pattern.pos != "V":
                continue
            host = self._casualty_host(m, matches)
            if host is not None:
                m.absorbed_by = host
                host.casualties.append(m)
        # noun triggers governed by a light verb that is itself a trigger: the verb pattern
        # wins when it names the noun ("sign an agreement", "call off the strike"), else the
        # noun's reading ("gave a welcome", "sent inspectors")
        for i, m in matches.items():
            if m.light is not None and m.light.i in matches and matches[m.light.i] is not m:
                lm = matches[m.light.i]
                if any(t.i == m.head.i for t in lm.tokens):
                    m.absorbed_by = lm
                elif "frame" not in lm.pattern.flags and lm.absorbed_by is None:
                    lm.absorbed_by = m

    def _casualty_host(self, m: _Match, matches: dict) -> Optional[_Match]:
        """The violent event whose toll the casualty verb of ``m`` tells, or None: an ASSAULT
        noun trigger that is the object of its cause preposition ("killed in an air strike",
        "wounded by shelling", "died in clashes"), or the ASSAULT verb it hangs from as a
        participle ("bombarded the city, killing eight")."""
        tok = m.head
        if any(c.dep_ in _SUBJ for c in tok.children):
            return None  # "rebels killed eight": an event with its own actor
        for c in tok.children:
            if c.dep_ in ("prep", "agent") and c.lemma_.lower() in ("in", "by", "during", "from", "after"):
                for g in c.children:
                    hm = matches.get(g.i)
                    if g.dep_ == "pobj" and hm is not None and hm is not m \
                            and hm.pattern.event_type == "ASSAULT" and hm.absorbed_by is None:
                        return hm
        for c in tok.children:  # "were killed in Israeli tank shelling" parsed as an advcl
            hm = matches.get(c.i)
            if c.dep_ == "advcl" and c.tag_ == "VBG" and hm is not None and hm is not m \
                    and hm.pattern.event_type == "ASSAULT" and hm.absorbed_by is None:
                return hm
        if tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG":
            hm = matches.get(tok.head.i)
            if hm is not None and hm is not m and hm.pattern.event_type == "ASSAULT" and hm.absorbed_by is None:
                return hm
        return None

    def _obligations(self, doc, matches: dict) -> None:
        """ "X said that Y must V": a REQUEST by X on Y, keyed by the modal token."""
        if not self.obligation_aux:
            return
        for tok in doc:
            if tok.lower_ not in self.obligation_aux or tok.dep_ != "aux":
                continue
            verb = tok.head
            gov = verb.head
            if verb.dep_ == "ccomp" and gov.pos_ in ("VERB", "AUX"):
                speaker = gov
            elif verb.dep_ in ("acl", "relcl", "ccomp") and gov.pos_ in _NOUN_POS and gov.head.pos_ == "VERB":
                speaker = gov.head  # "issued a reminder that ... must"
            else:
                continue
            m = _Match(pattern=self._obligation, head=verb, tokens=[tok, verb])
            m.light = speaker
            if verb.i in matches:
                matches[verb.i].absorbed_by = m
            matches[tok.i] = m

    @staticmethod
    def _complements(tok) -> list:
        out = []
        for child in tok.children:
            if child.dep_ in ("xcomp", "ccomp"):
                out.append(child)
                out.extend(c for c in child.conjuncts)
            elif child.dep_ == "prep":
                for g in child.children:
                    if g.dep_ == "pcomp":
                        out.append(g)
            elif child.dep_ == "acomp":
                out.extend(g for g in child.children if g.dep_ == "xcomp")
        return out

    # ------------------------------------------------------------ arguments
    def _build_actor_index(self, ctx):
        shared = ctx.shared.get("actors")
        if shared is not None and hasattr(shared, "mentions_in"):
            return shared.mentions_in
        actors = sorted(ctx.analysis.actors, key=lambda a: a.evidence.start)

        def mentions_in(start: int, end: int) -> list:
            return [a for a in actors if a.evidence.start >= start and a.evidence.end <= end]

        return mentions_in

    def _np_span(self, tok) -> tuple[int, int]:
        """Characters of the noun phrase headed by ``tok`` without clauses and conjuncts."""
        toks = [tok]
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in _NP_CUT and not (c.dep_ == "prep" and c.lemma_.lower() in _NP_KEEP_PREPS):
                    continue
                toks.append(c)
                stack.append(c)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        return start, end

    def _refs(self, toks: Iterable) -> list:
        """ActorRefs for argument head tokens (each expanded to its conjuncts)."""
        refs, seen = [], set()
        for tok in toks:
            group = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
            # "The US, Russia, and Switzerland met": the parser reads the list as an apposition
            for c in tok.children:
                if c.dep_ == "appos" and any(x.dep_ == "cc" for x in list(c.children) + list(tok.children)) \
                        and tok.i in self._actor_tok and c.i in self._actor_tok:
                    group += [c] + [g for g in c.conjuncts if g.i > c.i]
            for t in group:
                if t.pos_ == "PRON" and t.i not in self._actor_tok:
                    ante = self._speaker_antecedent(t)
                    if ante:
                        for r in self._refs(ante):
                            key = r.mention
                            if key not in seen:
                                seen.add(key)
                                refs.append(r)
                        continue
                start, end = self._np_span(t)
                mentions = self._actor_index(start, end)
                covering = [a for a in mentions if a.evidence.start <= t.idx < a.evidence.end]
                chosen = covering or mentions
                for a in chosen:
                    key = a.entity or a.id
                    if key in seen:
                        continue
                    seen.add(key)
                    refs.append(ActorRef(mention=a.id, canonical=a.canonical, code=a.code, sector=a.sector))
        return refs

    def _speaker_antecedent(self, pron) -> list:
        """ "Afghan rebel leaders said they would meet ...", "Obama said he would not ...": an
        unresolved subject pronoun of a clause reported by a speech verb refers to the speaker
        (the subject of the speech verb). RETURNS (list[Token]): the speaker heads, or []."""
        if pron.lower_ not in ("they", "he", "she", "we", "it") or pron.dep_ not in ("nsubj", "nsubjpass"):
            return []
        clause = pron.head
        for _ in range(4):
            if clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
                clause = clause.head
            else:
                break
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.speech_verbs:
            return []
        speakers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return speakers

    @staticmethod
    def _dedupe_conj(toks: list) -> list:
        out, seen = [], set()
        for t in toks:
            if t.i not in seen:
                seen.add(t.i)
                out.append(t)
        return out

    def _subject(self, verb) -> tuple[list, list]:
        """(actor heads, recipient heads from a passive subject) of a verb, following
        conjunction, control (xcomp), relative clauses and participles."""
        actors, recips = [], []
        for c in verb.children:
            if c.dep_ in _SUBJ:
                if c.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
                    actors.append(verb.head)
                else:
                    actors.append(c)
            elif c.dep_ in _PASS_SUBJ:
                if c.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
                    recips.append(verb.head)
                else:
                    recips.append(c)
            elif c.dep_ == "agent":
                actors.extend(g for g in c.children if g.dep_ == "pobj")
        if actors or recips:
            return actors, recips
        dep = verb.dep_
        if dep == "relcl":
            return [verb.head], []
        if dep == "acl" and verb.tag_ == "VBG":
            return [verb.head], []
        if dep == "conj" and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
            return self._subject(verb.head)
        if dep in ("xcomp", "advcl") or (dep == "pcomp"):
            gov = verb.head if dep != "pcomp" else verb.head.head
            if gov.pos_ not in ("VERB", "AUX", "ADJ"):
                return [], []
            # object control: "urged Iraq to withdraw", "asked X to ..."
            objs = [c for c in gov.children if c.dep_ in ("dobj",)]
            if dep == "xcomp" and objs and gov.lemma_.lower() not in ("promise",):
                return objs[:1], []
            a, _ = self._subject(gov)
            return a, []
        if dep == "ccomp" and verb.head.pos_ == "ADJ":
            return self._subject(verb.head)
        return [], []

    def _objects(self, tok, pat: Optional[Pattern], m: Optional[_Match], with_dobj=True) -> list:
        out = []
        skip = {t.i for t in (m.tokens if m else [])}
        for c in tok.children:
            if c.i in skip and not (m and m.recip_prep is not None and c.i == m.recip_prep.i):
                if c.dep_ != "prep":
                    continue
            if c.dep_ in ("dobj", "dative", "iobj") and with_dobj:
                if c.dep_ == "dative" and c.pos_ == "ADP":
                    out.extend(g for g in c.children if g.dep_ == "pobj")
                else:
                    out.append(c)
            elif c.dep_ == "prep":
                lemma = c.lemma_.lower()
                slot = m is not None and m.recip_prep is not None and c.i == m.recip_prep.i
                if slot or lemma in self.recipient_preps:
                    out.extend(g for g in c.children if g.dep_ == "pobj")
                    # "pull out of": preposition hanging from a particle/adverb
            elif c.dep_ in ("prt", "advmod") and m is not None and c.i in skip:
                for g in c.children:
                    if g.dep_ == "prep" and ((m.recip_prep is not None and g.i == m.recip_prep.i) or g.lemma_.lower() in self.recipient_preps):
                        out.extend(x for x in g.children if x.dep_ == "pobj")
        if m is not None and m.recip_prep is not None and m.recip_prep.head.i != tok.i:
            out.extend(g for g in m.recip_prep.children if g.dep_ == "pobj")
        # "froze drills with South Korea", "exchange information with Egypt": preps of the object
        objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
        if m is not None:
            objs += [w for w in m.tokens if w.i != tok.i and w.dep_ in ("dobj", "attr", "pobj")]
        if objs:
            for w in self._dedupe_conj(objs):
                for c in w.children:
                    if c.dep_ == "prep" and c.lemma_.lower() in self.recipient_preps:
                        out.extend(g for g in c.children if g.dep_ == "pobj")
        return self._dedupe_conj(out)

    def _arguments(self, m: _Match, matches: dict) -> tuple[list, list]:
        pat, tok = m.pattern, m.head
        if "obligation" in pat.flags:
            actors, _ = self._subject(m.light)
            recips = [c for c in tok.children if c.dep_ in _SUBJ]
            return actors, recips
        if pat.pos == "N":
            actors, recips = ([tok] if "agent" in pat.flags else []), []
            verb = m.light
            if verb is not None:
                a, r = self._subject(verb)
                actors += a
                recips += r
                # "engaged Filipino peacekeepers in a firefight": the light verb's object
                recips += self._objects(verb, None, None, with_dobj=tok.dep_ != "dobj")
                if tok.dep_ == "nsubjpass":
                    pass
            elif tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "ROOT" or True:
                pass
            for c in tok.children:
                if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i not in
                                        {t.i for t in m.tokens}):
                    if verb is None:
                        actors.append(c)
                elif c.dep_ == "prep":
                    lemma = c.lemma_.lower()
                    pobjs = [g for g in c.children if g.dep_ == "pobj"]
                    if lemma == "by":
                        actors += pobjs
                    elif lemma in self.recipient_preps or (m.recip_prep is not None and c.i == m.recip_prep.i):
                        recips += pobjs
                    elif lemma == "between":
                        actors += pobjs
            if "selfrecip" in pat.flags:
                recips = []
            return actors, self._dedupe_conj(recips)
        actors, precips = self._subject(tok)
        recips = list(precips)
        if not recips and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in _NOUN_POS:
            recips.append(tok.head)  # "ten soldiers killed in an ambush", "prisoners freed on Monday"
        if "selfrecip" not in pat.flags:
            recips += self._objects(tok, pat, m)
        if "frame" in pat.flags:
            for comp in self._complements(tok):
                recips += self._objects(comp, None, matches.get(comp.i))
                if pat.event_type == "REQUEST" and comp.dep_ == "ccomp":
                    # "demanded that Iran release ...": the one asked is the clause subject
                    recips += [c for c in comp.children if c.dep_ in _SUBJ]
        # "X and Y met", "met with both Kim and Trump": conj handled in _refs
        return actors, self._dedupe_conj(recips)

    # ----------------------------------------------------------------- flags
    def _clause_chain(self, tok) -> list:
        """The trigger and the verbs governing it up to the sentence root (clause chain)."""
        chain = [tok]
        t = tok
        while t.head.i != t.i and len(chain) < 12:
            t = t.head
            chain.append(t)
        return chain

    def _flags(self, m: _Match) -> dict:
        tok = m.head
        verb = m.light if m.light is not None and "obligation" not in m.pattern.flags else tok
        if m.pattern.pos == "N" and m.light is None and tok.dep_ in ("nsubj", "nsubjpass"):
            verb = tok.head  # "the meeting would have happened": the clause's verb carries the flags
        flags = {"negated": False, "future": False, "hypothetical": False, "reported": False,
                 "refused": False}
        own = [tok, verb]

        def aux_of(v):
            return [c for c in v.children if c.dep_ in ("aux", "auxpass")]

        for v in own:
            for c in v.children:
                if c.dep_ == "neg" or (c.lower_ in self.neg_words and c.dep_ in ("neg", "advmod", "det", "preconj")):
                    flags["negated"] = True
        if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "without":
            flags["negated"] = True
        # clause verb and its control/conj governors
        clause = [verb]
        t = verb
        while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
            t = t.head
            clause.append(t)
            if t.lemma_.lower() in self.future_governors:
                flags["future"] = True
            if t.lemma_.lower() in self.neg_governors:
                flags["negated"] = True
                flags["refused"] = True
            for c in t.children:
                if c.dep_ == "neg":
                    flags["negated"] = True
        for v in clause:
            auxes = aux_of(v)
            lemmas = [a.lower_ for a in auxes] + [a.lemma_.lower() for a in auxes]
            if any(a in self.future_aux for a in lemmas):
                if "have" in lemmas:
                    flags["hypothetical"] = True
                else:
                    flags["future"] = True
            if any(a in self.hyp_aux for a in lemmas):
                flags["hypothetical"] = True
            if any(a == "going" for a in lemmas):
                flags["future"] = True
        if verb.dep_ in ("xcomp",) and verb.head.pos_ == "ADJ" and verb.head.lemma_.lower() in self.future_governors:
            flags["future"] = True
        # hypothetical: an "if" clause anywhere on the chain
        for t in self._clause_chain(verb):
            if any(c.dep_ == "mark" and c.lower_ in self.hyp_marks for c in t.children):
                flags["hypothetical"] = True
                break
            if t.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "relcl", "acl", "pcomp", "pobj",
                              "prep", "dobj", "nsubj", "nsubjpass", "attr"):
                break
        # reported: inside quoted content, or under a speech/cognition verb, or "according to"
        start = tok.idx
        if any(s <= start < e for s, e, _ in self._quote_spans):
            flags["reported"] = True
        else:
            for t in self._clause_chain(verb)[1:]:
                if t.lemma_.lower() in self.speech_verbs and t.pos_ in ("VERB", "AUX"):
                    flags["reported"] = True
                    break
            if not flags["reported"] and self._attribution_token(tok.sent) is not None:
                flags["reported"] = True
        return flags

    def _attribution_token(self, sent):
        """The first token of an attribution cue ("according to") in ``sent``, or None."""
        doc = sent.doc
        for t in sent:
            for cue in self.attribution:
                n = len(cue)
                if t.lower_ == cue[0] and t.i + n <= sent.end and all(
                        doc[t.i + k].lower_ == w for k, w in enumerate(cue)):
                    return t
        return None

    # ---------------------------------------------------------- date, place
    def _date(self, ctx, tok):
        te = None
        try:
            from . import dates as _dates
            fn = getattr(_dates, "date_for_clause", None)
            if fn is not None:
                te = fn(ctx, tok)
        except Exception:  # the dates module is optional here
            te = None
        if te is None:
            sent_i = ctx.sentence_index(tok.idx)
            lo, hi = self._clause_chars(tok)
            same = [d for d in ctx.analysis.dates if d.evidence.sentence == sent_i and d.type in ("DATE", "TIME")]
            inside = [d for d in same if lo <= d.evidence.start and d.evidence.end <= hi]
            pool = inside or same
            if pool:
                te = min(pool, key=lambda d: abs(d.evidence.start - tok.idx))
        if te is not None and te.value and _ISO_DAY.match(te.value[:10]) and (len(te.value) == 10 or te.value[10] == "T"):
            return te.value[:10], "text", te.id
        if ctx.published is not None:
            return ctx.published.isoformat(), "publication", None
        return None, "unknown", None

    def _place(self, ctx, tok) -> Optional[str]:
        try:
            from . import places as _places
            fn = getattr(_places, "place_for_clause", None)
            if fn is not None:
                p = fn(ctx, tok)
                if p is not None:
                    return p.id
        except Exception:
            pass
        sent_i = ctx.sentence_index(tok.idx)
        lo, hi = self._clause_chars(tok)
        for p in ctx.analysis.places:
            if p.evidence.sentence == sent_i and lo <= p.evidence.start and p.evidence.end <= hi:
                return p.id
        return None

    @staticmethod
    def _clause_chars(tok) -> tuple[int, int]:
        v = tok
        while v.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis") and v.head.i != v.i:
            v = v.head
        sub = [t for t in v.subtree]
        return min(t.idx for t in sub), max(t.idx + len(t.text) for t in sub)

    # ---------------------------------------------------------------- build
    def _code(self, event_type: str, mode: Optional[str], cameo: Optional[str]):
        if mode and mode not in self.tables.modes(event_type):
            mode = None
        root = cameo.zfill(2)[:2] if cameo else self.tables.cameo_for(event_type, mode)
        return mode, root, self.tables.goldstein(root), self.tables.quad_class(root)

    def _build_event(self, ctx, m: _Match, matches: dict) -> Optional[Event]:
        pat = m.pattern
        actors_t, recips_t = self._arguments(m, matches)
        if m.casualties and not recips_t:
            for cm in m.casualties:  # "killed in an air strike": the victims are the recipients
                recips_t += self._casualty_victims(cm.head)
        if pat.event_type in self.non_agent_types and self._non_agent_event(m, actors_t, recips_t):
            return None
        actors = self._refs(actors_t)
        recipients = self._refs(recips_t)
        if "actor" in pat.flags and not any(r.code or r.sector for r in actors + recipients):
            return None  # a common verb ("give", "call", "leave") is an event only between actors
        if "weapon" in pat.flags and not any(r.code or r.sector for r in actors) \
                and not self._lemmas_of(m.head.sent) & self.weapon_words:
            return None  # "firecrackers exploded", "the population exploded"
        if pat.event_type in self.opinion_types and actors_t and all(
                t.pos_ == "PRON" and t.lower_ in self.opinion_pronouns for t in actors_t) \
                and not any(r.code or r.sector for r in actors + recipients):
            return None  # "I agree with that": an opinion, not an event between actors (rules.yaml)
        if m.need_recipient and not any(r.code or r.sector for r in recipients if r.mention not in
                                        {a.mention for a in actors}):
            return None  # "delivered a speech" (no aid goods, no recipient)
        # the same entity is not both actor and recipient unless nothing else is coded
        a_keys = {r.mention for r in actors}
        recipients = [r for r in recipients if r.mention not in a_keys]
        flags = self._flags(m)
        etype, mode, cameo = pat.event_type, pat.mode, pat.cameo
        if etype == "ASSAULT" and m.head.lemma_.lower() in self.riot_triggers and any(
                t.lemma_.lower() in self.protester_nouns or t.lower_ in self.protester_nouns
                for a in actors_t + recips_t for t in [a] + list(a.conjuncts)):
            etype, mode, cameo = "PROTEST", "riot", None  # "police clashed with protesters"
        if "obligation" in pat.flags:
            for cm in matches.values():
                if cm.absorbed_by is m:
                    mode = (self.frame_modes.get(etype) or {}).get(cm.pattern.event_type, mode)
        elif "frame" in pat.flags:
            for comp in self._complements(m.head):
                cm = matches.get(comp.i)
                if cm is not None and cm.absorbed_by is m:
                    mode = (self.frame_modes.get(etype) or {}).get(cm.pattern.event_type, mode)
                    break
        if "asspeech" in pat.flags and any(c.dep_ == "ccomp" for c in m.head.children):
            etype, mode, cameo = "ACCUSE", "disapprove", None
        target = None
        if "obligation" in pat.flags:
            flags["reported"] = True
        elif flags["negated"]:
            if flags["future"] or flags["refused"]:
                target = self.neg_promotion.get(etype)
        elif flags["future"] and not flags["hypothetical"] and "nofut" not in pat.flags:
            target = self.promotion.get(etype)
        elif flags["hypothetical"] and "nofut" not in pat.flags:
            target = self.hyp_promotion.get(etype)
        if target:
            mode = (self.frame_modes.get(target) or {}).get(etype) if target in self.frame_modes else None
            if target == "REJECT":
                flags["negated"] = False  # the refusal itself happened
            etype, cameo = target, None
        if etype == "ASSAULT" and cameo is None and mode is None and (
                m.head.lemma_.lower() in self.conventional_triggers
                or any((r.sector or "").upper() in self.conventional_sectors for r in actors + recipients)):
            cameo = "19"  # CAMEO 19 FIGHT: conventional force by or on armed forces/groups (rules.yaml)
        mode, root, goldstein, quad = self._code(etype, mode, cameo)
        date, date_source, date_ref = self._date(ctx, m.head)
        reciprocal = not recipients and len({(r.canonical) for r in actors}) >= 2
        extra = [m.light] if m.light is not None and "obligation" not in pat.flags else []
        toks = sorted(m.tokens + extra, key=lambda t: t.i)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        sent = m.head.sent
        return Event(
            id=ctx.new_id("V"), event_type=etype, mode=mode, actors=actors, recipients=recipients,
            reciprocal=reciprocal, date=date, date_source=date_source, date_ref=date_ref,
            place=self._place(ctx, m.head), cameo=root, goldstein=goldstein, quad_class=quad,
            negated=flags["negated"], future=flags["future"], hypothetical=flags["hypothetical"],
            reported=flags["reported"], pattern=self._pattern_text(m),
            trigger=ctx.evidence(start, end), evidence=ctx.span_evidence(sent),
        )

    @staticmethod
    def _casualty_victims(tok) -> list:
        """The victims of a casualty verb: passive subject or direct object ("eight people were
        killed", "killing eight people"), with their conjuncts added later by ``_refs``."""
        out = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        if not out and tok.dep_ == "acl" and tok.tag_ == "VBN":
            out = [tok.head]  # "ten soldiers killed in an ambush"
        return out

    @staticmethod
    def _pattern_text(m: _Match) -> str:
        """The pattern as matched: lemmas in pattern order, the light verb first ("hold talk")."""
        pat = m.pattern
        if len(pat.words) == 1 or len(m.tokens) != len(pat.words):
            words = pat.text
        else:
            words = " ".join(t.lemma_.lower() if t.lemma_.lower() in alts else t.lower_
                             for t, alts in zip(m.tokens, pat.words))
        if m.light is not None and "obligation" not in pat.flags:
            return f"{m.light.lemma_.lower()} {words}"
        return words

    # --------------------------------------------------------------- credit
    def _credit_event(self, ctx, sent) -> Optional[Event]:
        """"because of X's statecraft" attributed to a source: the source praises X (SUPPORT)."""
        for tok in sent:
            if tok.lemma_.lower() not in self.credit_nouns or tok.dep_ != "pobj":
                continue
            cue = self._cue_before(tok)
            if cue is None:
                continue
            owners = [c for c in tok.children if c.dep_ == "poss"]
            if not owners:
                continue
            recipients = self._refs(owners)
            actors = self._source_refs(ctx, tok)
            a_keys = {r.mention for r in actors}
            recipients = [r for r in recipients if r.mention not in a_keys]
            mode, root, goldstein, quad = self._code("SUPPORT", None, None)
            date, date_source, date_ref = self._date(ctx, tok)
            start = cue[0].idx
            end = tok.idx + len(tok.text)
            return Event(
                id=ctx.new_id("V"), event_type="SUPPORT", mode=None, actors=actors, recipients=recipients,
                reciprocal=False, date=date, date_source=date_source, date_ref=date_ref,
                place=self._place(ctx, tok), cameo=root, goldstein=goldstein, quad_class=quad,
                negated=False, future=False, hypothetical=False, reported=True,
                pattern=" ".join(t.lower_ for t in cue) + " POSS " + tok.lemma_.lower(),
                trigger=ctx.evidence(start, end), evidence=ctx.span_evidence(sent))
        return None

    def _cue_before(self, tok) -> Optional[list]:
        """The credit cue tokens ("because of") right before the noun phrase of ``tok``."""
        doc = tok.doc
        left = tok.left_edge.i
        for cue in self.credit_cues:
            n = len(cue)
            if left - n < tok.sent.start:
                continue
            toks = [doc[left - n + k] for k in range(n)]
            if all(t.lower_ == w for t, w in zip(toks, cue)):
                return toks
        return None

    def _source_refs(self, ctx, tok) -> list:
        """The source of the attribution holding ``tok``: the quote's speaker, else the object
        of "according to" in the sentence."""
        for s, e, q in self._quote_spans:
            if s <= tok.idx < e:
                if q.speaker is not None and q.speaker.mention:
                    return [ActorRef(mention=q.speaker.mention, canonical=q.speaker.canonical,
                                     code=q.speaker.code, sector=q.speaker.sector)]
                if q.source is not None:
                    refs = [ActorRef(mention=a.id, canonical=a.canonical, code=a.code, sector=a.sector)
                            for a in self._actor_index(q.source.start, q.source.end)]
                    if refs:
                        return refs[:1]
        att = self._attribution_token(tok.sent)
        if att is not None:
            to = att.nbor(1)
            pobjs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in att.children if c.dep_ == "pobj"]
            refs = self._refs(pobjs)
            return refs[:1]
        return []
