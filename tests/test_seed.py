"""The seed article (../shared/seed) satisfies every "must" entry of its hand-made expectations.

The matching rules are those of ``newsevents.evaluate.seed_check`` (documented there); nothing here
knows the article's content.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import shared_path


@pytest.fixture(scope="module")
def seed(pipeline):
    text = shared_path("seed", "dmz-meeting.txt").read_text(encoding="utf8")
    expected = json.loads(shared_path("seed", "expected.json").read_text(encoding="utf8"))
    analysis = pipeline(text, published=date.fromisoformat(expected["published"]))
    return analysis, expected


@pytest.mark.parametrize("kind", ["actors", "events", "quotes", "places", "dates"])
def test_seed_musts(seed, kind):
    from newsevents.evaluate import seed_check

    analysis, expected = seed
    assert analysis.error is None
    results = [r for r in seed_check(analysis, expected) if r["kind"] == kind and r["item"].get("must", True)]
    assert results, f"no must items of kind {kind}"
    missed = [r for r in results if not r["met"]]
    assert not missed, "\n".join(f"{r['item']}: {r['why']}" for r in missed)
