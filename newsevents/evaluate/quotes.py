"""Attribution (quote) scorer for PolNeAR.

Gold attributions are ``{source, cue, content}`` spans (``source`` may be
null); a span may be discontinuous, so it is compared on the characters of
its ``fragments``. Predicted attributions are the :class:`~newsevents.records.Quote`
records: ``source``, ``cue`` (Evidence or None) and ``content`` (Evidence).

Match criteria (:data:`~.common.MATCH_MODES`): ``exact`` (same characters),
``overlap`` (at least one shared character) and ``half`` (shared characters
>= 50% of the gold span). Matching is one-to-one (:func:`~.common.match_spans`).

Metric names are ``{role}_{mode}_{p|r|f}`` for role ``source``, ``cue``,
``content`` (each span role scored on its own, over the gold spans of that
role that are not null) and ``triple`` (a predicted quote matches a gold
attribution when its cue and content match and its source matches too, a
null source matching only a null source).

A quote split by its attribution ('"A," she said, "B."') is one attribution with a
discontinuous content in PolNeAR, while newsevents emits one Quote per continuous
piece, each with the same cue and source (Evidence is one span). So predicted quotes
that share the same cue span and the same source span are grouped into one attribution
whose content is the union of their contents (:func:`group_attributions`).

Text the annotators set aside is not scored: a predicted attribution whose cue starts
inside a ``Discard`` flag of the gold article (bylines, "Follow ... on Twitter", photo
credits, editor's notes) is dropped before matching (:func:`discarded`). PolNeAR's
annotators flagged such text as no part of the article and annotated nothing in it (no
dev cue lies in a Discard span), so an attribution found there ('an editor's note: ...
who has repeatedly pledged to ban all Muslims') cannot be judged either way.
``Discuss`` flags (annotators' queries) are not set aside.
"""
from __future__ import annotations

from typing import Optional

from .common import MATCH_MODES, Ranges, match_spans, norm_ranges, overlap_chars, prf, spans_match
from .events import Scored

__all__ = ["score_polnear", "gold_ranges", "pred_ranges", "group_attributions", "discarded", "ROLES"]

ROLES = ("source", "cue", "content")


def gold_ranges(span: Optional[dict]) -> Optional[Ranges]:
    """A PolNeAR gold span -> its character ranges (from ``fragments``), or None."""
    if not span:
        return None
    frags = span.get("fragments") or [span]
    return norm_ranges((f["start"], f["end"]) for f in frags)


def pred_ranges(ev) -> Optional[Ranges]:
    """An Evidence -> its character range, or None."""
    if ev is None:
        return None
    r = norm_ranges([(ev.start, ev.end)])
    return r or None


def group_attributions(quotes) -> list:
    """Quote records -> attributions ``{source, cue, content}`` as character ranges.

    Quotes with the same cue span and the same source span (both present) form one
    attribution whose content covers all their contents; other quotes stand alone.
    RETURNS (list[dict]): in order of first appearance; quotes without content are dropped.
    """
    groups: dict = {}
    out: list = []
    for q in quotes:
        content = pred_ranges(q.content)
        if not content:
            continue
        cue, source = pred_ranges(q.cue), pred_ranges(q.source)
        key = (cue, source) if cue and source else None
        if key is not None and key in groups:
            att = groups[key]
            att["content"] = norm_ranges(list(att["content"]) + list(content))
            continue
        att = {"source": source, "cue": cue, "content": content}
        out.append(att)
        if key is not None:
            groups[key] = att
    return out


def discarded(gold: dict, att: dict) -> bool:
    """Whether predicted attribution ``att`` (from :func:`group_attributions`) lies in text the
    annotators set aside: its cue (else its content) starts inside a ``Discard`` flag of ``gold``.

    RETURNS (bool).
    """
    spans = [(f["start"], f["end"]) for f in gold.get("flags") or () if f.get("type") == "Discard"]
    anchor = att["cue"] or att["content"]
    return bool(anchor) and any(s <= anchor[0][0] < e for s, e in spans)


def _triple_match(g: dict, p: dict, mode: str) -> bool:
    if g["cue"] is None or p["cue"] is None or not spans_match(g["cue"], p["cue"], mode):
        return False
    if not spans_match(g["content"], p["content"], mode):
        return False
    if g["source"] is None or p["source"] is None:
        return g["source"] is None and p["source"] is None
    return spans_match(g["source"], p["source"], mode)


def _match_triples(gold: list, pred: list, mode: str) -> list:
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if _triple_match(g, p, mode):
                score = sum(overlap_chars(g[r], p[r]) for r in ROLES if g[r] is not None and p[r] is not None)
                cands.append((-score, gi, pi))
    cands.sort()
    ug: set = set()
    up: set = set()
    out = []
    for _, gi, pi in cands:
        if gi not in ug and pi not in up:
            ug.add(gi)
            up.add(pi)
            out.append((gi, pi))
    return out


def score_polnear(pairs: list, hide_items: bool = False) -> Scored:
    """Score attributions of PolNeAR articles.

    pairs: ``(gold article dict, ArticleAnalysis)``.
    hide_items (bool): when True (the test split), the per-item records hold
        only the id and counts, no text, gold or predictions.
    RETURNS (Scored): metrics ``{role}_{mode}_{p|r|f}`` (see the module docstring).
    """
    counts = {(r, m): [0, 0, 0] for r in ROLES + ("triple",) for m in MATCH_MODES}  # tp, pred, gold
    items = []
    for gold, an in pairs:
        g_att = [{r: gold_ranges(a.get(r)) for r in ROLES} for a in gold.get("attributions", [])]
        p_att = [a for a in group_attributions(an.quotes) if not discarded(gold, a)]
        for mode in MATCH_MODES:
            for r in ROLES:
                gs = [a[r] for a in g_att if a[r]]
                ps = [a[r] for a in p_att if a[r]]
                c = counts[(r, mode)]
                c[0] += len(match_spans(gs, ps, mode))
                c[1] += len(ps)
                c[2] += len(gs)
            c = counts[("triple", mode)]
            c[0] += len(_match_triples(g_att, p_att, mode))
            c[1] += len(p_att)
            c[2] += len(g_att)
        hit = len(_match_triples(g_att, p_att, "overlap"))
        rec = {"id": gold["id"], "gold_n": len(g_att), "predicted_n": len(p_att), "triple_overlap_tp": hit,
               "ok": hit == len(g_att) == len(p_att)}
        if not hide_items:
            text = gold["text"]
            rec["excerpt"] = " ".join(text[:200].split())
            rec["gold"] = [{r: (a[r]["text"] if a.get(r) else None) for r in ROLES}
                           for a in gold.get("attributions", [])]
            rec["predicted"] = [{"kind": q.kind, "source": q.source.text if q.source else None,
                                 "cue": q.cue.text if q.cue else None, "content": q.content.text}
                                for q in an.quotes]
        items.append(rec)
    metrics = {}
    for r in ROLES + ("triple",):
        for mode in MATCH_MODES:
            p, rr, f = prf(*counts[(r, mode)])
            metrics[f"{r}_{mode}_p"] = p
            metrics[f"{r}_{mode}_r"] = rr
            metrics[f"{r}_{mode}_f"] = f
    return Scored(metrics, [], items, len(items))
