"""A small input for the lake and runner tests: the 4 samples, 6 short articles and 3 bad records
(parsing is slow: ~10 short articles are enough to compare engines row for row)."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHORT = [
    ("short-1", "2021-03-02", "Germany and France signed a trade agreement in Berlin on Tuesday. The German chancellor "
     "said the deal would help both economies."),
    ("short-2", "2021-03-03", "Police arrested 20 protesters in Minsk on Wednesday, the Belarusian interior ministry "
     "said. The protesters had marched against the government."),
    ("short-3", "2021-03-04", "The United Nations condemned the attack on a school in Kabul. Afghan officials said "
     "the Taliban denied any role."),
    ("short-4", "2021-03-04", "Japan will send aid to the Philippines after the typhoon, the Japanese foreign "
     "minister said on Thursday."),
    ("short-5", "2021-03-05", "Russia expelled two Polish diplomats on Friday. Poland said it would respond."),
    ("short-6", "2021-03-05", "Kenya and Ethiopia agreed to reopen their border, the two governments said in a "
     "joint statement yesterday."),
]


def write_input(folder: Path) -> Path:
    """Write ``articles.jsonl`` (13 records: 10 articles, a wrong-typed text, a malformed line and an
    article without an id, named ``path:line``) into ``folder``. RETURNS (Path)."""
    lines = (ROOT / "samples" / "articles.jsonl").read_text(encoding="utf8").splitlines()
    lines += [json.dumps({"id": i, "published": d, "text": t, "source": "Test Wire"}) for i, d, t in SHORT]
    lines += ['{"id": "bad-type", "text": 12}', '{not json}',
              json.dumps({"published": "2021-03-06", "text": "Chile recalled its ambassador from Peru on Saturday."})]
    path = folder / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    return path


def write_local_lake(folder: Path, pipeline, name: str = "lake") -> tuple:
    """Write the input (:func:`write_input`) into ``folder`` and its lake by the local path into
    ``folder / name``. RETURNS (tuple[Path, Path]): the input file and the lake."""
    from newsevents.export.lake import LakeWriter
    from newsevents.ingest import ingest
    from newsevents.sources import read_inputs

    src = write_input(folder)
    with LakeWriter(folder / name) as writer:
        ingest(read_inputs([str(src)]), writer, pipeline=pipeline)
    return src, folder / name


def lake_table(path) -> list[dict]:
    """Every row of a lake, sorted (kind, article id, event id): lakes compare row for row."""
    from newsevents.export.lake import _dataset

    rows = _dataset(path).to_table().to_pylist()
    return sorted(rows, key=lambda r: (r["kind"], r["article_id"] or "", r["event_id"] or ""))


def db_tables(store) -> dict:
    """Every table of a store but meta, each sorted: databases compare row for row."""
    from newsevents.store.schema import TABLES

    return {t: sorted(map(repr, store._rows(f"SELECT * FROM {t}"))) for t in TABLES if t != "meta"}
