"""Front matter as an earlier run parsed and validated it, kept on disk so the next run skips the
YAML parser and pydantic.

Parsing front matter is most of `kb check`, which writers run on every commit (the pre-commit
hook) on files that mostly did not change, and importing pydantic to validate it is most of the
rest. The cache maps the exact front-matter text to what `yaml_lines.parse` made of it and, where
it was valid as a memo's or a company's, to the validated values (`schema.revived` makes them the
model's dataclasses again). An entry cannot be stale for its text; the whole cache is dropped
when `yaml_lines`, the schema, its checker, PyYAML or pydantic changes. A run that finds every
file in it needs neither PyYAML nor pydantic, and imports neither. Entries of texts no longer
in any file are left out when the cache is written again.

It lives outside the repository, in the user's cache folder (`$XDG_CACHE_HOME/muistio/`, by
default `~/.cache/muistio/`), one file per repository: checking never writes into the knowledge
base. It is JSON, not pickle, so a planted cache file can at worst be wrong, never run code. Its
first line holds the fingerprint and a checksum of the rest, so a file edited by anything but
this module (by hand, or truncated) is ignored whole: its entries need no checking one by one,
which cost as much as the validation the cache saves. It is only ever a shortcut: missing,
corrupt or unwritable, it is ignored, and `MUISTIO_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import importlib.util
import json
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from muistio import schema
from muistio.cache_files import cache_file
from muistio.yaml_document import YamlDocument, YamlIssue

FORMAT = 2
"""The layout of an entry; increase it when `_encoded` changes, and older caches are dropped."""


class ParseCache:
    """`yaml_lines.parse`, answered from the previous run where the text is the same."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        """The cache file, or None when caching is off."""
        self._kept: dict[str, Any] | None = None
        """Text → document as `_encoded` wrote it, from the file; read on the first `parse`."""
        self._used: dict[str, Any] = {}
        self._valid_kept: dict[str, dict[str, Any]] = {}
        """Kind ('memo', 'company') → text → validated front matter in JSON's types, from the file."""
        self._valid_used: dict[str, dict[str, Any]] = {}
        self._changed = False

    @classmethod
    def open(cls, root: Path) -> ParseCache:
        """The cache of the repository at `root`."""
        return cls(cache_file("front-matter", root, ".json"))

    def parse(self, text: str) -> YamlDocument:
        if self._kept is None:
            self._kept = self._read()
        entry = self._kept.pop(text, None)
        if entry is not None:
            try:
                kept = _decoded(entry)
            except (ValueError, TypeError):  # not what `_encoded` writes: parsed again
                self._changed = True
            else:
                self._used[text] = entry
                return kept
        from muistio import yaml_lines  # PyYAML, only for text not parsed before

        document = yaml_lines.parse(text)
        if self.path is not None:
            entry = _encoded(document)
            try:
                json.dumps(entry)
            except (TypeError, ValueError):  # a value JSON cannot hold: parsed again next time
                return document
            self._used[text] = entry
            self._changed = True
        return document

    def validated(self, text: str, kind: str) -> schema.Meta | None:
        """The front matter of this text as validated before for that kind of file, if it was valid."""
        if self._kept is None:
            self._kept = self._read()
        data = self._valid_kept.get(kind, {}).pop(text, None)
        if data is None:
            return None
        try:
            meta = schema.revived(kind, data)
        except (ValueError, TypeError, KeyError, AttributeError):  # not what this schema wrote: validated again
            self._changed = True
            return None
        self._valid_used.setdefault(kind, {})[text] = data
        return meta

    def keep_validated(self, text: str, kind: str, meta: schema.Meta) -> None:
        """Keep front matter that validated without a problem, for the next run."""
        if self.path is not None:
            self._valid_used.setdefault(kind, {})[text] = dataclasses.asdict(meta)
            self._changed = True

    def save(self) -> None:
        """Write the entries this run used, if they differ from what was read."""
        if self.path is None or self._kept is None or not (self._changed or self._kept):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            body = json.dumps({"entries": self._used, "valid": self._valid_used}, ensure_ascii=False,
                              default=_iso_date).encode("utf-8")
            header = json.dumps({"fingerprint": _fingerprint(), "checksum": _checksum(body)}).encode("utf-8")
            written = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            written.write_bytes(header + b"\n" + body)
            os.replace(written, self.path)  # whole or not at all, even with two runs at once
        except (OSError, ValueError):
            pass  # a read-only or full disk, say: the next run parses again

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            header, _, body = self.path.read_bytes().partition(b"\n")
            written = json.loads(header)
            if written["fingerprint"] == _fingerprint() and written["checksum"] == _checksum(body):
                data = json.loads(body)
                entries, valid = data["entries"], data["valid"]
                if isinstance(entries, dict) and isinstance(valid, dict):
                    self._valid_kept = {kind: texts for kind, texts in valid.items() if isinstance(texts, dict)}
                    return entries
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return {}


def _fingerprint() -> str:
    """What the parsed and validated forms depend on besides the text: the parser, the schema, the
    code running them, and the versions of PyYAML (with libyaml or without) and pydantic. The
    libraries' are read from their files: importing them is what the cache saves."""
    here = Path(__file__).parent
    yaml_package = _package_folder("yaml")
    files = [here / "yaml_lines.py", here / "yaml_document.py", here / "schema.py", here / "schema_check.py",
             here / "schema_plain.py",
             yaml_package / "__init__.py", _package_folder("pydantic") / "version.py"]
    libyaml = sorted(path.name for path in yaml_package.glob("_yaml*"))
    parts = [str(FORMAT), sys.version, *libyaml]
    return hashlib.sha256(b"".join(path.read_bytes() for path in files) + "|".join(parts).encode()).hexdigest()


def _package_folder(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None, f"{name} is a dependency"
    return Path(spec.origin).parent


def _iso_date(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _encoded(document: YamlDocument) -> list[Any]:
    return [
        document.value,
        [[*path, line] for path, line in document.lines.items()],
        [[issue.line, issue.code, issue.params] for issue in document.issues],
        [list(path) for path in document.ambiguous],
    ]


def _decoded(data: Any) -> YamlDocument:
    """An entry as `_encoded` wrote it (the checksum vouches for that), or ValueError/TypeError."""
    value, lines, issues, ambiguous = data
    return YamlDocument(
        value=value,
        lines={tuple(entry[:-1]): entry[-1] for entry in lines},
        issues=[YamlIssue(line, code, params) for line, code, params in issues],
        ambiguous={tuple(path) for path in ambiguous},
    )


def _checksum(body: bytes) -> int:
    """CRC-32: it is there to catch an edit or a cut, not an attack, and a hash that is strong
    against one took as long as a tenth of the whole check at 5,000 memos."""
    return zlib.crc32(body)
