"""Which articles are English: too short to tell is language None, not "en"; a text in another
language with a few English names is not English (E105)."""
from __future__ import annotations

ZH = "美国总统特朗普周日在板门店会见了朝鲜领导人金正恩。"
PT_LEAD = ("BRASÍLIA (Reuters) - O candidato do PSL à Presidência, Jair Bolsonaro, disse nesta segunda-feira "
           "que a proposta de Paulo Guedes é ousada e que o imposto de renda no Brasil é alto demais, "
           "mas que a decisão será tomada depois da eleição, em entrevista a uma rádio de São Paulo.")
EN = "Russia expelled two Polish diplomats on Friday. Poland said it would respond to the move."


def test_a_short_text_in_another_script_is_of_unknown_language(pipeline):
    a = pipeline(ZH)
    assert a.error is None and a.language is None


def test_a_short_english_text_is_of_unknown_language(pipeline):
    a = pipeline("Trump met Kim.")
    assert a.error is None and a.language is None


def test_an_english_text_is_en(pipeline):
    a = pipeline(EN)
    assert a.error is None and a.language == "en"


PT_WIRE = ("WASHINGTON (Reuters) - O presidente Donald Trump disse no domingo que a política do governo "
           "para a Coreia do Norte não vai mudar, segundo a Casa Branca.")


def test_a_portuguese_lead_is_not_english(pipeline):
    a = pipeline(PT_LEAD)
    assert a.error is not None and a.error.code == "E105" and a.events == [] and a.language is None


def test_portuguese_with_english_looking_words_is_not_english(pipeline):
    """'no', 'a', 'do' are English function words too (23% here, above the 12% threshold);
    Portuguese ones are more: not English."""
    a = pipeline(PT_WIRE)
    assert a.error is not None and a.error.code == "E105" and "'pt'" in a.error.message
    assert a.events == [] and a.language is None
