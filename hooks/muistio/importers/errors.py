"""Problems with input files, reported as `path:line: message` plus a hint.

An importer that dies with a traceback on one bad page loses the other hundred; every reader
raises `InputError` instead, and the CLI turns it into one line of the report and goes on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something the user has to look at; `line` is 0 when the whole file is meant."""

    path: str
    line: int
    message: str
    hint: str = ""

    def render(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}: {self.message}{hint}"


class InputError(Exception):
    """A file that cannot be imported; carries the `Problem` to report."""

    def __init__(self, path: str, line: int, message: str, hint: str = "") -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.problem = Problem(path, line, message, hint)
