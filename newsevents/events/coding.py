"""Coding an event: PLOVER type and mode, CAMEO root, Goldstein score, quad class.

:class:`PloverTables` reads ``data/events/plover.yaml``. :func:`code_event` chooses the type and
mode of a matched trigger -- riots ("police clashed with protesters"), the mode a frame verb
takes from its absorbed complement (rules.yaml ``frame_modes``), "asspeech" accusations, the
promotions of future, hypothetical and refused events (``*_promotion``), CAMEO 19 for
conventional force -- and :func:`code_type` looks up its CAMEO root, Goldstein score and quad
class.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..data import load_yaml
from .implicit import agentless_passive
from .triggers import Match, complements

if TYPE_CHECKING:
    from .rules import EventRules

__all__ = ["PloverTables", "code_event", "code_type", "promotions"]


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


def promotions(spec) -> dict:
    """{target: [source types]} (rules.yaml ``*_promotion``) -> {source type: target}."""
    out = {}
    for target, sources in (spec or {}).items():
        for src in sources:
            out[src] = target
    return out


def code_type(tables: PloverTables, event_type: str, mode: Optional[str], cameo: Optional[str]) -> tuple:
    """RETURNS (tuple): ``(mode, CAMEO root, Goldstein score, quad class)``; a mode the type does
    not have is dropped; ``cameo`` (a pattern's override) wins over the tables."""
    if mode and mode not in tables.modes(event_type):
        mode = None
    root = cameo.zfill(2)[:2] if cameo else tables.cameo_for(event_type, mode)
    return mode, root, tables.goldstein(root), tables.quad_class(root)


def _words_in_class(rules: "EventRules", m: Match, cls_name: str) -> bool:
    """Whether a word of the pattern, or the trigger's object, is in the object class ``cls_name``
    (rules.yaml ``object_classes``): "failed to reach agreement", "did not accept the offer"."""
    cls = rules.object_classes.get(cls_name, frozenset())
    words = list(m.tokens) + [c for c in m.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(w.lemma_.lower() in cls or w.lower_ in cls for w in words)


def code_event(rules: "EventRules", m: Match, matches: dict, flags: dict, actors_t: list, recips_t: list,
               refs: list) -> tuple:
    """Type and code the event of ``m``.

    matches (dict[int, Match]): every match of the article (for absorbed complements).
    flags (dict): the event's flags (:func:`~.flags.event_flags`); updated here: an obligation
        is ``reported``, a refusal promoted to REJECT is no longer ``negated``.
    actors_t, recips_t (list[Token]): argument heads; refs (list[ActorRef]): actors + recipients.
    RETURNS (tuple): ``(event type, mode, CAMEO root, Goldstein score, quad class)``.
    """
    pat = m.pattern
    etype, mode, cameo = pat.event_type, pat.mode, pat.cameo
    if mode is None and m.means is not None:
        mode = m.means.pattern.mode  # "killed X in an airstrike": aerial
    if etype == "ASSAULT" and m.head.lemma_.lower() in rules.riot_triggers and any(
            t.lemma_.lower() in rules.protester_nouns or t.lower_ in rules.protester_nouns
            for a in actors_t + recips_t for t in [a] + list(a.conjuncts)):
        etype, mode, cameo = "PROTEST", "riot", None  # "police clashed with protesters"
    if "obligation" in pat.flags:
        for cm in matches.values():
            if cm.absorbed_by is m:
                mode = (rules.frame_modes.get(etype) or {}).get(cm.pattern.event_type, mode)
    elif "frame" in pat.flags:
        for comp in complements(m.head):
            cm = matches.get(comp.i)
            if cm is not None and cm.absorbed_by is m:
                mode = (rules.frame_modes.get(etype) or {}).get(cm.pattern.event_type, mode)
                break
    if "asspeech" in pat.flags and any(c.dep_ == "ccomp" for c in m.head.children):
        etype, mode, cameo = "ACCUSE", "disapprove", None
    target = None
    if "obligation" in pat.flags:
        flags["reported"] = True
    elif flags["negated"]:
        if flags["future"] or flags["refused"] or m.head.lemma_.lower() in rules.refusal_when_negated:
            target = rules.neg_promotion.get(etype)
    elif flags["future"] and not flags["hypothetical"] and "nofut" not in pat.flags:
        target = rules.promotion.get(etype)
        if target == "AGREE" and pat.pos == "V" and agentless_passive(m.head):
            # (PLOVER: a cooperative act in the future tense is a promise of the one who will do
            # it; "his family would be consulted" names nobody who promises. A threat stays one:
            # "soldiers who rape will be shot")
            target = None
    elif flags["hypothetical"] and not flags.get("unpromoted") and "nofut" not in pat.flags:
        target = rules.hyp_promotion.get(etype)
    if target:
        mode = (rules.frame_modes.get(target) or {}).get(etype) if target in rules.frame_modes else None
        needed = rules.promotion_mode_objects.get(etype)
        if mode and needed and not _words_in_class(rules, m, needed):
            mode = None  # "will not accept attempts to intimidate": no refusal to negotiate
        if target == "REJECT":
            flags["negated"] = False  # the refusal itself happened
        etype, cameo = target, None
    if etype == "ASSAULT" and cameo is None and mode is None and (
            m.head.lemma_.lower() in rules.conventional_triggers
            or any((r.sector or "").upper() in rules.conventional_sectors for r in refs)):
        cameo = "19"  # CAMEO 19 FIGHT: conventional force by or on armed forces/groups (rules.yaml)
    return (etype,) + code_type(rules.tables, etype, mode, cameo)
