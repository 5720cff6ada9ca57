"""Problems with input files, reported as `path:line: what is wrong. How to fix it.`

An importer that dies with a traceback on one bad page loses the other hundred; every reader
raises `InputError` instead, and the CLI turns it into one line of the report and goes on.

A problem is a catalogue code and its values (`muistio.messages.importer`), like the rest of
`kb`'s problems: the reader that finds it does not know the site's language, the CLI does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from muistio.messages import render_message


@dataclass(frozen=True)
class Problem:
    """Something the user has to look at; `line` is 0 when the whole file is meant."""

    path: str
    line: int
    code: str
    params: dict[str, object] = field(default_factory=dict, hash=False)

    def message(self, lang: str = "en") -> str:
        """What is wrong and how to fix it, without the location."""
        return render_message(self.code, self.params, lang)

    def render(self, lang: str = "en") -> str:
        """`path:line: message`, or `path: message` when the whole file is meant."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message(lang)}"


class InputError(Exception):
    """A file that cannot be imported; carries the `Problem` to report."""

    def __init__(self, path: str, line: int, code: str, **params: object) -> None:
        self.problem = Problem(path, line, code, params)
        super().__init__(self.problem.render())
