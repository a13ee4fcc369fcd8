"""A text that is only a byline is a recorded failure (E108), not an article with an actor made of it."""
from __future__ import annotations

import json

import pytest

GOOD = "Police arrested 20 protesters in Hong Kong on Sunday."


@pytest.mark.parametrize("text", [
    "Por Matt Spetalnick e Jason Szep",
    "By John Smith and Jane Doe",
    "By John Smith, Jane Doe, and Ann Lee.",
    "Von Ursula von der Leyen",
    "  By Reuters Staff\n",
])
def test_a_byline_alone_is_a_byline(text):
    from newsevents.bylines import BylineCheck

    assert BylineCheck()(text)


@pytest.mark.parametrize("text", [
    GOOD,
    "By the way, talks resumed.",                             # "the": no name
    "By John Smith\n\nPolice arrested 20 protesters in Kabul.",  # a byline, then a sentence
    "By John Smith and",                                      # a joiner with no name after it
    "Police said: by Sunday.",                                # no opener first
])
def test_a_text_with_more_than_a_byline_is_not(text):
    from newsevents.bylines import BylineCheck

    assert not BylineCheck()(text)


def test_byline_items_of_a_feed_and_a_jsonl_file_fail_as_e108_and_the_batch_goes_on(pipeline, tmp_path):
    from newsevents.sources import read_inputs

    (tmp_path / "news.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Mundo</title>'
        '<item><guid>f1</guid><title>EUA e Irã</title><description>Por Matt Spetalnick e Jason Szep</description></item>'
        f'<item><guid>f2</guid><title>Hong Kong</title><description>{GOOD}</description></item>'
        '</channel></rss>', encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "j1", "text": "By John Smith and Jane Doe", "published": "2019-07-01"},
        {"id": "j2", "text": GOOD, "published": "2019-07-01"}]), encoding="utf-8")
    out = {a.id: a for a in pipeline.pipe(read_inputs([str(tmp_path / "news.rss"), str(tmp_path / "a.jsonl")]))}
    assert sorted(out) == ["f1", "f2", "j1", "j2"]
    for ident, byline in (("f1", "Por Matt Spetalnick e Jason Szep"), ("j1", "By John Smith and Jane Doe")):
        a = out[ident]
        assert a.error.code == "E108" and a.error.message.startswith("[E108] ") and f"'{byline}'" in a.error.message
        assert not a.actors and not a.events and a.language is None
    for ident in ("f2", "j2"):
        assert out[ident].error is None and out[ident].events and out[ident].language == "en"
