"""Real news scored strictly: the hand-annotated Wikinews development set (and the seed).

``shared/gold/wikinews_events_dev/<id>.json`` holds, per article, hand-made
expectations in the format of ``shared/seed/expected.json`` (its README gives the
conventions); the article texts come from ``shared/corpus/wikinews/wikinews.jsonl``
by ``id`` and each article runs with its ``published`` date. The rules are the
README's "Scoring rules (strict)":

event (recall, must entries)
    Met when an emitted event whose evidence sentence holds the start of
    ``sentence_starts`` (``evidence.start <= pos < evidence.end``) has an
    ``event_type`` in ``types``, every code of ``actors`` among its actors' codes and,
    when ``recipients`` is given, at least one of those codes among its recipients'
    codes (for a reciprocal event, actors and recipients are pooled). Modes, dates
    and places are not required. Codes are compared as emitted, exactly.
event precision (proxy)
    The share of emitted events whose sentence and type match some expected event
    (must or optional) of the article.
events without an actor code
    The share of emitted events none of whose actors has a code.
quote (recall, must entries)
    Met when an emitted quote's content contains ``content_contains`` and its
    speaker's canonical name contains the last word of ``speaker`` (ignoring case).
quote precision
    The share of emitted speech quotes (kinds direct, indirect, mixed) whose content
    span overlaps the span of some expected quote's ``content_contains`` (must or
    optional). The expectations list quotations and reported statements by someone, not
    stances toward a thing named by a noun phrase ("criticized the move": kind ``stance``,
    :mod:`newsevents.quotes.kinds`) nor claims reported with no one named ("X is believed
    to remain": kind ``unsourced``), so those are outside its scope;
    ``quotes_precision_all`` keeps every emitted quote in the denominator. Recall
    counts quotes of every kind.
place (recall, must entries)
    An emitted place whose text equals ``mention`` (ignoring case), with its country
    in ``country`` and, where ``lat``/``lon`` are given, within ``tolerance_km``.
place precision
    The share of emitted places whose text equals (ignoring case) the ``mention`` of
    some expected place (must or optional).
date (recall, must entries)
    An emitted temporal expression whose text equals ``mention`` (ignoring case) and
    whose value equals ``value``; a ``TIME`` value is compared by its calendar part
    (``2020-05-05TNI`` for "that night" gives the day 2020-05-05, which is what the
    expectations hold: days, months, years, weeks). A must entry is also met by an
    optional entry that is another extent of the same expression, met the same way
    (:func:`alternative_extents`: "Saturday morning" for "Saturday" where the text has
    only "On Saturday morning"; the README calls optional entries alternative readings).
date precision
    The share of emitted *dates* whose text and value match some expected date
    (must or optional). A date here is a ``DATE`` or ``TIME`` record with a calendar
    value (a day, month, year, week, season, decade or century: the value starts
    with digits), the records a timeline can place; durations ("for three years",
    ``DURATION``), sets ("annually", ``SET``) and undated references ("now",
    "recently": ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``) are typed as such by
    TIMEX3 and are outside the expectations' scope (their README: a date's value is
    a day, ``YYYY-MM``, ``YYYY`` or a week). ``dates_precision_all`` keeps every
    temporal expression in the denominator.
event place, event date
    ``events_place`` (``events_place_country``) and ``events_date``: the share of emitted events
    matching an expected event that gives a place (a date) whose place (date) meets it
    (:mod:`.event_setting`).

Source of the rules: ``shared/gold/wikinews_events_dev/README.md`` and the issue
that asked for this scorer ("Events right on real news").
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from ..records import ArticleAnalysis, Event
from .common import place_failures, safe_div
from .event_setting import check_event_settings
from .events import Scored

__all__ = ["load_wikinews_dev", "score_realnews", "check_article", "event_meets"]

DEV_DIR = "gold/wikinews_events_dev"
#: quote kinds outside the scope of quote precision: no statement, or no one who states it
NOT_SPEECH = ("stance", "unsourced")
CORPUS = "corpus/wikinews/wikinews.jsonl"


def load_wikinews_dev(root: Path) -> list[dict]:
    """Read the development set with the article texts.

    root (Path): the shared folder (holding ``gold/`` and ``corpus/``).
    RETURNS (list[dict]): one expectations dict per article, sorted by id, with
        ``text`` (and ``title``) added from the corpus.
    RAISES FileNotFoundError: the folder or the corpus is missing; KeyError: an
        expectations file names an article the corpus lacks.
    """
    folder = root / DEV_DIR
    files = sorted(folder.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"No expectations in {folder}")
    texts = {}
    with open(root / CORPUS, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                texts[rec["id"]] = rec
    out = []
    for path in files:
        exp = json.loads(path.read_text(encoding="utf-8"))
        art = texts[exp["id"]]
        out.append({**exp, "text": art["text"], "title": art.get("title")})
    return out


def _codes(refs) -> set:
    return {r.code for r in refs if r.code}


def _in_sentence(e: Event, pos: int) -> bool:
    return e.evidence.start <= pos < e.evidence.end


def event_meets(e: Event, exp: dict) -> list[str]:
    """What an event lacks to meet an expected event by the strict rule.

    e (Event): an emitted event (its sentence is checked by the caller).
    exp (dict): the expected entry (``types``, ``actors``, optional ``recipients``).
    RETURNS (list[str]): the failures; empty when it meets the entry.
    """
    why = []
    if e.event_type not in exp.get("types", []):
        why.append(f"type {e.event_type} not in {exp.get('types')}")
    act, rec = _codes(e.actors), _codes(e.recipients)
    pool_a = act | rec if e.reciprocal else act
    pool_r = act | rec if e.reciprocal else rec
    missing = [c for c in exp.get("actors", []) if c not in pool_a]
    if missing:
        why.append(f"actors {sorted(act)} lack {missing}")
    if exp.get("recipients") and not pool_r & set(exp["recipients"]):
        why.append(f"recipients {sorted(rec)} have none of {exp['recipients']}")
    return why


def _brief(e: Event) -> str:
    act = ",".join(a.code or "-" for a in e.actors)
    rec = ",".join(r.code or "-" for r in e.recipients)
    return f"{e.event_type}({act}->{rec}{' recip' if e.reciprocal else ''}) {e.trigger.text!r}"


def _check_events(an: ArticleAnalysis, exp_events: list) -> tuple[list, list]:
    text = an.text
    checks = []
    positions = []
    for exp in exp_events:
        pos = text.find(exp["sentence_starts"])
        positions.append(pos)
        cands = [e for e in an.events if pos >= 0 and _in_sentence(e, pos)]
        met, why = False, "sentence_starts not found" if pos < 0 else "no event in the sentence"
        best = None
        for e in cands:
            fails = event_meets(e, exp)
            if not fails:
                met, why = True, f"met by {e.id} {_brief(e)}"
                break
            if best is None or len(fails) < len(best[1]):
                best = (e, fails)
        if not met and best is not None:
            why = f"closest {best[0].id} {_brief(best[0])}: " + "; ".join(best[1])
        checks.append({"kind": "events", "item": exp, "met": met, "why": why,
                       "emitted": [_brief(e) for e in cands]})
    matched = []
    for e in an.events:
        matched.append(any(pos >= 0 and _in_sentence(e, pos) and e.event_type in exp.get("types", [])
                           for exp, pos in zip(exp_events, positions)))
    return checks, matched


def _last_word(name: str) -> str:
    words = name.split()
    return words[-1].lower() if words else ""


def _check_quotes(an: ArticleAnalysis, exp_quotes: list) -> tuple[list, list]:
    checks = []
    spans = []
    for exp in exp_quotes:
        needle = exp["content_contains"]
        pos = an.text.find(needle)
        spans.append((pos, pos + len(needle)) if pos >= 0 else None)
        found = [q for q in an.quotes if needle in q.content.text]
        last = _last_word(exp.get("speaker", ""))
        met = any(q.speaker and last in q.speaker.canonical.lower() for q in found)
        if met:
            why = "met"
        elif not found:
            why = "no quote content contains the text"
        else:
            why = "speakers " + ", ".join(repr(q.speaker.canonical if q.speaker else None) for q in found)
        checks.append({"kind": "quotes", "item": exp, "met": met, "why": why})
    matched = [any(s and q.content.start < s[1] and s[0] < q.content.end for s in spans) for q in an.quotes]
    return checks, matched


def _check_places(an: ArticleAnalysis, exp_places: list) -> tuple[list, list]:
    checks = []
    for exp in exp_places:
        found = [p for p in an.places if p.text.lower() == exp["mention"].lower()]
        met, why = False, "no place with this text"
        for p in found:
            fails = place_failures(p, exp)
            if not fails:
                met, why = True, f"met by {p.id}"
                break
            why = "; ".join(fails)
        checks.append({"kind": "places", "item": exp, "met": met, "why": why})
    names = {e["mention"].lower() for e in exp_places}
    matched = [p.text.lower() in names for p in an.places]
    return checks, matched


def date_value(d) -> Optional[str]:
    """The value a date is compared by: a ``TIME`` value's calendar part ("2020-05-05TNI" -> "2020-05-05")."""
    v = d.value
    if d.type == "TIME" and v and "T" in v:
        return v.split("T", 1)[0] or v
    return v


def is_calendar_date(d) -> bool:
    """A ``DATE``/``TIME`` record with a calendar value (``2019-06-30``, ``2019-W26``, ``197``), not a duration,
    a set or an undated reference (``PRESENT_REF``)."""
    return d.type in ("DATE", "TIME") and bool(d.value) and d.value[:2].isdigit()


def _occurrences(text: str, needle: str) -> list:
    """(start, end) of each whole-word, case-insensitive occurrence of ``needle`` in ``text``."""
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)
    return [m.span() for m in pat.finditer(text)]


def alternative_extents(text: str, exp: dict, exp_dates: list) -> list:
    """The optional entries that are another extent of the same expression as ``exp``.

    An optional date entry with the same value whose mention holds ``exp``'s mention, when every
    occurrence of ``exp``'s mention in the text lies inside an occurrence of it: "Saturday morning"
    for "Saturday" where the text says only "On Saturday morning" (the README: optional entries are
    alternative readings; the entry's note: "the whole phrase is also fine"). Not "June of this
    year" for "June" when "since June" also occurs: that is another expression.
    RETURNS (list[dict]): those entries.
    """
    mention = exp["mention"].lower()
    own = _occurrences(text, exp["mention"])
    out = []
    for alt in exp_dates:
        if alt is exp or alt.get("must") or alt.get("value") != exp.get("value"):
            continue
        if mention not in alt["mention"].lower() or alt["mention"].lower() == mention:
            continue
        spans = _occurrences(text, alt["mention"])
        if own and all(any(a <= s and e <= b for a, b in spans) for s, e in own):
            out.append(alt)
    return out


def _check_dates(an: ArticleAnalysis, exp_dates: list) -> tuple[list, list]:
    checks = []
    for exp in exp_dates:
        found = [d for d in an.dates if d.text.lower() == exp["mention"].lower()]
        met = any(date_value(d) == exp["value"] for d in found)
        why = "met" if met else (f"values {[d.value for d in found]} != {exp['value']!r}" if found
                                  else "no temporal expression with this text")
        if not met and exp.get("must"):
            for alt in alternative_extents(an.text, exp, exp_dates):
                if any(d.text.lower() == alt["mention"].lower() and date_value(d) == exp["value"] for d in an.dates):
                    met, why = True, f"met by its alternative extent {alt['mention']!r}"
                    break
        checks.append({"kind": "dates", "item": exp, "met": met, "why": why})
    pairs = {(e["mention"].lower(), e["value"]) for e in exp_dates}
    matched = [(d.text.lower(), date_value(d)) in pairs for d in an.dates]
    return checks, matched


def check_article(analysis: ArticleAnalysis, expected: dict) -> tuple[list, dict]:
    """Check one article against its expectations by the strict rules.

    analysis (ArticleAnalysis): the pipeline's output for the article.
    expected (dict): the article's expectations (``events``, ``quotes``, ``places``, ``dates``).
    RETURNS (tuple[list, dict]): one ``{kind, item, met, why}`` per expected entry
        (events also carry ``emitted``: the events of that sentence), and per kind
        the list of booleans "this emitted record matches an expected one" used for
        precision (for ``dates`` only the calendar dates, :func:`is_calendar_date`;
        ``dates_all`` every temporal expression; for ``quotes`` the speech quotes, not
        kinds ``stance`` and ``unsourced``; ``quotes_all`` every quote), plus ``no_actor_code``: per
        emitted event, True when none of its actors has a code; ``event_place``,
        ``event_place_country``, ``event_date``: per emitted event scored for its place (date),
        whether it meets it; ``settings``: those checks (:func:`.event_setting.check_event_settings`).
    """
    checks, matched = [], {}
    for kind, fn in (("events", _check_events), ("quotes", _check_quotes),
                     ("places", _check_places), ("dates", _check_dates)):
        c, m = fn(analysis, expected.get(kind) or [])
        checks.extend(c)
        matched[kind] = m
    matched["no_actor_code"] = [not _codes(e.actors) for e in analysis.events]
    matched["quotes_all"] = matched["quotes"]
    matched["quotes"] = [m for m, q in zip(matched["quotes_all"], analysis.quotes) if q.kind not in NOT_SPEECH]
    matched["dates_all"] = matched["dates"]
    matched["dates"] = [m for m, d in zip(matched["dates_all"], analysis.dates) if is_calendar_date(d)]
    positions = [analysis.text.find(e["sentence_starts"]) for e in expected.get("events") or []]
    settings = check_event_settings(analysis, expected, positions)
    matched["event_place"] = [c["met"] for c in settings if c["kind"] == "event_place"]
    matched["event_place_country"] = [c["country_met"] for c in settings if c["kind"] == "event_place"]
    matched["event_date"] = [c["met"] for c in settings if c["kind"] == "event_date"]
    matched["settings"] = settings
    return checks, matched


def _label(check: dict) -> str:
    it = check["item"]
    return (it.get("sentence_starts") or it.get("content_contains") or it.get("mention") or "?")[:60]


def score_realnews(pairs: list, hide_items: bool = False) -> Scored:
    """Score ``(expected dict, ArticleAnalysis)`` pairs by the strict rules of the module docstring.

    RETURNS (Scored): metrics ``events_recall``, ``events_precision``,
        ``events_no_actor_code`` (lower is better), ``quotes_recall``,
        ``quotes_precision`` (speech quotes), ``quotes_precision_all`` (every quote), ``places_recall``, ``places_precision``,
        ``dates_recall``, ``dates_precision`` (calendar dates), ``dates_precision_all``
        (every temporal expression), ``events_place``, ``events_place_country``, ``events_date``
        (emitted events with the expected place, its country, the expected date), ``optional_met`` (share of the
        optional entries met); ``n`` is the number
        of must entries. Items: one per expected entry, with the article id, the
        entry, ``predicted`` (why it is or is not met, and for events what was
        emitted in its sentence) and ``ok``; then one item (``must`` None) per event place or date
        scored, id ``<article>:event_place:<sentence_starts>:<event id>`` (``event_date``).
    """
    matched = {"events": [], "quotes": [], "quotes_all": [], "places": [], "dates": [], "dates_all": [],
               "no_actor_code": [], "event_place": [], "event_place_country": [], "event_date": [], "settings": []}
    checks = []
    unmatched: list = []
    for expected, an in pairs:
        c, m = check_article(an, expected)
        for chk in c:
            chk["article"] = str(expected.get("id"))
        checks.extend(c)
        for c in m["settings"]:
            c["article"] = str(expected.get("id"))
        for k, v in m.items():
            matched[k].extend(v)
        unmatched.extend(_unmatched(an, m, str(expected.get("id")), hide_items))
    must = [c for c in checks if c["item"].get("must")]
    opt = [c for c in checks if not c["item"].get("must")]
    metrics: dict = {}
    for kind in ("events", "quotes", "places", "dates"):
        ks = [c for c in must if c["kind"] == kind]
        metrics[f"{kind}_recall"] = safe_div(sum(c["met"] for c in ks), len(ks))
        metrics[f"{kind}_precision"] = safe_div(sum(matched[kind]), len(matched[kind]))
        if kind == "events":
            metrics["events_no_actor_code"] = safe_div(sum(matched["no_actor_code"]), len(matched["no_actor_code"]))
            for k in ("event_place", "event_place_country", "event_date"):
                metrics[k.replace("event_", "events_")] = safe_div(sum(matched[k]), len(matched[k]))
        if kind == "quotes":
            metrics["quotes_precision_all"] = safe_div(sum(matched["quotes_all"]), len(matched["quotes_all"]))
        if kind == "dates":
            metrics["dates_precision_all"] = safe_div(sum(matched["dates_all"]), len(matched["dates_all"]))
    metrics["optional_met"] = safe_div(sum(c["met"] for c in opt), len(opt))
    items = []
    for c in checks:
        predicted = c["why"] if c["kind"] != "events" else {"why": c["why"], "emitted": c["emitted"]}
        rec = {"id": f"{c['article']}:{c['kind']}:{_label(c)}", "excerpt": _label(c), "must": bool(c["item"].get("must")),
               "ok": c["met"]}
        if not hide_items:
            rec.update(gold=c["item"], predicted=predicted)
        items.append(rec)
    for c in matched["settings"]:
        rec = {"id": f"{c['article']}:{c['kind']}:{_label(c)}:{c['event']['event']}", "excerpt": _label(c),
               "must": None, "ok": c["met"]}
        if not hide_items:
            rec.update(gold=c["item"], predicted={"why": c["why"], **c["event"]})
        items.append(rec)
    items.extend(unmatched)
    return Scored(metrics, [], items, len(must))


def _unmatched(an: ArticleAnalysis, matched: dict, article: str, hide_items: bool) -> list:
    """Items for the emitted quotes, places and dates that match no expected entry (the precision misses).

    Each has ``must: None`` and ``ok: False``; its id is ``<article>:<kind>+:<text>`` and,
    unless ``hide_items``, ``predicted`` holds the record (text, resolution, offset) and
    ``context`` the text around it, the record in brackets.
    """
    out = []
    for kind, records in (("quotes", an.quotes), ("places", an.places), ("dates", an.dates)):
        for rec, ok in zip(records, matched.get(kind + "_all" if kind in ("dates", "quotes") else kind, [])):
            if ok:
                continue
            ev = rec.content if kind == "quotes" else rec.evidence
            text = ev.text
            item = {"id": f"{article}:{kind}+:{text[:60]}", "excerpt": text[:60], "must": None, "ok": False}
            if not hide_items:
                pred = rec.model_dump(exclude={"evidence"})
                pred["start"] = ev.start
                a, b = ev.start, ev.end
                item.update(gold=None, predicted=pred,
                            context=an.text[max(0, a - 80):a] + "[" + an.text[a:b] + "]" + an.text[b:b + 80])
            out.append(item)
    return out

