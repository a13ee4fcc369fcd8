"""Datelines (step 1 of the places stage, read by :mod:`.recognise` and :mod:`.role`).

Agency copy names the place a story was filed from before its first words, in capitals, followed by
the agency in parentheses or a dash ("BEIRUT (Reuters) -", "SAN ANTONIO, Texas (AP) --"; AP
Stylebook, "datelines"). :func:`is_dateline` tells whether a token span has that shape; the
recogniser takes such a span as a toponym when the gazetteer knows it, and the role rules make it
literal whatever the parse makes of it.
"""
from __future__ import annotations

__all__ = ["is_dateline", "dateline_heads"]

#: what follows a dateline's place name (after an optional ", <Region>" and ", <Month> <day>")
_DATELINE_NEXT = {"(", "-", "--", "\u2013", "\u2014"}
_DASHES = {"-", "--", "\u2013", "\u2014"}
#: what ends the sentence before a dateline inside a paragraph ("Photo by X. MANILA, Philippines -")
_SENTENCE_END = {".", "!", "?", "\u201d", '"'}


def is_dateline(doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are a dateline's place (the convention of agency copy, AP
    Stylebook "datelines"): the name, perhaps followed by ", <Region>" and ", <Month> <day>", then
    "(" (the agency) or a dash, where:

    * the name opens a paragraph, in capitals ("BEIRUT (Reuters) -", "SAN ANTONIO, Texas (AP) --",
      "SOUTH WAZIRISTAN, April 5 (APP):"), also followed by a colon ("NEW DELHI: The court") or, a
      name of five letters or more, by a capitalised word ("OKLAHOMA CITY The Latest on");
      in title case only before a colon or an agency in parentheses ("Muscat: The festival",
      "Hanoi (VNA) -");
    * the name, in capitals, opens a sentence inside a paragraph ("By Nate Raymond. BOSTON (Reuters)
      -", "Photo by A. MANILA, Philippines -");
    * the name, in capitals, is followed by an agency in parentheses and a dash, wherever it stands
      ("Associated Press WASHINGTON (AP) -").

    A name inside a longer run of capitals ("SURGE IN MURALS") is no dateline, nor one joined to a
    dash ("ABS-CBN").
    """
    n = len(doc)
    toks = doc[start:end]
    if not any(t.is_alpha for t in toks):
        return False
    upper = all(t.is_upper or not t.is_alpha for t in toks)
    if not upper and not all(t.is_title or not t.is_alpha for t in toks):
        return False
    if upper and ((start and doc[start - 1].is_upper and doc[start - 1].is_alpha and "\n" not in doc[start - 1].text_with_ws)
                  or (end < n and doc[end].is_upper and doc[end].is_alpha and len(doc[end]) > 1)):
        return False
    para = not start or "\n" in doc[start - 1].text_with_ws
    k = end
    for _ in range(2):  # ", Texas", ", Calif.", ", April 5"
        if k < n and doc[k].text == ",":
            j = k + 1
            while j < n and j < k + 5 and doc[j].text not in _DATELINE_NEXT and doc[j].text not in (",", ":") \
                    and (doc[j].text[:1].isupper() or doc[j].like_num):
                j += 1
            if j == k + 1:
                break
            k = j
    nxt = doc[k].text if k < n else ""
    if nxt in _DASHES and not doc[k - 1].whitespace_:
        return False  # "ABS-CBN": a hyphenated name, not a dateline's dash
    agency = nxt == "(" and k + 1 < n and doc[k + 1].text[:1].isupper()
    if para:
        if upper and (nxt in _DATELINE_NEXT or nxt == ":"):
            return True
        if upper and k == end and doc[k - 1].idx + len(doc[k - 1]) - doc[start].idx >= 5 and k < n \
                and doc[k].is_title and doc[k].is_alpha:
            return True
        return not upper and (nxt == ":" or agency)
    if not upper:
        return False
    if doc[start - 1].text in _SENTENCE_END and doc[start - 1].whitespace_:
        return nxt in _DASHES or agency
    return agency and k + 3 < n and doc[k + 2].text == ")" and doc[k + 3].text in _DASHES


def dateline_heads(doc) -> set:
    """Token indices of the dateline heads of ``doc``: from a sentence-opening dateline place
    (:func:`is_dateline`) through the dash after it, the agency in parentheses included ("HANOI,
    Vietnam (AP) —"). RETURNS (set[int])."""
    out: set = set()
    for sent in doc.sents:
        i = sent.start
        while i < sent.end and doc[i].is_space:
            i += 1
        if i >= sent.end or not doc[i].is_upper or not is_dateline(doc, i, i + 1):
            continue
        for j in range(i + 1, min(sent.end, i + 14)):
            if doc[j].text in _DASHES:
                out.update(range(i, j + 1))
                break
    return out
