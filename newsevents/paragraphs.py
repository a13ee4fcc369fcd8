"""Paragraph breaks are sentence breaks: a spaCy component that runs before the parser.

News text puts a headline, a dateline, a byline or a signature ("—One of the victim's
lawyers") on a line of its own. The small English parser often joins such a line to the
sentence after it ("Talks in Geneva\\n\\nIranian Foreign Minister Zarif met ..." becomes one
sentence whose subject is "Talks"), and every stage after it reads a wrong sentence. This
component marks the first word after a line break as a sentence start; spaCy's parser keeps
sentence starts set before it (spaCy documentation, "Sentence segmentation": the parser
"respects already set boundaries") and decides the rest as before.

The same component bounds the length of a sentence (:data:`MAX_RUN_TOKENS`): a run of more
tokens with no line break and no sentence-final mark (a transcript or a crawl that lost its
full stops) gets a sentence start at its last clause break (after a comma or semicolon, or at
a coordinating conjunction) in the window. The parser's sentence, and with it the work of the
stages that look across a sentence, is then bounded: a 16,000-word run-on text was one
"sentence", and the event and quote stages, which compare a sentence's words with each other,
took 41 s and 5 s of its 60 s limit (trial 8).
"""
from __future__ import annotations

from spacy.language import Language

COMPONENT = "newsevents_paragraphs"


#: most tokens of a run with no line break and no sentence-final mark before a start is set. The
#: longest sentences of the Wikinews corpus (10,676 of them) have 108-128 tokens, so real sentences
#: are far below it
MAX_RUN_TOKENS = 200
#: a run is cut at its last clause break in the window's second half (else at the limit)
_MIN_CUT = MAX_RUN_TOKENS // 2
_FINAL = frozenset(".!?")
_CLAUSE_PUNCT = frozenset(",;:")


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc):
    """Set ``is_sent_start`` on each token that follows a whitespace token holding a line break,
    and in a run of more than :data:`MAX_RUN_TOKENS` tokens with neither a line break nor a
    sentence-final mark (. ! ?), on a token that starts a clause (after a comma, semicolon or
    colon, or a coordinating conjunction), else on the token at the limit.

    doc (Doc): a tokenised Doc, before the parser. RETURNS (Doc): the same Doc.
    """
    after_break = False
    run_start = 0  # the first token of the current run
    cut = None  # the last clause start seen in the window's second half
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        if after_break or tok.i == 0:
            run_start, cut = tok.i, None
        elif tok.i - run_start >= _MIN_CUT and _clause_start(doc, tok):
            cut = tok.i
        if tok.i - run_start >= MAX_RUN_TOKENS:
            at = cut if cut is not None and cut > run_start else tok.i
            doc[at].is_sent_start = True
            run_start, cut = at, None
        if tok.text in _FINAL:
            run_start, cut = tok.i + 1, None
        after_break = "\n" in tok.whitespace_
    return doc


def _clause_start(doc, tok) -> bool:
    """Whether ``tok`` may start a clause: it follows a comma, semicolon or colon, or is a
    coordinating conjunction (tag CC where the tagger ran before, else and/but/or)."""
    prev = doc[tok.i - 1] if tok.i else None
    if prev is not None and prev.text in _CLAUSE_PUNCT:
        return True
    return tok.tag_ == "CC" if tok.tag_ else tok.lower_ in ("and", "but", "or")


def install(nlp) -> bool:
    """Add the component before ``parser`` in ``nlp`` (once). RETURNS (bool): False when
    ``nlp`` has no parser (nothing to guide)."""
    if COMPONENT in nlp.pipe_names:
        return True
    if "parser" not in nlp.pipe_names:
        return False
    nlp.add_pipe(COMPONENT, before="parser")
    return True
