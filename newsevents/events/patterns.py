"""Trigger patterns: one row of ``data/events/patterns.tsv`` becomes a :class:`Pattern`;
:class:`PatternSet` indexes them by head lemma and part of speech, longest first."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..data import load_tsv

__all__ = ["Pattern", "PatternSet", "load_patterns"]

# the prepositions a pattern's final word may be (its recipient slot: "crack down on")
_PREPS = frozenset({"with", "on", "against", "to", "toward", "towards", "at", "into", "upon", "from",
                    "of", "for", "about", "over", "in", "by"})


@dataclass
class Pattern:
    """One trigger pattern.

    text (str): the pattern as written in patterns.tsv, e.g. ``"crack down on"``.
    words (list[frozenset[str]]): lemma alternatives per position.
    head (int): index of the trigger head in ``words``.
    pos (str): ``"V"`` or ``"N"``.
    event_type, mode, cameo (str | None): PLOVER type, mode, CAMEO root override.
    flags (frozenset[str]): ``frame``, ``any``, ``nofut``, ``selfrecip``, ``subjrecip``, ``agent``, ``asspeech``,
        ``actor`` (needs a coded participant), ``verbonly`` (not as an adjective).
    obj_class (str | None): the ``obj=<class>`` / ``obj?=<class>`` flag: the object must belong to
        that class of ``rules.yaml`` ``object_classes``; obj_required: ``obj=`` (an object is needed).
    block_class (str | None): the ``block=<class>`` flag (``block=<a>+<b>``: any of several
        classes): a dependent of that class cancels the match.
    """

    text: str
    words: list
    head: int
    pos: str
    event_type: str
    mode: Optional[str] = None
    cameo: Optional[str] = None
    flags: frozenset = field(default_factory=frozenset)
    obj_class: Optional[str] = None
    obj_required: bool = False
    block_class: Optional[str] = None

    @property
    def recipient_prep(self) -> Optional[frozenset]:
        """The final word if it is a preposition slot (set of lemmas), else None."""
        if len(self.words) > 1 and self.head != len(self.words) - 1 and self.words[-1] & _PREPS:
            return self.words[-1]
        return None


class PatternSet:
    """Patterns indexed by head lemma and part of speech, longest first.

    rows (list[dict]): rows of patterns.tsv (keys pattern, pos, type, mode, cameo, flags).
    valid_types (set[str]): the PLOVER types; rows with another type raise ValueError.
    valid_classes (set[str] | None): the object classes of rules.yaml; an ``obj=`` flag naming
        another class raises ValueError.
    """

    def __init__(self, rows: Iterable[dict], valid_types: Optional[set] = None,
                 valid_classes: Optional[set] = None):
        self.index: dict[tuple[str, str], list[Pattern]] = {}
        for row in rows:
            text = (row.get("pattern") or "").strip()
            if not text:
                continue
            pos = (row.get("pos") or "V").strip().upper()
            etype = (row.get("type") or "").strip().upper()
            if valid_types is not None and etype not in valid_types:
                raise ValueError(f"pattern '{text}': unknown PLOVER type '{etype}'")
            raw = text.split()
            head = next((i for i, w in enumerate(raw) if w.endswith("*")),
                        0 if pos == "V" else len(raw) - 1)
            words = [frozenset(w.rstrip("*").lower().split("|")) for w in raw]
            flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
            obj_class, obj_required = None, False
            block = None
            for f in flags:
                if f.startswith("block="):
                    block = f.split("=", 1)[1].strip()
                    for one in block.split("+"):
                        if valid_classes is not None and one not in valid_classes:
                            raise ValueError(f"pattern '{text}': unknown object class '{one}'")
                if f.startswith("obj=") or f.startswith("obj?="):
                    obj_required = f.startswith("obj=")
                    obj_class = f.split("=", 1)[1].strip()
                    if valid_classes is not None and obj_class not in valid_classes:
                        raise ValueError(f"pattern '{text}': unknown object class '{obj_class}'")
            pat = Pattern(text=text.replace("*", ""), words=words, head=head, pos=pos, event_type=etype,
                          mode=(row.get("mode") or None), cameo=(row.get("cameo") or None), flags=flags,
                          obj_class=obj_class, obj_required=obj_required, block_class=block)
            for lemma in words[head]:
                self.index.setdefault((lemma, pos), []).append(pat)
        for pats in self.index.values():
            pats.sort(key=lambda p: -len(p.words))

    def candidates(self, lemma: str, pos: str) -> list:
        """RETURNS (list[Pattern]): patterns whose head is ``lemma`` with part of speech ``pos``."""
        return self.index.get((lemma, pos), [])

    def __len__(self) -> int:
        return len({id(p) for pats in self.index.values() for p in pats})


def load_patterns(data_paths=None, valid_types=None, valid_classes=None) -> PatternSet:
    """Load ``events/patterns.tsv`` (plus users' files of that name). RETURNS (PatternSet)."""
    return PatternSet(load_tsv("events/patterns.tsv", extra=data_paths), valid_types, valid_classes)
