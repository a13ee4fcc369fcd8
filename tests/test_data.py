"""Users extend knowledge files without touching Python (newsevents.data)."""
from __future__ import annotations

import pytest

from newsevents.data import load_tsv, load_yaml
from newsevents.errors import DataError


def test_user_yaml_extends_nested_lists_and_maps(tmp_path):
    (tmp_path / "quotes").mkdir()
    base = load_yaml("quotes/cues.yaml")
    (tmp_path / "quotes" / "cues.yaml").write_text("zz_user_key: [1, 2]\n", encoding="utf8")
    merged = load_yaml("quotes/cues.yaml", extra=[tmp_path])
    assert merged["zz_user_key"] == [1, 2]
    assert set(base) <= set(merged)


def test_merge_is_deep(tmp_path):
    from newsevents.data import _merge

    assert _merge({"a": {"x": [1]}, "b": 1}, {"a": {"x": [2], "y": 3}, "b": 2}) == {"a": {"x": [1, 2], "y": 3}, "b": 2}


def test_user_tsv_rows_are_appended(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "office_holders.tsv").write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\tsource\n"
        "Jane Doe\tDoe\tUSA\tGOV\tPresident\t2031-01-20\t\thttps://example.org\n", encoding="utf8")
    rows = load_tsv("actors/office_holders.tsv", extra=[tmp_path])
    assert rows[-1]["name"] == "Jane Doe" and rows[-1]["end"] is None
    assert len(rows) > 1000


def test_bad_tsv_row_names_file_and_row(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "office_holders.tsv").write_text("name\taliases\nonly-one-cell\n", encoding="utf8")
    with pytest.raises(DataError) as err:
        load_tsv("actors/office_holders.tsv", extra=[tmp_path])
    assert "row 2" in str(err.value)


def test_missing_file():
    with pytest.raises(DataError) as err:
        load_yaml("no/such.yaml")
    assert "[E010]" in str(err.value)


def test_yaml_words_on_off_yes_no_stay_words(tmp_path):
    """YAML 1.1 reads on/off/yes/no as booleans; in knowledge files they are words (a user's
    list of prepositions with 'on' must not become [True])."""
    from newsevents.data import load_yaml

    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "rules.yaml").write_text("recipient_preps: [on, off, yes, no]\nflag: true\n",
                                                    encoding="utf-8")
    rules = load_yaml("events/rules.yaml", extra=[tmp_path])
    assert rules["recipient_preps"][-4:] == ["on", "off", "yes", "no"] and rules["flag"] is True
    assert "on" in load_yaml("actors/rules.yaml")["actor_preps"]
