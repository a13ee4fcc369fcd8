"""Recognising and resolving actor mentions in one Doc (everything but coreference).

Reads the spaCy Doc plus the places and dates records of earlier stages, and
produces :class:`Mention` objects: named persons (office-holder table, NER),
organisations, countries and capitals in actor slots, agent nouns with their
country, and the referring expressions (pronouns, definite descriptions,
'the two leaders') that :mod:`..coref` resolves afterwards.

The steps, one module each:

* the records, :mod:`.state`: :class:`Item` (a lexicon match or NER entity),
  :class:`Mention`, :class:`ArticleState` (what the passes share, with the article's
  and each sentence's country context);
* the scan, :mod:`.scan`: names and lexicon items, NER entities in the gaps;
* the pass, :mod:`.recognise`: indexes the items, counts the country context and
  hands each item to the recogniser of its kind:

  - persons, :mod:`.persons` (office-holder table, PERSON entities);
  - organisations, :mod:`.organisations` (``organisations.tsv``, ORG entities);
  - countries, :mod:`.countries` (country names, capitals, nationality words,
    shorthands, a country's weapons for its military);
  - agent nouns, :mod:`.agents` ('police', 'Russian troops');
  - referring expressions, :mod:`.referring` (bare titles, descriptions, pronouns,
    group nouns), queued for coreference;
* the modifiers of a head, :mod:`.modifiers` (titles, nationalities and toponyms
  before it, countries in its 'of' / 'in' phrase), and the name that owns it,
  :mod:`.affiliation` ("BBC's Jonathan Marcus", 'an Interpol spokesperson');
* parse helpers, :mod:`.syntax` (span roots, actor slots, number words).

Every name is importable from here, as from the single module this package was.
"""
from __future__ import annotations

from .affiliation import affiliate, owner_of
from .agents import _agent_mentions, recognise_agent
from .countries import (_country_mentions, _instrument_mention, _modifies_instrument, recognise_country,
                        recognise_nationality, recognise_shorthand)
from .modifiers import Mods, _leans_right, left_modifiers, right_countries, token_country
from .organisations import _org_row, recognise_ner_org, recognise_org
from .persons import _person_canonical, _person_mention, recognise_ner_person, recognise_person
from .recognise import recognise
from .referring import queue_pronouns_and_groups, recognise_description, recognise_title
from .scan import _name_entities, _scan, _strip_ent
from .state import _MOD_KINDS, _NAME_KINDS, ArticleState, Item, Mention, _add
from .syntax import (_destination, _group_number, _has_det, _is_noun_modifier, _span_root, _text,
                     actor_position)

__all__ = ["Mention", "Item", "ArticleState", "recognise"]
