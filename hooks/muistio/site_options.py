"""The knowledge base's settings in mkdocs.yml (`extra.muistio`), checked like front matter.

MkDocs passes `extra` through unchecked, so a typo there (`quiet_day: 90`, `workers: many`,
`public: "true"`) would either stop the build with a traceback or be read the wrong way without
a word. Each is a problem at its line in mkdocs.yml instead, and the default is used meanwhile.
Both the MkDocs hook and `kb check` read the settings here, so they report the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from muistio.names import did_you_mean
from muistio.problems import Problem
from muistio.relationships import DEFAULT_QUIET_DAYS


@dataclass(frozen=True)
class SiteOptions:
    quiet_days: int = DEFAULT_QUIET_DAYS
    """A tracked relationship with no memo for longer than this is listed as quiet."""
    public: bool = False
    """Build the public site: leave out what is marked internal and contacts' private fields."""
    workers: int | None = None
    """Processes `mkdocs build` links and builds pages in; None: one per core, up to four."""


_NUMBERS = {"quiet_days": (0, DEFAULT_QUIET_DAYS), "workers": (1, 2)}
"""Whole-number settings: (smallest allowed, an example to suggest)."""
ALLOWED = ("quiet_days", "public", "workers")


def read_options(raw: Any, config_text: str, config_path: str) -> tuple[SiteOptions, list[Problem]]:
    """The settings under `extra.muistio`, and a problem for each one that cannot be used."""
    if raw is None:
        return SiteOptions(), []
    if not isinstance(raw, dict):
        return SiteOptions(), [Problem(config_path, _line_of(config_text, None), "option_not_mapping")]
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        line = _line_of(config_text, str(key))
        if key not in ALLOWED:
            problems.append(Problem(config_path, line, "option_unknown", {
                "key": key, "suggestion": did_you_mean(str(key), ALLOWED) or "", "allowed": ", ".join(ALLOWED)}))
        elif key == "public":
            if isinstance(value, bool):
                values[key] = value
            else:  # unreadable: build as public, so a typo can never publish what is internal
                values[key] = True
                problems.append(Problem(config_path, line, "option_not_bool", {"key": key, "value": value}))
        elif isinstance(value, int) and not isinstance(value, bool) and value >= _NUMBERS[key][0]:
            values[key] = value
        else:
            minimum, example = _NUMBERS[key]
            problems.append(Problem(config_path, line, "option_not_number",
                                    {"key": key, "value": value, "minimum": minimum, "example": example}))
    return SiteOptions(**values), problems


def _line_of(config_text: str, key: str | None) -> int:
    """The line of `key` under `muistio:` in mkdocs.yml (of `muistio:` itself for None), or 1
    when it is not in this file (an `INHERIT`ed setting)."""
    section = re.search(r"^[ \t]+muistio[ \t]*:", config_text, re.MULTILINE)
    if section is None:
        return 1
    at = section.start()
    if key is not None:
        found = re.compile(rf"^[ \t]+{re.escape(key)}[ \t]*:", re.MULTILINE).search(config_text, section.end())
        if found is None:
            return 1
        at = found.start()
    return config_text.count("\n", 0, at) + 1
