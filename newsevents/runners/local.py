"""The local process pool: N processes, each loading the pipeline once, parsing batches in order.

Used by :func:`newsevents.ingest.ingest` (``--workers N``); the parent reads inputs, skips
stored articles and writes results in input order, with at most ``2 * N`` batches in flight,
so memory stays bounded whatever the corpus size.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from typing import Iterable, Iterator, Optional

from ..pipeline import Options, Pipeline

__all__ = ["LocalPool"]

_WORKER_PIPELINE: Optional[Pipeline] = None


def _init_worker(options: Options, ready) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(options)
    ready.put(1)


def _work(batch: list) -> list:
    return list(_WORKER_PIPELINE.pipe(batch))


class LocalPool:
    """``workers`` processes running :meth:`Pipeline.pipe`; a context manager.

    options (Options): each worker builds its Pipeline from them (the model loads once per worker;
        the constructor returns when every worker is ready, so timings leave loading out).
    workers (int): processes (>= 2; one worker is the calling process, without a pool).
    """

    def __init__(self, options: Options, workers: int):
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        ready = ctx.Queue()
        self.workers = workers
        self.pool = ctx.Pool(workers, initializer=_init_worker, initargs=(options, ready))
        for _ in range(workers):  # wait until every worker has loaded its model
            ready.get()

    def map(self, batches: Iterable[list]) -> Iterator[tuple[list, list]]:
        """YIELDS (batch, analyses) in input order, with at most ``2 * workers`` batches in flight."""
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append((batch, self.pool.apply_async(_work, (batch,))))
            if len(in_flight) >= 2 * self.workers:
                done, result = in_flight.popleft()
                yield done, result.get()
        while in_flight:
            done, result = in_flight.popleft()
            yield done, result.get()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
