"""All 291 Wikinews articles (../shared/corpus/wikinews) go through without an error, and a sample of
their records has the values we verified by reading the articles.

Verified by hand (article id, what the text says, the value that is right):
- enwn-20190104-e8d671d3 (published Friday 2019-01-04): "collapsed on Monday in Magnitogorsk" ->
  "Monday" = 2018-12-31; "ended their work yesterday" -> 2019-01-03; Magnitogorsk is in Russia;
  "President Vladimir Putin" is RUS GOV (President since 2012); "Emergencies Minister Yevgeny Zinichev" RUS GOV.
- enwn-20190105-e55f7744 (Saturday 2019-01-05): Koszalin is in Poland; "President Andrzej Duda" POL GOV;
  'Duda ... wrote "May God protect their parents and loved ones."' is a direct quote by Andrzej Duda.
- enwn-20190107-4c31c6d5 (Monday 2019-01-07): "said on Friday" -> 2019-01-04; Donald Trump USA GOV
  (President 2017-2021); 'Trump said on Friday "I can do it [...]"' is his direct quote; Mexico is MEX.
- enwn-20190930-65b5aa60 (Monday 2019-09-30): "On Friday in Pakistan" -> 2019-09-27; Multan is in
  Pakistan; "a court in Multan" is PAK JUD.
- enwn-20201107-3cfb6f4f (Saturday 2020-11-07): "On Wednesday, the Turkish government declared" ->
  2020-11-04; Samos is in Greece, Izmir in Turkey.
- enwn-20190628-f6d09389 (Friday 2019-06-28): "pleaded not guilty on Tuesday" -> 2019-06-25; "the night of
  June 21" -> 2019-06-21; 'Travis Hood, who witnessed the collision, said "I don't really don't know ..."'.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import shared_path


@pytest.fixture(scope="module")
def corpus(pipeline):
    from newsevents import ArticleInput

    path = shared_path("corpus", "wikinews", "wikinews.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf8")]
    arts = (ArticleInput(text=r["text"], published=date.fromisoformat(r["published"]), id=r["id"],
                         title=r["title"], url=r["url"]) for r in rows)
    return {a.id: a for a in pipeline.pipe(arts)}


def test_all_articles_go_through_without_error(corpus):
    assert len(corpus) == 291
    failed = {k: a.error.message for k, a in corpus.items() if a.error}
    assert not failed
    assert sum(len(a.events) for a in corpus.values()) > 1000
    for a in corpus.values():  # evidence offsets are exact everywhere
        for rec in a.actors + a.places + a.dates + a.events:
            assert a.text[rec.evidence.start:rec.evidence.end] == rec.evidence.text


def _date(a, mention):
    return {d.value for d in a.dates if d.text.lower() == mention.lower()}


def _place_country(a, mention):
    return {p.country for p in a.places if p.text == mention}


def _actor(a, mention):
    return {(x.canonical, x.code, x.sector) for x in a.actors if x.text == mention}


def _quote(a, speaker, contains):
    return [q for q in a.quotes if q.speaker and q.speaker.canonical == speaker and contains in q.content.text]


def test_magnitogorsk(corpus):
    a = corpus["enwn-20190104-e8d671d3"]
    assert _date(a, "Monday") == {"2018-12-31"}
    assert "2019-01-03" in _date(a, "yesterday")
    assert _place_country(a, "Magnitogorsk") == {"RUS"}
    assert ("Vladimir Putin", "RUS", "GOV") in _actor(a, "Vladimir Putin")
    assert ("Yevgeny Zinichev", "RUS", "GOV") in _actor(a, "Yevgeny Zinichev")


def test_koszalin(corpus):
    a = corpus["enwn-20190105-e55f7744"]
    assert _place_country(a, "Koszalin") == {"POL"}
    assert ("Andrzej Duda", "POL", "GOV") in _actor(a, "Andrzej Duda")
    assert [q.kind for q in _quote(a, "Andrzej Duda", "May God protect their parents")] == ["direct"]


def test_trump_emergency(corpus):
    a = corpus["enwn-20190107-4c31c6d5"]
    assert _date(a, "Friday") == {"2019-01-04"}
    assert ("Donald Trump", "USA", "GOV") in _actor(a, "Donald Trump")
    assert [q.kind for q in _quote(a, "Donald Trump", "I can do it")] == ["direct"]
    assert _place_country(a, "Mexico") == {"MEX"}


def test_multan(corpus):
    a = corpus["enwn-20190930-65b5aa60"]
    assert _date(a, "Friday") == {"2019-09-27"}
    assert _place_country(a, "Multan") == {"PAK"}
    assert ("PAK", "JUD") in {(x.code, x.sector) for x in a.actors if x.text == "court"}


def test_aegean(corpus):
    a = corpus["enwn-20201107-3cfb6f4f"]
    assert "2020-11-04" in _date(a, "Wednesday")
    assert _place_country(a, "Samos") == {"GRC"}
    assert _place_country(a, "Izmir") == {"TUR"}


def test_new_hampshire_crash(corpus):
    a = corpus["enwn-20190628-f6d09389"]
    assert _date(a, "Tuesday") == {"2019-06-25"}
    assert _date(a, "June 21") == {"2019-06-21"}
    assert [q.kind for q in _quote(a, "Travis Hood", "really don't know what he was doing")] == ["direct"]
