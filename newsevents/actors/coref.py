"""Rule-based coreference within one article.

No coreference weights exist for spaCy 3.8 (see FACTS.md), so these are
rules, applied in text order after the named mentions are resolved:

* short names: 'Trump' after 'Donald Trump', 'Klimov' after 'Oleg Klimov'; short forms given
  after a name the tables do not know ('Maghawir al Thawra, or MaT', 'X (ABC)');
* titles: 'X was the deputy commander' -> X (a title predicated of a named subject);
  'the president' -> the nearest person named before whose role
  matches (and whose country matches, if one is given), else the office
  holder of that role in the article's country on the publication date;
* organisations: 'the newspaper' -> the nearest organisation of a matching
  type named before (descriptions.tsv);
* pronouns he/him/his/she/her: the subject of the governing clause if it is
  a compatible person (relative 'who' -> the person just before it), else the
  first compatible person earlier in the sentence, else the subject person of
  the previous sentences (inside a quotation never its speaker: '"He was a stellar
  example," Khamenei said of Soleimani') (else one whose name gives the pronoun's gender); a
  pronoun resolved to a name of unknown gender gives it its gender ('Harry Dunn ... He died':
  a later 'her' is not Harry Dunn); an intensifying
  'himself' after a name ('Trump himself') is that person; 'it' and 'they' are not resolved;
* groups: 'the two leaders' / 'both leaders' / 'both nations' -> the last two persons
  (countries) named in this and the previous two sentences, else the first two named in this and
  the next two sentences (one Actor per referent, same evidence); never the
  subject of a clause the group stands in ('Moon praised both leaders' is not
  Moon, '"... both men," said Grisham' not Grisham), and for 'both sides' never
  a country named as a place ('sent them to Qatar'); see :mod:`.groups`.
"""
from __future__ import annotations

from typing import Optional

from .mentions import ArticleState, Item, Mention, _add, affiliate, owner_of
from .groups import _link, resolve_group
from .mentions.modifiers import right_countries

__all__ = ["resolve_coreference"]


def _short_names(st: ArticleState) -> None:
    """A one- or two-word person mention resolves to an earlier, longer name containing it."""
    # a name coded by its title and the sentence's country ('General Soleimani') is a short name too
    named = ("ner", "office-holder", "title", "demonym", "affiliation", "sentence-context", "article-context")
    persons = sorted((m for m in st.mentions if m.person and m.resolved_by in named),
                     key=lambda m: m.start)
    for idx, m in enumerate(persons):
        words = m.text.split()
        if not words:
            continue
        for prev in reversed(persons[:idx]):
            pwords = prev.text.split()
            if prev.antecedent is not None or len(pwords) <= len(words):
                continue
            if all(w in pwords for w in words) and (words[-1] == pwords[-1] or words[0] == pwords[0]):
                if m.resolved_by == "office-holder" and prev.canonical != m.canonical \
                        and (prev.resolved_by == "office-holder" or _holder_told(st, m, prev)):
                    continue  # both in the table and different people: trust the table
                m.antecedent = prev
                # the full name's code; a sector its own title says where the full name says none
                m.canonical, m.code, m.sector, m.kind = prev.canonical, prev.code, prev.sector or m.sector, prev.kind
                m.role = prev.role or m.role
                m.roles = prev.roles or m.roles
                m.gender = prev.gender or m.gender
                m.resolved_by = "coreference"
                break
        else:
            if m.resolved_by in ("ner", "title", "demonym") and len(words) == 1:
                _surname(st, m)


def _holder_told(st: ArticleState, m: Mention, other: Mention) -> bool:
    """Whether a bare family name that the office-holder table resolves ('Trump' -> Donald Trump)
    is the holder and not ``other``, an earlier person of the same family name the table does
    not know ('First Lady Melania Trump'): the holder is in office on the publication date, or
    named in the article before ``other`` at least as often. A family name shared by two people
    is the one the article is about, the office holder. RETURNS (bool)."""
    if st.kb.holders.term_on(m.canonical, st.published) is not None:
        return True
    before = [p for p in st.mentions if p.person and p.start < m.start]
    holder = sum(1 for p in before if p.canonical == m.canonical)
    return holder > 0 and holder >= sum(1 for p in before if p.canonical == other.canonical)


def _surname(st: ArticleState, m: Mention) -> None:
    """'Kim' with no full name before it: the one office holder of that name in office."""
    holders = st.kb.holders
    context = st.geo_article.copy()
    for codes in st.named_sent.values():
        for c in codes:
            context[c] += 1
    canonical = holders.by_surname(m.text, st.published, context)
    if canonical is None:
        return
    code, sector, role = holders.role_on(canonical, st.published)
    if st.geo_article and not st.geo_article.get(code):
        # a bare surname in a story that names countries, none of them the holder's: 'Morrison'
        # in a Washington story on Ukraine is not Australia's prime minister
        return
    if m.code is not None and code != m.code:
        return  # 'South Korean Kim' is not the North Korean leader
    own = right_countries(st, st.doc[m.end - 1], ("of",))
    if own and code not in own:
        return  # 'King Hassan of Morocco' is not Tanzania's President Samia Suluhu Hassan
    m.canonical, m.code, m.sector, m.role = canonical, code, sector, role
    m.roles = tuple(t.role.lower() for t in holders.terms_on(canonical, st.published) if t.role)
    m.gender = st.kb.gender_of(canonical) or m.gender
    m.resolved_by = "office-holder"
    st.person_canon_seen.setdefault(canonical, m)


def _persons_by_token(st: ArticleState) -> dict:
    out = {}
    for m in st.mentions:
        if m.person:
            for k in range(m.ev_start, m.end):
                out.setdefault(k, m)
    return out


def _compatible(m: Mention, gender: Optional[str]) -> bool:
    return m.person and (gender is None or m.gender is None or m.gender == gender)


def _quotation_of(st: ArticleState, tok) -> Optional[tuple]:
    """The character range of the quotation holding token ``tok``, or None."""
    if st.quote_spans is None:
        from ..quotes.marks import find_quote_spans, join_paragraph_quotes  # pure text, no stage state

        text = st.doc.text
        st.quote_spans = join_paragraph_quotes(text, find_quote_spans(text))
    return next(((s, e) for s, e in st.quote_spans if s <= tok.idx < e), None)


def _quotation_speakers(st: ArticleState, tok) -> set:
    """Canonical names of the likely speakers of the quotation holding ``tok`` (empty outside one).

    A third-person pronoun inside a direct quotation does not refer to the one quoted ('In his
    message, he praised Soleimani: "He was a stellar example ..."': "He" is not the speaker). The
    speakers are the persons that are subjects, or in apposition to one ("Dunn's mother, Charlotte
    Charles, said"), outside the quotation in its sentences: the sentence where it opens and where
    it closes ('"...," Trump said'), and the sentence before when the quotation opens its own
    sentence ('Khamenei said: / "He was ..."'). RETURNS (set[str]).
    """
    q = _quotation_of(st, tok)
    if q is None:
        return set()
    doc = st.doc
    first = doc.char_span(q[0], q[0] + 1, alignment_mode="expand")
    last = doc.char_span(q[1] - 1, q[1], alignment_mode="expand")
    if first is None or last is None:
        return set()
    sents = {st.sent_of[first.start], st.sent_of[last.start]}
    opening = st.sents[st.sent_of[first.start]]
    if not any(not (t.is_punct or t.is_space) for t in doc[opening.start:first.start]) and st.sent_of[first.start] > 0:
        sents.add(st.sent_of[first.start] - 1)
    out = set()
    for m in st.mentions:
        if not m.person or m.sent not in sents or q[0] <= doc[m.start].idx < q[1]:
            continue
        if any(doc[k].dep_ in ("nsubj", "nsubjpass")
               # in apposition to the subject: "Dunn's mother, Charlotte Charles, said"
               or (doc[k].dep_ == "appos" and doc[k].head.dep_ in ("nsubj", "nsubjpass"))
               for k in range(m.start, m.end)):
            out.add(m.canonical)
    return out


def _subject_person(st: ArticleState, pron, gender, by_tok, skip=frozenset()) -> Optional[Mention]:
    doc = st.doc
    rel = set(st.kb.rules.get("relative_pronouns", ()))
    t = pron
    for _ in range(40):
        if t.head.i == t.i:
            break
        t = t.head
        for c in t.children:
            if c.dep_ not in ("nsubj", "nsubjpass") or c.i == pron.i:
                continue
            cand = None
            if c.lower_ in rel:
                k = c.i - 1
                while k >= 0 and (doc[k].is_punct or doc[k].is_space) and c.i - k <= 3:
                    k -= 1
                cand = by_tok.get(k)
                if cand is None and t.dep_ == "relcl":
                    cand = by_tok.get(t.head.i)
            else:
                cand = by_tok.get(c.i)
                if cand is None:
                    for cc in c.children:
                        if cc.dep_ == "poss" and cc.i in by_tok:
                            cand = by_tok[cc.i]
            if cand is not None and _compatible(cand, gender) and not (cand.start <= pron.i < cand.end) \
                    and cand.canonical not in skip:
                return cand
    return None


def _pronoun(st: ArticleState, tok, by_tok) -> Optional[Mention]:
    gender = st.kb.rules.get("pronouns", {}).get(tok.lower_)
    ant = None
    if tok.lower_.endswith("self") and tok.i > 0 and tok.head.i == tok.i - 1:
        # an intensifying reflexive hanging from the name before it: 'between Zelensky and Trump himself'
        cand = by_tok.get(tok.i - 1)
        if cand is not None and _compatible(cand, gender):
            ant = cand
    # inside a quotation (not a bracketed insertion, '[his]'), never the one quoted
    skip = _quotation_speakers(st, tok) if not (tok.i > 0 and tok.nbor(-1).text == "[") else set()
    ant = ant or _subject_person(st, tok, gender, by_tok, skip)
    sent = st.sent_of[tok.i]
    persons = sorted((m for m in st.mentions if m.person and m.canonical not in skip), key=lambda m: m.start)
    if ant is None:
        for m in persons:
            if m.sent == sent and m.end <= tok.i and _compatible(m, gender):
                ant = m
                break
    quoted = bool(skip) or _quotation_of(st, tok) is not None
    if ant is None:
        back = int(st.kb.rules.get("pronoun_lookback_sentences", 3))
        for s in range(sent - 1, max(-1, sent - 1 - back), -1):
            # in a quotation, not another speaker either: 'Morawiecki tweeted "We are with Mayor
            # Adamowicz" ... Duda remarked, "I am with him"': him is the one they speak about
            cands = [m for m in persons if m.sent == s and _compatible(m, gender)
                     and not (quoted and _speaks(st, m))]
            if not cands:
                continue
            subj = [m for m in cands if st.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                    or any(st.doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(m.start, m.end))]
            # with no subject, a person whose name says the pronoun's gender before one whose
            # name says nothing ('an appeal by Spanton' over 'Redouane' for 'she'); not a name
            # that only modifies a noun ('the Trump administration')
            known = [m for m in cands if gender is not None and m.gender == gender
                     and st.doc[m.end - 1].dep_ not in ("compound", "amod", "nmod")]
            ant = (subj or known or cands)[0]
            break
    if ant is None:
        ant = _described_person(st, tok, gender, sent)
    if ant is None:
        return None
    if gender and ant.gender is None and ant.person:
        # 'Harry Dunn ... He died from his injuries': the pronoun says the name's gender, so a later
        # 'her' is somebody else (the names in gender.tsv are few)
        for m in st.mentions:
            if m.canonical == ant.canonical and m.gender is None:
                m.gender = gender
    return _link(st, ant, tok.i, tok.i + 1, tok.i, tok.i + 1, tok.text)


def _speaks(st: ArticleState, m: Mention) -> bool:
    """Whether the mention is the subject of a verb of saying (actor rules ``speaker_name_verbs``:
    'Morawiecki tweeted'). RETURNS (bool)."""
    verbs = st.kb.rules.get("speaker_name_verbs", ())
    return any(t.dep_ == "nsubj" and t.head.lemma_.lower() in verbs for t in st.doc[m.start:m.end])


def _described_person(st: ArticleState, tok, gender: Optional[str], sent: int) -> Optional[Mention]:
    """With no named person before it, a pronoun's antecedent is a one-person description ('a man
    wearing a fake suicide vest ... shot him dead'): an agent-noun mention of kind person,
    singular, whose noun does not say another gender (rules.yaml ``person_noun_genders``), or a
    pronoun already resolved to one; the nearest sentence first (the pronoun's own, before it,
    then up to ``pronoun_lookback_sentences`` back), a subject before other mentions.
    RETURNS (Mention | None)."""
    rules = st.kb.rules
    genders = rules.get("person_noun_genders", {}) or {}
    back = int(rules.get("pronoun_lookback_sentences", 3))
    doc = st.doc

    def described(m) -> bool:
        if m.person or m.agent is None or (st.kb.agents.get(m.agent) or {}).get("kind") != "person" \
                or doc[m.end - 1].tag_ != "NN":
            return False
        said = genders.get(doc[m.end - 1].lower_)
        return gender is None or said is None or said == gender

    for s in range(sent, max(-1, sent - 1 - back), -1):
        cands = []
        for m in st.mentions:
            if m.sent != s or m.end > tok.i:
                continue
            ant = m.antecedent if m.antecedent is not None else m
            if described(ant):
                cands.append((m, ant))
        if cands:
            subj = [a for m, a in cands if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
            return subj[-1] if subj else cands[-1][1]
    return None


def _title(st: ArticleState, item: Item, mods) -> None:
    doc, kb = st.doc, st.kb
    row = kb.titles.get(item.first("title").value)
    role = (row.get("role") or row["title"]).lower()
    country = mods.countries[0] if mods.countries else None
    ev_start = mods.start
    if ev_start > 0 and doc[ev_start - 1].lower_ == "the":
        ev_start -= 1
    text = doc[ev_start:item.end].text
    subject = _copula_subject(st, doc[item.start:item.end].root)
    if subject is not None:
        # 'al-Muhandis was the deputy commander of the PMF': the title is said of its subject
        _link(st, subject, item.start, item.end, ev_start, item.end, text)
        return
    if country is None and _owned_title(st, item, mods, row, ev_start, text):
        return
    for m in sorted((m for m in st.mentions if m.person and m.end <= item.start), key=lambda m: -m.start):
        roles = [r for r in (m.role.lower() if m.role else None,) + tuple(m.roles) if r]
        if any(role in r and not r.startswith("former") for r in roles) \
                and (country is None or m.code == country):
            _link(st, m, item.start, item.end, ev_start, item.end, text)
            return
    country = country or st.default_country(st.sent_of[item.start])
    holder = kb.holders.holder_of(row.get("role") or row["title"], country, st.published) if country else None
    if holder:
        code, sector, r = kb.holders.role_on(holder, st.published)
        _add(st, Mention(item.start, item.end, ev_start, item.end, text, holder, code=code, sector=sector, role=r,
                         kind="person", resolved_by="office-holder", person=True, gender=kb.gender_of(holder)))
        return
    if country:
        name = kb.country_name(country) or country
        _add(st, Mention(item.start, item.end, ev_start, item.end, text, f"{name} ({role})", code=country,
                         sector=row.get("sector") or None, kind="person", role=row.get("role"), resolved_by="title",
                         person=True, gender=row.get("gender") or None))


def _owned_title(st: ArticleState, item: Item, mods, row: dict, ev_start: int, text: str) -> bool:
    """'an Interpol spokesperson', "Merkel's spokesperson": a person of the owner's code (and sector
    where it applies; :func:`.mentions.affiliate`), whom 'the spokesperson' later refers back to. A
    title in the phrase of a name after it ("Merkel's spokesperson, Steffen Seibert") is that
    named person's already. RETURNS (bool): True when the title was handled."""
    if mods.owner is None:
        return False
    if any(m.person and m.ev_start <= item.start and m.end > item.end for m in st.mentions):
        return True
    owner = owner_of(st, mods)
    if owner is None:
        return False
    role = row.get("role") or row["title"].title()
    m = Mention(item.start, item.end, ev_start, item.end, text, f"{owner.canonical} ({role.lower()})",
                sector=row.get("sector") or None, kind="person", role=role, person=True,
                gender=row.get("gender") or None, roles=(role.lower(),))
    affiliate(st, m, mods, row)
    _add(st, m)
    return True


def _copula_subject(st: ArticleState, head) -> Optional[Mention]:
    """The named person a title is predicated of ('al-Muhandis was the deputy commander'): the
    subject of the copula whose attribute the title heads, when a person mention covers it."""
    if head.dep_ != "attr" or head.head.lemma_ != "be":
        return None
    for c in head.head.children:
        if c.dep_ == "nsubj":
            for m in st.mentions:
                if m.person and m.start <= c.i < m.end:
                    return m.antecedent if m.antecedent is not None else m
    return None


def _description(st: ArticleState, item: Item) -> None:
    """'the newspaper' -> the nearest organisation named before of a type the description allows
    (descriptions.tsv); not one that only names a person's office ('Donald Tusk, the President of
    the European Council ... collecting money for the organisation' is not the European Council)."""
    row = st.kb.descriptions.get(item.first("description").value)
    types = set(row["type_list"]) if row else set()
    for m in sorted((m for m in st.mentions if m.org_type and m.end <= item.start), key=lambda m: -m.start):
        if m.org_type in types and not _names_an_office(st, m):
            _link(st, m, item.start, item.end, item.start - 1, item.end, st.doc[item.start - 1:item.end].text)
            return


def _names_an_office(st: ArticleState, m: Mention) -> bool:
    """Whether the organisation mention is the 'of' object of a title ('the President of the European
    Council', 'Secretary-General of NATO'). RETURNS (bool)."""
    root = st.doc[m.start:m.end].root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    owner = st.item_at.get(root.head.head.i)
    return owner is not None and owner.kind == "title"


def _short_forms(st: ArticleState) -> None:
    """'Maghawir al Thawra, or MaT', 'the Free Syrian Army (FSA)': the one word right after a name
    the tables do not know, after ', or' or in brackets, is that name's short form; a later mention
    of it that the tables do not know either is a mention of the name."""
    doc = st.doc
    short: dict = {}
    for m in sorted(st.mentions, key=lambda m: m.start):
        if m.resolved_by != "ner" or m.end - m.start < 2:
            continue
        k = m.end
        if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "or":
            k += 2
        elif k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 1
        else:
            continue
        word = doc[k]
        if word.is_alpha and word.text[:1].isupper() and (k + 1 >= len(doc) or not doc[k + 1].is_alpha):
            short.setdefault(word.text, m)
    if not short:
        return
    for m in st.mentions:
        full = short.get(m.text)
        if full is not None and m is not full and m.resolved_by == "ner" and m.start > full.end:
            m.canonical, m.antecedent, m.resolved_by = full.canonical, full, "coreference"
            m.code, m.sector, m.kind = m.code or full.code, m.sector or full.sector, full.kind


def resolve_coreference(st: ArticleState) -> None:
    """Second pass: short names and short forms, then descriptions, groups and pronouns in text
    order."""
    _short_names(st)
    _short_forms(st)
    pending = sorted(st.pending, key=lambda p: p[1].i if p[0] == "pronoun" else p[1].start)
    for entry in pending:
        kind = entry[0]
        if kind == "pronoun":
            _pronoun(st, entry[1], _persons_by_token(st))
        elif kind == "title":
            _title(st, entry[1], entry[2])
        elif kind == "description":
            _description(st, entry[1])
        elif kind == "group":
            resolve_group(st, entry[1])
    _appositions(st)


def _appositions(st: ArticleState) -> None:
    """'Ali Khan, the foreign minister of Pakistan' / 'the foreign minister, Ali Khan': a named
    person that the table does not know takes the code, sector and role of the title mention in
    apposition to it, and the title mention becomes a mention of that person."""
    doc = st.doc
    by_head = {}
    for m in st.mentions:
        if m.person and m.end > m.start:
            by_head.setdefault(doc[m.start:m.end].root.i, []).append(m)
    for m in list(st.mentions):
        if not m.person or m.resolved_by not in ("ner", "demonym") or (m.code and m.sector):
            continue
        root = doc[m.start:m.end].root
        partners = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            partners.append(root.head)
        for tok in partners:
            for t in by_head.get(tok.i, ()):
                if t is m or t.resolved_by not in ("title", "coreference") or not (t.code or t.sector) \
                        or (t.antecedent is not None and t.antecedent.resolved_by == "office-holder"):
                    continue
                m.code = m.code or t.code
                m.sector = m.sector or t.sector
                m.role = m.role or t.role
                m.resolved_by = "title"
                t.canonical, t.antecedent, t.resolved_by = m.canonical, m, "coreference"
                break

