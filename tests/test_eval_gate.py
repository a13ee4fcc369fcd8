"""The accuracy gate: scores on pinned samples of the gold sets may not drop below the baseline.

``tests/eval_baseline.json`` holds, per gold set, the sample evaluated (size and seed; see
``newsevents.evaluate`` for the sampling rule) and the metric floors. The gate fails when a metric is
worse than its floor by more than ``newsevents.evaluate.EPSILON`` (0.005; for ``*_km`` 0.5% relative, at least 1 km),
printing baseline vs now. Raise the floors (or lower them, deliberately, with a reason in the commit)
with ``newsevents evaluate --write-baseline``. The samples are sized so that the gate runs in about
5 minutes on 2 cores. polnear-test is never part of it.
"""
from __future__ import annotations

import time

import pytest

from conftest import SHARED


def test_accuracy_gate(request, capsys):
    if not (SHARED / "gold").exists() or not (SHARED / "seed").exists():
        pytest.skip(f"../shared not present ({SHARED}/gold missing): the gate reads the gold sets there")
    from newsevents import evaluate as ev

    base = ev.load_baseline()
    if not base:
        pytest.skip(f"no baseline in {ev.BASELINE_PATH}: write one with `newsevents evaluate --write-baseline`")
    pipeline = request.getfixturevalue("pipeline")  # loaded only when there is something to check
    start = time.perf_counter()
    results = ev.evaluate_gate(pipeline=pipeline, names=list(base), shared=SHARED)
    seconds = time.perf_counter() - start
    rows, failures = ev.compare(base, results)
    with capsys.disabled():
        print(f"\naccuracy gate, {seconds:.0f} s:\n" + ev.format_comparison(rows))
    assert not failures, ("accuracy dropped below tests/eval_baseline.json:\n" + ev.format_comparison(failures))
    assert "polnear-test" not in base
