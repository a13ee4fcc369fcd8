"""One local Ray per test session (2 CPUs, no dashboard), started by the first test that needs it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def ray_local():
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'newsevents[ray]' to run the Ray "
                                            "tests (make test installs it)")
    pytest.importorskip("ray.data", reason="ray[data] is not installed: pip install 'newsevents[ray]'")
    root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (root, str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH"))
                           if p)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": {"PYTHONPATH": path}})
    yield ray
    ray.shutdown()
