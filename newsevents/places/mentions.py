"""More toponym mentions (step 1c of the places stage): a name's other mentions, list members, street
names, and (with ``Options.place_facilities``) facilities.

These rules run after :class:`~.recognise.Recogniser` has taken the NER and gazetteer toponyms:

* :func:`repeat_mentions`, one sense per discourse (Gale, Church and Yarowsky 1992, applied to
  toponyms as in Leidner's "Toponym Resolution in Text", 2007): once a name is a toponym of the
  article, its other capitalised mentions are too, where the parse left them out: at the start of a
  sentence or headline ("Gainesville residents march ... in Gainesville"), or inside an organisation's
  name ("the Embassy of the Republic of Armenia"; the role rules then make those associative, so a
  default run does not list them), or a mention the model tags PERSON on its own ("travelling to
  [Cirencester]", "[Samos]'s economy": the model takes an unfamiliar town for a surname) where it tags
  the name otherwise elsewhere and the mention is no bare subject ("Jackson was charged"). Left alone:
  mentions inside a longer PERSON entity ("George Washington"), inside an EVENT or number entity ("the
  Olympic Games"), a name that opens an organisation's name ("Buffalo
  Public Schools": LGL annotates those, GeoVirus does not), a one-word name that is also a word of a
  PERSON entity of two words or more ("Nelson" with "Nelson Mandela" named) or the bare subject of a
  verb ("Bell ran"), and a mention right after another
  capitalised word ("New Gainesville" is not "Gainesville" unless "New" opens the sentence).
* :func:`list_members`: the known members of a list headed by a toponym ("stops in Hilversum and
  [Almelo]"), which the model tags PERSON or nothing.
* :func:`road_numbers`: a numbered road ("on the A120", "the M25 southbound"; ``road_numbers`` of
  ``data/places/cues.yaml``), a street as well.
* :func:`possessor_prefix`: the town of an entity "<town>'s <street or building>" ("Harare's Third Street",
  "Derry's Altnagelvin Hospital"), which the model tags as one organisation.
* :func:`street_names`: a street, road or square is a run of capitalised words (or an ordinal:
  "Third", "5th") before one of ``street_types`` of ``data/places/cues.yaml`` ("Royal Street",
  "Wichita Drive", "Streatham High Road", "Trafalgar Square"). The gazetteer has no streets; the
  places stage puts a street at the nearest (in the text) city the article names
  (:func:`place_streets`), as it does a US county.
"""
from __future__ import annotations

import re

from .gazetteer import F_ADMIN2, F_CITY, F_LANDMARK
from .toponym import Toponym

__all__ = ["repeat_mentions", "list_members", "street_names", "road_numbers", "place_streets", "facility_mentions",
           "possessor_prefix", "STREET", "FACILITY", "CONJUNCT", "POSSESSOR"]

#: ``Toponym.how`` of a street name
STREET = "street"
#: ``Toponym.how`` of a member of a list headed by a toponym (:func:`list_members`)
CONJUNCT = "conjunct"
#: ``Toponym.how`` of the place opening an entity "<place>'s <street or building>" (:func:`possessor_prefix`)
POSSESSOR = "possessor"
#: ``Toponym.how`` of a facility named after "at" (:func:`facility_mentions`)
FACILITY = "facility"
#: the kinds placed at the nearest city of the article
_PLACED = (STREET, FACILITY)
#: NER labels whose spans never hold another mention of a place name ("the Olympic Games", "July 4")
_NO_REPEAT_LABELS = ("PERSON", "EVENT", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$|^(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)$")


_COMPASS = ("north", "south", "east", "west")
_POSSESSIVE = ("'s", "\u2019s")


def _cap(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def repeat_mentions(doc, found: list, taken: bytearray, stop: set, known, min_chars: int = 3) -> None:
    """Add the other mentions of the article's toponyms (see the module docstring) to ``found``.

    found (list[Toponym]): the toponyms so far; new ones (``how = "repeat"``) are appended.
    taken (bytearray): per token, 1 when an accepted toponym covers it; updated.
    stop (set[str]): lower-cased words that are never toponyms (``not_toponyms``).
    known (callable[str] -> bool): whether a name may be repeated: the recogniser passes "the gazetteer
        knows it and it is no nationality word" ("Canadian" is also a town in Texas).
    min_chars (int): shorter names are not repeated ("US" is left to the other rules).
    """
    person_words = {w.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for w in ent}
    names = {}
    for t in found:
        if t.how == "demonym" or len(t.text) < min_chars or t.text.lower() in stop or t.text.isupper():
            continue
        if not known(t.text) or (len(t.text.split()) == 1 and t.text in person_words):
            continue  # "Bell" the officer's suspect, "Noma" the witness
        names.setdefault(t.text.split()[0], set()).add(tuple(t.text.split()))
    if not names:
        return
    ent_of: dict = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            ent_of[k] = ent
    n = len(doc)
    # names the model tags something other than PERSON somewhere: only those are repeated into a PERSON
    # entity ("Levi" the dog, "Zara" the shop, PERSON at every mention, stay out)
    not_person = {doc[i].text for i in range(n) if doc[i].text in names and doc[i].ent_type_ != "PERSON"}
    for i in range(n):
        tok = doc[i]
        if taken[i] or tok.text not in names:
            continue
        for words in sorted(names[tok.text], key=len, reverse=True):
            j = i + len(words)
            if j > n or tuple(t.text for t in doc[i:j]) != words or any(taken[i:j]):
                continue
            ent = ent_of.get(i)
            if ent is not None and ent.label_ == "PERSON" and (ent.start, ent.end) == (i, j) \
                    and not _subject(doc[i]) and tok.text in not_person:
                pass  # "to Cirencester", "Samos's economy": the model's PERSON is the article's place
            elif ent is not None and (ent.label_ in _NO_REPEAT_LABELS or any(ent_of.get(k) is not ent for k in range(i, j))):
                break
            if ent is not None and ent.label_ == "ORG" and j < ent.end and (ent.start == i or (
                    ent.start == i - 1 and doc[i - 1].lower_ == "the")):
                break  # "Buffalo Public Schools": the gold sets disagree on a name that opens an organisation's
            if i > 0 and _cap(doc[i - 1]) and not doc[i - 1].is_sent_start and "\n" not in doc[i - 1].text_with_ws \
                    and doc[i - 1].lower_ != "the":
                break  # "New Gainesville", "Lake Dublin": part of another name
            if j < n and doc[j].text in ("-", "–") and j + 1 < n and _cap(doc[j + 1]) and ent is None:
                break  # "Watertown-Mayer": a hyphenated name
            if j == i + 1 and ent is None and _subject(doc[i]):
                break  # "Noma said": a one-word subject outside any entity reads as a person
            for k in range(i, j):
                taken[k] = 1
            found.append(Toponym(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), doc[i:j].text, "repeat"))
            break


def _subject(tok) -> bool:
    """A bare subject of a verb ("Noma said", "Bell ran", "Jackson was charged"): a one-word name there reads as a person."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")


def list_members(doc, found: list, taken: bytearray, blocked: bytearray, stop: set, known) -> None:
    """Add the gazetteer-known members of a list whose head member is a toponym ("stops in Hilversum
    and [Almelo]", "from Gloucester and [Cheltenham]", "Tamil Nadu, Karnataka, Kerala and
    [Puducherry]"), which the model tags PERSON or nothing (``how = "conjunct"``): a conjunct
    (``conj``) of a toponym's word, its compounds before it ("Marks Tey"), no word of an organisation's
    name, not followed by a verb (a subject the parse joined to the list: "met in Washington and Obama
    thanked them"). The recogniser drops again a member that is a word of a person's full name in the
    article.

    found (list[Toponym]): the toponyms so far; new ones are appended. taken (bytearray): per token, 1
    when an accepted toponym covers it; updated. blocked (bytearray): per token, 1 inside a non-place
    entity. stop (set[str]): ``not_toponyms``, lower-cased. known (callable[Span] -> bool): whether the
    span is a place's main name in the gazetteer.
    """
    place_tok: set = set()
    for t in found:
        if t.how != "demonym":
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                place_tok.update(range(span.start, span.end))
    if not place_tok:
        return
    for tok in doc:
        i = tok.i
        if tok.dep_ != "conj" or tok.head.i not in place_tok or taken[i] or not _cap(tok) \
                or tok.ent_type_ not in ("", "PERSON", "GPE", "LOC") \
                or (i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX")):
            continue  # "met in Washington and Obama thanked them": a misparsed subject
        a = i
        while a > 0 and doc[a - 1].dep_ == "compound" and doc[a - 1].head.i == i and _cap(doc[a - 1]) \
                and not taken[a - 1]:
            a -= 1
        span = doc[a:i + 1]
        if any(blocked[k] and doc[k].ent_type_ not in ("PERSON", "") for k in range(a, i + 1)) \
                or span.text.lower() in stop or not known(span):
            continue
        for k in range(a, i + 1):
            taken[k] = 1
        place_tok.update(range(a, i + 1))
        found.append(Toponym(span.start_char, span.end_char, span.text, CONJUNCT))


def street_names(doc, found: list, taken: bytearray, street_types: set, abbreviations: set,
                 max_words: int = 4, plurals=(), blocks=()) -> None:
    """Add street, road and square names (see the module docstring) to ``found``.

    street_types (set[str]): the type words, capitalised ("Street", "Road", "Square").
    abbreviations (set[str]): abbreviated type words ("St.", "Ave."), which count only when no
        capitalised word follows ("St. Louis" is a saint's town, "Memphis St." a street) or an ordinal
        stands before them ("arrested on 14th St. Thursday").
    plurals (set[str]): lower-cased plural type words ("streets"): each name of "<name> and <name> streets"
        is a street ("at the corner of [State] and [Hubbard] streets"; :func:`_street_pairs`), one no other rule
        took as a toponym already, never looked up in the gazetteer (``Toponym.lookup`` False: "Orange and
        White streets" are no towns).
    blocks (set[str]): the words of a house-number block ("block"): the capitalised name after "<number>
        block of" is a street ("the 500 block of [Jeffords]").
    A toponym inside the street's name ("Wichita" of "Wichita Drive") gives way to the street.
    """
    n = len(doc)
    for k in range(1, n):
        word = doc[k].text
        if word not in street_types and word not in abbreviations:
            continue
        if word in abbreviations and k + 1 < n and _cap(doc[k + 1]) and "\n" not in doc[k].text_with_ws \
                and not _ORDINAL.match(doc[k - 1].text):
            continue
        a = k
        while a > 0 and k - a < max_words and (_cap(doc[a - 1]) or _ORDINAL.match(doc[a - 1].text)) \
                and doc[a - 1].text not in street_types and "\n" not in doc[a - 1].text_with_ws:
            a -= 1
        if a < k and doc[a].lower_ == "the":
            a += 1  # "The Highway Patrol"
        if a == k or doc[a].text in street_types:
            continue
        ent = next((e for e in doc.ents if e.start <= k < e.end), None)
        if ent is not None and k + 1 < ent.end and _cap(doc[k + 1]) and doc[k + 1].lower_ not in _COMPASS:
            continue  # "Pleasant Lane School", "the National Highway Traffic Safety Administration"
        start, end = doc[a].idx, doc[k].idx + len(word)
        inner = [t for t in found if start <= t.start and t.end <= end]
        if any(taken[a:k + 1]) and len(inner) != sum(1 for t in found if t.start < end and t.end > start):
            continue  # overlaps a toponym that reaches outside the street's name
        for t in inner:
            found.remove(t)
        for q in range(a, k + 1):
            taken[q] = 1
        found.append(Toponym(start, end, doc[a:k + 1].text, STREET))
    for a, b in _street_pairs(doc, plurals, blocks, max_words):
        if any(taken[a:b]):
            continue  # a toponym already ("North Druid Hills and Clairmont roads": also context for the others)
        for q in range(a, b):
            taken[q] = 1
        found.append(Toponym(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), doc[a:b].text, STREET, lookup=False))


def _street_pairs(doc, plurals, blocks, max_words: int) -> list:
    """The token spans ``(start, end)`` of streets named without their type word: both names of "<name> and
    <name> streets" (``plurals``, lower-cased) and the name after "<number> <block> of" (``blocks``)."""
    n, out = len(doc), []

    def run_before(k):  # the capitalised (or ordinal) words ending at token k - 1
        a = k
        while a > 0 and k - a < max_words and (_cap(doc[a - 1]) or _ORDINAL.match(doc[a - 1].text)) \
                and "\n" not in doc[a - 1].text_with_ws:
            a -= 1
        return a

    for k in range(3, n):
        if doc[k].lower_ in plurals and doc[k].text[0].islower():
            b = run_before(k)
            if b == k or doc[b - 1].lower_ not in ("and", "&"):
                continue
            a = run_before(b - 1)
            if a < b - 1 and doc[a].lower_ != "the":
                out += [(a, b - 1), (b, k)]
        elif doc[k].lower_ == "of" and doc[k - 1].lower_ in blocks and doc[k - 2].like_num and k + 1 < n:
            e = k + 1
            while e < n and e - k <= max_words and _cap(doc[e]) and "\n" not in doc[e - 1].text_with_ws:
                e += 1
            if e > k + 1:
                out.append((k + 1, e))
    return out


def possessor_prefix(span, label: str, known, building_words, street_types, saints=()):
    """The place that opens an entity "<place>'s <street or building>" ("Harare's Third Street", "Derry's
    Altnagelvin Hospital", tagged as one ORG or FAC), or None: a name of at most three words that ``known``
    accepts (callable[Span] -> bool: a place's main name in the gazetteer), the possessive, then a capitalised
    name ending in one of ``street_types`` or ``building_words`` (``facility_heads`` of cues.yaml), or
    anything in a FAC entity (``label``). The role rules make the place literal and the places stage puts the
    street or building there. A name opening with one of ``saints`` ("St. Paul's Hospital") is the saint the
    building is dedicated to, not a town."""
    if span[0].text in saints:
        return None
    for m in (1, 2, 3):
        if m + 1 >= len(span):
            return None
        if span[m].lower_ in _POSSESSIVE:
            last = span[-1].text
            if (label == "FAC" or last in building_words or last in street_types) and _cap(span[m + 1]) \
                    and known(span[:m]):
                return span[:m]
            return None
    return None


def road_numbers(doc, found: list, taken: bytearray, pattern, prepositions, after) -> None:
    """Add numbered roads ("on the A120", "the M25 southbound", "via the A436, A40 and A429") to ``found``
    as streets (``how = "street"``), which :func:`place_streets` places at the nearest city.

    pattern (re.Pattern): a road number token; prepositions, after (set[str]): the cues of
    ``road_numbers`` in data/places/cues.yaml (see there), compared lower-cased.
    """
    n = len(doc)
    last_end = -1  # token index past the last road taken: later members of its list are roads too
    for k in range(n):
        tok = doc[k]
        if taken[k] or not pattern.match(tok.text):
            continue
        the = k > 0 and doc[k - 1].lower_ == "the"
        cued = (the and k > 1 and doc[k - 2].lower_ in prepositions) or (
            (the or (k > 0 and doc[k - 1].lower_ in prepositions)) and k + 1 < n and doc[k + 1].lower_ in after)
        listed = last_end >= 0 and all(doc[q].text in (",", "and", "or") for q in range(last_end, k)) and k > last_end
        if not (cued or listed):
            continue
        taken[k] = 1
        found.append(Toponym(tok.idx, tok.idx + len(tok.text), tok.text, STREET))
        last_end = k + 1


def facility_mentions(doc, toponyms: list, prepositions, labels, heads=(), head_prepositions=(),
                      max_words: int = 5) -> list:
    """Facilities used as locations, which GeoWebNews annotates (Coercion, Gritta et al. 2019);
    :func:`place_streets` places them at the nearest city of the article. Two kinds, overlapping no toponym:

    * an entity with one of ``labels`` (FAC, ORG) right after one of ``prepositions`` ("at"; an article
      between): "at Anfield", "at the National Concert Hall";
    * a run of capitalised words (possessives between: "Belfast Magistrate's Court") ending in one of
      ``heads``, the words that end a building's or venue's name ("Hospital", "Stadium", "Centre"),
      right after one of ``head_prepositions`` (an article between), whatever the model tagged it:
      "taken to Colchester Hospital", "in St George's Chapel", "from the South Kilburn Estate"; an
      associative toponym inside it ("accepted to [Florida] Atlantic University", "at the [British]
      Embassy") does not stop it, and gives way to it once it is placed (:func:`place_streets`).

    toponyms (list[Toponym]): the article's toponyms. heads (set[str]): compared case-sensitively.
    max_words (int): the most words of a name before its head.
    RETURNS (list[Toponym]): them and the facilities (``how = "facility"``), in text order.
    """
    out = list(toponyms)
    spans = []
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        span = ent[1:] if ent[0].lower_ == "the" else ent  # "the National Concert Hall": the name
        if len(span) and _after(doc, ent.start, prepositions):
            spans.append(span)
    n = len(doc)
    owners = _place_ends(doc, toponyms)
    for ent in doc.ents:
        if ent.label_ in labels and ent.start not in (s.start for s in spans) and _owned(doc, ent.start, owners) \
                and (ent.label_ == "FAC" or ent[-1].text in heads):
            spans.append(ent)  # "Seoul's Jamsil Stadium"
    n_named_from = len(spans)  # the spans after this one are named by their head word
    for k in range(1, n):
        if doc[k].text not in heads or (k + 1 < n and _cap(doc[k + 1]) and "\n" not in doc[k].text_with_ws):
            continue  # "Hospital Road", "Centre Court" go on
        a = k
        while a > 0 and k - a < max_words and "\n" not in doc[a - 1].text_with_ws and not _owned(doc, a, owners) and (
                (_cap(doc[a - 1]) and doc[a - 1].text not in heads) or doc[a - 1].text in _POSSESSIVE):
            a -= 1
        while a < k and not _cap(doc[a]):
            a += 1
        if a < k and doc[a].lower_ != "the" and (_after(doc, a, head_prepositions, 2) or _owned(doc, a, owners)):
            spans.append(doc[a:k + 1])
    seen = set()
    for x, span in enumerate(spans):
        named = x >= n_named_from
        if (span.start_char, span.end_char) in seen or any(
                t.start < span.end_char and span.start_char < t.end
                and not (named and t.role == "associative" and span.start_char <= t.start and t.end <= span.end_char)
                for t in out):
            continue
        seen.add((span.start_char, span.end_char))
        out.append(Toponym(span.start_char, span.end_char, span.text, FACILITY))
    out.sort(key=lambda t: t.start)
    return out


def _place_ends(doc, toponyms: list) -> set:
    """The token indices where a literal toponym of the article ends (nationality words aside)."""
    ends = set()
    for t in toponyms:
        if t.how != "demonym" and t.role != "associative":
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span):
                ends.add(span.end - 1)
    return ends


def _owned(doc, start: int, owners: set) -> bool:
    """Whether token ``start`` follows a possessive of a toponym ending in ``owners`` ("[Seoul]'s Jamsil Stadium")."""
    return start >= 2 and doc[start - 1].lower_ in _POSSESSIVE and start - 2 in owners


def _after(doc, start: int, prepositions, adjectives: int = 0) -> bool:
    """Whether one of ``prepositions`` stands right before token ``start`` (or before "the" there, and up to
    ``adjectives`` lower-case adjectives after "the": "over the spectacular Meydan Racecourse")."""
    k = start - 1
    while adjectives and k > 0 and doc[k].pos_ == "ADJ" and doc[k].text.islower():
        k, adjectives = k - 1, adjectives - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    elif k != start - 1:
        return False
    return k >= 0 and doc[k].lower_ in prepositions


def _own_town(gaz, name: str, towns: list, heads, min_pop: int):
    """The town whose name opens a venue's name ("Colchester" of "Colchester General Hospital"), or None: a
    city of that main name (the venue's first one or two words, the first no head word: not "University" of
    "University of Perpetual Help") that the article names elsewhere, else the most populous one of at least
    ``min_pop`` people in a country of the article's towns ``towns``."""
    words = name.split()
    if not words or words[0] in heads:
        return None
    named = {t.entry for t in towns}
    countries = {gaz.country[t.entry] for t in towns}
    for n in (2, 1):
        if len(words) <= n:
            continue
        cands = [i for i, primary in gaz.candidates(" ".join(words[:n])) if primary and gaz.feature[i] == F_CITY]
        if any(i in named for i in cands):
            return next(i for i in cands if i in named)
        cands = [i for i in cands if gaz.country[i] in countries and gaz.pop[i] >= min_pop]
        if cands:
            return max(cands, key=lambda i: gaz.pop[i])
    return None


def _main_town(towns: list):
    """The gazetteer entry of the city the article names most often (the first named of those tied), or None."""
    counts: dict = {}
    for t in towns:
        counts[t.entry] = counts.get(t.entry, 0) + 1
    return max(counts, key=counts.get) if counts else None


def place_streets(gaz, toponyms: list, facility_chars: int = 200, heads=(), min_pop: int = 100000) -> list:
    """Give each street (and facility) the point of the nearest (in the text) city or landmark the article names.

    A city whose name opens the street's ("Streatham" for "Streatham High Road") comes first; in an article
    naming no city, a literal US county stands for one ("at Kendale Lakes Elementary School in Miami-Dade
    County"). A facility is placed at a city named within ``facility_chars`` characters of it
    (``facility_town_chars`` of data/places/cues.yaml), or, failing that, at the city whose name opens
    its own (:func:`_own_town`; ``heads``: the facility head words, ``min_pop``: ``big_city_population`` of
    cues.yaml): "Colchester General Hospital" in an article naming English towns; or, a name with a head word
    ("Northwestern Memorial Hospital", "the University of Perpetual Help"), at the city the article names
    most often (:func:`_main_town`); else left out.

    A street has no gazetteer entry; ``Toponym.point`` and ``Toponym.near`` (the entry of the city it
    is placed at, which gives its country) are set when such a city is resolved.
    RETURNS (list[Toponym]): ``toponyms`` without the streets no city places (a street name alone
    gives no point: "Royal Street" is in dozens of towns), and without the associative toponyms
    inside a placed facility's name (:func:`facility_mentions`).
    """
    towns = [t for t in toponyms if t.entry is not None and t.how not in _PLACED
             and gaz.feature[t.entry] in (F_CITY, F_LANDMARK) and t.role != "associative"]
    towns = towns or [t for t in toponyms if t.entry is not None and t.how not in _PLACED
                      and gaz.feature[t.entry] in (F_CITY, F_LANDMARK)]
    towns = towns or [t for t in toponyms if t.entry is not None and t.how not in _PLACED
                      and gaz.feature[t.entry] == F_ADMIN2 and t.role != "associative"]
    for s in toponyms:
        if s.how not in _PLACED or s.entry is not None or not towns:
            continue
        own = [t for t in towns if s.text.startswith(t.text + " ")]  # "Streatham High Road" in Streatham
        c = min(own or towns, key=lambda t: abs(t.start - s.start))
        if s.how == FACILITY and not own and abs(c.start - s.start) > facility_chars:
            entry = _own_town(gaz, s.text, towns, heads, min_pop)
            if entry is None and any(w in heads for w in s.text.split()):
                entry = _main_town(towns)  # "pronounced dead at Northwestern Memorial Hospital" in a Chicago story
            if entry is None:
                continue  # a venue's town is named close by ("at Terra Kulture in Lagos") or not known
            s.near, s.point, s.resolved_by = entry, (gaz.lat[entry], gaz.lon[entry]), s.how
            continue
        s.near = c.entry
        s.point = c.point if c.point is not None else (gaz.lat[c.entry], gaz.lon[c.entry])
        s.resolved_by = s.how
    kept = [t for t in toponyms if t.how not in _PLACED or t.entry is not None or t.near is not None]
    venues = [t for t in kept if t.how == FACILITY]
    return [t for t in kept if not (t.role == "associative" and t.how != FACILITY and any(
        v.start <= t.start and t.end <= v.end for v in venues))]
