"""Cue words that report no attribution in their context: the means of an act, a gloss, an outcome.

Part of step 2 of the quotes stage (see :mod:`newsevents.quotes`), read by :mod:`.parse`. Each test
takes the :class:`~newsevents.quotes.cues.CueLexicon` (lists ``means_preps``, ``gloss_verbs`` and
``outcome_verbs`` of ``data/quotes/cues.yaml``) and a cue token; new-user trial 8 (notes/trial8.md, 1.7).
"""
from __future__ import annotations

__all__ = ["means_not_said", "gloss", "outcome", "acts_on", "reports_nothing"]


def means_not_said(lex, prep) -> bool:
    """True when preposition ``prep`` after a cue opens the means of an act, not what was said.

    'Some protesters responded by throwing things': a gerund after "by" (``means_preps``) is how they
    responded. It is content when it is a cue itself ('responded by saying ...', left to that cue) or
    holds a clause ('responded by using the example of Chicago to prove that ...', PolNeAR dev).
    RETURNS (bool).
    """
    if prep.lower_ not in lex.means_preps:
        return False
    pcomp = next((g for g in prep.children if g.dep_ == "pcomp"), None)
    if pcomp is None or pcomp.tag_ != "VBG":
        return False
    return not lex.frames(pcomp) and not any(t.dep_ == "ccomp" for t in pcomp.subtree)


def gloss(lex, v, children) -> bool:
    """True for a cue verb saying what a word denotes: 'The White House refers to the president's office'.

    A lemma of ``gloss_verbs`` in the simple present (no auxiliary), with no "as" after it ('He refers
    to himself as ...' is a characterisation). RETURNS (bool).
    """
    if lex.lemma(v) not in lex.gloss_verbs or v.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in children):
        return False
    return not any(t.lower_ == "as" for t in v.subtree if t.i > v.i)


def outcome(lex, v) -> bool:
    """True for a gerund cue that is what an act achieved: 'succeeded only in underlining the discord'.

    The gerund hangs on "in" of a verb of ``outcome_verbs``: the writer's judgment of the result, not
    an act of saying. RETURNS (bool).
    """
    if v.tag_ != "VBG" or v.dep_ != "pcomp" or v.head.lower_ != "in":
        return False
    return v.head.head.lemma_.lower() in lex.outcome_verbs


def acts_on(lex, v) -> bool:
    """True when cue verb ``v`` has an object of ``action_objects`` that makes it a deed.

    'Congress denied funding for the wall', 'a lawsuit claiming thousands of pounds in "emotional injury"
    damages': withheld, demanded; nothing said, and a quotation in the phrase is not its content.
    RETURNS (bool).
    """
    objects = lex.action_objects.get(lex.lemma(v), ())
    return bool(objects) and any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in objects for c in v.children)


def reports_nothing(lex, v) -> bool:
    """True when cue verb ``v`` reports nothing here: a deed (:func:`acts_on`), a gloss (:func:`gloss`) or an
    outcome (:func:`outcome`); it then neither has content nor introduces a quotation near it. RETURNS (bool)."""
    return acts_on(lex, v) or gloss(lex, v, list(v.children)) or outcome(lex, v)
