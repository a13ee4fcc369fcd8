"""Recognising and resolving actor mentions in one Doc (everything but coreference).

Reads the spaCy Doc plus the places and dates records of earlier stages, and
produces :class:`Mention` objects: named persons (office-holder table, NER),
organisations, countries and capitals in actor slots, agent nouns with their
country, and the referring expressions (pronouns, definite descriptions,
'the two leaders') that :mod:`.coref` resolves afterwards.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Optional

from .tables import Entry, Knowledge

__all__ = ["Mention", "Item", "ArticleState", "recognise"]

_NAME_KINDS = {"country", "adjective", "demonym", "capital", "org", "person", "shorthand"}
_MOD_KINDS = {"adjective", "country", "capital", "title", "demonym"}


@dataclass
class Item:
    """A lexicon match or NER entity over tokens ``start:end`` (exclusive)."""

    start: int
    end: int
    kind: str  # a lexicon kind, or ner_person / ner_org / place
    entries: list = field(default_factory=list)
    inner: bool = False  # inside a longer NER organisation: a modifier only
    value: object = None

    def first(self, kind: str) -> Optional[Entry]:
        for e in self.entries:
            if e.kind == kind:
                return e
        return None


@dataclass
class Mention:
    """An actor mention under construction (becomes a records.Actor).

    start/end: head tokens (exclusive end); ev_start/ev_end: evidence tokens.
    """

    start: int
    end: int
    ev_start: int
    ev_end: int
    text: str
    canonical: str
    code: Optional[str] = None
    sector: Optional[str] = None
    kind: str = "person"
    role: Optional[str] = None
    resolved_by: str = "ner"
    antecedent: Optional["Mention"] = None
    gender: Optional[str] = None
    org_type: Optional[str] = None
    person: bool = False  # a single person (pronoun antecedent candidate)
    roles: tuple = ()  # every office held on the publication date (lower case)
    agent: Optional[str] = None  # agent_nouns.tsv key of an agent-noun mention
    # an agent noun of article context that neither its sentence nor the article's countries
    # code: the article's people may (context.code_from_context)
    people_context: bool = False
    sent: int = 0
    actor: object = None


@dataclass
class ArticleState:
    """What the resolution of one article needs to share between the passes."""

    doc: object
    kb: Knowledge
    published: Optional[Date]
    sent_of: list  # token index -> sentence index
    sents: list  # sentence Spans
    item_at: dict  # token index -> Item (lexicon matches and NER items)
    place_at: dict  # token index -> Place record
    geo_article: Counter = field(default_factory=Counter)
    geo_sent: dict = field(default_factory=lambda: defaultdict(Counter))
    # of those, the countries of destinations ('travelled to Canada', 'fled into Turkey')
    dest_sent: dict = field(default_factory=lambda: defaultdict(Counter))
    named_sent: dict = field(default_factory=lambda: defaultdict(set))
    mentions: list = field(default_factory=list)
    pending: list = field(default_factory=list)  # (kind, token/item) for coref
    person_canon_seen: dict = field(default_factory=dict)  # canonical -> first Mention
    lower_keys: list = field(default_factory=list)  # lower-cased lexicon key of every token

    # -- context -------------------------------------------------------------
    def dominant_country(self) -> Optional[str]:
        """The article's dominant country: > dominant_share of its country mentions (rules.yaml)."""
        return self.dominant(self.geo_article)

    def dominant(self, counts: Counter) -> Optional[str]:
        """The code of ``counts`` (code -> mentions) that dominates by rules.yaml's
        ``dominant_min_mentions``, ``dominant_share`` and ``dominant_ratio`` (over the runner-up),
        else None."""
        total = sum(counts.values())
        if not total:
            return None
        top = counts.most_common(2)
        iso, n = top[0]
        second = top[1][1] if len(top) > 1 else 0
        rules = self.kb.rules
        if n >= rules.get("dominant_min_mentions", 2) and n / total > rules.get("dominant_share", 0.5) \
                and n >= rules.get("dominant_ratio", 0) * second:
            return iso
        return None

    def sentence_country(self, sent: int) -> Optional[str]:
        """The sentence's only country (names, adjectives, capitals, places), if exactly one."""
        c = self.geo_sent.get(sent)
        if c and self.dest_sent.get(sent):
            c = c - self.dest_sent[sent]  # a destination says where someone goes, not who they are
        if c and len(c) == 1:
            return next(iter(c))
        return None

    def default_country(self, sent: int) -> Optional[str]:
        return self.sentence_country(sent) or self.dominant_country()

    def context_country(self, sent: int, scope: str = "article") -> tuple:
        """The country a mention without country words of its own takes from its context.

        sent (int): the mention's sentence. scope (str): ``article`` (the sentence's only
        country, else the article's dominant country), ``sentence`` (the sentence's only), or
        anything else (none). RETURNS (tuple): ``(iso3, resolved_by)`` with resolved_by
        ``sentence-context`` or ``article-context``, or ``(None, None)``.
        """
        if scope in ("article", "sentence"):
            c = self.sentence_country(sent)
            if c:
                return c, "sentence-context"
        if scope == "article":
            c = self.dominant_country()
            if c:
                return c, "article-context"
        return None, None


# ---------------------------------------------------------------------------
# scanning
# ---------------------------------------------------------------------------

def _strip_ent(doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' and trailing possessive / punctuation from an entity span."""
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _name_entities(doc) -> list:
    """The PERSON and ORG entities of ``doc`` as ``(start, end, label)`` token spans, with two
    PERSON entities that touch (no word or punctuation between them) joined: the small model
    splits 'Judge Amy Berman Jackson' into 'Amy Berman' and 'Jackson'."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        if out and ent.label_ == "PERSON" and out[-1][2] == "PERSON" and out[-1][1] == ent.start:
            out[-1] = (out[-1][0], ent.end, "PERSON")
        else:
            out.append((ent.start, ent.end, ent.label_))
    return out


def _scan(st: ArticleState, blocked: set) -> list[Item]:
    """Greedy longest-match scan with both lexicons; NER entities fill the gaps."""
    doc, kb = st.doc, st.kb
    items: list[Item] = []
    n = len(doc)
    cased_keys = kb.cased.keys(doc)
    lower_keys = [k.lower() for k in cased_keys]
    st.lower_keys = lower_keys
    i = 0
    while i < n:
        m = kb.cased.match(cased_keys, i)
        m2 = kb.lower.match(lower_keys, i)
        if m is None and m2 is None:
            i += 1
            continue
        tok = doc[i]
        if tok.is_space or tok.is_punct and tok.text not in ("-",):
            i += 1
            continue
        best = None
        if m and i not in blocked:
            end, entries = m
            if end - i == 1 and not (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC")
                                     or (tok.is_title and tok.is_sent_start)) \
                    and all(e.kind in ("person", "org") for e in entries):
                pass  # a one-word name must look like a name (tagged PROPN or an entity; the small
                # model tags a sentence-initial 'Trump' NOUN, so a capitalised first word passes)
            else:
                best = Item(i, end, entries[0].kind, list(entries))
        if m2 and (best is None or m2[0] > best.end):
            end, entries = m2
            best = Item(i, end, entries[0].kind, list(entries))
        if best is None:
            i += 1
            continue
        items.append(best)
        i = best.end
    # NER entities
    covered = {}
    for it in items:
        for k in range(it.start, it.end):
            covered[k] = it
    extra = []
    for ent_start, ent_end, label in _name_entities(doc):
        s, e = _strip_ent(doc, ent_start, ent_end)
        if s >= e:
            continue
        inner_items = [it for it in items if it.start >= s and it.end <= e]
        overlapping = [it for it in items if it.start < e and it.end > s]
        if any(it.kind in ("person", "org") and it.start <= s and it.end >= e for it in overlapping):
            continue  # the table knows it (fixes 'Trump' tagged ORG)
        if any(it.kind == "person" for it in overlapping):
            # a longer PERSON entity around an alias ('Kim Yo Jong' around 'Kim') wins only
            # when its extra tokens are unknown proper nouns
            alias = next(it for it in overlapping if it.kind == "person")
            extra_toks = [doc[k] for k in range(s, e) if not (alias.start <= k < alias.end)]
            if label == "PERSON" and extra_toks and all(t.pos_ == "PROPN" and t.i not in covered for t in extra_toks):
                items.remove(alias)
                extra.append(Item(s, e, "ner_person"))
            continue
        if label == "PERSON":
            for it in list(overlapping):
                if it.kind in ("capital", "country", "shorthand", "demonym") and it.start >= s and it.end <= e \
                        and (e - s) > (it.end - it.start):
                    items.remove(it)  # 'George Washington', 'Chad Smith'
                    overlapping.remove(it)
            lead = [it for it in overlapping if it.kind in ("title", "adjective") and it.start <= s]
            while lead:
                s = max(it.end for it in lead)  # 'President Joe Smith' -> 'Joe Smith'
                lead = [it for it in overlapping if it.kind in ("title", "adjective") and it.start <= s < it.end]
            if s >= e or any(it.start < e and it.end > s for it in overlapping):
                continue
            extra.append(Item(s, e, "ner_person"))
        else:  # ORG
            if overlapping and not all(it.start >= s and it.end <= e for it in overlapping):
                continue
            if len(inner_items) == 1 and inner_items[0].start == s and inner_items[0].end == e:
                continue  # the entity is just a lexicon entry ('Koreas', 'North')
            for it in inner_items:
                it.inner = True
            extra.append(Item(s, e, "ner_org", value=inner_items))
    items.extend(extra)
    items.sort(key=lambda it: (it.start, -it.end))
    return items


# ---------------------------------------------------------------------------
# syntax helpers
# ---------------------------------------------------------------------------

def _span_root(doc, start: int, end: int):
    for k in range(start, end):
        t = doc[k]
        if not (start <= t.head.i < end) or t.head.i == t.i:
            return t
    return doc[end - 1]


def actor_position(tok, rules: dict) -> bool:
    """True when ``tok`` fills an actor slot: subject, object, possessor, agent, or the
    object of an actor preposition ('talks with Seoul'); conj/appos follow their head.
    Source of the label lists: rules.yaml."""
    t = tok
    for _ in range(8):
        if t.dep_ in ("conj", "appos") and t.head.i != t.i:
            t = t.head
        else:
            break
    deps = rules.get("actor_deps", ())
    if t.dep_ in deps:
        return True
    if t.dep_ == "pobj":
        prep = t.head.lower_
        if prep == "of" and t.head.head.lemma_.lower() in rules.get("of_heads", ()):
            return True  # 'the delegations of Cyprus, Greece and Israel', 'the leaders of the two countries'
        if prep in rules.get("actor_preps", ()):
            if prep == "from":
                return t.head.head.lemma_.lower() in rules.get("from_heads", ())
            if prep == "to" and rules.get("to_needs_verb"):
                return t.head.head.pos_ in ("VERB", "AUX")
            return True
    return False


def _is_noun_modifier(doc, item: Item) -> bool:
    """True when the item's last token modifies a following noun ('government officials')."""
    t = doc[item.end - 1]
    return t.dep_ in ("compound", "amod", "nmod") and t.head.i >= item.end


def _modifies_instrument(doc, item: Item, rules: dict) -> bool:
    """True when the item modifies a weapon or vehicle noun that stands for its operators
    ('army bulldozers', 'Israeli tanks'; rules.yaml ``instrument_nouns``)."""
    t = doc[item.end - 1]
    return t.dep_ in ("compound", "amod", "nmod") and t.head.i >= item.end \
        and t.head.lower_ in rules.get("instrument_nouns", ())


def _instrument_mention(st: "ArticleState", it: Item, entry: Optional[Entry], how: str) -> bool:
    """'Israeli tanks shelled ...', 'a United States airstrike': a country word modifying a weapon,
    vehicle or attack noun (rules.yaml ``instrument_nouns``) stands for the country's military,
    unless an agent noun comes between ('Israeli army tanks': the army is the actor).
    RETURNS (bool): True when the mention was added."""
    doc, rules = st.doc, st.kb.rules
    if entry is None or not _modifies_instrument(doc, it, rules) or any(
            st.item_at.get(k) is not None and st.item_at[k].kind == "agent"
            for k in range(it.end, doc[it.end - 1].head.i + 1)):
        return False
    name = st.kb.country_name(entry.value) or entry.value
    label = rules.get("instrument_label", "military")
    _add(st, Mention(it.start, it.end, it.start, it.end, _text(doc, it.start, it.end),
                     f"{name} ({label})", code=entry.value, sector=rules.get("instrument_sector") or None,
                     kind="organisation", resolved_by=how))
    return True


# ---------------------------------------------------------------------------
# modifiers to the left of a head
# ---------------------------------------------------------------------------

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
                    c = _token_country(st, tok)
                    if c and c not in out:
                        out.append(c)
            if out:
                return out
    return []


def _token_country(st: ArticleState, tok) -> Optional[str]:
    """The country of a country name, capital, nationality word or placed toponym at ``tok``."""
    it = st.item_at.get(tok.i)
    if it is not None:
        e = it.first("country") or it.first("capital") or it.first("adjective")
        if e is not None:
            return e.value
    place = st.place_at.get(tok.i)
    if place is not None and place.country:
        return place.country
    return None


# ---------------------------------------------------------------------------
# resolution of named items
# ---------------------------------------------------------------------------

def _add(st: ArticleState, m: Mention) -> Mention:
    m.sent = st.sent_of[m.start]
    st.mentions.append(m)
    return m


def _destination(doc, start: int, end: int) -> bool:
    """Whether the span is the object of 'to', 'into' or 'toward(s)' ('officers travelled to
    Canada', 'refugees fled into Turkey'): where someone goes, not where they belong."""
    root = _span_root(doc, start, end)
    return root.dep_ == "pobj" and root.head.lower_ in ("to", "into", "toward", "towards")


def _org_row(st: ArticleState, item: Item) -> Optional[dict]:
    """The organisations.tsv row an alias means here; context rows need the country in context."""
    rows = [st.kb.orgs[e.value] for e in item.entries if e.kind == "org"]
    free = [r for r in rows if not r["context_codes"]]
    if free:
        return free[0]
    sent = st.sent_of[item.start]
    here = set(st.geo_sent.get(sent, ())) | st.named_sent.get(sent, set())
    in_sent = [r for r in rows if here & set(r["context_codes"])]
    pool = in_sent or [r for r in rows if any(st.geo_article.get(c) for c in r["context_codes"])]
    if not pool:
        return None
    return max(pool, key=lambda r: sum(st.geo_article.get(c, 0) for c in r["context_codes"]))


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
            mods = left_modifiers(st, item.start, item.end)
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


def _text(doc, a: int, b: int) -> str:
    return doc[a:b].text


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
            if m.code is None and m.sector and not mods.unplaced:
                # 'Police spokesman Mariusz Ciarka' in a story about Poland: the sentence's
                # country, else the article's; resolved_by says which
                code, how = st.context_country(st.sent_of[item.start])
                if code:
                    m.code, m.resolved_by = code, how
    m.gender = kb.gender_of(m.canonical, mods.words)
    return m


def _country_mentions(st: ArticleState, item: Item, codes, resolved_by: str, text: str,
                      suffix: Optional[str] = None, sector: Optional[str] = None) -> None:
    for iso in codes:
        name = st.kb.country_name(iso) or iso
        canonical = f"{name} ({suffix})" if suffix else name
        _add(st, Mention(item.start, item.end, item.start, item.end, text, canonical, code=iso, sector=sector,
                         kind="country", resolved_by=resolved_by))


def _agent_mentions(st: ArticleState, item: Item) -> None:
    doc, kb = st.doc, st.kb
    row = kb.agents.get(item.first("agent").value)
    if row is None:
        return
    head = _span_root(doc, item.start, item.end)
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
    scope = row.get("context") or "sentence"
    key = item.first("agent").value
    # possessive country: "Russia's army" (the possessor token is a country/capital item); an
    # embassy 'in Baghdad' stands in another country: only 'of' counts for it
    if not codes:
        codes = right_countries(st, head, ("of",) if scope == "antecedent" else ("of", "in", "from"))
    how = "agent-noun"
    ante = None
    if not codes and _has_det(doc, head, ("the",)):
        # 'the US embassy ... the embassy': an earlier mention of the same noun with its own country
        ante = next((m for m in reversed(st.mentions) if m.agent == key and m.code
                     and m.resolved_by == "agent-noun" and m.end <= item.start), None)
        if ante is not None:
            codes, how = [ante.code], "coreference"
    people_context = False
    if not codes and not mods.unplaced:
        # the context only for a noun the text does not place ('Northamptonshire police' with
        # a county of unknown country stays uncoded rather than take the article's country)
        c, how = st.context_country(st.sent_of[item.start], scope)
        codes, how = [c], how or "agent-noun"
        people_context = c is None and scope == "article"
    codes = codes or [None]
    text = _text(doc, item.start, item.end)
    label = row.get("label") or row["noun"]
    for iso in codes:
        name = kb.country_name(iso)
        canonical = ante.canonical if ante is not None else f"{name} ({label})" if name else label
        _add(st, Mention(item.start, item.end, mods.start, item.end, text, canonical, code=iso,
                         sector=row.get("sector") or None, kind=row.get("kind") or "group", resolved_by=how,
                         agent=key, antecedent=ante, people_context=people_context))


def _has_det(doc, tok, dets=("the", "this", "that")) -> bool:
    return any(c.dep_ in ("det", "poss") and (c.lower_ in dets or c.dep_ == "poss") for c in tok.children)


def recognise(st: ArticleState, blocked: set) -> None:
    """First pass: every named or noun-phrase actor; referring expressions go to ``st.pending``."""
    doc, kb, rules = st.doc, st.kb, st.kb.rules
    items = _scan(st, blocked)
    for it in items:
        for k in range(it.start, it.end):
            if k not in st.item_at or it.kind in ("ner_person", "ner_org"):
                st.item_at.setdefault(k, it)
    # context counts: country expressions and places
    counted_tokens = set()
    for it in items:
        e = it.first("country") or it.first("adjective") or it.first("demonym") or it.first("capital")
        if e is not None and it.kind in ("country", "adjective", "demonym", "capital"):
            st.geo_article[e.value] += 1
            if it.kind in ("country", "capital") or not _is_noun_modifier(doc, it):
                # a nationality adjective belongs to its own noun ('Russian President Putin'),
                # so it does not make the whole sentence Russian
                st.geo_sent[st.sent_of[it.start]][e.value] += 1
                if _destination(doc, it.start, it.end):
                    st.dest_sent[st.sent_of[it.start]][e.value] += 1
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
        st.geo_sent[st.sent_of[k]][place.country] += 1
        if _destination(doc, k, k + 1):
            st.dest_sent[st.sent_of[k]][place.country] += 1

    place_nouns = set(rules.get("place_head_nouns", ()))
    for it in items:
        if it.inner:
            continue
        kind = it.kind
        if kind == "person":
            canonical = _person_canonical(st, it)
            if canonical is None:
                m = _person_mention(st, it, None)
            else:
                m = _person_mention(st, it, canonical)
            _add(st, m)
            st.person_canon_seen.setdefault(m.canonical, m)
        elif kind == "ner_person":
            if any(k in st.place_at for k in range(it.start, it.end)):
                continue
            root = _span_root(doc, it.start, it.end)
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in place_nouns:
                continue  # 'the border town of Panmunjom'
            if not any(t.is_alpha and t.text[:1].isupper() for t in doc[it.start:it.end]):
                continue
            _add(st, _person_mention(st, it, None))
        elif kind == "org":
            row = _org_row(st, it)
            text = _text(doc, it.start, it.end)
            if row is None:
                rows = [kb.orgs[e.value] for e in it.entries if e.kind == "org"]
                sectors = {r.get("sector") for r in rows}
                _add(st, Mention(it.start, it.end, it.start, it.end, text, text, code=None,
                                 sector=sectors.pop() if len(sectors) == 1 else None, kind="organisation",
                                 resolved_by="organisation"))
                continue
            _add(st, Mention(it.start, it.end, it.start, it.end, text, row["canonical"], code=row.get("code"),
                                 sector=row.get("sector"), kind=row.get("kind") or "organisation",
                                 resolved_by="organisation", org_type=row.get("type")))
        elif kind == "ner_org":
            root = _span_root(doc, it.start, it.end)
            if not actor_position(root, rules) and not any(i.kind == "agent" for i in it.value or ()):
                continue  # 'at the DMZ': an unknown name in a place slot
            inner = it.value or []
            code = None
            sector = None
            for sub in inner:
                e = sub.first("adjective") or sub.first("country") or sub.first("capital")
                if e is not None and code is None:
                    code = e.value
                if sub.kind == "agent":
                    sector = (kb.agents.get(sub.first("agent").value) or {}).get("sector") or sector
                if sub.kind == "title":
                    sector = (kb.titles.get(sub.first("title").value) or {}).get("sector") or sector
            mods = left_modifiers(st, it.start, it.end)
            if code is None and mods.countries:
                code = mods.countries[0]
            text = _text(doc, it.start, it.end)
            _add(st, Mention(it.start, it.end, mods.start, it.end, text, text, code=code, sector=sector,
                             kind="organisation", resolved_by="ner"))
        elif kind in ("capital", "country"):
            text = _text(doc, it.start, it.end)
            if any(m.person and m.start < it.start and m.end - m.start > 1 and doc[m.end - 1].text == text
                   for m in st.mentions):
                # 'Sudesh Amman ... Amman had scrawled': the surname of a person named before,
                # not the capital; resolved to that person by coreference (short names)
                _add(st, _person_mention(st, Item(it.start, it.end, "ner_person"), None))
                continue
            if kind == "country" and _instrument_mention(st, it, it.first("country"), "country-name"):
                continue  # 'a United States airstrike', 'US missiles': the country's military
            if _is_noun_modifier(doc, it):
                continue
            root = _span_root(doc, it.start, it.end)
            if not actor_position(root, rules):
                continue
            e = it.first(kind)
            text = _text(doc, it.start, it.end)
            if kind == "capital":
                _country_mentions(st, it, [e.value], "capital", text, suffix="government", sector="GOV")
            else:
                _country_mentions(st, it, [e.value], "country-name", text)
        elif kind in ("demonym", "adjective"):
            e = it.first("demonym")
            if _instrument_mention(st, it, it.first("adjective") or it.first("demonym"), "demonym"):
                continue
            if e is None or _is_noun_modifier(doc, it):
                continue
            root = _span_root(doc, it.start, it.end)
            if root.pos_ not in ("NOUN", "PROPN") or not actor_position(root, rules):
                continue
            plural = root.tag_ in ("NNS", "NNPS") or root.text.endswith("s")
            text = _text(doc, it.start, it.end)
            name = kb.country_name(e.value) or e.value
            _add(st, Mention(it.start, it.end, it.start, it.end, text, f"{name} (people)" if plural else text,
                             code=e.value, kind="group" if plural else "person", person=not plural,
                             resolved_by="demonym"))
        elif kind == "shorthand":
            rows = [kb.shorthands[e.value] for e in it.entries if e.kind == "shorthand"]
            text = _text(doc, it.start, it.end)
            chosen = None
            for r in rows:
                if r.get("needs_the") == "yes":
                    if it.start == 0 or doc[it.start - 1].lower_ != "the" or _is_noun_modifier(doc, it):
                        continue
                if r["context_codes"] and not any(st.geo_article.get(c) for c in r["context_codes"]):
                    continue
                chosen = r
                break
            if chosen is None:
                continue
            ev_start = it.start - 1 if chosen.get("needs_the") == "yes" else it.start
            for iso in chosen["code_list"]:
                name = kb.country_name(iso) or iso
                _add(st, Mention(it.start, it.end, ev_start, it.end, text, name, code=iso, kind="country",
                                 resolved_by="country-name"))
        elif kind == "agent":
            head = _span_root(doc, it.start, it.end)
            if _is_noun_modifier(doc, it) and not _modifies_instrument(doc, it, rules):
                continue
            if head.lower_ in rules.get("group_nouns", {}) and _group_number(doc, head, rules):
                st.pending.append(("group", it))
                continue
            _agent_mentions(st, it)
        elif kind == "title":
            row = kb.titles.get(it.first("title").value)
            if row is None or row.get("type") != "title":
                continue
            nxt = st.item_at.get(it.end)
            if nxt is not None and nxt.kind in ("person", "ner_person", "title"):
                continue  # part of 'President Xi Jinping'
            if it.end < len(doc) and doc[it.end].pos_ == "PROPN" and doc[it.end].is_title:
                continue
            head = _span_root(doc, it.start, it.end)
            if head.dep_ in ("compound",) and head.head.i > head.i:
                continue
            mods = left_modifiers(st, it.start, it.end)
            if not (_has_det(doc, head) or mods.countries):
                if it.first("agent") is not None and actor_position(head, rules):
                    _agent_mentions(st, it)  # 'a federal judge sentenced': a new person of that sector
                continue
            st.pending.append(("title", it, mods))
        elif kind == "description":
            if it.start > 0 and doc[it.start - 1].lower_ == "the":
                st.pending.append(("description", it))
    # pronouns and groups with nouns outside the lexicon
    pron = rules.get("pronouns", {})
    group_nouns = rules.get("group_nouns", {})
    for idx, key in enumerate(st.lower_keys):
        if key not in pron and key not in group_nouns:
            continue
        tok = doc[idx]
        if tok.lower_ in pron and tok.pos_ == "PRON":
            st.pending.append(("pronoun", tok))
        elif tok.lower_ in group_nouns and tok.i not in st.item_at and tok.pos_ == "NOUN" \
                and _group_number(doc, tok, rules):
            st.pending.append(("group", Item(tok.i, tok.i + 1, "group")))


def _group_number(doc, head, rules) -> int:
    """'the two leaders' / 'both leaders' -> 2; 0 when the noun has no number word."""
    numbers = rules.get("numbers", {})
    for c in head.lefts:
        n = numbers.get(c.lower_)
        if n is None:
            n = numbers.get(str(c.lower_))
        if n and c.dep_ in ("nummod", "det", "predet", "preconj", "quantmod", "amod", "cc"):
            return int(n)
    return 0
