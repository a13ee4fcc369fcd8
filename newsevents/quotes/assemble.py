"""Assembly: attributions -> :class:`~newsevents.records.Quote` records with kind, evidence and speaker."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..records import Evidence, Quote, Speaker
from .coref import Antecedents
from .documents import Documents
from .groups import group_speaker
from .interview import Interview
from .kinds import quote_kind
from .speakers import ORG_NOUNS, ActorFinder, Memory, is_named, speaker
from .spans import Attr, Range, doc_text, subtree_range, trim


def records(ctx, attrs: list[Attr], qspans, carriers=frozenset(), group_nouns=frozenset(),
            reason_verbs=frozenset(), lex=None) -> list[Quote]:
    """The Quote records of attributions ``attrs`` (step 5 and assembly).

    carriers, group_nouns, reason_verbs (frozenset[str]): the lexicon's lists of those names;
    lex (CueLexicon | None): for the lists of pronoun antecedents and issuers (none without it).
    RETURNS (list[Quote]): in text order, ids from ``ctx``.
    """
    text = doc_text(ctx.doc)
    finder = ActorFinder(ctx)
    named_ids = {m.id for m in finder.all() if is_named(m)}
    interview = Interview(text, finder.all())
    pieces = []
    for a in attrs:
        for rng in [a.content] + a.parts:
            pieces.append((rng, a))
    ante = Antecedents(ctx, finder.all(), is_named, skip=list(qspans) + [p[0] for p in pieces],
                       org_nouns=ORG_NOUNS, carriers=carriers,
                       people=lex.they_plurals if lex is not None else frozenset(),
                       collectives=lex.they_collectives if lex is not None else frozenset())
    persons = [m for m in finder.all() if m.kind in ("person", "organisation") and is_named(m)]
    ante.group_of = lambda tok: group_speaker(text, tok, subtree_range_chars(tok), persons, group_nouns)
    mem = Memory(carriers=carriers, ante=ante, documents=Documents(ctx.doc, carriers), group_nouns=group_nouns,
                 relatives=lex.issuer_relatives if lex is not None else frozenset())
    pieces.sort(key=lambda p: p[0][0])
    out: list[Quote] = []
    speakers: dict[int, Optional[Speaker]] = {}
    by_id = {m.id: m for m in finder.all()}
    for rng, a in pieces:
        if id(a) not in speakers:
            sa = replace(a, source=a.named) if a.named else a  # 'X, who said': X names the speaker
            sp = speakers[id(a)] = interview.resolve(
                text, sa.source, speaker(ctx, sa, finder, mem))
            if sp is not None and sp.mention in named_ids and sa.source:
                mem.history.append((sa.source[0], sp))
            ante.add(sa.source, sa.src_head, sp)
            mem.documents.note_speech(a.cue_tok, sp)
        if a.evidence_object and _person_at_head(a, speakers[id(a)], by_id):
            continue  # 'Trump has shown little hesitation': a person showing a thing does it
        kind = "direct" if a.verbatim else quote_kind(ctx.doc, text, rng, qspans, a.mixed and rng == a.content,
                                                              reason_verbs)
        if a.source is None and kind in ("indirect", "stance"):
            kind = "unsourced"  # 'X is believed to remain', 'X faced criticism for Y': no one is quoted
        out.append(Quote(id=ctx.new_id("Q"), kind=kind,
                         cue=evidence(ctx, text, a.cue) if a.cue else None,
                         source=evidence(ctx, text, a.source) if a.source else None,
                         content=evidence(ctx, text, rng), speaker=speakers[id(a)]))
    return out


def _person_at_head(a: Attr, sp: Optional[Speaker], by_id: dict) -> bool:
    """True when the source's own head is a person: a personal pronoun resolved to one, or the person's name
    ('Trump has shown', 'He showed'), not a document by a person ('a study by Justin Levitt shows')."""
    m = by_id.get(sp.mention) if sp is not None and sp.mention else None
    head = a.src_head
    if m is None or m.kind != "person" or head is None:
        return False
    return head.lower_ in ("he", "she", "i", "we", "you") or m.evidence.start <= head.idx < m.evidence.end


def evidence(ctx, text: str, rng: Range) -> Evidence:
    return Evidence(sentence=ctx.sentence_index(rng[0]), start=rng[0], end=rng[1], text=text[rng[0]:rng[1]])


def subtree_range_chars(tok) -> Range:
    """RETURNS (Range): the characters of ``tok``'s subtree, trimmed (a description subject as a source)."""
    lo, hi = subtree_range(tok)
    return trim(tok.doc, lo, hi) or (tok.idx, tok.idx + len(tok.text))
