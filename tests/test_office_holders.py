"""Validity of the office-holders table ``newsevents/data/actors/office_holders.tsv``.

Checks the shape of every row (8 cells, ISO 3166-1 alpha-3 country or "EUR",
ISO dates with start <= end, sector GOV, a role from the documented vocabulary,
a non-empty source) and spot-checks known terms of office against the dates
given by the Wikipedia office lists cited in the table.
"""
import datetime as dt

import pycountry
import pytest

from newsevents.data import DATA_DIR, load_tsv

NAME = "actors/office_holders.tsv"
COLUMNS = ["name", "aliases", "country", "sector", "role", "start", "end", "source"]
ROLES = {
    "President", "Vice President", "Acting President", "Prime Minister", "Premier", "Chancellor",
    "King", "Queen", "Emir", "Sultan", "Emperor", "Grand Duke", "Pope", "Crown Prince",
    "Supreme Leader", "General Secretary", "Chairman", "Presidium President", "Deputy President",
    "Chief Executive", "Chief Adviser", "State Counsellor", "Head of State", "Foreign Minister", "Defence Minister",
    "Commission President", "European Council President", "High Representative", "Parliament President",
}
HEAD_ROLES = {
    "President", "Acting President", "Prime Minister", "Premier", "Chancellor", "King", "Queen",
    "Emir", "Sultan", "Emperor", "Grand Duke", "Supreme Leader", "General Secretary",
}
G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"EUR", "XKX"}


@pytest.fixture(scope="module")
def rows():
    return load_tsv(NAME)


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _terms(rows, name, role, country):
    return [(_date(r["start"]), _date(r["end"])) for r in rows
            if r["name"] == name and r["role"] == role and r["country"] == country]


def test_header_and_cell_count():
    lines = [ln for ln in (DATA_DIR / NAME).read_text(encoding="utf8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    assert lines[0].split("\t") == COLUMNS
    for i, line in enumerate(lines[1:], start=2):
        assert len(line.split("\t")) == 8, f"data line {i}: {line!r}"


def test_every_row_is_valid(rows):
    assert len(rows) > 1000
    for r in rows:
        assert r["name"] and r["name"] == r["name"].strip(), r
        assert r["country"] in ISO3, r
        assert r["sector"] == "GOV", r
        assert r["role"] in ROLES, r
        assert r["source"] and r["source"].startswith("https://"), r
        start, end = _date(r["start"]), _date(r["end"])
        assert start is not None, r
        if end is not None:
            assert start <= end, r
        if r["aliases"]:
            for alias in r["aliases"].split("|"):
                assert alias and alias == alias.strip() and alias != r["name"], r


def test_no_duplicate_rows(rows):
    keys = [(r["name"], r["country"], r["role"], r["start"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_spot_checks(rows):
    assert _terms(rows, "Donald Trump", "President", "USA") == [
        (dt.date(2017, 1, 20), dt.date(2021, 1, 20)), (dt.date(2025, 1, 20), None)]
    assert _terms(rows, "Joe Biden", "President", "USA") == [(dt.date(2021, 1, 20), dt.date(2025, 1, 20))]
    assert _terms(rows, "Moon Jae-in", "President", "KOR") == [(dt.date(2017, 5, 10), dt.date(2022, 5, 10))]
    assert _terms(rows, "Xi Jinping", "General Secretary", "CHN") == [(dt.date(2012, 11, 15), None)]
    assert _terms(rows, "Xi Jinping", "President", "CHN") == [(dt.date(2013, 3, 14), None)]
    assert _terms(rows, "Kim Jong Un", "Supreme Leader", "PRK") == [(dt.date(2011, 12, 17), None)]
    assert _terms(rows, "Boris Johnson", "Prime Minister", "GBR") == [(dt.date(2019, 7, 24), dt.date(2022, 9, 6))]
    assert _terms(rows, "Vladimir Putin", "President", "RUS") == [
        (dt.date(2000, 5, 7), dt.date(2008, 5, 7)), (dt.date(2012, 5, 7), None)]
    assert _terms(rows, "Angela Merkel", "Chancellor", "DEU") == [(dt.date(2005, 11, 22), dt.date(2021, 12, 8))]
    kim = [r for r in rows if r["name"] == "Kim Jong Un"][0]
    assert "Kim Jong-un" in kim["aliases"].split("|")


def _holds(rows, country, roles, day):
    for r in rows:
        if r["country"] == country and r["role"] in roles:
            if _date(r["start"]) <= day and (r["end"] is None or day < _date(r["end"])):
                yield r


@pytest.mark.parametrize("country", G20)
def test_g20_head_on_2019_06_30(rows, country):
    assert list(_holds(rows, country, HEAD_ROLES, dt.date(2019, 6, 30))), country


def test_seed_article_leaders_in_office_on_2019_07_01(rows):
    day = dt.date(2019, 7, 1)
    names = {r["name"] for r in _holds(rows, "USA", {"President"}, day)}
    assert names == {"Donald Trump"}
    assert {r["name"] for r in _holds(rows, "PRK", {"Supreme Leader"}, day)} == {"Kim Jong Un"}
    assert {r["name"] for r in _holds(rows, "KOR", {"President"}, day)} == {"Moon Jae-in"}
    assert {r["name"] for r in _holds(rows, "CHN", {"President"}, day)} == {"Xi Jinping"}
    assert {r["name"] for r in _holds(rows, "RUS", {"President"}, day)} == {"Vladimir Putin"}


def test_no_overlapping_terms_in_single_holder_offices(rows):
    """Two people never hold the same single-holder office on the same day
    (a term's end day may equal the successor's start day)."""
    single = {"President", "Prime Minister", "Chancellor", "Foreign Minister", "Defence Minister",
              "King", "Queen", "Emir", "Emperor", "Premier"}
    by_office = {}
    SHARED = ("acting", "rival", "federal", "disputed")
    for r in rows:
        if r["role"] in single and not any(w in r["source"] for w in SHARED):
            by_office.setdefault((r["country"], r["role"]), []).append(r)
    for office, terms in by_office.items():
        terms.sort(key=lambda r: r["start"])
        for a, b in zip(terms, terms[1:]):
            assert a["end"] is not None and a["end"] <= b["start"], (office, a["name"], b["name"])
