"""Share the rule-based token attributes across tokens of the same type.

In spaCy's English pipelines the ``attribute_ruler`` (POS and morphology from the tag, plus
exceptions) and the rule ``lemmatizer`` are plain Python per token, and on news text they
cost about a quarter to a third of the whole ``nlp.pipe`` time (measured in
``benchmarks/throughput.py``). Their output for a token is a function of its text, tag and
dependency label — and, for the few two-token patterns of the attribute ruler ("gon na",
"there is"), of its neighbours. :class:`AttributeCache` computes each distinct key once, with
the real components, and copies the result to every later token with the same key, through
``Doc.to_array`` / ``Doc.from_array``. The output is identical to running the two components;
``tests/test_attrcache.py`` checks that on real news.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language

__all__ = ["AttributeCache", "install"]

COMPONENT = "newsevents_attribute_cache"


class AttributeCache:
    """Run ``attribute_ruler`` + ``lemmatizer`` once per token key, copy the results after.

    nlp (Language): the pipeline; its ``attribute_ruler`` and ``lemmatizer`` are wrapped.
    max_entries (int): the cache is emptied when it grows past this many keys (bounded memory).
    """

    def __init__(self, nlp, max_entries: int = 2_000_000):
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.max_entries = max_entries
        self.cache: dict = {}
        strings = nlp.vocab.strings
        lowers, regexes, deps = set(), [], set()
        for pattern in self.ruler.patterns:
            for seq in pattern["patterns"]:
                if len(seq) < 2:
                    continue
                for tok in seq:
                    for attr, value in tok.items():
                        values = value.get("IN", []) if isinstance(value, dict) else [value]
                        if isinstance(value, dict) and "REGEX" in value:
                            regexes.append(re.compile(value["REGEX"]))
                        if attr == "LOWER":
                            lowers.update(values)
                        elif attr == "DEP":
                            deps.update(values)
        self._context_lowers = {strings.add(v) for v in lowers}
        self._context_deps = {strings.add(v) for v in deps}
        self._regexes = regexes
        self._regex_hits: dict = {}
        self._strings = strings
        self._vocab = nlp.vocab
        #: keys cached inside the current memory zone (checked by :meth:`forget_transient`)
        self._zone_keys: list = []

    def _is_context(self, lower: int, dep: int) -> bool:
        """Does a token take part in a multi-token attribute-ruler pattern?"""
        if lower in self._context_lowers or dep in self._context_deps:
            return True
        if not self._regexes:
            return False
        hit = self._regex_hits.get(lower)
        if hit is None:
            text = self._strings[lower]
            hit = self._regex_hits[lower] = any(r.search(text) for r in self._regexes)
        return hit

    def _keys(self, arr) -> list:
        rows = arr.tolist()
        keys = [(o, t, d) for o, _l, t, d in rows]
        flags = [self._is_context(lo, d) for _o, lo, _t, d in rows]
        n = len(rows)
        for i, flag in enumerate(flags):
            if not flag:
                continue
            for j in (i - 1, i, i + 1):  # the token and its neighbours see the pattern's other token
                if 0 <= j < n:
                    prev = tuple(rows[j - 1][1:]) if j > 0 else None
                    nxt = tuple(rows[j + 1][1:]) if j + 1 < n else None
                    keys[j] = (rows[j][0], rows[j][2], rows[j][3], prev, nxt)
        return keys

    def __call__(self, doc):
        if not len(doc):
            return doc
        keys = self._keys(doc.to_array([ORTH, LOWER, TAG, DEP]))
        cache = self.cache
        try:
            values = [cache[k] for k in keys]
        except KeyError:
            doc = self.lemmatizer(self.ruler(doc))
            out = doc.to_array([POS, MORPH, LEMMA])
            if len(cache) > self.max_entries:
                cache.clear()
            rows = out.tolist()
            if self._vocab.in_memory_zone:
                self._zone_keys.extend(k for k in keys if k not in cache)
            for key, row in zip(keys, rows):
                cache[key] = row
            return doc
        doc.from_array([POS, MORPH, LEMMA], numpy.asarray(values, dtype="uint64"))
        return doc

    def forget_transient(self) -> int:
        """Drop the entries cached inside the memory zone that just ended whose lemma string left
        the StringStore with it (their LEMMA hash would name no string any more). Call after
        ``nlp.memory_zone()`` exits; entries with permanent lemmas stay.
        RETURNS (int): entries dropped."""
        strings, cache, dropped = self._strings, self.cache, 0
        for key in self._zone_keys:
            row = cache.get(key)
            if row is not None and row[2] not in strings:
                del cache[key]
                dropped += 1
        self._zone_keys = []
        return dropped

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory(COMPONENT, assigns=["token.pos", "token.morph", "token.lemma"],
                  requires=["token.tag", "token.dep"])
def make_attribute_cache(nlp, name: str):
    """spaCy factory: ``nlp.add_pipe("newsevents_attribute_cache", after="lemmatizer")``."""
    return AttributeCache(nlp)


def install(nlp) -> bool:
    """Put an :class:`AttributeCache` in place of ``attribute_ruler`` + ``lemmatizer`` in ``nlp``.

    The two components stay in the pipeline, disabled (the cache calls them on a miss).
    RETURNS (bool): False (nothing changed) when ``nlp`` lacks either component, has it
    disabled, or uses a lemmatizer that is not rule-based.
    """
    if COMPONENT in nlp.pipe_names:
        return True
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return False
    if getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return False
    if nlp.pipe_names.index("attribute_ruler") > nlp.pipe_names.index("lemmatizer"):
        return False
    nlp.add_pipe(COMPONENT, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True
