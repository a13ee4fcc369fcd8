"""Documents as sources: 'the statement said', 'according to the filing', 'a whistle-blower complaint'.

Part of step 5 of the quotes stage (see :mod:`newsevents.quotes`). A document
(a noun of ``carriers`` in cues.yaml) speaks for whoever issued it. The issuer is
found, in this order, as:

* the subject of the verb whose object the document is, in the same clause
  ('Facebook released a statement which read ...', 'They released a statement which said');
* the issuer of an earlier document of the article: 'X filed a lawsuit ... The motion
  claims' (the same noun anywhere before, else the most recent document within a few
  sentences), or
  the speaker of an attribution made *in* such a document ('Ford said in a filing ...
  According to the filing');
* a document named after its author by a common noun is that author, described
  ('according to a whistle-blower complaint' -> 'a whistle-blower complaint').
"""
from __future__ import annotations

from typing import Optional

#: prepositions through which an attribution is made in a document ('said in a statement')
_IN_DOC = ("in", "through", "via")
#: how far back (in sentences) a document's issuer is remembered
LOOKBACK = 4


class Documents:
    """Documents issued in an article and their issuers.

    doc (spacy.tokens.Doc): the article. carriers (frozenset[str]): lemmas of document nouns.
    """

    def __init__(self, doc, carriers):
        self.carriers = carriers
        self.issued: list = []  # (char position, lemma, subject token) of 'X filed a motion'
        self.spoken_in: list = []  # (char position, lemma, Speaker) of 'X said in a filing'
        for tok in doc:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in carriers or tok.dep_ != "dobj":
                continue
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                self.issued.append((tok.idx, tok.lemma_.lower(), subj))

    def is_carrier(self, tok) -> bool:
        """True for a token naming a document or message ('statement', 'filing')."""
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in self.carriers

    def note_speech(self, cue_tok, sp) -> None:
        """Remember that an attribution with cue token ``cue_tok`` was made in a document by ``sp``."""
        if cue_tok is None or sp is None:
            return
        for c in cue_tok.children:
            if c.dep_ == "prep" and c.lower_ in _IN_DOC:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and self.is_carrier(pobj):
                    self.spoken_in.append((pobj.idx, pobj.lemma_.lower(), sp))

    def own_issuer(self, head) -> Optional[object]:
        """The subject of the verb whose object document ``head`` is ('Facebook released a statement').

        RETURNS (Token | None).
        """
        if head.dep_ != "dobj":
            return None
        return next((c for c in head.head.children if c.dep_ == "nsubj"), None)

    def earlier(self, ctx, head, pos: int):
        """The issuer of an earlier document that document ``head`` at ``pos`` is taken to be.

        RETURNS (tuple[str, object] | None): ("token", subject Token) or ("speaker", Speaker).
        """
        lemma = head.lemma_.lower()
        sent = ctx.sentence_index(pos)
        found = [(p, lem, ("token", s)) for p, lem, s in self.issued] + \
                [(p, lem, ("speaker", sp)) for p, lem, sp in self.spoken_in]
        found = [f for f in found if f[0] < pos]
        # the same noun anywhere before ('the filing' is the filing named before); another
        # document only within a few sentences ('X filed a lawsuit. The motion claims ...')
        same = [f for f in found if f[1] == lemma]
        near = [f for f in found if sent - ctx.sentence_index(f[0]) <= LOOKBACK]
        if not (same or near):
            return None
        return max(same or near, key=lambda f: f[0])[2]


def authored(head) -> bool:
    """True for a document named after its author by a common noun ('a whistle-blower complaint')."""
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children)
