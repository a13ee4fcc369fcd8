"""Toponym roles (step 1b of the places stage): literal places and associative uses.

GeoWebNews (Gritta et al. 2018, 2019) separates toponyms that name a place where
something is ("troops left **Iraq**", "near **Mosul**") from toponyms that stand for
something else: a government or people ("**Iran** launched missiles", metonymy), a
modifier of a non-place noun ("**U.S.** troops"), part of another name ("The **New
York** Times"), a nationality word ("Syrian"). :func:`assign_roles` sets
``Toponym.role`` to ``literal`` or ``associative`` by the rules of
``data/places/roles.yaml`` (documented there). The places stage lists only literal
toponyms in ``analysis.places`` unless ``Options.place_associative`` is set.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..data import load_tsv, load_yaml
from .gazetteer import FEATURES
from .datelines import is_dateline
from .mentions import STREET
from .toponym import Toponym

__all__ = ["RoleRules", "load_role_rules", "assign_roles", "organisation_pattern", "LITERAL", "ASSOCIATIVE"]

LITERAL = "literal"
ASSOCIATIVE = "associative"
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True)
class RoleRules:
    """The rules of ``data/places/roles.yaml`` as sets."""

    embedded_labels: frozenset
    modifier_deps: frozenset
    subject_deps: frozenset
    copulas: frozenset
    agent_prepositions: frozenset
    literal_heads: frozenset
    modifier_features: frozenset
    organisation_words: frozenset
    language_labels: frozenset = frozenset()
    agency_heads: frozenset = frozenset()
    located_heads: frozenset = frozenset()
    relation_heads: frozenset = frozenset()
    relation_prepositions: frozenset = frozenset()
    agent_prepositions_anywhere: frozenset = frozenset()
    contest_heads: frozenset = frozenset()
    holding_verbs: frozenset = frozenset()
    contest_prepositions: frozenset = frozenset()
    party_verbs: frozenset = frozenset()
    agent_predicates: frozenset = frozenset()
    listed_by_default: frozenset = frozenset()
    team_words: frozenset = frozenset()
    source_heads: frozenset = frozenset()
    recipient_verbs: frozenset = frozenset()
    located_suffixes: frozenset = frozenset()
    aspectual_verbs: frozenset = frozenset()
    beneficiary_heads: frozenset = frozenset()
    target_heads: frozenset = frozenset()
    agent_objects: frozenset = frozenset()
    agent_attributes: frozenset = frozenset()
    locative_prepositions: frozenset = frozenset()
    unlocated_name_words: frozenset = frozenset()
    unlocated_name_labels: frozenset = frozenset()
    team_word_countries: tuple = ()
    facility_heads: frozenset = frozenset()

    @classmethod
    def from_dict(cls, d: dict) -> "RoleRules":
        fields = {f: frozenset(str(w) if f.endswith("labels") or f.endswith("deps")
                               or f in ("organisation_words", "listed_by_default", "team_words", "unlocated_name_words",
                                        "facility_heads")
                               else str(w).lower()
                               for w in (d.get(f) or ()))
                  for f in cls.__dataclass_fields__ if f != "team_word_countries"}
        fields["team_word_countries"] = tuple(sorted((str(w), frozenset(str(c).upper() for c in cs))
                                                     for w, cs in (d.get("team_word_countries") or {}).items()))
        return cls(**fields)


def load_role_rules(data_paths=None) -> RoleRules:
    """RETURNS (RoleRules): built-in rules, extended by users' ``places/roles.yaml``.

    ``agency_heads`` also takes the last word of every noun of ``actors/agent_nouns.tsv`` and every
    ``title`` of ``actors/titles.tsv`` (the people and bodies a toponym stands for in "Chicago
    police", "Iran's foreign minister"), less ``located_heads`` ("residents of Gaza" live there) and
    ``literal_heads`` ("the prosecutor's office" gives "office", a place noun). ``facility_heads`` are those of
    ``places/cues.yaml`` (the facility step's).
    """
    d = dict(load_yaml("places/roles.yaml", extra=data_paths))
    d["facility_heads"] = list(load_yaml("places/cues.yaml", extra=data_paths).get("facility_heads") or ())
    words = [r.get("noun") or "" for r in load_tsv("actors/agent_nouns.tsv", extra=data_paths)]
    words += [r.get("title") or "" for r in load_tsv("actors/titles.tsv", extra=data_paths) if r.get("type") == "title"]
    located = {str(w).lower() for w in list(d.get("located_heads") or ()) + list(d.get("literal_heads") or ())}
    own = list(d.get("agency_heads") or ())
    d["agency_heads"] = own + [w.split()[-1] for w in words if w.strip() and w.split()[-1].lower() not in located]
    return RoleRules.from_dict(d)


def _why_associative(span, rules: RoleRules, ents_by_token: dict, feature: Optional[str], how: str = "",
                     country: Optional[str] = None) -> str:
    """The rule that makes a toponym span associative, or '' (literal)."""
    doc = span.doc
    if _located_suffix(doc, span.end, rules):
        return ""  # "a [Pittsburgh]-based company", "[US]-based": where it is
    ent = ents_by_token.get(span.start)
    if ent is not None and _team_name(doc, span, ent, rules, country):
        # "[Birmingham] City", "[Mississippi] State's center": a club or a university; "at [Colorado] State": its campus
        return "" if _name_is_a_place(ent.root, doc[ent.start:ent.end], rules, ent.label_) else "embedded"
    if how == STREET or (span.end < len(doc) and doc[span.end].lower_ in _POSSESSIVE):
        # "[Harare's Third Street]", "the [A429] Cirencester junction": a street names a place of its own; an
        # entity "[Derry]'s Altnagelvin Hospital" is a possessive phrase, whose possessor the rules below judge
        ent = None
    if ent is not None and ent.label_ in rules.embedded_labels and (ent.start < span.start or ent.end > span.end) \
            and any(t.is_alpha and t.text[:1].isupper() for t in list(ent)[:span.start - ent.start]
                    + list(ent)[span.end - ent.start:]):
        if ent.root.i >= span.end and _literal_head(ent.root, rules) and feature not in rules.modifier_features:
            return ""  # "the [Orange County] Sheriff's Office", "[Toronto] Pearson Airport": a place named for a town
            # or county; not "the [U.S.] Attorney's Office", a country's body
        return "" if _name_is_a_place(ent.root, doc[ent.start:ent.end], rules, ent.label_) else "embedded"
    if ent is not None and ent.label_ in rules.language_labels:
        return "language"  # "speaks in [English]": a language, whatever town shares its name
    k = span.end
    while k < len(doc) and k < span.end + 3 and doc[k].is_alpha and doc[k].text[:1].isupper():
        if doc[k].text in rules.organisation_words:
            if _name_is_a_place(_phrase_head(doc[k]), doc[span.start:k + 1], rules):
                return ""  # "a scientist at [Colorado] State University": the name of where he works
            return "embedded"  # "Abu Dhabi TV", "the Paris Climate Accord": the parse tagged no entity
        k += 1
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i and root.head.i < span.start:
        root = root.head  # "Israel and the United States": the first member's role
    dep, head = root.dep_, root.head
    if dep == "compound" and head.i >= span.end and head.pos_ == "PROPN" and span.end < len(doc) \
            and all(doc[k].text[:1].isupper() and not _literal_head(doc[k], rules) for k in range(span.end, head.i + 1)) \
            and not _in_a_place_phrase(span, head, rules, feature):  # not "the [Karnataka] Assembly election"
        if _name_is_a_place(head, doc[span.start:head.i + 1], rules):
            return ""  # "in the [Dubai] Turf", "a pipe burst in the nearby [Illinois] State Armory"
        return "embedded"  # "[Cambridge] Analytica", "the [Delhi] High Court": the head of a longer name
    if dep in rules.modifier_deps and head.i >= span.end and head.pos_ in ("NOUN", "PROPN") \
            and not _in_a_place_phrase(span, head, rules, feature):  # not "the [Delft] police station"
        if feature in rules.modifier_features and not _literal_head(head, rules):
            return "modifier"
        if any(_word_in(doc[k], rules.agency_heads) for k in range(span.end, head.i + 1)):
            return "body"  # "[Chicago] police", "former [Atlanta] Mayor Kasim Reed", "a [Brooklyn] man"
    if dep == "poss" and (_word_in(head, rules.agency_heads) or _word_in(head, rules.located_heads)) \
            and not (head.text[:1].isupper() and _literal_head(head, rules)):  # not "[Derry]'s Altnagelvin Hospital"
        return "possessor"  # "[China]'s commerce ministry", "[Dominica]'s request", "[Russia]'s embassy"
    if dep == "poss" and head.pos_ == "PROPN" and head.i > span.end and any(
            _word_in(doc[k], rules.agency_heads) for k in range(span.end, head.i)):
        return "possessor"  # "[Venezuela]'s Mining Minister Victor Cano", "[South Africa]'s ex-President Jacob Zuma"
    if dep in rules.subject_deps and head.pos_ in ("VERB", "AUX"):
        verb = _carried_verb(head, rules)  # "[Britain] used to be a key market": the subject of "be"
        if verb.lemma_.lower() not in rules.copulas and not _holds(verb, rules):
            return "agent"
        if verb.lemma_.lower() in rules.copulas and any(
                (c.dep_ == "acomp" and _word_in(c, rules.agent_predicates))
                or (c.dep_ == "attr" and _word_in(c, rules.agent_attributes)) for c in verb.children):
            return "agent"  # "[Russia] is concerned", "[Europe] was a reliable ally"; not "[Mokha] is less affected"
    if dep == "dative" and head.pos_ == "VERB":
        return "party"  # "giving [Russia] a chance": the one given to
    if dep == "pobj" and head.lower_ in rules.agent_prepositions and head.head.pos_ in ("VERB", "AUX"):
        return "agent"
    if dep == "pobj" and head.lower_ in rules.agent_prepositions_anywhere:
        return "agent"  # "sanctions against [Iran]", "a response by [Russia]"
    if dep == "pobj" and head.lower_ == "from" and (_word_in(head.head, rules.source_heads) or any(
            c.dep_ == "dobj" and _word_in(c, rules.source_heads) for c in head.head.children)):
        return "party"  # "permission from [Georgia]", "backing from [the United States]", "independence from [Britain]"
    if dep == "pobj" and head.lower_ == "to" and head.head.pos_ == "VERB" and _word_in(head.head, rules.recipient_verbs):
        return "party"  # "selling artillery to [Saudi Arabia]", "it was explained to [Rome]"
    if dep == "pobj" and head.lower_ == "on" and (_word_in(head.head, rules.target_heads) or any(
            c.dep_ == "dobj" and _word_in(c, rules.target_heads) for c in head.head.children)):
        return "party"  # "sanctions on [Iran]", "Azerbaijan puts pressure on [Georgia]", "an attack blamed on [Russia]"
    if dep == "pobj" and head.lower_ == "for" and _word_in(head.head, rules.beneficiary_heads):
        return "party"  # "profound consequences for [Hawaii]", "a greater role for [France]"
    if dep == "pobj" and head.lower_ == "of" and _word_in(head.head, rules.agency_heads):
        return "possessor"  # "the government of [Ukraine]", "the people of [Mexico]"
    if dep == "pobj" and head.lower_ in rules.relation_prepositions and _word_in(head.head, rules.relation_heads):
        return "party"  # "relations between Mexico and [the United States]", "an agreement with [Japan]"
    if dep == "pobj" and head.lower_ in rules.contest_prepositions and _word_in(head.head, rules.contest_heads):
        return "party"  # "a loss to [San Antonio]", "a win over [Boston]": a team
    if dep in ("dobj", "dative", "nsubjpass") and head.pos_ == "VERB" and head.lemma_.lower() in rules.party_verbs:
        return "party"  # "Britain accused [Russia]", "urges [Ukraine] to abolish", "[Moscow] is accused"
    return ""


def _modifies_a_place_noun(span, rules: RoleRules) -> bool:
    """Whether a nationality word modifies a noun of ``literal_heads`` that ends its phrase: directly ("[British]
    farms"), through the modifiers after it ("the [Syrian]-Turkish border"; not "[Chinese] State Councilor"), or, where the parse hung it elsewhere, as the
    word right before such a noun that ends its phrase ("languish in [Azerbaijani] jails")."""
    doc = span.doc
    tok = span.root
    for _ in range(4):
        if tok.dep_ not in rules.modifier_deps or tok.head.i < span.end:
            break
        tok = tok.head
        if _literal_head(tok, rules) and tok.pos_ in ("NOUN", "PROPN") and _phrase_head(tok) is tok:
            return True  # the phrase's last noun: not "the [Chinese] State Councilor"
    k = span.end
    return k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower and _literal_head(doc[k], rules) \
        and not (k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN"))


def _in_a_named_place(span, rules: RoleRules) -> bool:
    """Whether a nationality word is part of a capitalised name used as a place (:func:`_name_is_a_place`): "at the
    [Russian] Foreign Ministry", "in the International [Spanish] Piano Competition"; not "in the [British] parliament"."""
    head = _phrase_head(span.root)
    if head.i < span.end or head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    return _name_is_a_place(head, span.doc[span.start:head.i + 1], rules, head.ent_type_)


def _located_suffix(doc, end: int, rules: RoleRules) -> bool:
    """Whether the toponym ending at token ``end`` is followed by "-<one of located_suffixes>" ("-based"), perhaps
    after the ", <Region>" that qualifies it ("a Pittsburgh, Pennsylvania-based company")."""
    k = end
    if k < len(doc) and doc[k].text == ",":
        q = k + 1
        while q < len(doc) and q < k + 4 and doc[q].pos_ == "PROPN":
            q += 1
        if q > k + 1 and q < len(doc) and doc[q].text in ("-", "\u2013"):
            k = q
    if k < len(doc) and doc[k].text in ("-", "\u2013"):
        k += 1
    elif k < len(doc) and doc[k].text.startswith("-"):
        return doc[k].text[1:].lower() in rules.located_suffixes
    return k > end and k < len(doc) and doc[k].lower_ in rules.located_suffixes


def _team_name(doc, span, ent, rules: RoleRules, country: Optional[str] = None) -> bool:
    """Whether the entity ``ent`` is the toponym ``span`` and one of ``team_words`` after it ("Birmingham City",
    "Mississippi State", perhaps with "'s"), no capitalised word following: the name of a club or university.
    The gazetteer's own names of that shape ("Kansas City", "Washington State") are one toponym, never a part; a word
    of ``team_word_countries`` makes a team only after a place of those countries ("Oaxaca State", "Lagos State" are
    states)."""
    if ent.start != span.start or ent.end <= span.end or doc[span.end].text not in rules.team_words:
        return False
    only = dict(rules.team_word_countries).get(doc[span.end].text)
    if only is not None and country is not None and country.upper() not in only:
        return False
    rest = [t for t in doc[span.end + 1:ent.end] if t.lower_ not in _POSSESSIVE]
    after = doc[ent.end] if ent.end < len(doc) else None
    if rest or ent.end - span.end > 1 or (after is not None and after.lower_ in _POSSESSIVE):
        return not rest  # "Mississippi State's Roshunda Johnson": the name ends at the possessive
    return not (after is not None and after.text[:1].isupper() and after.is_alpha)


def _carried_verb(verb, rules: RoleRules):
    """The verb an aspectual verb of ``aspectual_verbs`` carries on ("used to [be]", "is starting to [look]",
    "continued to [account] for"), through its open complement (xcomp); else ``verb`` itself."""
    for _ in range(3):
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None or verb.lemma_.lower() not in rules.aspectual_verbs:
            break
        verb = nxt
    return verb


def _phrase_head(tok):
    """The last noun of the noun phrase ``tok`` modifies, through compounds, modifiers and possessives ("police" in
    "the Delft police station" -> "station"; "Sheriff" in "the Walker County Sheriff's Office" -> "Office")."""
    for _ in range(6):
        if tok.dep_ not in ("compound", "nmod", "amod", "poss") or tok.head.i <= tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
            break
        tok = tok.head
    return tok


def _in_a_place_phrase(span, head, rules: RoleRules, feature: Optional[str]) -> bool:
    """Whether the toponym ``span`` modifies (through ``head``) a phrase whose last noun is one of ``literal_heads``
    ("the [Delft] police station", "the [U.S.] midterm elections"); a country or large area (``modifier_features``)
    not through a noun of ``agency_heads`` ("the [U.S.] Attorney's Office" is a country's body, "the [Walker County]
    Sheriff's Office" the county's office)."""
    last = _phrase_head(head)
    if not _literal_head(last, rules):
        return False
    return feature not in rules.modifier_features or not any(
        _word_in(t, rules.agency_heads) for t in span.doc[span.end:last.i])


def _name_is_a_place(root, name, rules: RoleRules, label: str = "") -> bool:
    """Whether the longer name ``name`` (a Span) holding a toponym, whose head is ``root``, is used as a place: the
    object of one of ``locative_prepositions`` ("a scientist at [Colorado State University]", "in the [Dubai Turf]"),
    none of its words one of ``unlocated_name_words`` (media, documents: "in The New York Times", "in the Paris
    Agreement") and its entity label not one of ``unlocated_name_labels`` (GeoWebNews: Coercion, Embedded_Literal);
    a name ending in one of the ``facility_heads`` is left to the facility step, which lists it whole in place of the
    associative toponym inside (``Options.place_facilities``; "at the British Embassy in Tokyo")."""
    if name[-1].text in rules.facility_heads or root.text in rules.facility_heads:
        return False  # "at the British Embassy", "at Colorado State University": the facility step lists the whole name
    return root.dep_ == "pobj" and root.head.lower_ in rules.locative_prepositions \
        and label not in rules.unlocated_name_labels and not any(t.text in rules.unlocated_name_words for t in name)


def _holds(verb, rules: RoleRules) -> bool:
    """Whether ``verb`` (or the verb it carries on: "continued to [account] for") is one of ``holding_verbs``,
    whose subject is where something is or happens ("[Hawaii] has an aging population", "[Asia] accounted for
    64 percent of the new capacity"), not one who acts."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    return any(v.lemma_.lower() in rules.holding_verbs and _held(v, rules) for v in verbs)


def _held(verb, rules: RoleRules) -> bool:
    """Whether a holding verb has what is held: an object, or "for" ("accounted for 64 percent"); not "The
    United States had not, as of yesterday, [responded]" (an auxiliary left alone), nor an object of
    ``agent_objects``, which only one who acts has ("[Azerbaijan] has a track record", "[Dubai] has strategic goals")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(_word_in(o, rules.agent_objects) for o in objects):
        return False
    return bool(objects) or any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


def _word_in(tok, words: frozenset) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def organisation_pattern(rows: list):
    """A regex matching the names and aliases of ``data/actors/organisations.tsv`` (whole words, case-sensitive).

    rows (list[dict]): the table's rows (``canonical``, ``aliases`` '|'-separated).
    RETURNS (re.Pattern | None): None for an empty table.
    """
    names = set()
    for row in rows:
        for n in [row.get("canonical") or ""] + (row.get("aliases") or "").split("|"):
            n = n.strip()
            if len(n) >= 2:
                names.add(n)
    if not names:
        return None
    return re.compile(rf"(?<![\w.])(?:{_trie_alternation(names)})(?![\w])")


def _trie_alternation(names) -> str:
    """A regex matching any of ``names`` that prefers the longest, as the plain alternation of the
    names sorted longest first does, written as a trie: names sharing a prefix share one branch.

    At a position the plain alternation tries every name in turn (some thousands); the trie
    follows the characters, and backtracks from the longest name on its path to shorter ones
    when the rest of the pattern (the closing word boundary) fails, so both match the same text.
    names (iterable of str): non-empty strings. RETURNS (str): the regex source.
    """
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}  # a name ends here

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:  # after every longer continuation, the name ending here
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie)


def _literal_head(tok, rules: RoleRules) -> bool:
    return tok.lemma_.lower() in rules.literal_heads or tok.lower_ in rules.literal_heads


def assign_roles(doc, toponyms: list, rules: RoleRules, gaz=None, organisations=None) -> None:
    """Set ``role`` (and ``role_why``) on each :class:`Toponym` of ``doc`` (see the module docstring).

    gaz (Gazetteer | None): the gazetteer the toponyms were resolved against (their
        feature decides whether the modifier rule applies); None: it applies to all.
    organisations (re.Pattern | None): :func:`organisation_pattern`; a toponym inside the
        name of a known organisation ("G7", "Mercosur", "the Islamic State of Iraq and the
        Levant") is associative (``role_why = "organisation"``).
    """
    org_spans = [m.span() for m in organisations.finditer(doc.text)] if organisations is not None else []
    ents_by_token: dict = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            ents_by_token[k] = ent
    for t in toponyms:
        if t.how == "demonym":
            t.role, t.role_why = ASSOCIATIVE, "demonym"
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span) and (_modifies_a_place_noun(span, rules) or _in_a_named_place(span, rules)):
                t.role, t.role_why = LITERAL, ""  # "the [Syrian]-Turkish border", "[British] farms"
            continue
        if t.how == "dateline":  # where the story was filed: a place, whatever the parse makes of it
            t.role, t.role_why = LITERAL, ""
            continue
        if any(a <= t.start and t.end <= b for a, b in org_spans):
            t.role, t.role_why = ASSOCIATIVE, "organisation"
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span) and is_dateline(doc, span.start, span.end):
            t.role, t.role_why = LITERAL, ""  # "TORONTO —" tagged by the model: a dateline all the same
            continue
        feature = country = None
        if gaz is None:
            feature = next(iter(rules.modifier_features), None)
        elif t.entry is not None:
            feature, country = FEATURES[gaz.feature[t.entry]], gaz.country[t.entry] or None
        why = _why_associative(span, rules, ents_by_token, feature, t.how, country) if span is not None and len(span) else ""
        t.role, t.role_why = (ASSOCIATIVE, why) if why else (LITERAL, "")
    _qualifiers_follow(doc.text, toponyms)


def _qualifiers_follow(text: str, toponyms: list) -> None:
    """Give the qualifier of a toponym ("MANILA, [Philippines] -", "Tacoma, [Washington] shares tips",
    "a Pittsburgh, [Pennsylvania]-based company") the role of the toponym it qualifies: the two name one
    place, and the parse of the qualifier alone (the subject of "shares", a modifier) says nothing of it."""
    by_start = {t.start: t for t in toponyms}
    for t in toponyms:
        if not t.qualifier or t.how == "demonym":
            continue
        k = t.end
        while k < len(text) and text[k] in " ,":
            k += 1
        q = by_start.get(k)
        if q is not None and q.text == t.qualifier and q.how != "demonym" and "," in text[t.end:k]:
            q.role, q.role_why = t.role, t.role_why
