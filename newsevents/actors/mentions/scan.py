"""The scan of one Doc for names and lexicon items.

A greedy longest-match scan with the cased and the lower-cased lexicons
(:class:`~newsevents.actors.tables.Knowledge`), then spaCy's PERSON and ORG entities
where the lexicons leave gaps: the :class:`~.state.Item` list every recogniser reads.
"""
from __future__ import annotations

from .state import ArticleState, Item


def _strip_ent(doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' (or a possessive ending the word before: "the group’s Haqqani network"
    tagged '’s Haqqani') and trailing possessive / punctuation from an entity span."""
    while start < end and doc[start].lower_ in ("the", "a", "an", "'s", "’s"):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _name_entities(doc, rules=None) -> list:
    """The PERSON and ORG entities of ``doc`` as ``(start, end, label)`` token spans, with two
    PERSON entities that touch (no word or punctuation between them) joined: the small model
    splits 'Judge Amy Berman Jackson' into 'Amy Berman' and 'Jackson'. With ``rules`` (the
    actor rules), speakers' names the model misses or calls ORG are PERSON (:func:`_speaker_names`)."""
    speakers = _speaker_names(doc, rules) if rules else {}
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        label = "PERSON" if ent.label_ == "ORG" and (ent.start, ent.end) in speakers else ent.label_
        if out and label == "PERSON" and out[-1][2] == "PERSON" and out[-1][1] == ent.start:
            out[-1] = (out[-1][0], ent.end, "PERSON")
        else:
            out.append((ent.start, ent.end, label))
    taken = {k for s, e, _ in out for k in range(s, e)}
    for (s, e) in speakers:
        if not any(k in taken or doc[k].ent_type_ for k in range(s, e)):
            out.append((s, e, "PERSON"))  # no entity at all: 'Regina Ip from the pro-Beijing camp said'
    out.sort()
    return out


def _speaker_names(doc, rules) -> set:
    """``(start, end)`` spans of the names that are subjects of a verb of saying (actor rules
    ``speaker_name_verbs``): two to four capitalised proper nouns, the last the subject, none an
    ``organisation_words`` word. RETURNS (set[tuple[int, int]])."""
    verbs = set(rules.get("speaker_name_verbs", ()))
    org_words = set(rules.get("organisation_words", ()))
    out = set()
    if not verbs:
        return out
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.head.lemma_.lower() not in verbs:
            continue
        start = tok.i
        while start > tok.sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i \
                and doc[start - 1].pos_ == "PROPN":
            start -= 1
        toks = doc[start:tok.i + 1]
        if not 2 <= len(toks) <= 4 or any(not (t.is_alpha and t.is_title) or t.lower_ in org_words for t in toks):
            continue
        if any(t.ent_type_ and t.ent_type_ not in ("ORG", "PERSON") for t in toks):
            continue
        ents = {(e.start, e.end) for e in doc.ents if e.start < tok.i + 1 and start < e.end}
        if ents and ents != {(start, tok.i + 1)}:
            continue  # an entity that is more or less than the name: part of a longer name
        out.add((start, tok.i + 1))
    return out


def _scan(st: ArticleState, blocked: set) -> list[Item]:
    """Greedy longest-match scan with both lexicons; NER entities fill the gaps."""
    doc, kb = st.doc, st.kb
    items: list[Item] = []
    n = len(doc)
    cased_keys = kb.cased.keys(doc)
    lower_keys = [k.lower() for k in cased_keys]
    st.lower_keys = lower_keys
    st.cased_keys = cased_keys
    i = 0
    while i < n:
        m = kb.cased.match(cased_keys, i)
        m2 = kb.lower.match(lower_keys, i)
        if m is None and m2 is None:
            i += 1
            continue
        tok = doc[i]
        if tok.is_space or tok.is_punct and tok.text not in ("-",):
            i += 1
            continue
        best = None
        if m and i not in blocked:
            end, entries = m
            if end - i == 1 and not (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC")
                                     or (tok.is_title and tok.is_sent_start)) \
                    and all(e.kind in ("person", "org") for e in entries):
                pass  # a one-word name must look like a name (tagged PROPN or an entity; the small
                # model tags a sentence-initial 'Trump' NOUN, so a capitalised first word passes)
            else:
                best = Item(i, end, entries[0].kind, list(entries))
        if m2 and (best is None or m2[0] > best.end):
            end, entries = m2
            best = Item(i, end, entries[0].kind, list(entries))
        if best is None:
            i += 1
            continue
        items.append(best)
        i = best.end
    # NER entities
    covered = {}
    for it in items:
        for k in range(it.start, it.end):
            covered[k] = it
    extra = []
    honorifics = {w.lower() for w in kb.rules.get("name_honorifics", ())}
    not_names = set(kb.rules.get("not_names", ()))
    bylines = set(kb.rules.get("byline_words", ()))
    for ent_start, ent_end, label in _name_entities(doc, kb.rules):
        s, e = _strip_ent(doc, ent_start, ent_end)
        while e - 1 > s and doc[e - 1].is_alpha and doc[e - 1].is_lower and doc[e - 2].whitespace_:
            e -= 1  # 'Associated Press of bank (robberies)': a name ends at its last capitalised word
            # ('Yu Hoi-kwan': a lower-case part joined by a hyphen stays)
        s, e = _strip_ent(doc, s, e)
        if s >= e or doc[s:e].text in not_names or not any(t.text[:1].isupper() for t in doc[s:e]):
            continue  # a time zone ('15:00 BST'), or no name at all ('act with restraint')
        if _byline(doc, s, bylines):
            continue  # 'By Matt Spetalnick and Jason Szep': the writers
        inner_items = [it for it in items if it.start >= s and it.end <= e]
        overlapping = [it for it in items if it.start < e and it.end > s]
        if any(it.kind in ("person", "org") and it.start <= s and it.end >= e for it in overlapping):
            continue  # the table knows it (fixes 'Trump' tagged ORG)
        if label == "PERSON":
            # a title before the name, inside the entity or not ('First Lady Melania Trump' tagged
            # 'Lady Melania Trump'): no part of the name
            lead = [it for it in overlapping if it.kind == "title" and it.start <= s < it.end]
            if lead:
                s = max(it.end for it in lead)
                overlapping = [it for it in overlapping if it.start < e and it.end > s]
                if s >= e:
                    continue
        if any(it.kind == "person" for it in overlapping):
            # a longer PERSON entity around an alias ('Kim Yo Jong' around 'Kim') wins only
            # when its extra tokens are unknown proper nouns, not honorifics (actor rules
            # ``name_honorifics``)
            alias = next(it for it in overlapping if it.kind == "person")
            extra_toks = [doc[k] for k in range(s, e) if not (alias.start <= k < alias.end)]
            if extra_toks and all(t.lower_ in honorifics for t in extra_toks):
                continue  # 'Sayyid Ali Hosseini Khamenei': an honorific before the table's name
            if label == "PERSON" and extra_toks and all(t.pos_ == "PROPN" and t.i not in covered for t in extra_toks):
                items.remove(alias)
                extra.append(Item(s, e, "ner_person"))
            continue
        if label == "PERSON":
            for it in list(overlapping):
                if it.kind in ("capital", "country", "shorthand", "demonym") and it.start >= s and it.end <= e \
                        and (e - s) > (it.end - it.start):
                    items.remove(it)  # 'George Washington', 'Chad Smith'
                    overlapping.remove(it)
            for it in list(overlapping):
                if it.kind == "title" and it.end == e and it.start > s and doc[it.start - 1].pos_ == "PROPN" \
                        and doc[it.start - 1].is_title and not any(o.start <= it.start - 1 < o.end for o in overlapping):
                    items.remove(it)  # 'Kevin King', 'Tom Major': a surname that is also a title
                    overlapping.remove(it)
            lead = [it for it in overlapping if it.kind in ("title", "adjective") and it.start <= s]
            while lead:
                s = max(it.end for it in lead)  # 'President Joe Smith' -> 'Joe Smith'
                lead = [it for it in overlapping if it.kind in ("title", "adjective") and it.start <= s < it.end]
            if s >= e or any(it.start < e and it.end > s for it in overlapping):
                continue
            extra.append(Item(s, e, "ner_person"))
        else:  # ORG
            if overlapping and not all(it.start >= s and it.end <= e for it in overlapping):
                continue
            if len(inner_items) == 1 and inner_items[0].start == s and inner_items[0].end == e:
                continue  # the entity is just a lexicon entry ('Koreas', 'North')
            for it in inner_items:
                it.inner = True
            extra.append(Item(s, e, "ner_org", value=inner_items))
    items.extend(extra)
    items.extend(_surnames_again(doc, items))
    items.sort(key=lambda it: (it.start, -it.end))
    return items


def _byline(doc, start: int, words: set) -> bool:
    """Whether token ``start`` is in a byline: a line (to the sentence's end or a line break) that
    opens with a byline word (actor rules ``byline_words``: 'By', 'Por') and holds no verb (of
    more than one letter: the tagger may read the Portuguese or Spanish 'e', 'y' as one).
    RETURNS (bool)."""
    sent = doc[start].sent
    line = []
    for t in sent:
        if "\n" in t.text:
            if t.i > start:
                break
            line = []
            continue
        line.append(t)
    words_ = [t for t in line if not (t.is_space or t.is_punct)]
    return bool(words_) and words_[0].lower_ in words and words_[0].i <= start \
        and not any(t.pos_ in ("VERB", "AUX") and len(t.text) > 1 for t in words_)


def _surnames_again(doc, items: list[Item]) -> list[Item]:
    """One-word mentions of a person named in full earlier in the article ('Oleksiy Honcharuk ...
    Honcharuk filed his resignation') that spaCy's NER misses: the later word, capitalised, a
    proper noun or a capitalised first word, outside every other item, is a person mention
    (news style names a person in full once, then by surname). A surname NER calls ORG is
    found by :func:`.organisations.recognise_ner_org`. RETURNS (list[Item]): the new items."""
    first: dict[str, int] = {}
    for it in items:
        if it.kind in ("ner_person", "person") and it.end - it.start >= 2:
            last = doc[it.end - 1]
            if last.is_alpha and last.is_title:
                first.setdefault(last.text, it.end)
    if not first:
        return []
    covered = {k for it in items for k in range(it.start, it.end)}
    out = []
    for tok in doc:
        seen = first.get(tok.text)
        if seen is None or tok.i < seen or tok.i in covered \
                or tok.ent_type_ not in ("", "PERSON", "GPE", "ORG", "NORP", "LOC"):
            continue
        if not (tok.pos_ == "PROPN" or tok.is_sent_start):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name
        if tok.i > 0 and doc[tok.i - 1].is_title and doc[tok.i - 1].pos_ == "PROPN" and not doc[tok.i - 1].is_sent_start:
            continue
        out.append(Item(tok.i, tok.i + 1, "ner_person"))
    return out
