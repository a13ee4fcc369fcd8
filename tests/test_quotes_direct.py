"""Direct quotations linked to their cue (issue 8, third round; step 3 of the quotes stage).

Hand-built sentences after the failure classes found on the Wikinews development set.
"""
import pytest

from test_quotes import run, stage, triple  # noqa: F401  (stage is a fixture)


def by_content(nlp, stage, text):  # noqa: F811
    return {q.content.text: (q.source.text if q.source else None, q.cue.text if q.cue else None)
            for q in run(nlp, stage, text)}


@pytest.mark.parametrize("text,first,second,source", [
    ('"Our citizens have been injured in violent incidents," Lam continued in the statement. '
     '"There have been chaotic scenes at the airport. Visitors wonder whether our city is safe."',
     "Our citizens", "There have been chaotic", "Lam"),
    ('"I put no pressure on them whatsoever," he told the press. "I could have. I think it would have been OK."',
     "I put no pressure", "I could have", "he"),
    ('Brett McGurk also criticized the decision via Twitter. "The statement demonstrates a complete lack of '
     'understanding."', None, "The statement demonstrates", "Brett McGurk"),
])
def test_quotation_after_the_rest_of_the_attributions_sentence(nlp, stage, text, first, second, source):  # noqa: F811
    got = by_content(nlp, stage, text)
    for piece in (first, second):
        if piece:
            (key,) = [k for k in got if piece in k]
            assert got[key][0] == source


def test_quotation_the_parser_took_for_the_subject(nlp, stage):  # noqa: F811
    text = ('"The only conclusion I can reach after reading that devastating call summary is that Trump\'s White '
            'House staff want him to resign or be impeached," tweeted former thinktank executive Ken Gude.')
    qs = run(nlp, stage, text)
    assert [(q.kind, q.source.text, q.cue.text) for q in qs] == [
        ("direct", "former thinktank executive Ken Gude", "tweeted")]
    assert qs[0].content.text.startswith('"The only conclusion')


def test_split_quotation_keeps_its_first_piece(nlp, stage):  # noqa: F811
    text = ('A spokesperson, Morgan Ortagus, indicated the United States was disappointed: "While we await '
            'clarification on the resolution," he said, "we strongly urge Iraqi leaders to reconsider."')
    got = by_content(nlp, stage, text)
    assert got['"While we await clarification on the resolution,"'] == ("he", "said")
    assert got['"we strongly urge Iraqi leaders to reconsider."'] == ("he", "said")


def test_a_quotation_ending_a_sentence_is_not_the_next_cues(nlp, stage):  # noqa: F811
    text = ('Howard Rubel, a lawyer representing Spanton, told the BBC after the verdict "My client is very relieved '
            'with the verdict. She is glad." Sophie Obadia, another lawyer for the victim, told reporters "Women in '
            'France who have been raped do not have to justify their private life."')
    got = by_content(nlp, stage, text)
    assert got['"My client is very relieved with the verdict. She is glad."'][0].startswith("Howard Rubel")


def test_content_is_not_in_another_paragraph(nlp, stage):  # noqa: F811
    text = ('There has been skepticism among academics about the withdrawal:\n\n'
            '"Whenever there are signs of sending a palm branch," wrote student protester Joshua Wong on Twitter. '
            '"They always come with a far tighter grip."')
    got = by_content(nlp, stage, text)
    assert got['"Whenever there are signs of sending a palm branch,"'][1] == "wrote"
    assert not any(k.startswith("There has been") and v[1] == "wrote" for k, v in got.items())
