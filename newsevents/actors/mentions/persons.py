"""Persons: names of the office-holder table and spaCy PERSON entities.

A table name ('Moon Jae-in', 'Trump') takes the office its holder held on the publication
date (``office_holders.tsv``), or the one a title before it names ('President Xi Jinping'), or, out
of office, the body that owns the title before it ('NATO Secretary-General Jens Stoltenberg': IGO);
an unknown name takes its code from a nationality or toponym before it and its sector and
role from a title ('Police spokesman Mariusz Ciarka').
"""
from __future__ import annotations

from typing import Optional

from .affiliation import affiliate
from .modifiers import left_modifiers, right_countries
from .state import ArticleState, Item, Mention, _add
from .syntax import _span_root, _text


def _person_canonical(st: ArticleState, item: Item) -> Optional[str]:
    cands = []
    for e in item.entries:
        if e.kind == "person":
            cands.extend(e.value)
    cands = list(dict.fromkeys(cands))
    if not cands:
        return None
    seen = [c for c in cands if c in st.person_canon_seen]
    if seen:
        return seen[0]
    holders = st.kb.holders
    mods = left_modifiers(st, item.start, item.end)
    named = mods.countries + right_countries(st, st.doc[item.end - 1], preps=("of",))
    if named:
        # 'Jordanian King Abdullah', 'King Abdullah of Jordan': an alias of a table person who never
        # held office in the named country is somebody else
        cands = [c for c in cands if any(t.country in named for t in holders.terms.get(c, ()))]
        if not cands:
            return None
    active = [c for c in cands if holders.term_on(c, st.published) is not None]
    if item.end - item.start == 1:
        # A bare one-word alias that is not the person's surname ('Anwar' for Anwar Ibrahim: a
        # common given name) stands for an office holder only when that person is in office on
        # the publication date, was named in full earlier in the article, or a title before it
        # names an office they held. 'Waseem's mother, Anwar' in a 2019 Pakistani story is not
        # Anwar Ibrahim. Surname aliases ('Trump', 'Merkel') are listed in office_holders.tsv
        # only where they are unambiguous in news, so they keep resolving out of office.
        word = st.doc[item.start].text
        if not active:
            wanted = (mods.title.get("role") or mods.title["title"]).lower() if mods.title is not None else None
            titled = [c for c in cands if wanted and any((t.role or "").lower() == wanted
                                                         for t in holders.terms.get(c, ()))]
            if titled:  # 'President Bush': the title names an office the person held
                return titled[0]
            cands = [c for c in cands if c.split()[-1] == word]
            if not cands:
                return None
    if len(cands) == 1:
        return cands[0]
    return active[0] if len(active) == 1 else None


def _person_mention(st: ArticleState, item: Item, canonical: Optional[str]) -> Optional[Mention]:
    doc, kb = st.doc, st.kb
    mods = left_modifiers(st, item.start, item.end)
    text = _text(doc, item.start, item.end)
    m = Mention(item.start, item.end, mods.start, item.end, text, canonical or text, kind="person", person=True)
    if canonical:
        code, sector, role = kb.holders.role_on(canonical, st.published) or (None, None, None)
        terms = kb.holders.terms_on(canonical, st.published)
        m.roles = tuple(t.role.lower() for t in terms if t.role)
        if mods.title is not None:
            wanted = (mods.title.get("role") or mods.title["title"]).lower()
            for t in terms:  # 'President Xi Jinping': the office the text names
                if t.role and t.role.lower() == wanted:
                    code, sector, role = t.country, t.sector, t.role
                    break
        m.code, m.sector, m.role, m.resolved_by = code, sector, role, "office-holder"
        if mods.former:
            m.sector, m.role = None, ("former " + mods.role) if mods.role else None
        elif not terms and mods.title is not None and not mods.countries and affiliate(st, m, mods, mods.title):
            # out of the table's offices on the day, with the title of a body before the name: 'NATO
            # Secretary-General Jens Stoltenberg' (Norway's prime minister until 2013) speaks for NATO
            m.role = mods.role or mods.title.get("role") or mods.title["title"].title()
        if m.code is None and mods.countries:
            m.code = mods.countries[0]
    else:
        if mods.countries:
            m.code = mods.countries[0]
            m.resolved_by = "demonym" if not mods.place_only else "title"
        if mods.title is not None:
            m.sector = None if mods.former else (mods.title.get("sector") or mods.agent_sector or None)
            m.role = ("former " if mods.former else "") + (mods.role or mods.title.get("role") or mods.title["title"].title())
            m.resolved_by = "title"
        # "BBC's Jonathan Marcus", 'Hamas spokesman Fawzi Barhoum': the owner's code (affiliation.py)
        owned = m.code is None and not mods.former and affiliate(st, m, mods, mods.title)
        if not owned and mods.title is not None and m.code is None and m.sector and not mods.unplaced:
            # 'Police spokesman Mariusz Ciarka' in a story about Poland: the sentence's
            # country; the article's comes later, from its people before its places
            # (context.code_from_context: 'Ambassador Gordon Sondland' in a Washington story on
            # Ukraine is American)
            code, how = st.context_country(st.sent_of[item.start], "sentence")
            if code:
                m.code, m.resolved_by = code, how
    m.gender = kb.gender_of(m.canonical, mods.words)
    return m


def recognise_person(st: ArticleState, it: Item) -> None:
    """A name of the office-holder table: one person mention, the first of its canonical
    name remembered in ``st.person_canon_seen``."""
    canonical = _person_canonical(st, it)
    if canonical is None:
        m = _person_mention(st, it, None)
    else:
        m = _person_mention(st, it, canonical)
    _add(st, m)
    st.person_canon_seen.setdefault(m.canonical, m)


def recognise_ner_person(st: ArticleState, it: Item) -> None:
    """A spaCy PERSON entity the tables do not know: a person mention unless it is a place
    ('the border town of Panmunjom', rules.yaml ``place_head_nouns``; a name all of whose words
    are a place) or has no capital."""
    doc, rules = st.doc, st.kb.rules
    place_nouns = set(rules.get("place_head_nouns", ()))
    if all(k in st.place_at for k in range(it.start, it.end)) or st.is_place_name(it) or st.is_product_name(it):
        return  # the whole name is a place; a place word inside a name ('Regina Ip', 'Paris Hilton') is not
    root = _span_root(doc, it.start, it.end)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in place_nouns:
        return  # 'the border town of Panmunjom'
    if not any(t.is_alpha and t.text[:1].isupper() for t in doc[it.start:it.end]):
        return
    _add(st, _person_mention(st, it, None))


def surname_of_person_before(st: ArticleState, it: Item) -> bool:
    """True when the entity is a capitalised surname (one word, or two joined by a hyphen) that
    ends the longer name of a person mentioned before it ('Adamowicz' after 'Paweł Adamowicz',
    'al-Muhandis' after 'Abu Mahdi al-Muhandis', 'Amman' after 'Sudesh Amman'), or that whole
    name again ('Alexei Navalny' named a second time, tagged ORG), and no table knows it as an
    organisation. Used for ORG entities and for country or capital names. RETURNS (bool)."""
    doc = st.doc
    n = it.end - it.start
    if it.value or not doc[it.start].text[:1].isalpha():
        return False
    words = [t.text for t in doc[it.start:it.end]]
    if not any(w[:1].isupper() for w in words):
        return False
    if any(m.person and m.kind == "person" and m.start < it.start and m.end - m.start == n > 1
           and [t.text for t in doc[m.start:m.end]] == words for m in st.mentions):
        return True  # the full name again
    if len([w for w in words if w.isalpha()]) > 2:
        return False  # a surname is one word, or two joined by a hyphen ('al-Muhandis')
    return any(m.person and m.kind == "person" and m.start < it.start and m.end - m.start > n
               and [t.text for t in doc[m.end - n:m.end]] == words for m in st.mentions)
