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

A whole-Doc key hit needs every token's key seen before, and news brings new names and numbers
in nearly every article: on the 291 Wikinews articles every Doc missed and went to the two
components. On a miss the ruler is not run as is: most of its time is its matcher trying 179
patterns at every token, and its one-token patterns can only see a token's tag, label, lower-case
form and whether it is whitespace. :meth:`AttributeCache._apply_ruler` looks their matches up
per such key (found once by the ruler's own matcher on a one-token Doc), runs the few two-token
patterns as a matcher of their own, and hands the ruler's ``set_annotations`` the same sorted
match list (6-13% less CPU for the whole parse of 60 Wikinews articles, identical output).

A Doc that misses on some tokens runs the two components on those tokens only
(:meth:`AttributeCache._fill_missing`), the lemmatizer once per (text, POS, morphology), and its
``lemma_index`` lists answer ``in`` from a set (:func:`_index_as_sets`; spaCy scans lists of up to
57,528 words for each suffix rule). Over the 291 Wikinews articles the cache's CPU time went from
4.8 s to 2.2 s (raw ``attribute_ruler`` + ``lemmatizer``: 7.1 s); the attributes of every token of
the 291 Docs equal raw spaCy's.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

__all__ = ["AttributeCache", "install"]

COMPONENT = "newsevents_attribute_cache"
#: what the two components may set on a token, copied back on a hit (the ruler also sets the
#: tag and label of whitespace tokens)
_RESTORED = [POS, MORPH, LEMMA, TAG, DEP]


class AttributeCache:
    """Run ``attribute_ruler`` + ``lemmatizer`` once per token key, copy the results after.

    nlp (Language): the pipeline; its ``attribute_ruler`` and ``lemmatizer`` are wrapped.
    max_entries (int): the cache is emptied when it grows past this many keys (bounded memory).
    """

    def __init__(self, nlp, max_entries: int = 2_000_000):
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        _index_as_sets(self.lemmatizer)
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
        self._fast_ruler = self._prepare_fast_ruler(nlp)
        self._context_lowers = {strings.add(v) for v in lowers}
        self._context_deps = {strings.add(v) for v in deps}
        self._regexes = regexes
        self._regex_hits: dict = {}
        #: (ORTH, POS, MORPH) -> the rule lemmatizer's lemma (a string: it outlives memory zones);
        #: spaCy's own cache of it leaves out base forms and proper nouns, most of the tokens
        self._lemmas: dict = {}
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
        arr = doc.to_array([ORTH, LOWER, TAG, DEP])
        keys = self._keys(arr)
        get = self.cache.get
        values = [get(k) for k in keys]
        missing = [i for i, v in enumerate(values) if v is None]
        if not missing:
            doc.from_array(_RESTORED, numpy.asarray(values, dtype="uint64"))
            return doc
        lemmatizer = self.lemmatizer
        if self._fast_ruler and getattr(lemmatizer, "_validated", False) and not lemmatizer.overwrite:
            rows = self._fill_missing(doc, arr, values, missing)
        else:
            doc = lemmatizer(self._apply_ruler(doc, arr) if self._fast_ruler else self.ruler(doc))
            rows = doc.to_array(_RESTORED).tolist()
        self._store(keys, rows)
        return doc

    def _fill_missing(self, doc, arr, values: list, missing: list) -> list:
        """Run the two components on the tokens at ``missing`` only and copy the cached ``values``
        (rows of ``_RESTORED``) to the others: the same as running both on the whole Doc. A
        token's ruler result is a function of its key (its multi-token patterns run over the
        whole Doc, and their tokens' keys hold their neighbours); the rule lemmatizer's is a
        function of the token's text, POS and morphology, as its own cache assumes, so its lemma
        is computed once per (text, POS, morphology).
        RETURNS (list): the Doc's rows of ``_RESTORED`` as set."""
        self._apply_ruler(doc, arr, only=missing)
        rows = doc.to_array(_RESTORED).tolist()
        lemmas, lemmatize, strings = self._lemmas, self.lemmatizer.lemmatize, self._strings
        if len(lemmas) > self.max_entries:
            lemmas.clear()
        orths = arr[:, 0].tolist()
        for i in missing:
            row = rows[i]
            if row[2] == 0:  # what Lemmatizer.__call__ does per token (overwrite=False)
                key = (orths[i], row[0], row[1])  # ORTH, POS, MORPH: all the rule lemmatizer reads
                lemma = lemmas.get(key)
                if lemma is None:
                    lemma = lemmas[key] = lemmatize(doc[i])[0]
                row[2] = strings.add(lemma)  # as ``token.lemma_ = lemma`` does
        for i, row in enumerate(values):
            if row is not None:
                rows[i] = row
        doc.from_array(_RESTORED, numpy.asarray(rows, dtype="uint64"))
        return rows

    def _store(self, keys: list, rows: list) -> None:
        """Cache each key's row (emptying the cache first when it has grown past ``max_entries``)."""
        cache = self.cache
        if len(cache) > self.max_entries:
            cache.clear()
        if self._vocab.in_memory_zone:
            self._zone_keys.extend(k for k in keys if k not in cache)
        for key, row in zip(keys, rows):
            cache[key] = row

    # -- the attribute ruler, its single-token matches looked up per token key ------------------
    def _prepare_fast_ruler(self, nlp) -> bool:
        """Set up :meth:`_apply_ruler`. RETURNS (bool): False (use the ruler itself) when a
        pattern has an operator ("OP"), reads an attribute other than TAG, LOWER, DEP and
        IS_SPACE, or spans more than two tokens, or the ruler does not look as expected."""
        ruler = self.ruler
        if not all(hasattr(ruler, a) for a in ("matcher", "attrs", "set_annotations")):
            return False
        strings = nlp.vocab.strings
        lowers, deps, regexes = set(), set(), []
        self._multi = Matcher(nlp.vocab)
        self._has_multi = False
        for i in range(len(ruler.attrs)):
            key = strings[str(i)]
            got = ruler.matcher.get(key)
            if got is None:
                return False
            multi = []
            for seq in got[1]:
                if len(seq) > 2:
                    return False
                for tok in seq:
                    if set(tok) - {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                        return False
                    for attr, value in tok.items():
                        if attr in ("TAG", "IS_SPACE"):
                            continue
                        found = lowers if attr == "LOWER" else deps
                        if not isinstance(value, dict):
                            found.add(str(value))
                            continue
                        for op, arg in value.items():
                            if op == "REGEX" and attr == "LOWER":
                                regexes.append(re.compile(arg))
                            elif op in ("IN", "NOT_IN"):
                                found.update(str(a) for a in arg)
                            else:
                                return False
                if len(seq) == 2:
                    multi.append(seq)
            if multi:
                self._multi.add(str(i), multi)
                self._has_multi = True
        #: LOWER / DEP hashes the patterns name: any other word or label matches them alike
        self._named_lowers = {strings.add(v) for v in lowers}
        self._named_deps = {strings.add(v) for v in deps}
        self._lower_regexes = regexes
        self._lower_class: dict = {}
        self._space: dict = {}
        #: (tag, dep class, lower class, is_space) -> [(attr id, match id)] of the one-token patterns
        self._single: dict = {}
        return True

    def _single_matches(self, orth: int, tag: int, dep: int) -> list:
        """The ruler's one-token pattern matches on a token (its text, tag and label), found by
        its own matcher on a Doc of that token alone."""
        one = Doc(self._vocab, words=[self._strings[orth]], spaces=[False])
        one[0].tag = tag
        one[0].dep = dep
        return [(int(self._strings[m_id]), m_id) for m_id, s, e in
                self.ruler.matcher(one, allow_missing=True, as_spans=False) if (s, e) == (0, 1)]

    def _apply_ruler(self, doc, arr, only: list = None):
        """Exactly ``attribute_ruler(doc)``: the same sorted match list handed to its
        ``set_annotations``, with the matches of its one-token patterns looked up by what they
        can see of a token (tag, label and lower-case form where a pattern names them, whether it
        is whitespace) instead of running its matcher (most of its time) over every token; its
        few two-token patterns run as a matcher of their own.
        only (list[int] | None): token indices, ascending: one-token matches on these tokens
            only (the others' attributes are copied from the cache afterwards)."""
        strings, single, named_lowers, named_deps = self._strings, self._single, self._named_lowers, self._named_deps
        lower_class, space = self._lower_class, self._space
        if len(lower_class) > self.max_entries or len(space) > self.max_entries:
            lower_class.clear()
            space.clear()
        matches = []
        rows = arr.tolist()
        for j, (orth, lower, tag, dep) in (enumerate(rows) if only is None else ((j, rows[j]) for j in only)):
            lc = lower_class.get(lower)
            if lc is None:
                text = strings[lower]
                lc = lower_class[lower] = lower if lower in named_lowers or any(
                    r.search(text) for r in self._lower_regexes) else -1
            sp = space.get(orth)
            if sp is None:
                sp = space[orth] = bool(self._vocab[orth].is_space)
            key = (tag, dep if dep in named_deps else -1, lc, sp)
            found = single.get(key)
            if found is None:
                found = single[key] = self._single_matches(orth, tag, dep)
            for attr_id, m_id in found:
                matches.append((attr_id, m_id, j, j + 1))
        if self._has_multi:
            matches.extend((int(strings[m_id]), m_id, s, e)
                           for m_id, s, e in self._multi(doc, allow_missing=True, as_spans=False))
        matches.sort()
        self.ruler.set_annotations(doc, matches)
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


class _Index(list):
    """A list of words whose ``in`` is a set look-up; otherwise the list it was."""

    def __init__(self, words):
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._set


def _index_as_sets(lemmatizer) -> None:
    """Make the rule lemmatizer's ``lemma_index`` lists answer ``in`` from a set.

    spaCy's ``Lemmatizer.rule_lemmatize`` asks ``form in index`` for each suffix rule that
    applies, and the English index holds lists of up to 57,528 words: a linear scan, most of
    the lemmatizer's time on words it has not cached (its cache leaves out base forms and
    proper nouns). The lists stay lists (same contents, order, serialisation); only ``in``
    changes speed, not its answer."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, _Index):
            table[key] = _Index(words)


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
