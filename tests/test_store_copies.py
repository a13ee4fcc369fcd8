"""The same text under another id from another source (a wire story two outlets run) is an article
of its own: stored, its events counted in NumArticles and NumSources; the same text again under
its id or from its source is the same article and adds nothing."""
from __future__ import annotations

import json

import pytest

TEXT = "Russia expelled two Polish diplomats on Friday. Poland said it would respond."


def _ingest(pipeline, path, db):
    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs
    from newsevents.store import open_store

    with open_store(str(db)) as store:
        stats = ingest(read_inputs([str(path)]), store, pipeline=pipeline)
        ids = [r["id"] for r in store._rows("SELECT id FROM articles ORDER BY id")]
        clusters = store._rows("SELECT num_mentions, num_sources, num_articles FROM event_clusters "
                               "WHERE dedup_key IS NOT NULL")
        errors = store.errors()
    return stats, ids, clusters, errors


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf8")
    return path


@pytest.fixture()
def wire(tmp_path):
    return _write(tmp_path / "dup.jsonl", [
        {"id": "ap-1", "source": "AP", "published": "2021-03-05", "text": TEXT},
        {"id": "nyt-1", "source": "NYT", "published": "2021-03-05", "text": TEXT},
    ])


def test_a_syndicated_copy_is_stored_and_counted_as_a_source(pipeline, wire, tmp_path):
    stats, ids, clusters, errors = _ingest(pipeline, wire, tmp_path / "d.db")
    assert stats["stored"] == 2 and stats["skipped"] == 0 and stats["errors"] == 0
    assert ids == ["ap-1", "nyt-1"] and errors == []
    assert clusters and all(c["num_sources"] == 2 and c["num_articles"] == 2 for c in clusters)


def test_ingesting_the_copies_twice_adds_nothing(pipeline, wire, tmp_path):
    _ingest(pipeline, wire, tmp_path / "d.db")
    stats, ids, clusters, _ = _ingest(pipeline, wire, tmp_path / "d.db")
    assert stats["stored"] == 0 and stats["skipped"] == 2
    assert ids == ["ap-1", "nyt-1"] and all(c["num_mentions"] == 2 for c in clusters)


def test_the_same_text_from_the_same_source_under_a_new_id_is_skipped(pipeline, tmp_path):
    """A re-crawl (a new WARC record id, a new URL of the same site) is the article already stored."""
    path = _write(tmp_path / "recrawl.jsonl", [
        {"id": "urn:uuid:1", "url": "https://www.example.com/a", "published": "2021-03-05", "text": TEXT},
        {"id": "urn:uuid:2", "url": "https://example.com/a?amp", "published": "2021-03-05", "text": TEXT},
    ])
    stats, ids, _, _ = _ingest(pipeline, path, tmp_path / "d.db")
    assert stats["stored"] == 1 and stats["skipped"] == 1 and ids == ["urn:uuid:1"]


def test_same_article_rule():
    from newsevents.dedup import known_copy, same_article

    assert same_article("ap-1", "AP", "ap-1", "NYT")  # same id: a re-run
    assert same_article("ap-1", "AP", "ap-2", "AP")  # same source: a re-crawl
    assert same_article("a", None, "b", None)  # both of unknown source count as one source
    assert not same_article("ap-1", "AP", "nyt-1", "NYT")
    assert known_copy({"h": [("ap-1", "AP")]}, "h", None, "AP")
    assert not known_copy({"h": [("ap-1", "AP")]}, "h", "nyt-1", "NYT")
    assert not known_copy({}, None, "x", None)


def test_a_database_with_the_old_unique_hash_index_takes_copies(pipeline, wire, tmp_path):
    import sqlite3

    from newsevents.store import open_store

    db = tmp_path / "old.db"
    with open_store(str(db)):
        pass
    con = sqlite3.connect(db)
    con.execute("DROP INDEX articles_content_hash")
    con.execute("CREATE UNIQUE INDEX articles_hash ON articles (content_hash)")  # as databases were written before
    con.commit()
    con.close()
    stats, ids, _, _ = _ingest(pipeline, wire, db)
    assert stats["stored"] == 2 and ids == ["ap-1", "nyt-1"]


def test_lake_keeps_the_copy_once(pipeline, wire, tmp_path):
    from lake_input import lake_table

    from newsevents.export.lake import LakeWriter
    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs

    for _ in range(2):
        with LakeWriter(tmp_path / "lake") as writer:
            ingest(read_inputs([str(wire)]), writer, pipeline=pipeline)
    articles = sorted(r["article_id"] for r in lake_table(tmp_path / "lake") if r["kind"] == "article")
    assert articles == ["ap-1", "nyt-1"]
