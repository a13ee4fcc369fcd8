"""Event scorers: PLOVER GSR, PETRARCH-2 validation (CAMEO dyads), CASE 2021 task 2.

Every scorer takes ``pairs``: a list of ``(gold_item, analysis)`` where
``gold_item`` is one line of the gold JSONL (a dict, formats in
/work/shared/gold/README.md) and ``analysis`` the
:class:`~newsevents.records.ArticleAnalysis` of its text, and returns a
:class:`Scored` (metrics, confusions, per-item records).

Conventions (shared by all three):

* Every predicted event counts, whatever its ``negated``/``future``/
  ``hypothetical`` flags (the gold sets code announced and negated events too,
  e.g. PETRARCH-2 ``NEG_0`` "would not provide support" = 121 REJECT).
* The **top event** of a sentence or snippet (:func:`top_event`) is the first
  event of ``analysis.events``: the events stage lists events in sentence order
  and, within a sentence, the main-clause event first (then reported and
  subordinate events by parse depth, then position), so the first event is the
  one the first sentence is about. Every other use of the events keeps list order.
* Actor codes are compared as 3-letter codes: gold codes through
  :func:`~.common.gold_code` (first 3 characters; JAP/ITL/VTN -> JPN/ITA/VNM;
  ``***``/``---`` = unknown = None), predicted codes through
  :func:`~.common.pred_code` (organisation codes -> ``IGO``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..records import ArticleAnalysis, Event
from .common import gold_code, norm_sector, pred_code, prf, safe_div

__all__ = ["Scored", "top_event", "score_plover", "score_petr2", "score_case2021", "confusion_list"]


@dataclass
class Scored:
    """What a scorer returns.

    metrics (dict[str, float | None]): metric name -> value (shares in 0..1, km for ``*_km``).
    confusions (list[list]): ``[gold, predicted, count]`` for wrong labels, most frequent first.
    items (list[dict]): one record per gold item: ``id``, ``excerpt``, ``gold``, ``predicted``, ``ok``.
    n (int): number of gold items scored.
    """

    metrics: dict
    confusions: list = field(default_factory=list)
    items: list = field(default_factory=list)
    n: int = 0


def confusion_list(counter: Counter) -> list:
    """Counter of (gold, predicted) -> ``[[gold, predicted, count], ...]``, most frequent first."""
    return [[g, p, c] for (g, p), c in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))]


def _excerpt(text: str, n: int = 200) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _ordered(analysis: ArticleAnalysis) -> list[Event]:
    """The events in the order the events stage ranks them (sentence, then salience)."""
    return list(analysis.events)


def top_event(analysis: ArticleAnalysis) -> Optional[Event]:
    """RETURNS (Event | None): the first event in the events stage's salience order."""
    ev = _ordered(analysis)
    return ev[0] if ev else None


def _brief(e: Event) -> dict:
    return {"type": e.event_type, "mode": e.mode, "actors": [a.code for a in e.actors],
            "recipients": [r.code for r in e.recipients], "reciprocal": e.reciprocal, "cameo": e.cameo,
            "trigger": e.trigger.text}


# -- PLOVER GSR -------------------------------------------------------------
def score_plover(pairs: list) -> Scored:
    """Score the PLOVER gold-standard records (one gold event per sentence).

    The **matched event** is the first predicted event (trigger order) of the
    gold type, else the top event. Metrics:

    * ``type_any``: share of sentences whose gold type is among the predicted types.
    * ``type_top``: share whose top event has the gold type.
    * ``actor_p/r/f``, ``recipient_p/r/f``: micro P/R/F1 of the sets of
      country/organisation codes of the matched event vs gold (unknown codes
      on either side are left out). For reciprocal gold events (all parties
      in ``actors``) the gold actors are compared with the matched event's
      actors and recipients together, and recipients are not scored.
      A sentence with no predicted event predicts no codes.
    * ``sector_acc``: share of gold actors/recipients with a known sector
      (sector prefix, e.g. ``CVLalb`` -> CVL, v0.5 MED -> JRN) for which the
      matched event has a participant on the same side with the same code
      (unknown matches unknown) and the same sector.
    * ``mode_acc``: over gold events with ``mode_v2``: the matched event has
      the gold type and ``mode == mode_v2``.
    """
    n = 0
    any_ok = top_ok = 0
    a_tp = a_pred = a_gold = 0
    r_tp = r_pred = r_gold = 0
    sec_ok = sec_n = 0
    mode_ok = mode_n = 0
    conf: Counter = Counter()
    items = []
    for gold, an in pairs:
        n += 1
        gtype = gold["event_type"]
        events = _ordered(an)
        types = {e.event_type for e in events}
        top = events[0] if events else None
        matched = next((e for e in events if e.event_type == gtype), top)
        any_ok += gtype in types
        t_ok = top is not None and top.event_type == gtype
        top_ok += t_ok
        if not t_ok:
            conf[(gtype, top.event_type if top else "NONE")] += 1
        # participants, side by side: (gold refs, predicted refs)
        p_act = list(matched.actors) if matched else []
        p_rec = list(matched.recipients) if matched else []
        if gold.get("reciprocal"):
            sides = [("actor", gold["actors"], p_act + p_rec)]
        else:
            sides = [("actor", gold["actors"], p_act), ("recipient", gold["recipients"], p_rec)]
        for side, grefs, prefs in sides:
            g = {gold_code(x["code"]) for x in grefs} - {None}
            p = {pred_code(x.code) for x in prefs} - {None}
            tp = len(g & p)
            if side == "actor":
                a_tp, a_pred, a_gold = a_tp + tp, a_pred + len(p), a_gold + len(g)
            else:
                r_tp, r_pred, r_gold = r_tp + tp, r_pred + len(p), r_gold + len(g)
            have = {(pred_code(x.code), norm_sector(x.sector)) for x in prefs}
            for x in grefs:
                gs = norm_sector(x.get("sector"))
                if gs is None:
                    continue
                sec_n += 1
                sec_ok += (gold_code(x["code"]), gs) in have
        if gold.get("mode_v2"):
            mode_n += 1
            mode_ok += bool(matched and matched.event_type == gtype and matched.mode == gold["mode_v2"])
        items.append({
            "id": gold["id"], "excerpt": _excerpt(gold["text"]),
            "gold": {"type": gtype, "mode": gold.get("mode_v2"), "reciprocal": gold.get("reciprocal"),
                     "actors": [x["code"] for x in gold["actors"]],
                     "recipients": [x["code"] for x in gold["recipients"]]},
            "predicted": [_brief(e) for e in events], "ok": t_ok,
        })
    ap, ar, af = prf(a_tp, a_pred, a_gold)
    rp, rr, rf = prf(r_tp, r_pred, r_gold)
    metrics = {
        "type_any": safe_div(any_ok, n), "type_top": safe_div(top_ok, n),
        "actor_p": ap, "actor_r": ar, "actor_f": af,
        "recipient_p": rp, "recipient_r": rr, "recipient_f": rf,
        "sector_acc": safe_div(sec_ok, sec_n), "mode_acc": safe_div(mode_ok, mode_n),
    }
    return Scored(metrics, confusion_list(conf), items, n)


# -- PETRARCH-2 ---------------------------------------------------------------
_UNK = "---"


def _root(cameo: Optional[str]) -> Optional[str]:
    return cameo.strip()[:2] if cameo and len(cameo.strip()) >= 2 else None


def event_dyads(e: Event) -> set:
    """The CAMEO dyads (source country, target country, root) a predicted event stands for.

    Non-reciprocal: every actor x every recipient (a missing side is ``---``).
    Reciprocal: every ordered pair of distinct participants (actors and
    recipients together), as PETRARCH-2 codes a meeting of A, B, C as six
    events (gold ``COOP_0``). Countries are :func:`~.common.pred_code`, unknown = ``---``.
    RETURNS (set[tuple[str, str, str | None]]).
    """
    root = _root(e.cameo)
    code = lambda r: pred_code(r.code) or _UNK  # noqa: E731
    if e.reciprocal:
        parts = sorted({code(r) for r in list(e.actors) + list(e.recipients)})
        if len(parts) < 2:
            return {(parts[0] if parts else _UNK, _UNK, root)}
        return {(a, b, root) for a in parts for b in parts if a != b}
    src = {code(r) for r in e.actors} or {_UNK}
    tgt = {code(r) for r in e.recipients} or {_UNK}
    return {(a, b, root) for a in src for b in tgt}


def gold_dyad(ev: dict) -> tuple:
    """A PETRARCH-2 gold event -> (source country, target country, CAMEO root); unknown = ``---``."""
    return (gold_code(ev["source"]) or _UNK, gold_code(ev["target"]) or _UNK, _root(ev["cameo"]))


def score_petr2(pairs: list) -> Scored:
    """Score the PETRARCH-2 validation sentences.

    * ``dyad_p/r/f``: micro P/R/F1 over per-sentence sets of dyads (source
      country, target country, CAMEO root code): a predicted dyad is right
      when all three equal a gold dyad of the same sentence. Country = first
      3 characters of the code; ``---`` (unknown) matches only an unknown
      (code None) participant. The predicted root is ``Event.cameo[:2]``.
      Predicted dyads on no-event sentences count as false positives.
    * ``root_acc``: share of gold events whose CAMEO root is the root of some
      predicted event in the sentence (actors ignored).
    * ``noevent_false``: share of the no-event sentences (no gold event) with
      at least one predicted event; ``noevent_false_events``: their number of
      predicted events per no-event sentence. Lower is better for both.
    Sentences with an empty text (one in the file, ``abc12_3``) are skipped.
    """
    tp = n_pred = n_gold = 0
    root_ok = root_n = 0
    ne_n = ne_any = ne_events = 0
    n = 0
    conf: Counter = Counter()
    items = []
    for gold, an in pairs:
        if not (gold.get("text") or "").strip():
            continue
        n += 1
        g = {gold_dyad(ev) for ev in gold["events"]}
        p: set = set()
        for e in an.events:
            p |= event_dyads(e)
        roots = {_root(e.cameo) for e in an.events}
        hit = g & p
        tp, n_pred, n_gold = tp + len(hit), n_pred + len(p), n_gold + len(g)
        top = top_event(an)
        for ev in gold["events"]:
            r = _root(ev["cameo"])
            root_n += 1
            if r in roots:
                root_ok += 1
            else:
                conf[(r, (_root(top.cameo) or "??") if top else "NONE")] += 1
        if not gold["events"]:
            ne_n += 1
            ne_any += bool(an.events)
            ne_events += len(an.events)
        items.append({
            "id": gold["id"], "excerpt": _excerpt(gold["text"]),
            "gold": sorted(["/".join(x if x else "?" for x in d) for d in g]),
            "predicted": sorted(["/".join(x if x else "?" for x in d) for d in p]),
            "ok": g == p,
        })
    dp, dr, df = prf(tp, n_pred, n_gold)
    metrics = {"dyad_p": dp, "dyad_r": dr, "dyad_f": df, "root_acc": safe_div(root_ok, root_n),
               "noevent_false": safe_div(ne_any, ne_n), "noevent_false_events": safe_div(ne_events, ne_n)}
    return Scored(metrics, confusion_list(conf), items, n)


# -- CASE 2021 task 2 -----------------------------------------------------------
NONE_LABEL = "NONE"


def score_case2021(pairs: list) -> Scored:
    """Score CASE 2021 task 2 snippets against their PLOVER label.

    Predicted label = the top event's type, or ``NONE`` when no event was
    found; gold label = ``plover`` or ``NONE`` when null (null = "no PLOVER
    type for this ACLED label", README §3; it is a class here as asked).

    * ``accuracy``: share of snippets with predicted == gold.
    * ``macro_f1``: mean per-class F1 over the classes present in the gold
      (the 7 PLOVER types of the file and NONE). A prediction of a type that
      is not a gold class counts as a miss of the gold class; that type gets
      no F1 of its own.
    * ``typed_acc``: accuracy over snippets with a non-null gold type.
    * ``typed_any``: over those, share whose gold type is among any predicted event's type.
    """
    conf: Counter = Counter()
    gold_n: Counter = Counter()
    pred_n: Counter = Counter()
    tp: Counter = Counter()
    ok = typed_ok = typed_n = typed_any = 0
    items = []
    for gold, an in pairs:
        g = gold.get("plover") or NONE_LABEL
        top = top_event(an)
        p = top.event_type if top else NONE_LABEL
        gold_n[g] += 1
        pred_n[p] += 1
        if g == p:
            tp[g] += 1
            ok += 1
        else:
            conf[(g, p)] += 1
        if g != NONE_LABEL:
            typed_n += 1
            typed_ok += g == p
            typed_any += g in {e.event_type for e in an.events}
        items.append({"id": gold["id"], "excerpt": _excerpt(gold["text"]),
                      "gold": {"plover": g, "label": gold.get("label")},
                      "predicted": [_brief(e) for e in _ordered(an)], "ok": g == p})
    n = len(items)
    f1s = [prf(tp[c], pred_n[c], gold_n[c])[2] for c in sorted(gold_n)]
    metrics = {"accuracy": safe_div(ok, n), "macro_f1": safe_div(sum(f1s), len(f1s)),
               "typed_acc": safe_div(typed_ok, typed_n), "typed_any": safe_div(typed_any, typed_n)}
    return Scored(metrics, confusion_list(conf), items, n)
