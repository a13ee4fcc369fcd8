"""Geoparsing scorer (GeoWebNews, LGL, TR-News, GeoVirus) and TIMEX scorer (TempEval-3).

Geoparsing, after Gritta et al., "A Pragmatic Guide to Geoparsing
Evaluation" (LREV 2019):

* toponym recognition: gold toponyms (every annotated toponym, resolved or
  not) vs predicted :class:`~newsevents.records.Place` evidence spans,
  one-to-one, matched on character overlap (``toponym_p/r/f``), and on
  identical offsets (``toponym_exact_f``).
* geocoding, over the overlap-matched gold toponyms that have gold
  coordinates (``resolved``): ``acc161`` = share whose predicted point is
  within 161 km (100 miles) of the gold point (a prediction without
  coordinates is a miss); ``median_km`` / ``mean_km`` = great-circle error
  (haversine, R = 6371.0088 km) over those with predicted coordinates;
  ``geocoded`` = share of them that got coordinates at all.
* ``country_acc``: over matched gold toponyms with a gold country (ISO2,
  converted to ISO3 with pycountry), the share whose ``Place.country`` equals it.
* where the gold marks a ``type_group`` (GeoWebNews: ``literal`` places vs
  ``associative`` uses such as demonyms, metonymy, modifiers), ``toponym_r_literal``
  and ``toponym_r_associative``: the overlap recall of each group alone (any
  predicted place counts); ``literal_p/r/f``: the places typed literal (those whose
  ``Place.role`` is not ``associative``) against the literal gold toponyms
  alone, one-to-one on overlap (a place typed literal that matches only an
  associative toponym is a false positive); ``role_acc``: over overlap-matched
  gold toponyms, the share whose predicted role equals their group.

TIMEX (TempEval-3 style, UzZaman et al. 2013): TimeExpr evidence spans vs
gold TIMEX3 spans, ``strict`` (same offsets) and ``overlap`` (one-to-one,
shared characters) P/R/F1; ``value_acc`` and ``type_acc`` over the
overlap-matched spans (value compared as strings, exactly).
"""
from __future__ import annotations

from collections import Counter

from .common import haversine_km, iso2_to_iso3, match_spans, norm_ranges, prf, safe_div, summary_km
from .events import Scored, confusion_list

__all__ = ["score_geo", "score_timex", "ACC_KM"]

#: Accuracy radius, km: 161 km = 100 miles (Leidner 2008; Gritta et al. 2019).
ACC_KM = 161.0


def _ranges(start: int, end: int):
    return norm_ranges([(start, end)])


def score_geo(pairs: list) -> Scored:
    """Score toponym recognition and resolution.

    pairs: ``(gold article dict with 'toponyms', ArticleAnalysis)``.
    RETURNS (Scored): metrics ``toponym_p/r/f``, ``toponym_exact_f``, ``acc161``,
        ``median_km``, ``mean_km`` (None when nothing was geocoded), ``geocoded``,
        ``country_acc``; the per-item records list missed and spurious toponyms.
    """
    tp = n_pred = n_gold = tp_exact = 0
    acc_ok = acc_n = 0
    errors: list[float] = []
    c_ok = c_n = 0
    group_tp: Counter = Counter()
    group_n: Counter = Counter()
    conf: Counter = Counter()
    lit = {"tp": 0, "pred": 0, "gold": 0, "role_ok": 0, "role_n": 0, "typed": False}
    items = []
    for gold, an in pairs:
        gt = gold.get("toponyms", [])
        gs = [_ranges(t["start"], t["end"]) for t in gt]
        places = [p for p in an.places if p.evidence.end > p.evidence.start]
        ps = [_ranges(p.evidence.start, p.evidence.end) for p in places]
        pairs_ov = match_spans(gs, ps, "overlap")
        tp_exact += len(match_spans(gs, ps, "exact"))
        tp, n_pred, n_gold = tp + len(pairs_ov), n_pred + len(ps), n_gold + len(gs)
        far = []
        for gi, pi in pairs_ov:
            g, p = gt[gi], places[pi]
            if g.get("resolved") and g.get("lat") is not None:
                acc_n += 1
                if p.lat is not None and p.lon is not None:
                    d = haversine_km(g["lat"], g["lon"], p.lat, p.lon)
                    errors.append(d)
                    acc_ok += d <= ACC_KM
                    if d > ACC_KM:
                        far.append({"text": g["text"], "km": round(d, 1), "predicted": p.name})
                else:
                    far.append({"text": g["text"], "km": None, "predicted": p.name})
            g3 = iso2_to_iso3(g.get("country"))
            if g3:
                c_n += 1
                if p.country == g3:
                    c_ok += 1
                else:
                    conf[(g3, p.country or "NONE")] += 1
        mg = {gi for gi, _ in pairs_ov}
        mp = {pi for _, pi in pairs_ov}
        for i, g in enumerate(gt):
            if g.get("type_group"):
                group_n[g["type_group"]] += 1
                group_tp[g["type_group"]] += i in mg
        if any(g.get("type_group") for g in gt):
            _literal_counts(lit, gt, gs, places, ps, pairs_ov)
        missed = [gt[i]["text"] for i in range(len(gt)) if i not in mg]
        spurious = [places[i].text for i in range(len(places)) if i not in mp]
        items.append({"id": gold["id"], "excerpt": " ".join(gold["text"][:200].split()),
                      "gold": {"n": len(gt), "missed": missed},
                      "predicted": {"n": len(places), "spurious": spurious, "far": far},
                      "ok": not missed and not spurious and not far})
    p, r, f = prf(tp, n_pred, n_gold)
    med, mean = summary_km(errors)
    metrics = {"toponym_p": p, "toponym_r": r, "toponym_f": f,
               "toponym_exact_f": prf(tp_exact, n_pred, n_gold)[2],
               "acc161": safe_div(acc_ok, acc_n), "median_km": med, "mean_km": mean,
               "geocoded": safe_div(len(errors), acc_n), "country_acc": safe_div(c_ok, c_n)}
    for group in sorted(group_n):
        metrics[f"toponym_r_{group}"] = safe_div(group_tp[group], group_n[group])
    if lit["typed"]:
        lp, lr, lf = prf(lit["tp"], lit["pred"], lit["gold"])
        metrics.update(literal_p=lp, literal_r=lr, literal_f=lf, role_acc=safe_div(lit["role_ok"], lit["role_n"]))
    return Scored(metrics, confusion_list(conf)[:50], items, len(items))


def _literal_counts(lit: dict, gt: list, gs: list, places: list, ps: list, pairs_ov: list) -> None:
    """Add one article's literal-toponym counts and role agreement to ``lit`` (see the module docstring)."""
    lit["typed"] = True
    gi_lit = [i for i, g in enumerate(gt) if g.get("type_group") == "literal"]
    pi_lit = [i for i, p in enumerate(places) if p.role != "associative"]
    matched = match_spans([gs[i] for i in gi_lit], [ps[i] for i in pi_lit], "overlap")
    lit["tp"] += len(matched)
    lit["pred"] += len(pi_lit)
    lit["gold"] += len(gi_lit)
    for gi, pi in pairs_ov:
        group, role = gt[gi].get("type_group"), places[pi].role or "literal"
        if group:
            lit["role_n"] += 1
            lit["role_ok"] += group == role


def score_timex(pairs: list) -> Scored:
    """Score temporal expressions against TempEval-3 TIMEX3 gold.

    pairs: ``(gold document dict with 'timexes', ArticleAnalysis)``.
    RETURNS (Scored): metrics ``strict_p/r/f``, ``overlap_p/r/f``, ``value_acc``,
        ``type_acc``; confusions are (gold type, predicted type) on matched spans.
    """
    s_tp = o_tp = n_pred = n_gold = 0
    v_ok = t_ok = m_n = 0
    conf: Counter = Counter()
    items = []
    for gold, an in pairs:
        gt = gold.get("timexes", [])
        gs = [_ranges(t["start"], t["end"]) for t in gt]
        dates = [d for d in an.dates if d.evidence.end > d.evidence.start]
        ps = [_ranges(d.evidence.start, d.evidence.end) for d in dates]
        s_tp += len(match_spans(gs, ps, "exact"))
        ov = match_spans(gs, ps, "overlap")
        o_tp += len(ov)
        n_pred += len(ps)
        n_gold += len(gs)
        wrong = []
        for gi, pi in ov:
            g, d = gt[gi], dates[pi]
            m_n += 1
            v_ok += d.value == g["value"]
            t_ok += d.type == g["type"]
            if d.type != g["type"]:
                conf[(g["type"], d.type)] += 1
            if d.value != g["value"] or d.type != g["type"]:
                wrong.append({"text": g["text"], "gold": [g["type"], g["value"]], "predicted": [d.text, d.type, d.value]})
        mg = {gi for gi, _ in ov}
        mp = {pi for _, pi in ov}
        missed = [gt[i]["text"] for i in range(len(gt)) if i not in mg]
        spurious = [dates[i].text for i in range(len(dates)) if i not in mp]
        items.append({"id": gold["id"], "excerpt": " ".join(gold["text"][:200].split()),
                      "gold": {"n": len(gt), "dct": gold.get("dct"), "missed": missed},
                      "predicted": {"n": len(dates), "spurious": spurious, "wrong": wrong},
                      "ok": not missed and not spurious and not wrong})
    sp, sr, sf = prf(s_tp, n_pred, n_gold)
    op, orr, of = prf(o_tp, n_pred, n_gold)
    metrics = {"strict_p": sp, "strict_r": sr, "strict_f": sf, "overlap_p": op, "overlap_r": orr,
               "overlap_f": of, "value_acc": safe_div(v_ok, m_n), "type_acc": safe_div(t_ok, m_n)}
    return Scored(metrics, confusion_list(conf), items, len(items))
