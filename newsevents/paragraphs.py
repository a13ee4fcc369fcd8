"""Paragraph breaks are sentence breaks: a spaCy component that runs before the parser.

News text puts a headline, a dateline, a byline or a signature ("—One of the victim's
lawyers") on a line of its own. The small English parser often joins such a line to the
sentence after it ("Talks in Geneva\\n\\nIranian Foreign Minister Zarif met ..." becomes one
sentence whose subject is "Talks"), and every stage after it reads a wrong sentence. This
component marks the first word after a line break as a sentence start; spaCy's parser keeps
sentence starts set before it (spaCy documentation, "Sentence segmentation": the parser
"respects already set boundaries") and decides the rest as before.
"""
from __future__ import annotations

from spacy.language import Language

COMPONENT = "newsevents_paragraphs"


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc):
    """Set ``is_sent_start`` on each token that follows a whitespace token holding a line break.

    doc (Doc): a tokenised Doc, before the parser. RETURNS (Doc): the same Doc.
    """
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = "\n" in tok.whitespace_
    return doc


def install(nlp) -> bool:
    """Add the component before ``parser`` in ``nlp`` (once). RETURNS (bool): False when
    ``nlp`` has no parser (nothing to guide)."""
    if COMPONENT in nlp.pipe_names:
        return True
    if "parser" not in nlp.pipe_names:
        return False
    nlp.add_pipe(COMPONENT, before="parser")
    return True
