"""Indexed lookups give what the scans they replace gave (the organisation-name regex, office holders)."""
from __future__ import annotations

from datetime import date

from newsevents.actors.tables import OfficeHolders
from newsevents.places.role import organisation_pattern


def _spans(pattern, text):
    return [text[m.start():m.end()] for m in pattern.finditer(text)]


def test_organisation_pattern_prefers_the_longest_name():
    rows = [{"canonical": "United Nations", "aliases": "UN|UN Security Council"},
            {"canonical": "UNICEF", "aliases": ""}, {"canonical": "Security Council", "aliases": ""}]
    pattern = organisation_pattern(rows)
    assert _spans(pattern, "The UN Security Council met; UNICEF's staff left.") == ["UN Security Council", "UNICEF"]


def test_organisation_pattern_falls_back_when_the_longer_name_runs_into_a_word():
    rows = [{"canonical": "UN", "aliases": "UN Security Council"}]
    pattern = organisation_pattern(rows)
    # "UN Security Councils" is no name; "UN" before it is
    assert _spans(pattern, "UN Security Councils") == ["UN"]
    # whole words only, and not after a full stop ("X.UN")
    assert _spans(pattern, "UNESCO and X.UN and UN.") == ["UN"]


def test_organisation_pattern_escapes_and_empty_table():
    rows = [{"canonical": "A+B (Group)", "aliases": "C.D."}]
    pattern = organisation_pattern(rows)
    assert _spans(pattern, "the A+B (Group) and C.D. met") == ["A+B (Group)", "C.D."]
    assert organisation_pattern([{"canonical": "X", "aliases": ""}]) is None


def test_holder_of_by_role_and_day():
    holders = OfficeHolders([
        {"name": "Ann Old", "country": "USA", "sector": "GOV", "role": "President", "start": "2009-01-20",
         "end": "2017-01-20"},
        {"name": "Bob New", "country": "USA", "sector": "GOV", "role": "President", "start": "2017-01-20", "end": ""},
        {"name": "Cy Other", "country": "FRA", "sector": "GOV", "role": "president", "start": "2012-05-15", "end": ""},
        {"name": "Ann Old", "country": "USA", "sector": "GOV", "role": "Senator", "start": "2001-01-03",
         "end": "2009-01-20"},
    ])
    assert holders.holder_of("president", "USA", date(2016, 6, 1)) == "Ann Old"
    assert holders.holder_of("PRESIDENT", "USA", date(2019, 6, 1)) == "Bob New"
    assert holders.holder_of("President", "FRA", date(2019, 6, 1)) == "Cy Other"
    # no country: the first listed holder in office that day (the table's order of names)
    assert holders.holder_of("President", None, date(2016, 6, 1)) == "Ann Old"
    assert holders.holder_of("Senator", "USA", date(2005, 1, 1)) == "Ann Old"
    assert holders.holder_of("Senator", "USA", date(2010, 1, 1)) is None
    assert holders.holder_of("Mayor", "USA", date(2010, 1, 1)) is None
