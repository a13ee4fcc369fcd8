"""The actor knowledge tables, loaded once: countries, titles, agent nouns,
organisations, office holders with dates, and the token-sequence lexicons
built from them.

Every table is a file in ``newsevents/data/actors/`` (see the header comment
of each file for its columns and sources); users extend them through
``Options.data_paths`` (rows are appended after the built-in ones).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from typing import Iterable, Optional

from ..data import load_tsv, load_yaml
from ..errors import DataError

__all__ = ["Entry", "Lexicon", "Term", "OfficeHolders", "Knowledge", "knowledge", "role_on"]


def _split(cell: Optional[str]) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _norm_key(text: str, lower: bool) -> str:
    """Lexicon key: whitespace removed, curly apostrophes straightened (and lower-cased)."""
    key = "".join(text.split()).replace("’", "'").replace("‘", "'")
    return key.lower() if lower else key


@dataclass(frozen=True)
class Entry:
    """One lexicon entry.

    kind: ``country`` (a country name), ``adjective``, ``demonym``, ``capital``,
        ``org``, ``person`` (an office-holder alias), ``shorthand``, ``title``,
        ``agent`` (agent noun), ``description`` (definite description noun).
    value: the row it stands for (country ISO3, a dict row, a canonical name).
    """

    kind: str
    value: object


class Lexicon:
    """Longest-match lookup of token sequences, independent of tokenisation.

    Keys are surface strings with whitespace removed, so "Moon Jae-in" matches
    the tokens ``Moon Jae - in``. ``match`` extends the concatenation one token
    at a time and stops as soon as it is not a prefix of any key, so a lookup
    costs a few set probes per token.

    lower (bool): match case-insensitively (titles, agent nouns) or as written (names).
    """

    def __init__(self, lower: bool):
        self.lower = lower
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        self._prefixes: set[str] = set()
        self._key_memo: dict = {}  # ORTH hash -> key, see :meth:`keys`

    def add(self, surface: str, entry: Entry) -> None:
        key = _norm_key(surface, self.lower)
        if not key:
            return
        if entry not in self.entries[key]:
            self.entries[key].append(entry)
        for n in range(1, len(key) + 1):
            self._prefixes.add(key[:n])

    def keys(self, doc) -> list[str]:
        """Normalised key of every token of ``doc`` (compute once per Doc and lexicon).

        Keys are memoised by the token's ORTH hash (read with ``Doc.to_array``), so a
        word's key is computed once per process; the memo is emptied past 500,000 words.
        """
        from spacy.attrs import ORTH

        if len(doc) == 0:
            return []
        memo = self._key_memo
        if len(memo) > 500_000:
            memo.clear()
        strings = doc.vocab.strings
        out = []
        for h in doc.to_array(ORTH).tolist():
            k = memo.get(h)
            if k is None:
                k = memo[h] = _norm_key(strings[h], self.lower)
            out.append(k)
        return out

    def match(self, keys: list, i: int, max_tokens: int = 10) -> Optional[tuple[int, list[Entry]]]:
        """Longest entry starting at token ``i``.

        keys (list[str]): :meth:`keys` of the Doc.
        RETURNS (tuple | None): (end token index, exclusive; entries) or None.
        """
        prefixes = self._prefixes
        first = keys[i]
        if not first or first not in prefixes:
            return None
        key = ""
        best = None
        for j in range(i, min(len(keys), i + max_tokens)):
            part = keys[j]
            if not part:
                break
            key += part
            if key not in prefixes:
                break
            if key in self.entries:
                best = (j + 1, self.entries[key])
        return best


@dataclass(frozen=True)
class Term:
    """One term of office: ``start <= day < end`` (end None = still in office)."""

    canonical: str
    country: Optional[str]
    sector: Optional[str]
    role: Optional[str]
    start: Optional[Date]
    end: Optional[Date]

    def active(self, day: Date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def _parse_day(value: Optional[str]) -> Optional[Date]:
    """ISO date, or YYYY / YYYY-MM (first day); None when empty or unparsable."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 4:
            return Date(int(value), 1, 1)
        if len(value) == 7:
            return Date(int(value[:4]), int(value[5:7]), 1)
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


class OfficeHolders:
    """The office-holder table (``data/actors/office_holders.tsv``) with dated terms.

    rows (list[dict]): rows with columns ``name aliases country sector role start end source``;
        ``start``/``end`` are ISO dates, an empty end means still in office. A term covers
        ``start <= day < end``: on the day a successor is sworn in, the office is theirs.
    """

    def __init__(self, rows: Iterable[dict], role_rank: Iterable[str] = (),
                 family_name_first: Iterable[str] = ()):
        self.role_rank = {r.lower(): i for i, r in enumerate(role_rank)}
        family_first = set(family_name_first)
        self.terms: dict[str, list[Term]] = defaultdict(list)
        self.aliases: dict[str, list[str]] = defaultdict(list)  # surface -> canonicals
        self.lower_aliases: dict[str, list[str]] = defaultdict(list)
        self.surnames: dict[str, list[str]] = defaultdict(list)  # first/last word -> canonicals
        for row in rows:
            name = (row.get("name") or "").strip()
            if not name:
                continue
            term = Term(name, (row.get("country") or None), (row.get("sector") or None),
                        (row.get("role") or None), _parse_day(row.get("start")), _parse_day(row.get("end")))
            self.terms[name].append(term)
            words = name.split()
            if len(words) > 1:
                # the family name: the last word, and the first where names put it first ('Kim
                # Jong Un', 'Xi Jinping'); never a given name ('Omar' is not Omar Razzaz)
                first = term.country in family_first or not family_first
                for w in ({words[0], words[-1]} if first else {words[-1]}):
                    if len(w) > 1 and name not in self.surnames[w]:
                        self.surnames[w].append(name)
            for alias in [name] + _split(row.get("aliases")):
                if name not in self.aliases[alias]:
                    self.aliases[alias].append(name)
                if name not in self.lower_aliases[alias.lower()]:
                    self.lower_aliases[alias.lower()].append(name)
        #: lower-case role -> [(canonical, Term)], in the order :meth:`holder_of` looks at them
        self._by_role: dict[str, list] = defaultdict(list)
        for canonical, terms in self.terms.items():
            for term in terms:
                if term.role:
                    self._by_role[term.role.lower()].append((canonical, term))

    def __len__(self) -> int:
        return len(self.terms)

    def canonicals(self, name: str) -> list[str]:
        """RETURNS (list[str]): canonical names that ``name`` (canonical or alias) may mean."""
        return self.aliases.get(name) or self.lower_aliases.get(name.lower(), [])

    def country_of(self, canonical: str) -> Optional[str]:
        """RETURNS (str | None): ISO3 of the person's most recent term."""
        terms = self.terms.get(canonical) or []
        dated = sorted(terms, key=lambda t: t.start or Date.min)
        return dated[-1].country if dated else None

    def term_on(self, canonical: str, day: Optional[Date]) -> Optional[Term]:
        """The first term of ``canonical`` active on ``day`` (None: today)."""
        day = day or Date.today()
        for term in self.terms.get(canonical, ()):
            if term.active(day):
                return term
        return None

    def terms_on(self, canonical: str, day: Optional[Date]) -> list:
        """RETURNS (list[Term]): every term of ``canonical`` active on ``day`` (None: today)."""
        day = day or Date.today()
        return [t for t in self.terms.get(canonical, ()) if t.active(day)]

    def by_surname(self, word: str, day: Optional[Date], context=None) -> Optional[str]:
        """The one office holder in office on ``day`` whose name starts or ends with ``word``.

        'Kim' on 2019-07-01 -> 'Kim Jong Un' (family name first), 'Merkel' -> 'Angela Merkel'.
        context (Counter | None): country mentions of the article; breaks ties between several
            holders in office (the one whose country is mentioned most, if unique).
        RETURNS (str | None): None when nobody or several equally likely people match.
        """
        cands = [c for c in self.surnames.get(word, ()) if self.term_on(c, day) is not None]
        if len(cands) > 1 and context:
            best = max(context.get(self.country_of(c), 0) for c in cands)
            cands = [c for c in cands if context.get(self.country_of(c), 0) == best]
        if len(cands) > 1 and self.role_rank:
            # several people of one country: the higher office (head of state before premier)
            def rank(c):
                return min((self.role_rank.get((t.role or "").lower(), len(self.role_rank))
                            for t in self.terms_on(c, day)), default=len(self.role_rank))
            ranked = sorted(cands, key=rank)
            if rank(ranked[0]) < rank(ranked[1]):
                cands = ranked[:1]
        return cands[0] if len(cands) == 1 else None

    def role_on(self, name: str, day: Optional[Date]) -> Optional[tuple]:
        """The code, sector and role of a person on a day.

        name (str): canonical name or alias ("Donald Trump", "Trump").
        day (date | None): the day; None means today.
        RETURNS (tuple | None): ``(code, sector, role)``; a known person out of office on that
            day gives ``(country, None, None)``; an unknown name gives None. An alias of several
            people picks the one in office on that day, else the first listed.
        """
        names = self.canonicals(name)
        if not names:
            return None
        for canonical in names:
            term = self.term_on(canonical, day)
            if term is not None:
                return (term.country, term.sector, term.role)
        return (self.country_of(names[0]), None, None)

    def holder_of(self, role: str, country: Optional[str], day: Optional[Date]) -> Optional[str]:
        """Canonical name of whoever held ``role`` (case-insensitive) for ``country`` on ``day``."""
        day = day or Date.today()
        for canonical, term in self._by_role.get(role.lower(), ()):
            if (country is None or term.country == country) and term.active(day):
                return canonical
        return None


def _load_tsv_optional(name: str, extra) -> list[dict]:
    try:
        return load_tsv(name, extra=extra)
    except DataError as err:
        if "no such file" in err.message:
            return []
        raise


@dataclass
class Knowledge:
    """Every actor table, and the two lexicons built from them.

    Attributes:
        countries (dict[str, dict]): ISO3 -> row of countries.tsv (plus pycountry names).
        sectors (dict[str, str]): PLOVER sector code -> label.
        titles, agents, descriptions (dict[str, dict]): lower-case surface -> row.
        orgs (list[dict]): rows of organisations.tsv.
        holders (OfficeHolders).
        gender (dict[str, str]): name -> m/f.
        rules (dict): rules.yaml.
        cased (Lexicon): names, adjectives, demonyms, capitals, organisations, office holders.
        lower (Lexicon): titles, agent nouns, description nouns.
    """

    countries: dict = field(default_factory=dict)
    sectors: dict = field(default_factory=dict)
    titles: dict = field(default_factory=dict)
    agents: dict = field(default_factory=dict)
    descriptions: dict = field(default_factory=dict)
    orgs: list = field(default_factory=list)
    shorthands: list = field(default_factory=list)
    holders: OfficeHolders = field(default_factory=lambda: OfficeHolders([]))
    gender: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    cased: Lexicon = field(default_factory=lambda: Lexicon(lower=False))
    lower: Lexicon = field(default_factory=lambda: Lexicon(lower=True))

    @classmethod
    def load(cls, data_paths: Iterable = ()) -> "Knowledge":
        """Load every table (built-in + users' files).

        RAISES DataError (E010/E011): a built-in file is missing or malformed
        (office_holders.tsv may be missing or hold only its header).
        """
        import pycountry

        extra = list(data_paths or [])
        kb = cls()
        kb.rules = load_yaml("actors/rules.yaml", extra=extra) or {}
        for row in load_tsv("actors/sectors.tsv", extra=extra):
            kb.sectors[row["code"]] = row["label"]
        for row in load_tsv("actors/countries.tsv", extra=extra):
            iso = row["iso3"]
            if iso in kb.countries:  # a user's row extends the built-in one
                base = kb.countries[iso]
                for col in ("aliases", "adjectives", "demonyms", "capitals"):
                    base[col] = "|".join(_split(base.get(col)) + _split(row.get(col)))
                continue
            kb.countries[iso] = dict(row)
        for country in pycountry.countries:
            iso = country.alpha_3
            names = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
            names = [n for n in names if n and "," not in n]
            if iso not in kb.countries:
                if not names:
                    continue
                kb.countries[iso] = {"iso3": iso, "name": names[0], "aliases": "", "adjectives": "",
                                     "demonyms": "", "capitals": ""}
            row = kb.countries[iso]
            row["aliases"] = "|".join(dict.fromkeys(_split(row.get("aliases")) + [n for n in names if n != row["name"]]))
        # lexicon: the first entry registered for a surface wins on ties (see _first_of_kind)
        for iso, row in kb.countries.items():
            for name in [row["name"]] + _split(row.get("aliases")):
                kb.cased.add(name, Entry("country", iso))
            for adj in _split(row.get("adjectives")):
                kb.cased.add(adj, Entry("adjective", iso))
            for dem in _split(row.get("demonyms")):
                kb.cased.add(dem, Entry("demonym", iso))
            for cap in _split(row.get("capitals")):
                kb.cased.add(cap, Entry("capital", iso))
        for row in load_tsv("actors/organisations.tsv", extra=extra):
            row = dict(row)
            row["context_codes"] = tuple(_split(row.get("context")))
            kb.orgs.append(row)
            for alias in dict.fromkeys([row["canonical"]] + _split(row.get("aliases"))):
                kb.cased.add(alias, Entry("org", len(kb.orgs) - 1))
        for row in load_tsv("actors/shorthands.tsv", extra=extra):
            row = dict(row)
            row["context_codes"] = tuple(_split(row.get("context")))
            row["code_list"] = tuple(_split(row.get("codes")))
            kb.shorthands.append(row)
            kb.cased.add(row["phrase"], Entry("shorthand", len(kb.shorthands) - 1))
        kb.holders = OfficeHolders(_load_tsv_optional("actors/office_holders.tsv", extra),
                                   kb.rules.get("role_rank", ()), kb.rules.get("family_name_first", ()))
        for alias, canonicals in kb.holders.aliases.items():
            kb.cased.add(alias, Entry("person", tuple(canonicals)))
        for row in load_tsv("actors/titles.tsv", extra=extra):
            kb.titles[_norm_key(row["title"], True)] = row
            kb.lower.add(row["title"], Entry("title", _norm_key(row["title"], True)))
        for row in load_tsv("actors/agent_nouns.tsv", extra=extra):
            kb.agents[_norm_key(row["noun"], True)] = row
            kb.lower.add(row["noun"], Entry("agent", _norm_key(row["noun"], True)))
        for row in load_tsv("actors/descriptions.tsv", extra=extra):
            row = dict(row)
            row["type_list"] = tuple(_split(row.get("types")))
            kb.descriptions[_norm_key(row["noun"], True)] = row
            kb.lower.add(row["noun"], Entry("description", _norm_key(row["noun"], True)))
        for row in load_tsv("actors/gender.tsv", extra=extra):
            kb.gender[row["name"]] = row["gender"]
        return kb

    def country_name(self, iso: Optional[str]) -> Optional[str]:
        row = self.countries.get(iso or "")
        return row["name"] if row else None

    def gender_of(self, canonical: str, words: Iterable[str] = ()) -> Optional[str]:
        """m / f / None from the full name, its first token, or gendered words (titles, Mr/Mrs)."""
        if canonical in self.gender:
            return self.gender[canonical]
        for w in words:
            row = self.titles.get(_norm_key(w, True))
            if row and row.get("gender"):
                return row["gender"]
        first = canonical.split()[0] if canonical.split() else ""
        return self.gender.get(first)


@lru_cache(maxsize=8)
def knowledge(data_paths: tuple = ()) -> Knowledge:
    """The loaded :class:`Knowledge` for these user data folders (cached)."""
    return Knowledge.load(data_paths)


def role_on(name: str, day: Optional[Date], data_paths: Iterable = ()) -> Optional[tuple]:
    """``(code, sector, role)`` of a person on ``day`` from the office-holder table.

    name (str): canonical name or alias ("Trump"). day (date | None): None = today.
    data_paths (iterable): user data folders (Options.data_paths).
    RETURNS (tuple | None): see :meth:`OfficeHolders.role_on`.
    """
    return knowledge(tuple(str(p) for p in data_paths)).holders.role_on(name, day)
