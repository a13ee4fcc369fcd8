"""Last pass: named actors with no code take the country their own words or the article give.

Runs after coreference. A named person or organisation that no table codes (resolved_by
``ner``, or ``title`` with a title of no country: "Attorney General William Barr") is coded, in
this order:

1. **Own words** (``resolved_by: own-words``): the country named in the phrase that describes
   the mention -- its apposition ("Paweł Adamowicz, mayor of the Polish city of Gdańsk"),
   the noun it is in apposition to ("the mayor of Gdańsk, Paweł Adamowicz") or that it names
   ("the Syrian opposition forces known as Maghawir al Thawra"), the nouns
   before the name ("Abu Dhabi TV photojournalist Ziad al-Sharabi"), its ``of``/``from``/
   ``for``/``at`` phrases ("spokeswoman for the Justice Department") and a copular relative
   clause ("McGurk, who was Trump's envoy") or main clause ("al-Muhandis was the deputy
   commander of the PMF", at any mention of the name that coreference gives it), leaving out phrases under other prepositions
   ("envoy to Syria", "the campaign against ISIL"). A country counts when a country name,
   nationality word or capital, a place with a country, or an already coded actor stands
   there; the mention is coded only when all of them give one country.
2. **Article** (``resolved_by: article-context``): the country of the article's people and
   bodies -- the dominant code among the mentions that the tables code (office holders,
   titles, organisations), by the same share and ratio as
   :meth:`ArticleState.dominant_country` (``dominant_*`` in ``actors/rules.yaml``); when
   those give none, the article's dominant country. This is the convention event coders
   follow for domestic news (a person named in a story about Poland, with no other country
   given, is coded POL; shared/gold/wikinews_events_dev README). The people count first
   because a story about Washington's dealings with Ukraine names Ukraine more often than
   the United States, while its people are American. Not for a name whose sentence names two
   countries or more: there the story is not one country's, and nothing says which the name is
   ("Israeli fans of the popstar Lorde ... against New Zealand activists": uncoded, not ISR); nor
   when that country acts on the name ("the United States' killing of Qasem Soleimani": the
   other party, uncoded rather than American; :func:`.mentions.modifiers.acting_countries`).

An agent noun of article context ("the administration") that neither its sentence nor the
article's country mentions code takes the country of the article's people the same way.
A person whose own words are a title in apposition belonging to a body ("Kino Gabriel, a
spokesman for the SDF") takes that body's sector too (:func:`_member_sector`). A name repeated in
full takes the country its own words gave it at another mention (one country
only) before the article's; an organisation, also the country of the place after 'in' wherever the
article writes its name ("transferred to Charité in Berlin ... Charité said": DEU), a mention or not. Mentions resolved to such an antecedent by coreference then take its
code, as do those of a name that the title in apposition to it coded after they were linked
("Kurt Volker, the United States special envoy ... Volker"). The sector stays
unknown: nothing in the words says it.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from .mentions import ArticleState, Mention, token_country
from .mentions.modifiers import acting_countries

__all__ = ["code_from_context"]

#: dependencies of a name's head whose phrase describes the name
_DESCRIBING = {"appos", "compound", "nmod", "amod"}
#: prepositions whose object says where a person or body belongs
_BELONGING_PREPS = {"of", "from", "for", "at", "in", "as"}
#: verbs of a relative clause that describes ("who was", "who served as", "who heads")
_DESCRIBING_VERBS = {"be", "serve", "work", "become", "head", "lead", "chair", "represent"}


#: participles that give a noun its name ('the forces known as Maghawir al Thawra')
_NAMING_VERBS = {"know", "call", "name", "dub"}
#: verbs whose noun must say who the subject is (:func:`_says_who`)
_COPULAS = {"be", "become"}
#: lexicon items that say who a person or body is ('commander', 'police', 'Iranian')
_WHO_KINDS = ("title", "agent", "demonym", "adjective", "org")


def _says_who(st: ArticleState, t) -> bool:
    """Whether the noun ``t`` that a copula predicates of a name says who the name is: a title,
    agent noun, nationality word or organisation, or one of the actor rules'
    ``describing_nouns`` ('a member of Hezbollah', 'a citizen of Iran'); not 'the target of',
    'the victim of'. RETURNS (bool)."""
    it = st.item_at.get(t.i)
    if it is not None and it.kind in _WHO_KINDS:
        return True
    return t.lemma_.lower() in st.kb.rules.get("describing_nouns", ())


#: lexicon items whose country a describing phrase gives, in the order they are asked
_COUNTRY_KINDS = ("country", "adjective", "demonym", "capital")


def _phrase_tokens(tok, skip: set, says_who=lambda t: True) -> list:
    """Token indices of the describing phrases around ``tok`` (see the module docstring).
    says_who (callable): token -> whether the noun a copula predicates of the name says who the
    person is (:func:`_says_who`)."""
    out = []

    def predicated(clause) -> bool:
        # 'X was the deputy commander of the PMF' describes X; 'X was the target of an al-Qaeda
        # attack' does not: a copula's noun must say who the name is
        if clause.lemma_.lower() not in _COPULAS:
            return True
        return all(says_who(c) for c in clause.children if c.dep_ in ("attr", "oprd"))

    def subtree(t):
        # a phrase under another preposition says where the person goes or what they oppose,
        # not where they belong: "Trump's envoy to the intervention against ISIL" is American
        if t.i not in skip:
            out.append(t.i)
        for c in t.children:
            if not (c.dep_ == "prep" and c.lemma_.lower() not in _BELONGING_PREPS):
                subtree(c)

    for c in tok.children:
        if c.i in skip:
            continue
        dep = c.dep_
        if dep in _DESCRIBING:
            subtree(c)
        elif dep == "prep" and c.lemma_.lower() in _BELONGING_PREPS:
            subtree(c)
        elif dep == "relcl" and c.lemma_.lower() in _DESCRIBING_VERBS and predicated(c):
            subtree(c)
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _DESCRIBING_VERBS \
            and predicated(tok.head):
        # a copular main clause: "al-Muhandis was the deputy commander of the PMF"
        for c in tok.head.children:
            if c.i not in skip and (c.dep_ in ("attr", "dobj", "oprd")
                                    or (c.dep_ == "prep" and c.lower_ == "as")):
                subtree(c)
    naming = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else None
    if naming is not None and naming.dep_ == "acl" and naming.lemma_.lower() in _NAMING_VERBS:
        # 'the Syrian opposition forces known as Maghawir al Thawra': the noun it names describes
        # it, as a noun in apposition does
        tok = naming
    if tok.dep_ == "appos" or tok is naming \
            or (tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN")):
        head = tok.head
        skip2 = skip | {x.i for x in tok.subtree}
        out.append(head.i)
        for c in head.children:
            if c.i in skip2 or c.dep_ in ("relcl", "acl", "punct", "cc", "conj"):
                continue
            if c.dep_ in _DESCRIBING or (c.dep_ == "prep" and c.lemma_.lower() in _BELONGING_PREPS):
                out.extend(x.i for x in c.subtree if x.i not in skip2)
    return out


def _own_country(st: ArticleState, m: Mention, coded: dict) -> Optional[str]:
    doc = st.doc
    head = doc[m.start:m.end].root
    skip = set(range(m.start, m.end))
    # the noun a copula predicates of the name ("al-Muhandis was the deputy commander") is the
    # name's own description: its words count, not the person coreference took that noun for
    predicate = {c.i for c in head.head.children if c.dep_ in ("attr", "oprd")} \
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _DESCRIBING_VERBS else set()
    found = set()
    topics = st.kb.rules.get("topic_nouns", ())
    for k in _phrase_tokens(head, skip, lambda t: _says_who(st, t)):
        if st.sent_of[k] != st.sent_of[head.i]:
            continue
        t = doc[k]
        if t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.lemma_.lower() in topics:
            continue  # 'a China scholar', 'a Russia analyst': the subject studied, not the nationality
        c = token_country(st, k, _COUNTRY_KINDS, None if k in predicate else coded)
        if c:
            found.add(c)
    return next(iter(found)) if len(found) == 1 else None


def _placed_elsewhere(st: ArticleState, m: Mention) -> Optional[str]:
    """The one country of the places that follow the organisation's name after 'in' wherever the
    article writes the name ("transferred to Charité in Berlin ... Charité said": DEU), a mention
    or not (a destination is none). RETURNS (str | None): ISO alpha-3, None for none or several."""
    doc = st.doc
    words = [t.text for t in doc[m.start:m.end]]
    n = len(words)
    found = set()
    for k in range(len(doc) - n - 1):
        if doc[k].text != words[0] or [t.text for t in doc[k:k + n]] != words:
            continue
        if doc[k + n].lower_ != "in":
            continue
        place = st.place_at.get(k + n + 1)
        if place is not None and place.country:
            found.add(place.country)
    return next(iter(found)) if len(found) == 1 else None


#: prepositions after a title in apposition that name the body the person belongs to
_MEMBER_PREPS = {"for", "of", "at", "with"}


def _member_sector(st: ArticleState, m: Mention) -> Optional[str]:
    """The sector of the body a person belongs to by a title in apposition ("Kino Gabriel, a
    spokesman for the SDF": REB; "X, a reporter for the BBC": JRN; "the spokeswoman of the White
    House, X": GOV): the coded organisation mention in the title's 'for'/'of'/'at'/'with' phrase,
    when it has the person's code -- the CAMEO convention of coding a member or agent by the
    organisation it belongs to, as :mod:`.mentions.affiliation` does for 'Hamas spokesman X'.
    RETURNS (str | None)."""
    doc = st.doc
    head = doc[m.start:m.end].root
    nouns = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        nouns.append(head.head)
    bodies = [b for b in st.mentions if b.kind in ("organisation", "media") and b.code == m.code and b.sector
              and not b.person]
    for noun in nouns:
        it = st.item_at.get(noun.i)
        if it is None or it.kind not in ("title", "agent"):
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in _MEMBER_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for b in bodies:
                    if b.start <= pobj.i < b.end:
                        return b.sector
    return None


#: how a mention was coded when its code says who the article's people are
_TABLE_CODED = {"office-holder", "title", "organisation"}


def _people_country(st: ArticleState) -> Optional[str]:
    """The dominant code of the table-coded persons and bodies (see the module docstring)."""
    return st.dominant(Counter(m.code for m in st.mentions
                               if m.code and m.resolved_by in _TABLE_CODED and m.code in st.kb.countries))


def _root(m: Mention) -> Mention:
    seen = set()
    while m.antecedent is not None and id(m) not in seen:
        seen.add(id(m))
        m = m.antecedent
    return m


def code_from_context(st: ArticleState) -> None:
    """Code the named mentions left without a code (see the module docstring); in place."""
    coded = {}
    for m in st.mentions:
        if m.code:
            for k in range(m.start, m.end):
                coded.setdefault(k, m.code)
    candidates = [m for m in st.mentions if not m.code and m.resolved_by in ("ner", "title")
                  and (m.person or m.kind == "organisation") and m.end > m.start]
    dominant = _people_country(st) or st.dominant_country()
    own = {id(m): _own_country(st, m, coded) for m in candidates}
    # a name repeated in full ("Jong Woo Son from South Korea ... Jong Woo Son is in prison")
    # keeps the country its own words gave it once, if they gave one country
    by_name: dict = {}
    for m in candidates:
        if own[id(m)]:
            by_name.setdefault(m.canonical.lower(), set()).add(own[id(m)])
    # ... and the name repeated short ("Abu Mahdi al-Muhandis ... al-Muhandis was the deputy
    # commander of the PMF"): the own words of a name resolved to a candidate count for it
    ids = {id(m) for m in candidates}
    for m in st.mentions:
        if m.resolved_by != "coreference" or m.antecedent is None or m.end <= m.start \
                or st.doc[m.end - 1].pos_ != "PROPN":
            continue
        root = _root(m)
        if id(root) in ids:
            c = _own_country(st, m, coded)
            if c:
                by_name.setdefault(root.canonical.lower(), set()).add(c)
    for m in candidates:
        if not own[id(m)] and m.kind == "organisation" and not by_name.get(m.canonical.lower()):
            where = _placed_elsewhere(st, m)
            if where:
                by_name.setdefault(m.canonical.lower(), set()).add(where)
    for m in candidates:
        c = own[id(m)]
        named = by_name.get(m.canonical.lower(), set())
        if c:
            m.code, m.resolved_by = c, "own-words"
            if m.person and not m.sector:
                m.sector = _member_sector(st, m)
        elif len(named) == 1:
            m.code, m.resolved_by = next(iter(named)), "own-words"
        elif dominant and len(st.geo_sent.get(m.sent) or ()) < 2 \
                and dominant not in acting_countries(st, st.doc[m.start:m.end].root):
            # a sentence naming two countries or more says the story is not one country's here
            # ('Israeli fans of the popstar Lorde ... against New-Zealand-based activists'); the
            # country that acts on the name is the other party ("the United States' killing of
            # Qasem Soleimani")
            m.code, m.resolved_by = dominant, "article-context"
    people = _people_country(st)
    if people:
        # 'the administration', 'the commission' in a story whose people are American
        for m in st.mentions:
            if not m.code and m.people_context:
                label = st.kb.agents.get(m.agent, {}).get("label") or m.canonical
                m.code, m.resolved_by = people, "article-context"
                m.canonical = f"{st.kb.country_name(people) or people} ({label})"
    for m in st.mentions:
        if not m.code and m.antecedent is not None:
            # coded after the link: by its own words, the article, or the title in apposition to it
            # ("Kurt Volker, the United States special envoy ... Volker", coref._appositions)
            root = _root(m)
            if root.code and root.resolved_by in ("own-words", "article-context", "title"):
                m.code = root.code
                m.sector = m.sector or root.sector
