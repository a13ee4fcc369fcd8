"""Quote marks: pair the marks of every style into quotation spans.

Step 1 of the quotes stage (see :mod:`newsevents.quotes`). Pure text, no parse.
"""
from __future__ import annotations

import re

_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“"}
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
QUOTE_CHARS = set("\"“”«»„‘’'`")
TERMINATORS = ".!?"
#: a speaker's label in capitals opening a quoted transcript turn: '"WALLACE: ...'
TURN_LABEL = re.compile(r"""["“]\s*[A-Z][A-Z.'’ -]{1,40}:\s""")


def is_word(ch: str) -> bool:
    return ch.isalnum()


def paragraphs(text: str):
    """Yield (start, end) character ranges of the lines of ``text``."""
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Find quotations delimited by quote marks.

    text (str): the article text.
    RETURNS (list[tuple[int, int]]): sorted, non-overlapping ``(start, end)``
        character ranges, quote marks included. A line that opens a quotation
        and does not close it gives a span to the end of the line (news style
        for quotations over several paragraphs). Single-quoted spans (‘…’ and
        straight '…') are looked for only outside double-quoted ones; ’ between
        letters (We’re) or after a letter and before a letter is an apostrophe.
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        line = text[p_start:p_end]
        if not line.strip():
            continue
        doubles = _double_spans(line)
        spans.extend((p_start + s, p_start + e) for s, e in doubles)
        spans.extend((p_start + s, p_start + e) for s, e in _single_spans(line, doubles))
    spans.sort()
    return spans

#: every character :func:`_double_spans` reacts to; it skips the others in one regex search
_DOUBLE_MARKS = "".join(sorted(set("".join(_DOUBLE_OPEN) + "".join(_DOUBLE_OPEN.values()) + "\"'`”")))
_DOUBLE_NEXT = re.compile("[" + re.escape(_DOUBLE_MARKS) + "]")


def _double_spans(line: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(line)
    i = 0
    open_at = -1
    closers = ""
    marks, next_mark = _DOUBLE_MARKS, _DOUBLE_NEXT.search
    while i < n:
        ch = line[i]
        if ch not in marks:  # no quote mark here: nothing happens, jump to the next one
            m = next_mark(line, i)
            if m is None:
                break
            i = m.start()
            ch = line[i]
        two = line[i:i + 2]
        if open_at < 0:
            if ch in _DOUBLE_OPEN:
                open_at, closers = i, _DOUBLE_OPEN[ch] + '"'
            elif ch == '"':
                open_at, closers = i, '"”'
            elif two in ("''", "``") and (i == 0 or not is_word(line[i - 1])):
                open_at, closers = i, "''"
                i += 2
                continue
            elif ch == "”" and (i == 0 or line[i - 1].isspace()) and i + 1 < n and not line[i + 1].isspace():
                open_at, closers = i, "”"  # a closing mark used as opener
        else:
            if closers == "''":
                if two == "''":
                    out.append((open_at, i + 2))
                    open_at = -1
                    i += 2
                    continue
            elif ch in closers:
                out.append((open_at, i + 1))
                open_at = -1
            elif ch in _DOUBLE_OPEN and ch not in closers:
                open_at, closers = i, _DOUBLE_OPEN[ch] + '"'  # unbalanced: restart
        i += 1
    if open_at >= 0:
        end = len(line.rstrip())
        if end - open_at > 1:
            out.append((open_at, end))
    return out


def _single_spans(line: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(line)

    def inside(i: int) -> bool:
        return any(s <= i < e for s, e in doubles)

    i = 0
    while i < n:
        ch = line[i]
        if ch in "‘'" and not inside(i):
            prev = line[i - 1] if i else " "
            nxt = line[i + 1] if i + 1 < n else " "
            if not is_word(prev) and prev not in "'’" and is_word(nxt):
                closer = "’" if ch == "‘" else "'"
                j = i + 2
                while j < n:
                    if line[j] in (closer, "’", "'") and line[j] == closer or (ch == "'" and line[j] == "’"):
                        before = line[j - 1]
                        after = line[j + 1] if j + 1 < n else " "
                        if not before.isspace() and not is_word(after):
                            break
                    if inside(j):
                        j = n
                        break
                    j += 1
                if j < n:
                    out.append((i, j + 1))
                    i = j + 1
                    continue
        i += 1
    return out


#: an HTML or XML tag left in the text ('<tweet tweet-id="78349...">', '<tweet/>')
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")


def markup_tags(text: str) -> list[tuple[int, int]]:
    """Character ranges of markup tags left in the text (embedded tweets, widgets).

    A tag's attribute values are no quotations and its name no cue ('<tweet tweet-id="783...">').
    RETURNS (list[tuple[int, int]]): sorted ``(start, end)`` ranges.
    """
    return [m.span() for m in _TAG.finditer(text)] if "<" in text else []


def join_paragraph_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a quotation over several paragraphs into one span.

    In news style each paragraph of a long quotation opens with a quote mark and
    only the last one closes: a span that runs to the end of its line without a
    closing mark, followed by a span opening the next paragraph, continue it.
    A paragraph opening with a speaker's label in capitals ('"WALLACE: ...', '"MR. LEE: ...')
    is a new turn of a quoted transcript, not a continuation: each turn is its own span; so is
    a paragraph opening with another mark than the unclosed one before ('"Melanie thought ...' then
    '“It never crossed my mind ...”': a stray mark, not one quotation). A paragraph opening
    with a mark that is neither closed nor continued is no quotation (a stray mark).
    spans (list[tuple[int, int]]): from :func:`find_quote_spans`.
    RETURNS (list[tuple[int, int]]): sorted, non-overlapping spans.
    """
    out: list[tuple[int, int]] = []
    joined: set = set()
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            if _unclosed(text, pe) and not text[pe:s].strip() and "\n" in text[pe:s] \
                    and not TURN_LABEL.match(text, s) and text[s] == text[ps]:
                out[-1] = (ps, e)
                joined.add(ps)
                continue
        out.append((s, e))
    # a paragraph opening with a mark that nothing closes or continues is a stray mark
    return [(s, e) for s, e in out if s in joined or not _unclosed(text, e) or TURN_LABEL.match(text, s)
            or not (s == 0 or text[s - 1] == "\n")]


def _unclosed(text: str, end: int) -> bool:
    """True when a span ending at ``end`` has no closing mark and runs to the end of its line."""
    line_end = text.find("\n", end - 1)
    return text[end - 1] not in "”\"»'’" and (line_end < 0 or not text[end:line_end].strip())
