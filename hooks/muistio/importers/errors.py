"""Problems with input files, reported as `path:line: what is wrong. How to fix it.`

An importer that dies with a traceback on one bad page loses the other hundred; every reader
raises `InputError` instead, and the CLI turns it into one line of the report and goes on.

A problem is a `muistio.problems.Problem` like the rest of `kb`'s: a catalogue code and its
values (`muistio.messages.importer`), since the reader that finds it does not know the site's
language and the CLI does.
"""

from __future__ import annotations

from dataclasses import dataclass

from muistio.problems import Problem as KnowledgeBaseProblem


@dataclass(frozen=True)
class Problem(KnowledgeBaseProblem):
    """A problem of the knowledge base's own kind (code, values, catalogue wording), except that
    an input file has no line to name when the whole file is meant: `line` is then 0."""

    def render(self, lang: str = "en") -> str:
        """`path:line: message`, or `path: message` when the whole file is meant."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message(lang)}"


class InputError(Exception):
    """A file that cannot be imported; carries the `Problem` to report."""

    def __init__(self, path: str, line: int, code: str, **params: object) -> None:
        self.problem = Problem(path, line, code, params)
        super().__init__(self.problem.render())
