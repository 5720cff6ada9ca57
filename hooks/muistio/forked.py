"""Work shared among forked processes that inherit it: for the steps that would leave a core idle.

Linking memos and converting and filling pages are each many independent pieces of work, while
Python runs on one core at a time. A forked worker inherits the job as it is in memory (the
compiled name matcher, MkDocs' config and pages), so only each chunk's indexes are sent to it and
only its results are pickled back. Fork does not mix with threads (a lock another thread holds
stays held in the child): callers ask for one worker where threads run, such as `mkdocs serve`
after its first build.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")

_JOB: Any = None
"""What the running `in_workers` was given as its job; a worker reads it with `job()`."""


def available() -> bool:
    """Whether this system can fork workers (not Windows, for one).

    `multiprocessing` and `concurrent.futures` are imported here and in `in_workers`, not at the
    top: `kb check` imports this module and seldom has enough work to fork."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def job() -> Any:
    """In a worker: the job its `in_workers` call was given, inherited through fork."""
    return _JOB


def in_workers(function: Callable[[range], R], work: Any, count: int, workers: int) -> list[R] | None:
    """`function` over chunks of `range(count)` in `workers` forked processes that inherit `work`
    (`job()` gives it to them): what it returned for each chunk, in order.

    None when there is no fork here, or when a worker died (killed for memory, say): the caller
    then does the work itself. `concurrent.futures` reports a dead worker, where
    `multiprocessing.Pool` would wait for it forever. Four chunks a worker even out chunks that
    happen to take longer than others."""
    global _JOB
    if count == 0 or not available():
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = -(-count // (workers * 4))
    chunks = [range(start, min(start + size, count)) for start in range(0, count, size)]
    _JOB = work
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(function, chunks))
    except BrokenProcessPool:
        return None
    finally:
        _JOB = None
