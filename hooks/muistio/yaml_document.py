"""What `yaml_lines` makes of front matter: its values, the line of every key, its issues.

Kept apart from `yaml_lines`, which needs PyYAML, so that code reading a document from the
parse cache (`parse_cache`, `load`) runs without importing PyYAML at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlIssue:
    """Something the YAML itself got wrong; `line` is 1-based within the YAML text."""

    line: int
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class YamlDocument:
    value: Any
    """The parsed value (a dict for well-formed front matter), or None when parsing failed."""
    lines: dict[KeyPath, int] = field(default_factory=dict)
    """1-based line (within the YAML text) of each key and list item, by its path."""
    issues: list[YamlIssue] = field(default_factory=list)
    ambiguous: set[KeyPath] = field(default_factory=set)
    """Paths holding a YAML 1.1 boolean word (`yes`, `no`, `on`...) that we kept as text."""
