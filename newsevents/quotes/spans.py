"""What the steps of the quotes stage share: the attribution record and range helpers.

All ranges are ``(start_char, end_char)`` into ``doc_text(doc)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .marks import QUOTE_CHARS

Range = tuple  # (start_char, end_char)


@dataclass
class Attr:
    cue: Optional[Range]
    source: Optional[Range]
    content: Optional[Range]
    origin: str
    src_head: object = None          # spaCy Token: head of the source span
    cue_tok: object = None
    parts: list = field(default_factory=list)   # extra content ranges (split / floating quotes)
    mixed: bool = False
    verbatim: bool = False  # a transcript turn ('((Zara Kay))  ...'): the speaker's own words, no marks
    named: Optional[Range] = None  # the antecedent naming the speaker when the source is a relative pronoun
    # the object of a verb of showing ('polls show a close race'): no attribution when the source is a person
    # ('Trump has shown little hesitation': a deed), which the speaker step tells (cues.yaml person_deeds)
    evidence_object: bool = False

    def extent_end(self) -> int:
        if self.content is None and self.cue_tok is not None:
            return self.cue_tok.sent.end_char  # 'Smith spoke to reporters on Monday.'
        ends = [r[1] for r in (self.cue, self.source, self.content) if r]
        ends += [r[1] for r in self.parts]
        return max(ends) if ends else 0


SUBJ = ("nsubj", "nsubjpass", "csubj")
REL_PRONOUNS = {"who", "that", "which", "whom"}
AUX_DEPS = ("aux", "auxpass", "neg")
#: words opening an indirect question ('asked whether ...', 'did not say when ...')
WH_WORDS = {"whether", "if", "when", "how", "why", "where", "what", "who", "which", "whom"}


#: words that cannot end a span: a coordinator left dangling ('the sanctions were unacceptable and')
DANGLING = {"and", "or", "but", "nor", "&"}


def trim(doc, i: int, j: int) -> Optional[Range]:
    """Token range [i, j) -> character range without edge punctuation (unbalanced quote marks dropped)
    and without a dangling coordinator at its end; a range ending inside a hyphenated word ends
    with the word."""
    while i < j and (doc[i].is_punct or doc[i].is_space) and not is_quote_tok(doc[i]):
        i += 1
    while j > i and ((doc[j - 1].is_punct or doc[j - 1].is_space) and not is_quote_tok(doc[j - 1])
                     and not _closes_inside(doc, i, j - 1) or doc[j - 1].lower_ in DANGLING and j - 1 > i):
        j -= 1
    if i >= j:
        return None
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    text = doc_text(doc)
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum():
        # never cut a hyphenated word the parser split ('condemned anti-semitism' is no 'anti')
        end += 1
        while end < len(text) and text[end].isalnum():
            end += 1
    # drop an edge quote mark whose partner is not inside
    inner = text[start:end]
    marks = sum(c in QUOTE_CHARS for c in inner if c not in "'’")
    if marks % 2 == 1 and inner[0] not in QUOTE_CHARS:
        # a quotation opened inside the content and closed just after it: 'dedication “to ... talking.”'
        k = end
        while k < len(text) and text[k] in ".,;!?":
            k += 1
        if k < len(text) and text[k] in "”\"»" and k - end <= 2:
            return (start, k + 1)
    if inner and inner[0] in QUOTE_CHARS and not any(c in QUOTE_CHARS for c in inner[1:]):
        return trim(doc, i + 1, j)
    if inner and inner[-1] in QUOTE_CHARS and not any(c in QUOTE_CHARS for c in inner[:-1]):
        return trim(doc, i, j - 1)
    return (start, end)


_BRACKETS = {")": "(", "]": "["}


def _closes_inside(doc, i: int, k: int) -> bool:
    """True when token ``k`` closes a bracket opened in tokens [i, k): 'not rape (viol)' keeps its ')'."""
    opening = _BRACKETS.get(doc[k].text)
    return opening is not None and any(doc[t].text == opening for t in range(i, k))


_TEXT_CACHE: list = [None, None]


def doc_text(doc) -> str:
    """``doc.text``, cached: spaCy rebuilds the string from the tokens on every access."""
    if _TEXT_CACHE[0] is not doc:
        _TEXT_CACHE[0], _TEXT_CACHE[1] = doc, doc.text
    return _TEXT_CACHE[1]


def is_quote_tok(tok) -> bool:
    return bool(tok.text) and all(c in QUOTE_CHARS for c in tok.text)


def subtree_range(tok, exclude=None) -> tuple[int, int]:
    """Token range [left, right+1) of ``tok``'s subtree, cut before/after ``exclude`` tokens."""
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    if exclude is not None:
        for ex in exclude:
            if left <= ex.i < right:
                if ex.i < tok.i:
                    left = max(left, ex.right_edge.i + 1 if ex.right_edge.i < tok.i else ex.i + 1)
                else:
                    right = min(right, ex.left_edge.i if ex.left_edge.i > tok.i else ex.i)
    return left, right


def overlap(a: Optional[Range], b: Optional[Range]) -> int:
    if not a or not b:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def has_word(text: str, rng: Range) -> bool:
    return any(ch.isalnum() for ch in text[rng[0]:rng[1]])


def word_chars(text: str, rng: Range) -> int:
    return sum(ch.isalnum() for ch in text[rng[0]:rng[1]])


def mostly_inside(text: str, content: Range, q: Range) -> bool:
    """True when ``content`` has few word characters outside quotation ``q`` (at most "that")."""
    outside = word_chars(text, (content[0], max(content[0], q[0]))) + word_chars(text, (min(content[1], q[1]), content[1]))
    return outside <= 4


class RangeIndex:
    """Which of a sorted list of non-overlapping ranges holds a character."""

    def __init__(self, ranges):
        import bisect
        self._bisect = bisect
        self.ranges = ranges
        self.starts = [r[0] for r in ranges]

    def find(self, char: int) -> Optional[int]:
        k = self._bisect.bisect_right(self.starts, char) - 1
        if k >= 0 and self.ranges[k][0] <= char < self.ranges[k][1]:
            return k
        return None


def cut_paragraphs(doc, rng: Optional[Range], cue) -> Optional[Range]:
    """Cut a source range to the paragraph (line) nearest its cue token.

    The parser sometimes joins a headline or a photo caption to the subject of
    the next paragraph ('Sadiq Khan\\n\\nAlexis Boon, the head of ... said'):
    a source before its cue keeps its last line, one after it its first line.
    """
    if rng is None or cue is None:
        return rng
    text = doc_text(doc)
    if "\n" not in text[rng[0]:rng[1]]:
        return rng
    if cue.idx >= rng[1]:
        lo, hi = text.rfind("\n", rng[0], rng[1]) + 1, rng[1]
    else:
        lo, hi = rng[0], text.find("\n", rng[0], rng[1])
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1] in " \t,;":
        hi -= 1
    return (lo, hi) if hi > lo else rng


def cue_paragraph(doc, rng: Optional[Range], cue) -> Optional[Range]:
    """Cut a content range read off the parse to the paragraph (line) of its cue token.

    The parser sometimes runs a clause over a paragraph break ('Both X and Y say A.\n\n''B,''
    Mr. King told me': "say" and its clause made part of what "told" reports); a reported clause
    never crosses one (quotations over several paragraphs are joined from their marks, step 1).
    RETURNS (Range | None): ``rng`` when it holds no line break; else its part on the cue's line,
    or, when none, its line nearest the cue (:func:`cut_paragraphs`).
    """
    if rng is None or cue is None:
        return rng
    text = doc_text(doc)
    if "\n" not in text[rng[0]:rng[1]]:
        return rng
    end = text.find("\n", cue.idx)
    lo, hi = max(rng[0], text.rfind("\n", 0, cue.idx) + 1), min(rng[1], len(text) if end < 0 else end)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1] in " \t,;":
        hi -= 1
    return (lo, hi) if hi > lo else cut_paragraphs(doc, rng, cue)
