"""The actors stage: recognition, resolution, coding and in-article coreference.

Small hand-built sentences with exact expected codes (ISO 3166 alpha-3 + PLOVER sector),
plus the seed article's actor expectations. The stage is run on its own: the Context is built
by hand, and a places record is injected where a test needs one (as the places stage would).
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import shared_path
from newsevents.actors import ActorStage, OfficeHolders, role_on
from newsevents.pipeline import Context, Options
from newsevents.records import ArticleAnalysis, Evidence, Place

PUB = date(2019, 7, 1)


@pytest.fixture(scope="module")
def stage():
    return ActorStage(Options(stages=("actors",)))


@pytest.fixture(scope="module")
def run(nlp, stage):
    def _run(text, published=PUB, places=(), use_stage=None):
        doc = nlp(text)
        ctx = Context(doc, ArticleAnalysis(text=text), published, Options())
        for k, (mention, country) in enumerate(places):
            start = text.index(mention)
            ctx.analysis.places.append(Place(id=f"P{k + 1}", text=mention, country=country,
                                             evidence=ctx.evidence(start, start + len(mention))))
        (use_stage or stage)(ctx)
        return ctx

    return _run


def actors(ctx, text=None):
    return [a for a in ctx.analysis.actors if text is None or a.text == text]


def one(ctx, text):
    found = actors(ctx, text)
    assert len(found) == 1, [(a.text, a.canonical) for a in ctx.analysis.actors]
    return found[0]


def coded(a):
    return (a.canonical, a.code, a.sector)


# -- the seed article ----------------------------------------------------------------------

def test_seed_actors(run):
    text = shared_path("seed", "dmz-meeting.txt").read_text(encoding="utf8")
    expected = json.loads(shared_path("seed", "expected.json").read_text(encoding="utf8"))
    ctx = run(text, date.fromisoformat(expected["published"]))
    for exp in expected["actors"]:
        found = actors(ctx, exp["mention"])
        assert found, exp["mention"]
        for a in found:
            assert coded(a) == (exp["canonical"], exp["code"], exp["sector"]), (exp["mention"], a)


def test_seed_coreference(run):
    text = shared_path("seed", "dmz-meeting.txt").read_text(encoding="utf8")
    ctx = run(text, PUB)
    by_id = {a.id: a for a in ctx.analysis.actors}
    # 'The two leaders' (first sentence) = Trump and Kim, named in the next sentence
    leaders = actors(ctx, "The two leaders")
    assert sorted(a.canonical for a in leaders) == ["Donald Trump", "Kim Jong Un"]
    assert {a.evidence.start for a in leaders} == {0}
    assert all(a.resolved_by == "coreference" and by_id[a.antecedent].evidence.sentence == 1 for a in leaders)
    trump = actors(ctx, "Trump")
    assert all(a.entity == leaders[0].entity for a in trump if leaders[0].canonical == "Donald Trump")
    # 'The president even stepped across' -> Trump; 'making him' -> Trump
    pres = actors(ctx, "The president")
    assert [a.canonical for a in pres] == ["Donald Trump", "Donald Trump"]
    him = one(ctx, "him")
    assert him.canonical == "Donald Trump" and him.resolved_by == "coreference"
    # 'an editorial on the newspaper's website' -> China Daily
    paper = one(ctx, "the newspaper")
    assert coded(paper) == ("China Daily", "CHN", "JRN")
    assert by_id[paper.antecedent].text == "China Daily"
    # 'his dedication' (Moon Jae-in, who ... his) and 'his power' (Kim, who ... his)
    his = [a.canonical for a in actors(ctx, "his")]
    assert his == ["Moon Jae-in", "Donald Trump", "Kim Jong Un"]
    # 'the North' -> North Korea; 'the two Koreas' -> both Koreas
    assert coded(one(ctx, "North")) == ("North Korea", "PRK", None)
    assert sorted(a.code for a in actors(ctx, "Koreas")) == ["KOR", "PRK"]
    # 'American and North Korean negotiators' -> two mentions, same evidence
    neg = actors(ctx, "negotiators")
    assert [(a.canonical, a.code, a.sector) for a in neg] == [
        ("United States (negotiators)", "USA", "GOV"), ("North Korea (negotiators)", "PRK", "GOV")]
    assert neg[0].evidence == neg[1].evidence and neg[0].evidence.text == "American and North Korean negotiators"
    # capitals in place slots are not actors; 'North Korea strategy' is not an actor
    assert not actors(ctx, "North Korea")


# -- countries, capitals --------------------------------------------------------------------

def test_capital_as_actor_not_place(run):
    ctx = run("Seoul said it would respond. Officials in Seoul declined to comment.")
    seoul = actors(ctx, "Seoul")
    assert [coded(a) for a in seoul] == [("South Korea (government)", "KOR", "GOV")]
    assert seoul[0].resolved_by == "capital" and seoul[0].evidence.sentence == 0
    assert coded(one(ctx, "Officials")) == ("South Korea (government)", "KOR", "GOV")


def test_capitals_coordinated(run):
    ctx = run("The deal kept Washington and Moscow talking.")
    assert [coded(a) for a in ctx.analysis.actors] == [
        ("United States (government)", "USA", "GOV"), ("Russia (government)", "RUS", "GOV")]


def test_country_name_demonym_and_the_north(run):
    ctx = run("South Korea said the North fired two missiles. Talks between the two Koreas stalled.")
    assert coded(one(ctx, "South Korea")) == ("South Korea", "KOR", None)
    north = one(ctx, "North")
    assert coded(north) == ("North Korea", "PRK", None) and north.evidence.text == "the North"
    assert sorted(a.code for a in actors(ctx, "Koreas")) == ["KOR", "PRK"]


def test_demonym_noun(run):
    ctx = run("The Americans rejected the proposal.")
    assert coded(one(ctx, "Americans")) == ("United States (people)", "USA", None)


# -- titles and office holders --------------------------------------------------------------

def test_title_with_nationality(run):
    ctx = run("Russian President Vladimir Putin met South Korean President Moon Jae-in.", date(2019, 6, 20))
    putin = one(ctx, "Vladimir Putin")
    assert coded(putin) == ("Vladimir Putin", "RUS", "GOV") and putin.role == "President"
    assert putin.evidence.text == "Russian President Vladimir Putin"
    assert coded(one(ctx, "Moon Jae-in")) == ("Moon Jae-in", "KOR", "GOV")


def test_regional_title_with_toponym(run):
    text = "Chelyabinsk regional Deputy Governor Oleg Klimov said 39 people died. Klimov said he was hopeful."
    ctx = run(text, date(2019, 1, 4), places=[("Chelyabinsk", "RUS")])
    klimov = one(ctx, "Oleg Klimov")
    assert (klimov.code, klimov.sector, klimov.role, klimov.resolved_by) == ("RUS", "GOV", "Deputy Governor", "title")
    assert klimov.evidence.text == "Chelyabinsk regional Deputy Governor Oleg Klimov"
    short = one(ctx, "Klimov")
    assert (short.canonical, short.resolved_by, short.antecedent, short.entity) == \
        ("Oleg Klimov", "coreference", klimov.id, klimov.entity)
    he = one(ctx, "he")
    assert he.canonical == "Oleg Klimov" and he.entity == klimov.entity


def test_portfolio_title_takes_article_country(run):
    text = ("A building collapsed in Russia on Monday. Emergencies Minister Yevgeny Zinichev arrived, "
            "and Russia declared mourning.")
    zin = one(run(text, date(2019, 1, 4)), "Yevgeny Zinichev")
    assert (zin.code, zin.sector, zin.role) == ("RUS", "GOV", "Emergencies Minister")


@pytest.mark.parametrize("sentence,name,sector", [
    ("Police Chief Ahmed Ali said the road was closed.", "Ahmed Ali", "COP"),
    ("General Ahmed Ali said the road was closed.", "Ahmed Ali", "MIL"),
    ("Judge Ahmed Ali said the road was closed.", "Ahmed Ali", "JUD"),
    ("Senator Ahmed Ali said the road was closed.", "Ahmed Ali", "LEG"),
    ("Prime Minister Ahmed Ali said the road was closed.", "Ahmed Ali", "GOV"),
])
def test_title_sectors(run, sentence, name, sector):
    a = one(run(sentence), name)
    assert (a.sector, a.resolved_by) == (sector, "title")


def test_office_holder_dates():
    # Trump: President 2017-01-20 .. 2021-01-20 and again from 2025-01-20 (end exclusive)
    assert role_on("Trump", date(2019, 6, 30)) == ("USA", "GOV", "President")
    assert role_on("Trump", date(2022, 6, 30)) == ("USA", None, None)
    assert role_on("Donald Trump", date(2025, 3, 1)) == ("USA", "GOV", "President")
    assert role_on("Nobody Atall", date(2019, 6, 30)) is None


def test_office_holder_in_text_by_date(run):
    a19 = one(run("Trump met Xi Jinping in Osaka.", date(2019, 6, 30)), "Trump")
    a22 = one(run("Trump met Xi Jinping in Osaka.", date(2022, 6, 30)), "Trump")
    assert (a19.canonical, a19.code, a19.sector, a19.role, a19.resolved_by) == \
        ("Donald Trump", "USA", "GOV", "President", "office-holder")
    assert (a22.canonical, a22.code, a22.sector, a22.role) == ("Donald Trump", "USA", None, None)


def test_title_in_text_chooses_the_term(run):
    xi = one(run("President Xi Jinping spoke."), "Xi Jinping")
    assert (xi.code, xi.sector, xi.role) == ("CHN", "GOV", "President")


def test_user_office_holders_file(nlp, tmp_path, run):
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "office_holders.tsv").write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\tsource\n"
        "Jane Roewick\tRoewick\tGBR\tGOV\tPrime Minister\t2020-01-01\t2021-01-01\ttest fixture\n",
        encoding="utf8")
    custom = ActorStage(Options(stages=("actors",), data_paths=[tmp_path]))
    assert custom.role_on("Roewick", date(2020, 6, 1)) == ("GBR", "GOV", "Prime Minister")
    assert custom.role_on("Roewick", date(2021, 1, 1)) == ("GBR", None, None)
    a = one(run("Roewick said the vote would go ahead.", date(2020, 6, 1), use_stage=custom), "Roewick")
    assert coded(a) == ("Jane Roewick", "GBR", "GOV")


def test_empty_office_holder_table(run, tmp_path, monkeypatch):
    """office_holders.tsv with only its header: persons fall back to NER, nothing crashes."""
    from newsevents.actors import tables

    (tmp_path / "office_holders.tsv").write_text("name\taliases\tcountry\tsector\trole\tstart\tend\tsource\n",
                                                 encoding="utf8")
    real = tables._load_tsv_optional

    def header_only(name, extra):
        if name == "actors/office_holders.tsv":  # read the header-only file instead of the built-in one
            return tables.load_tsv("office_holders.tsv", extra=[tmp_path])
        return real(name, extra)

    monkeypatch.setattr(tables, "_load_tsv_optional", header_only)
    bare = ActorStage.__new__(ActorStage)
    bare.options = Options()
    bare.kb = tables.Knowledge.load(())
    assert len(bare.kb.holders) == 0 and OfficeHolders([]).role_on("Trump", PUB) is None
    ctx = run("Donald Trump met Kim Jong Un on Sunday.", use_stage=bare)
    assert [(a.canonical, a.code, a.resolved_by) for a in ctx.analysis.actors] == [
        ("Donald Trump", None, "ner"), ("Kim Jong Un", None, "ner")]


# -- agent nouns and organisations ----------------------------------------------------------

def test_agent_nouns(run):
    ctx = run("Russian troops clashed with protesters in Moscow while state media reported arrests.")
    assert coded(one(ctx, "troops")) == ("Russia (military)", "RUS", "MIL")
    assert coded(one(ctx, "protesters")) == ("Russia (protesters)", "RUS", "CVL")
    assert coded(one(ctx, "state media")) == ("Russia (state media)", "RUS", "JRN")


def test_agent_noun_without_country(run):
    ctx = run("Police arrested dozens of protesters, prosecutors said.")
    assert coded(one(ctx, "Police")) == ("police", None, "COP")
    assert coded(one(ctx, "prosecutors")) == ("judiciary", None, "JUD")
    assert one(ctx, "Police").entity != one(ctx, "prosecutors").entity


@pytest.mark.parametrize("text,country", [
    ("A judge in Iran sentenced the journalist to ten years in prison.", "IRN"),
    ("Another judge in Egypt sentenced the activist on Monday.", "EGY"),
])
def test_an_indefinite_office_noun_is_an_actor_of_its_sector(run, text, country):
    """'a judge', 'another judge' (titles.tsv and agent_nouns.tsv): a new person of the judiciary,
    coded like an agent noun, where 'the judge' refers back to a title holder."""
    place = "Iran" if country == "IRN" else "Egypt"
    ctx = run(text, places=[(place, country)])
    assert coded(one(ctx, "judge"))[1:] == (country, "JUD")


def test_touching_person_entities_are_one_name(run, nlp):
    """The small model splits 'Judge Amy Berman Jackson' into two PERSON entities."""
    text = "Judge Amy Berman Jackson of Ukraine sentenced the man on Monday."
    if [e.text for e in nlp(text).ents if e.label_ == "PERSON"] == ["Amy Berman Jackson"]:
        pytest.skip("the model no longer splits this name; the repair is not exercised")
    ctx = run(text)
    texts = [a.text for a in actors(ctx)]
    assert "Amy Berman Jackson" in texts and "Jackson" not in texts and "Amy Berman" not in texts


def test_a_name_repeated_in_full_keeps_the_country_of_its_own_words(run):
    """'Lee Min Ho from South Korea' early; 'Lee Min Ho is in prison' later in a story whose people
    are American: the later mention is South Korean too, not the article's country."""
    text = ("Police in the United States arrested many people. The site's alleged operator is Lee Min Ho "
            "from South Korea. The United States said the case was important. Lee Min Ho is already in "
            "prison, but yesterday the United States unsealed further charges against him.")
    ctx = run(text, places=[("South Korea", "KOR")])
    assert {a.code for a in actors(ctx) if a.canonical == "Lee Min Ho"} == {"KOR"}


def test_an_agent_noun_of_article_context_takes_the_country_of_the_articles_people(run):
    """'The administration' in a story whose people are American office holders, with no
    country named: the article's people give it (actors/context.py), as they give names."""
    text = ("President Donald Trump wanted the question on the census. Secretary of State Mike Pompeo "
            "agreed, and Vice President Mike Pence too. The administration finally gave up on July 11.")
    ctx = run(text, published=date(2019, 10, 17))
    assert coded(one(ctx, "administration")) == ("United States (government)", "USA", "GOV")


@pytest.mark.parametrize("noun", ["commission", "council", "regulator", "adviser", "aide"])
def test_public_bodies_and_officials_are_agent_nouns(run, noun):
    ctx = run(f"The {noun} in Manila refused to renew the licence.", places=[("Manila", "PHL")])
    assert coded(one(ctx, noun))[1:] == ("PHL", "GOV")


@pytest.mark.parametrize("text,noun,country", [
    ("Officers travelled to Canada and interviewed her friends.", "Officers", None),
    ("Refugees fled into Turkey on Monday.", "Refugees", None),
    ("Police in Canada arrested two men.", "Police", "CAN"),
])
def test_a_destination_is_not_the_sentence_country_of_who_goes_there(run, text, noun, country):
    assert one(run(text), noun).code == country


def test_an_agent_noun_of_coordinated_countries_is_one_mention_per_country(run):
    ctx = run("Authorities in the United Kingdom and the United States announced the arrests.")
    assert sorted(a.code for a in actors(ctx, "Authorities")) == ["GBR", "USA"]


def test_anyone_and_everyone_are_the_people_of_the_place(run):
    ctx = run("Police in Tunis banned anyone wearing a mask from the square.", places=[("Tunis", "TUN")])
    assert coded(one(ctx, "anyone"))[1:] == ("TUN", "CVL")


def test_agent_noun_country_from_place(run):
    ctx = run("Police in Chelyabinsk arrested two men.", places=[("Chelyabinsk", "RUS")])
    assert coded(one(ctx, "Police")) == ("Russia (police)", "RUS", "COP")


@pytest.mark.parametrize("sentence,mention,expected", [
    ("The United Nations condemned the attack.", "United Nations", ("United Nations", "UNO", "IGO")),
    ("NATO warned Moscow.", "NATO", ("NATO", "IGO", "IGO")),
    ("Hamas fired rockets.", "Hamas", ("Hamas", "PSE", "REB")),
    ("Xinhua reported the visit.", "Xinhua", ("Xinhua", "CHN", "JRN")),
    ("Amnesty International criticised the ruling.", "Amnesty International",
     ("Amnesty International", "NGO", "NGO")),
    # PLOVER non-state codes: every intergovernmental body other than the UN and the EU is IGO
    ("The African Union suspended Sudan.", "African Union", ("African Union", "IGO", "IGO")),
    ("Interpol issued a red notice.", "Interpol", ("Interpol", "IGO", "IGO")),
    ("ISIS claimed the attack.", "ISIS", ("Islamic State", "IMG", "REB")),
    ("WikiLeaks published the cables.", "WikiLeaks", ("WikiLeaks", "NGO", "NGO")),
    ("UNESCO criticised the plan.", "UNESCO", ("UNESCO", "UNO", "IGO")),
    # national media and institutions carry their country
    ("MENA reported the verdict.", "MENA", ("Middle East News Agency", "EGY", "JRN")),
    ("The Internal Revenue Service audited him.", "Internal Revenue Service",
     ("Internal Revenue Service", "USA", "GOV")),
])
def test_organisations(run, sentence, mention, expected):
    assert coded(one(run(sentence), mention)) == expected


def test_party_name_takes_country_context(run):
    cn = run("In China, the Communist Party named new leaders in Beijing.")
    vn = run("Vietnam's Communist Party met in Hanoi; Vietnam's economy grew.")
    assert coded(one(cn, "Communist Party")) == ("Chinese Communist Party", "CHN", "PTY")
    assert coded(one(vn, "Communist Party")) == ("Communist Party of Vietnam", "VNM", "PTY")


# -- persons and coreference ----------------------------------------------------------------

def test_unknown_person(run):
    a = one(run("John Smith said the bridge was unsafe."), "John Smith")
    assert (a.canonical, a.code, a.sector, a.kind, a.resolved_by) == ("John Smith", None, None, "person", "ner")


def test_short_name_resolves_to_full_name(run):
    ctx = run("Donald Trump met Kim Jong Un in Singapore. Trump said Kim was a friend.", date(2018, 6, 12))
    full = one(ctx, "Donald Trump")
    short = one(ctx, "Trump")
    assert (short.canonical, short.resolved_by, short.antecedent, short.entity) == \
        ("Donald Trump", "coreference", full.id, full.entity)
    kim = one(ctx, "Kim")
    assert (kim.canonical, kim.code, kim.sector, kim.antecedent) == \
        ("Kim Jong Un", "PRK", "GOV", one(ctx, "Kim Jong Un").id)


def test_the_president_and_pronouns(run):
    ctx = run("Angela Merkel met Vladimir Putin in Berlin. The president said she was wrong.", date(2019, 6, 1))
    pres = one(ctx, "The president")
    assert pres.canonical == "Vladimir Putin" and pres.antecedent == one(ctx, "Vladimir Putin").id
    she = one(ctx, "she")
    assert she.canonical == "Angela Merkel" and she.entity == one(ctx, "Angela Merkel").entity


def test_both_leaders_look_back(run):
    ctx = run("Moon Jae-in hosted Vladimir Putin. Both leaders praised the talks.", date(2019, 6, 20))
    both = actors(ctx, "Both leaders")
    assert sorted(a.canonical for a in both) == ["Moon Jae-in", "Vladimir Putin"]
    assert len({a.evidence.start for a in both}) == 1


def test_it_is_not_resolved(run):
    ctx = run("Seoul said it would respond.")
    assert not actors(ctx, "it")


# -- what later stages use ------------------------------------------------------------------

def test_shared_index(run):
    text = "American and North Korean negotiators would resume talks, Trump said."
    ctx = run(text)
    index = ctx.shared["actors"]
    neg_tok = next(t for t in ctx.doc if t.text == "negotiators")
    assert sorted(a.code for a in index.by_token[neg_tok.i]) == ["PRK", "USA"]
    subtree = list(neg_tok.subtree)
    found = index.mentions_in(subtree[0].idx, subtree[-1].idx + len(subtree[-1].text))
    assert sorted(a.code for a in found) == ["PRK", "USA"]
    trump = next(t for t in ctx.doc if t.text == "Trump")
    assert [a.canonical for a in index.mentions_in(trump.idx, trump.idx + 5)] == ["Donald Trump"]
    assert index.role_on("Trump", date(2022, 6, 30)) == ("USA", None, None)
    assert [a.id for a in index.entity(index.by_token[trump.i][0].entity)] == [index.by_token[trump.i][0].id]


def test_ids_and_evidence(run):
    text = "South Korean President Moon Jae-in met Kim Jong Un. He said Kim was sincere."
    ctx = run(text, date(2018, 4, 27))
    assert [a.id for a in ctx.analysis.actors] == [f"A{i + 1}" for i in range(len(ctx.analysis.actors))]
    for a in ctx.analysis.actors:
        assert text[a.evidence.start:a.evidence.end] == a.evidence.text
        assert isinstance(a.evidence, Evidence)


@pytest.mark.parametrize("text", ["", "Hello", "“Quoted”, he said — ‘fine’.", "and " * 3000 + "Putin spoke."])
def test_odd_input_does_not_crash(run, text):
    ctx = run(text)
    assert isinstance(ctx.analysis.actors, list)
    assert "actors" in ctx.shared


# -- weapons and vehicles stand for their operators; countries after 'at'/'into'/'to' --------

def test_instrument_nouns_name_their_operators(run):
    ctx = run("Turkish warplanes bombed the village.")
    assert coded(one(ctx, "Turkish")) == ("Turkey (military)", "TUR", "MIL")
    ctx = run("French army helicopters landed near the camp.")
    assert coded(one(ctx, "army")) == ("France (military)", "FRA", "MIL")


def test_nationality_on_other_nouns_is_no_actor(run):
    ctx = run("Turkish coffee was served.")
    assert actors(ctx) == []


def test_country_after_at_into_and_verb_to(run):
    ctx = run("Greece fired shots at Turkey and sent aid to Cyprus.")
    assert [a.code for a in ctx.analysis.actors] == ["GRC", "TUR", "CYP"]
    ctx = run("Flights to Cyprus were cancelled.")
    assert actors(ctx) == []


def test_european_community_and_fighters(run):
    ctx = run("The European Community condemned the attack.")
    assert coded(one(ctx, "European Community")) == ("European Community", "EUR", "IGO")
    ctx = run("Syrian fighters left the town.")
    assert coded(one(ctx, "fighters")) == ("Syria (fighters)", "SYR", "REB")


# -- round 2: long titles, appositions, armed groups, bare names ---------------------------

def test_long_form_ministerial_titles(run):
    ctx = run("Federal Minister for Interior Ali Khan said the rally could go ahead.")
    a = one(ctx, "Ali Khan")
    assert (a.sector, a.role) == ("GOV", "Federal Minister for Interior")  # modifiers join the role
    ctx = run("Pakistan's Minister of Foreign Affairs Ali Khan met the envoy.")
    assert (one(ctx, "Ali Khan").code, one(ctx, "Ali Khan").sector) == ("PAK", "GOV")


def test_apposition_gives_an_unknown_person_the_title_code(run):
    ctx = run("Ali Khan, the foreign minister of Pakistan, met the envoy.")
    assert coded(one(ctx, "Ali Khan")) == ("Ali Khan", "PAK", "GOV")
    assert one(ctx, "the foreign minister").canonical == "Ali Khan"


def test_members_of_an_armed_group_take_its_code_not_the_sentence_country(run):
    ctx = run("Hezbollah fighters in Syria attacked rebels near Aleppo.")
    assert coded(one(ctx, "fighters")) == ("Hezbollah", "LBN", "REB")
    ctx = run("In Yemen, Houthi fighters fired a missile at Riyadh.")
    assert coded(one(ctx, "fighters")) == ("Houthis", "YEM", "REB")
    ctx = run("In Kenya, al-Shabab gunmen attacked a bus.")
    assert coded(one(ctx, "al-Shabab")) == ("al-Shabaab", "SOM", "REB")
    ctx = run("In Syria, Al-Qaeda-linked rebels attacked a base.")
    assert one(ctx, "rebels").code == "SYR"  # linked to the group, not the group itself


def test_bare_given_name_of_someone_out_of_office_is_not_resolved(run):
    ctx = run("In Pakistan, Waseem's mother, Anwar, said police arrested him.", published=date(2019, 5, 1))
    assert (one(ctx, "Anwar").canonical, one(ctx, "Anwar").code) == ("Anwar", None)
    ctx = run("President Bush has threatened further action against Russia.", published=date(2019, 5, 1))
    assert one(ctx, "Bush").code == "USA"  # the title names an office he held


def test_surname_of_a_person_named_before_is_not_a_capital(run):
    ctx = run("Sudesh Amman was shot by police in London. Amman had left prison a week before.")
    a = one(ctx, "Amman")
    assert (a.canonical, a.kind, a.code) == ("Sudesh Amman", "person", None)


# -- country from context: the mention's own words, then the sentence, then the article ----------

def test_domestic_noun_takes_article_country(run):
    ctx = run("Turkey mourned on Friday. An earthquake struck Turkey. The government said 20 people died. "
              "Police arrested looters.")
    gov, police = one(ctx, "government"), one(ctx, "Police")
    assert coded(gov) == ("Turkey (government)", "TUR", "GOV") and gov.resolved_by == "article-context"
    assert coded(police) == ("Turkey (police)", "TUR", "COP") and police.resolved_by == "article-context"


def test_domestic_noun_takes_sentence_country_first(run):
    ctx = run("Turkey mourned on Friday. Turkey counted its dead. Police arrested 20 men in Chelyabinsk.",
              places=[("Chelyabinsk", "RUS")])
    police = one(ctx, "Police")
    assert police.code == "RUS" and police.resolved_by == "sentence-context"


def test_no_article_country_without_a_clear_dominant_country(run):
    # two countries named about equally often: no dominant country, no code from the article
    ctx = run("Turkey and Greece were hit by an earthquake. Greece and Turkey sent rescuers. "
              "Officials said 20 people died.")
    assert one(ctx, "Officials").code is None


def test_foreign_by_default_nouns_keep_no_context_country(run):
    # traffickers usually come from elsewhere: the place they are caught in is not their country
    ctx = run("Traffickers were arrested in Germany on Monday.", places=[("Germany", "DEU")])
    assert one(ctx, "Traffickers").code is None


def test_the_embassy_refers_to_the_named_embassy(run):
    ctx = run("Protesters stormed the US embassy in Baghdad. The embassy said it was closed.",
              places=[("Baghdad", "IRQ")])
    first, second = actors(ctx, "embassy")
    assert (first.code, first.sector) == ("USA", "GOV") and first.resolved_by == "agent-noun"
    assert (second.code, second.sector) == ("USA", "GOV") and second.resolved_by == "coreference"
    assert second.entity == first.entity


def test_an_embassy_is_not_of_the_country_it_stands_in(run):
    ctx = run("The embassy in Baghdad was closed on Monday.", places=[("Baghdad", "IRQ")])
    assert one(ctx, "embassy").code is None


def test_title_after_agent_noun_gives_sector(run):
    # 'Police spokesman': the body the spokesman speaks for; the country from the article
    ctx = run("Poland mourned the mayor. Police spokesman Mariusz Ciarka said a man was arrested. "
              "Poland's president spoke.")
    a = one(ctx, "Mariusz Ciarka")
    assert (a.code, a.sector, a.role) == ("POL", "COP", "Police spokesman")
    assert a.resolved_by == "article-context"


def test_possessive_place_before_title(run):
    ctx = run("Northamptonshire's chief constable Nick Adderley wrote to the embassy.",
              places=[("Northamptonshire", "GBR")])
    a = one(ctx, "Nick Adderley")
    assert (a.code, a.sector, a.role) == ("GBR", "COP", "chief constable")


def test_unplaced_toponym_blocks_article_country(run):
    # a county of unknown country: leave the police uncoded rather than guess the article's country
    text = ("The United States and the United States Army agreed. America's government said so. "
            "Northamptonshire police were able to determine the Volvo had come from RAF Croughton and "
            "spoke with Anne Sacoolas as a suspect.")
    ctx = run(text, places=[("Northamptonshire", None)])
    police = [a for a in ctx.analysis.actors if "police" in a.text]
    assert police and all(a.code is None for a in police), [(a.text, a.code) for a in police]


def test_place_outside_the_name_phrase_is_not_its_country(run):
    ctx = run("A man was arrested in Warsaw, John Smith said.")
    assert one(ctx, "John Smith").code is None


def test_state_news_agency_named_after_its_description(run):
    ctx = run("The Egyptian state news agency MENA reported the verdict.")
    assert coded(one(ctx, "MENA")) == ("Middle East News Agency", "EGY", "JRN")
    assert one(ctx, "state news agency").code == "EGY"


def test_belarusian_kgb(run):
    ctx = run("Belarusian KGB arrested 33 Russian individuals.")
    assert coded(one(ctx, "Belarusian KGB")) == ("KGB of Belarus", "BLR", "SPY")


# ------------------------------------------------ named actors without a table code (context.py)
def test_named_person_takes_the_country_of_the_phrase_that_describes_it(run):
    ctx = run("Jan Kowalczyk, mayor of the Polish city of Gdansk, was stabbed on Sunday.")
    person = one(ctx, "Jan Kowalczyk")
    assert person.code == "POL" and person.resolved_by == "own-words"


def test_named_person_after_a_describing_noun_takes_its_country(run):
    ctx = run("French photojournalist Marie Lacoste was killed in the attack.")
    assert one(ctx, "Marie Lacoste").code == "FRA"


def test_describing_phrase_with_two_countries_gives_no_own_country(run):
    ctx = run("Anna Berg, a German envoy to France, spoke on Monday.")
    assert one(ctx, "Anna Berg").resolved_by != "own-words"


@pytest.mark.parametrize("text,name,code", [
    # a phrase under "to"/"against" says where the person goes or what they fight, not where they belong
    ("Brett McGurk, who was Trump's envoy to the coalition against ISIL, criticized the plan.",
     "Brett McGurk", "USA"),
    ("Jan Nowak, who served as a Polish envoy to the campaign against Russia, spoke.", "Jan Nowak", "POL"),
])
def test_phrases_under_other_prepositions_give_no_own_country(run, text, name, code):
    person = one(run(text), name)
    assert person.code == code and person.resolved_by == "own-words"


def test_named_person_in_a_domestic_story_takes_the_article_country(run):
    ctx = run("Donald Trump spoke to reporters in Washington. Mike Pence agreed with Donald Trump. "
              "Paul Manafort was sentenced on Wednesday. Manafort did not speak.")
    person = one(ctx, "Paul Manafort")
    assert person.code == "USA" and person.resolved_by == "article-context"
    later = one(ctx, "Manafort")
    assert later.code == "USA"  # the short name follows its antecedent


def test_the_people_of_the_story_outweigh_the_country_it_is_about(run):
    # a story about Washington's dealings with Ukraine names Ukraine more often than the US;
    # an unknown person in it is coded by the country of its office holders
    ctx = run("Donald Trump spoke about Ukraine. Mike Pompeo visited Ukraine. Mike Pence praised Ukraine. "
              "Ukraine was grateful. Hunter Biden worked in Ukraine.")
    assert one(ctx, "Hunter Biden").code == "USA"


def test_no_article_country_for_a_named_person_in_a_story_between_countries(run):
    ctx = run("Donald Trump met Vladimir Putin. Xi Jinping met Emmanuel Macron. John Miller spoke.")
    assert one(ctx, "John Miller").code is None


def test_country_word_before_an_attack_noun_is_the_country_s_military(run):
    ctx = run("He was killed by a United States military airstrike in Iraq.")
    mil = [a for a in ctx.analysis.actors if a.code == "USA"]
    assert mil and mil[0].canonical == "United States (military)" and mil[0].sector == "MIL"
    ctx = run("Iranian missiles hit the city.")
    assert [a.canonical for a in ctx.analysis.actors if a.code == "IRN"] == ["Iran (military)"]


def test_country_word_before_other_nouns_is_no_actor(run):
    ctx = run("The United States economy grew.")
    assert not [a for a in ctx.analysis.actors if a.code == "USA"]


def test_person_with_a_title_of_no_country_takes_the_article_country(run):
    ctx = run("Donald Trump met Mike Pence in Washington. Attorney General William Barr refused to testify.")
    barr = one(ctx, "William Barr")
    assert barr.code == "USA" and barr.sector == "GOV" and barr.resolved_by == "article-context"


def test_country_before_an_agent_noun_modifier_codes_the_head(run):
    ctx = run("Thursday, United States military forces killed three fighters from Iran.")
    forces = one(ctx, "forces")
    assert forces.code == "USA" and forces.sector == "MIL"


def test_people_nouns_take_their_nationality_or_the_article_country(run):
    ctx = run("Belarusian police arrested 33 Russian individuals near Minsk.", places=[("Minsk", "BLR")])
    assert one(ctx, "individuals").code == "RUS"
    ctx = run("India mourned. India counted its dead. Police arrested twelve people in the state.")
    assert one(ctx, "people").code == "IND"


# ------------------------------------------------ speakers' names the NER misses (scan.py)
@pytest.mark.parametrize("text,name", [
    ("Regina Ip from the pro-Beijing camp said in a press conference that it was wrong.", "Regina Ip"),
    ("Valeria Gazzola said the results were clear.", "Valeria Gazzola"),   # tagged ORG by the model
])
def test_the_named_subject_of_a_verb_of_saying_is_a_person(run, text, name):
    person = one(run(text), name)
    assert person.kind == "person", person


def test_an_organisation_word_keeps_a_speaker_an_organisation(run):
    ctx = run("Fars News said the talks had failed.")
    assert all(a.kind != "person" for a in actors(ctx)), actors(ctx)


def test_a_name_after_pro_is_a_stance_not_a_country(run):
    ctx = run("Regina Ip from the pro-Beijing camp said in a press conference that it was wrong.")
    assert one(ctx, "Regina Ip").code != "CHN"


def test_a_speaker_name_inside_a_longer_entity_does_not_break_the_stage(run):
    # found by a new-user trial: the speaker-name scan once raised StopIteration here
    ctx = run('Wikileaks editor-in-chief Kristinn Hrafnsson said: "Let us now focus on the threat."')
    assert any(a.text == "Kristinn Hrafnsson" for a in actors(ctx))


@pytest.mark.parametrize("text,name", [
    ("Regina Ip from the pro-Beijing camp said in a press conference that it was wrong.", "Regina Ip"),
    ("Paris Hilton said the show would go on.", "Paris Hilton"),
])
def test_a_place_word_inside_a_persons_name_keeps_the_person(run, text, name):
    assert one(run(text), name).kind == "person"


def test_where_people_meet_is_not_who_they_are(run):
    # make run's Crimea sample: "21 people" were Belgian civilians because the ministers met in Brussels
    ctx = run("EU foreign ministers meeting in Brussels agreed travel bans and asset freezes on 21 people.")
    assert one(ctx, "people").code is None
    ctx = run("Police in Brussels arrested 21 people.")
    assert one(ctx, "people").code == "BEL"


@pytest.mark.parametrize("text,word", [
    # NER misses the later surname, or calls it a place or an organisation
    ("Prime Minister Oleksiy Honcharuk met the president. Honcharuk filed his resignation on Friday.", "Honcharuk"),
    ("Russian opposition leader Alexei Navalny was poisoned in August. Navalny's lawyer said the case was political.",
     "Navalny"),
])
def test_a_surname_after_the_full_name_is_the_person(run, text, word):
    later = [a for a in run(text).analysis.actors if a.text == word]
    assert later and all(a.canonical == text.split(word)[0].split()[-1] + " " + word for a in later)


def test_the_country_an_object_is_meant_for_is_an_actor_and_other_fors_are_not(run):
    ctx = run("The US froze $250 million in aid earmarked for Egypt, and fought for Jordan.")
    assert [a.code for a in ctx.analysis.actors if a.code != "USA"] == ["EGY"]
