"""The store: SQLite and PostgreSQL behind one interface, idempotent writes, dedup, queries.

Every test runs against both backends. The PostgreSQL ones need a server:
``NEWSEVENTS_TEST_PG=postgresql://user:password@host:port/db`` (``.ci/run`` starts one);
without it they skip, except under CI (``CI=true``), where they fail.
The analyses here are built by hand (no model), so every expected value is exact.
"""
from __future__ import annotations

import os
import uuid
from typing import Optional

import pytest

from newsevents.dedup import (cluster_id, cluster_mentions, content_words, dedup_key, participant_name, same_name,
                              same_story, source_of)
from newsevents.records import Actor, ActorRef, ArticleAnalysis, ArticleError, Event, Evidence, Place, Quote, Speaker
from newsevents.store import StoreError, content_hash, open_store

PG_ENV = "NEWSEVENTS_TEST_PG"

# -- building analyses by hand --------------------------------------------------------------

COUNTRIES = {"USA": "United States", "PRK": "North Korea", "CHN": "China", "KOR": "South Korea", "RUS": "Russia"}


def make_analysis(art_id: str, events: list[dict], url: Optional[str] = None, published: str = "2019-07-01",
                  title: Optional[str] = None, quotes: list[tuple] = (), extra_text: str = "") -> ArticleAnalysis:
    """An ArticleAnalysis with one sentence per event: "<actors> <verb> <recipients>."

    events: dicts with type, actors (codes), recipients (codes), date, and optionally verb,
        negated, hypothetical, place (name, lat, lon, country, feature), quad, goldstein, cameo,
        people ({code: a person's name} naming that participant instead of its country) and tail
        (words ending the sentence).
    quotes: (speaker canonical, speaker code, content) -> a direct quote sentence each.
    """
    text, actors, evs, places, qs = "", [], [], [], []
    for n, spec in enumerate(events):
        start = len(text)
        refs = {}
        parts = []
        for role in ("actors", "recipients"):
            refs[role] = []
            for code in spec.get(role, []):
                person = (spec.get("people") or {}).get(code)
                name = person or COUNTRIES.get(code, code)
                if parts and role == "recipients" and not refs["recipients"]:
                    parts.append(spec.get("verb", "met"))
                pos = len(text) + len(" ".join(parts)) + (1 if parts else 0)
                parts.append(name)
                aid = f"A{len(actors) + 1}"
                actors.append(Actor(id=aid, text=name, canonical=name, code=code, sector="GOV",
                                    kind="person" if person else "country", entity=aid, resolved_by="country-name",
                                    evidence=Evidence(sentence=n, start=pos, end=pos + len(name), text=name)))
                refs[role].append(ActorRef(mention=aid, canonical=name, code=code, sector="GOV"))
        if not spec.get("recipients"):
            parts.append(spec.get("verb", "met"))
        sentence = " ".join(parts) + (" " + spec["tail"] if spec.get("tail") else "") + "."
        text += sentence + " "
        verb = spec.get("verb", "met")
        vpos = start + sentence.index(" " + verb) + 1
        place_id = None
        if spec.get("place"):
            name, lat, lon, country, feature = spec["place"]
            place_id = f"P{len(places) + 1}"
            places.append(Place(id=place_id, text=name, name=name, lat=lat, lon=lon, country=country, feature=feature,
                                geonameid=1000 + len(places), resolved_by="gazetteer",
                                evidence=Evidence(sentence=n, start=start, end=start + 1, text=text[start])))
        evs.append(Event(
            id=f"V{n + 1}", event_type=spec["type"], mode=spec.get("mode"), actors=refs["actors"],
            recipients=refs["recipients"], reciprocal=not spec.get("recipients") and len(spec["actors"]) > 1,
            date=spec.get("date"), date_source="text" if spec.get("date") else "unknown", place=place_id,
            cameo=spec.get("cameo", "04"), goldstein=spec.get("goldstein", 1.0), quad_class=spec.get("quad", 1),
            negated=spec.get("negated", False), hypothetical=spec.get("hypothetical", False), pattern="test",
            trigger=Evidence(sentence=n, start=vpos, end=vpos + len(verb), text=verb),
            evidence=Evidence(sentence=n, start=start, end=start + len(sentence), text=sentence)))
    for speaker, code, content in quotes:
        start = len(text)
        sentence = f"“{content},” {speaker} said."
        text += sentence + " "
        c0 = start + 1
        qs.append(Quote(id=f"Q{len(qs) + 1}", kind="direct",
                        cue=Evidence(sentence=len(evs) + len(qs), start=start + len(sentence) - 5,
                                     end=start + len(sentence) - 1, text="said"),
                        source=Evidence(sentence=len(evs) + len(qs), start=c0 + len(content) + 3,
                                        end=c0 + len(content) + 3 + len(speaker), text=speaker),
                        content=Evidence(sentence=len(evs) + len(qs), start=c0, end=c0 + len(content), text=content),
                        speaker=Speaker(canonical=speaker, code=code, sector="GOV")))
    text = (text + extra_text).strip()
    analysis = ArticleAnalysis(id=art_id, title=title or f"Article {art_id}", url=url, published=published,
                               text=text, language="en", actors=actors, events=evs, quotes=qs, places=places,
                               model="test")
    for rec in analysis.actors + analysis.events + analysis.quotes:  # the builder keeps offsets honest
        for ev in ([rec.evidence] if hasattr(rec, "evidence") else []) + (
                [rec.trigger] if hasattr(rec, "trigger") else []) + ([rec.content] if hasattr(rec, "content") else []):
            assert text[ev.start:ev.end] == ev.text, (ev, text)
    return analysis


def meeting(day: str, **kw) -> dict:
    return {"type": "CONSULT", "actors": ["USA"], "recipients": ["PRK"], "date": day, **kw}


def corpus() -> list[ArticleAnalysis]:
    """Four articles from three publishers about USA/PRK/CHN relations in June-July 2019."""
    return [
        make_analysis("a1", [meeting("2019-06-30", place=("Panmunjom", 37.956, 126.677, "KOR", "landmark")),
                             {"type": "ACCUSE", "actors": ["PRK"], "recipients": ["USA"], "date": "2019-06-29",
                              "verb": "accused", "cameo": "11", "goldstein": -2.0, "quad": 3}],
                      url="https://www.example-news.com/a1", title="Trump and Kim meet at the DMZ",
                      quotes=[("Donald Trump", "USA", "It is a great day for the world")],
                      extra_text="Talks on sanctions relief stalled."),
        make_analysis("a2", [meeting("2019-07-01"), {"type": "CONSULT", "actors": ["USA", "PRK"], "date": "2019-07-01",
                                                      "verb": "talked"}],
                      url="https://wire.example.org/story/2", quotes=[("Kim Jong Un", "PRK", "We will meet again")]),
        make_analysis("a3", [meeting("2019-07-03"), meeting("2019-06-30", negated=True),
                             {"type": "SANCTION", "actors": ["USA"], "recipients": ["CHN"], "date": "2019-07-10",
                              "verb": "sanctioned", "cameo": "16", "goldstein": -4.0, "quad": 4}],
                      url="https://www.example-news.com/a3", published="2019-07-10",
                      quotes=[("Donald Trump", "USA", "China has been very unfair")]),
        make_analysis("a4", [meeting("2019-06-30"), meeting("2019-06-30", verb="hosted")],
                      url="https://wire.example.org/story/4",
                      extra_text="The economy grew while the sanction regime held."),
    ]


# -- backends ---------------------------------------------------------------------------

def postgres_url_or_skip() -> str:
    """The test server's URL; skip without one, but fail under CI (where .ci/run starts one)."""
    url = os.environ.get(PG_ENV)
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not url:
        if in_ci:
            pytest.fail(f"CI=true but {PG_ENV} is unset: .ci/run must start PostgreSQL and export it")
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://user:password@host:port/db (.ci/run sets it)")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=5).close()
    except Exception as err:  # unreachable server, bad credentials
        if in_ci:
            pytest.fail(f"{PG_ENV}={url} is unreachable under CI: {err}")
        pytest.skip(f"PostgreSQL at {PG_ENV} unreachable: {err}")
    return url


def _with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """A fresh, empty database URL for each backend (PostgreSQL: a throwaway schema)."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    import psycopg

    base = postgres_url_or_skip()
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_schema(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def filled(store):
    counts = store.add_batch(corpus())
    assert counts["stored"] == 4
    return store


# -- dedup rules (pure functions) -----------------------------------------------------------

def test_dedup_key_sorts_codes_and_refuses_unmergeable():
    assert dedup_key("CONSULT", ["USA", "PRK", None], ["KOR"], date="2019-06-30") == "CONSULT|PRK;USA|KOR"
    assert dedup_key("CONSULT", ["USA"], [], negated=True, date="2019-06-30") is None
    assert dedup_key("CONSULT", ["USA"], [], hypothetical=True, date="2019-06-30") is None
    assert dedup_key("CONSULT", [None], [None], date="2019-06-30") is None
    assert dedup_key("CONSULT", ["USA"], ["PRK"], date=None) is None
    # one side only: "the US accused" on a day is many stories, never one event
    assert dedup_key("ACCUSE", ["USA"], [], date="2019-06-30") is None
    assert dedup_key("ACCUSE", [], ["USA"], date="2019-06-30") is None
    # two actors of a reciprocal event name both sides; sectors keep bodies apart
    assert dedup_key("CONSULT", ["USA-GOV", "PRK-GOV"], [], date="2019-06-30") == "CONSULT|PRK-GOV;USA-GOV|"
    assert dedup_key("ACCUSE", ["USA-GOV"], ["USA-LEG"], date="2019-06-30") != \
        dedup_key("ACCUSE", ["USA-LEG"], ["USA-GOV"], date="2019-06-30")


def test_cluster_mentions_greedy_window():
    ms = [{"date": d, "article_id": a, "event_id": "V1"} for d, a in
          [("2019-07-02", "c"), ("2019-06-30", "b"), ("2019-07-01", "a"), ("2019-07-03", "d"), ("2019-07-10", "e")]]
    groups = cluster_mentions(ms, window=1)
    assert [[m["article_id"] for m in g] for g in groups] == [["b", "a"], ["c", "d"], ["e"]]
    assert [[m["article_id"] for m in g] for g in cluster_mentions(ms, window=0)] == [["b"], ["a"], ["c"], ["d"], ["e"]]
    assert len(cluster_mentions(ms, window=3)) == 2


def _mention(day: str, art: str, text: str, actors=(), recipients=()) -> dict:
    return {"date": day, "article_id": art, "event_id": "V1", "text": text,
            "names": {"actor": set(actors), "recipient": set(recipients)}}


def test_same_story_needs_the_same_people_and_a_shared_participant_or_most_words():
    """Trial 8 §1.8: the same codes, type and day merged unrelated sentences. Two mentions are one
    story when each side that both name someone on has someone in common, and a participant is named
    in both or the sentences share most content words."""
    west = _mention("2020-08-31", "a", "West backed away from his previous support for President Trump, expressing "
                    "disappointment at reports Trump hid in the White House basement during riots.",
                    ["kanye west"], ["donald trump"])
    islam = _mention("2020-08-31", "b", "At times there have been protests against the restrictions on free speech "
                     "in Islam.")
    assert not same_story(west, islam)
    rally_pa = _mention("2020-10-26", "c", "Trump stirred controversy during an interview with a North Carolina "
                        "outlet and again at a rally in Pennsylvania.", ["donald trump"])
    rally_nc = _mention("2020-10-26", "d", "Jorgensen supporters during a rally in North Carolina.")
    assert not same_story(rally_pa, rally_nc)  # {rally, north, carolina} shared: 6 of 15 words, Dice 0.4
    lead = _mention("2020-10-26", "e", "President Donald Trump spoke to thousands at a rally in Allentown.",
                    ["donald trump"])
    assert same_story(rally_pa, lead)  # a participant named in both
    pardon = [_mention("2020-02-18", "f", f"Trump granted {n} a full and unconditional pardon.", ["donald trump"],
                       [n.lower()]) for n in ("Angela Stanton", "Michael Milken")]
    assert not same_story(*pardon)  # the recipients are two people
    wire = _mention("2020-10-27", "g", "Police arrested twenty protesters in Hong Kong on Sunday, officials said.")
    rewrite = _mention("2020-10-27", "h", "Twenty protesters were arrested by police in Hong Kong.")
    assert same_story(wire, rewrite)  # 6 shared of 9 and 6 words: Dice 0.8
    assert content_words("The protests, the protesters and the process.") == {"protest", "protester", "process"}
    assert same_name("johnson", "boris johnson") and not same_name("johnson", "johnson city mayor")


def test_participant_names_that_name_no_one_in_particular_are_not_compared():
    """Trial 8: two rallies in two states were one event because both were coded "United States
    (protesters)" against "United States (government)": such labels, countries and common nouns
    name no one in particular."""
    assert [participant_name(n, k) for n, k in [
        ("United States (protesters)", "group"), ("Iran (government)", "organisation"), ("China", "country"),
        ("workers", "group"), ("ruling party", "organisation"), ("Donald Trump", "person"),
        ("US Congress", "organisation"), (None, "person")]] == [
        None, None, None, None, None, "donald trump", "us congress", None]


def test_cluster_mentions_splits_other_stories_in_one_window_and_is_order_free():
    """With same_story a mention joins the first open cluster holding its story, else anchors its own;
    a cluster still lies within the window of its anchor; the clusters do not depend on input order."""
    ms = [_mention("2020-10-26", "a", "Trump held a rally in Pennsylvania.", ["donald trump"]),
          _mention("2020-10-26", "b", "Jorgensen supporters gathered during a rally in North Carolina.",
                   ["jo jorgensen"]),
          _mention("2020-10-27", "c", "Trump told the rally in Pennsylvania that he would win.", ["trump"]),
          _mention("2020-10-27", "d", "Jo Jorgensen addressed her supporters at the rally.", ["jo jorgensen"]),
          _mention("2020-10-28", "e", "Trump spoke at another rally.", ["donald trump"])]
    groups = cluster_mentions(ms, window=1, same=same_story)
    assert [[m["article_id"] for m in g] for g in groups] == [["a", "c"], ["b", "d"], ["e"]]
    assert cluster_mentions(list(reversed(ms)), window=1, same=same_story) == groups
    assert [[m["article_id"] for m in g] for g in cluster_mentions(ms, window=1)] == [["a", "b", "c", "d"], ["e"]]


def test_the_store_keeps_other_stories_of_one_key_apart_and_batches_do_not_matter(tmp_path):
    """Two PROTEST USA->USA mentions of one day about different things stay two events; a restated
    report joins its story; one batch or three give the same clusters (the incremental re-clustering
    leaves an earlier cluster's window to the mentions of other stories)."""
    def protest(day, people, tail):
        return {"type": "PROTEST", "actors": ["USA"], "recipients": ["USA"], "date": day, "verb": "protested",
                "people": people, "cameo": "14", "goldstein": -6.5, "quad": 3, "tail": tail}

    arts = [make_analysis("w1", [protest("2020-08-31", {}, "against restrictions on free speech in Islam")],
                          url="https://a.example/w1"),
            make_analysis("w2", [protest("2020-08-31", {}, "against restrictions on free speech in Islam again")],
                          url="https://b.example/w2"),
            make_analysis("k1", [protest("2020-09-01", {"USA": "Kanye West"}, "over reports about the basement")],
                          url="https://c.example/k1")]
    counts = []
    for name, batches in (("one", [arts]), ("three", [[a] for a in reversed(arts)])):
        with open_store(str(tmp_path / f"{name}.db")) as store:
            for batch in batches:
                store.add_batch(batch)
            counts.append(sorted((c["num_mentions"], c["num_articles"], c["first_article"])
                                 for c in store.clusters(event_type="PROTEST")))
    assert counts[0] == counts[1] == [(1, 1, "k1"), (2, 2, "w1")]


def test_cluster_id_is_stable_60_bit():
    assert cluster_id("a1", "V1") == cluster_id("a1", "V1") != cluster_id("a1", "V2")
    assert 0 < cluster_id("a1", "V1") < 2 ** 60


def test_source_of_url_host_or_given_source():
    assert source_of("https://www.Example-News.com/a1") == "example-news.com"
    assert source_of("https://wire.example.org/x", "Reuters") == "Reuters"
    assert source_of(None) is None and source_of("not a url") is None


# -- writing ---------------------------------------------------------------------------

def test_add_batch_counts_and_content_hash(filled):
    counts = filled.counts()
    assert counts["articles"] == 4 and counts["events"] == 9 and counts["quotes"] == 3
    assert counts["event_actors"] == 18 and counts["places"] == 1 and counts["errors"] == 0
    a1 = corpus()[0]
    assert filled.has_article(content_hash(a1.text)) and not filled.has_article(content_hash("other"))
    assert filled.stored_hashes([content_hash(a1.text), content_hash("x")]) == {content_hash(a1.text)}


def test_reingest_adds_nothing(filled):
    before = filled.canonical_dump()
    counts = filled.add_batch(corpus())
    assert counts["stored"] == 0 and counts["skipped"] == 4 and counts["errors"] == 0
    assert filled.canonical_dump() == before


def test_same_text_under_another_id_is_skipped(filled):
    copy = corpus()[1].model_copy(update={"id": "a2-copy"})
    assert filled.add_batch([copy])["skipped"] == 1
    assert "a2-copy" not in filled.article_ids()


def test_same_id_with_other_text_is_an_error(filled):
    changed = make_analysis("a1", [meeting("2019-06-30")], extra_text="A corrected version.")
    counts = filled.add_batch([changed])
    assert counts["errors"] == 1 and counts["failed"][0][:2] == ("a1", "E041")
    assert filled.counts()["articles"] == 4
    # what the user was told is in the errors table too (it used to stay empty)
    assert [(e["article_id"], e["code"], e["message"]) for e in filled.errors()] == [
        ("a1", "E041", counts["failed"][0][2])]
    # a stored id whose new input fails otherwise is recorded as well
    failed = ArticleAnalysis(id="a2", text="", error=ArticleError(code="E101", message="[E101] empty"))
    told = filled.add_batch([failed])["failed"]
    assert {(e["article_id"], e["code"]) for e in filled.errors()} == {("a1", "E041"), ("a2", "E101")}
    assert [t[:2] for t in told] == [("a2", "E101")] and filled.counts()["articles"] == 4


def test_analyses_round_trip_exactly(filled):
    originals = {a.id: a.model_dump() for a in corpus()}
    back = list(filled.analyses())
    assert [a.id for a in back] == ["a1", "a2", "a3", "a4"]
    for a in back:
        assert a.model_dump() == originals[a.id]


def test_failed_batch_rolls_back(store, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_recluster", boom)
    with pytest.raises(RuntimeError):
        store.add_batch(corpus())
    monkeypatch.undo()
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
    assert store.add_batch(corpus())["stored"] == 4


def test_errors_table_keeps_reason_and_clears_on_success(store):
    bad = ArticleAnalysis(id="a1", text="", error=ArticleError(code="E101", message="[E101] empty"))
    counts = store.add_batch([bad])
    assert counts["errors"] == 1 and counts["stored"] == 0
    assert store.errors() == [{"article_id": "a1", "content_hash": None, "url": None, "code": "E101",
                               "message": "[E101] empty"}]
    store.add_batch([bad])  # retried: still one row
    assert len(store.errors()) == 1
    store.add_batch([corpus()[0]])
    assert store.errors() == [] and store.article_ids() == ["a1"]


def test_batch_order_does_not_change_the_database(store_url, tmp_path):
    """Deduplication depends on the set of mentions only: any batching gives the same rows."""
    arts = corpus()
    first = open_store(store_url)
    first.add_batch(arts)
    dump = first.canonical_dump()
    first.close()
    other_url = str(tmp_path / "other.db")
    other = open_store(other_url)
    for a in reversed(arts):  # one article per batch, newest first: anchors shift on the way
        other.add_batch([a])
    assert other.canonical_dump() == dump
    other.close()


# -- deduplication in the store ------------------------------------------------------------

def test_reports_of_one_meeting_collapse(filled):
    rows = filled.clusters(actor="USA", recipient="PRK", event_type="CONSULT")
    merged = [r for r in rows if r["recipient_codes"] == "PRK"]
    # 06-30 (a1, a4 twice) and 07-01 (a2) within one day of the anchor; 07-03 (a3) apart
    assert [(r["date"], r["last_date"], r["num_mentions"], r["num_articles"], r["num_sources"]) for r in merged] == [
        ("2019-06-30", "2019-07-01", 4, 3, 2), ("2019-07-03", "2019-07-03", 1, 1, 1)]
    assert merged[0]["id"] == cluster_id("a1", "V1")
    # the reciprocal meeting (both as actors, no recipient) matches the dyad too
    assert [(r["actor_codes"], r["recipient_codes"]) for r in rows if r["recipient_codes"] == ""] == [("PRK;USA", "")]
    # event mentions read the dyad the same way (trial 10: `events --actor USA --recipient CHN`)
    dyad = filled.events(actor="USA", recipient="PRK", event_type="CONSULT")
    assert any(e["recipient_codes"] in ("", None) and "PRK" in e["actor_codes"] for e in dyad)
    mentions = [e for e in filled.events(event_type="CONSULT") if e["cluster_id"] == merged[0]["id"]]
    assert sorted((e["article_id"], e["event_id"]) for e in mentions) == [
        ("a1", "V1"), ("a2", "V1"), ("a4", "V1"), ("a4", "V2")]
    assert all(e["num_mentions"] == 4 for e in mentions)


def test_negated_event_stays_alone_and_out_of_factual(filled):
    neg = [e for e in filled.events(article="a3") if e["negated"]]
    assert len(neg) == 1
    assert neg[0]["num_mentions"] == 1
    assert all(r["id"] != neg[0]["cluster_id"] for r in filled.clusters())
    assert any(r["id"] == neg[0]["cluster_id"] for r in filled.clusters(factual=False))


def test_new_window_reclusters(filled, store_url):
    filled.close()
    wide = open_store(store_url, dedup_window=3)
    assert wide.dedup_window == 3
    merged = [r for r in wide.clusters(actor="USA", recipient="PRK") if r["recipient_codes"] == "PRK"]
    assert [(r["num_mentions"], r["num_articles"]) for r in merged] == [(5, 4)]
    wide.close()
    again = open_store(store_url)  # the window is kept in the database
    assert again.dedup_window == 3
    again.close()


# -- queries ---------------------------------------------------------------------------

def test_events_filters(filled):
    rows = filled.events(actor="USA", recipient="CHN")
    assert [(r["date"], r["event_type"], r["trigger"], r["goldstein"], r["quad_class"]) for r in rows] == [
        ("2019-07-10", "SANCTION", "sanctioned", -4.0, 4)]
    assert rows[0]["evidence_text"] == "United States sanctioned China."
    by_name = filled.events(actor="united states", event_type="consult", since="2019-07-01", until="2019-07-03")
    # a2's V2 is the reciprocal talk: the United States is one of its actors
    assert [(r["article_id"], r["event_id"]) for r in by_name] == [("a2", "V1"), ("a2", "V2"), ("a3", "V1")]
    located = filled.events(article="a1", event_type="CONSULT")[0]
    assert (located["place"], located["lat"], located["lon"]) == ("Panmunjom", 37.956, 126.677)
    assert filled.events(recipient="USA")[0]["actor_names"] == "North Korea"
    assert len(filled.events(limit=2)) == 2


def test_quotes_by_speaker(filled):
    rows = filled.quotes(speaker="donald trump")
    assert [(r["article_id"], r["content"]) for r in rows] == [
        ("a1", "It is a great day for the world"), ("a3", "China has been very unfair")]
    assert filled.quotes(speaker_code="PRK")[0]["speaker"] == "Kim Jong Un"
    # the last words of the name find it too, in any case; a part of a word does not
    assert filled.quotes(speaker="trump") == rows and filled.quotes(speaker="Jong Un")[0]["speaker"] == "Kim Jong Un"
    assert filled.quotes(speaker="rump") == [] and filled.quotes(speaker_code="prk")[0]["speaker"] == "Kim Jong Un"
    assert [r["quote_id"] for r in filled.quotes(contains="UNFAIR")] == ["Q1"]


def test_dyads_by_month(filled):
    rows = filled.dyads(actor="USA", recipient="PRK", by="month")
    # June: the 06-30 meeting (4 mentions). July: the reciprocal talk and the 07-03 meeting.
    assert rows == [
        {"period": "2019-06", "actor": "USA", "recipient": "PRK", "events": 1, "mentions": 4, "goldstein_sum": 1.0,
         "goldstein_mean": 1.0, "verbal_coop": 1, "material_coop": 0, "verbal_conflict": 0, "material_conflict": 0},
        {"period": "2019-07", "actor": "USA", "recipient": "PRK", "events": 2, "mentions": 2, "goldstein_sum": 2.0,
         "goldstein_mean": 1.0, "verbal_coop": 2, "material_coop": 0, "verbal_conflict": 0, "material_conflict": 0},
    ]
    hostile = filled.dyads(actor="PRK", recipient="USA", by="year")
    assert [(r["period"], r["events"], r["goldstein_sum"], r["verbal_conflict"]) for r in hostile] == [
        ("2019", 2, -1.0, 1)]  # the accusation, and the reciprocal talk (both actors)
    every = filled.dyads(by="day")
    assert ("2019-07-10", "USA", "CHN", 1) in [(r["period"], r["actor"], r["recipient"], r["events"]) for r in every]
    with pytest.raises(StoreError):
        filled.dyads(by="week")


def test_search_full_text(filled):
    assert [r["article_id"] for r in filled.search("sanctions relief")] == ["a1"]
    # stemmed: "sanctioned" (a3) and "sanction" (a4) match too
    assert sorted(r["article_id"] for r in filled.search("sanctions")) == ["a1", "a3", "a4"]
    assert sorted(r["article_id"] for r in filled.search("sanctions -economy")) == ["a1", "a3"]
    assert [r["article_id"] for r in filled.search('"great day"')] == ["a1"]
    assert "[" in filled.search("relief")[0]["snippet"]
    assert filled.search("") == [] and filled.search("zebra") == []


def test_search_reads_and_and_not_in_capitals_as_operators(filled):
    """Trial 8: 'Trump AND "New Hampshire"' matched "and" as a word. In capitals AND joins words (all
    must occur anyway) and NOT word excludes as -word does, on both backends; "and" is a word."""
    assert [r["article_id"] for r in filled.search("sanctions AND economy")] == ["a4"]
    if type(filled).__name__.lower().startswith("sqlite"):
        # SQLite FTS5 matches "and" as a word (a4 has none); PostgreSQL's English configuration drops
        # it as a stop word, as it drops "the" (its documented behaviour, newsevents/store/postgres.py)
        assert [r["article_id"] for r in filled.search("sanction and economy")] == []
    assert sorted(r["article_id"] for r in filled.search("sanctions NOT economy")) == ["a1", "a3"]


def test_iter_clusters_carries_mentions_with_evidence(filled):
    clusters = {c["id"]: c for c in filled.iter_clusters(chunk=2)}
    c = clusters[cluster_id("a1", "V1")]
    assert [(m["article_id"], m["event_id"]) for m in c["mentions"]] == [("a1", "V1"), ("a4", "V1"), ("a4", "V2"),
                                                                         ("a2", "V1")]
    m = c["mentions"][0]
    assert m["evidence_text"] == "United States met North Korea." and m["place"]["name"] == "Panmunjom"
    assert m["actors"] == [{"canonical": "United States", "code": "USA", "sector": "GOV", "text": "United States"}]
    assert len(clusters) == 5  # 9 mentions: 4 merged into one, the negated one left out


def test_bad_url_is_a_store_error(tmp_path):
    (tmp_path / "not.db").write_text("this is not a database " * 100)
    with pytest.raises(StoreError) as err:
        open_store(str(tmp_path / "not.db"))
    assert err.value.code == "E040"


# -- read-only opening (the query commands) ------------------------------------------------------

_WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "BEGIN", "REPLACE", "PRAGMA JOURNAL_MODE")


def _read_everything(store) -> dict:
    return {"events": store.events(), "clusters": store.clusters(), "quotes": store.quotes(contains="great"),
            "dyads": store.dyads(), "search": store.search("sanctions"), "errors": store.errors(),
            "counts": store.counts(), "analyses": [a.model_dump() for a in store.analyses()],
            "iter": list(store.iter_clusters())}


def test_readonly_store_reads_everything_and_never_writes(filled, store_url):
    """Queries used to need write access ("attempt to write a readonly database"); a read-only open
    starts no write transaction and the database itself refuses writes on that connection."""
    expected = _read_everything(filled)
    filled.close()
    with open_store(store_url, readonly=True) as ro:
        statements: list = []
        if ro.dialect == "sqlite":
            ro.conn.set_trace_callback(statements.append)
        assert _read_everything(ro) == expected
        assert not [s for s in statements if s.lstrip().upper().startswith(_WRITES)]
        with pytest.raises(StoreError) as err:
            ro.add_batch(corpus()[:1])
        assert err.value.code == "E040" and "read-only" in err.value.message
        with pytest.raises(Exception) as raw:  # not our guard: the connection itself is read-only
            ro._exec("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        assert "read" in str(raw.value).lower() and "only" in str(raw.value).lower()


def test_readonly_sqlite_creates_nothing_for_a_missing_or_empty_file(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError) as err:
        open_store(str(missing), readonly=True)
    assert err.value.code == "E045" and not missing.exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreError) as err:
        open_store(str(empty), readonly=True)
    assert err.value.code == "E044" and empty.read_bytes() == b""
    text = tmp_path / "notes.db"
    text.write_text("not a database\n" * 100)
    with pytest.raises(StoreError) as err:
        open_store(str(text), readonly=True)
    assert err.value.code in ("E040", "E044") and "database" in err.value.message


def test_readonly_sqlite_opens_a_wal_database_whose_shm_file_cannot_be_created(tmp_path):
    """A WAL database in a folder the user can't write, with no -shm file: SQLite's mode=ro alone
    fails ("unable to open database file"). Tests run as root, where chmod does not stop writes,
    so the -shm file is made impossible to create the way a read-only folder does: a symlink to a
    folder that does not exist (open(O_CREAT) and open(O_RDONLY) both fail, as with chmod 555)."""
    import hashlib
    import sqlite3

    path = tmp_path / "wal.db"
    with open_store(str(path)) as store:
        store.add_batch(corpus())
        expected = store.events()
    assert not (tmp_path / "wal.db-shm").exists()  # the last writer removed it
    (tmp_path / "wal.db-shm").symlink_to(tmp_path / "no-such-folder" / "wal.db-shm")
    plain = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError):  # the failure this guards against
        plain.execute("SELECT count(*) FROM articles").fetchone()
    plain.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with open_store(str(path), readonly=True) as ro:
        assert ro.events() == expected
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


@pytest.fixture
def immutable():
    """``immutable(path)`` makes a file or folder unwritable even for root (ext4 ``chattr +i``: tests
    run as root, where chmod 444/555 stop nothing); skips where chattr is not supported."""
    import shutil
    import subprocess

    done = []

    def make(path):
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)],
                                                        capture_output=True).returncode:
            pytest.skip("chattr +i is not available here (needs ext4-like file system and root)")
        done.append(path)

    yield make
    for path in reversed(done):
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_readonly_sqlite_on_an_unwritable_file_in_an_unwritable_folder(tmp_path, immutable):
    """The real case: the database file and its folder can't be written (chmod 444 / 555 for a user)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "events.db"
    with open_store(str(path)) as store:
        store.add_batch(corpus())
        expected = store.events()
    immutable(path)
    immutable(folder)
    with open_store(str(path), readonly=True) as ro:
        assert ro.events() == expected and ro.search("sanctions")
    assert sorted(p.name for p in folder.iterdir()) == ["events.db"]


def test_writing_to_an_unwritable_database_is_refused_when_opened(tmp_path, immutable):
    """ingest used to fail only at its first write, after parsing a batch, leaving -wal/-shm behind."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "events.db"
    with open_store(str(path)) as store:
        store.add_batch(corpus()[:1])
    immutable(path)
    with pytest.raises(StoreError) as err:
        open_store(str(path))
    assert err.value.code == "E046" and "read-only" in err.value.message
    assert sorted(p.name for p in folder.iterdir()) == ["events.db"]
    immutable(folder)
    with pytest.raises(StoreError) as err:
        open_store(str(folder / "new.db"))
    assert err.value.code == "E046" and "folder" in err.value.message


def test_writing_is_probed_when_opened_on_both_backends(store_url, monkeypatch):
    """The write probe (one row, rolled back) refuses a read-only database on either backend, e.g. a
    PostgreSQL role without write rights; simulated by a read-only session."""
    first = open_store(store_url)
    first.close()
    cls = type(first)
    real = cls._create

    def create_then_forbid(self):
        real(self)
        if self.dialect == "sqlite":
            self.conn.execute("PRAGMA query_only = ON")
        else:
            self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    monkeypatch.setattr(cls, "_create", create_then_forbid)
    with pytest.raises(StoreError) as err:
        open_store(store_url)
    assert err.value.code == "E046"


def test_filters_match_percent_and_underscore_literally(filled):
    """``%`` and ``_`` in --contains (and in actor codes) used to act as SQL LIKE wildcards."""
    filled.add_batch([make_analysis("w1", [meeting("2019-08-01")], quotes=[
        ("Donald Trump", "USA", "We are 100% sure"), ("Kim Jong Un", "PRK", "The file_name was wrong"),
        ("Kim Jong Un", "PRK", "A back\\slash here")])])
    contents = lambda **kw: sorted(r["content"] for r in filled.quotes(**kw))  # noqa: E731
    assert contents(contains="%") == ["We are 100% sure"]
    assert contents(contains="0% s") == ["We are 100% sure"]
    assert contents(contains="_") == ["The file_name was wrong"]
    assert contents(contains="e_n") == ["The file_name was wrong"]
    assert contents(contains="great%world") == [] and contents(contains="g_eat") == []
    assert contents(contains="k\\s") == ["A back\\slash here"]
    assert filled.events(actor="US_") == [] and filled.clusters(actor="U%") == []
    assert filled.dyads(actor="_SA") == []


@pytest.mark.parametrize("query", ['100%', 'a_b', '"unbalanced', 'sanctions*', 'NEAR(a b)', 'col:umn', '(x',
                                   'OR', 'NOT', '-', '--', '"', "\\", "'", "^great", "AND day"])
def test_search_takes_any_text(filled, query):
    """Full-text search never fails on punctuation or operator words in user input (both backends)."""
    assert isinstance(filled.search(query), list)
