"""The modifiers of a head: titles, nationalities and toponyms before it, countries after it.

:func:`left_modifiers` reads the noun phrase to the left of a name or noun ('South Korean
President Moon Jae-in', 'Police spokesman Mariusz Ciarka'); :func:`right_countries` the
'of' / 'in' / 'from' phrase after an agent noun ('police in Chelyabinsk').
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .state import _MOD_KINDS, ArticleState
from .syntax import _span_root


@dataclass
class Mods:
    countries: list = field(default_factory=list)  # ISO3 in text order
    title: Optional[dict] = None  # titles.tsv row of the title nearest the head
    role: Optional[str] = None
    former: bool = False
    words: list = field(default_factory=list)  # gendered words (titles, honorifics)
    start: int = -1  # first token of the modifiers (evidence start)
    place_only: bool = False  # the country came only from a toponym
    agent_sector: Optional[str] = None  # sector of an agent noun before the title ('Police spokesman')
    unplaced: bool = False  # a toponym of unknown country modifies the head ('Northamptonshire police')
    # the name before the phrase that it belongs to: "BBC's Jonathan Marcus", 'Taliban deputy leader
    # Sirajuddin Haqqani', "Angela Merkel's spokesperson" -> the owner's first token (see affiliation.py)
    owner: Optional[int] = None


def left_modifiers(st: ArticleState, head_start: int, head_end: int) -> Mods:
    """Titles, nationalities and toponyms directly before a head, in its noun phrase.

    'South Korean President Moon Jae-in' -> countries [KOR], title president;
    'American and North Korean negotiators' -> [USA, PRK];
    'Chelyabinsk regional Deputy Governor Oleg Klimov' -> toponym country, role 'Deputy Governor'.
    """
    doc, kb = st.doc, st.kb
    glue = set(kb.rules.get("np_glue", ()))
    mods = Mods(start=head_start)
    sent_start = st.sents[st.sent_of[head_start]].start
    j = head_start - 1
    role_end = None
    role_start = None
    in_role = True  # still inside the run of title words next to the head
    place_countries = []
    while j >= sent_start:
        tok = doc[j]
        it = st.item_at.get(j)
        if it is not None and it.kind in _MOD_KINDS:
            if it.kind == "title":
                row = kb.titles.get(it.first("title").value) if it.first("title") else None
                if row is None:
                    break
                typ = row.get("type")
                if typ == "former":
                    mods.former = True
                    in_role = False
                elif typ == "honorific":
                    mods.words.append(row["title"])
                else:
                    if typ == "title" and mods.title is None:
                        mods.title = row
                    if row.get("gender"):
                        mods.words.append(row["title"])
                    if in_role:
                        role_end = role_end if role_end is not None else it.end
                        role_start = it.start
            else:
                e = it.first("adjective") or it.first("country") or it.first("capital") or it.first("demonym")
                longer = st.longer_place(it)
                if longer is not None and _leans_right(doc, it.start, it.end):
                    # 'New Jersey Governor Chris Christie': the state's country, not Jersey's
                    if longer.country and longer.country not in place_countries:
                        place_countries.insert(0, longer.country)
                    k = it.start
                    while k - 1 >= sent_start and st.place_at.get(k - 1) is longer:
                        k -= 1
                    mods.start = k
                    in_role = False
                    j = k - 1
                    continue
                if e is None or not _leans_right(doc, it.start, it.end):
                    break  # 'arrested in Warsaw, John Smith said': not a modifier of the name
                if e.value not in mods.countries:
                    mods.countries.insert(0, e.value)
                in_role = False
            mods.start = it.start
            j = it.start - 1
            continue
        if j in st.place_at and not (it is not None and it.kind in ("person", "ner_person", "org")):
            place = st.place_at[j]
            k = j
            while k - 1 >= sent_start and st.place_at.get(k - 1) is place:
                k -= 1
            if not _leans_right(doc, k, j + 1):
                break
            if place.country and place.country not in place_countries:
                place_countries.insert(0, place.country)
            mods.unplaced = mods.unplaced or not place.country
            in_role = False
            mods.start = min(mods.start, j)
            # skip to the place's first token
            k = j
            while k - 1 >= sent_start and st.place_at.get(k - 1) is place:
                k -= 1
            j = k - 1
            continue
        if it is not None and it.kind == "agent" and in_role and role_start is not None:
            # 'Police spokesman Mariusz Ciarka', 'army spokesman': the body the title belongs to
            row = kb.agents.get(it.first("agent").value)
            if row is not None:
                mods.agent_sector = mods.agent_sector or row.get("sector") or None
                role_start = mods.start = it.start
                j = it.start - 1
                continue
        if it is not None and it.kind == "agent" and doc[it.end - 1].dep_ in ("amod", "compound") \
                and head_start <= doc[it.end - 1].head.i < head_end:
            # 'United States military forces', 'Iraqi security forces': an agent noun modifying
            # the head belongs to its phrase; the country before it is the head's
            j = it.start - 1
            continue
        if it is not None:
            if it.kind in _OWNER_KINDS and _owns(doc, it, head_end):
                mods.owner = it.start  # "BBC's Jonathan Marcus", 'Hamas spokesman Fawzi Barhoum'
            break  # another name, organisation or agent noun: the phrase ends
        low = tok.lower_
        if low in glue or tok.text in glue:
            if low == "and" and not (j - 1 >= sent_start and st.item_at.get(j - 1) is not None
                                     and st.item_at[j - 1].kind in ("adjective", "country", "capital")):
                break
            j -= 1
            in_role = False
            continue
        if tok.is_title and tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.dep_ in ("compound", "amod", "nmod") \
                and in_role and role_start is not None:
            role_start = j  # portfolio word: 'Emergencies Minister'
            mods.start = j
            j -= 1
            continue
        if tok.dep_ in ("amod", "compound", "nmod", "nummod") and not tok.is_punct and j < tok.head.i <= head_end:
            if role_start is not None:
                in_role = False  # 'sitting', 'billionaire': inside the phrase, outside the role
            j -= 1
            continue
        break
    if role_start is not None and role_end is not None:
        mods.role = doc[role_start:role_end].text
    if not mods.countries and place_countries:
        mods.countries = place_countries
        mods.place_only = True
    return mods


#: items that may own the person after them (an organisation, a person: "BBC's", "Merkel's")
_OWNER_KINDS = ("org", "ner_org", "person", "ner_person")


def _owns(doc, it, head_end: int) -> bool:
    """True when the item's last word is the possessor or compound of a word of the phrase up to
    the head ("BBC's Jonathan Marcus", 'Taliban deputy leader Sirajuddin Haqqani')."""
    t = doc[it.end - 1]
    return t.dep_ in ("poss", "compound", "nmod") and it.end <= t.head.i < head_end


def _leans_right(doc, start: int, end: int) -> bool:
    """True when the span ``start:end`` hangs from a word to its right ('South Korean President',
    "Russia's army") or is a conjunct ('American and North Korean negotiators'), so it can modify
    the name after it; False for 'arrested in Warsaw, John Smith said'."""
    root = _span_root(doc, start, end)
    return root.head.i >= end or root.dep_ == "conj"


def right_countries(st: ArticleState, head_tok, preps=("of", "in", "from")) -> list:
    """Countries from the 'of' / 'in' / 'from' phrase after an agent noun ('police in
    Chelyabinsk'), one per coordinated object ('authorities in the United Kingdom and the
    United States'). RETURNS (list[str]): ISO codes in text order, no repeats; empty if none."""
    for child in head_tok.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            out = []
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                for tok in [pobj] + [c for c in pobj.conjuncts if c.i > pobj.i]:
                    c = token_country(st, tok.i)
                    if c and c not in out:
                        out.append(c)
            if out:
                return out
    return []


def token_country(st: ArticleState, i: int, kinds=("country", "capital", "adjective"),
                  coded: Optional[dict] = None) -> Optional[str]:
    """The country that token ``i`` names: a lexicon item of one of ``kinds`` (the first kind it
    has, in that order), else a placed toponym, else the code of a coded actor mention there
    (``coded``: token index -> code). A name after "pro-" or "anti-" ("the pro-Beijing camp")
    names a stance, not a country, and one before "-backed" or "-led" ("an Iranian-backed militia",
    rules.yaml ``sponsor_words``) names a sponsor. RETURNS (str | None): ISO alpha-3."""
    doc = st.doc
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti"):
        return None
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in st.kb.rules.get("sponsor_words", ()):
        return None  # 'an Iranian-backed militia', 'the US-led coalition': who supports it, not whose it is
    it = st.item_at.get(i)
    if it is not None:
        for kind in kinds:
            e = it.first(kind)
            if e is not None:
                return e.value
    place = st.place_at.get(i)
    if place is not None and place.country:
        return place.country
    return coded.get(i) if coded else None


def acting_countries(st: ArticleState, head) -> set:
    """The countries of whoever acts on ``head`` (a token): the possessor or 'by' phrase of the act
    noun whose 'of' object it is ("the United States' killing of Qasem Soleimani"), the subject of
    the verb whose object it is ('the U.S. is preventing civilians from leaving'), or the 'by' phrase
    of the passive it is the subject of, when that agent is a country or a capital itself (not
    'police in Egypt'). The one acted on is the other party, so the actor's country
    is no context for it (Soleimani is not American; the camp's civilians are not); a body of the
    same country acting at home is no other party ('Egyptian police arrested protesters').
    RETURNS (set[str]): ISO alpha-3 codes."""
    t = head
    while t.dep_ in ("appos", "conj") and t.head.i != t.i:
        t = t.head
    agents = []
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        act = t.head.head
        agents = [c for c in act.children if c.dep_ == "poss"]
        agents += [g for c in act.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj"]
    elif t.dep_ in ("dobj", "nsubjpass"):
        act = t.head
        agents = [c for c in act.children if c.dep_ == "nsubj"] if t.dep_ == "dobj" else \
            [g for c in act.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    out = set()
    while agents:
        a = agents.pop()
        # the agent itself is a country ('the United States', 'Washington'), or one of a pair; not a
        # country inside its phrase ('Police in Egypt arrested protesters': Egyptian protesters)
        agents.extend(c for c in a.children if c.dep_ == "conj")
        for k in [a.i] + [c.i for c in a.children if c.dep_ == "compound"]:
            it = st.item_at.get(k)  # a country's or capital's name, not a place ('Judge Jackson')
            e = it is not None and it.kind in ("country", "capital") and (it.first("country") or it.first("capital"))
            if e:
                out.add(e.value)
    return out
