"""Quotations (attributions): direct, indirect and mixed, with cue, source, content and speaker.

An attribution links a **source** (the span naming who said or thinks it), a
**cue** (the attribution verb or phrase: "said", "told reporters", "according
to") and a **content** (what is said), as in PARC 3.0 (Pareti 2016) and
PolNeAR (Newell, Margolin & Ruths, LREC 2018). The quote's **kind** is
``direct`` when the content is a quotation in quote marks, ``mixed`` when an
indirect content holds a quoted fragment, ``indirect`` otherwise; ``stance``
for a noun-phrase content (:mod:`.kinds`) and ``unsourced`` for an indirect or
stance content that no source holds ('X is believed to remain', 'X has been
accused of Y': PolNeAR's attributions without a source; no one is quoted).

How it works (all offsets are characters into ``_text(doc)``):

1. :func:`~.marks.find_quote_spans` pairs quote marks of every style (" “ ” ‘ ’ « »
   '' and straight '), telling the closing ’ from the apostrophe (We’re, Xi’s)
   and allowing a paragraph that opens a quote without closing it
   (multi-paragraph quotations).
2. Cue verbs (lemmas in ``data/quotes/cues.yaml``) are read off the dependency
   parse: the source is the verb's subject (or the agent of a passive, whose
   subject is then the content; a relative pronoun, its antecedent naming the
   speaker), the content its clausal complement,
   to-infinitive or object according to the cue's frames; "according to X"
   takes the clause it modifies as content. A gerund cue shares the subject
   of the clause it modifies ('left after saying ...', 'issued a statement
   calling ...'); an agentless passive cue ('X is expected to ...') and a
   nominal cue after a target verb ('faced criticism for ...') give
   attributions without a source; nominal cues ('Smith's claim that ...',
   'raised questions about ...') take their source from the possessor or
   the light verb's subject. "According to X, Y said Z" is Y's statement, X its
   channel (:mod:`.channels`).
3. Each quotation is linked to a cue next to it ('"...," Trump said.',
   'He said: "..."', '"..." ― Jane Doe'); a quotation that stands alone as a
   sentence or paragraph continues the attribution just before it ("floating"
   quotation) or takes the speaker of a cue in the sentence before (ending in
   ':') or after. A quotation inside another attribution's content makes that
   attribution ``mixed``.
4. Attributions whose cue lies inside another attribution's content are
   dropped (PolNeAR annotates no nested attributions).
5. The speaker is the actor mention (from the actors stage) inside the
   source span, preferring the mention of the source's head noun; a pronoun
   source is the subject or speaker before it; a document ('the statement',
   'the filing') is whoever issued it; in a question-and-answer interview the
   labels ('Wikinews:', 'Q:', 'A:', names and initials, '((WSS))') and the pronouns
   "you", "I", "we" resolve to the interviewer and interviewee.

The steps, one module each: ``marks`` (1), ``cues`` (the lexicon), ``parse``, ``sources``, ``nominal``,
``channels`` and ``deeds`` (cue words that report nothing in their context) (2), ``bounds`` (where a content
ends: a quotation's closing mark, the speaker's next verb; 2 and 3),
``direct`` (3 and 4), ``speakers``, ``coref``, ``documents``, ``owners``, ``groups`` and ``interview`` (5),
``assemble`` (records), ``stage`` (the
registered stage running them); ``spans`` holds the attribution record and range
helpers they share. Per-article state is passed from step to step, never kept.

A quotation split by its attribution ('"A," she said, "B."') and floating
continuations come out as several :class:`~newsevents.records.Quote` records
sharing the same cue and source evidence.
"""
from __future__ import annotations

from .cues import CueLexicon
from .marks import find_quote_spans
from .stage import QuoteStage

__all__ = ["QuoteStage", "find_quote_spans", "CueLexicon"]
