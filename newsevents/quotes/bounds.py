"""Where a content ends: at a quotation's closing mark, before the speaker's own next verb, and the
scope of an "according to" set inside a phrase.

Part of step 2 and 3 of the quotes stage (see :mod:`newsevents.quotes`). The parser often hangs
what follows a reported clause on that clause: an adverbial of the cue ('said, "They need to stand
by us", while addressing the press'), the reporter's next sentence joined by "and" ('said "We
couldn't win," and the city flag is at half-mast') or the speaker's next deed ('urged the embassy to
reconsider and spoke with Pompeo'). These functions cut such contents; they never widen one.
New-user trial 8 (notes/trial8.md, 1.7).
"""
from __future__ import annotations

from typing import Optional

from .marks import QUOTE_CHARS
from .spans import SUBJ, Range, has_word, trim

#: tags of a finite verb that cannot continue an infinitive or a modal's verb ('to reconsider and spoke')
_FINITE_PAST_PRESENT = ("VBD", "VBZ")
#: words after a closing quotation mark that open something else than the quotation's own sentence
_COORDINATORS = ("and", "but", "or", "while", "as", "before", "after", "when")


def quotation_content(lex, doc, text: str, cue: Optional[Range], content: Range, q: Range) -> Optional[Range]:
    """The quotation ``q`` as the whole content when the content opens with it and runs past its close.

    lex (CueLexicon): the cues. doc (Doc): the parsed article. text (str): its text.
    cue (tuple[int, int] | None): the cue's characters.
    content (tuple[int, int]): a content read off the parse that holds the quotation ``q`` (characters,
    quote marks included).
    A direct quotation's content is what stands inside its marks (PolNeAR, PARC 3.0): when the cue
    introduces the quotation before it (only punctuation between, 'said, "...', or words of the cue's own
    ending in a comma or colon, 'said in his live stream, "...'), the content
    starts with the quotation, the quotation holds a clause of its own (a verb with its subject) and
    what follows the closing mark begins with a comma, a semicolon, a dash or a coordinator
    ('"They need to stand by us", while addressing the press'; '"We couldn't win," and the city flag
    is at half-mast'), the words after it are the reporter's, not the speaker's. A quoted phrase
    inside a clause ('said "the plan" was dangerous') is left as it is: no clause of its own.
    RETURNS (tuple[int, int] | None): ``q``, or None when the content is left as it is.
    """
    if has_word(text, (content[0], max(content[0], q[0]))) or content[1] <= q[1] or not _introduces(lex, doc, text, cue, q):
        return None
    tail = text[q[1]:content[1]].lstrip()
    if not tail:
        return None
    inner = text[q[0]:q[1]].rstrip().rstrip("".join(QUOTE_CHARS)).rstrip()
    words = [w.lower().strip(",;") for w in tail.split(None, 2)]
    if not (tail[0] in ",;:—–-" or (inner.endswith((",", ";")) and words[0] in _COORDINATORS)):
        return None
    if words[0] in ("and", "but") and words[1:2] == ["that"]:
        return None  # 'said "we will not negotiate," and that the talks were over': the content goes on
    span = doc.char_span(q[0], q[1], alignment_mode="contract")
    if span is None or not any(t.dep_ in SUBJ + ("expl",) and t.head.i < span.end and t.head.i >= span.start
                               and t.head.pos_ in ("VERB", "AUX") for t in span):
        return None
    return q


def _introduces(lex, doc, text: str, cue: Optional[Range], q: Range) -> bool:
    """True when the cue stands before quotation ``q`` with nothing between but punctuation, or words ending
    in a comma or colon among which no other cue introduces it ('concludes with footage of Trump saying, "..."')."""
    if cue is None or cue[1] > q[0]:
        return False
    if not has_word(text, (cue[1], q[0])):
        return True
    if not text[cue[1]:q[0]].rstrip().endswith((",", ":")):
        return False
    span = doc.char_span(cue[1], q[0], alignment_mode="contract")
    return span is not None and not any("quote" in lex.frames(t) for t in span)


def speaker_verb_cut(doc, v, head, hi: int) -> int:
    """The token end of a content headed by ``head`` before a verb that is the speaker's own next deed.

    v (Token): the cue verb ('urged'). head (Token): the content's verb, an infinitive or a modal's
    verb ('reconsider' in 'urged the embassy to reconsider', 'said it would reconsider').
    hi (int): the content's token end so far.
    A finite verb in the past or third-person present cannot continue an infinitive: a conjunct of
    ``head`` so tagged, with no subject of its own and the tag of the cue, is the speaker's next
    act that the parser coordinated inside the content ('Raab urged the embassy to reconsider and
    spoke with Pompeo about the case': the content ends at "reconsider").
    RETURNS (int): the token end, ``hi`` when no such verb follows.
    """
    if head.tag_ != "VB" or v.tag_ not in _FINITE_PAST_PRESENT:
        return hi
    for c in head.children:
        if c.dep_ != "conj" or c.i <= head.i or c.i >= hi or c.tag_ != v.tag_ or c.left_edge.i != c.i \
                or any(g.dep_ in SUBJ for g in c.children) or doc[c.i - 1].lower_ not in ("and", "but"):
            continue  # only 'to reconsider and spoke': a coordinator right before the verb
        cut = c.left_edge.i
        while cut > head.i and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
            cut -= 1
        return min(hi, cut)
    return hi


def conjunct_scope(doc, tok, pobj) -> Optional[tuple[Range, Range]]:
    """Source and content of an "according to X" set between a coordinator and the conjunct it attributes.

    tok (Token): "according". pobj (Token): the phrase's object (the source's head).
    'YPG is the main fighting force of the SDF, largely Kurdish and, according to Turkey, supportive
    of the PKK': the phrase stands right after "and", set off by commas; Turkey's claim is only the
    conjunct after it ("supportive of the PKK"), the rest is the reporter's. The parser may hang that
    conjunct on the source ('Turkey, supportive ...'), so the source ends at its comma.
    RETURNS ((source, content) | None): character ranges, or None when the phrase does not stand so.
    """
    k = tok.i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    if k < 0 or doc[k].lower_ not in ("and", "or", "but") or not any(doc[j].text == "," for j in range(k + 1, tok.i)):
        return None
    comma = next((t for t in doc[pobj.i + 1:tok.sent.end] if t.text == ","), None)
    if comma is None or comma.i + 1 >= tok.sent.end:
        return None
    first = doc[comma.i + 1]
    top = first
    while top.head.i != top.i and top.head.i > comma.i and top.head.i < tok.sent.end:
        top = top.head
    hi = max(t.i for t in top.subtree) + 1
    source = trim(doc, pobj.left_edge.i, comma.i)
    content = trim(doc, comma.i + 1, min(hi, tok.sent.end))
    if source is None or content is None:
        return None
    return source, content
