"""A database ingested from samples/articles.jsonl, once per test session, for the web tests."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory, pipeline) -> str:
    """RETURNS (str): path of an SQLite database holding the analysed samples (about 30 s)."""
    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs
    from newsevents.store import open_store

    path = str(tmp_path_factory.mktemp("web") / "samples.db")
    with open_store(path) as store:
        stats = ingest(read_inputs([str(ROOT / "samples" / "articles.jsonl")]), store, pipeline=pipeline)
    assert stats["stored"] >= 4 and stats["errors"] == 0
    return path


@pytest.fixture(scope="session")
def client(samples_db):
    from fastapi.testclient import TestClient

    from newsevents.web import create_app

    with TestClient(create_app(samples_db), raise_server_exceptions=False) as c:
        yield c
