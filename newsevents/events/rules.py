"""The rules of the events stage, loaded once into one immutable object.

:class:`EventRules` holds the trigger patterns (``data/events/patterns.tsv``), the PLOVER/CAMEO
tables (``data/events/plover.yaml``) and every word list of ``data/events/rules.yaml``, each as a
frozenset, tuple or read-only mapping. Users' files of the same names in ``options.data_paths``
extend them. Nothing about one article is kept here: see :mod:`.state`.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, Optional

from ..data import load_tsv, load_yaml
from .coding import PloverTables, promotions
from .patterns import Pattern, PatternSet, load_patterns
from .statements import Evaluations

__all__ = ["EventRules"]


def _words(rules: dict, key: str) -> frozenset:
    return frozenset(str(w).lower() for w in rules.get(key) or [])


def _types(rules: dict, key: str) -> frozenset:
    return frozenset(str(w).upper() for w in rules.get(key) or [])


def _cues(rules: dict, key: str) -> tuple:
    return tuple(tuple(c.lower().split()) for c in rules.get(key) or [])


def _frozen(mapping) -> Mapping:
    """A read-only copy of a (nested) mapping."""
    return MappingProxyType({k: _frozen(v) if isinstance(v, dict) else v for k, v in (mapping or {}).items()})


@dataclass(frozen=True)
class EventRules:
    """Everything the events stage knows, loaded once (``EventRules.load``) and never changed.

    tables (PloverTables): PLOVER types and modes, CAMEO roots, Goldstein scores, quad classes.
    patterns (PatternSet): the trigger patterns.
    object_classes (Mapping[str, frozenset]): rules.yaml ``object_classes`` (``obj=``/``block=`` flags).
    obligation (Pattern): the built-in pattern of "X said Y must V" (a REQUEST keyed by the modal).
    frame_modes (Mapping[str, Mapping[str, str]]): frame type -> complement type -> mode.
    promotion, hyp_promotion, neg_promotion (Mapping[str, str]): source type -> promoted type for
        future, hypothetical and negated (refused) events.
    casualty_lookback (int): sentences before a casualty verb searched for a non-agent cause.
    credit_cues, attribution (tuple[tuple[str, ...], ...]): multi-word cues, lower case.
    evaluations (Evaluations): the evaluative lexicon of ``events/evaluations.yaml``.
    implicit_agents (Mapping[str, tuple[str, ...]]): rules.yaml ``implicit_agents``, pattern ->
        (PLOVER sector, label[, 'not recipients']) of the body an agentless passive implies
        (:mod:`.implicit`).
    The other fields are the word lists of rules.yaml of (nearly) the same name, as frozensets.
    """

    tables: PloverTables
    patterns: PatternSet
    object_classes: Mapping
    obligation: Pattern
    # non-agent causes (fires, earthquakes, accidents): rules.yaml non_agent_*
    non_agent_types: frozenset
    non_agent: frozenset
    non_agent_verbs: frozenset
    accident_sources: frozenset
    ambiguous_violence: frozenset
    weapon_words: frozenset
    cause_preps: frozenset
    casualty_verbs: frozenset
    casualty_lookback: int
    # coding
    riot_triggers: frozenset
    opinion_types: frozenset
    opinion_pronouns: frozenset
    conventional_sectors: frozenset
    conventional_triggers: frozenset
    protester_nouns: frozenset
    frame_modes: Mapping
    promotion: Mapping
    hyp_promotion: Mapping
    neg_promotion: Mapping
    promotion_mode_objects: Mapping  # AGREE -> class: "will not accept attempts" has no mode
    refusal_when_negated: frozenset  # lemmas whose negation, in any tense, is a refusal
    affiliation_modifiers: frozenset  # "Al Qaeda-linked group": the linked one is no participant
    likeness_modifiers: frozenset  # "a Bosnia-style war": the country word names no side
    decree_verbs: frozenset  # decreed_acts: "ordered asset freezes" is the freezes, by the orderer
    decreed_types: frozenset
    agreed_verbs: frozenset  # decreed_acts.agreed_*: "agreed travel bans" imposes them
    agreed_types: frozenset
    receiving_verbs: frozenset  # light verbs whose subject undergoes the noun's event ("received warnings")
    own_subordinates: frozenset  # "ordered his staff to ...": the orderer's own act
    claim_verbs: frozenset   # responsibility_claims: "claimed responsibility for the attack"
    claim_nouns: frozenset
    unattributed_types: frozenset  # types kept with no participant off the main clause
    # triggers and arguments
    light_verbs: frozenset
    occurrence_verbs: frozenset
    recipient_preps: frozenset
    target_preps: frozenset
    reciprocal_modes: dict  # event type -> modes whose two sides are both actors ("a phone call with X")
    destination_participles: frozenset  # "aid slated for Ukraine": the object's destination
    carrier_nouns: frozenset
    quantity_nouns: frozenset
    intention_nouns: frozenset
    agreement_nouns: frozenset  # their infinitive is agreed, not done (triggers.intended)
    proposal_nouns: frozenset
    adoption_verbs: frozenset
    obligation_aux: frozenset
    obligation_self_subjects: frozenset  # "I must answer": the speaker's own duty, no REQUEST
    charge_words: frozenset  # "convicted of assaults": the charge, no event
    charge_preps: frozenset
    participle_agent_types: frozenset  # "protesting legislators" protest
    agent_idle_verbs: frozenset  # "the other protesters ran away": no protest
    vehicle_motion_verbs: frozenset  # "struck by a Volvo XC90 driving": a road accident
    vehicle_nouns: frozenset  # "was driving a pickup truck ... struck": a driver's collision
    ramming_words: frozenset  # "... in a terror attack": a ramming stays an attack
    non_actor_doers: frozenset  # "the state of emergency allows him to", "the study examined": no actor's act
    hypothetical_governors: frozenset  # "fears giving away too much": a feared act
    passive_infinitives: frozenset  # "Iran is to blame": no blaming by Iran
    opinion_complements: frozenset  # "agree that China has taken advantage": a view
    claim_complements: frozenset  # "insist his tactics will work": a claim
    restated_purpose_types: frozenset  # "led a protest march to protest": one protest
    hosted_gatherings: frozenset  # "Trump spoke at a rally": a person's meeting, no protest
    gathering_causes: frozenset  # "... a rally against the war" keeps the protest
    duty_aux: frozenset  # hypothetical but never promoted ("must vote to convict")
    admission_verbs: frozenset  # "acknowledged it had shot down the jet" (admissions.py)
    audience_sectors: frozenset  # sectors that are an audience, never the recipient of goods
    admitted_types: frozenset
    # flags
    future_aux: frozenset
    future_governors: frozenset
    hyp_aux: frozenset
    hyp_marks: frozenset
    habitual_marks: frozenset  # "when X is attacked" in the present: general, hypothetical
    hyp_modifiers: frozenset  # "possible attacks": a noun event that may not happen
    neg_words: frozenset
    neg_governors: frozenset
    speech_verbs: frozenset
    attribution: tuple
    # credit ("because of X's statecraft")
    credit_nouns: frozenset
    credit_cues: tuple
    # statements that are events (evaluations.yaml; statements.py)
    evaluations: "Evaluations"
    # implicit agents of agentless passives (implicit.py): pattern -> (sector, label)
    implicit_agents: Mapping
    implicit_protest: Mapping  # side -> (sector, label) of a protest that names no protesters/target
    implicit_targets: Mapping  # event type -> (sector, label) of the people of an attacked place
    # event anaphora (anaphora.py): "condemned the attack" -> the attacker
    anaphora_types: frozenset
    event_nouns: Mapping  # noun lemma -> tuple of PLOVER types it can name ("any": every type;
    # "act": every type but act_excludes)
    anaphora_sentences: int
    speech_nouns: frozenset  # "rejected this argument": the speaker of the quotation before
    act_excludes: frozenset
    # suspects (suspects.py): "arrested after the mayor was stabbed" -> the one arrested
    suspect_of_types: frozenset
    suspect_types: frozenset
    suspect_links: frozenset
    doer_nouns: frozenset  # "the suspect in a shooting": the suspect does the event noun
    doer_preps: frozenset
    instrument_verbs: frozenset  # "used chainsaws to rescue people": the user rescues
    stative_participles: frozenset  # "Israel is opposed to": Israel opposes
    action_nouns: frozenset  # "took action to protect": the taker protects
    country_names: Mapping  # ISO3 -> name (actors/countries.tsv), for implicit actors' names

    @classmethod
    def load(cls, data_paths: Optional[list] = None) -> "EventRules":
        """Read ``events/plover.yaml``, ``events/rules.yaml`` and ``events/patterns.tsv`` (plus
        users' files of those names in ``data_paths``). RETURNS (EventRules).
        RAISES ValueError: a pattern names an unknown PLOVER type or object class."""
        tables = PloverTables(data_paths)
        rules = load_yaml("events/rules.yaml", extra=data_paths)
        object_classes = {name: frozenset(str(w).lower() for w in words or [])
                          for name, words in (rules.get("object_classes") or {}).items()}
        decreed = rules.get("decreed_acts") or {}
        return cls(
            tables=tables,
            patterns=load_patterns(data_paths, set(tables.types), set(object_classes)),
            object_classes=MappingProxyType(object_classes),
            obligation=Pattern(text="must", words=[frozenset({"must"})], head=0, pos="V",
                               event_type="REQUEST", flags=frozenset({"frame", "obligation"})),
            non_agent_types=_types(rules, "non_agent_types"),
            non_agent=_words(rules, "non_agent_causes"),
            non_agent_verbs=_words(rules, "non_agent_verbs"),
            accident_sources=_words(rules, "accident_sources"),
            ambiguous_violence=_words(rules, "ambiguous_violence"),
            weapon_words=_words(rules, "weapon_words"),
            cause_preps=_words(rules, "cause_preps"),
            casualty_verbs=_words(rules, "casualty_verbs"),
            casualty_lookback=int(rules.get("casualty_lookback_sentences") or 0),
            riot_triggers=_words(rules, "riot_triggers"),
            opinion_types=_types(rules, "opinion_types"),
            opinion_pronouns=_words(rules, "opinion_pronouns"),
            conventional_sectors=_types(rules, "conventional_force_sectors"),
            conventional_triggers=_words(rules, "conventional_force_triggers"),
            protester_nouns=_words(rules, "protester_nouns"),
            frame_modes=_frozen(rules.get("frame_modes")),
            promotion=MappingProxyType(promotions(rules.get("future_promotion"))),
            hyp_promotion=MappingProxyType(promotions(rules.get("hypothetical_promotion"))),
            neg_promotion=MappingProxyType(promotions(rules.get("negation_promotion"))),
            promotion_mode_objects=MappingProxyType({str(k).upper(): str(v) for k, v in
                                                     (rules.get("promotion_mode_objects") or {}).items()}),
            unattributed_types=_types(rules, "unattributed_types"),
            affiliation_modifiers=_words(rules, "affiliation_modifiers"),
            likeness_modifiers=_words(rules, "likeness_modifiers"),
            own_subordinates=_words(rules, "own_subordinates"),
            receiving_verbs=_words(rules, "receiving_verbs"),
            decree_verbs=_words(decreed, "verbs"),
            decreed_types=_types(decreed, "types"),
            agreed_verbs=_words(decreed, "agreed_verbs"),
            agreed_types=_types(decreed, "agreed_types"),
            claim_verbs=frozenset(str(w).lower() for w in (rules.get("responsibility_claims") or {}).get("verbs") or ()),
            claim_nouns=frozenset(str(w).lower() for w in (rules.get("responsibility_claims") or {}).get("nouns") or ()),
            refusal_when_negated=frozenset(str(w).lower() for w in rules.get("refusal_when_negated") or ()),
            light_verbs=_words(rules, "light_verbs"),
            occurrence_verbs=_words(rules, "occurrence_verbs"),
            recipient_preps=_words(rules, "recipient_preps"),
            target_preps=_words(rules, "target_preps"),
            reciprocal_modes={str(k).upper(): frozenset(str(m) for m in v or ())
                              for k, v in (rules.get("reciprocal_modes") or {}).items()},
            # the actors stage's list: what makes the object of "for" a participant at all
            destination_participles=_words(load_yaml("actors/rules.yaml", extra=data_paths), "for_heads"),
            carrier_nouns=_words(rules, "carrier_nouns"),
            quantity_nouns=_words(rules, "quantity_nouns"),
            intention_nouns=_words(rules, "intention_nouns"),
            agreement_nouns=_words(rules, "agreement_nouns"),
            proposal_nouns=_words(rules, "proposal_nouns"),
            adoption_verbs=_words(rules, "adoption_verbs"),
            obligation_aux=_words(rules, "obligation_aux"),
            obligation_self_subjects=_words(rules, "obligation_self_subjects"),
            charge_words=_words(rules, "charge_words"),
            charge_preps=_words(rules, "charge_preps"),
            participle_agent_types=_types(rules, "participle_agent_types"),
            agent_idle_verbs=_words(rules, "agent_idle_verbs"),
            vehicle_motion_verbs=_words(rules, "vehicle_motion_verbs"),
            vehicle_nouns=_words(rules, "vehicle_nouns"),
            ramming_words=_words(rules, "ramming_words"),
            non_actor_doers=_words(rules, "non_actor_doers"),
            hypothetical_governors=_words(rules, "hypothetical_governors"),
            passive_infinitives=_words(rules, "passive_infinitives"),
            opinion_complements=_words(rules, "opinion_complements"),
            claim_complements=_words(rules, "claim_complements"),
            restated_purpose_types=_types(rules, "restated_purpose_types"),
            hosted_gatherings=_words(rules, "hosted_gatherings"),
            gathering_causes=_words(rules, "gathering_causes"),
            duty_aux=_words(rules, "duty_aux"),
            admission_verbs=_words(rules, "admission_verbs"),
            audience_sectors=frozenset(str(x).upper() for x in rules.get("audience_sectors") or ()),
            admitted_types=frozenset(str(t).upper() for t in rules.get("admitted_types") or ()),
            future_aux=_words(rules, "future_aux"),
            future_governors=_words(rules, "future_governors"),
            hyp_aux=_words(rules, "hypothetical_aux"),
            hyp_marks=_words(rules, "hypothetical_marks"),
            habitual_marks=_words(rules, "habitual_marks"),
            hyp_modifiers=_words(rules, "hypothetical_modifiers"),
            neg_words=_words(rules, "negation_words"),
            neg_governors=_words(rules, "negation_governors"),
            speech_verbs=_words(rules, "speech_verbs"),
            attribution=_cues(rules, "attribution_preps"),
            credit_nouns=_words(rules, "credit_nouns"),
            credit_cues=_cues(rules, "credit_cues"),
            evaluations=Evaluations.load(data_paths),
            implicit_agents=MappingProxyType({str(k): (str(v[0]).upper(), str(v[1]), *(str(x) for x in v[2:]))
                                              for k, v in (rules.get("implicit_agents") or {}).items()}),
            implicit_protest=MappingProxyType({str(k): (str(v[0]).upper(), str(v[1]))
                                               for k, v in (rules.get("implicit_protest") or {}).items()}),
            implicit_targets=MappingProxyType({str(k).upper(): (str(v[0]).upper(), str(v[1]))
                                               for k, v in (rules.get("implicit_targets") or {}).items()}),
            anaphora_types=_types(rules, "anaphora_types"),
            event_nouns=MappingProxyType({str(k).lower(): tuple(str(t).upper() if t not in ("any", "act") else t for t in v)
                                          for k, v in (rules.get("event_nouns") or {}).items()}),
            anaphora_sentences=int(rules.get("anaphora_sentences") or 0),
            speech_nouns=_words(rules, "speech_nouns"),
            act_excludes=_types(rules, "act_excludes"),
            suspect_of_types=_types(rules, "suspect_of_types"),
            suspect_types=_types(rules, "suspect_types"),
            suspect_links=frozenset(str(w).lower() for w in rules.get("suspect_links") or ()),
            doer_nouns=_words(rules, "doer_nouns"),
            doer_preps=_words(rules, "doer_preps"),
            instrument_verbs=_words(rules, "instrument_verbs"),
            stative_participles=_words(rules, "stative_participles"),
            action_nouns=_words(rules, "action_nouns"),
            country_names=MappingProxyType({r["iso3"]: r["name"] for r in load_tsv("actors/countries.tsv",
                                                                                     extra=data_paths)}),
        )
