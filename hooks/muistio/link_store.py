"""Linked memos as the last build linked them, kept on disk so the next build links only the memos
that changed.

Linking is most of the knowledge base's share of a build (at 5,000 memos about 6 of the hook's 8
CPU seconds), and a build in CI differs from the last one by the memos of one pull request; the
workflow keeps the cache folder between runs. An entry is used under the same rules as within one
`mkdocs serve` process (`crosslink.LinkEntry`: the memo's body, the line it starts on, every name
it could link to); the whole file is dropped when the linking code changes.

It lives beside the front-matter cache (`parse_cache`), in the user's cache folder, one file per
repository and kind of site (public or not, as their names differ). It is JSON, not pickle: a
planted file can at worst be wrong, never run code. Missing, corrupt or unwritable, it is
ignored, and `MUISTIO_NO_CACHE=1` turns it off. Entries of memos no longer there are left out when
it is written again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import muistio
from muistio.cache_files import cache_file
from muistio.crosslink import LinkEntry, MemoMention
from muistio.problems import Problem, Severity

FORMAT = 1
"""The layout of an entry; increase it when `_encoded` changes, and older files are dropped."""

CODE = ("crosslink.py", "linking", "names.py", "pages/markup.py", "problems.py", "link_store.py")
"""The modules (under `muistio/`) whose code makes or reads the entries."""


class LinkStore:
    """`BuildCache.links` of the last process that built this site, and the next one's."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        """The file, or None when caching is off."""

    @classmethod
    def open(cls, root: Path, public: bool) -> LinkStore:
        return cls(cache_file("links", root, "-public.json" if public else ".json"))

    def read(self) -> dict[str, LinkEntry]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data["fingerprint"] != _fingerprint() or not isinstance(data["entries"], dict):
                return {}  # another code's, or of a shape no build wrote
            return {path: _decoded(path, entry) for path, entry in data["entries"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def write(self, links: dict[str, LinkEntry]) -> None:
        """Replace the file with `links`, whole or not at all (two builds may run at once)."""
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            entries = {path: _encoded(entry) for path, entry in links.items()}
            data = json.dumps({"fingerprint": _fingerprint(), "entries": entries}, ensure_ascii=False)
            written = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            written.write_text(data, encoding="utf-8")
            os.replace(written, self.path)
        except (OSError, ValueError, TypeError):
            pass  # a read-only or full disk, say: the next build links again


def _encoded(entry: LinkEntry) -> list[Any]:
    digest, body_line, names, (text, mentions, problems) = entry
    return [
        digest, body_line, names, text,
        [[m.key, m.surface, m.line, m.sentence, *m.highlight, m.linked, m.explicit] for m in mentions],
        [[p.line, p.code, p.params, str(p.severity)] for p in problems],
    ]


def _decoded(path: str, data: list[Any]) -> LinkEntry:
    """An entry as written, or ValueError: a file edited by hand (or by anything else) must not
    crash the pages made from it."""
    digest, body_line, names, text, mentions, problems = data
    _check([digest, body_line, names, text], [str, int, str, str])
    for mention in mentions:
        _check(mention, [str, str, int, str, int, int, bool, bool])
    for problem in problems:
        _check(problem, [int, str, dict, str])
    return (digest, body_line, names, (
        text,
        [MemoMention(path, key, surface, line, sentence, (start, end), linked, explicit)
         for key, surface, line, sentence, start, end, linked, explicit in mentions],
        [Problem(path, line, code, params, Severity(severity)) for line, code, params, severity in problems],
    ))


def _check(values: list[Any], types: list[type]) -> None:
    if len(values) != len(types) or not all(isinstance(value, kind) for value, kind in zip(values, types, strict=True)):
        raise ValueError("not an entry this code wrote")


def _fingerprint() -> str:
    """The code that makes and reads the entries (markdown-it's too), and the format."""
    import markdown_it  # here: `kb check` seldom needs it, and it is a tenth of its start-up

    package = Path(muistio.__file__).parent
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}|{markdown_it.__version__}".encode())
    for name in CODE:
        target = package / name
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            digest.update(path.read_bytes())
    return digest.hexdigest()
