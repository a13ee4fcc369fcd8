"""The first pass over one article: every named or noun-phrase actor.

Scans the Doc (:mod:`.scan`), indexes the items by token, counts the countries of
the article and of each sentence (the context that uncoded mentions take), then hands
each item to the recogniser of its kind; referring expressions go to ``st.pending``.
"""
from __future__ import annotations

from ...places.datelines import dateline_heads
from .agents import recognise_agent
from .countries import recognise_country, recognise_nationality, recognise_shorthand
from .organisations import recognise_ner_org, recognise_org
from .persons import recognise_ner_person, recognise_person
from .referring import queue_pronouns_and_groups, recognise_description, recognise_title
from .scan import _scan
from .state import ArticleState
from .syntax import _counterpart, _destination, _is_noun_modifier, _span_root

#: item kind -> the function that makes its mentions (kinds not listed make none)
_RECOGNISERS = {
    "person": recognise_person,
    "ner_person": recognise_ner_person,
    "org": recognise_org,
    "ner_org": recognise_ner_org,
    "capital": recognise_country,
    "country": recognise_country,
    "demonym": recognise_nationality,
    "adjective": recognise_nationality,
    "shorthand": recognise_shorthand,
    "agent": recognise_agent,
    "title": recognise_title,
    "description": recognise_description,
}


def recognise(st: ArticleState, blocked: set) -> None:
    """First pass: every named or noun-phrase actor; referring expressions go to ``st.pending``."""
    items = _scan(st, blocked)
    for it in items:
        for k in range(it.start, it.end):
            if k not in st.item_at or it.kind in ("ner_person", "ner_org"):
                st.item_at.setdefault(k, it)
    _count_context(st, items)
    st.place_names = locative_names(st, items)
    st.product_names = product_names(st, items)
    for it in items:
        if it.inner:
            continue
        recognise_kind = _RECOGNISERS.get(it.kind)
        if recognise_kind is not None:
            recognise_kind(st, it)
    # pronouns and groups with nouns outside the lexicon
    queue_pronouns_and_groups(st)


def _count_context(st: ArticleState, items: list) -> None:
    """Count the country expressions and placed toponyms of the article (``st.geo_article``),
    of each sentence but its dateline (``st.geo_sent``; ``st.dest_sent``: those that say where someone goes;
    ``st.party_sent``: those that are the other side of the act) and the countries of the sentence's
    named office holders and organisations (``st.named_sent``). A body's seat ('a UK-based group',
    :func:`_seat`) counts for the article only, as a dateline does."""
    doc, kb = st.doc, st.kb
    venues = frozenset(kb.rules.get("venue_heads", ())) | frozenset(kb.rules.get("origin_heads", ()))
    # a dateline ('WASHINGTON (AP) —') says where the story was filed, not whose its first
    # sentence is: it counts for the article only
    dateline = dateline_heads(doc)
    seats = frozenset(kb.rules.get("seat_words", ()))
    counted_tokens = set()
    for it in items:
        e = it.first("country") or it.first("adjective") or it.first("demonym") or it.first("capital")
        if e is not None and it.kind in ("country", "adjective", "demonym", "capital"):
            st.geo_article[e.value] += 1
            if it.start not in dateline and not _seat(doc, it.end, seats) and (
                    (it.kind in ("country", "capital") and not _modifies_title(st, it)) or not _is_noun_modifier(doc, it)):
                # a nationality adjective belongs to its own noun ('Russian President Putin'), as
                # does a country name before a title ('US Secretary of State Mike Pompeo'), so it
                # does not make the whole sentence Russian or American
                st.geo_sent[st.sent_of[it.start]][e.value] += 1
                if _destination(doc, it.start, it.end, venues):
                    st.dest_sent[st.sent_of[it.start]][e.value] += 1
                elif it.kind == "country" and _counterpart(doc, it.start, it.end, kb.rules):
                    st.party_sent[st.sent_of[it.start]][e.value] += 1
            counted_tokens.update(range(it.start, it.end))
        elif it.kind == "person":
            for c in (x for en in it.entries if en.kind == "person" for x in en.value):
                iso = kb.holders.country_of(c)
                if iso:
                    st.named_sent[st.sent_of[it.start]].add(iso)
        elif it.kind == "org":
            for en in it.entries:
                row = kb.orgs[en.value]
                if not row["context_codes"] and row.get("code") in kb.countries:
                    st.named_sent[st.sent_of[it.start]].add(row["code"])
    seen_places = set()
    for k, place in st.place_at.items():
        owner = st.item_at.get(k)
        if id(place) in seen_places or k in counted_tokens or not place.country \
                or (owner is not None and owner.kind in ("org", "person", "ner_org", "ner_person")):
            continue  # 'China' inside 'China Daily' is the newspaper's name, not a place mention
        seen_places.add(id(place))
        st.geo_article[place.country] += 1
        if k in dateline or _seat(doc, k + 1, seats):
            continue
        st.geo_sent[st.sent_of[k]][place.country] += 1
        if _destination(doc, k, k + 1, venues):
            st.dest_sent[st.sent_of[k]][place.country] += 1


def _seat(doc, end: int, words: frozenset) -> bool:
    """Whether the toponym ending before token ``end`` names where a body is based ('a UK-based
    group', 'the London-based monitor'; actor rules ``seat_words``): its seat, not the country of
    the sentence's story, so it counts for the article only."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in words


def locative_names(st: ArticleState, items: list) -> set:
    """The unknown names (spaCy PERSON and ORG entities no table knows) that the article uses as a
    location: a literal toponym that the places stage placed in a country, a name given to a place
    ('the Rukban camp, also known as the Berm': :func:`_names_a_place`), or the object of a
    locative preposition (actor rules ``locative_preps``: 'the base in
    al-Tanf', 'residents stay in Rukban'), unless the preposition follows a word after which 'in'
    does not place ('confidence in', 'invest in'; ``non_locative_heads``). A person or a body is
    not where things are, so every mention of such a name is a place ('pressuring the U.S. to leave
    al-Tanf'). A name with an organisation word or agent noun in it is a body wherever it sits ('in
    U.S. District Court'; actor rules ``organisation_words``). RETURNS (set[tuple[str, ...]]): the
    names' words, and the last word of each longer one ('Tanf' for 'al-Tanf')."""
    doc, rules = st.doc, st.kb.rules
    preps = set(rules.get("locative_preps", ()))
    not_here = set(rules.get("non_locative_heads", ()))
    body_words = set(rules.get("organisation_words", ()))
    place_nouns = set(rules.get("place_head_nouns", ()))
    out = set()
    for it in items:
        if it.kind not in ("ner_person", "ner_org") or any(
                doc[k].lower_ in body_words or (st.item_at.get(k) is not None and st.item_at[k].kind == "agent")
                for k in range(it.start, it.end)):
            continue  # 'filed in U.S. District Court': a body's name, wherever it sits
        root = _span_root(doc, it.start, it.end)
        prep = root.head
        placed = all(p is not None and p.country and p.role != "associative"
                     for p in (st.place_at.get(k) for k in range(it.start, it.end))) \
            or _names_a_place(st, root, place_nouns)
        if not placed and (root.dep_ != "pobj" or prep.lower_ not in preps or prep.head.lemma_.lower() in not_here
                           or (it.start > 0 and doc[it.start - 1].lower_ == "the")):
            continue  # 'in the Senate', 'members in the Labour Party': a body's name takes 'the'
        words = tuple(t.text for t in doc[it.start:it.end])
        out.add(words)
        if len(words) > 1 and doc[it.end - 1].is_alpha:
            out.add(words[-1:])
    return out


def product_names(st: ArticleState, items: list) -> set:
    """The unknown names (spaCy PERSON and ORG entities no table knows) that the article uses as a
    brand of a product: before a model designation with a digit in it, in a noun phrase with an
    indefinite article ('a Volvo XC90', 'a Boeing 737', 'an Airbus A320'). Every mention of such a
    name is the thing, not a company acting ('the Volvo had come from RAF Croughton').
    RETURNS (set[tuple[str, ...]]): the names' words."""
    doc = st.doc
    out = set()
    for it in items:
        if it.kind not in ("ner_person", "ner_org"):
            continue
        root = _span_root(doc, it.start, it.end)
        model = root.head
        if root.dep_ == "compound" and model.i >= it.end and any(ch.isdigit() for ch in model.text) \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in model.children):
            out.add(tuple(t.text for t in doc[it.start:it.end]))
    return out


def _names_a_place(st: ArticleState, root, place_nouns: set) -> bool:
    """Whether a name is given to a place: 'The Rukban camp, also known as the Berm' (the name is the
    'as' object of a naming participle whose noun is a place noun of the actor rules
    ``place_head_nouns`` or a placed toponym). RETURNS (bool)."""
    if root.dep_ != "pobj" or root.head.lower_ != "as":
        return False
    verb = root.head.head
    if verb.dep_ != "acl" or verb.lemma_.lower() not in ("know", "call", "name", "dub"):
        return False
    noun = verb.head
    return noun.lemma_.lower() in place_nouns or any(
        (p := st.place_at.get(c.i)) is not None and p.country for c in [noun] + list(noun.children)
        if c.dep_ in ("compound", "amod") or c is noun)


def _modifies_title(st: ArticleState, it) -> bool:
    """True when the country item modifies a title ('US Secretary of State Mike Pompeo', 'the US
    ambassador'): the country is that person's, not the sentence's. RETURNS (bool)."""
    if not _is_noun_modifier(st.doc, it):
        return False
    head = st.item_at.get(st.doc[it.end - 1].head.i)
    return head is not None and head.kind == "title"
