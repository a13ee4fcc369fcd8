"""Coreference of groups: 'the two leaders', 'both sides', 'both nations', a lone 'Both'.

A group noun with a number word (rules.yaml ``group_nouns``: the kind of referent it wants,
person, country or any) refers to the last as many distinct persons, countries or bodies named
in this and the previous ``group_lookback_sentences`` sentences, else to the first named in this
and the next ``group_lookahead_sentences``; one Actor per referent, same evidence. Never the
subject of a clause the group stands in ('Moon praised both leaders' is not Moon), nor for 'both
sides' a country named as a place ('sent them to Qatar'). For a group of countries, the heads of
state or government named stand for their countries ('Trump and Erdoğan spoke on the phone. Then
both nations issued statements': the US and Turkey). Split from :mod:`.coref`, which calls
:func:`resolve_group` in text order with the other referring expressions.

An agent noun whose 'of' phrase is such a group of countries ('the leaders of the two countries',
'officials of both nations') is those countries' (:func:`code_members_of_groups`, after
coreference): one mention per country, as for 'Russian and Ukrainian officials'.
"""
from __future__ import annotations

from .mentions import ArticleState, Item, Mention, _add, _agent_mentions, _group_number

__all__ = ["resolve_group", "code_members_of_groups"]


def _link(st: ArticleState, ant: Mention, start: int, end: int, ev_start: int, ev_end: int, text: str) -> Mention:
    """A coreference mention of ``ant`` over tokens ``start:end`` (evidence ``ev_start:ev_end``),
    added to the state (shared with :mod:`.coref`). RETURNS (Mention)."""
    m = Mention(start, end, ev_start, ev_end, text, ant.canonical, code=ant.code, sector=ant.sector, kind=ant.kind,
                role=ant.role, resolved_by="coreference", antecedent=ant, gender=ant.gender, org_type=ant.org_type,
                person=ant.person, roles=ant.roles)
    return _add(st, m)


def resolve_group(st: ArticleState, item: Item) -> None:
    """Resolve the group noun ``item`` ('the two leaders', 'both nations', 'Both') to its referents:
    one mention per referent, in place (see the module docstring); an agent-noun item with too few
    referents becomes an agent-noun mention."""
    doc, rules = st.doc, st.kb.rules
    head = doc[item.end - 1]
    n = _group_number(doc, head, rules)
    want = rules.get("group_nouns", {}).get(head.lower_, "person")
    sent = st.sent_of[item.start]
    ev_start = min([item.start] + [c.i for c in head.lefts if c.dep_ in ("det", "nummod", "predet", "preconj")])
    text = doc[ev_start:item.end].text

    def ok(m: Mention) -> bool:
        if want == "person":
            return m.person
        if want == "country":
            return m.kind == "country"
        return m.person or m.kind in ("country", "organisation")

    def distinct(ms):
        out, seen = [], set()
        for m in ms:
            key = m.code if want == "country" and m.code else m.canonical  # a leader is their country
            if key not in seen:
                seen.add(key)
                out.append(m)
        return out

    # the subject of a clause the group stands in is none of its referents ('Moon praised both leaders':
    # not Moon; '"... both men," said Grisham': not Grisham), nor is a country named as a place in a
    # sentence for a group of parties ('freed prisoners and sent them to Qatar. Both sides said ...')
    own = _clause_subjects(doc, head, item.start, item.end)
    banned = {m.canonical for m in st.mentions if any(k in own for k in range(m.start, m.end))}
    places = set(rules.get("group_place_preps", ())) if want == "any" else set()
    named = sorted((m for m in st.mentions if ok(m) and m.resolved_by != "coreference" and m.canonical not in banned
                    and not (m.kind == "country" and _placed(doc, m, places)) and not _indefinite(doc, m)),
                   key=lambda m: m.start)
    back = [m for m in named if sent - int(rules.get("group_lookback_sentences", 2)) <= m.sent <= sent
            and m.end <= item.start]
    if item.end - item.start == 1 and head.dep_ in ("nsubj", "nsubjpass"):
        # 'Both' standing alone after 'two French police officers were found guilty': that group
        # of as many, when it is nearer than the people named
        groups = [m for m in st.mentions if m.kind == "group" and m.code and m.end <= item.start
                  and sent - 1 <= m.sent <= sent and _group_number(doc, doc[m.end - 1], rules) == n]
        if groups and (not back or groups[-1].start > back[-1].start):
            _link(st, groups[-1], item.start, item.end, ev_start, item.end, text)
            return
    if want == "country":
        back = _with_leaders_countries(st, back, sent - int(rules.get("group_lookback_sentences", 2)), item.start)
    refs = distinct(reversed(back))[:n]
    listed = _coordinated(doc, back, n) if want == "person" and n >= 2 else None
    if listed is not None:
        # 'Saraki, Senator Melaye and Senator Murray-Bruce have dragged the Inspector-General, Ibrahim
        # Idris, to court. ... the three leaders': the three people named together, not the last three
        refs = listed
    elif head.lower_ in ("leaders", "presidents"):
        gov = [m for m in distinct(reversed(back)) if m.sector == "GOV"]
        if len(gov) >= n:
            refs = gov[:n]
    if len(refs) < n:
        fwd = [m for m in named if sent <= m.sent <= sent + int(rules.get("group_lookahead_sentences", 2))
               and m.start >= item.end]
        refs = distinct(fwd)[:n]
    if len(refs) < n:
        if item.kind == "agent":
            _agent_mentions(st, item)
        return
    for ref in sorted(refs, key=lambda m: m.start):
        if ref.kind == "country" or want != "country":
            _link(st, ref, item.start, item.end, ev_start, item.end, text)
        else:  # a leader stands for the country: 'Trump and Erdoğan spoke. Then both nations ...'
            name = st.kb.country_name(ref.code) or ref.code
            _add(st, Mention(item.start, item.end, ev_start, item.end, text, name, code=ref.code, kind="country",
                             resolved_by="coreference"))


def _coordinated(doc, back: list, n: int):
    """The last set of exactly ``n`` people of ``back`` named in one coordination ("A, B and C",
    through appositions: "President of the Senate, Bukola Saraki, Senator Dino Melaye and Senator
    Ben Murray-Bruce"), or None. RETURNS (list[Mention] | None)."""
    sets: dict = {}
    for m in back:
        root = doc[m.end - 1]
        while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
            root = root.head
        names = sets.setdefault(root.i, [])
        if m.canonical not in {x.canonical for x in names}:
            names.append(m)
    found = [ms for ms in sets.values() if len(ms) == n and any(doc[x.end - 1].dep_ == "conj" for x in ms)]
    return max(found, key=lambda ms: ms[-1].start) if found else None


def _indefinite(doc, m: Mention) -> bool:
    """'the first meeting between a sitting American president and a leader of North Korea': a
    mention opened by "a"/"an" names a kind, not one of the people the group is."""
    first = min(m.start, m.ev_start)
    return m.end > m.start and (doc[first].lower_ in ("a", "an") or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in doc[m.end - 1].children))


def _with_leaders_countries(st: ArticleState, back: list, first_sent: int, before: int) -> list:
    """The country mentions ``back`` with the heads of state or government the table names in the
    same sentences, each standing for its country ('US President Donald Trump and Turkish President
    Recep Tayyip Erdoğan spoke on the phone. Then both nations issued statements': the US and Turkey,
    not the Syria named two sentences before), in text order; a country named twice counts at its
    nearest mention. RETURNS (list[Mention])."""
    leaders = [m for m in st.mentions if m.person and m.resolved_by == "office-holder" and m.sector == "GOV"
               and m.code in st.kb.countries and first_sent <= m.sent and m.end <= before]
    return sorted(back + leaders, key=lambda m: m.start)


def _clause_subjects(doc, head, start: int, end: int) -> set:
    """Token indices of the subjects of every clause above token ``head``, outside tokens [start, end).

    'Moon praised both leaders': {Moon}; '"We pray for ... both men," said Grisham': {Grisham}
    (the cue verb governs the quotation). A subject's appositions count ('the spokesman, X, said');
    a subject holding the group does not ('the leaders of the two countries spoke').
    RETURNS (set[int]).
    """
    out, t = set(), head
    for _ in range(40):
        if t.head.i == t.i or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
            break  # not into a coordinated clause ('Turkey and Greece had ..., but the leaders of the two
            # countries spoke')
        t = t.head
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not c.left_edge.i <= start < c.right_edge.i + 1:
                out.add(c.i)
                out.update(g.i for g in c.children if g.dep_ == "appos")
    return out


def _placed(doc, m: Mention, preps: set) -> bool:
    """True when mention ``m`` is the object of a preposition of place or direction in ``preps``
    ('sent them to Qatar', 'released in Doha, Qatar'), following appositions and conjuncts up."""
    t = doc[m.start:m.end].root
    while t.dep_ in ("appos", "conj") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in preps


def code_members_of_groups(st: ArticleState) -> None:
    """An uncoded agent-noun mention whose 'of' object coreference resolved to a group of countries
    ('Turkey and Greece ... the leaders of the two countries spoke') takes those countries: its mention
    is coded with the first and one more mention (same tokens, same evidence) is added per other
    country; in place. Only a group of two or more countries counts ('the leaders of the country'
    is left to the other rules). RETURNS None."""
    doc = st.doc
    by_token: dict = {}
    for m in st.mentions:
        if m.kind == "country" and m.code and m.resolved_by == "coreference":
            for k in range(m.start, m.end):
                by_token.setdefault(k, []).append(m)
    if not by_token:
        return
    for m in list(st.mentions):
        if m.code or not m.agent or m.end <= m.start:
            continue
        head = doc[m.start:m.end].root
        codes: list = []
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    for ref in by_token.get(pobj.i, ()):
                        if ref.code not in codes:
                            codes.append(ref.code)
        if len(codes) < 2:
            continue
        label = st.kb.agents.get(m.agent, {}).get("label") or m.canonical
        for n, code in enumerate(codes):
            name = f"{st.kb.country_name(code) or code} ({label})"
            if n == 0:
                m.code, m.canonical, m.resolved_by, m.people_context = code, name, "coreference", False
            else:
                _add(st, Mention(m.start, m.end, m.ev_start, m.ev_end, m.text, name, code=code, sector=m.sector,
                                 kind=m.kind, resolved_by="coreference", agent=m.agent))
