"""Problems found in the knowledge base, and how they are reported.

A problem is data, not an exception: the pipeline collects every problem of every file and
carries on, so one run reports all of them (a writer fixes a memo in one go, not one error per
build). Each problem knows its file and line, because the people reading it are in an editor or a
pull-request diff and need to jump there.

The wording lives in `messages.py`, keyed by `code`, so the same problem reads in Finnish on a
Finnish site and in English elsewhere, and tests can assert either text verbatim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from muistio.messages import render_message


class Severity(StrEnum):
    """Errors fail `kb check` and `mkdocs build --strict`; warnings fail only the strict build;
    notices fail nothing. All three are logged by the build and listed by `kb review`."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"
    """Something the text leaves open rather than gets wrong (a name two people share, left
    unlinked): worth a reviewer's look, never a reason to stop a build. `kb check`, which
    links only what it must, does not look for them."""


@dataclass(frozen=True)
class Problem:
    path: str
    """Path of the file, relative to the repository root, with forward slashes."""
    line: int
    """1-based line in that file; 1 when the problem concerns the whole file."""
    code: str
    """Key into the message catalogue; stable, so tools and tests can match on it."""
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    """Values the message template fills in."""
    severity: Severity = Severity.ERROR

    def message(self, lang: str = "en") -> str:
        """The sentence that says what is wrong and how to fix it, without the location."""
        return render_message(self.code, self.params, lang)

    def render(self, lang: str = "en") -> str:
        """`path:line: message`, the form editors and CI annotations link from."""
        return f"{self.path}:{self.line}: {self.message(lang)}"

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.code)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file order, each once, so output is stable between runs and diffs well."""
    unique: dict[tuple[str, int, str, str], Problem] = {}
    for problem in problems:
        unique.setdefault((problem.path, problem.line, problem.code, problem.message()), problem)
    return sorted(unique.values(), key=lambda p: p.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(problem.severity is Severity.ERROR for problem in problems)
