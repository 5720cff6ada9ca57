"""MkDocs adapter: keep every page's converted HTML on disk, so that the next `mkdocs build` of the
same site converts only the pages whose conversion could have changed.

Converting Markdown is the largest part of a build (at 5,000 memos, about 16 of its 50 CPU
seconds), and a build in CI differs from the last one by the memos of one pull request. The
workflow keeps `~/.cache/muistio` between runs, as it does for the parsed front matter.

A page's conversion depends on the following, and an entry is used only when every one is what
it was:
- the page's Markdown after every plugin's `page_markdown`: the entry keeps its hash, compared
  when MkDocs asks for the conversion. Before that, the page's source bytes, path, URL and
  inclusion pick the entries worth trusting, so that only the other pages go to the workers;
- the other files its links resolve against: the conversion is made with a `Files` that notes
  each file it looked up (`parallel_render._LookedUp`), and the entry keeps each answer (the
  file's URL and inclusion, or none);
- everything the same for all pages, kept as one fingerprint: the config's Markdown extensions and
  their settings, the link validation levels, `use_directory_urls`, MkDocs' log level, and the
  versions of Python, MkDocs, Python-Markdown, PyMdown Extensions and Pygments. When it changes,
  every entry goes.

It is used only when every Markdown extension is one `reused_markdown` knows (none of them reads
anything but the page: no snippets from other files) and every setting has a stable form (a
Python function in the settings does not), and with no plugin but Material's search and tags
(`known_plugins`). Only the builds that convert in worker processes use it (see
`parallel_render.MIN_PAGES`): `mkdocs build`, and the first build of `mkdocs serve`, whose later
builds use their own cache in memory (`render_cache`).

One SQLite file per repository and config file in `$XDG_CACHE_HOME/muistio/` (by default
`~/.cache/muistio/`), outside the repository. Entries are JSON, not pickle: a planted file can at
worst be wrong, never run code. Missing, corrupt, locked or unwritable, it is ignored;
`MUISTIO_NO_CACHE=1` turns it off. Entries of pages the site no longer has are removed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import sys
import zlib
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

import markdown
import mkdocs
import reused_markdown
from known_plugins import only_known_plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from parallel_render import Rendered, take

from muistio.cache_files import cache_file

FORMAT = 1
"""The layout of the tables and entries; increase it when they change, and older entries go."""

_UNSTABLE = re.compile(r" at 0x[0-9a-f]+")
"""What `repr` prints for a function or other object with no stable form: an address."""

Entry = tuple[bytes, str, bytes]
"""An entry as a worker makes it: the source key, the answers of the files looked up (JSON), and
the conversion (zlib-compressed JSON)."""


class ConversionStore:
    """The last build's conversions of one site, read once, written once."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self._entries: dict[str, Entry] | None = None
        """src_uri → (source key, lookups, conversion), as read; None until read."""
        self.reused: set[str] = set()
        """Pages whose entry was trusted this build (they are not sent to the workers)."""

    @classmethod
    def open(cls, config: MkDocsConfig, hook_file: str) -> ConversionStore | None:
        """The store of the site `config` builds, or None where it must not be used (see above)."""
        path = cache_file("conversions", Path(config.config_file_path), ".sqlite")
        if path is None:
            return None
        if not reused_markdown.reusable(config.markdown_extensions) or not only_known_plugins(config, hook_file):
            return None
        fingerprint = _fingerprint(config)
        if fingerprint is None:
            return None
        return cls(path, fingerprint)

    def reuse(self, page: Page, files: Files) -> bool:
        """Whether the page's last conversion may stand in for converting it again (`files` are
        the build's): if so, its `render` is set to take it, once the Markdown is known to be the
        same."""
        if self._entries is None:
            self._entries = self._read()
        entry = self._entries.get(page.file.src_uri)
        if entry is None or entry[0] != source_key(page.file):
            return False
        try:
            lookups = json.loads(entry[1])
            same = all(_answer(files.get_file_from_path(path)) == [url, inclusion]
                       for path, url, inclusion in lookups)
        except (ValueError, TypeError):
            return False
        if not same:
            return False
        page.render = partial(_take, page, entry[2])  # type: ignore[method-assign]
        self.reused.add(page.file.src_uri)
        return True

    def save(self, converted: dict[str, tuple[Page, Rendered]], pages: set[str]) -> None:
        """Write the entries the workers made, and remove those of pages the site no longer has."""
        made = [(uri, *result.kept) for uri, (_, result) in converted.items() if result.kept is not None]
        gone = [(uri,) for uri in (self._entries or {}) if uri not in pages]
        if not made and not gone:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._write(made, gone)
            except sqlite3.DatabaseError as error:
                if "not a database" not in str(error) and "malformed" not in str(error):
                    raise
                self.path.unlink()  # damaged, so worth nothing: start it again
                self._entries = None
                self._write(made, [])
        except (sqlite3.Error, OSError):
            pass  # locked by another build, a full disk: the next build converts again

    def _write(self, made: list[tuple[str, bytes, str, bytes]], gone: list[tuple[str]]) -> None:
        with closing(sqlite3.connect(self.path, timeout=5)) as db, db:
            _tables(db)
            if self._entries is None or _stored_fingerprint(db) != self.fingerprint:
                db.execute("DELETE FROM entries")
                db.execute("DELETE FROM fingerprint")
                db.execute("INSERT INTO fingerprint VALUES (?)", (self.fingerprint,))
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", made)
            db.executemany("DELETE FROM entries WHERE src_uri = ?", gone)

    def _read(self) -> dict[str, Entry]:
        if not self.path.is_file():
            return {}
        try:
            with closing(sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=5)) as db:
                if _stored_fingerprint(db) != self.fingerprint:
                    return {}
                rows = db.execute("SELECT src_uri, source, lookups, data FROM entries").fetchall()
        except sqlite3.Error:
            return {}
        return {uri: (source, lookups, data) for uri, source, lookups, data in rows
                if isinstance(source, bytes) and isinstance(lookups, str) and isinstance(data, bytes)}


def entry_for(page: Page, result: Rendered, answers: dict[str, File | None]) -> Entry:
    """The entry of a conversion just made (in a worker: `parallel_render.Keep`)."""
    lookups = json.dumps(sorted([path, *_answer(file)] for path, file in answers.items()))
    data = {
        "markdown": _digest(result.markdown),
        "content": result.content,
        "toc": [_toc_item(item) for item in result.toc] if result.toc is not None else None,
        "title": result.title,
        "anchors": sorted(result.anchor_ids) if result.anchor_ids is not None else None,
        "links": result.links_to_anchors,
        "records": [[record.name, record.levelno, record.getMessage()] for record in result.records],
    }
    return source_key(page.file), lookups, zlib.compress(json.dumps(data, ensure_ascii=False).encode(), 1)


def source_key(file: File) -> bytes:
    """What picks a page's entry before the page is read by MkDocs: its bytes and its place."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{file.src_uri}\0{file.url}\0{file.inclusion}\0".encode())
    digest.update(file.content_bytes)
    return digest.digest()


def _take(page: Page, data: bytes, config: MkDocsConfig, files: Files) -> None:
    """`Page.render` from the entry, if the Markdown is what was converted; else as MkDocs does."""
    try:
        stored = json.loads(zlib.decompress(data))
        same = page.markdown is not None and stored["markdown"] == _digest(page.markdown)
        result = _rendered(stored, page.markdown or "") if same else None
    except (ValueError, KeyError, TypeError, zlib.error):
        result = None
    if result is None:
        page.__dict__.pop("render", None)  # back to the class's method
        page.render(config, files)
        return
    take(page, result, config, files)


def _rendered(stored: dict[str, Any], markdown_text: str) -> Rendered:
    """The conversion as the worker made it, or ValueError: an entry edited by hand (or by anything
    else) must not crash the build."""
    toc = stored["toc"]
    anchors = stored["anchors"]
    records = stored["records"]
    links = stored["links"]
    if not (isinstance(stored["content"], str) and isinstance(stored["title"], str | None)
            and (anchors is None or isinstance(anchors, list) and all(isinstance(a, str) for a in anchors))
            and (toc is None or isinstance(toc, list) and all(_is_toc_item(item) for item in toc))
            and isinstance(records, list)
            and (links is None or isinstance(links, dict) and all(isinstance(a, dict) for a in links.values()))
            and all(isinstance(name, str) and isinstance(level, int) and isinstance(message, str)
                    for name, level, message in records)):
        raise ValueError("not an entry this code wrote")
    return Rendered(
        markdown=markdown_text,
        content=stored["content"],
        toc=None if toc is None else TableOfContents([_anchor_link(item) for item in toc]),
        title=stored["title"],
        anchor_ids=None if anchors is None else set(anchors),
        links_to_anchors=links,
        records=[logging.makeLogRecord({"name": name, "levelno": level, "levelname": logging.getLevelName(level),
                                        "msg": message}) for name, level, message in records],
    )


def _toc_item(item: AnchorLink) -> list[Any]:
    return [item.title, item.id, item.level, [_toc_item(child) for child in item.children],
            bool(getattr(item, "active", False))]


def _is_toc_item(data: Any) -> bool:
    """Whether `data` is what `_toc_item` writes: Material's templates read the title, the id (in
    the link's `#`) and the level of every item, and a wrong type there would crash the build."""
    return (isinstance(data, list) and len(data) == 5 and isinstance(data[0], str) and isinstance(data[1], str)
            and isinstance(data[2], int) and isinstance(data[3], list) and isinstance(data[4], bool)
            and all(_is_toc_item(child) for child in data[3]))


def _anchor_link(data: list[Any]) -> AnchorLink:
    title, anchor, level, children, active = data
    link = AnchorLink(title, anchor, level)
    link.children = [_anchor_link(child) for child in children]
    if active:
        link.active = True  # type: ignore[attr-defined]  # MkDocs' get_toc marks the first item so
    return link


def _answer(file: File | None) -> list[str | None]:
    return [None, None] if file is None else [file.url, str(file.inclusion)]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _fingerprint(config: MkDocsConfig) -> str | None:
    """What every page's conversion depends on besides its own files; None if part of it has no
    stable form."""
    versions = [sys.version, mkdocs.__version__, markdown.__version__]
    for module in ("pymdownx", "pygments"):
        try:
            versions.append(getattr(__import__(module), "__version__", "?"))
        except ImportError:
            versions.append("-")
    settings = [repr(config.markdown_extensions), repr(config.mdx_configs), repr(config.validation),
                repr(config.use_directory_urls), str(logging.getLogger("mkdocs").getEffectiveLevel())]
    if any(_UNSTABLE.search(setting) for setting in settings):
        return None
    return hashlib.sha256("\0".join([str(FORMAT), *versions, *settings]).encode()).hexdigest()


def _tables(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS fingerprint (value TEXT)")
    db.execute("CREATE TABLE IF NOT EXISTS entries (src_uri TEXT PRIMARY KEY, source BLOB, lookups TEXT, data BLOB)")


def _stored_fingerprint(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT value FROM fingerprint").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None
