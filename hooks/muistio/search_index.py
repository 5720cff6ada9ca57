"""The site's search index: Pagefind's chunked index instead of Material's single JSON file.

Material's search plugin writes the text of every page into search/search_index.json, which every
reader's browser downloads whole before the first result: 4.8 MB at 1,000 memos, 24 MB at 5,000.
Pagefind (a Rust indexer shipped as a binary inside its PyPI wheel, `pagefind[extended]`; nothing
is downloaded at run time) reads the built HTML and writes an index split into chunks by word, so
a query downloads only the chunks of its words. It stems Finnish (from `<html lang="fi">`), so an
inflected query word finds the base form, as Material's lunr-fi did.

Material's search box and result list stay: Material's index is reduced to its `config` (the box
still needs it), and the worker the theme override starts (overrides/) answers from Pagefind.
This module only runs the indexer, on a built site or on a copy of its pages made while the site
is built (`EarlyIndex`); it knows nothing about MkDocs.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

MATERIAL_INDEX = Path("search") / "search_index.json"

SEARCH_PAGE = "haku.html"
"""The page of every result of a query (`haku.html?hae=...`): the theme template
overrides/haku.html, written at the site's root. The search box's count line links to it
(overrides/assets/javascripts/muistio-search-count.js spells the name again)."""


class SearchIndexError(RuntimeError):
    """The indexer failed; the message says why, for the build log."""


def available() -> bool:
    """Whether the Pagefind binary is installed (it comes with the pinned requirements)."""
    return any(importlib.util.find_spec(name) is not None for name in ("pagefind_bin_extended", "pagefind_bin"))


def _pagefind() -> list[str]:
    """How to start Pagefind: the binary in the `pagefind[extended]` wheel, itself. `python -m
    pagefind` starts Python and imports asyncio (60 ms, at the end of the build, where Pagefind
    decides the time) only to exec that binary; it is left to choose when it was told to
    (`PAGEFIND_BINARY_PATH`) or the binary came otherwise (the plain wheel, one on the PATH)."""
    if "PAGEFIND_BINARY_PATH" not in os.environ:
        try:
            from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

            return [str(get_executable())]
        except (ImportError, OSError):  # not installed, or the wheel lacks its binary
            pass
    return [sys.executable, "-m", "pagefind"]


def _started(command: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def build_pagefind(site_dir: Path) -> None:
    """Index the built site with Pagefind (into site_dir/pagefind/, anything there before removed
    first) and empty Material's index."""
    remove_index(site_dir)
    Indexing(site_dir, site_dir).wait()


def remove_index(site_dir: Path) -> None:
    """Remove the site's Pagefind index (a build that makes none leaves none)."""
    shutil.rmtree(site_dir / INDEX_DIR, ignore_errors=True)


INDEX_DIR = "pagefind"
"""Where in the site the index goes."""
NOT_INDEXED = ".headerlink"
"""Left out of the index: the ¶ that `toc: permalink` puts in every heading, which would otherwise
end the title and section names a search result shows ("Kirjoitusohje¶")."""


class Indexing:
    """A Pagefind run on `source`'s HTML, writing the index into `site_dir`/pagefind/, started now
    and waited for later: the build can index a copy of its pages while it writes the site.

    Pagefind's output depends on the HTML files, their paths under the folder it reads, and the
    order that folder lists them in (see `settle`), not on where the folder is: a copy elsewhere
    gives the same search results, and the same index files once listed in the same order."""

    def __init__(self, source: Path, site_dir: Path, output: Path | None = None) -> None:
        """With `output`, Pagefind writes there, and `wait` mirrors it into the site (`mirror`)."""
        self.site_dir = site_dir
        self._output = output
        arguments = ["--site", str(source), "--output-path", str(output or site_dir / INDEX_DIR),
                     "--exclude-selectors", NOT_INDEXED, "--silent"]
        try:
            self._process = _started([*_pagefind(), *arguments])
        except OSError:  # the binary would not start: Pagefind's wrapper runs it, or says why it fails
            self._process = _started([sys.executable, "-m", "pagefind", *arguments])

    def wait(self) -> None:
        """Wait for the index; then empty Material's (its search box needs only its config)."""
        stdout, stderr = self._process.communicate()
        if self._process.returncode != 0:
            detail = (stderr or stdout).strip().splitlines()[-1:] or ["no output"]
            raise SearchIndexError(f"Pagefind failed ({self._process.returncode}): {detail[0]}")
        if self._output is not None:
            try:
                mirror(self._output, self.site_dir / INDEX_DIR)
            except OSError as error:
                raise SearchIndexError(
                    f"could not write the index into {self.site_dir / INDEX_DIR} ({error.strerror}: "
                    f"{error.filename}); remove that folder and build again") from error
        index = self.site_dir / MATERIAL_INDEX
        if index.is_file():
            material = json.loads(index.read_text(encoding="utf-8"))
            index.write_text(json.dumps({"config": material.get("config", {}), "docs": []}), encoding="utf-8")

    def cancel(self) -> None:
        self._process.kill()
        self._process.communicate()


MEMORY_DIR = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
"""Where `EarlyIndex` keeps its copy of the pages: a folder in memory, where Linux has one (a few
hundred megabytes for a few seconds). Without one the site is indexed once written, as writing
the copy to disk cost more than indexing early saved."""


class EarlyIndex:
    """Pagefind on a copy of the site's pages, started before the site itself is written.

    Indexing is a fifth of a build at thousands of memos and needs every page; the build's
    processes can write a copy of each page as they make it (into `folder`), so the indexer can
    run while the site is written, and the build waits only for what is left. The index is kept
    only if the copy turns out to be what was written (`same_pages`); otherwise the caller indexes
    the site as usual."""

    PAGE_ROOM = 100_000
    """Bytes of memory folder to have free per page (ours are about 30 KB) before copying there."""

    @classmethod
    def for_site(cls, site_dir: Path, pages: int) -> EarlyIndex | None:
        """An early index, if there is a folder in memory with room for a copy of `pages` pages
        (a container's /dev/shm is often 64 MB); else None, and the site is indexed when built."""
        if MEMORY_DIR is None:
            return None
        try:
            if shutil.disk_usage(MEMORY_DIR).free < pages * cls.PAGE_ROOM:
                return None
            return cls(site_dir)
        except OSError:
            return None

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        _sweep(MEMORY_DIR)
        self._root = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=MEMORY_DIR))
        self.folder = self._root / "written"
        """Where the pages go, each at its path in the site."""
        self._indexing: Indexing | None = None
        atexit.register(self.discard)  # Ctrl-C mid-build: the copy would otherwise stay in memory

    def start(self) -> bool:
        """Start indexing the pages written to `folder`; False (and nothing kept) if it cannot."""
        try:
            settle(self.folder, self._root / "pages")
            # Over the last build's index (kept by site_rewrite), Pagefind writes into memory and
            # only what changed is written into the site; into an empty site, straight there.
            output = self._root / "index" if (self.site_dir / INDEX_DIR).is_dir() else None
            self._indexing = Indexing(self._root / "pages", self.site_dir, output)
        except OSError:
            self.discard()
            return False
        return True

    def finish(self, settle_site: Callable[[], object] = lambda: None) -> bool:
        """Keep the index if the copy is what the site holds, once Pagefind is done; False if the
        site must be indexed instead (nothing of this run is left behind). `settle_site` runs
        first: only Pagefind writes into the site by then, and only into its own folder (the
        hook removes the last build's leftovers, `site_rewrite`). The site is compared with the
        copy while Pagefind still runs, as its last seconds use one core; a copy that differs, or a
        site that cannot be read for the comparison, stops it."""
        indexing, self._indexing = self._indexing, None
        try:
            if indexing is None:
                return False
            same = False
            try:
                settle_site()
                try:
                    same = same_pages(self._root / "pages", self.site_dir)
                except OSError:  # a page that cannot be read: the site is indexed as it is instead
                    same = False
            finally:
                if not same:  # a copy that differs, or a comparison that failed: Pagefind stops
                    indexing.cancel()
            if not same:
                remove_index(self.site_dir)
                return False
            indexing.wait()
            return True
        finally:
            _remove_meanwhile(self._root)
            atexit.unregister(self.discard)

    def discard(self) -> None:
        if self._indexing is not None:
            self._indexing.cancel()
            self._indexing = None
        shutil.rmtree(self._root, ignore_errors=True)
        atexit.unregister(self.discard)


_PREFIX = "muistio-pages-"

_REMOVING: list[subprocess.Popen[bytes]] = []
"""Removals started by `_remove_meanwhile`, kept until they end so none is reported as left running."""


def _remove_meanwhile(folder: Path) -> None:
    """Remove `folder` in a process of its own that the build does not wait for: the copy of a
    5,000-memo site and Pagefind's output in memory are some 20,000 files, half a second to delete
    at the very end of the build. If that process dies, the next build's `_sweep` removes the
    folder (it is named after this build's process)."""
    _REMOVING[:] = [process for process in _REMOVING if process.poll() is None]
    try:
        _REMOVING.append(subprocess.Popen(["rm", "-rf", "--", str(folder)], stdin=subprocess.DEVNULL,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                          start_new_session=True))
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def _sweep(folder: str | None) -> None:
    """Remove copies left by builds that were killed (their process is gone): nothing else would
    free that memory before the machine restarts."""
    for stale in Path(folder or tempfile.gettempdir()).glob(f"{_PREFIX}*-*"):
        pid = stale.name.removeprefix(_PREFIX).partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def mirror(source: Path, target: Path) -> None:
    """Make `target` hold exactly the files of `source`, writing only those whose bytes differ.

    Pagefind names most of its files by a hash of their content and, when a file of that name is
    already there, does not write it. Over the last build's index that would keep an old file
    whose short name a new one happens to share. So Pagefind writes into an empty folder in
    memory, and this compares every file byte for byte: a rebuild writes the few that changed,
    instead of creating some 6,500 files in a folder just emptied (slow on ext4)."""
    if target.is_symlink():  # a link is never written through: it might lead out of the site
        target.unlink()
    wanted: set[Path] = set()
    for path in sorted(source.rglob("*")):  # a folder before what is in it
        relative = path.relative_to(source)
        wanted.add(relative)
        destination = target / relative
        if path.is_dir():
            if destination.is_symlink() or not destination.is_dir():
                _remove(destination)
                destination.mkdir(parents=True)
            continue
        data = path.read_bytes()
        if destination.is_symlink() or destination.is_dir():
            _remove(destination)
        elif destination.is_file() and destination.read_bytes() == data:
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    for path in sorted(target.rglob("*"), reverse=True):  # deepest first; rglob does not enter links
        if path.relative_to(target) not in wanted:
            _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def settle(written: Path, into: Path) -> None:
    """Move every file of `written` into `into` (new, empty), in the order of their paths.

    Pagefind numbers pages in the order it finds them, which is the order the file system lists
    them in, and the numbers shape its index files. Pages written by several processes at once
    are listed in no fixed order; moved one by one, in path order, into a new folder in memory
    (whose listing order follows the order files arrived in), they are indexed alike every build."""
    for path in sorted(p for p in written.rglob("*") if p.is_file()):
        target = into / path.relative_to(written)
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)


BODY_MARK = b"data-pagefind-body"
"""Once any page marks its body with this, Pagefind indexes only the pages that do."""

BODY_START = b"<div data-pagefind-body>"
BODY_END = b"</div><!-- /data-pagefind-body -->"
"""How the theme override (overrides/main.html) wraps a page's content for Pagefind."""

READ_ANYWHERE = (b"data-pagefind", b"<h1")
"""What Pagefind reads outside the marked body: its attributes (metadata, filters, sorting)
anywhere in a page, and a page's first heading for its title. (An image outside the body, such as
a logo, it does not read: tests/test_search_index.py indexes such pages both ways.)"""


def for_indexing(page: bytes) -> bytes:
    """The part of a built page Pagefind reads, for the copy it indexes while the site is written:
    the page up to its `<body>` tag (the language, the head) and the marked body, without the
    header, navigation and footer around it (two thirds of a memo page, which Pagefind would
    parse only to skip). The page whole unless it has exactly one marked body, properly ended,
    and nothing outside it Pagefind may read (`READ_ANYWHERE`). The tests hold the index of the
    copies to that of the whole pages."""
    start, end = page.find(BODY_START), page.find(BODY_END)
    body = page.find(b"<body")
    if start < 0 or end < start or page.count(BODY_START) != 1 or page.count(BODY_END) != 1:
        return page
    body_tag_end = page.find(b">", body) + 1
    end += len(BODY_END)
    if not 0 < body < body_tag_end <= start:
        return page
    if any(mark in page[:start] or mark in page[end:] for mark in READ_ANYWHERE):
        return page
    return page[:body_tag_end] + page[start:end] + b"</body></html>\n"


def same_pages(copy: Path, site_dir: Path) -> bool:
    """Whether indexing `copy` gives the index of the built site: every HTML file Pagefind would
    read in the site (all but its own output) is in the copy, as `for_indexing` makes it of the
    site's bytes, and the copy has nothing else. A page left out of the copy passes only if
    Pagefind would skip it anyway: it has no body mark while the copy's pages have one
    (Material's 404 page, for one)."""
    copied = {path.relative_to(copy) for path in copy.rglob("*.html")}
    marked = False
    unmarked_missing = False
    for path in _site_pages(site_dir):
        relative = path.relative_to(site_dir)
        data = path.read_bytes()
        if relative in copied:
            copied.discard(relative)
            if (copy / relative).read_bytes() != for_indexing(data):
                return False
            marked = marked or BODY_MARK in data
        elif BODY_MARK in data:
            return False
        else:
            unmarked_missing = True
    return not copied and (marked or not unmarked_missing)


def _site_pages(site_dir: Path) -> Iterator[Path]:
    """The site's HTML files but Pagefind's own output, which may still be being written."""
    for entry in sorted(site_dir.iterdir()):
        if entry.name == INDEX_DIR:
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from entry.rglob("*.html")
        elif entry.suffix == ".html":
            yield entry
