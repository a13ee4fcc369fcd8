"""Score newsevents against the public gold sets, and the CI accuracy gate.

The gold files live outside the repository, in the ``shared`` folder beside
it (``$NEWSEVENTS_SHARED`` overrides); their formats and caveats are in
``shared/gold/README.md``. Set names (:data:`SETS`):

==============  ====================================  =========================================
name            file                                  scorer (metrics documented there)
==============  ====================================  =========================================
plover-gsr      gold/plover_gsr.jsonl                 :func:`.events.score_plover`
petr2           gold/petr2_gsr.jsonl                  :func:`.events.score_petr2`
case2021        gold/case2021_task2.jsonl             :func:`.events.score_case2021`
polnear-dev     gold/polnear_dev.jsonl                :func:`.quotes.score_polnear`
polnear-test    gold/polnear_test.jsonl               same; items never printed; never tune on it
geowebnews      gold/geowebnews.jsonl                 :func:`.geo.score_geo`
lgl             gold/lgl.jsonl                        :func:`.geo.score_geo`
trnews          gold/trnews.jsonl                     :func:`.geo.score_geo`
geovirus        gold/geovirus.jsonl                   :func:`.geo.score_geo`
tempeval3       gold/tempeval3.jsonl                  :func:`.geo.score_timex`
seed            seed/expected.json + dmz-meeting.txt  :func:`.seed.score_seed`
wikinews-dev    gold/wikinews_events_dev/*.json       :func:`.realnews.score_realnews` (strict rules)
==============  ====================================  =========================================

Aliases: ``geo`` = the four geoparsing sets; ``all`` = every set except
``polnear-test``.

Publication dates given to the pipeline: PETRARCH-2 ``date`` (YYYYMMDD; other
shapes -> None), PolNeAR ``publication_date``, LGL/TR-News ``dltime`` when it
parses (ISO ``YYYY-MM-DD`` prefix or ``Mon DD, YYYY``), TempEval-3 ``dct``,
the seed 2019-07-01, the Wikinews development set its ``published``; none for the others.

Sampling (``limit``): ``random.Random(f"{set}:{sample_seed}").sample(range(N), limit)``,
kept in file order: deterministic across runs and machines (string seeds are
hashed with SHA-512 by :mod:`random`).

The gate (``tests/test_eval_gate.py``) runs each set's sample from
``tests/eval_baseline.json`` and fails when a metric is worse than the
baseline by more than :data:`EPSILON` (:func:`compare`).
"""
from __future__ import annotations

import json
import os
import random
import re
import time
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Callable, Optional

from ..errors import NewsEventsError
from .events import Scored, score_case2021, score_petr2, score_plover, top_event
from .geo import score_geo, score_timex
from .quotes import score_polnear
from .realnews import load_wikinews_dev, score_realnews
from .seed import score_seed, seed_check

__all__ = [
    "evaluate", "evaluate_gate", "format_table", "write_baseline", "load_baseline", "compare",
    "format_comparison", "BASELINE_PATH", "GATE_SAMPLES",
    "seed_check", "top_event", "SETS", "ALIASES", "EPSILON", "LOWER_IS_BETTER", "gold_dir", "expand_names",
]

#: Largest drop below the baseline the gate tolerates (absolute, on 0..1 shares;
#: relative 0.5% for the ``*_km`` metrics).
EPSILON = 0.005
#: Smallest tolerance of the ``*_km`` metrics, km (a 0.5% change of a 0.0 km median is no signal).
KM_FLOOR = 1.0
#: Metrics where a smaller value is better.
LOWER_IS_BETTER = frozenset({"median_km", "mean_km", "noevent_false", "noevent_false_events",
                             "events_no_actor_code"})


def gold_dir() -> Path:
    """RETURNS (Path): the shared folder holding ``gold/`` and ``seed/``:
    ``$NEWSEVENTS_SHARED`` if set, else ``shared`` beside the repository."""
    env = os.environ.get("NEWSEVENTS_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"


# -- reading the gold ---------------------------------------------------------
def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _ymd(value: Optional[str]) -> Optional[Date]:
    if value and re.fullmatch(r"\d{8}", value):
        try:
            return Date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            return None
    return None


_MON_DAY_YEAR = re.compile(r"\b([A-Z][a-z]{2})[a-z]*\.? (\d{1,2}),? (\d{4})\b")


def parse_dltime(value: Optional[str]) -> Optional[Date]:
    """An LGL/TR-News ``dltime`` -> date: a leading ``YYYY-MM-DD`` or a
    ``Mon DD, YYYY`` inside it (``Wed Nov 23, 2016 ...``); else None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    try:
        if m:
            return Date(int(m[1]), int(m[2]), int(m[3]))
        m = _MON_DAY_YEAR.search(value)
        if m:
            return datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%b %d %Y").date()
    except ValueError:
        return None
    return None


def _iso(value: Optional[str]) -> Optional[Date]:
    try:
        return Date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _load_seed(root: Path) -> list[dict]:
    expected = json.loads((root / "seed" / "expected.json").read_text(encoding="utf-8"))
    expected["text"] = (root / "seed" / "dmz-meeting.txt").read_text(encoding="utf-8")
    expected["id"] = "dmz-meeting"
    return [expected]


@dataclass(frozen=True)
class GoldSet:
    """One gold set: where it is, how an item becomes pipeline input, how it is scored."""

    name: str
    path: str  # relative to gold_dir()
    published: Callable[[dict], Optional[Date]]
    scorer: Callable[[list], Scored]
    hide_items: bool = False
    #: Options fields this set's annotation convention needs (``place_demonyms`` for the geoparsing
    #: sets, which annotate nationality words as toponyms of their country); see :func:`_pipeline_for`
    options: tuple = ()

    def load(self, root: Path) -> list[dict]:
        if self.name == "seed":
            return _load_seed(root)
        if self.name == "wikinews-dev":
            return load_wikinews_dev(root)
        return _jsonl(root / self.path)


def _none(item: dict) -> None:
    return None


#: the geoparsing gold sets annotate demonyms ("Syrian") as toponyms of their country, and
#: associative toponyms ("U.S. troops", "Iran said") as well as literal ones
_GEO_OPTIONS = (("place_demonyms", True), ("place_associative", True))
#: GeoVirus (Gritta et al. 2018) annotates no nationality adjectives or demonyms: none of its 2,170
#: toponyms is one ("Mexican", "Chinese" are never gold there, "U.S." and "UK" are), so it is run
#: without them, as its guidelines define a toponym
#: GeoWebNews (Gritta et al. 2019) annotates facilities used as locations too ("at [Anfield]": Coercion,
#: a literal type), which the other sets' guidelines leave out
_GEOWEBNEWS_OPTIONS = _GEO_OPTIONS + (("place_facilities", True),)
_GEOVIRUS_OPTIONS = (("place_demonyms", False), ("place_associative", True))


def _pipeline_for(gs: GoldSet, pipeline, cache: dict):
    """The pipeline to run ``gs`` with: ``pipeline`` itself, or a sibling sharing its spaCy model
    whose options carry the set's ``options`` (a pipeline object without ``options``/``nlp`` is
    used as it is)."""
    opts = getattr(pipeline, "options", None)
    if not gs.options or opts is None or not hasattr(pipeline, "nlp"):
        return pipeline
    if all(getattr(opts, k, None) == v for k, v in gs.options):
        return pipeline
    if gs.options not in cache:
        from dataclasses import replace

        cache[gs.options] = type(pipeline)(replace(opts, **dict(gs.options)), nlp=pipeline.nlp)
    return cache[gs.options]


SETS: dict[str, GoldSet] = {s.name: s for s in [
    GoldSet("plover-gsr", "gold/plover_gsr.jsonl", _none, score_plover),
    GoldSet("petr2", "gold/petr2_gsr.jsonl", lambda it: _ymd(it.get("date")), score_petr2),
    GoldSet("case2021", "gold/case2021_task2.jsonl", _none, score_case2021),
    GoldSet("polnear-dev", "gold/polnear_dev.jsonl", lambda it: _iso(it.get("publication_date")), score_polnear),
    GoldSet("polnear-test", "gold/polnear_test.jsonl", lambda it: _iso(it.get("publication_date")),
            lambda pairs: score_polnear(pairs, hide_items=True), hide_items=True),
    GoldSet("geowebnews", "gold/geowebnews.jsonl", _none, score_geo, options=_GEOWEBNEWS_OPTIONS),
    GoldSet("lgl", "gold/lgl.jsonl", lambda it: parse_dltime(it.get("dltime")), score_geo,
            options=_GEO_OPTIONS),
    GoldSet("trnews", "gold/trnews.jsonl", lambda it: parse_dltime(it.get("dltime")), score_geo,
            options=_GEO_OPTIONS),
    GoldSet("geovirus", "gold/geovirus.jsonl", _none, score_geo, options=_GEOVIRUS_OPTIONS),
    GoldSet("tempeval3", "gold/tempeval3.jsonl", lambda it: _iso(it.get("dct")), score_timex),
    GoldSet("seed", "seed/expected.json", lambda it: Date(2019, 7, 1), score_seed),
    GoldSet("wikinews-dev", "gold/wikinews_events_dev", lambda it: _iso(it.get("published")), score_realnews),
]}

ALIASES = {
    "geo": ["geowebnews", "lgl", "trnews", "geovirus"],
    "all": [n for n in SETS if n != "polnear-test"],
}


class UnknownSetError(NewsEventsError, ValueError):
    """A gold set name that :data:`SETS` and :data:`ALIASES` don't know (E006; a ValueError too)."""


def expand_names(names) -> list[str]:
    """Set names and aliases -> set names, in order, without repeats.

    RAISES ValueError: an unknown name (the message lists the known ones).
    """
    if isinstance(names, str):
        names = [names]
    out: list[str] = []
    for name in names:
        for n in ALIASES.get(name, [name]):
            if n not in SETS:
                raise UnknownSetError("E006", name=n, choices=", ".join(list(SETS) + list(ALIASES)))
            if n not in out:
                out.append(n)
    return out


def sample_indices(name: str, n_items: int, limit: Optional[int], seed: int = 0) -> list[int]:
    """The item indices evaluated for ``limit`` (all when None or >= n_items), in file order."""
    if limit is None or limit >= n_items:
        return list(range(n_items))
    return sorted(random.Random(f"{name}:{seed}").sample(range(n_items), max(0, limit)))


def _round(v):
    return round(v, 4) if isinstance(v, float) else v


def evaluate(names: list, pipeline=None, limit: Optional[int] = None, sample_seed: int = 0,
             errors_path: Optional[str] = None, shared: Optional[Path] = None) -> dict:
    """Run the pipeline on gold sets and score it.

    names (list[str]): set names or aliases (``geo``, ``all``); see :data:`SETS`.
    pipeline: an object with ``pipe(iterable of ArticleInput) -> iterator of
        ArticleAnalysis`` (a :class:`~newsevents.pipeline.Pipeline`); None
        builds the default Pipeline.
    limit (int | None): evaluate a seeded random sample of this many items per set.
    sample_seed (int): the sample's seed (see the module docstring).
    errors_path (str | None): write one JSON line per item: ``set``, ``id``,
        ``excerpt``, ``gold``, ``predicted``, ``ok``, and ``error`` when the
        article failed (for polnear-test only ``set``, ``id``, counts and ``ok``).
    shared (Path | None): the shared folder; default :func:`gold_dir`.
    RETURNS (dict): ``{set: {"n": items scored, "metrics": {name: value},
        "confusions": [[gold, predicted, count], ...], "seconds": float,
        "sample": {"limit", "seed", "of"}, "article_errors": int}}``.
    RAISES ValueError: unknown set name; FileNotFoundError: the gold files are not there.
    """
    from ..pipeline import ArticleInput

    sets = expand_names(names)
    root = Path(shared) if shared else gold_dir()
    if not root.exists():
        raise FileNotFoundError(f"Gold data folder {root} not found: put the shared folder beside the "
                                "repository or set NEWSEVENTS_SHARED to it.")
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    results: dict = {}
    siblings: dict = {}
    err_fh = open(errors_path, "w", encoding="utf-8") if errors_path else None
    try:
        for name in sets:
            gs = SETS[name]
            run = _pipeline_for(gs, pipeline, siblings)
            items = gs.load(root)
            idx = sample_indices(name, len(items), limit, sample_seed)
            chosen = [items[i] for i in idx]
            t0 = time.perf_counter()
            inputs = [ArticleInput(text=it.get("text") or "", published=gs.published(it), id=str(it.get("id")))
                      for it in chosen]
            analyses = list(run.pipe(inputs))
            scored = gs.scorer(list(zip(chosen, analyses)))
            seconds = time.perf_counter() - t0
            results[name] = {
                "n": scored.n,
                "metrics": {k: _round(v) for k, v in scored.metrics.items()},
                "confusions": scored.confusions,
                "seconds": round(seconds, 2),
                "sample": {"limit": limit if limit is not None and limit < len(items) else None,
                           "seed": sample_seed, "of": len(items)},
                "article_errors": sum(1 for a in analyses if a.error is not None),
            }
            if err_fh:
                problems = {str(it.get("id")): a.error.message for it, a in zip(chosen, analyses) if a.error}
                for rec in scored.items:
                    if str(rec.get("id")) in problems:
                        rec = {**rec, "error": problems[str(rec["id"])]}
                    err_fh.write(json.dumps({"set": name, **rec}, ensure_ascii=False, default=str) + "\n")
    finally:
        if err_fh:
            err_fh.close()
    return results


# -- output -------------------------------------------------------------------
def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.1f}" if abs(v) >= 10 else f"{v:.3f}"
    return str(v)


def format_table(results: dict, width: int = 100) -> str:
    """A plain-text table of :func:`evaluate` results: one block per set, metrics as ``name value`` cells.

    RETURNS (str).
    """
    lines = []
    head = f"{'set':<13} {'n':>5} {'sec':>7}  metrics"
    lines.append(head)
    lines.append("-" * min(width, 100))
    for name, res in results.items():
        cells = [f"{k} {_fmt(v)}" for k, v in res["metrics"].items()]
        prefix = f"{name:<13} {res['n']:>5} {res['seconds']:>7.1f}  "
        cur = prefix
        for c in cells:
            if len(cur) + len(c) + 2 > width and cur.strip() != prefix.strip():
                lines.append(cur.rstrip())
                cur = " " * len(prefix)
            cur += c + "  "
        lines.append(cur.rstrip())
        sample = res.get("sample") or {}
        if sample.get("limit"):
            lines.append(" " * len(prefix) + f"(sample of {sample['limit']}/{sample['of']}, seed {sample['seed']})")
    return "\n".join(lines)


# -- baseline and gate --------------------------------------------------------
_ABOUT = ("Accuracy gate baseline (tests/test_eval_gate.py). Per set: the sample evaluated "
          "(limit items drawn by random.Random('<set>:<seed>').sample(range(of), limit), kept in file "
          "order; limit null = every item) and the metric floors. The gate fails when a metric is worse "
          f"than here by more than {EPSILON} ({EPSILON:.1%} relative, at least {KM_FLOOR:g} km, for *_km; lower is better for "
          + ", ".join(sorted(LOWER_IS_BETTER)) + "). Rewrite deliberately with "
          "`newsevents evaluate --write-baseline` (newsevents.evaluate.write_baseline).")


#: The baseline file of the gate.
BASELINE_PATH = Path(__file__).resolve().parents[2] / "tests" / "eval_baseline.json"

#: The gate's sample per set (items; None = all). Parse cost at ~4,700 tokens/s
#: (tokens counted with spaCy's English tokenizer): plover-gsr 8.8k tokens, petr2 1.6k,
#: case2021 43k, polnear-dev 82k, geowebnews 95k, lgl 217k, trnews 46k, geovirus 73k,
#: tempeval3 104k, seed 0.5k; the whole of ``all`` is ~670k tokens, ~145 s of parsing.
#: The samples take about half of the larger sets (~330k tokens, ~70 s of parsing)
#: so that the gate stays well inside ~6 minutes on 2 busy cores; measured
#: seconds are recorded in tests/eval_baseline.json.
GATE_SAMPLES: dict = {
    "plover-gsr": None, "petr2": None, "case2021": None, "polnear-dev": 42, "geowebnews": 100, "lgl": 200,
    "trnews": 60, "geovirus": 115, "tempeval3": 128, "seed": None, "wikinews-dev": None,
}


def evaluate_gate(pipeline=None, baseline_path=None, names=None, shared: Optional[Path] = None) -> dict:
    """Evaluate every gate set on its gate sample.

    The sample of a set is the one recorded in the baseline file when the
    set is there (so that results compare like with like), else
    :data:`GATE_SAMPLES`. names (list[str] | None): restrict to these sets.
    shared (Path | None): the shared folder; default :func:`gold_dir`.
    RETURNS (dict): merged :func:`evaluate` results.
    """
    base = load_baseline(baseline_path or BASELINE_PATH)
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    results = {}
    for name in expand_names(names or list(GATE_SAMPLES)):
        sample = (base.get(name) or {}).get("sample") or {"limit": GATE_SAMPLES.get(name), "seed": 0}
        results.update(evaluate([name], pipeline=pipeline, limit=sample.get("limit"),
                                sample_seed=sample.get("seed", 0), shared=shared))
    return results


def write_baseline(results: dict, path=None) -> None:
    """Write (or update) the gate baseline from :func:`evaluate` results.

    path: the baseline file, default :data:`BASELINE_PATH` (tests/eval_baseline.json).

    Sets in ``results`` replace their entries; other sets already in the file are kept.
    Each entry: ``{"sample": {"limit", "seed", "of"}, "seconds", "n", "metrics"}``.
    """
    path = Path(path or BASELINE_PATH)
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data["_about"] = _ABOUT
    for name, res in results.items():
        if name == "polnear-test":
            continue  # never a development target
        data[name] = {"sample": res["sample"], "seconds": res["seconds"], "n": res["n"],
                      "metrics": res["metrics"]}
    ordered = {"_about": data.pop("_about")}
    ordered.update({k: data[k] for k in sorted(data)})
    path.write_text(json.dumps(ordered, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def load_baseline(path=None) -> dict:
    """RETURNS (dict): ``{set: entry}`` from the baseline file (keys starting with ``_`` dropped);
    {} when the file does not exist."""
    path = Path(path or BASELINE_PATH)
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def compare(baseline: dict, results: dict, epsilon: float = EPSILON) -> tuple[list, list]:
    """Compare results with baseline floors.

    RETURNS (tuple[list, list]): ``rows`` = ``[set, metric, baseline, now, ok]``
        for every baseline metric, and ``failures`` = the rows that are not ok.
        Higher is better except :data:`LOWER_IS_BETTER`; ``*_km`` use a
        relative tolerance of ``epsilon`` (0.5%), at least :data:`KM_FLOOR` km. A metric that became None
        (e.g. nothing geocoded) fails when the baseline had a value.
    """
    rows = []
    for name, entry in baseline.items():
        now = (results.get(name) or {}).get("metrics", {})
        for metric, base in entry.get("metrics", {}).items():
            cur = now.get(metric)
            if base is None:
                ok = True
            elif cur is None:
                ok = False
            elif metric in LOWER_IS_BETTER:
                tol = max(epsilon * abs(base), KM_FLOOR) if metric.endswith("_km") else epsilon
                ok = cur <= base + max(tol, 1e-9)
            else:
                ok = cur >= base - epsilon - 1e-9
            rows.append([name, metric, base, cur, ok])
    return rows, [r for r in rows if not r[4]]


def format_comparison(rows: list) -> str:
    """RETURNS (str): a table ``set metric baseline now delta`` with ``FAIL`` marks."""
    out = [f"{'set':<13} {'metric':<22} {'baseline':>9} {'now':>9} {'delta':>8}"]
    for name, metric, base, cur, ok in rows:
        delta = (cur - base) if isinstance(cur, (int, float)) and isinstance(base, (int, float)) else None
        out.append(f"{name:<13} {metric:<22} {_fmt(base):>9} {_fmt(cur):>9} "
                   f"{(f'{delta:+.4f}' if delta is not None else '-'):>8}{'' if ok else '  FAIL'}")
    return "\n".join(out)
