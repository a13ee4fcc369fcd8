"""Channels: 'According to ISNA, the prosecutor general, X, said ...' is X's statement, ISNA its channel.

Part of step 2 of the quotes stage (see :mod:`newsevents.quotes`). An "according to" phrase
(``phrases`` of cues.yaml) that modifies a clause whose verb is itself a verb of saying with a
subject of its own names the medium the statement came through (a news agency, a statement),
not the one who spoke: the clause's subject is the speaker (new-user trial 7: "According to
semi-official news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, said the 36
must face ..." gave ISNA as the speaker). Two forms:

- the parse hung the phrase on the verb and took the channel for the verb's subject, the
  phrase left without an object ('According to ISNA, the prosecutor general, X, said'):
  :func:`channel_subject` gives the apposition after the channel as the source;
- the parse is right: the phrase's attribution is dropped and the statement's kept
  (:func:`drop_channels`), where PolNeAR, which annotates no nested attributions, keeps the
  outer one; a journalist asking who said it wants the speaker. Not when the clause's subject is
  a noun of attribution itself ('According to reports, criticism within Serbia has said ...':
  "reports" is what the text gives, "criticism" names no one), and not for clauses of thinking
  or evidence ('According to the poll, voters believe ...': the poll is the source), and not
  when the statement's content is a thing, not a clause or quotation ('According to the filing,
  Ford disclosed the matter': the filing reports what Ford did).
"""
from __future__ import annotations

from typing import Optional

from .kinds import is_noun_phrase
from .spans import Attr, trim

#: cue kinds of a verb of saying whose subject speaks through the channel
SAYING_KINDS = ("speech", "statement")


def channel_subject(doc, subj, phrases) -> Optional[tuple]:
    """The speaker of a cue whose parsed subject is the object of a fronted "according to".

    subj (Token): the cue verb's subject; phrases (list[tuple[str, ...]]): the lexicon's phrase cues.
    RETURNS (tuple[Range, Token] | None): the apposition(s) after the channel ('the prosecutor
    general of Tehran, Ali Alghasi Mehr') and its head, or None when the form does not apply.
    """
    lo = subj.left_edge.i
    for phrase in phrases:
        n = len(phrase)
        if lo < n or tuple(t.lower_ for t in doc[lo - n:lo]) != phrase:
            continue
        if any(c.dep_ == "pobj" for c in doc[lo - 1].children):
            return None  # the phrase has its object: not this misparse
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
        if appos is None:
            return None
        rng = trim(doc, appos.left_edge.i, subj.right_edge.i + 1)
        return (rng, appos) if rng is not None else None
    return None


def drop_channels(lex, attrs: list[Attr]) -> list[Attr]:
    """Drop an "according to" attribution whose clause is a statement with its own speaker.

    lex (CueLexicon): the cue lexicon (``kinds``, ``nouns``, ``carriers``).
    attrs (list[Attr]): the article's attributions. RETURNS (list[Attr]): those kept, in order.
    """
    drop = set()
    for a in attrs:
        tok = a.cue_tok
        if a.origin != "phrase" or tok is None or a.content is None \
                or tuple(t.lower_ for t in tok.doc[tok.i:tok.i + 2]) not in lex.phrases:
            continue
        for b in attrs:
            v = b.cue_tok
            if b is a or v is None or b.origin != "parse" or b.source is None or b.src_head is None:
                continue
            if lex.kinds.get(lex.lemma(v)) not in SAYING_KINDS or not _governs(v, tok) \
                    or b.content is None or is_noun_phrase(v.doc, b.content):
                continue  # 'According to the filing, Ford disclosed the matter': the filing reports a deed
            head = b.src_head.lemma_.lower()
            if head in lex.nouns or head in lex.carriers:
                continue  # 'criticism within Serbia has said', 'a report said': no one named
            drop.add(id(a))
            break
    return [a for a in attrs if id(a) not in drop]


def _governs(verb, tok) -> bool:
    """True when ``verb`` is ``tok``'s head or an ancestor within its own clause."""
    t = tok
    for _ in range(10):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == verb.i:
            return True
        if t.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl", "parataxis") and t.i != verb.i:
            # 'The talks had failed, the minister said, according to Reuters': the phrase may hang on
            # the reported clause, whose cue verb governs it
            return t.head.i == verb.i
    return False
