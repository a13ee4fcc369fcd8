"""Interviews: questions and answers labelled at the start of their paragraphs.

Wikinews interviews (and many transcripts) mark each question with the interviewer
('Wikinews:', 'WN:', '((WN))', 'Q:' or the reporter's name) and each answer with the
interviewee ('A:', the interviewee's name, '((Zara Kay))'). In such an article:

* a labelled paragraph is said by the one its label names ('Q' and 'Wikinews' by the
  interviewer, 'A' by the interviewee);
* a source "you" inside a question is the interviewee, inside an answer the interviewer;
  "I"/"we" are whoever speaks the paragraph.

A label names a person by full name, surname or initials ('((WSS))' is William S. Saturn when the
article names him). A turn in double parentheses is that person's words even in an article that
prints only one side (the reporter's questions without the answers, new-user trial 10): the
question is a direct quotation of the one who asked it, as any other transcript turn.

Used by :mod:`.assemble` after the speakers are resolved (step 5 of the quotes stage).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..records import Speaker
from .marks import paragraphs
from .speakers import is_named

#: labels of questions that name no one ('Q:') or the publication ('Wikinews:')
QUESTION_LABELS = {"q", "question", "interviewer", "wikinews", "wn"}
#: labels of answers that name no one
ANSWER_LABELS = {"a", "answer"}
#: pronoun sources: addressed (the other party) or speaking (the paragraph's speaker)
_ADDRESSED = {"you"}
_SELF = {"i", "we", "me", "us"}

_LABEL = re.compile(r"""\s*(?:\*\*|'')?([A-Z][\w.'’ -]{0,40}?)(?:\*\*|'')?\s*:\s+\S""")
#: a label in double parentheses, as Wikinews transcripts print them: '((WN))  How old are you?'
_TURN_LABEL = re.compile(r"""\s*\(\(([^()\n]{1,40})\)\)\s+\S""")


class Interview:
    """The question/answer paragraphs of an interview and who speaks in each.

    text (str): the article text. actors (list[Actor]): the article's mentions.
    ``found`` is False when the article is no interview (fewer than two questions
    and two answers); then :meth:`resolve` changes nothing.
    """

    def __init__(self, text: str, actors):
        self.paras: list = []  # (start, end, role, label)
        self.turns: set = set()  # starts of the paragraphs labelled in double parentheses
        for p0, p1 in paragraphs(text):
            turn = _TURN_LABEL.match(text, p0, p1)
            m = turn or _LABEL.match(text, p0, p1)
            if not m or len(m.group(1).split()) > 4:
                continue
            if turn:
                self.turns.add(p0)
            label = m.group(1).strip()
            role = "q" if label.lower() in QUESTION_LABELS else ("a" if label.lower() in ANSWER_LABELS else None)
            self.paras.append((p0, p1, role, label))
        names = Counter(lab for _, _, role, lab in self.paras if role is None)
        q_named = sum(1 for *_, role, _ in self.paras if role == "q")
        a_named = sum(1 for *_, role, _ in self.paras if role == "a")
        # with named labels only: the most frequent names take turns (reporter / interviewee)
        self.interviewer_label = next((lab for _, _, role, lab in self.paras if role == "q"), None)
        self.interviewee_label = None
        if names:
            self.interviewee_label = names.most_common(1)[0][0] if q_named else None
            if not q_named and len(names) >= 2:
                # 'Smith: question ... Jones: answer': the one who speaks first asks
                first = self.paras[0][3]
                self.interviewer_label = first
                others = [n for n, _ in names.most_common() if n != first]
                self.interviewee_label = others[0] if others else None
        self.found = (q_named + (names[self.interviewer_label] if self.interviewer_label in names else 0) >= 2
                      and (a_named + (names[self.interviewee_label] if self.interviewee_label else 0)) >= 2)
        self.paras = [(p0, p1, self._role(role, lab), lab) for p0, p1, role, lab in self.paras]
        named = [m for m in actors if is_named(m)]
        self.named = named
        self.interviewer = self._speaker(self.interviewer_label, named, default="Wikinews")
        interviewee = self.interviewee_label
        if interviewee is None:  # 'A:' answers: the person the article names most
            people = Counter(m.canonical for m in named if m.kind == "person")
            interviewee = people.most_common(1)[0][0] if people else None
        self.interviewee = self._speaker(interviewee, named, default="the interviewee")

    def _role(self, role, label) -> Optional[str]:
        if role is not None:
            return role
        if label == self.interviewer_label:
            return "q"
        if label == self.interviewee_label:
            return "a"
        return None

    @staticmethod
    def _speaker(label: Optional[str], named, default: str) -> Speaker:
        if label and label.lower() not in QUESTION_LABELS | ANSWER_LABELS:
            m = label_person(label, named)
            if m is not None:
                return Speaker(canonical=m.canonical, mention=m.id, code=m.code, sector=m.sector)
            return Speaker(canonical=label, mention=None, code=None, sector=None)
        if label and label.lower() in ("wikinews", "wn"):
            for m in named:
                if m.canonical.lower() == "wikinews":
                    return Speaker(canonical=m.canonical, mention=m.id, code=m.code, sector=m.sector)
        return Speaker(canonical=default, mention=None, code=None, sector=None)

    def paragraph(self, pos: int):
        """RETURNS (tuple | None): (start, end, role, label) of the labelled paragraph holding ``pos``."""
        return next((p for p in self.paras if p[0] <= pos < p[1]), None)

    def resolve(self, text: str, source, sp: Optional[Speaker]) -> Optional[Speaker]:
        """The interview speaker of a quote whose source is ``source`` (a range), else ``sp``."""
        if source is None:
            return sp
        para = self.paragraph(source[0])
        if not self.found:
            if para is not None and para[0] in self.turns and self._is_label(text, source, para):
                # a transcript turn of a one-sided interview ('((WSS)) : How ...?'): whom the label names
                if para[3].lower() in ("wikinews", "wn"):
                    return self._speaker(para[3], self.named, default="Wikinews")
                m = None if para[3].lower() in QUESTION_LABELS | ANSWER_LABELS else label_person(para[3], self.named)
                if m is not None:
                    return Speaker(canonical=m.canonical, mention=m.id, code=m.code, sector=m.sector)
            return sp
        if para is None or para[2] is None:
            return sp
        role = para[2]
        src = text[source[0]:source[1]].strip().lower()
        speaking = self.interviewer if role == "q" else self.interviewee
        other = self.interviewee if role == "q" else self.interviewer
        if self._is_label(text, source, para):
            return speaking  # the label itself ('Wikinews: ...', 'A: ...')
        if src in _ADDRESSED:
            return other
        if src in _SELF:
            return speaking
        return sp

    @staticmethod
    def _is_label(text: str, source, para) -> bool:
        """True when the source range is the label of paragraph ``para`` (start, end, role, label)."""
        return source[0] - para[0] <= len(para[3]) + 4 and text[source[0]:source[1]].strip().lower() == para[3].lower()


def label_person(label: str, named) -> Optional[object]:
    """The named actor a turn label stands for: its full name, its surname ('Smith' labels Jane Smith), or its
    initials ('WSS', 'W.S.S.' label William S. Saturn; two to four capitals, one for each word of the name).

    label (str): the label's words. named (list[Actor]): the article's named mentions.
    RETURNS (Actor | None): the first mention that fits (a person for initials), else None.
    """
    low = label.lower()
    for m in named:
        if m.canonical.lower() == low or m.canonical.lower().split()[-1:] == low.split()[-1:]:
            return m
    letters = label.replace(".", "").replace(" ", "")
    if not (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()):
        return None
    return next((m for m in named if m.kind == "person"
                 and "".join(w[0] for w in m.canonical.split() if w[:1].isalpha()).upper() == letters), None)
