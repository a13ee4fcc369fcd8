"""The wikinews-dev date scorer (newsevents.evaluate.realnews) on tiny hand-made pairs (no model needed)."""
from __future__ import annotations

from newsevents.evaluate.realnews import alternative_extents, score_realnews
from newsevents.records import ArticleAnalysis, Evidence, TimeExpr


def tx(text: str, phrase: str, value: str, type_: str = "DATE", nth: int = 0) -> TimeExpr:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    ev = Evidence(sentence=0, start=start, end=start + len(phrase), text=phrase)
    return TimeExpr(id=f"T{start}", text=phrase, type=type_, value=value, evidence=ev)


def test_must_date_met_by_its_optional_alternative_extent():
    """'On Saturday morning': the must 'Saturday' and the optional 'Saturday morning' are one expression;
    emitting the whole phrase meets both (recall 1/1, precision 1/1)."""
    t = "On Saturday morning, officials acknowledged the mistake. The jet crashed on Wednesday."
    expected = {"id": "a1", "dates": [{"must": True, "mention": "Saturday", "value": "2020-01-11"},
                                      {"must": False, "mention": "Saturday morning", "value": "2020-01-11"}]}
    an = ArticleAnalysis(text=t, dates=[tx(t, "Saturday morning", "2020-01-11TMO", "TIME")])
    s = score_realnews([(expected, an)])
    assert s.metrics["dates_recall"] == 1.0 and s.metrics["dates_precision"] == 1.0
    item = next(it for it in s.items if it["id"] == "a1:dates:Saturday")
    assert item["predicted"] == "met by its alternative extent 'Saturday morning'"


def test_longer_optional_phrase_elsewhere_is_no_alternative_extent():
    """'since June' is its own expression: an emitted 'June of this year' does not meet the must 'June'."""
    t = "Protests have gone on since June. They began in June of this year."
    exp_dates = [{"must": True, "mention": "June", "value": "2019-06"},
                 {"must": False, "mention": "June of this year", "value": "2019-06"}]
    assert alternative_extents(t, exp_dates[0], exp_dates) == []
    an = ArticleAnalysis(text=t, dates=[tx(t, "June of this year", "2019-06")])
    s = score_realnews([({"id": "a1", "dates": exp_dates}, an)])
    assert s.metrics["dates_recall"] == 0.0


def test_alternative_extent_needs_the_same_value():
    t = "On Saturday morning, officials met."
    exp_dates = [{"must": True, "mention": "Saturday", "value": "2020-01-11"},
                 {"must": False, "mention": "Saturday morning", "value": "2020-01-04"}]
    assert alternative_extents(t, exp_dates[0], exp_dates) == []
