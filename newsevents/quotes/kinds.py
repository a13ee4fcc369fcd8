"""A quote's kind: direct, mixed, indirect, or stance (content that is a noun phrase, not a proposition).

PARC 3.0 and PolNeAR annotate as attributions whatever a source says, thinks or
evaluates, including a stance toward a thing named by a noun phrase ("USCIRF
criticized the move", "Macron called for G7 action", "Iran denied the
accusation"). Such a record tells who took a position on what, but not what was
said: a journalist asking "who said what" finds no statement in "the move". The
hand-made Wikinews expectations list quotations and reported statements
(clauses, quoted words), not these; 40 of the 62 emitted records they did not
list in the fourth quotes round had a noun phrase as content. So the records
stay (PolNeAR is scored on all of them) under their own kind, ``stance``.

A content is a noun phrase when, in the parse, exactly one of its words hangs
outside it, that word is a noun, proper noun, pronoun or number, and it has no
clausal complement inside the content (a that-clause, a to-infinitive, an
object predicate: 'the claim that X', 'the government to act', 'called her
party fascist' are propositions) and no finite verb outside a relative clause
nor a verb right after a proper noun read as its modifier (the small model reads
'said Adamowicz required resuscitation' as a noun phrase, "required" an adjective),
an adjective after its noun ('called its actions defensive', 'finds aspects of the
doctrine repugnant': small clauses) or an infinitive with its own subject ('called
for the zone for refugees to be set up'). A target with the reason for praise
('praised both leaders for their courage', new-user trial 7; verbs ``reason_stances`` of
cues.yaml) is a noun phrase too, unless the reason is a gerund ('praised him for refusing
to testify'); blame is not praise: 'blamed Israel for the attack' claims who did it. Quoted words make a content direct or mixed
whatever its form ('accused the network of "swindling"').
"""
from __future__ import annotations

from .spans import Range, word_chars

__all__ = ["quote_kind", "is_noun_phrase"]

#: dependents of a noun head that make its phrase a proposition
CLAUSAL = ("ccomp", "oprd", "xcomp", "acomp", "csubj")
NOMINAL_HEADS = ("NOUN", "PROPN", "PRON", "NUM")
#: the preposition of the reason for a stance after its target: 'praised X for their courage' (not a gerund:
#: 'praised X for refusing to testify' says X refused); the verbs are ``reason_stances`` of cues.yaml
REASON_PREPS = ("for",)
#: tags of finite verbs: a noun phrase holds one only inside a relative clause
FINITE = ("VBD", "VBZ", "VBP", "MD")


def _joined(doc, a, b) -> bool:
    """True when tokens ``a`` .. ``b`` are written without a space between them."""
    return all(not doc[k].whitespace_ for k in range(a.i, b.i))


def _in_relative(tok, head) -> bool:
    """True when ``tok`` is inside a relative or adnominal clause below ``head`` ('the framework that X
    has counseled', 'her husband, who was arrested')."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl"):
            return True
        t = t.head
    return False


def is_noun_phrase(doc, rng: Range, reason_verbs=frozenset()) -> bool:
    """True when the content at character range ``rng`` of ``doc`` is one noun phrase.

    doc (Doc): the parsed article. rng (tuple[int, int]): content characters.
    reason_verbs (frozenset[str]): cue lemmas whose target with a reason ('praised X for Y') is a noun phrase.
    RETURNS (bool): False for a clause, a gerund or infinitive phrase, a small clause
        ('Soleimani as a terrorist', 'her party fascist') or a range the parse cannot map.
    """
    span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    heads = [t for t in span if not (t.is_punct or t.is_space)
             and (t.head.i == t.i or not span.start <= t.head.i < span.end)]
    if len(heads) > 1 and all(_joined(doc, a, b) for a, b in zip(heads, heads[1:])):
        heads = heads[-1:]  # one hyphenated word the parser split ('anti-semitism')
    if len(heads) == 2 and heads[1].dep_ == "prep" and heads[1].lower_ in REASON_PREPS and heads[0].i < heads[1].i \
            and heads[1].head.lemma_.lower() in reason_verbs and any(g.dep_ == "pobj" and g.pos_ in NOMINAL_HEADS and g.tag_ != "VBG" for g in heads[1].children):
        heads = heads[:1]  # 'praised both leaders for their courage': a target and a thing, no proposition
    if len(heads) != 1:
        return False
    head = heads[0]
    if head.pos_ not in NOMINAL_HEADS or head.tag_ in ("VBG", "VBN"):
        return False
    if any(t.tag_ in FINITE and not _in_relative(t, head) for t in span):
        return False  # a finite verb of the content's own: a clause
    if any(t.pos_ == "VERB" and t.dep_ in ("amod", "compound") and t.i > span.start
           and t.nbor(-1).pos_ == "PROPN" for t in span):
        return False  # a clause the parser read as a noun phrase ('said [Adamowicz required resuscitation]')
    if any(t.pos_ == "ADJ" and t.dep_ in ("amod", "acl") and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN")
           for t in span):
        return False  # an adjective after its noun: a small clause ('called its actions defensive')
    if any(t.pos_ in ("VERB", "AUX") and any(g.dep_ == "aux" and g.lower_ == "to" for g in t.children)
           and any(g.dep_ in ("nsubj", "nsubjpass") for g in t.children) for t in span):
        return False  # an infinitive clause with its own subject ('the zone for refugees to be set up')
    for c in head.children:
        if not span.start <= c.i < span.end:
            continue
        if c.dep_ in CLAUSAL:
            return False
        if c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return False  # 'the government to reduce corruption'
        if c.dep_ in ("acl", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return False  # 'the claim that X' (parsed as a clause on the noun)
    return True


def quote_kind(doc, text: str, rng: Range, qspans, mixed: bool, reason_verbs=frozenset()) -> str:
    """The kind of the quote whose content is ``rng``.

    text (str): the document text; qspans (list[tuple[int, int]]): quotation spans;
    mixed (bool): the attribution holds a quotation elsewhere in its content.
    reason_verbs (frozenset[str]): see :func:`is_noun_phrase`.
    RETURNS (str): ``direct`` (90% of its word characters inside quotation marks),
        ``mixed`` (some), ``stance`` (none, and a noun phrase: :func:`is_noun_phrase`),
        else ``indirect``.
    """
    total = word_chars(text, rng)
    quoted = sum(word_chars(text, (max(rng[0], s), min(rng[1], e))) for s, e in qspans if s < rng[1] and e > rng[0])
    if total and quoted >= 0.9 * total:
        return "direct"
    if quoted or mixed:
        return "mixed"
    if is_noun_phrase(doc, rng, reason_verbs):
        return "stance"
    return "indirect"
