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
