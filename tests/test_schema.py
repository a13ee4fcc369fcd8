"""The JSON Schema in the repo is generated from the record types and validates real output."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema

from newsevents import json_schema

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "article-analysis.schema.json"


def test_schema_file_is_up_to_date():
    assert json.loads(SCHEMA.read_text(encoding="utf8")) == json_schema(), (
        "schema/article-analysis.schema.json is stale: run `make schema`")


def test_real_output_validates(pipeline):
    text = ("The two leaders met Sunday at Panmunjom. “Stepping across that line is a great honor,” Trump said. "
            "Opponents have criticized Trump for cozying up to Kim Jong Un.")
    a = pipeline(text, published=date(2019, 7, 1))
    data = json.loads(a.model_dump_json())
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf8")))
    assert data["events"] and data["quotes"] and data["actors"]


def test_error_output_validates(pipeline):
    data = json.loads(pipeline("   ").model_dump_json())
    jsonschema.validate(data, json_schema())
    assert data["error"]["code"] == "E101"
