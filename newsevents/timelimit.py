"""The per-article time limit (``--article-seconds``, error E106): CPU time, with a clock backstop.

Kept apart from :mod:`newsevents.pipeline`, which uses it around each article's parse and stages.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Optional

__all__ = ["ArticleTimeout", "Budget", "WALL_FACTOR", "time_limit"]


class ArticleTimeout(BaseException):
    """Raised into an article's processing when its time is up. A BaseException, so that the
    ``except Exception`` of a stage or a library can't swallow it."""


#: an article that waits without computing (a lock, a read that never returns) uses no CPU time:
#: it is stopped once this many times its CPU seconds have passed on the clock
WALL_FACTOR = 10


class Budget:
    """An article's time: CPU seconds of the thread that analyses it (``time.thread_time``: what
    other processes take on a loaded machine is not counted), and a wall-clock backstop of
    ``WALL_FACTOR`` times as long, so that an article waiting without computing is stopped too.

    seconds (float): the CPU seconds allowed.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.wall_seconds = seconds * WALL_FACTOR
        self.started = time.monotonic()
        self._cpu = time.thread_time()

    def expired(self) -> bool:
        """RETURNS (bool): the CPU seconds, or the wall-clock backstop, are used up."""
        return (time.thread_time() - self._cpu > self.seconds
                or time.monotonic() - self.started > self.wall_seconds)


@contextmanager
def time_limit(seconds: Optional[float]):
    """Raise :class:`ArticleTimeout` in the block once it has used ``seconds`` of CPU time (or
    ``WALL_FACTOR`` times as many seconds have passed on the clock: see :class:`Budget`).

    In the main thread of a process on a POSIX system (the CLI, and each ``--workers``
    process) a real-time timer (``signal.setitimer``) goes off after ``seconds`` (the CPU time of
    one thread can't be more), then every tenth of it (at most every second), and its handler
    checks the budget: the block is interrupted wherever it is, in a stage's Python loops at
    once, inside spaCy's compiled parser as soon as it hands back control (after the Doc in
    hand). Elsewhere (another thread, Windows) nothing is interrupted and the caller checks
    ``budget.expired()`` between steps. A handler and timer set before are put back afterwards.
    YIELDS (Budget | None): the article's budget, None when unlimited.
    """
    if not seconds or seconds <= 0:
        yield None
        return
    budget = Budget(seconds)
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield budget
        return

    def expire(signum, frame):
        if budget.expired():
            raise ArticleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    old_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds, min(1.0, max(0.01, seconds / 10)))
    late = None
    try:
        yield budget
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        try:  # signal.signal() first runs a handler still pending (a timer that ran out in compiled code)
            signal.signal(signal.SIGALRM, previous)
        except ArticleTimeout as err:
            signal.signal(signal.SIGALRM, previous)
            late = err
        if old_delay:  # an outer timer keeps running, less the time spent here
            signal.setitimer(signal.ITIMER_REAL, max(1e-3, old_delay - (time.monotonic() - budget.started)))
    if late is not None:
        raise late
