"""The records the mention pass builds and shares: lexicon/NER items, mentions, article state.

:class:`Item` is one lexicon match or NER entity over tokens; :class:`Mention` an actor
mention under construction (it becomes a :class:`~newsevents.records.Actor`);
:class:`ArticleState` what the passes over one article share, with the article's
country context (the sentence's only country, the article's dominant one). :func:`_add`
puts a mention in the state.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Optional

from ..tables import Entry, Knowledge

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
    party_sent: dict = field(default_factory=lambda: defaultdict(Counter))  # countries on the other side
    named_sent: dict = field(default_factory=lambda: defaultdict(set))
    mentions: list = field(default_factory=list)
    pending: list = field(default_factory=list)  # (kind, token/item) for coref
    person_canon_seen: dict = field(default_factory=dict)  # canonical -> first Mention
    # the words of unknown names the article uses as a location ('in al-Tanf'): places, never actors
    place_names: set = field(default_factory=set)
    # ... and of brands the article names as a product ('a Volvo XC90 ... the Volvo'): no actors
    product_names: set = field(default_factory=set)
    lower_keys: list = field(default_factory=list)  # lower-cased lexicon key of every token
    cased_keys: list = field(default_factory=list)  # cased lexicon key of every token
    quote_spans: Optional[list] = None  # character ranges of quotations, found on first use (coref)

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

    def longer_place(self, item) -> Optional[object]:
        """The Place whose name holds a country item and starts before it, of another country
        ('New Jersey', 'New Mexico' around 'Jersey', 'Mexico'), or None."""
        place = self.place_at.get(item.start)
        entry = item.first("country") or item.first("capital") or item.first("adjective")
        if place is None or place.evidence is None or place.evidence.start >= self.doc[item.start].idx:
            return None
        return place if entry is None or place.country != entry.value else None

    def is_place_name(self, item) -> bool:
        """True when an unknown name is a place, not an actor: the article uses the same name, or a
        longer one ending in it, as a location here or elsewhere (a literal toponym the places stage
        placed: 'at Abqaiq'; 'the base in al-Tanf ... pressuring the U.S. to leave al-Tanf';
        :func:`.recognise.locative_names`)."""
        words = tuple(t.text for t in self.doc[item.start:item.end])
        return words in self.place_names

    def is_product_name(self, item) -> bool:
        """True when an unknown name is a product the article names ('struck by a Volvo XC90 ...
        the Volvo had come from the base'; :func:`.recognise.product_names`), unless this mention
        speaks ('Volvo said it would recall the model': the company)."""
        if tuple(t.text for t in self.doc[item.start:item.end]) not in self.product_names:
            return False
        verbs = self.kb.rules.get("speaker_name_verbs", ())
        return not any(t.dep_ == "nsubj" and t.head.lemma_.lower() in verbs for t in self.doc[item.start:item.end])

    def sentence_country(self, sent: int) -> Optional[str]:
        """The sentence's only country (names, adjectives, capitals, places), if exactly one."""
        if self.party_sent.get(sent):
            return None  # 'Egypt alleged Iran armed the rebels': a party named, whose people are unclear
        c = self.geo_sent.get(sent)
        if c and self.dest_sent.get(sent):
            c = c - self.dest_sent[sent]  # a destination says where someone goes, not who they are
        if c and len(c) == 1:
            return next(iter(c))
        return None

    def default_country(self, sent: int) -> Optional[str]:
        return self.sentence_country(sent) or self.dominant_country()

    def place_country(self) -> Optional[str]:
        """The country where the article happens: the dominant country (:meth:`dominant`) of its
        literal toponyms that the places stage placed ('the Rukban camp', 'Syria', 'Palmyra'), not of
        the countries that act in it ('the U.S. said'); where no place dominates, the article's
        dominant country (:meth:`dominant_country`) if it is also the place named most, or if the
        article places nothing.
        RETURNS (str | None): ISO alpha-3."""
        counts: Counter = Counter()
        seen = set()
        for place in self.place_at.values():
            if id(place) not in seen and place.country and place.role != "associative":
                seen.add(id(place))
                counts[place.country] += 1
        if not counts:
            return self.dominant_country()  # no place named: the story's country is the article's
        found = self.dominant(counts)
        if found is None:
            # no place dominates: the article's dominant country, if no other place is named more
            top = counts.most_common(2)
            article = self.dominant_country()
            if article == top[0][0] and (len(top) == 1 or top[1][1] < top[0][1]):
                found = article
        return found

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


def _add(st: ArticleState, m: Mention) -> Mention:
    m.sent = st.sent_of[m.start]
    st.mentions.append(m)
    return m
