"""Speakers: the actor mention (from the actors stage) that a source span names.

Step 5 of the quotes stage (see :mod:`newsevents.quotes`).
"""
from __future__ import annotations

from typing import Optional

from ..records import Speaker
from .spans import Attr, doc_text


class ActorFinder:
    """Actor mentions by character range: ``ctx.shared['actors'].mentions_in`` or a scan of the records."""

    def __init__(self, ctx):
        shared = ctx.shared.get("actors")
        self._fn = None
        if shared is not None:
            fn = shared.get("mentions_in") if isinstance(shared, dict) else getattr(shared, "mentions_in", None)
            if callable(fn):
                self._fn = fn
        self._actors = sorted(ctx.analysis.actors, key=lambda m: m.evidence.start)

    def all(self) -> list:
        """RETURNS (list[Actor]): every mention of the article, in text order."""
        return self._actors

    def within(self, start: int, end: int) -> list:
        """RETURNS (list[Actor]): mentions inside characters [start, end), in text order."""
        if self._fn is not None:
            try:
                found = list(self._fn(start, end))
                return sorted(found, key=lambda m: m.evidence.start)
            except Exception:  # fall back to the records
                pass
        return [m for m in self._actors if start <= m.evidence.start and m.evidence.end <= end]


#: kinds of actor that can be a named speaker (a country name alone is a place or a generic state)
_NAMED_KINDS = ("person", "organisation", "media")
#: pronouns resolved to the nearest named person before them
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
#: heads whose named modifier speaks for them ('a spokesman for the ministry', 'a statement from X')
_PROXY_HEADS = {"spokesman", "spokeswoman", "spokesperson", "representative", "spokespeople", "official",
                "source", "sources", "aide", "lawyer", "attorney"}
#: nouns of organisations: 'the network' said -> the organisation named before
_ORG_NOUNS = {"company", "firm", "network", "group", "organisation", "organization", "agency", "ministry",
              "court", "broadcaster", "newspaper", "channel", "alliance", "coalition", "party", "union",
              "department", "commission", "committee", "office", "bank", "corporation", "council", "board",
              "team", "club", "university", "hospital", "charity", "station", "paper", "daily", "outlet",
              "administration", "government", "military", "army", "police", "embassy", "foundation",
              "institute", "association", "federation", "movement", "carrier", "airline", "manufacturer"}
#: how far back (in sentences) a description or document looks for the actor it stands for
_LOOKBACK = 4


def is_named(m) -> bool:
    """True for a mention of a named actor ('Chuck Schumer', 'Reuters'), not a generic one ('Russia (government)')."""
    return m.kind in _NAMED_KINDS and "(" not in m.canonical


def _from_mention(m) -> Speaker:
    return Speaker(canonical=m.canonical, mention=m.id, code=m.code, sector=m.sector)


def _described(ctx, a: Attr, m=None) -> Speaker:
    """The source's own words as the speaker ('Omsk hospital officials'), with the code of a generic mention."""
    src_text = doc_text(ctx.doc)[a.source[0]:a.source[1]].strip(" ,")
    if m is None:
        return Speaker(canonical=src_text, mention=None, code=None, sector=None)
    return Speaker(canonical=src_text, mention=m.id, code=m.code, sector=m.sector)


def _in_subtree(m, tok) -> bool:
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return lo <= m.evidence.start and m.evidence.end <= hi


def _before(ctx, actors, pos: int, want) -> Optional[object]:
    """The nearest named mention before character ``pos``, within :data:`_LOOKBACK` sentences, passing ``want``."""
    sent = ctx.sentence_index(pos)
    for m in reversed(actors):
        if m.evidence.start >= pos:
            continue
        if sent - ctx.sentence_index(m.evidence.start) > _LOOKBACK:
            break
        if is_named(m) and want(m):
            return m
    return None


def _is_description(m) -> bool:
    """True for a mention worded as a description ('the prime minister', 'officials'), not a name."""
    words = m.text.split()
    return not words or words[0].lower() in ("the", "a", "an", "this", "that", "its", "their") or not words[0][:1].isupper()


def _set_off_person(text: str, source, named) -> Optional[object]:
    """A named person set off by a comma at either end of the source, whatever the parse.

    'The prime minister, Boris Johnson' / 'Speaking to AFP, the president of the league,
    Jamel Msallem' (last) and 'Alexis Boon, the head of the command' (first): the person
    is the speaker, not an organisation named in the description. RETURNS (Actor | None).
    """
    persons = [m for m in named if m.kind == "person"]
    if not persons:
        return None
    last = persons[-1]
    # the name itself: an evidence may hold the title too ('prime minister, Boris Johnson')
    ev = text[last.evidence.start:last.evidence.end]
    start = last.evidence.end - len(last.text) if last.text and ev.endswith(last.text) else last.evidence.start
    if not text[last.evidence.end:source[1]].strip(" ,") and text[:start].rstrip().endswith(","):
        return last
    first = persons[0]
    if not text[source[0]:first.evidence.start].strip() and text[first.evidence.end:source[1]].lstrip().startswith(","):
        return first
    return None


def speaker(ctx, a: Attr, finder, by_head, history, carriers=frozenset()) -> Optional[Speaker]:
    """The speaker of attribution ``a``: a named actor whenever the article names one.

    A short name of an organisation ('Ford') becomes the full name the article gives
    elsewhere ('Ford Motor Company'), as a surname becomes the person's full name.

    finder (ActorFinder): actor mentions by range. by_head (dict): 'the ministry' -> the
    speaker it resolved to earlier in the article. history (list[tuple[int, Speaker]]): named
    speakers of earlier attributions with their positions (a document as source: 'the statement
    read' is the one who spoke before). carriers (frozenset[str]): nouns of documents and
    messages (cues.yaml). RETURNS (Speaker | None).
    """
    sp = _speaker(ctx, a, finder, by_head, history, carriers)
    if sp is not None and sp.mention is not None:
        return _full_name(sp, finder.all())
    return sp


def _full_name(sp: Speaker, actors) -> Speaker:
    m = next((m for m in actors if m.id == sp.mention), None)
    if m is None or m.kind not in ("organisation", "media") or not is_named(m):
        return sp
    longer = [o for o in actors if o.kind == m.kind and is_named(o)
              and o.canonical.startswith(m.canonical + " ") and o.canonical[len(m.canonical) + 1:][:1].isupper()]
    return _from_mention(max(longer, key=lambda o: len(o.canonical))) if longer else sp


def _speaker(ctx, a: Attr, finder, by_head, history, carriers) -> Optional[Speaker]:
    if a.source is None:
        return None
    head = a.src_head
    mentions = finder.within(*a.source)
    named = [m for m in mentions if is_named(m)]
    text = doc_text(ctx.doc)
    if head is None:
        return _from_mention(named[0]) if named else (_from_mention(mentions[0]) if mentions else _described(ctx, a))
    h0, h1 = head.idx, head.idx + len(head.text)
    at_head = next((m for m in mentions if m.evidence.start <= h0 and h1 <= m.evidence.end), None)
    low = head.lower_
    lemma = head.lemma_.lower()
    # 'The Senate Minority Leader, Chuck Schumer' / 'the prosecutor general of Cairo, Hamada el-Sawy'
    appos = [m for c in head.children if c.dep_ == "appos" for m in named if _in_subtree(m, c)]
    actors = finder.all()
    set_off = _set_off_person(text, a.source, named)
    if set_off is not None and (at_head is None or _is_description(at_head)):
        # 'The prime minister, Boris Johnson': the name given beats the title's resolution
        return _from_mention(set_off)
    if at_head is not None and is_named(at_head) and at_head.canonical != head.text:
        return _from_mention(at_head)
    if at_head is None or at_head.canonical == head.text:
        if head.text[:1].isupper() and head.pos_ in ("PROPN", "NOUN"):
            # a surname alone ('Reyes said'): the full name given earlier
            full = _before(ctx, actors, a.source[0],
                           lambda m: m.kind == "person" and m.canonical.split()[-1:] == [head.text]
                           and m.canonical != head.text)
            if full is not None:
                return _from_mention(full)
        if at_head is not None:
            return _from_mention(at_head)
    # a name before its kind: 'the China Daily newspaper' (not a possessor: 'Navalny's associates')
    appos += [m for m in named if at_head is None and not text[m.evidence.end:h0].strip()]
    if appos:
        return _from_mention(appos[0])
    if at_head is None and low in _PERSON_PRONOUNS:
        m = _before(ctx, actors, a.source[0], lambda m: m.kind == "person")
        if m is not None:
            return _from_mention(m)
    head_key = lemma if head.pos_ == "NOUN" else None
    definite = any(c.lower_ in ("the", "this", "that", "its", "their") for c in head.children)
    carrier = head_key is not None and lemma in carriers
    if head_key in _PROXY_HEADS or carrier:
        if named:  # 'a spokesman for Facebook', 'a statement from the ministry'
            return _from_mention(named[0])
    if carrier and (definite or not mentions or any(c.lower_ in ("a", "an") for c in head.children)):
        # 'the statement read', 'a statement said': whoever issued it, named just before
        for pos, sp in reversed(history):
            if pos < a.source[0] and ctx.sentence_index(a.source[0]) - ctx.sentence_index(pos) <= _LOOKBACK:
                return sp
        m = _before(ctx, actors, a.source[0], lambda m: m.kind != "person")
        if m is not None:
            return _from_mention(m)
    if head_key and definite and (at_head is None or at_head.kind == "person"):
        if head_key in by_head:
            return by_head[head_key]
        # 'the archbishop', 'the ministry': the named actor before whose name or title says so
        def fits(m, word=low):
            window = text[max(0, m.evidence.start - 60):m.evidence.end + 60].lower()
            return word in m.canonical.lower() or word in window
        m = _before(ctx, actors, a.source[0], fits)
        if m is None and lemma in _ORG_NOUNS:
            m = _before(ctx, actors, a.source[0], lambda m: m.kind in ("organisation", "media"))
        if m is not None:
            sp = _from_mention(m)
            by_head.setdefault(head_key, sp)
            return sp
    if at_head is not None:
        return _described(ctx, a, at_head)  # 'Omsk hospital officials': no name, the description
    if head.pos_ == "PROPN":
        return _described(ctx, a) if not named else _from_mention(named[0])
    if head.pos_ == "PRON" and named:
        return _from_mention(named[0])
    if mentions and head.pos_ != "NOUN":
        return _from_mention(named[0] if named else mentions[0])
    return _described(ctx, a, mentions[0] if mentions and not is_named(mentions[0]) else None)
