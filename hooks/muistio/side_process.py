"""One piece of work done in a forked process while this one goes on with another.

After linking, a build makes its pages on one core while the other idles; the follow-up calendar
(`exports/calendar.py`, half a second at 5,000 memos, most of it `icalendar` formatting lines in
Python) needs nothing the pages make, so it can use that core. The child inherits everything by
fork and sends back only the pickled result. Whatever goes wrong there (no fork on this system,
a child that fails or dies) the work is done here instead, so the result never depends on it.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")


class SideWork(Generic[T]):
    """`function()` started now in a forked child when `fork` is true; `result()` waits for it.

    Used as a context manager, so that a child whose result is never asked for (the work beside
    it failed) is stopped and reaped rather than left behind."""

    def __init__(self, function: Callable[[], T], fork: bool) -> None:
        self._function = function
        self._child: tuple[int, int] | None = None  # (process id, read end of its pipe)
        if fork and hasattr(os, "fork"):
            self._child = _start(function)

    @property
    def pid(self) -> int | None:
        """The child's process id, while there is one to wait for."""
        return self._child[0] if self._child is not None else None

    def __enter__(self) -> SideWork[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._child is not None:
            pid, read_end = self._child
            self._child = None
            os.close(read_end)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)

    def result(self) -> T:
        if self._child is not None:
            pid, read_end = self._child
            self._child = None
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and data:
                try:
                    return pickle.loads(data)  # type: ignore[no-any-return]
                except Exception:  # noqa: BLE001 -- a truncated result: do the work here
                    pass
        return self._function()


def _start(function: Callable[[], object]) -> tuple[int, int] | None:
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: do the work, send it, and leave without running the parent's exit code
        code = 1
        try:
            os.close(read_end)
            data = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end
