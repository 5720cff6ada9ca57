"""Problems rendered for the three readers of `kb check`: a person, GitHub Actions, another program.

- `text`: `path:line: message`, the form editors and terminals turn into a jump to the line.
- `github`: workflow commands (`::error file=…,line=…,title=Muistio::message`), which GitHub shows
  as annotations on the pull request's diff, at the line, without anyone opening the log.
- `json`: a list of objects with stable keys, for scripts; the message is included so a script
  need not know the catalogue, the code so it need not parse the message.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from muistio.problems import Problem, Severity

FORMATS = ("text", "github", "json")
GITHUB_TITLE = "Muistio"


def render(problems: Sequence[Problem], fmt: str, lang: str) -> str:
    """All problems in one format, ending with a newline unless there is nothing to say."""
    renderers: dict[str, Callable[[Sequence[Problem], str], str]] = {
        "text": as_text, "github": as_github, "json": as_json,
    }
    return renderers[fmt](problems, lang)


def as_text(problems: Sequence[Problem], lang: str) -> str:
    return "".join(f"{problem.render(lang)}\n" for problem in problems)


def as_github(problems: Sequence[Problem], lang: str) -> str:
    lines = []
    for problem in problems:
        level = "warning" if problem.severity is Severity.WARNING else "error"
        properties = f"file={_property(problem.path)},line={problem.line},title={_property(GITHUB_TITLE)}"
        lines.append(f"::{level} {properties}::{_data(problem.message(lang))}\n")
    return "".join(lines)


def as_json(problems: Sequence[Problem], lang: str) -> str:
    """Always a JSON list, even when empty, so `kb check --format json | jq` never sees nothing."""
    items = [
        {"path": p.path, "line": p.line, "severity": p.severity.value, "code": p.code, "message": p.message(lang)}
        for p in problems
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _data(text: str) -> str:
    """Escape a workflow command's message as the Actions toolkit does (`escapeData`).

    Without it a newline in a message would end the command, and the rest would be read as log.
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a property value (`escapeProperty`): also `:` and `,`, which delimit properties."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
