"""The cue lexicon: verbs, phrases and nouns of attribution, read from ``data/quotes/cues.yaml``."""
from __future__ import annotations

from ..data import load_yaml
from ..errors import DataError
from ..syntax import SAYING_VERBS, people_nouns

#: the argument frames a cue may take (see the header of data/quotes/cues.yaml)
FRAMES = ("quote", "clause", "xcomp", "object", "parenthetical", "passive")


class CueLexicon:
    """The cue verbs and phrases of ``data/quotes/cues.yaml`` (merged with users' files).

    verbs (dict[str, frozenset[str]]): lemma -> frames (quote, clause, xcomp, object, parenthetical).
    kinds (dict[str, str]): lemma -> kind name (speech, cognition, ...).
    preps (dict[str, frozenset[str]]): lemma -> prepositions/particles that take the content.
    phrases (list[tuple[str, ...]]): lower-cased token sequences ("according", "to").
    dashes (tuple[str]), colon_sources (frozenset[str]).
    in_sources (frozenset[str]): nouns of polls and studies that a clause is read in ('In the
        latest poll, X leads'); as_cues (dict[str, str]): verb lemma -> object word of an idiom of
        saying in an "as" clause ('as he put it'). Both: :mod:`~newsevents.quotes.nominal`.
    colon_labels (frozenset[str]): last words of a line's label before a colon that is no
        source ('Editor's note:', 'Photo:', 'The Latest:').
    passive_kinds (frozenset[str]): kinds whose agentless passives are source-less
        attributions ('X is expected to win'); passive_exclude (frozenset[str]):
        lemmas whose passive is not one ('was admitted', 'is called').
    nouns (dict[str, frozenset[str]]): nominal cue lemma -> prepositions taking its content.
    light_verbs / target_verbs (frozenset[str]): verbs whose subject is the source
        ('raised questions') / the target ('faced questions') of a nominal cue object.
    carriers (frozenset[str]): nouns of messages and documents ('a statement saying').
    clause_needs_that (frozenset[str]): lemmas whose clause is content only after "that".
    listener_cues (frozenset[str]): lemmas whose listener follows them ("told AFP that ...").
    adverbial_marks (frozenset[str]): subordinators opening a clause that is never content ("so", "because").
    subject_preps (frozenset[str]): prepositions through which a gerund cue shares
        the subject of the verb it modifies ('after saying').
    object_preps (frozenset[str]): prepositions after a cue's object that belong to its
        content ('blamed X for Y'); verb_object_preps (dict[str, frozenset[str]]): more of them for one
        lemma ('likened X to Y'). object_sources (frozenset[str]): verbs whose object
        is the source of a gerund cue after "as" ('cited X as saying').
    quote_without_object (frozenset[str]): lemmas that introduce a quotation only without
        a direct object ('he added' but not 'to add the question').
    group_nouns (frozenset[str]): plural nouns of people that may stand for a named group, with
        the people nouns of data/actors (:func:`~newsevents.syntax.people_nouns`).
    they_plurals / they_collectives (frozenset[str]): plural nouns of people (with ``group_nouns``) and
        singular nouns of a body of people whose unnamed subject a later "they" may refer to
        (:class:`~newsevents.quotes.coref.Antecedents`). issuer_relatives (frozenset[str]): nouns of the
        people around a person who speak for themselves when they issue a document ('a statement released
        by her family'; :mod:`~newsevents.quotes.owners`).
    action_objects (dict[str, frozenset[str]]): lemma -> object nouns that make the cue an action
        ('denied funding').
    saying (frozenset[str]): verbs of saying whose clause may swallow a coordinated statement.
    date_words (frozenset[str]): date words the parser may glue to a subject ('On Friday Ford ...').
    appended_participles (frozenset[str]): participles that, after a comma ending a reported
        clause, are a further statement of its speaker ('said A, citing B'; see
        :func:`~newsevents.quotes.misparse.appended_statement`).
    object_needs_as (frozenset[str]): lemmas whose object is content only with an "as"
        complement ('sees the program as a way in', not 'saw heavy rain').
    means_preps / gloss_verbs / outcome_verbs (frozenset[str]): a gerund that is the means of an act
        ('responded by throwing things'), verbs whose simple present glosses a word ('X refers to Y')
        and verbs whose "in" gerund is an outcome ('succeeded in underlining'): no attribution
        (:mod:`~newsevents.quotes.deeds`).
    form_lemmas (dict[str, str]): word forms the parser lemmatizes wrongly -> their lemma
        ('hopes' -> "hope", not "hop"); see :meth:`lemma`.
    RAISES DataError (E010): the file is missing or malformed, or a verb names an
        unknown kind or frame.
    """

    def __init__(self, data_paths=None):
        raw = load_yaml("quotes/cues.yaml", extra=data_paths) or {}
        kinds = raw.get("kinds", {})
        self.verbs: dict[str, frozenset] = {}
        self.kinds: dict[str, str] = {}
        self.preps: dict[str, frozenset] = {}
        for lemma, spec in (raw.get("verbs") or {}).items():
            preps: list = []
            if isinstance(spec, dict):
                kind = spec.get("kind")
                preps = spec.get("preps") or []
                frames = spec.get("frames") or kinds.get(kind, [])
            elif isinstance(spec, list):
                kind, frames = "custom", spec
            else:
                kind, frames = spec, kinds.get(spec)
            if frames is None or (isinstance(spec, dict) and kind not in kinds and not spec.get("frames")):
                # an unknown kind used to give the verb no frames at all, silently
                raise DataError("E010", path="quotes/cues.yaml",
                                reason=f"verb '{lemma}': unknown kind '{kind}' (known: {', '.join(sorted(kinds))})")
            bad = [f for f in frames if f not in FRAMES]
            if bad:
                raise DataError("E010", path="quotes/cues.yaml",
                                reason=f"verb '{lemma}': unknown frame(s) {bad} (known: {', '.join(FRAMES)})")
            self.verbs[str(lemma)] = frozenset(frames)
            self.kinds[str(lemma)] = str(kind)
            if preps:
                self.preps[str(lemma)] = frozenset(preps)
        self.phrases = [tuple(str(t).lower() for t in p["tokens"]) for p in raw.get("phrases") or []]
        self.dashes = tuple(raw.get("dashes") or ())
        self.colon_sources = frozenset(str(w).lower() for w in raw.get("colon_sources") or ())
        self.colon_labels = frozenset(str(w).lower() for w in raw.get("colon_labels") or ())
        self.in_sources = frozenset(str(w).lower() for w in raw.get("in_sources") or ())
        self.as_cues: dict[str, str] = {str(k).lower(): str(v).lower() for k, v in (raw.get("as_cues") or {}).items()}
        self.carriers = frozenset(str(w).lower() for w in raw.get("carriers") or ())
        self.nouns: dict[str, frozenset] = {str(k).lower(): frozenset(v or ()) for k, v in (raw.get("nouns") or {}).items()}
        self.light_verbs = frozenset(str(w).lower() for w in raw.get("light_verbs") or ())
        self.target_verbs = frozenset(str(w).lower() for w in raw.get("target_verbs") or ())
        self.passive_kinds = frozenset(str(w) for w in raw.get("passive_kinds") or ())
        self.passive_exclude = frozenset(str(w) for w in raw.get("passive_exclude") or ())
        self.subject_preps = frozenset(str(w).lower() for w in raw.get("subject_preps") or ())
        self.clause_needs_that = frozenset(str(w) for w in raw.get("clause_needs_that") or ())
        self.listener_cues = frozenset(str(w) for w in raw.get("listener_cues") or ())
        self.adverbial_marks = frozenset(str(w).lower() for w in raw.get("adverbial_marks") or ())
        self.object_preps = frozenset(str(w).lower() for w in raw.get("object_preps") or ())
        self.verb_object_preps: dict[str, frozenset] = {
            str(k).lower(): frozenset(str(w).lower() for w in v or ()) for k, v in (raw.get("verb_object_preps") or {}).items()}
        self.quote_without_object = frozenset(str(w).lower() for w in raw.get("quote_without_object") or ())
        self.object_sources = frozenset(str(w).lower() for w in raw.get("object_sources") or ())
        self.object_needs_as = frozenset(str(w).lower() for w in raw.get("object_needs_as") or ())
        self.expletive_adjectives = frozenset(str(w).lower() for w in raw.get("expletive_adjectives") or ())
        self.person_deeds = frozenset(str(w).lower() for w in raw.get("person_deeds") or ())
        self.reason_stances = frozenset(str(w).lower() for w in raw.get("reason_stances") or ())
        self.means_preps = frozenset(str(w).lower() for w in raw.get("means_preps") or ())
        self.gloss_verbs = frozenset(str(w).lower() for w in raw.get("gloss_verbs") or ())
        self.outcome_verbs = frozenset(str(w).lower() for w in raw.get("outcome_verbs") or ())
        self.anonymity_verbs = frozenset(str(w).lower() for w in raw.get("anonymity_verbs") or ())
        self.date_words = frozenset(str(w).lower() for w in raw.get("date_words") or ())
        self.appended_participles = frozenset(str(w).lower() for w in raw.get("appended_participles") or ())
        #: verbs of saying for :func:`~newsevents.syntax.coordinated_speech_head`: the shared
        #: list and every cue that takes a clause
        self.group_nouns = frozenset(str(w).lower() for w in raw.get("group_nouns") or ()) | people_nouns()
        self.they_plurals = frozenset(str(w).lower() for w in raw.get("they_plurals") or ()) | frozenset(
            str(w).lower() for w in raw.get("group_nouns") or ())
        self.they_collectives = frozenset(str(w).lower() for w in raw.get("they_collectives") or ())
        self.issuer_relatives = frozenset(str(w).lower() for w in raw.get("issuer_relatives") or ())
        self.action_objects: dict[str, frozenset] = {
            str(k).lower(): frozenset(str(w).lower() for w in v or ()) for k, v in (raw.get("action_objects") or {}).items()}
        self.saying = SAYING_VERBS | frozenset(k for k, f in self.verbs.items() if "clause" in f)
        self._frames_memo: dict = {}  # (pos, tag, lemma) hashes -> frames, see :meth:`frames`
        #: word forms the parser lemmatizes wrongly ('hopes' -> "hop"): form -> the cue lemma
        self.form_lemmas: dict[str, str] = {str(k).lower(): str(v).lower()
                                            for k, v in (raw.get("form_lemmas") or {}).items()}

    def lemma(self, token) -> str:
        """RETURNS (str): the lower-cased lemma of ``token``, corrected by ``form_lemmas``."""
        return self.form_lemmas.get(token.lower_) or token.lemma_.lower()

    def frames(self, token) -> frozenset:
        """RETURNS (frozenset[str]): the frames of a verb token's lemma (empty if not a cue).

        Memoised by the (POS, tag, lemma) hashes of the token (emptied past 200,000 keys).
        """
        fixed = self.form_lemmas.get(token.lower_) if self.form_lemmas else None
        if fixed is not None:
            return self.verbs.get(fixed, frozenset()) if token.pos_ in ("VERB", "AUX") or token.tag_[:2] == "VB" \
                else frozenset()
        key = (token.pos, token.tag, token.lemma)
        memo = self._frames_memo
        got = memo.get(key)
        if got is None:
            if token.pos_ not in ("VERB", "AUX") and token.tag_[:2] != "VB":
                got = frozenset()
            else:
                got = self.verbs.get(token.lemma_.lower(), frozenset())
            if len(memo) > 200_000:
                memo.clear()
            memo[key] = got
        return got
