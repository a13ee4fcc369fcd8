"""Possessors in a document source: whose document it is, and who issued it.

Part of step 5 of the quotes stage (see :mod:`newsevents.quotes`), used by :mod:`.speakers` for a source
headed by a document noun ('its website notes', 'a statement released by her family'). Two classes from
new-user trial 10:

* a possessive pronoun the actors stage left unresolved ('its', 'their', 'his', 'her') stands for the
  actor it refers to: the subject before it in its own sentence, else the antecedent found as for a
  pronoun source (:class:`.coref.Antecedents`). "its website notes" after 'the National Transportation
  Safety Board ... was absent. It is unable ...' is the Board's, never the person who spoke last; an
  "its" that refers to no one names no person;
* a document issued by a person's family, lawyers or campaign (cues.yaml ``issuer_relatives``: 'a statement
  released by her family', 'a letter from Smith's lawyers') is theirs, not the person's: the speaker is
  "Kay Hagan's family", coded as the person (as :mod:`.speakers` does for "his lawyers said"). A person's
  office speaks for the person ('a statement released by Erdogan's office': Erdoğan).
"""
from __future__ import annotations

from typing import Optional

from ..records import Speaker
from .coref import PRONOUN_WORDS
from .spans import doc_text, subtree_range, trim

#: possessive pronouns -> the pronoun source they resolve like
_POSSESSIVE = {"its": "it", "their": "they", "his": "he", "her": "she"}


def pronoun_owner(ctx, head, source, mentions, ante) -> Optional[Speaker]:
    """The actor a possessive pronoun on a document noun refers to ('its website', 'their statement').

    head (Token): the source's head noun. source (Range): the source span. mentions (list[Actor]): the
    mentions inside the source. ante (Antecedents | None): see :mod:`.coref`.
    RETURNS (Speaker | None): the antecedent's speaker; for "its" with no antecedent the source's own
    words with no mention (a thing's document names no person); None when the head has no possessive
    pronoun, or the actors stage already resolved it (a mention covers it: that mention speaks).
    """
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE), None)
    if poss is None or any(m.evidence.start <= poss.idx < m.evidence.end for m in mentions):
        return None
    subj = _sentence_subject(poss)
    if subj is not None and subj.lower_ not in PRONOUN_WORDS:
        return _subject_speaker(subj, ctx.analysis.actors)
    sp = ante.resolve(poss.idx, _POSSESSIVE[poss.lower_]) if ante is not None else None
    if sp is not None:
        return sp
    if poss.lower_ == "its":
        text = doc_text(ctx.doc)
        return Speaker(canonical=text[source[0]:source[1]].strip(" ,"), mention=None, code=None, sector=None)
    return None


def _sentence_subject(poss):
    """The nearest subject before possessive pronoun ``poss`` in its sentence that agrees with it
    ("Scott's relatives watched the videos, according to their attorneys": the relatives), or None."""
    want = poss.lower_
    for tok in reversed(list(poss.sent[:poss.i - poss.sent.start])):
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
        if tok.lower_ in PRONOUN_WORDS:
            return tok if _PRONOUN_AGREES.get(tok.lower_) == want else None
        if want == "their" and plural or want == "its" and not plural and tok.ent_type_ != "PERSON" \
                or want in ("his", "her") and tok.ent_type_ == "PERSON":
            return tok
        return None  # the nearest subject does not agree: leave it to the antecedents before
    return None


#: subject pronouns and the possessive that refers back to them
_PRONOUN_AGREES = {"it": "its", "they": "their", "he": "his", "she": "her"}


def _subject_speaker(subj, actors) -> Speaker:
    """The named actor at subject ``subj``, else its words as a description."""
    m = next((m for m in actors if m.evidence.start <= subj.idx < m.evidence.end), None)
    if m is not None and "(" not in m.canonical:
        return Speaker(canonical=m.canonical, mention=m.id, code=m.code, sector=m.sector)
    lo, hi = subtree_range(subj)
    rng = trim(subj.doc, lo, hi) or (subj.idx, subj.idx + len(subj.text))
    words = doc_text(subj.doc)[rng[0]:rng[1]]
    return Speaker(canonical=words, mention=m.id if m else None, code=m.code if m else None,
                   sector=m.sector if m else None)


def issuer_relative(text: str, head, named, relatives) -> Optional[Speaker]:
    """The relatives or staff of a named person who issued a document ('a statement released by her family').

    head (Token): the source's head, a document noun. named (list[Actor]): named mentions in the source.
    relatives (frozenset[str]): cues.yaml ``issuer_relatives``.
    RETURNS (Speaker | None): "<person>'s <noun>" with the person's code, when a named person is the
    possessor of such a noun in the document's by/from phrase; None otherwise ('her statement',
    "Smith's letter": the possessor issued it; "Erdogan's office": the office speaks for him).
    """
    for m in named:
        if m.kind != "person":
            continue
        tok = next((t for t in head.doc if m.evidence.start <= t.idx < m.evidence.end and t.dep_ == "poss"), None)
        if tok is None or not _possessor_word(text, m, tok):
            continue
        noun = tok.head
        if noun.i == head.i or noun.lower_ not in relatives or not _issues(noun, head):
            continue
        return Speaker(canonical=f"{m.canonical}'s {noun.text}", mention=None, code=m.code, sector=None)
    return None


def _possessor_word(text: str, m, tok) -> bool:
    return tok.lower_ in PRONOUN_WORDS or text[m.evidence.end:m.evidence.end + 2] in ("'s", "’s") \
        or text[m.evidence.end - 2:m.evidence.end] in ("'s", "’s")


def _issues(noun, head) -> bool:
    """True when ``noun`` is the object of a by/from phrase on ``head`` or on a participle of it
    ('a statement released by her family', 'a letter from his lawyers')."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("by", "from"):
        return False
    up = prep.head
    if up.i == head.i:
        return True
    return up.dep_ == "acl" and up.head.i == head.i
