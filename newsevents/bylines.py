"""A text that is only a byline: no sentence, nothing to analyse (error E108).

A feed item's description is sometimes its byline alone ("Por Matt Spetalnick e Jason Szep"):
analysed, it was stored as a successful article with an actor made of the byline. The words
that open a byline and join its names are data (``data/input/bylines.yaml``), by language.
"""
from __future__ import annotations

import os
import re
from typing import Iterable, Optional

from .data import load_yaml

__all__ = ["BylineCheck"]

#: the characters a byline is made of: letters, digits, apostrophes, hyphens, full stops, commas, "&"
_BYLINE_CHARS = re.compile(r"[\w\s'’.,&-]+")
_TOKEN = re.compile(r"[\w'’.-]+|[,&]")


class BylineCheck:
    """Tells whether a whole text is one byline: an opener ("By", "Por"), then names (capitalised
    words, with particles such as "da" or "von" inside) joined by commas or joiners ("and", "e").

    data_paths (iterable of paths | None): user data folders (Options.data_paths), whose
        ``input/bylines.yaml`` extends the built-in lists.
    RAISES DataError (E010): the file can't be read.
    """

    def __init__(self, data_paths: Optional[Iterable[os.PathLike]] = None):
        table = load_yaml("input/bylines.yaml", data_paths)
        self.openers = {str(w).lower() for w in table["openers"]}
        self.joiners = {str(w).lower() for w in table["joiners"]} | {","}
        self.particles = {str(w).lower() for w in table["particles"]}
        self.max_name_words = int(table["max_name_words"])

    def __call__(self, text: str) -> bool:
        """RETURNS (bool): True when ``text`` (up to 300 characters) is one byline and nothing else."""
        if len(text) > 300 or not _BYLINE_CHARS.fullmatch(text):
            return False
        tokens = _TOKEN.findall(text)
        if len(tokens) < 2 or tokens[0].lower() not in self.openers:
            return False
        names: list = [[]]
        for token in tokens[1:]:
            if token.lower() in self.joiners and names[-1]:
                names.append([])
            elif token.lower() in self.joiners:  # ", and": one separator
                continue
            elif token[0].isupper() or (names[-1] and token.lower() in self.particles):
                names[-1].append(token)
            else:
                return False
        return bool(names[-1]) and all(0 < len(n) <= self.max_name_words for n in names)
