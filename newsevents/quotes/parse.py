"""Attributions read off the dependency parse: cue verbs (nominal cues and phrases: :mod:`.nominal`).

Step 2 of the quotes stage (see :mod:`newsevents.quotes`). Every function takes the
:class:`~newsevents.quotes.cues.CueLexicon` and the article's ``Doc``; nothing is kept between articles.
"""
from __future__ import annotations

from typing import Optional

from ..syntax import coordinated_speech_head
from .bounds import speaker_verb_cut
from .deeds import means_not_said, reports_nothing
from .misparse import appended_statement, caption_or_title, cited_object, extracted_subject, inverted_parenthetical, no_speaker, \
    noun_read_cue, reduced_relative_cue, relative_content, stranded_subject, subject_taken_for_object, \
    that_clause_on_a_noun, verb_hung_after_object
from .sources import opens_quotation, relative_clause, source_of
from .spans import (AUX_DEPS, REL_PRONOUNS, SUBJ, WH_WORDS, Attr, Range, cue_paragraph, doc_text,
                    is_quote_tok, overlap, subtree_range, trim)


def cue_range(doc, v, extra=()) -> Range:
    toks = [v] + [c for c in v.children if c.dep_ in AUX_DEPS or c.dep_ == "prt"] + list(extra)
    # keep only tokens contiguous with the verb
    idx = sorted({t.i for t in toks})
    lo = hi = v.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def verb_attr(lex, doc, v, in_quote=None) -> Optional[Attr]:
    """The attribution of cue verb ``v``, or None.

    in_quote (RangeIndex | None): the article's quotations; a source before the cue that lies
        inside one is a piece of the quotation the parser took for the subject.
    """
    frames = lex.frames(v)
    if not frames and noun_read_cue(v):
        frames = lex.verbs.get(lex.lemma(v), frozenset())
    if not frames or caption_or_title(v):
        return None
    if reports_nothing(lex, v):
        # 'Congress denied funding for the wall' (withheld, not said), 'The White House refers to the
        # president's office', 'succeeded only in underlining X'
        return None
    inverted = inverted_parenthetical(doc, v, frames, lambda t: cue_range(doc, t))
    if inverted is not None:
        return inverted
    lemma = lex.lemma(v)
    reduced = reduced_relative_cue(doc, v) if "clause" in frames else None
    if reduced is not None:
        return Attr(cue=cue_range(doc, v), source=reduced[0], content=reduced[2], origin="parse",
                    src_head=reduced[1], cue_tok=v)
    content = None
    extra_cue = []
    children = list(v.children)
    if lemma in lex.object_sources and any(
            t.lower_ == "as" and t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "VBG" and cited_object(
                doc, t, lex.object_sources) is not None for t in doc[v.i + 1:v.sent.end]):
        return None  # 'The BBC cited X as saying ...': the attribution is X's, read off 'saying'
    if "clause" in frames:
        ccs = [c for c in children if c.dep_ == "ccomp"]
        # 'A; TVN24 reported (that) B': a clause before the cue is not its content
        # when a semicolon stands between them
        # a clause after the cue first ('On June 12, minutes before the committee voted ..., Trump
        # claimed the documents were privileged')
        # and before it the nearest one ('He said A; however, "B", he added': B)
        ccs = [c for c in ccs if c.i > v.i] + sorted((c for c in ccs if c.i < v.i), key=lambda t: -t.i)
        cc = next((c for c in ccs if c.i > v.i
                   or not any(t.text == ";" for t in doc[c.right_edge.i + 1:v.i])), None)
        if cc is not None and "parenthetical" not in frames and (
                cc.i < v.i or any(c.dep_ == "dobj" and c.i > v.i for c in children)):
            # a verb that does not report speech ('questioned whether ...') takes a clause
            # only after it and only when it has no object ('described X as Y')
            cc = None
        if cc is not None and lemma in lex.clause_needs_that and not any(
                g.dep_ == "mark" and g.lower_ == "that" for g in cc.children):
            cc = None  # 'agreed travel bans': an object the parser took for a clause
        if cc is not None and any(g.dep_ == "mark" and g.i == cc.left_edge.i and g.lower_ in lex.adverbial_marks
                                  for g in cc.children):
            cc = None  # 'declared last Friday so he could fund a wall': a purpose, not a content
        if cc is not None:
            lo, hi = subtree_range(cc, exclude=[v])
            if cc.i > v.i:
                hi = max(hi, _split_clause_end(lex, doc, cc, ccs))
                lo = _after_listener(lex, doc, v, children, cc, lo)
            if cc.i < v.i:  # 'A, but B, he noted': the parser made A and B two clauses of the cue
                first = cc
                for c in ccs:
                    if c.i < first.i and _coordinated_clauses(doc, c, first):
                        lo, first = min(lo, c.left_edge.i), c
            obj = next((c for c in children if c.dep_ == "dobj" and v.i < c.i < cc.i), None)
            if obj is not None and cc.i > v.i and not any(g.dep_ in SUBJ + ("expl",) for g in cc.children):
                # 'announced the tests by a laboratory found Novichok': the clause's subject
                # was taken for the cue's object
                lo = obj.left_edge.i
            for conj in cc.children:  # 'X says A promised B and said C': C is its own attribution
                if conj.dep_ == "conj" and conj.i > cc.i and ("clause" in lex.frames(conj) and any(
                        g.dep_ == "ccomp" for g in conj.children) or _matrix_is(conj, v, lex.saying)):
                    cut = conj.left_edge.i
                    while cut > cc.i and doc[cut - 1].dep_ in ("cc", "punct"):
                        cut -= 1
                    hi = min(hi, cut)
            for t in doc[cc.i + 1:hi]:  # 'said A, citing B': B is another statement of the speaker
                m = appended_statement(lex, t) if t.dep_ in ("conj", "advcl") else None
                if m is not None and m.i == v.i:
                    cut = t.left_edge.i
                    while cut > cc.i and doc[cut - 1].dep_ in ("cc", "punct"):
                        cut -= 1
                    hi = min(hi, cut)
                    break
            if cc.i > v.i:  # 'said it would reconsider and spoke with Pompeo': the speaker's next deed
                hi = speaker_verb_cut(doc, v, cc, hi)
            content = trim(doc, lo, hi)
        elif not any(c.dep_ == "dobj" and c.i > v.i for c in children):
            content = advcl_content(doc, v, children, wide="parenthetical" in frames)
        else:
            content = subject_taken_for_object(doc, v, children)
        if content is None and "parenthetical" in frames:
            content = that_clause_on_a_noun(doc, v, children)
    if content is None and "xcomp" in frames:
        xc = next((c for c in children if c.dep_ == "xcomp"), None)
        if xc is not None and lex.lemma(xc) in lex.anonymity_verbs and any(c.dep_ == "auxpass" for c in xc.children):
            return None  # 'who asked not to be identified': a condition of the interview, nothing said
        if xc is not None:
            obj = next((c for c in children if c.dep_ == "dobj" and c.i < xc.i), None)
            lo = (obj.left_edge.i if obj is not None else xc.left_edge.i)
            # 'urged the embassy to reconsider and spoke with Pompeo': the content ends at "reconsider"
            content = trim(doc, lo, speaker_verb_cut(doc, v, xc, xc.right_edge.i + 1))
    evidence_object = False  # content is the object of a verb of showing ('polls show a close race')
    if content is None and "object" in frames:
        preps = lex.preps.get(lemma, frozenset())
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is not None and lemma in lex.object_needs_as and not any(
                c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in children + list(obj.children)):
            obj = None  # 'the region saw heavy rain': seeing X as Y is a view, seeing X is not
        if obj is not None and obj.i > v.i:
            hi = obj.right_edge.i + 1
            for c in children:  # 'called Trump a liar', 'described Kim as a friend'
                if c.i > obj.i and (c.dep_ in ("oprd", "xcomp", "ccomp") or (
                        c.dep_ == "prep" and (c.lower_ in lex.object_preps
                                              or c.lower_ in lex.verb_object_preps.get(lemma, ())))):
                    hi = max(hi, c.right_edge.i + 1)
            content = trim(doc, obj.left_edge.i, hi)
            if "clause" in frames:
                content = verb_hung_after_object(doc, v, obj) or content
            evidence_object = lemma in lex.person_deeds
    if content is None and lex.preps.get(lemma):
        # 'responded by throwing things': the means of the act, not what was said
        preps = lex.preps[lemma] - frozenset(c.lower_ for c in children if c.dep_ == "prep" and means_not_said(lex, c))
        content = prep_content(doc, v, children, preps, extra_cue)
    if content is None and "parenthetical" in frames:
        if v.dep_ in ("parataxis",) and v.head is not v:
            h = v.head
            lo, hi = subtree_range(h, exclude=[v])
            if v.i > h.i:
                hi = min(hi, v.left_edge.i)
            else:
                lo = max(lo, v.right_edge.i + 1)
            content = trim(doc, lo, hi)
        else:
            para = next((c for c in children if c.dep_ == "parataxis"), None)
            if para is not None:
                lo, hi = subtree_range(para, exclude=[v])
                content = trim(doc, lo, hi)
    source, head = source_of(lex, doc, v)
    if no_speaker(head):  # 'in May, 2018 identified him', 'the second accused him'
        head = stranded_subject(doc, v, head)
        if head is None:
            return None
        source = trim(doc, head.left_edge.i, head.i + 1)
    if relative_content(doc, content) or extracted_subject(v, children, content):
        content = None  # 'X spoke, who headed the campaign', 'the countries they said were involved'
    if content is not None and source is not None and overlap(content, source):
        content = None
    text = doc_text(doc)
    if content is not None and "\n" in text[min(content[1], v.idx):max(content[0], v.idx)]:
        content = None  # a clause in another paragraph ('... about the withdrawal:\n\n"...," wrote X')
    content = cue_paragraph(doc, content, v)
    if source is not None and head is not None and "quote" in frames and source[1] <= v.idx \
            and (head.head.i == v.i or v.tag_ != "VBG") \
            and (opens_quotation(doc, head) or in_quote is not None and in_quote.find(head.idx) is not None):
        # '"...," tweeted former executive Ken Gude': the parser took the quotation for the
        # subject and the speaker for the object; the quotation is linked in step 3.
        # '"It is in panic mode. Full panic mode," said Leslie Wimes': its last sentence. Not a participle's
        # inherited subject: 'wrote, "I noticed ...", recalling their first meeting' has no object that speaks.
        obj = next((c for c in children if c.dep_ in ("dobj", "attr", "nsubj") and c.i > v.i), None)
        if obj is not None:
            lo, hi = subtree_range(obj, exclude=[v])
            source, head, content = trim(doc, lo, hi), obj, None
    origin = "parse"
    if v.tag_ == "VBN" and v.dep_ == "advcl" and not any(c.dep_ in AUX_DEPS + SUBJ for c in children):
        # 'Asked about the bombing, the mayor said ...': the mayor was asked; who asked is not said
        source, head, origin = None, None, "passive"
    if source is None and lex.kinds.get(lemma) in lex.passive_kinds \
            and lemma not in lex.passive_exclude:
        spass = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if spass is not None and not any(c.dep_ == "agent" for c in children):
            # 'He has been criticized for ...', 'X is expected to win': no source named
            origin = "passive"
            comp = [c for c in children if c.i > v.i and (c.dep_ in ("xcomp", "oprd") or (
                c.dep_ == "prep" and c.lower_ in ("for", "of", "as")))]
            if content is None and comp and spass.lower_ not in WH_WORDS | REL_PRONOUNS:
                # 'He has been criticized for ...', 'X is not thought to be capable': the subject
                # with its complement. Without one the passive subject alone would be the content,
                # a thing or a person ('A bombing was reported', 'she was questioned'): no quote.
                content = trim(doc, spass.left_edge.i, max(c.right_edge.i for c in comp) + 1)
    if content is None and source is not None and lex.kinds.get(lemma) in lex.passive_kinds \
            and lemma not in lex.passive_exclude:
        content = _passive_subject(doc, v, children)
    if content is not None and _lone_pronoun(doc, content):
        content = None  # 'accused him', 'calling it': the target, not what was said
    if content is None and "quote" not in frames:
        return None
    return Attr(cue=cue_range(doc, v, extra_cue), source=source, content=content,
                origin=origin, src_head=head, cue_tok=v, evidence_object=evidence_object)


def _after_listener(lex, doc, v, children, cc, lo: int) -> int:
    """'told Agence France-Presse arson has been used': with no object of its own, a listener cue
    (cues.yaml ``listener_cues``) whose clause subject carries a name as a left modifier has that
    name as its listener; the content starts after it. RETURNS (int): the content's first token."""
    if lex.lemma(v) not in lex.listener_cues or any(c.dep_ in ("dobj", "dative", "iobj") for c in children):
        return lo
    subj = next((c for c in cc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.ent_type_ or subj.i == lo:
        return lo
    name = [t for t in doc[lo:subj.i]]
    if name and name[0].i == v.i + 1 and all(t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or t.text == "-"
                                             for t in name):
        return subj.i
    return lo


def _relative_subject(v):
    """The relative pronoun that is the subject of cue ``v`` or of the relative clause it continues
    ('who feared X and asked Y', 'Clinton, who spent the day lambasting X'), or None."""
    t = v
    for _ in range(5):
        rel = next((c for c in t.children if c.dep_ in SUBJ and c.lower_ in REL_PRONOUNS), None)
        if rel is not None:
            return rel if relative_clause(t) is not None else None
        if any(c.dep_ in SUBJ for c in t.children) or t.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "prep") \
                or t.head is t:
            return None
        t = t.head
    return None


def relative_source(doc, a: Attr) -> Attr:
    """The relative pronoun as the source of a cue in a relative clause, its antecedent kept as ``named``.

    'Bay Financial, which said it may be forced to file ...': the source is "which" and the
    speaker is read off "Bay Financial" (PolNeAR guidelines, "Relative pronouns": including the
    antecedent in the source would be coreference resolution; PARC 3.0 does the same).
    A source already holding the pronoun ('many of whom say') is left as it is.
    RETURNS (Attr): ``a``, changed in place when it applies.
    """
    v = a.cue_tok
    if v is None or a.source is None or a.named is not None or not hasattr(v, "dep_"):
        return a
    rel = _relative_subject(v)
    if rel is None:
        return a
    if rel is None or a.source[0] <= rel.idx < a.source[1]:
        return a
    a.named, a.source = a.source, (rel.idx, rel.idx + len(rel.text))
    return a


def _passive_subject(doc, v, children) -> Optional[Range]:
    """The passive subject of a cue with a by-agent: what the agent said, backed or reported.

    'The registration issue was first reported by The Washington Post', 'Clinton has been
    endorsed by dozens of papers': PolNeAR annotates the agent as source and the passive
    subject as content (guidelines, "Beware passive constructions"). Not a relative or
    wh-word ('the story, which was reported by ...': no antecedent as content), and not
    when a complement follows ('X were reported by local media to have attended': the
    subject alone would be half the content).
    RETURNS (Range | None).
    """
    spass = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if spass is None or not any(c.dep_ == "agent" for c in children) or spass.lower_ in WH_WORDS | REL_PRONOUNS:
        return None
    if any(c.dep_ in ("xcomp", "ccomp", "oprd") for c in children):
        return None  # 'X were reported by local media to have attended': the subject is half the content
    lo, hi = subtree_range(spass, exclude=[v])
    return trim(doc, lo, hi)


def _coordinated_clauses(doc, first, second) -> bool:
    """True when clause ``second`` follows ``first`` after a coordinator of ``first`` ('A, but B')
    with no quotation mark or semicolon between them."""
    between = doc[first.right_edge.i + 1:second.left_edge.i]
    if any(t.text == ";" or is_quote_tok(t) for t in doc[first.left_edge.i:second.right_edge.i + 1]):
        return False
    return any(c.dep_ == "cc" and first.i < c.i < second.left_edge.i for c in first.children) and all(
        t.is_punct or t.dep_ == "cc" for t in between)


def _split_clause_end(lex, doc, cc, ccs) -> int:
    """The end (token index) of a reported clause the parser split in two complements of the cue.

    'saying the justification presented for the question was "contrived"': "presented" and
    "contrived" both hang on the cue; a later complement that starts right where ``cc`` ends and
    has no subject of its own, no coordinator before it and is no cue itself continues it
    ('said A and warned B' is two statements). RETURNS (int): the token end, ``cc``'s own without one.
    """
    end = cc.right_edge.i + 1
    for c in sorted(ccs, key=lambda t: t.i):
        if c.i <= cc.i or c.left_edge.i != end:
            continue
        if any(g.dep_ in SUBJ + ("expl",) for g in c.children) or lex.frames(c) or doc[end - 1].dep_ == "cc" \
                or doc[end - 1].lower_ in ("and", "but", "or"):
            break
        end = c.right_edge.i + 1
    return end


def _matrix_is(verb, matrix, saying) -> bool:
    """True when ``verb`` is a statement of ``matrix``'s subject that the parser put inside its clause."""
    got = coordinated_speech_head(verb, saying)
    return got is not None and got.i == matrix.i


def _lone_pronoun(doc, rng: Range) -> bool:
    span = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ == "PRON"


def advcl_content(doc, v, children, wide: bool = True) -> Optional[Range]:
    """A reported clause the parser attached as ``advcl``.

    'X said after the meeting he would resign' (no subordinator) and
    'X has not said when they would vote' (an indirect question) come out
    as adverbial clauses; a clause with its own subject after the cue and
    no adverbial subordinator (because, if, while ...) is the content.
    wide (bool): False for verbs that do not report speech, which then take
    no clause opened by "when" or "if" ('questioned the plan when ...').
    """
    for c in children:
        if c.dep_ != "advcl" or c.i < v.i:
            continue
        if not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            continue
        marks = [g for g in c.children if g.dep_ in ("mark", "advmod") and g.i < c.i
                 and g.i == c.left_edge.i]
        if marks and (marks[0].lower_ not in WH_WORDS or (not wide and marks[0].lower_ in ("when", "if"))):
            continue
        return trim(doc, c.left_edge.i, c.right_edge.i + 1)
    return None


def prep_content(doc, v, children, preps, extra_cue) -> Optional[Range]:
    """Content of 'called for X', 'pointed to X', 'pointed out X'; the particle joins the cue.

    None for a passive cue ('are referred to the Department of Justice': sent there).
    """
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return None
    for c in children:
        if c.dep_ not in ("prep", "prt") or c.lower_ not in preps or c.i < v.i:
            continue
        pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            extra_cue.append(c)
            return trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
        if c.dep_ == "prt":
            extra_cue.append(c)
            obj = next((g for g in children if g.dep_ in ("dobj", "ccomp")), None)
            if obj is not None:
                return trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
    return None
