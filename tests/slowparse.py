"""A spaCy pipeline made slow for one marked text: a pathological article on any machine (the
time-limit tests). A module of its own, not conftest.py: ``from conftest import`` would find
tests/web/conftest.py once the web tests are loaded."""
from __future__ import annotations


class SlowParse:
    """A spaCy pipeline whose parse of any text holding ``marker`` takes ``seconds`` more (an
    interruptible busy loop before the Doc is handed back: it uses CPU time, which is what
    ``--article-seconds`` measures): a pathological article that is slow on every machine, for
    the time-limit tests. Everything else is the wrapped ``nlp``."""

    def __init__(self, nlp, marker: str = "SLOWPARSE", seconds: float = 120.0):
        self._nlp, self.marker, self.seconds = nlp, marker, seconds

    def pipe(self, texts, **kwargs):
        import time

        texts = list(texts)
        for text, doc in zip(texts, self._nlp.pipe(texts, **kwargs)):
            if self.marker in text:
                end = time.monotonic() + self.seconds
                while time.monotonic() < end:
                    pass
            yield doc

    def __getattr__(self, name):
        return getattr(self._nlp, name)
