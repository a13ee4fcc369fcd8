"""Countries: country names, capitals, nationality words and shorthands in actor slots.

'Seoul said' -> '<country> (government)' GOV; 'Pyongyang and Washington' in an actor
slot -> the countries; 'the Americans' -> '<country> (people)'; an ethnic group ('ethnic
Albanians in south Serbia', 'the Albanians of southern Serbia') -> the civilians of the country
where it lives (rules.yaml ``ethnic_words``); a shorthand ('the
Koreas', ``shorthands.tsv``) -> its countries where its context holds. A country word
modifying a weapon or vehicle ('Israeli tanks', rules.yaml ``instrument_nouns``) stands
for the country's military. Never 'in Seoul' (a place) nor 'South Korean officials' (a
modifier of another head).
"""
from __future__ import annotations

from typing import Optional

from ..tables import Entry
from .persons import _person_mention, surname_of_person_before
from .state import ArticleState, Item, Mention, _add
from .syntax import _is_noun_modifier, _span_root, _text, actor_position


def _modifies_instrument(doc, item: Item, rules: dict) -> bool:
    """True when the item modifies a weapon or vehicle noun that stands for its operators
    ('army bulldozers', 'Israeli tanks'; rules.yaml ``instrument_nouns``)."""
    t = doc[item.end - 1]
    return t.dep_ in ("compound", "amod", "nmod") and t.head.i >= item.end \
        and t.head.lower_ in rules.get("instrument_nouns", ())


def _instrument_mention(st: "ArticleState", it: Item, entry: Optional[Entry], how: str) -> bool:
    """'Israeli tanks shelled ...', 'a United States airstrike': a country word modifying a weapon,
    vehicle or attack noun (rules.yaml ``instrument_nouns``) stands for the country's military,
    unless an agent noun comes between ('Israeli army tanks': the army is the actor); with a
    civilian word before the noun ('a Ukrainian passenger jet', rules.yaml
    ``civilian_instrument_words``) it stands for the country's civilians instead.
    RETURNS (bool): True when the mention was added."""
    doc, rules = st.doc, st.kb.rules
    if entry is None or not _modifies_instrument(doc, it, rules) or any(
            st.item_at.get(k) is not None and st.item_at[k].kind == "agent"
            for k in range(it.end, doc[it.end - 1].head.i + 1)):
        return False
    name = st.kb.country_name(entry.value) or entry.value
    label = rules.get("instrument_label", "military")
    sector, kind = rules.get("instrument_sector") or None, "organisation"
    noun = doc[it.end - 1].head
    if any(c.lower_ in rules.get("civilian_instrument_words", ()) for c in noun.children if c.i < noun.i):
        # 'a Ukrainian passenger jet', 'an Iranian cargo ship': the country's civilians, not its military
        label, sector = rules.get("civilian_instrument_label", "civilians"), rules.get("civilian_instrument_sector") or None
        kind = "group"
    _add(st, Mention(it.start, it.end, it.start, it.end, _text(doc, it.start, it.end),
                     f"{name} ({label})", code=entry.value, sector=sector, kind=kind, resolved_by=how))
    return True


def _country_mentions(st: ArticleState, item: Item, codes, resolved_by: str, text: str,
                      suffix: Optional[str] = None, sector: Optional[str] = None) -> None:
    for iso in codes:
        name = st.kb.country_name(iso) or iso
        canonical = f"{name} ({suffix})" if suffix else name
        _add(st, Mention(item.start, item.end, item.start, item.end, text, canonical, code=iso, sector=sector,
                         kind="country", resolved_by=resolved_by))


def recognise_country(st: ArticleState, it: Item) -> None:
    """A country name or capital (``it.kind``): the country (a capital: its government) when
    it fills an actor slot; the surname of a person named before ('Sudesh Amman ... Amman')
    is that person."""
    doc, rules, kind = st.doc, st.kb.rules, it.kind
    if surname_of_person_before(st, it):
        # 'Sudesh Amman ... Amman had scrawled': the surname of a person named before,
        # not the capital; resolved to that person by coreference (short names)
        _add(st, _person_mention(st, Item(it.start, it.end, "ner_person"), None))
        return
    if st.longer_place(it) is not None:
        return  # 'New Jersey', 'New Mexico': a longer place name around the country's, elsewhere
    if kind == "country" and _instrument_mention(st, it, it.first("country"), "country-name"):
        return  # 'a United States airstrike', 'US missiles': the country's military
    if _is_noun_modifier(doc, it):
        return
    root = _span_root(doc, it.start, it.end)
    if not actor_position(root, rules):
        return
    e = it.first(kind)
    text = _text(doc, it.start, it.end)
    if kind == "capital":
        _country_mentions(st, it, [e.value], "capital", text, suffix="government", sector="GOV")
    else:
        _country_mentions(st, it, [e.value], "country-name", text)


def recognise_nationality(st: ArticleState, it: Item) -> None:
    """A demonym or nationality adjective: the country's military before a weapon noun; a
    demonym noun in an actor slot is a person ('an American') or the people ('Americans')."""
    doc, kb, rules = st.doc, st.kb, st.kb.rules
    e = it.first("demonym")
    if _instrument_mention(st, it, it.first("adjective") or it.first("demonym"), "demonym"):
        return
    if e is None or _is_noun_modifier(doc, it):
        return
    root = _span_root(doc, it.start, it.end)
    if root.pos_ not in ("NOUN", "PROPN") or not actor_position(root, rules):
        return
    plural = root.tag_ in ("NNS", "NNPS") or root.text.endswith("s")
    text = _text(doc, it.start, it.end)
    if is_ethnic(st, root) or (plural and _lives_in(st, root, e.value, ("of",))):
        # 'ethnic Albanians in south Serbia', 'the Albanians of southern Serbia': the civilians of the
        # country where they live, not of the nation-state their name is from
        where = _lives_in(st, root, e.value, ("of", "in")) or ethnic_home(st, root, e.value)
        label = f"ethnic {text}" if not text.lower().startswith("ethnic") else text
        name = kb.country_name(where) if where else None
        _add(st, Mention(it.start, it.end, it.start, it.end, text, f"{name} ({label})" if name else label,
                         code=where, sector="CVL", kind="group" if plural else "person", person=not plural,
                         resolved_by="demonym"))
        return
    name = kb.country_name(e.value) or e.value
    _add(st, Mention(it.start, it.end, it.start, it.end, text, f"{name} (people)" if plural else text,
                     code=e.value, kind="group" if plural else "person", person=not plural,
                     resolved_by="demonym"))


def is_ethnic(st: ArticleState, head) -> bool:
    """Whether an 'ethnic' word (rules.yaml ``ethnic_words``) modifies the noun ``head`` ('ethnic
    Albanians', 'ethnic Albanian guerrillas'). RETURNS (bool)."""
    words = st.kb.rules.get("ethnic_words", ())
    left = [c for c in head.children if c.i < head.i and c.dep_ in ("amod", "compound", "nmod")]
    # 'ethnic' on the noun, or on the nationality word before it ('ethnic Albanian guerrillas')
    return any(c.lower_ in words or any(g.dep_ in ("amod", "advmod") and g.lower_ in words for g in c.children)
               for c in left)


def _lives_in(st: ArticleState, head, own: str, preps: tuple) -> Optional[str]:
    """The one country other than ``own`` named in the 'of'/'in' phrase of ``head`` ('Albanians of
    southern Serbia'). RETURNS (str | None)."""
    from .modifiers import right_countries

    codes = [c for c in right_countries(st, head, preps) if c != own]
    return codes[0] if len(codes) == 1 else None


def ethnic_home(st: ArticleState, head, own: Optional[str]) -> Optional[str]:
    """The country an ethnic group named by ``head`` lives in when its own words name none: the only
    country of its sentence other than ``own`` (the group's name) and the destinations ('Up to 100
    ethnic Albanians demonstrated in Serbia': SRB; '... to send them back to Bulgaria' is no home).
    RETURNS (str | None): None for none or several."""
    sent = st.sent_of[head.i]
    codes = set(st.geo_sent.get(sent, ())) - set(st.dest_sent.get(sent, ())) - {own}
    return next(iter(codes)) if len(codes) == 1 else None


def recognise_shorthand(st: ArticleState, it: Item) -> None:
    """A shorthand of ``shorthands.tsv`` ('the Koreas'): the countries of its first row whose
    conditions hold (a 'the' before it where ``needs_the``; its context codes in the article)."""
    doc, kb = st.doc, st.kb
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
        return
    ev_start = it.start - 1 if chosen.get("needs_the") == "yes" else it.start
    for iso in chosen["code_list"]:
        name = kb.country_name(iso) or iso
        _add(st, Mention(it.start, it.end, ev_start, it.end, text, name, code=iso, kind="country",
                         resolved_by="country-name"))
