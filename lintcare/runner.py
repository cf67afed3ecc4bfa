"""Lint many files, in parallel processes when asked, keeping the input order.

Each worker process builds the spaCy pipeline and the rules once: the parent sets
the per-file function before forking, so nothing heavy is pickled.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

_TASK: Callable[[str], object] | None = None
# Files per task sent to a worker: big enough to amortise the round trip, small
# enough to keep both cores busy to the end.
CHUNKSIZE = 4


def _call(path: str) -> object:
    assert _TASK is not None
    return _TASK(path)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run_all(paths: Sequence[str], task: Callable[[str], T], jobs: int) -> Iterator[T]:
    """Yield ``task(path)`` for each path, in order; ``jobs`` > 1 uses forked workers."""
    global _TASK
    jobs = max(1, min(jobs, len(paths)))
    if jobs == 1 or not _can_fork():
        for path in paths:
            yield task(path)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    _TASK = task
    try:
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
            yield from pool.map(_call, paths, chunksize=CHUNKSIZE)  # type: ignore[misc]
    finally:
        _TASK = None


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()
