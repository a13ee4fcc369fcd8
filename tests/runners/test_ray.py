"""Ray Data gives the lake the local path gives, row for row; a killed actor adds no duplicate rows."""
from __future__ import annotations

import pytest

from lake_input import db_tables, lake_table, write_local_lake

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def local_lake(tmp_path_factory, pipeline):
    tmp = tmp_path_factory.mktemp("ray")
    src, lake = write_local_lake(tmp, pipeline, "local")
    return src, lake, tmp


def test_ray_lake_equals_local_lake(ray_local, local_lake):
    from newsevents.runners.ray import ingest_ray

    src, local, tmp = local_lake
    stats = ingest_ray([str(src)], tmp / "ray", workers=1)
    assert stats["stored"] == 11 and stats["errors"] == 2
    assert lake_table(tmp / "ray") == lake_table(local)
    again = ingest_ray([str(src)], tmp / "ray", workers=1)  # a re-run adds only the failed ones again
    assert again["stored"] == 0 and again["errors"] == 2
    assert [r for r in lake_table(tmp / "ray") if r["kind"] != "error"] == [
        r for r in lake_table(local) if r["kind"] != "error"]


class _DiesOnce:
    """An _Extract whose actor kills its process on its first batch, once per run (a marker file)."""

    marker = None

    def __init__(self, options):
        from newsevents.runners.ray import _Extract

        self.inner = _Extract(options)

    def __call__(self, batch):
        import os

        if not os.path.exists(self.marker):
            open(self.marker, "w").close()
            os._exit(1)
        return self.inner(batch)


def test_killed_actor_batch_is_retried_without_duplicates(ray_local, local_lake, tmp_path, monkeypatch):
    from ray import cloudpickle

    import newsevents.runners.ray as runner

    src, local, _ = local_lake
    dies = type("DiesOnce", (_DiesOnce,), {"marker": str(tmp_path / "died")})
    cloudpickle.register_pickle_by_value(__import__(__name__))
    monkeypatch.setattr(runner, "_Extract", dies)
    runner_stats = runner.ingest_ray([str(src)], tmp_path / "lake", workers=1)
    assert (tmp_path / "died").exists()
    assert runner_stats["stored"] == 11
    assert lake_table(tmp_path / "lake") == lake_table(local)


def test_ray_lake_loads_like_direct_ingest(ray_local, local_lake, pipeline, tmp_path):
    from newsevents.export.lake import load_lake
    from newsevents.ingest import ingest
    from newsevents.runners.ray import ingest_ray
    from newsevents.sources import read_inputs
    from newsevents.store import open_store

    src, _, _ = local_lake
    ingest_ray([str(src)], tmp_path / "lake", workers=1)
    with open_store(str(tmp_path / "direct.db")) as direct, open_store(str(tmp_path / "loaded.db")) as loaded:
        ingest(read_inputs([str(src)]), direct, pipeline=pipeline)
        load_lake(tmp_path / "lake", loaded)
        assert db_tables(loaded) == db_tables(direct)
