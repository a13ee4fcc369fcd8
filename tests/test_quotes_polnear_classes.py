"""Attribution classes found by breaking down the PolNeAR dev loss (issue 8, fifth round).

Hand-built sentences, one class each; the rule and its source are in the docstring of the code
that implements it. PolNeAR annotation guidelines: Newell, Margolin & Ruths (LREC 2018),
annotation-guidelines/guidelines.pdf in networkdynamics/PolNeAR.
"""
import pytest

from test_quotes import actor, run, stage  # noqa: F401  (stage is a fixture)


def found(nlp, stage, text, actors=()):  # noqa: F811
    return [(q.source.text if q.source else None, q.cue.text if q.cue else None, q.content.text,
             q.speaker.canonical if q.speaker else None) for q in run(nlp, stage, text, actors)]


@pytest.mark.parametrize("text,cue,pronoun,content,speaker", [
    ("Shares of Bay Financial, which said it may be forced to file for bankruptcy, plunged on Monday.",
     "said", "which", "it may be forced to file for bankruptcy", "Bay Financial"),
    ("The architect, who said he was never paid for the clubhouse, sued the company.",
     "said", "who", "he was never paid for the clubhouse", "The architect"),
])
def test_relative_pronoun_is_the_source_and_its_antecedent_the_speaker(nlp, stage, text, cue, pronoun, content,
                                                                       speaker):  # noqa: F811
    acts = [actor("Bay Financial", text, "Bay Financial", 1, kind="organisation")] if "Bay" in text else []
    got = [g for g in found(nlp, stage, text, acts) if g[1] == cue]
    assert got == [(pronoun, cue, content, speaker)]


@pytest.mark.parametrize("text,source,cue,start", [
    # the quotation in its own paragraph under a cue verb and a colon (here never linked before)
    ('Trump answered the question.\n\nHe said:\n\n"We have a situation where the cities are dangerous. '
     'You walk down the street, you get shot."\n\nThe fact-checkers looked into it.', "He", "said", '"We have'),
    ('Few donors are small donors.\n\nThe New York Times reports:\n\n"Just 24 percent gave less.\n\n'
     '"Without this network, she must keep holding fund-raisers."\n\nShe has had trouble.',
     "The New York Times", "reports", '"Just 24'),
])
def test_quotation_a_paragraph_below_a_cue_and_colon(nlp, stage, text, source, cue, start):  # noqa: F811
    got = [g for g in found(nlp, stage, text) if g[1] == cue]
    assert len(got) == 1 and got[0][0] == source and got[0][2].startswith(start) and got[0][2].endswith('."')


def test_unquoted_paragraph_below_a_cue_and_colon_is_its_content(nlp, stage):  # noqa: F811
    text = ("He spoke on the radio on Wednesday.\n\nThe governor added:\n\nIt is typical of her. She knows "
            "nothing, and the fact is that she has no idea what happened.\n\nHer campaign did not reply.")
    got = [g[:3] for g in found(nlp, stage, text) if g[1] == "added"]
    assert got == [("The governor", "added", "It is typical of her. She knows nothing, and the fact is that she "
                                             "has no idea what happened.")]
    # a paragraph with quotation marks is a quotation, linked as one; a colon in mid-line is no lead-in
    text = "The governor added: it was typical.\n\nShe knows nothing."
    assert not [g for g in found(nlp, stage, text) if g[2].startswith("She knows")]


@pytest.mark.parametrize("text,expected", [
    ("The registration issue was first reported by The Washington Post.",
     [("The Washington Post", "reported", "The registration issue")]),
    ("The plan was criticized by the opposition.", [("the opposition", "was criticized", "The plan")]),
    ("Clinton has been endorsed by dozens of papers, while Trump is supported by far fewer publications.",
     [("dozens of papers", "has been endorsed", "Clinton"), ("far fewer publications", "is supported", "Trump")]),
    # a pronoun subject is the target, not a content; a relative pronoun names no content either
    ("He was criticized by the mayor.", []),
    ("The story, which was reported by the BBC, spread quickly.", []),
    # the subject alone would be half the content
    ("Two bishops were reported by local media to have attended the funeral.", []),
])
def test_passive_with_a_by_agent_the_subject_is_the_content(nlp, stage, text, expected):  # noqa: F811
    assert [g[:3] for g in found(nlp, stage, text)] == expected


@pytest.mark.parametrize("text,expected", [
    # the model lemmatizes 'hopes' as "hop" (data: form_lemmas)
    ("Mr. Clarke hopes to offset all of the emissions with credits.",
     [("Mr. Clarke", "hopes", "to offset all of the emissions with credits")]),
    ("The campaign was hoping that the rally would help.", [("The campaign", "was hoping", "that the rally would help")]),
    ("The senator lambasted the plan.", [("The senator", "lambasted", "the plan")]),
    ("The rabbit hopped over the fence.", []),
])
def test_cue_forms_the_parser_lemmatizes_wrongly(nlp, stage, text, expected):  # noqa: F811
    assert [g[:3] for g in found(nlp, stage, text)] == expected


def test_subject_inside_the_quotation_is_no_source(nlp, stage):  # noqa: F811
    # the parser takes the quotation's last sentence for the subject of the inverted 'said X'
    text = ("Some believe the campaign is worried.\n\n“Hillary Clinton’s campaign is in panic mode. Full panic "
            "mode,” said Leslie Wimes, a South Florida-based president of the caucus.\n\nWimes believes it.")
    got = [g for g in found(nlp, stage, text) if g[1] == "said"]
    assert [(g[0], g[3]) for g in got] == [("Leslie Wimes, a South Florida-based president of the caucus",
                                            "Leslie Wimes")]


@pytest.mark.parametrize("text,expected", [
    ("Critics see reauthorization of the program as an opportunity to reform it.",
     [("Critics", "see", "reauthorization of the program as an opportunity to reform it")]),
    ("Many viewed the comment as a dig at the military.", [("Many", "viewed", "the comment as a dig at the military")]),
    # seeing or viewing a thing is no view of it (data: object_needs_as)
    ("The region saw heavy rain on Monday.", []),
    ("Visitors viewed the site.", []),
    ("The city saw prices rise.", []),
])
def test_seeing_x_as_y_is_a_view(nlp, stage, text, expected):  # noqa: F811
    assert [g[:3] for g in found(nlp, stage, text)] == expected
