"""Scorers of newsevents.evaluate on tiny hand-made gold/predicted pairs (no model needed).

Every expected number is worked out by hand in the comments.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from newsevents.evaluate import (compare, evaluate, format_comparison, format_table, load_baseline,
                                 sample_indices, seed_check, write_baseline)
from newsevents.evaluate import parse_dltime
from newsevents.evaluate.common import (gold_code, haversine_km, match_spans, norm_ranges, norm_sector,
                                        overlap_chars, pred_code, spans_match)
from newsevents.evaluate.events import event_dyads, score_case2021, score_petr2, score_plover, top_event
from newsevents.evaluate.geo import score_geo, score_timex
from newsevents.evaluate.quotes import gold_ranges, score_polnear
from newsevents.evaluate.seed import score_seed, sentence_bounds
from newsevents.records import (Actor, ActorRef, ArticleAnalysis, Event, Evidence, Place, Quote, Speaker,
                                TimeExpr)


# -- builders -------------------------------------------------------------------
def evid(text: str, start: int, end: int, sentence: int = 0) -> Evidence:
    return Evidence(sentence=sentence, start=start, end=end, text=text[start:end])


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def ref(code, sector=None) -> ActorRef:
    return ActorRef(mention="A1", canonical=str(code), code=code, sector=sector)


def event(eid, etype, trig_start, *, actors=(), recipients=(), mode=None, cameo=None, reciprocal=False,
          text="x" * 200, date_=None, place=None, trig_end=None, ev_span=None) -> Event:
    trig_end = trig_end if trig_end is not None else trig_start + 1
    s, e = ev_span or (0, len(text))
    return Event(id=eid, event_type=etype, mode=mode, actors=list(actors), recipients=list(recipients),
                 reciprocal=reciprocal, cameo=cameo, date=date_, place=place,
                 trigger=evid(text, trig_start, trig_end), evidence=evid(text, s, e))


def analysis(text="x" * 200, **kw) -> ArticleAnalysis:
    return ArticleAnalysis(text=text, **kw)


# -- spans ---------------------------------------------------------------------------
def test_norm_ranges_merges_and_sorts():
    assert norm_ranges([(5, 8), (0, 3), (3, 4), (9, 9)]) == ((0, 4), (5, 8))


def test_discontinuous_gold_span_compared_on_fragment_characters():
    gold = norm_ranges([(0, 4), (10, 20)])  # 14 characters, gap 4..10
    assert overlap_chars(gold, ((2, 12),)) == 4  # 2..4 and 10..12
    assert spans_match(gold, ((2, 12),), "overlap")
    assert not spans_match(gold, ((2, 12),), "half")  # 4 of 14 < 50%
    assert not spans_match(gold, ((4, 10),), "overlap")  # only the gap
    assert spans_match(gold, ((0, 20),), "half")  # all 14 gold characters
    assert not spans_match(gold, ((0, 20),), "exact")  # the gap is extra
    assert spans_match(gold, norm_ranges([(10, 20), (0, 4)]), "exact")


def test_match_spans_one_to_one():
    # one predicted span overlapping two gold spans by 5 characters each: it
    # matches once, the tie goes to the first gold span
    assert match_spans([((0, 10),), ((20, 30),)], [((5, 25),)], "overlap") == [(0, 0)]
    # the larger overlap wins
    assert match_spans([((0, 10),), ((20, 30),)], [((8, 28),)], "overlap") == [(1, 0)]


# -- codes -----------------------------------------------------------------------------
def test_codes_normalised():
    assert gold_code("USAGOV") == "USA"
    assert gold_code("IGOUNOMIL") == "IGO"
    assert gold_code("JAP") == "JPN" and gold_code("ITL") == "ITA" and gold_code("VTN") == "VNM"
    assert gold_code("---REB") is None and gold_code("***") is None and gold_code("---") is None
    assert pred_code("UNO") == "IGO" and pred_code("NATO") == "IGO"
    assert pred_code("PRK") == "PRK" and pred_code("NGO") == "NGO" and pred_code(None) is None
    assert norm_sector("CVLalb") == "CVL" and norm_sector("MED") == "JRN" and norm_sector("***") is None


# -- geo -------------------------------------------------------------------------------
def test_haversine_one_degree_at_equator():
    # 2 * pi * 6371.0088 / 360
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19508, abs=1e-4)
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5565, abs=1e-3)


def test_score_geo_recognition_acc161_and_country():
    text = "Paris and Lyon and Nice."
    gold = {"id": "g1", "text": text, "toponyms": [
        {"start": 0, "end": 5, "text": "Paris", "lat": 0.0, "lon": 0.0, "country": "FR", "resolved": True},
        {"start": 10, "end": 14, "text": "Lyon", "lat": 0.0, "lon": 0.0, "country": "FR", "resolved": True},
        {"start": 19, "end": 23, "text": "Nice", "lat": None, "lon": None, "country": None, "resolved": False},
    ]}
    places = [
        Place(id="P1", text="Paris", lat=0.0, lon=1.4, country="FRA", evidence=evid(text, 0, 5)),  # 155.67 km
        Place(id="P2", text="Lyo", lat=0.0, lon=1.5, country="DEU", evidence=evid(text, 10, 13)),  # 166.79 km
        Place(id="P3", text="and", evidence=evid(text, 6, 9)),  # spurious
    ]
    s = score_geo([(gold, analysis(text, places=places))])
    m = s.metrics
    # recognition: 2 overlap matches of 3 predicted, 3 gold; exact: only Paris
    assert m["toponym_p"] == pytest.approx(2 / 3) and m["toponym_r"] == pytest.approx(2 / 3)
    assert m["toponym_f"] == pytest.approx(2 / 3) and m["toponym_exact_f"] == pytest.approx(1 / 3)
    # Paris 155.67 km <= 161, Lyon 166.79 km > 161
    assert m["acc161"] == 0.5 and m["geocoded"] == 1.0
    assert m["median_km"] == pytest.approx((155.6731 + 166.7926) / 2, abs=1e-3)
    assert m["mean_km"] == pytest.approx(m["median_km"])
    assert m["country_acc"] == 0.5 and s.confusions == [["FRA", "DEU", 1]]
    assert s.items[0]["gold"]["missed"] == ["Nice"] and s.items[0]["predicted"]["spurious"] == ["and"]
    assert s.items[0]["ok"] is False


def test_score_geo_prediction_without_coordinates_is_a_miss():
    text = "Paris."
    gold = {"id": "g", "text": text, "toponyms": [
        {"start": 0, "end": 5, "text": "Paris", "lat": 48.85, "lon": 2.35, "country": "FR", "resolved": True}]}
    s = score_geo([(gold, analysis(text, places=[Place(id="P1", text="Paris", evidence=evid(text, 0, 5))]))])
    assert s.metrics["acc161"] == 0.0 and s.metrics["geocoded"] == 0.0 and s.metrics["median_km"] is None


def test_score_geo_literal_toponyms_and_role_agreement():
    text = "US troops left Iraq for Kuwait."
    gold = {"id": "g", "text": text, "toponyms": [
        {"start": 0, "end": 2, "text": "US", "type_group": "associative", "resolved": False},
        {"start": 15, "end": 19, "text": "Iraq", "type_group": "literal", "resolved": False},
        {"start": 24, "end": 30, "text": "Kuwait", "type_group": "literal", "resolved": False}]}
    places = [Place(id="P1", text="US", role="associative", evidence=evid(text, 0, 2)),
              Place(id="P2", text="Iraq", role="literal", evidence=evid(text, 15, 19)),
              Place(id="P3", text="Kuwait", role="associative", evidence=evid(text, 24, 30))]
    m = score_geo([(gold, analysis(text, places=places))]).metrics
    assert m["toponym_r_literal"] == 1.0 and m["toponym_r_associative"] == 1.0  # any prediction counts
    # the default output (non-associative places): Iraq only, against the literal gold Iraq and Kuwait
    assert m["literal_p"] == 1.0 and m["literal_r"] == 0.5
    assert m["role_acc"] == pytest.approx(2 / 3)  # Kuwait typed associative


# -- timex ---------------------------------------------------------------------------------
def test_score_timex_strict_overlap_value_type():
    text = "\nOn Monday, two weeks ago, in 1998."
    gold = {"id": "d", "text": text, "dct": "1998-01-08", "timexes": [
        {"start": at(text, "Monday")[0], "end": at(text, "Monday")[1], "text": "Monday", "type": "DATE", "value": "1998-01-05"},
        {"start": at(text, "two weeks ago")[0], "end": at(text, "two weeks ago")[1], "text": "two weeks ago", "type": "DATE", "value": "1997-12-25"},
        {"start": at(text, "1998")[0], "end": at(text, "1998")[1], "text": "1998", "type": "DATE", "value": "1998"},
    ]}
    dates = [TimeExpr(id="T1", text="Monday", type="DATE", value="1998-01-05", evidence=evid(text, *at(text, "Monday"))),
             TimeExpr(id="T2", text="two weeks", type="DURATION", value="P2W", evidence=evid(text, *at(text, "two weeks")))]
    s = score_timex([(gold, analysis(text, dates=dates))])
    m = s.metrics
    # strict: 1 of 2 predicted, 1 of 3 gold -> F = 2*.5*(1/3)/(.5+1/3) = 0.4
    assert (m["strict_p"], m["strict_r"]) == (0.5, pytest.approx(1 / 3)) and m["strict_f"] == pytest.approx(0.4)
    # overlap: 2/2, 2/3 -> F 0.8
    assert m["overlap_p"] == 1.0 and m["overlap_r"] == pytest.approx(2 / 3) and m["overlap_f"] == pytest.approx(0.8)
    assert m["value_acc"] == 0.5 and m["type_acc"] == 0.5
    assert s.confusions == [["DATE", "DURATION", 1]]


# -- PETRARCH-2 ------------------------------------------------------------------------------
def test_petr2_dyads_with_unknown_country():
    g1 = {"id": "s1", "text": "Insurgents bombarded Aleppo.", "events": [
        {"source": "---REB", "target": "SYR", "cameo": "190"},
        {"source": "USAGOV", "target": "RUS", "cameo": "111"}]}
    a1 = analysis(events=[
        event("E1", "ASSAULT", 0, actors=[ref(None, "REB")], recipients=[ref("SYR")], cameo="19"),
        event("E2", "ACCUSE", 5, actors=[ref("USA", "GOV")], cameo="11")])  # (USA, ---, 11): no RUS
    g2 = {"id": "s2", "text": "No event here.", "events": []}
    a2 = analysis(events=[event("E1", "CONSULT", 0, actors=[ref("USA"), ref("RUS"), ref("CHE")], cameo="04",
                                reciprocal=True)])  # 6 ordered dyads, all false
    g3 = {"id": "s3", "text": "Nothing either.", "events": []}
    g4 = {"id": "empty", "text": "", "events": [{"source": "NGAREB", "target": "NGAMUS", "cameo": "190"}]}
    s = score_petr2([(g1, a1), (g2, a2), (g3, analysis()), (g4, analysis())])
    m = s.metrics
    assert s.n == 3  # the empty sentence is skipped
    # tp 1; predicted dyads 2 + 6 = 8; gold 2: P 1/8, R 1/2, F 0.2
    assert m["dyad_p"] == 0.125 and m["dyad_r"] == 0.5 and m["dyad_f"] == pytest.approx(0.2)
    assert m["root_acc"] == 1.0  # roots 19 and 11 both predicted
    assert m["noevent_false"] == 0.5 and m["noevent_false_events"] == 0.5
    assert event_dyads(a2.events[0]) == {(a, b, "04") for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE")
                                         if a != b}


# -- PLOVER GSR --------------------------------------------------------------------------------
def test_plover_types_codes_sectors_modes():
    g1 = {"id": "p1", "text": "Hungarian and Romanian officials agreed.", "event_type": "AGREE", "mode_v2": None,
          "reciprocal": True, "actors": [{"text": "Hungarian", "code": "HUN", "sector": "GOV"},
                                         {"text": "Romanian", "code": "ROU", "sector": "GOV"}], "recipients": []}
    a1 = analysis(events=[  # top: first in list (the events stage's salience order)
        event("E2", "AGREE", 10, actors=[ref("HUN", "GOV")], recipients=[ref("ROU", "GOV")]),
        event("E1", "SUPPORT", 30)])
    g2 = {"id": "p2", "text": "Albanians protested against Serbia and the UN.", "event_type": "PROTEST",
          "mode_v2": "demo", "reciprocal": False,
          "actors": [{"text": "Albanians", "code": "ALB", "sector": "CVLalb"}],
          "recipients": [{"text": "Serbia", "code": "SRB", "sector": "GOV"}, {"text": "UN", "code": "IGO", "sector": None}]}
    a2 = analysis(events=[
        event("E1", "ASSAULT", 5, actors=[ref("ALB")]),
        event("E2", "PROTEST", 20, mode="riot", actors=[ref("ALB", "CVL")],
              recipients=[ref("SRB", "MIL"), ref("UNO"), ref("FRA")])])
    s = score_plover([(g1, a1), (g2, a2)])
    m = s.metrics
    assert m["type_any"] == 1.0 and m["type_top"] == 0.5
    assert s.confusions == [["PROTEST", "ASSAULT", 1]]
    # actors: {HUN,ROU} vs actors+recipients of the reciprocal gold event, {ALB} vs {ALB}: 3/3/3
    assert (m["actor_p"], m["actor_r"], m["actor_f"]) == (1.0, 1.0, 1.0)
    # recipients: {SRB, IGO} vs {SRB, IGO(UNO), FRA}: P 2/3, R 1, F 0.8
    assert m["recipient_p"] == pytest.approx(2 / 3) and m["recipient_r"] == 1.0
    assert m["recipient_f"] == pytest.approx(0.8)
    # sectors: HUN GOV, ROU GOV, ALB CVL right; SRB GOV predicted MIL: 3/4
    assert m["sector_acc"] == 0.75
    assert m["mode_acc"] == 0.0  # demo vs riot
    assert [i["ok"] for i in s.items] == [True, False]


def test_top_event_is_first_in_salience_order():
    a = analysis(events=[event("E1", "SUPPORT", 30), event("E2", "AGREE", 10), event("E3", "REJECT", 10)])
    assert top_event(a).id == "E1"
    assert top_event(analysis()) is None


# -- CASE 2021 ------------------------------------------------------------------------------------
def test_case2021_accuracy_and_macro_f1():
    pairs = [
        ({"id": "1", "text": "a", "plover": "ASSAULT"}, analysis(events=[event("E1", "ASSAULT", 0)])),
        ({"id": "2", "text": "b", "plover": "ASSAULT"}, analysis()),
        ({"id": "3", "text": "c", "plover": None}, analysis()),
        ({"id": "4", "text": "d", "plover": "PROTEST"},
         analysis(events=[event("E1", "ASSAULT", 0), event("E2", "PROTEST", 9)])),
    ]
    s = score_case2021(pairs)
    m = s.metrics
    assert m["accuracy"] == 0.5
    # ASSAULT: tp1 pred2 gold2 -> F .5; NONE: tp1 pred2 gold1 -> F 2/3; PROTEST: F 0
    assert m["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 0) / 3)
    assert m["typed_acc"] == pytest.approx(1 / 3) and m["typed_any"] == pytest.approx(2 / 3)
    assert s.confusions == [["ASSAULT", "NONE", 1], ["PROTEST", "ASSAULT", 1]]


# -- PolNeAR -------------------------------------------------------------------------------------------
def _span(text, phrases):
    frags = [dict(zip(("start", "end"), at(text, p)), text=p) for p in phrases]
    return {"tid": "T", "start": frags[0]["start"], "end": frags[-1]["end"], "text": " ".join(phrases),
            "fragments": frags}


def test_polnear_roles_triples_and_discontinuous_content():
    text = 'Smith said "we will win." Taxes, Jones added, will rise.'
    gold = {"id": "art", "text": text, "attributions": [
        {"id": "E1", "source": _span(text, ["Smith"]), "cue": _span(text, ["said"]),
         "content": _span(text, ['"we will win."'])},
        {"id": "E2", "source": _span(text, ["Jones"]), "cue": _span(text, ["added"]),
         "content": _span(text, ["Taxes,", "will rise."])},  # discontinuous: 6 + 10 characters
    ]}
    assert gold_ranges(gold["attributions"][1]["content"]) == (at(text, "Taxes,"), at(text, "will rise."))
    q1 = Quote(id="Q1", kind="direct", source=evid(text, *at(text, "Smith")), cue=evid(text, *at(text, "said")),
               content=evid(text, *at(text, "we will win.")))  # misses the opening quote mark: 13 of 14
    q2 = Quote(id="Q2", kind="indirect", source=None, cue=evid(text, *at(text, "added")),
               content=evid(text, at(text, "Taxes,")[0], len(text)))  # covers the gap too
    s = score_polnear([(gold, analysis(text, quotes=[q1, q2]))])
    m = s.metrics
    # source: gold Smith, Jones; predicted Smith -> P 1, R .5, F 2/3 in every mode
    for mode in ("exact", "overlap", "half"):
        assert (m[f"source_{mode}_p"], m[f"source_{mode}_r"]) == (1.0, 0.5)
        assert m[f"source_{mode}_f"] == pytest.approx(2 / 3)
        assert m[f"cue_{mode}_f"] == 1.0
    assert m["content_exact_f"] == 0.0 and m["content_overlap_f"] == 1.0 and m["content_half_f"] == 1.0
    # triples: Q1~E1 (overlap, half); Q2 has no source but E2 has one
    assert m["triple_exact_f"] == 0.0
    assert (m["triple_overlap_p"], m["triple_overlap_r"], m["triple_half_f"]) == (0.5, 0.5, 0.5)
    assert s.items[0]["triple_overlap_tp"] == 1 and "gold" in s.items[0]
    hidden = score_polnear([(gold, analysis(text, quotes=[q1, q2]))], hide_items=True)
    assert set(hidden.items[0]) == {"id", "gold_n", "predicted_n", "triple_overlap_tp", "ok"}


def test_polnear_attribution_in_discarded_text_is_not_scored():
    # the annotators flagged the editor's note "Discard" and annotated nothing in it
    text = "Smith said taxes will rise. Editor's note: Jones has pledged to ban all imports."
    note = at(text, "Editor's note: Jones has pledged to ban all imports.")
    gold = {"id": "art", "text": text, "attributions": [
        {"id": "E1", "source": _span(text, ["Smith"]), "cue": _span(text, ["said"]),
         "content": _span(text, ["taxes will rise"])}],
        "flags": [{"type": "Discard", "tid": "T9", "start": note[0], "end": note[1], "text": text[note[0]:note[1]]},
                  {"type": "Discuss", "tid": "T8", "start": 0, "end": 5, "text": "Smith"}]}
    q1 = Quote(id="Q1", kind="indirect", source=evid(text, *at(text, "Smith")), cue=evid(text, *at(text, "said")),
               content=evid(text, *at(text, "taxes will rise")))
    q2 = Quote(id="Q2", kind="indirect", source=evid(text, *at(text, "Jones")),
               cue=evid(text, *at(text, "has pledged")), content=evid(text, *at(text, "to ban all imports")))
    m = score_polnear([(gold, analysis(text, quotes=[q1, q2]))]).metrics
    assert (m["triple_overlap_p"], m["triple_overlap_r"]) == (1.0, 1.0)
    assert m["cue_exact_p"] == 1.0
    # without the flag the same prediction is a false positive
    del gold["flags"]
    m = score_polnear([(gold, analysis(text, quotes=[q1, q2]))]).metrics
    assert (m["triple_overlap_p"], m["triple_overlap_r"]) == (0.5, 1.0)


# -- seed -----------------------------------------------------------------------------------------------
SEED_TEXT = "Trump met Kim Sunday at Panmunjom. They agreed to resume talks. Trump said “we are friends.”"


def _seed_analysis():
    t = SEED_TEXT
    trump = Actor(id="A1", text="Trump", canonical="Donald Trump", code="USA", sector=None, entity="E1",
                  resolved_by="office-holder", evidence=evid(t, *at(t, "Trump")))
    panm = Place(id="P1", text="Panmunjom", lat=37.956, lon=126.777, country="KOR", evidence=evid(t, *at(t, "Panmunjom")))
    sunday = TimeExpr(id="T1", text="Sunday", value="2019-06-30", evidence=evid(t, *at(t, "Sunday")))
    s1 = at(t, "Trump met Kim Sunday at Panmunjom.")
    s2 = at(t, "They agreed to resume talks.")
    events = [
        event("V1", "ACCUSE", at(t, "met")[0], actors=[ref("USA")], text=t, ev_span=s1),
        event("V2", "CONSULT", at(t, "met")[0], actors=[ref("USA")], recipients=[ref("PRK")], reciprocal=True,
              date_="2019-06-30", place="P1", text=t, ev_span=s1),
        event("V3", "AGREE", at(t, "agreed")[0], actors=[ref("USA"), ref("PRK")], reciprocal=True, text=t, ev_span=s2),
    ]
    quote = Quote(id="Q1", kind="direct", cue=evid(t, *at(t, "said")), source=evid(t, *at(t, "Trump", 1)),
                  content=evid(t, *at(t, "“we are friends.”")), speaker=Speaker(canonical="Donald Trump", code="USA"))
    return analysis(t, actors=[trump], places=[panm], dates=[sunday], events=events, quotes=[quote])


SEED_EXPECTED = {
    "events": [
        {"must": True, "sentence_starts": "Trump met Kim", "types": ["CONSULT"], "modes": ["visit", ""],
         "actors": ["USA", "PRK"], "date": "2019-06-30", "place": "Panmunjom"},
        {"must": True, "sentence_starts": "Trump met Kim", "types": ["AGREE"], "actors": ["USA"]},  # next sentence
        {"must": True, "sentence_starts": "Trump said", "types": ["ACCUSE"]},
        {"must": False, "sentence_starts": "They agreed", "types": ["AGREE"], "actors": ["USA"], "recipients": ["KOR"]},
    ],
    "quotes": [{"must": True, "kind": "direct", "speaker": "Donald Trump", "cue": "Said", "content_contains": "friends"}],
    "places": [{"must": True, "mention": "Panmunjom", "country": ["KOR", "PRK"], "lat": 37.956, "lon": 126.677,
                "tolerance_km": 25}],  # 0.1 degree of longitude at 38 N: 8.8 km
    "dates": [{"must": True, "mention": "sunday", "value": "2019-06-30"}],
    "actors": [{"mention": "Trump", "canonical": "Donald Trump", "code": "USA", "sector": "GOV"}],
}


def test_seed_check_rules():
    assert sentence_bounds(SEED_TEXT)[1] == at(SEED_TEXT, "They agreed to resume talks. ")
    res = seed_check(_seed_analysis(), SEED_EXPECTED)
    met = [(r["kind"], r["met"]) for r in res]
    assert met == [("events", True), ("events", True), ("events", False), ("events", False), ("quotes", True),
                   ("places", True), ("dates", True), ("actors", False)]
    assert res[0]["why"].startswith("met by V2")
    assert res[2]["why"] == "no event in the sentence or the next one"
    assert "recipients" in res[3]["why"]
    assert res[7]["why"] == "sector None != 'GOV'"


def test_score_seed_shares():
    s = score_seed([(SEED_EXPECTED, _seed_analysis())])
    m = s.metrics
    assert s.n == 7  # 3 must events, 1 quote, 1 place, 1 date, 1 actor
    assert m["events"] == pytest.approx(2 / 3) and m["quotes"] == 1.0 and m["actors"] == 0.0
    assert m["must_met"] == pytest.approx(5 / 7) and m["optional_met"] == 0.0


# -- plumbing: evaluate(), sampling, baseline, gate comparison ------------------------------------------
class FakePipeline:
    """Returns a hand-made analysis per input: one ASSAULT event coded USA -> SYR, root 19."""

    def pipe(self, inputs):
        for art in inputs:
            yield ArticleAnalysis(text=art.text, id=art.id, published=art.published.isoformat() if art.published else None,
                                  events=[event("E1", "ASSAULT", 0, actors=[ref("USA")], recipients=[ref("SYR")],
                                                cameo="19", text=art.text or " ")] if art.text else [])


def test_evaluate_with_fake_pipeline(tmp_path):
    (tmp_path / "gold").mkdir()
    rows = [{"id": f"s{i}", "date": "20150609", "text": f"Sentence {i}.",
             "events": [{"source": "USAGOV", "target": "SYR", "cameo": "190"}] if i % 2 else []} for i in range(10)]
    (tmp_path / "gold" / "petr2_gsr.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    res = evaluate(["petr2"], pipeline=FakePipeline(), errors_path=str(errors), shared=tmp_path)
    r = res["petr2"]
    # every sentence predicts (USA, SYR, 19); 5 of 10 have it as gold
    assert r["n"] == 10 and r["metrics"]["dyad_p"] == 0.5 and r["metrics"]["dyad_r"] == 1.0
    assert r["metrics"]["noevent_false"] == 1.0 and r["sample"] == {"limit": None, "seed": 0, "of": 10}
    lines = [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 10 and lines[1]["set"] == "petr2" and lines[1]["ok"] is True
    assert set(lines[0]) >= {"set", "id", "excerpt", "gold", "predicted", "ok"}
    sub = evaluate(["petr2"], pipeline=FakePipeline(), limit=4, sample_seed=1, shared=tmp_path)
    assert sub["petr2"]["n"] == 4 and sub["petr2"]["sample"]["limit"] == 4
    assert "petr2" in format_table(res) and "dyad_f" in format_table(res)
    with pytest.raises(ValueError, match="Unknown gold set"):
        evaluate(["nope"], pipeline=FakePipeline(), shared=tmp_path)


def test_sample_indices_deterministic():
    a = sample_indices("case2021", 1019, 5, 0)
    assert a == sample_indices("case2021", 1019, 5, 0) and a == sorted(a) and len(set(a)) == 5
    assert a != sample_indices("case2021", 1019, 5, 1)
    assert sample_indices("x", 3, None) == [0, 1, 2] and sample_indices("x", 3, 10) == [0, 1, 2]


def test_baseline_roundtrip_and_compare(tmp_path):
    path = tmp_path / "b.json"
    results = {"geovirus": {"n": 3, "seconds": 1.0, "sample": {"limit": 3, "seed": 0, "of": 229},
                            "metrics": {"toponym_f": 0.5, "median_km": 100.0, "acc161": 0.9}, "confusions": []}}
    write_baseline(results, path)
    base = load_baseline(path)
    assert base["geovirus"]["metrics"]["toponym_f"] == 0.5 and "_about" not in base
    now = {"geovirus": {"metrics": {"toponym_f": 0.496, "median_km": 100.4, "acc161": 0.89}}}
    rows, failures = compare(base, now)
    # F drops 0.004 <= 0.005: ok; median +0.4 km <= 1 km: ok; acc161 drops 0.01: fail
    assert [r[1] for r in failures] == ["acc161"]
    assert "FAIL" in format_comparison(rows)
    # km tolerance: max(0.5% of 100 km, 1 km) = 1 km
    rows, failures = compare(base, {"geovirus": {"metrics": {"toponym_f": 0.5, "median_km": 101.5, "acc161": 0.9}}})
    assert [r[1] for r in failures] == ["median_km"]


def test_parse_dltime():
    assert parse_dltime("2009-03-20 12:24:52.002364-05") == date(2009, 3, 20)
    assert parse_dltime("Wed Nov 23, 2016 10:01am EST") == date(2016, 11, 23)
    assert parse_dltime("7:58 AM ET, Dec 17, 2016") == date(2016, 12, 17)
    assert parse_dltime("") is None and parse_dltime("yesterday") is None


def test_split_quote_pieces_with_the_same_cue_and_source_are_one_attribution():
    from newsevents.evaluate.quotes import group_attributions
    from newsevents.records import Evidence, Quote

    text = '"We agree," she said, "on most things." He said no.'
    ev = lambda s, e: Evidence(sentence=0, start=s, end=e, text=text[s:e])  # noqa: E731
    src, cue = ev(12, 15), ev(16, 20)
    quotes = [Quote(id="Q1", kind="direct", cue=cue, source=src, content=ev(0, 10)),
              Quote(id="Q2", kind="direct", cue=cue, source=src, content=ev(22, 39)),
              Quote(id="Q3", kind="indirect", cue=ev(43, 47), source=ev(40, 42), content=ev(48, 50))]
    atts = group_attributions(quotes)
    assert len(atts) == 2
    assert atts[0]["content"] == ((0, 10), (22, 39)) and atts[0]["cue"] == ((16, 20),)
    assert atts[1]["content"] == ((48, 50),)


# -- real news, strict rules (wikinews-dev) ------------------------------------------------------
def test_realnews_strict_rules():
    from newsevents.evaluate.realnews import score_realnews

    t = "Trump met Kim at Panmunjom on Sunday. Police arrested protesters. Trump said “we are friends.”"
    s1, s2 = at(t, "Trump met Kim at Panmunjom on Sunday."), at(t, "Police arrested protesters.")
    events = [
        # reciprocal meeting: the recipient pool includes the actors
        event("V1", "CONSULT", at(t, "met")[0], actors=[ref("USA"), ref("PRK")], reciprocal=True, text=t, ev_span=s1),
        # right sentence and type, but no actor code: counts for precision, not for recall
        event("V2", "COERCE", at(t, "arrested")[0], actors=[ref(None)], text=t, ev_span=s2),
        # a type nobody expects in the sentence
        event("V3", "ASSAULT", at(t, "arrested")[0], actors=[ref("USA")], text=t, ev_span=s2),
    ]
    quotes = [Quote(id="Q1", kind="direct", cue=evid(t, *at(t, "said")), content=evid(t, *at(t, "“we are friends.”")),
                    speaker=Speaker(canonical="Donald J. Trump")),
              Quote(id="Q2", kind="indirect", content=evid(t, *at(t, "Police arrested")))]
    places = [Place(id="P1", text="Panmunjom", country="KOR", lat=37.956, lon=126.677, evidence=evid(t, *at(t, "Panmunjom"))),
              Place(id="P2", text="Sunday", country="USA", evidence=evid(t, *at(t, "Sunday")))]
    dates = [TimeExpr(id="T1", text="Sunday", value="2019-06-30", evidence=evid(t, *at(t, "Sunday")))]
    an = analysis(t, events=events, quotes=quotes, places=places, dates=dates)
    expected = {"id": "a1", "events": [
        {"must": True, "sentence_starts": "Trump met Kim", "types": ["CONSULT"], "actors": ["USA"], "recipients": ["PRK"]},
        {"must": True, "sentence_starts": "Police arrested", "types": ["COERCE"], "actors": ["USA"]},
    ], "quotes": [{"must": True, "kind": "direct", "speaker": "Donald Trump", "content_contains": "we are friends"}],
        "places": [{"must": True, "mention": "panmunjom", "country": ["KOR"], "lat": 37.95, "lon": 126.68, "tolerance_km": 10}],
        "dates": [{"must": True, "mention": "Sunday", "value": "2019-06-30"},
                  {"must": False, "mention": "Monday", "value": "2019-07-01"}]}
    s = score_realnews([(expected, an)])
    m = s.metrics
    assert m["events_recall"] == 0.5  # the arrest has no USA actor
    assert m["events_precision"] == pytest.approx(2 / 3)  # V1 and V2 match a sentence and a type, V3 does not
    assert m["events_no_actor_code"] == pytest.approx(1 / 3)
    assert m["quotes_recall"] == 1.0 and m["quotes_precision"] == 0.5  # "Trump" is the last word of the speaker
    assert m["places_recall"] == 1.0 and m["places_precision"] == 0.5  # "Sunday" is no expected place
    assert m["dates_recall"] == 1.0 and m["dates_precision"] == 1.0 and m["optional_met"] == 0.0
    assert s.n == 5
    missed = [it for it in s.items if not it["ok"] and it["must"]]
    assert len(missed) == 1 and missed[0]["predicted"]["emitted"][0] == "COERCE(-->) 'a'"


def test_realnews_date_precision_counts_calendar_dates_and_lists_unmatched_records():
    """Durations, sets and undated references are typed, not counted as dates; a TIME value is compared
    by its calendar day; every emitted place and date with no expected counterpart is an item."""
    from newsevents.evaluate.realnews import score_realnews

    t = "That night the rally ended. It lasted three hours. He is now free. Protests are held annually. In Lyon."
    dates = [TimeExpr(id="T1", text="That night", type="TIME", value="2020-05-05TNI", evidence=evid(t, *at(t, "That night"))),
             TimeExpr(id="T2", text="three hours", type="DURATION", value="PT3H", evidence=evid(t, *at(t, "three hours"))),
             TimeExpr(id="T3", text="now", type="DATE", value="PRESENT_REF", evidence=evid(t, *at(t, "now"))),
             TimeExpr(id="T4", text="annually", type="SET", value="P1Y", evidence=evid(t, *at(t, "annually")))]
    places = [Place(id="P1", text="Lyon", country="FRA", evidence=evid(t, *at(t, "Lyon")))]
    expected = {"id": "a1", "events": [], "quotes": [], "places": [],
                "dates": [{"must": True, "mention": "that night", "value": "2020-05-05"}]}
    s = score_realnews([(expected, analysis(t, dates=dates, places=places))])
    assert s.metrics["dates_recall"] == 1.0
    assert s.metrics["dates_precision"] == 1.0  # only T1 is a calendar date
    assert s.metrics["dates_precision_all"] == 0.25
    extra = {it["id"]: it for it in s.items if it["must"] is None}
    assert set(extra) == {"a1:places+:Lyon", "a1:dates+:three hours", "a1:dates+:now", "a1:dates+:annually"}
    assert extra["a1:places+:Lyon"]["context"].endswith("In [Lyon].")


def test_realnews_quote_precision_counts_speech_and_lists_unmatched_quotes():
    """A stance (content a noun phrase) is outside the expectations' scope: it leaves ``quotes_precision``
    and stays in ``quotes_precision_all``; every unmatched quote is an item; recall counts every kind."""
    from newsevents.evaluate.realnews import score_realnews

    t = "Smith said the plan would fail. Jones criticized the move. Lee said taxes would rise."
    quotes = [Quote(id="Q1", kind="indirect", content=evid(t, *at(t, "the plan would fail")),
                    speaker=Speaker(canonical="John Smith")),
              Quote(id="Q2", kind="stance", content=evid(t, *at(t, "the move")), speaker=Speaker(canonical="Ann Jones")),
              Quote(id="Q3", kind="indirect", content=evid(t, *at(t, "taxes would rise")),
                    speaker=Speaker(canonical="Lee"))]
    expected = {"id": "a1", "events": [], "places": [], "dates": [], "quotes": [
        {"must": True, "kind": "indirect", "speaker": "John Smith", "content_contains": "the plan would fail"}]}
    s = score_realnews([(expected, analysis(t, quotes=quotes))])
    assert s.metrics["quotes_recall"] == 1.0
    assert s.metrics["quotes_precision"] == 0.5  # Q1 of Q1, Q3
    assert s.metrics["quotes_precision_all"] == pytest.approx(1 / 3)
    extra = {it["id"] for it in s.items if it["must"] is None}
    assert extra == {"a1:quotes+:the move", "a1:quotes+:taxes would rise"}
