"""Agent nouns: 'police', 'American and North Korean negotiators', 'Hezbollah fighters'.

An agent noun of ``agent_nouns.tsv`` takes the country of its modifiers ('Russian
troops'), of a table-coded person before it ('the Trump administration'), of its 'of' /
'in' / 'from' phrase ('police in Chelyabinsk'; an 'ethnic' group's nationality names no country:
'ethnic Albanian guerrillas operating in Macedonia' are of the country they live in), of an earlier
mention of the same head noun with a country of its own ('the US embassy ... the embassy',
'French police officers ... both officers'; a bare plural only when its sentence names no
country: '... officers travelled to Canada'), else of its context as the noun's ``context``
column allows ('local media': the article's, whatever the column says), but never that of the
country acting on it ('the U.S. is preventing civilians from leaving':
:func:`.modifiers.acting_countries`) nor of its sponsor ('U.S.-backed rebels'); an organisation
before it makes it that organisation's members. A determiner ('both articles') is no
mention of its own, nor the class of a member named in apposition ('One of these groups, the
SDF'). A group noun with a number word ('the two leaders') goes to coreference.
"""
from __future__ import annotations

from .countries import _modifies_instrument, ethnic_home, is_ethnic
from .modifiers import acting_countries, left_modifiers, right_countries
from ..tables import _norm_key
from .organisations import _org_row
from .state import ArticleState, Item, Mention, _add
from .syntax import _group_number, _has_det, _is_noun_modifier, _span_root, _text


def _agent_mentions(st: ArticleState, item: Item) -> None:
    doc, kb = st.doc, st.kb
    row = kb.agents.get(item.first("agent").value)
    if row is None:
        return
    head = _span_root(doc, item.start, item.end)
    if head.pos_ in ("VERB", "AUX") and head.tag_ not in ("NN", "NNS"):
        return  # 'police suspect the attackers': the verb, not the noun 'suspect'
    if _named_member(head):
        return  # 'One of these groups, the Syrian Democratic Forces, opposed': the name is the actor
    # 'Hezbollah fighters', 'Houthi rebels', 'Taliban militants': the organisation's own members,
    # coded as the organisation (its code and sector), never as the sentence's country
    for c in head.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < head.i:
            owner = st.item_at.get(c.i)
            if owner is None or owner.kind != "org" or (owner.end < len(doc) and doc[owner.end].text == "-"):
                continue  # 'Al-Qaeda-linked rebels', 'Iran-backed militias' are not the organisation
            org = _org_row(st, owner)
            if org is not None:
                _add(st, Mention(item.start, item.end, owner.start, item.end, _text(doc, item.start, item.end),
                                 org["canonical"], code=org.get("code"), sector=org.get("sector"),
                                 kind=org.get("kind") or "organisation", resolved_by="organisation",
                                 org_type=org.get("type")))
                return
    mods = left_modifiers(st, item.start, item.end)
    codes = list(mods.countries)
    if codes and is_ethnic(st, head):
        # 'ethnic Albanian guerrillas operating in Macedonia': of the country they live in, not Albania
        codes = [c for c in right_countries(st, head, ("in", "of")) if c not in mods.countries]
        home = codes[0] if len(codes) == 1 else ethnic_home(st, head, mods.countries[0])
        codes = [home] if home else [None]
    if not codes:
        # 'the Trump administration', "Putin's government": the body of a coded person before it
        codes = _person_owner_codes(st, head)
    scope = row.get("context") or "sentence"
    if any(c.dep_ == "amod" and c.lower_ in st.kb.rules.get("local_words", ()) for c in head.children):
        scope = "article"  # 'local media', 'local journalists': of the place the story is about
    key = item.first("agent").value
    # possessive country: "Russia's army" (the possessor token is a country/capital item); an
    # embassy 'in Baghdad' stands in another country: only 'of' counts for it
    if not codes:
        codes = right_countries(st, head, ("of",) if scope == "antecedent" else ("of", "in", "from"))
    how = "agent-noun"
    ante = None
    definite = _has_det(doc, head, tuple(st.kb.rules.get("anaphoric_determiners", ("the",))))
    if not codes and definite:
        # 'the US embassy ... the embassy', 'two French police officers ... both officers': an
        # earlier mention of the same head noun with its own country
        ante = _same_noun_before(st, key, item.start)
        if ante is not None:
            codes, how = [ante.code], "coreference"
    people_context = False
    # 'the Taliban wants foreign forces to leave': not of the story's country, whatever the context
    foreign = any(c.dep_ in ("amod", "compound") and c.lower_ in st.kb.rules.get("foreign_words", ())
                  for c in head.children)
    if not codes and not mods.unplaced and not foreign:
        # the context only for a noun the text does not place ('Northamptonshire police' with
        # a county of unknown country stays uncoded rather than take the article's country)
        c, how = st.context_country(st.sent_of[item.start], "sentence" if scope == "article" else scope)
        if c is None and not definite and not any(t.dep_ in ("det", "poss") for t in head.children):
            # a bare plural repeating a placed noun ('French police officers ... officers
            # travelled to Canada'): that noun's country, before the article's
            ante = _same_noun_before(st, key, item.start)
            if ante is not None:
                c, how = ante.code, "coreference"
        located = row.get("sector") in st.kb.rules.get("located_sectors", ())
        if c is None and scope == "article":
            if located:
                # 'Many people are afraid to return': civilians are of where the story happens
                c = st.place_country()
                how = "article-context" if c else None
            else:
                c, how = st.context_country(st.sent_of[item.start], scope)
        sponsors, acting = _sponsors(st, head), acting_countries(st, head)
        if c is not None and c in sponsors:
            c, how = None, None  # 'U.S.-backed rebels' in a sentence naming the U.S.: not American
        if c is not None and c in acting:
            # 'the U.S. is preventing civilians from leaving': the other party's country is not
            # theirs; civilians are of where the story happens
            c = st.place_country() if located else None
            c, how = (None, None) if c is None or c in acting else (c, "article-context")
        codes, how = [c], how or "agent-noun"
        # the article's people may code it later, unless a sponsor or an acting country is named
        people_context = c is None and scope == "article" and not located and not (sponsors or acting)
    codes = codes or [None]
    text = _text(doc, item.start, item.end)
    label = row.get("label") or row["noun"]
    # a noun referring back to a named body is that body, with its sector ('the Southern Transitional
    # Council ... the council' stays REB, not the noun's GOV)
    sector = (ante.sector if ante is not None else None) or row.get("sector") or None
    for iso in codes:
        name = kb.country_name(iso)
        canonical = ante.canonical if ante is not None else f"{name} ({label})" if name else label
        _add(st, Mention(item.start, item.end, mods.start, item.end, text, canonical, code=iso,
                         sector=sector, kind=row.get("kind") or "group", resolved_by=how,
                         agent=key, antecedent=ante, people_context=people_context))


def _named_member(head) -> bool:
    """Whether the noun ``head`` is the 'of' object of a partitive whose member is named in
    apposition ('One of these groups, the Syrian Democratic Forces (SDF), opposed'): the name is
    the actor, the class it belongs to no actor of its own (nor of the sentence's country)."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return False
    part = prep.head
    return part.pos_ in ("NUM", "PRON", "DET", "ADJ") and any(c.dep_ == "appos" for c in part.children)


def _sponsors(st: ArticleState, head) -> set:
    """The countries named as sponsors of the noun ``head`` ('U.S.-backed rebels', one token or
    three; 'an Iranian-led militia'; rules.yaml ``sponsor_words``): who supports them, so not whose
    they are. RETURNS (set[str]): ISO alpha-3 codes."""
    doc = st.doc
    words = set(st.kb.rules.get("sponsor_words", ()))
    out = set()
    for c in head.children:
        if c.dep_ not in ("amod", "compound"):
            continue
        name, _, word = c.text.rpartition("-")
        if name and word.lower() in words:  # one token: 'U.S.-backed'
            entries = st.kb.cased.entries.get(_norm_key(name, False), ())
        elif c.lower_ in words and c.i >= 2 and doc[c.i - 1].text == "-":  # 'Iranian - backed'
            it = st.item_at.get(c.i - 2)
            entries = it.entries if it is not None else ()
        else:
            continue
        out.update(e.value for e in entries if e.kind in ("country", "adjective", "capital"))
    return out


def _person_owner_codes(st: ArticleState, head) -> list:
    """The country of a person named as the compound or possessor of an agent noun ('the Trump
    administration', "Putin's government"), when a table coded that person. RETURNS (list[str])."""
    for c in head.children:
        if c.dep_ not in ("compound", "poss") or c.i > head.i:
            continue
        for m in st.mentions:
            if m.person and m.start <= c.i < m.end and m.code and m.resolved_by == "office-holder":
                return [m.code]
    return []


def _same_noun_before(st: ArticleState, key: str, start: int):
    """The nearest earlier agent-noun mention whose country came from its own words and whose
    noun has the same head word as ``key`` ('police officers' for 'officers', 'the embassy' for
    'embassy'), or coded named body ending in that word ('the United States Embassy' for 'the
    Embassy'), or None. RETURNS (Mention | None)."""
    def head_word(k: str) -> str:
        return (st.kb.agents.get(k, {}).get("noun") or k).split()[-1]

    last = head_word(key)
    doc = st.doc
    # a noun with a word of its own before the head ('government forces') is not the named body
    # that ends in the head ('the Syrian Democratic Forces'), nor another noun's ('Russian troops')
    own_word = len((st.kb.agents.get(key, {}).get("noun") or key).split()) > 1
    label = st.kb.agents.get(key, {}).get("label")
    return next((m for m in reversed(st.mentions) if m.code and m.end <= start and (
        (m.agent and m.resolved_by == "agent-noun" and head_word(m.agent) == last
         and (not own_word or st.kb.agents.get(m.agent, {}).get("label") == label))
        # a named body with that head noun and a country of its own words: 'the United States
        # Embassy in Baghdad ... the Embassy'
        or (not own_word and m.kind == "organisation" and m.resolved_by in ("ner", "organisation")
            and m.end - m.start > 1 and doc[m.end - 1].lower_ == last))), None)


def recognise_agent(st: ArticleState, it: Item) -> None:
    """An agent noun as a head (or modifying a weapon noun): its mentions, or a group for
    coreference ('the two leaders', rules.yaml ``group_nouns``) in ``st.pending``."""
    doc, rules = st.doc, st.kb.rules
    head = _span_root(doc, it.start, it.end)
    if _is_noun_modifier(doc, it) and not _modifies_instrument(doc, it, rules):
        return
    if it.end - it.start == 1 and head.dep_ in ("det", "predet", "preconj") and head.head.i != head.i:
        return  # 'opposed both articles', 'the ministers of both countries': a determiner of another noun
    if head.lower_ in rules.get("group_nouns", {}) and _group_number(doc, head, rules):
        st.pending.append(("group", it))
        return
    _agent_mentions(st, it)
