"""Front matter as an earlier run parsed it, kept on disk so the next run skips the YAML parser.

Parsing front matter is most of `kb check`, which writers run on every commit (the pre-commit
hook) on files that mostly did not change. The cache maps the exact front-matter text to what
`yaml_lines.parse` made of it, so an entry cannot be stale for its text; the whole cache is
dropped when `yaml_lines` or PyYAML changes. Entries of texts no longer in any file are left out
when the cache is written again.

It lives outside the repository, in the user's cache folder (`$XDG_CACHE_HOME/muistio/`, by
default `~/.cache/muistio/`), one file per repository: checking never writes into the knowledge
base. It is JSON, not pickle, so a planted cache file can at worst be wrong, never run code. It
is only ever a shortcut: missing, corrupt or unwritable, it is ignored, and `MUISTIO_NO_CACHE=1`
turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from muistio import yaml_lines
from muistio.cache_files import cache_file
from muistio.yaml_lines import YamlDocument, YamlIssue

FORMAT = 1
"""The layout of an entry; increase it when `_encoded` changes, and older caches are dropped."""


class ParseCache:
    """`yaml_lines.parse`, answered from the previous run where the text is the same."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        """The cache file, or None when caching is off."""
        self._kept: dict[str, str] | None = None
        """Text → encoded document, from the file; read on the first `parse`."""
        self._used: dict[str, str] = {}
        self._changed = False

    @classmethod
    def open(cls, root: Path) -> ParseCache:
        """The cache of the repository at `root`."""
        return cls(cache_file("front-matter", root, ".json"))

    def parse(self, text: str) -> YamlDocument:
        if self._kept is None:
            self._kept = self._read()
        encoded = self._kept.pop(text, None)
        if encoded is not None:
            try:
                kept = _decoded(json.loads(encoded))
            except (ValueError, TypeError):  # edited by hand, or by anything else: parsed again
                self._changed = True
            else:
                self._used[text] = encoded
                return kept
        document = yaml_lines.parse(text)
        if self.path is not None:
            try:
                self._used[text] = json.dumps(_encoded(document), ensure_ascii=False)
                self._changed = True
            except (TypeError, ValueError):  # a value JSON cannot hold: parsed again next time
                pass
        return document

    def save(self) -> None:
        """Write the entries this run used, if they differ from what was read."""
        if self.path is None or self._kept is None or not (self._changed or self._kept):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"fingerprint": _fingerprint(), "entries": self._used}, ensure_ascii=False)
            written = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            written.write_text(data, encoding="utf-8")
            os.replace(written, self.path)  # whole or not at all, even with two runs at once
        except (OSError, ValueError):
            pass  # a read-only or full disk, say: the next run parses again

    def _read(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data["fingerprint"] == _fingerprint() and isinstance(data["entries"], dict):
                return data["entries"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return {}


def _fingerprint() -> str:
    """What the parsed form depends on besides the text: the parser and the code building it."""
    code = Path(yaml_lines.__file__).read_bytes()
    parts = [str(FORMAT), yaml.__version__, str(getattr(yaml, "__with_libyaml__", False)), sys.version]
    return hashlib.sha256(code + "|".join(parts).encode()).hexdigest()


def _encoded(document: YamlDocument) -> list[Any]:
    return [
        document.value,
        [[*path, line] for path, line in document.lines.items()],
        [[issue.line, issue.code, issue.params] for issue in document.issues],
        [list(path) for path in document.ambiguous],
    ]


def _decoded(data: Any) -> YamlDocument:
    """An entry as `_encoded` wrote it, or ValueError: the cache file is valid JSON whatever is in
    it, and an entry of another shape (edited by hand, or by anything else) must be parsed again,
    not crash every run until the file is deleted. The parsed value itself can be anything the
    YAML could have said, so only what the code reading it relies on is checked."""
    if not isinstance(data, list) or len(data) != 4:
        raise ValueError("not an entry this code wrote")
    value, lines, issues, ambiguous = data
    if not (isinstance(lines, list) and isinstance(issues, list) and isinstance(ambiguous, list)
            and all(isinstance(entry, list) and entry and _is_path(entry[:-1]) and _is_int(entry[-1])
                    for entry in lines)
            and all(isinstance(issue, list) and len(issue) == 3 and _is_int(issue[0]) and isinstance(issue[1], str)
                    and isinstance(issue[2], dict) and _is_int(issue[2].get("first_line", 0))
                    for issue in issues)
            and all(isinstance(path, list) and _is_path(path) for path in ambiguous)):
        raise ValueError("not an entry this code wrote")
    return YamlDocument(
        value=value,
        lines={tuple(entry[:-1]): entry[-1] for entry in lines},
        issues=[YamlIssue(line, code, params) for line, code, params in issues],
        ambiguous={tuple(path) for path in ambiguous},
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_path(parts: list[Any]) -> bool:
    """A key path as `yaml_lines` makes them (keys and list indexes), which must be hashable."""
    return all(not isinstance(part, list | dict) for part in parts)
