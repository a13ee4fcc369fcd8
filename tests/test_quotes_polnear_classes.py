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
