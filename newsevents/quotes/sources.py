"""Sources read off the dependency parse: who is the source of a cue verb.

Part of step 2 of the quotes stage (see :mod:`newsevents.quotes`), used by :mod:`.parse` (cue verbs),
:mod:`.nominal` (a light verb's subject) and :mod:`.direct` (a cue next to a quotation).
"""
from __future__ import annotations

from ..syntax import coordinated_speech_head
from .channels import channel_subject
from .misparse import appended_statement, cited_object
from .spans import REL_PRONOUNS, SUBJ, cut_paragraphs, doc_text, subtree_range, trim


def source_of(lex, doc, v):
    """RETURNS (Range | None, Token | None): the source span of cue verb ``v`` and its head."""
    subjs = [c for c in v.children if c.dep_ in SUBJ]
    subj = subjs[0] if subjs else None
    if len(subjs) > 1:
        # '"My reaction, that was outrageous," Axelrod said': the quotation's clause is no subject
        subjs = [c for c in subjs if not opens_quotation(doc, c)] or subjs
        # "Millions dwell in the slums, and while ..., local activists claimed": of two subjects
        # the parser gives one verb, the nearer one is the cue's
        subjs = sorted(subjs, key=lambda c: abs(v.i - c.i))
        subj = subjs[0]
        # a caption line the parser made a second subject ('—One of the victim's lawyers\n\nBoth
        # officers indicated ...'): the subject in the cue's own paragraph
        text = doc_text(doc)
        subj = next((c for c in subjs if "\n" not in text[min(c.idx, v.idx):max(c.idx, v.idx)]), subj)
        glued = hyphenated_subject(doc, subj, subjs, v)
        if glued is not None:  # 'Moon Jae-in praised': "Jae" and "in" are one name, not two subjects
            return glued
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is None:
            return None, None
        subj = pobj
    if subj is None:
        matrix = appended_statement(lex, v)
        if matrix is not None:  # 'X said A, citing B' / 'X said she would A and warned B': X's
            return source_of(lex, doc, matrix)
        matrix = coordinated_speech_head(v, lex.saying)
        if matrix is not None:
            # 'X said A and warned B': the parser put 'warned' inside A; X speaks
            subj = next((c for c in matrix.children if c.dep_ in ("nsubj", "csubj")), None)
    owner = v  # the verb whose subject the source is
    if subj is None:
        h = v
        for _ in range(4):  # inherit from a governing verb: 'X implored her, arguing that ...'
            if h.dep_ in ("xcomp", "advcl", "conj", "pcomp") and h.head is not h:
                h = h.head
            elif h.dep_ == "prep" and h.lower_ in lex.subject_preps and h.head is not h \
                    and h.head.pos_ in ("VERB", "AUX", "ADV", "ADJ"):
                # 'X refused, after saying that ...' / 'stopped short of calling ...'
                h = h.head
            elif h.dep_ in ("advmod", "acomp") and h.pos_ in ("ADV", "ADJ") and h.head is not h:
                h = h.head  # 'short' in 'stopped short of calling'
            elif (h.dep_ == "acl" and h.head.lemma_.lower() in lex.carriers
                  and h.head.dep_ in ("dobj", "pobj") and h.head.head is not h.head):
                # 'the council issued a statement calling ...': the issuer speaks
                h = h.head.head
                if h.dep_ == "prep":
                    h = h.head
            elif h.dep_ == "prep" and h.lower_ == "as" and cited_object(doc, h, lex.object_sources) is not None:
                # 'The BBC cited Budi Gunawan, chief of ..., as saying ...': the object speaks
                subj = cited_object(doc, h, lex.object_sources)
                break
            else:
                break
            # a passive governing verb shares its (nominal) subject too ('X was met with applause
            # upon announcing ...', 'X is reported to have jumped on stage and claimed ...')
            subj = next((c for c in h.children if c.dep_ in ("nsubj", "csubj") or (
                c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN", "PRON"))), None)
            if subj is not None:
                owner = h
                break
        if subj is None and v.dep_ == "acl" and v.head.lemma_.lower() in lex.carriers:
            # 'his letter saying ...' with no issuer: the letter's owner
            poss = next((c for c in v.head.children if c.dep_ == "poss"), None)
            if poss is not None:
                lo, hi = subtree_range(poss, exclude=[v])
                return trim(doc, lo, hi), poss
        if subj is None and v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
            subj = v.head
            lo, hi = subtree_range(subj, exclude=[v])
            r = trim(doc, lo, hi)
            return r, subj
    if subj is None:
        return _after_date(lex, doc, v)
    if owner is not v and subj.lower_ == "it" \
            and any(c.dep_ == "acomp" and c.lower_ in lex.expletive_adjectives for c in owner.children):
        return None, None  # 'it's impossible to know whether ...', 'X, it's worth noting, sought': no one
    if subj.lower_ in REL_PRONOUNS and subj.tag_ in ("WDT", "WP"):
        rel = relative_clause(owner)  # 'the Authority - which considers X and has rejected Y'
        if rel is None:
            return None, None  # 'Which is not to say that ...': no antecedent, no one named
        head = rel.head
        lo, hi = subtree_range(head, exclude=[rel])
        return trim(doc, lo, hi), head
    if subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that") and subj.dep_ != "pobj":
        # 'it' as expletive subject of reporting verbs is not a source
        if any(c.dep_ == "ccomp" for c in v.children) and v.lemma_ in ("seem", "appear"):
            return None, None
    chan = channel_subject(doc, subj, lex.phrases)
    if chan is not None:  # 'According to ISNA, the prosecutor general, X, said': ISNA is the channel
        return chan
    lo, hi = subtree_range(subj, exclude=[v])
    rng = cut_paragraphs(doc, trim(doc, lo, hi), v)
    if rng is not None and not rng[0] <= subj.idx < rng[1]:
        # the parser joined a caption line to the subject ('Sadiq Khan\n\nAlexis Boon, the head
        # of ...'): the head of the line kept is the source's head
        span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
        if span is not None and len(span):
            subj = span.root
    return rng, subj


def hyphenated_subject(doc, subj, subjs, v):
    """Two subjects of one verb that are the pieces of one hyphenated word, as one source.

    The tokenizer splits 'Jae-in' at the hyphen and the parser may make both pieces subjects of the
    verb ("Moon Jae" and "in" in 'President Moon Jae-in praised ...', README sample; new-user
    trial 10): the nearer piece alone ("in") names no one. subj (Token): the subject chosen;
    subjs (list[Token]): all subjects of cue verb ``v``.
    RETURNS (tuple[Range, Token] | None): the whole name's range and its proper-noun piece, or None
    when no other subject is joined to ``subj`` by a hyphen with no space around it.
    """
    for other in subjs:
        if other is subj:
            continue
        first, last = (other, subj) if other.i < subj.i else (subj, other)
        lo, _ = subtree_range(first, exclude=[v])
        _, hi = subtree_range(last, exclude=[v])
        left_end = doc[first.right_edge.i] if first.right_edge.i < last.left_edge.i else None
        between = doc[first.right_edge.i + 1:last.left_edge.i] if left_end is not None else []
        if left_end is None or not len(between) or left_end.whitespace_ \
                or any(t.text not in ("-", "‑", "‐") or t.whitespace_ for t in between):
            continue
        head = first if first.pos_ == "PROPN" or last.pos_ != "PROPN" else last
        rng = trim(doc, lo, hi)
        return (rng, head) if rng is not None else None
    return None


def _after_date(lex, doc, v):
    """'On Friday Ford Motor Company announced ...': the parser made the subject part of the date.

    RETURNS (Range | None, Token | None): the names after the date words of a prepositional
    phrase before the cue whose object is a proper noun, else (None, None).
    """
    for c in v.children:
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if c.i > v.i or pobj is None or pobj.pos_ != "PROPN" or c.i + 1 >= pobj.i:
            continue
        k = c.i + 1
        while k < pobj.i and (doc[k].lower_ in lex.date_words or doc[k].like_num or doc[k].is_punct):
            k += 1
        if k == c.i + 1 or not all(t.pos_ == "PROPN" for t in doc[k:pobj.i + 1]):
            continue
        return trim(doc, k, pobj.i + 1), pobj
    return None, None


def relative_clause(verb):
    """The relative clause verb ``verb`` is, or is a conjunct of ('who feared X and asked Y'), or None."""
    t = verb
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t if t.dep_ == "relcl" else None


def opens_quotation(doc, head) -> bool:
    """True when the subject headed by ``head`` opens with a quotation mark (an opening one)."""
    first = head.left_edge
    prev = doc[first.i - 1] if first.i > 0 else None
    return any(t is not None and t.tag_ == "``" for t in (first, prev))
