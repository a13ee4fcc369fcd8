"""A line break always ends a sentence (newsevents.paragraphs), on hand-built texts."""
from __future__ import annotations

from newsevents.paragraphs import COMPONENT


def test_a_headline_line_is_its_own_sentence(pipeline):
    text = ("Talks in Geneva\n\nIranian Foreign Minister Mohammad Javad Zarif met European Union foreign "
            "policy chief Josep Borrell in Geneva on Monday to discuss the nuclear deal.")
    assert COMPONENT in pipeline.nlp.pipe_names
    doc = pipeline.nlp(text)
    assert [s.text.strip() for s in doc.sents][0] == "Talks in Geneva"
    an = pipeline(text)
    met = [e for e in an.events if e.trigger.text == "met"]
    assert met and [a.code for a in met[0].actors] == ["IRN"] and [r.code for r in met[0].recipients] == ["EUR"]


def test_a_signature_line_is_its_own_sentence(pipeline):
    doc = pipeline.nlp('"We will appeal."\n—One of the lawyers\nBoth officers said they would appeal.')
    sents = [s.text.strip() for s in doc.sents]
    assert sents[-1] == "Both officers said they would appeal."
    assert any(s.endswith("—One of the lawyers") for s in sents[:-1])


def test_sentences_inside_a_paragraph_are_still_the_parsers(pipeline):
    doc = pipeline.nlp("The talks ended. Both sides left Geneva on Monday.")
    assert len(list(doc.sents)) == 2


def test_a_run_with_no_sentence_end_is_cut_at_clause_breaks_within_the_limit(pipeline):
    """Trial 8 §2.5: 16,000 run-on words were one sentence, and the event and quote stages, which
    compare a sentence's words with each other, took the whole 60 s limit. A run of more than
    MAX_RUN_TOKENS tokens with no line break or full stop gets a sentence start at its last
    conjunction (or after a comma) in the window, so no sentence is longer than the limit; the
    events of each clause are still found."""
    from newsevents.paragraphs import MAX_RUN_TOKENS

    unit = "the army shelled the town and the mayor said that the police arrested the protesters and "  # 16 tokens
    text = unit * 40  # 640 tokens, no full stop
    doc = pipeline.nlp(text)
    sents = list(doc.sents)
    assert MAX_RUN_TOKENS == 200
    assert [s.start for s in sents] == [0, 197, 389, 581]  # each start an "and" in the window's second half
    assert all(doc[s.start].text == "and" for s in sents[1:]) and max(len(s) for s in sents) <= MAX_RUN_TOKENS
    an = pipeline(text)
    assert sorted({e.trigger.text for e in an.events}) == ["arrested", "shelled"]
    assert len([e for e in an.events if e.trigger.text == "shelled"]) == 40


def test_a_long_real_sentence_is_left_to_the_parser(pipeline):
    """The limit is far above real sentences (the longest of the Wikinews corpus have ~128 tokens): a
    long sentence with its full stop, and comma-separated runs under the limit, are not cut."""
    long = ("The minister, who arrived in Geneva on Monday after talks in Vienna, Berlin, Paris, Rome, Madrid, "
            "Lisbon, Brussels and London, said that the government would, after consulting its partners in the "
            "region and the United Nations, consider new measures against those responsible for the attacks on "
            "the border posts, the power plants and the water supplies of the towns in the north of the country, "
            "while the opposition, which had boycotted the vote, demanded an inquiry.")
    doc = pipeline.nlp(long + " Police arrested three men.")
    assert [s.text.strip() for s in doc.sents] == [long, "Police arrested three men."]
