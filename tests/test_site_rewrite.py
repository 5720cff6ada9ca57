"""A build writes over the last build's site instead of deleting it first (hooks/site_rewrite.py):
what it leaves must be, file for file, what a build into an empty folder leaves."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import mkdocs.utils
import pytest

from kbtrees import GOOD_MEMO, TreeWriter
from sitebuild import REPO, generated_knowledge_base, mkdocs_build, site_skeleton

sys.path.insert(0, str(REPO / "hooks"))
import site_rewrite  # noqa: E402

SECOND_MEMO = GOOD_MEMO.replace("title: Tapaaminen", "title: Toinen tapaaminen").replace(
    "date: 2012-05-16", "date: 2013-01-10")


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def folders_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir()}


@pytest.fixture(autouse=True)
def mkdocs_writes_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept old site has MkDocs write files over in place until the sweep; tests that stop
    before it must not leave that to the tests after them."""
    monkeypatch.setattr(mkdocs.utils, "write_file", mkdocs.utils.write_file)


@pytest.fixture
def kb(tree: TreeWriter) -> Path:
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": GOOD_MEMO,
                 "memos/2013/2013-01-10-toinen-tapaaminen.md": SECOND_MEMO})
    return site_skeleton(root)


def build(root: Path, site: Path, config: str = "mkdocs.yml") -> None:
    done = mkdocs_build(root, site, strict=False, config=config)
    assert done.returncode == 0, done.stderr


def linked_elsewhere(page: Path, tmp_path: Path) -> Path:
    """A second name for the page's file, outside the site: written over, the page keeps it (two
    links); deleted and made again, the page is a new file (one link). (Inode numbers do not tell:
    the file system hands a freed one out again at once.)"""
    other = tmp_path / "toinen-nimi.html"
    os.link(page, other)
    return other


def test_a_rebuild_leaves_what_a_build_into_an_empty_folder_leaves(kb: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(kb, site)
    kept = site / "companies" / "metropolia" / "index.html"
    linked_elsewhere(kept, tmp_path)
    (kb / "memos" / "2013" / "2013-01-10-toinen-tapaaminen.md").unlink()
    (site / "vanha").mkdir()
    (site / "vanha" / "index.html").write_text("edellisen rakennuksen sivu", encoding="utf-8")
    (site / ".git-kansio").write_text("piilotettu", encoding="utf-8")

    build(kb, site)
    build(kb, tmp_path / "fresh")

    assert kept.stat().st_nlink == 2, "the page was deleted and made again, not written over"
    assert not (site / "memos" / "2013" / "2013-01-10-toinen-tapaaminen").exists()
    assert (site / ".git-kansio").read_text(encoding="utf-8") == "piilotettu"  # MkDocs keeps hidden ones too
    (site / ".git-kansio").unlink()
    assert folders_of(site) == folders_of(tmp_path / "fresh")
    assert files_of(site) == files_of(tmp_path / "fresh")
    assert any(name.startswith("pagefind/fragment/") for name in files_of(site)), "no search index to compare"


@pytest.mark.slow
def test_a_rebuild_indexed_while_written_leaves_what_a_fresh_build_leaves(tmp_path: Path) -> None:
    """Over `parallel_render.MIN_PAGES` pages the search index is made while the site is written,
    so the old files are swept only after the indexer has written into the site."""
    root = generated_knowledge_base(tmp_path / "kb", memos=210, words=40, workers=2)
    site = tmp_path / "site"
    build(root, site)
    page = site / "index.html"
    linked_elsewhere(page, tmp_path)
    sorted((root / "memos").rglob("*.md"))[-1].unlink()

    fragment = sorted((site / "pagefind" / "fragment").iterdir())[0]
    stamped = fragment.stat().st_ctime_ns  # any write sets it

    build(root, site)
    build(root, tmp_path / "fresh")

    assert page.stat().st_nlink == 2
    assert files_of(site) == files_of(tmp_path / "fresh")
    if fragment.exists():  # unless it was the removed memo's
        assert fragment.stat().st_ctime_ns == stamped, "an index file that did not change was written again"


def test_with_an_unknown_plugin_the_old_site_is_deleted_first(kb: Path, tmp_path: Path) -> None:
    """A plugin might skip a file that is already there, which would then look left over."""
    other = kb / "other_hook.py"
    other.write_text("def on_page_markdown(markdown, **kwargs):\n    return markdown\n", encoding="utf-8")
    config = (kb / "mkdocs.yml").read_text(encoding="utf-8").replace("hooks:\n", f"hooks:\n  - {other}\n", 1)
    (kb / "other.yml").write_text(config, encoding="utf-8")
    site = tmp_path / "site"
    build(kb, site, "other.yml")
    page = site / "companies" / "metropolia" / "index.html"
    linked_elsewhere(page, tmp_path)
    (site / "vanha.html").write_text("edellinen", encoding="utf-8")

    build(kb, site, "other.yml")

    assert page.stat().st_nlink == 1
    assert not (site / "vanha.html").exists()


def test_an_old_site_with_a_symbolic_link_is_deleted_first(kb: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(kb, site)
    page = site / "companies" / "metropolia" / "index.html"
    linked_elsewhere(page, tmp_path)
    os.symlink(REPO / "README.md", site / "linkki.md")

    build(kb, site)

    assert page.stat().st_nlink == 1
    assert not os.path.lexists(site / "linkki.md")


def test_an_old_file_where_a_folder_goes_and_the_reverse_make_way(kb: Path, tmp_path: Path) -> None:
    """A build into an empty folder never meets these; a build over the last one must not crash."""
    site = tmp_path / "site"
    build(kb, site)
    folder = site / "companies" / "metropolia"
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    folder.write_text("vanha tiedosto kansion paikalla", encoding="utf-8")
    page = site / "companies" / "sanoma-wsoy" / "index.html"
    page.unlink()
    (page / "sisalla").mkdir(parents=True)
    (page / "sisalla" / "vanha.html").write_text("vanha kansio tiedoston paikalla", encoding="utf-8")

    build(kb, site)
    build(kb, tmp_path / "fresh")

    assert files_of(site) == files_of(tmp_path / "fresh")


def test_an_old_site_with_a_read_only_file_is_deleted_first(kb: Path, tmp_path: Path) -> None:
    """MkDocs could not write over it, where it can delete it."""
    site = tmp_path / "site"
    build(kb, site)
    page = site / "companies" / "metropolia" / "index.html"
    linked_elsewhere(page, tmp_path)
    page.chmod(0o444)

    build(kb, site)

    assert page.stat().st_nlink == 1
    assert page.stat().st_mode & 0o200, "the new page is MkDocs' own, not the old read-only one"


@pytest.mark.parametrize("stamped", [True, False])
def test_where_writing_sets_no_ctime_the_old_site_is_deleted_before_anything_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stamped: bool) -> None:
    """The sweep tells written files by their ctime; a file system that does not set it on a write
    would make every page look left over."""
    site = tmp_path / "site"
    for page in ("index.html", "memos/a/index.html", "memos/vanha/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(f"edellinen {page}", encoding="utf-8")
    time.sleep(0.05)  # a later build: file times come from a clock that ticks every few milliseconds
    if not stamped:
        monkeypatch.setattr(site_rewrite, "_stamped_when_written", lambda path, started: False)
    rewrite = site_rewrite.SiteRewrite()
    rewrite._clean(str(site))
    assert (site / "memos" / "vanha" / "index.html").exists(), "kept for MkDocs to write over"

    pages = [str(site / "index.html"), str(site / "memos" / "a" / "index.html")]
    rewrite.make_room(pages, pages)

    left = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    if stamped:
        assert left == ["index.html", "memos/a/index.html", "memos/vanha/index.html"]
        assert (site / "index.html").read_text(encoding="utf-8") == "edellinen index.html"
    else:
        assert left == []
        assert rewrite.sweep() == 0


def test_a_build_that_makes_no_search_index_leaves_none_of_the_last_one(kb: Path, tmp_path: Path) -> None:
    """The last build's index is the hook's to replace or remove (the sweep leaves it alone)."""
    site = tmp_path / "site"
    build(kb, site)
    assert (site / "pagefind" / "pagefind-entry.json").exists()
    page = site / "companies" / "metropolia" / "index.html"
    linked_elsewhere(page, tmp_path)
    without_pagefind = ("import sys; sys.argv = ['mkdocs'] + sys.argv[1:]; from muistio import search_index; "
                        "search_index.available = lambda: False; from mkdocs.__main__ import cli; cli()")

    done = subprocess.run([sys.executable, "-c", without_pagefind, "build", "-f", str(kb / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)

    assert done.returncode == 0, done.stderr
    assert page.stat().st_nlink == 2, "the old site was deleted first: this test would prove nothing"
    assert not (site / "pagefind").exists()


def test_a_leftover_that_cannot_be_removed_stays_as_with_mkdocs_own_clean(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs deletes the old site with errors ignored; the sweep must not crash the build either."""
    site = tmp_path / "site"
    for page in ("index.html", "lukittu/index.html", "vanha/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(f"edellinen {page}", encoding="utf-8")
    time.sleep(0.05)  # a later build: file times come from a clock that ticks every few milliseconds
    rewrite = site_rewrite.SiteRewrite()
    rewrite._clean(str(site))
    rewrite.make_room([str(site / "index.html")], [str(site / "index.html")])
    unlink = os.unlink

    def locked(path: str) -> None:
        if "lukittu" in str(path):
            raise PermissionError(13, "Permission denied", path)
        unlink(path)

    monkeypatch.setattr(site_rewrite.os, "unlink", locked)

    assert rewrite.sweep() == 1
    assert (site / "lukittu" / "index.html").exists() and not (site / "vanha").exists()


def test_old_pages_are_written_over_in_place_and_cut_to_their_new_length(tmp_path: Path) -> None:
    """MkDocs writes through `mkdocs.utils.write_file`; over a kept site that writes into the old
    file without emptying it first, so whatever was longer must still end where the page ends."""
    site = tmp_path / "site"
    for page, text in (("index.html", "edellinen etusivu, pidempi kuin uusi"), ("tyhja/index.html", "vanha"),
                       ("yha-tyhja/index.html", "")):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(text, encoding="utf-8")
    second_name = linked_elsewhere(site / "index.html", tmp_path)
    time.sleep(0.05)  # a later build: file times come from a clock that ticks every few milliseconds
    rewrite = site_rewrite.SiteRewrite()
    rewrite._clean(str(site))
    pages = [str(site / page / "index.html") for page in ("", "tyhja", "yha-tyhja", "uusi")]
    rewrite.make_room(pages, pages)
    assert mkdocs.utils.write_file is site_rewrite.write_over

    mkdocs.utils.write_file(b"uusi etusivu", pages[0])
    mkdocs.utils.write_file(b"", pages[1])
    mkdocs.utils.write_file(b"", pages[2])  # no byte written, none cut off: only emptying it stamps it
    mkdocs.utils.write_file(b"uusi sivu", pages[3])

    assert rewrite.sweep() == 0, "a page written this build looked left over"
    assert files_of(site) == {"index.html": b"uusi etusivu", "tyhja/index.html": b"", "yha-tyhja/index.html": b"",
                              "uusi/index.html": b"uusi sivu"}
    assert second_name.read_bytes() == b"uusi etusivu", "the page was made anew, not written over"
    assert mkdocs.utils.write_file is site_rewrite._MKDOCS_WRITE, "MkDocs' own writing is back after the sweep"
