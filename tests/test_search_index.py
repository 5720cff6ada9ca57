"""The build indexes a copy of its pages for search while it writes the site; the copy may stand in
for the site only when Pagefind would index the same pages, with the same bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from muistio import search_index
from muistio.search_index import EarlyIndex, same_pages

MARKED = b'<html lang="fi"><body><div data-pagefind-body>Tapaaminen</div></body></html>'
UNMARKED = '<html lang="fi"><body><h1>404 - Sivua ei löydy</h1></body></html>'.encode()


def write(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write(tmp_path / "site", {
        "index.html": MARKED,
        "memos/a/index.html": MARKED.replace(b"Tapaaminen", b"Muistio A"),
        "404.html": UNMARKED,
        "assets/style.css": b"body{}",
        "pagefind/pagefind-ui.html": b"made by the indexer",
    })


def test_a_copy_of_every_page_stands_in_for_the_site(site: Path, tmp_path: Path) -> None:
    pages = {"index.html": MARKED, "memos/a/index.html": MARKED.replace(b"Tapaaminen", b"Muistio A")}
    copy = write(tmp_path / "copy", pages)
    assert same_pages(copy, site)  # the unmarked 404 page is skipped by Pagefind either way


@pytest.mark.parametrize("change", ["changed", "missing", "extra", "unmarked site"])
def test_a_copy_that_differs_does_not(site: Path, tmp_path: Path, change: str) -> None:
    pages = {"index.html": MARKED, "memos/a/index.html": MARKED.replace(b"Tapaaminen", b"Muistio A")}
    if change == "changed":  # a plugin changed the page after its template was filled
        pages["memos/a/index.html"] += b"<!-- lisatty -->"
    elif change == "missing":  # MkDocs built this page itself
        del pages["memos/a/index.html"]
    elif change == "extra":
        pages["memos/b/index.html"] = MARKED
    else:  # no page is marked, so Pagefind would index the 404 page too
        for name in ("index.html", "memos/a/index.html"):
            (site / name).write_bytes(UNMARKED)
        pages = {name: UNMARKED for name in pages}
    assert not same_pages(write(tmp_path / "copy", pages), site)


def test_the_copy_goes_to_memory_only_with_room_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A container's /dev/shm is often 64 MB: a copy of thousands of pages would not fit, and the
    site is indexed once written instead."""
    monkeypatch.setattr(search_index, "MEMORY_DIR", str(tmp_path))
    free = shutil.disk_usage(tmp_path).free
    assert EarlyIndex.for_site(tmp_path / "site", free // EarlyIndex.PAGE_ROOM + 1) is None
    early = EarlyIndex.for_site(tmp_path / "site", 10)
    assert early is not None and early.folder.is_relative_to(tmp_path)
    early.discard()
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(search_index, "MEMORY_DIR", None)
    assert EarlyIndex.for_site(tmp_path / "site", 10) is None


def test_a_copy_left_by_a_killed_build_is_removed_by_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "MEMORY_DIR", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])  # a process that has ended
    gone.wait()
    left = tmp_path / f"muistio-pages-{gone.pid}-abc"
    running = tmp_path / f"muistio-pages-{os.getpid()}-def"
    for folder in (left, running):
        (folder / "pages").mkdir(parents=True)
    early = EarlyIndex.for_site(tmp_path / "site", 10)
    assert early is not None
    assert not left.exists() and running.exists()
    early.discard()
