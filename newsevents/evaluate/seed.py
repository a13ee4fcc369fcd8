"""The seed article check: /work/shared/seed/expected.json against dmz-meeting.txt.

``expected.json`` lists, per kind, what an analyst would accept; an entry
with ``"must": true`` has to be found. :func:`seed_check` tells, entry by
entry, whether an :class:`~newsevents.records.ArticleAnalysis` meets it.

Matching rules (codes are compared exactly, as ISO 3166 alpha-3 + PLOVER
sector, the form ``expected.json`` uses):

events
    The expected event's sentence is located by finding its
    ``sentence_starts`` text in the article; sentences are cut by a simple
    rule (``.``, ``!`` or ``?``, optional closing quote/bracket, whitespace,
    then a capital, digit or opening quote). A predicted event is a
    candidate when its trigger starts in that sentence or in the sentence
    right after it (the hand-made notes sometimes describe the following
    sentence, e.g. "resume talks"), or its evidence span contains the
    ``sentence_starts`` position. A candidate meets the entry when:

    * its ``event_type`` is in ``types``;
    * if ``modes`` is given, its mode is in it (``""`` means mode None);
    * every code in ``actors`` is among the codes of its actors (for a
      reciprocal event: its actors and recipients together);
    * if ``recipients`` is given: at least one of those codes is among its
      recipients (reciprocal: actors and recipients together), and none of
      its recipients' known codes falls outside ``actors`` + ``recipients``;
    * if ``date`` is given, ``event.date`` equals it;
    * if ``place`` is given, the ``Place.text`` of ``event.place`` contains it.
quotes
    A Quote with the same ``kind``, ``speaker.canonical`` equal to
    ``speaker``, cue text equal to ``cue`` ignoring case (if given), and
    content text containing ``content_contains``.
places
    A Place whose ``text`` equals ``mention``, whose ``country`` (ISO3) is in
    ``country``, and, if ``lat``/``lon`` are given, whose coordinates are
    within ``tolerance_km`` of them (haversine).
dates
    A TimeExpr whose text contains ``mention`` (ignoring case) and whose
    ``value`` equals ``value``.
actors
    (every entry is a must) an Actor mention whose ``text`` equals
    ``mention`` and whose ``canonical``, ``code`` and ``sector`` equal the entry's.

When an entry is not met, ``why`` says what the closest candidate lacked.
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import ArticleAnalysis
from .common import place_failures, safe_div
from .events import Scored
from .realnews import score_realnews

__all__ = ["seed_check", "score_seed", "KINDS", "sentence_bounds"]

KINDS = ("events", "quotes", "places", "dates", "actors")

_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Cut ``text`` into sentences with the simple rule of the module docstring.

    RETURNS (list[tuple[int, int]]): (start, end) character offsets, covering the text.
    """
    starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
    ends = starts[1:] + [len(text)]
    return list(zip(starts, ends))


def _event_failures(e, exp: dict, places: dict) -> list[str]:
    why = []
    if e.event_type not in exp.get("types", [e.event_type]):
        why.append(f"type {e.event_type} not in {exp['types']}")
    if "modes" in exp and (e.mode or "") not in exp["modes"]:
        why.append(f"mode {e.mode!r} not in {exp['modes']}")
    act = {a.code for a in e.actors} - {None}
    rec = {r.code for r in e.recipients} - {None}
    pool_a = act | rec if e.reciprocal else act
    pool_r = act | rec if e.reciprocal else rec
    missing = [c for c in exp.get("actors", []) if c not in pool_a]
    if missing:
        why.append(f"actors {sorted(act)} lack {missing}")
    if "recipients" in exp:
        allowed = set(exp.get("actors", [])) | set(exp["recipients"])
        if not pool_r & set(exp["recipients"]):
            why.append(f"recipients {sorted(rec)} have none of {exp['recipients']}")
        extra = sorted(pool_r - allowed)
        if extra:
            why.append(f"unexpected recipients {extra}")
    if exp.get("date") and e.date != exp["date"]:
        why.append(f"date {e.date} != {exp['date']}")
    if exp.get("place"):
        p = places.get(e.place) if e.place else None
        if p is None or exp["place"] not in p.text:
            why.append(f"place {p.text if p else None!r} lacks {exp['place']!r}")
    return why


def _check_event(an: ArticleAnalysis, exp: dict, bounds: list) -> tuple[bool, str]:
    text = an.text
    pos = text.find(exp["sentence_starts"])
    if pos < 0:
        return False, "sentence_starts text not found in the article"
    k = next(i for i, (s, e) in enumerate(bounds) if s <= pos < e or i == len(bounds) - 1)
    lo = bounds[k][0]
    hi = bounds[k + 1][1] if k + 1 < len(bounds) else bounds[k][1]
    cands = [e for e in an.events
             if lo <= e.trigger.start < hi or e.evidence.start <= pos < e.evidence.end]
    if not cands:
        return False, "no event in the sentence or the next one"
    places = {p.id: p for p in an.places}
    best: Optional[list] = None
    for e in cands:
        why = _event_failures(e, exp, places)
        if not why:
            return True, f"met by {e.id} ({e.event_type}, trigger {e.trigger.text!r})"
        if best is None or len(why) < len(best[1]):
            best = [e, why]
    e, why = best
    return False, f"closest {e.id} ({e.event_type}, trigger {e.trigger.text!r}): " + "; ".join(why)


def _check_quote(an: ArticleAnalysis, exp: dict) -> tuple[bool, str]:
    best = None
    for q in an.quotes:
        why = []
        if exp["content_contains"] not in q.content.text:
            continue
        if q.kind != exp["kind"]:
            why.append(f"kind {q.kind} != {exp['kind']}")
        spk = q.speaker.canonical if q.speaker else None
        if spk != exp["speaker"]:
            why.append(f"speaker {spk!r} != {exp['speaker']!r}")
        if exp.get("cue"):
            cue = q.cue.text if q.cue else None
            if (cue or "").lower() != exp["cue"].lower():
                why.append(f"cue {cue!r} != {exp['cue']!r}")
        if not why:
            return True, f"met by {q.id}"
        if best is None or len(why) < len(best[1]):
            best = (q, why)
    if best is None:
        return False, "no quote content contains the text"
    return False, f"closest {best[0].id}: " + "; ".join(best[1])


def _check_place(an: ArticleAnalysis, exp: dict) -> tuple[bool, str]:
    found = [p for p in an.places if p.text == exp["mention"]]
    if not found:
        return False, "no place with this text"
    why = []
    for p in found:
        why = place_failures(p, exp)
        if not why:
            return True, f"met by {p.id}"
    return False, "; ".join(why)



def _check_date(an: ArticleAnalysis, exp: dict) -> tuple[bool, str]:
    found = [d for d in an.dates if exp["mention"].lower() in d.text.lower()]
    if not found:
        return False, "no temporal expression with this text"
    for d in found:
        if d.value == exp["value"]:
            return True, f"met by {d.id}"
    return False, f"values {[d.value for d in found]} != {exp['value']!r}"


def _check_actor(an: ArticleAnalysis, exp: dict) -> tuple[bool, str]:
    found = [a for a in an.actors if a.text == exp["mention"]]
    if not found:
        return False, "no actor mention with this text"
    why: list = []
    for a in found:
        why = [f"{k} {getattr(a, k)!r} != {exp[k]!r}" for k in ("canonical", "code", "sector")
               if k in exp and getattr(a, k) != exp[k]]
        if not why:
            return True, f"met by {a.id}"
    return False, "; ".join(why)


def seed_check(analysis: ArticleAnalysis, expected: dict) -> list[dict]:
    """Check an analysis of the seed article against ``expected.json``.

    analysis (ArticleAnalysis): the result of ``extract(text, published=date(2019, 7, 1))``.
    expected (dict): the parsed ``expected.json``.
    RETURNS (list[dict]): one ``{kind, item, met, why}`` per entry, in file
        order per kind (kinds: events, quotes, places, dates, actors);
        ``item`` is the expected entry; actors entries count as must.
    """
    bounds = sentence_bounds(analysis.text)
    out = []
    for kind in KINDS:
        for exp in expected.get(kind, []):
            if kind == "events":
                met, why = _check_event(analysis, exp, bounds)
            elif kind == "quotes":
                met, why = _check_quote(analysis, exp)
            elif kind == "places":
                met, why = _check_place(analysis, exp)
            elif kind == "dates":
                met, why = _check_date(analysis, exp)
            else:
                met, why = _check_actor(analysis, exp)
            out.append({"kind": kind, "item": exp, "met": met, "why": why})
    return out


def _must(check: dict) -> bool:
    return check["kind"] == "actors" or bool(check["item"].get("must"))


def _label(check: dict) -> str:
    it = check["item"]
    return (it.get("sentence_starts") or it.get("content_contains") or it.get("mention") or "?")[:60]


def score_seed(pairs: list) -> Scored:
    """Score ``(expected dict, ArticleAnalysis)`` pairs (normally one, the seed article).

    RETURNS (Scored): ``must_met`` = share of must entries met, and per kind
        (``events``, ``quotes``, ``places``, ``dates``, ``actors``) the share of
        its must entries met; ``optional_met`` = share of the other entries met.
        ``events_strict`` = share of must events met under the strict rule of
        :mod:`.realnews` (sentence, type and countries; no mode, date or place).
        ``n`` is the number of must entries.
    """
    checks = []
    for expected, an in pairs:
        checks.extend(seed_check(an, expected))
    must = [c for c in checks if _must(c)]
    opt = [c for c in checks if not _must(c)]
    metrics = {"must_met": safe_div(sum(c["met"] for c in must), len(must))}
    for kind in KINDS:
        ks = [c for c in must if c["kind"] == kind]
        metrics[kind] = safe_div(sum(c["met"] for c in ks), len(ks))
    metrics["optional_met"] = safe_div(sum(c["met"] for c in opt), len(opt))
    # the same article under the strict rule of the real-news set (type and countries only)
    metrics["events_strict"] = score_realnews([(exp, an) for exp, an in pairs]).metrics["events_recall"]
    items = [{"id": f"{c['kind']}:{_label(c)}", "excerpt": _label(c), "gold": c["item"], "predicted": c["why"],
              "must": _must(c), "ok": c["met"]} for c in checks]
    return Scored(metrics, [], items, len(must))
