"""The build indexes a copy of its pages for search while it writes the site; the copy may stand in
for the site only when Pagefind would index the same pages, with the same bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from muistio import search_index
from muistio.search_index import EarlyIndex, for_indexing, same_pages

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


def test_the_site_is_indexed_by_pagefinds_own_binary_or_the_one_named(site: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The build starts the wheel's binary itself (not `python -m pagefind`, 60 ms more at the
    build's end); a binary named in Pagefind's own `PAGEFIND_BINARY_PATH` is still the one used."""
    search_index.build_pagefind(site)
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (site / "pagefind" / "pagefind-ui.html").exists()
    command = search_index._pagefind()
    assert len(command) == 1 and Path(command[0]).name.startswith("pagefind")

    named = tmp_path / "named-pagefind"
    named.write_text(f'#!/bin/sh\ntouch "{tmp_path}/named-was-run"\nexec "{command[0]}" "$@"\n')
    named.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(named))
    search_index.build_pagefind(site)
    assert (tmp_path / "named-was-run").exists()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_a_pagefind_binary_that_will_not_start_leaves_it_to_pagefinds_wrapper(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A binary that cannot be run (no execute permission, say) is not a traceback: the build runs
    Pagefind the way it did before, through `python -m pagefind`, which finds the binary itself
    or fails with a message."""
    unusable = tmp_path / "pagefind_extended"
    unusable.write_bytes(b"not a program")
    monkeypatch.setattr(search_index, "_pagefind", lambda: [str(unusable)])
    search_index.build_pagefind(site)
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


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


@pytest.mark.parametrize("differs", [False, True])
def test_the_early_index_is_kept_only_for_the_pages_the_site_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 differs: bool) -> None:
    """The site is compared with the copy before Pagefind is waited for: an index of pages the
    site does not hold is stopped, not waited for, and leaves nothing in the site."""
    monkeypatch.setattr(search_index, "MEMORY_DIR", str(tmp_path / "memory"))
    (tmp_path / "memory").mkdir()
    pages = {"index.html": MARKED, "memos/a/index.html": MARKED.replace(b"Tapaaminen", b"Muistio A")}
    site = write(tmp_path / "site", pages)
    early = EarlyIndex.for_site(site, len(pages))
    assert early is not None
    write(early.folder, pages)
    assert early.start()
    if differs:  # a plugin changed the page after its template was filled
        (site / "memos" / "a" / "index.html").write_bytes(MARKED.replace(b"Tapaaminen", b"Muistio B"))
        monkeypatch.setattr(search_index.Indexing, "wait", lambda self: pytest.fail("waited for a discarded index"))
    settled: list[bool] = []

    kept = early.finish(settle_site=lambda: settled.append(True))

    assert settled == [True]
    assert kept is not differs
    assert (site / "pagefind" / "pagefind-entry.json").exists() is not differs
    for removal in search_index._REMOVING:  # the copy is removed while the build ends
        removal.wait(timeout=30)
    assert list((tmp_path / "memory").iterdir()) == [], "the copy stayed in memory"


def test_a_comparison_that_fails_stops_the_indexer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site is read while Pagefind runs: if reading it fails, Pagefind must not go on
    writing an index nobody will check, and the build goes on to index the site itself."""
    monkeypatch.setattr(search_index, "MEMORY_DIR", str(tmp_path))
    early = EarlyIndex.for_site(tmp_path / "site", 1)
    assert early is not None
    indexer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # a Pagefind still at work
    indexing = search_index.Indexing.__new__(search_index.Indexing)
    indexing.site_dir, indexing._output, indexing._process = tmp_path / "site", None, indexer  # type: ignore[assignment]
    early._indexing = indexing

    def unreadable(copy: Path, site: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(site / "index.html"))

    monkeypatch.setattr(search_index, "same_pages", unreadable)
    assert early.finish() is False  # the site is indexed as it is, by the caller: no traceback
    assert indexer.poll() is not None, "Pagefind was left running"


HEAD = ('<!doctype html><html lang="fi" class="no-js"><head><meta charset="utf-8"><title>{title} - Muistio</title>'
        '<link rel="stylesheet" href="../assets/main.css"></head>')
CHROME = ('<body dir="ltr" data-md-color-scheme="default"><header class="md-header"><a href="../">Muistio</a>'
          '<span class="md-header__topic">{title}</span><form><input placeholder="Etsi"></form></header>'
          '<nav class="md-nav"><a href="../memos/">Muistiot</a> <a href="../companies/">Organisaatiot</a></nav>')
BODY = ('<div data-pagefind-body><article class="md-content__inner"><h1 id="otsikko">{title}</h1>'
        '<p>Sanoma WSOY:n kanssa sovittiin harjoittelusta.</p><h2 id="jatko">Jatko</h2>'
        '<p data-pagefind-meta="vaihe">Palataan asiaan syksyllä.</p><p data-pagefind-ignore>Ei hakuun.</p>'
        '<img src="kuva.png" alt="Kaavio"></article></div><!-- /data-pagefind-body -->')
FOOTER = ('<footer class="md-footer">Metropolia – yrityskontaktit</footer>'
          '<script src="../assets/bundle.js"></script></body></html>')


def material_page(title: str, body: str = BODY, chrome: str = CHROME, footer: str = FOOTER) -> bytes:
    return (HEAD.format(title=title) + chrome.format(title=title) + body.format(title=title) + footer).encode()


def pagefind(site: Path, out: Path) -> dict[str, bytes]:
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(out), "--silent"],
                   check=True, capture_output=True, timeout=120)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_pagefind_indexes_the_part_of_a_page_it_reads_as_it_indexes_the_page(tmp_path: Path) -> None:
    """The early index reads `for_indexing` copies of the pages, without the header, navigation
    and footer: its files must be, byte for byte, those of the whole pages."""
    pages = {f"memos/muistio-{n}/index.html": material_page(f"Tapaaminen {n}") for n in range(3)}
    pages["index.html"] = material_page("Etusivu")
    logo = CHROME.replace("</header>", '<img src="logo.png" alt="Logo"></header>')  # not read outside the body
    pages["companies/index.html"] = material_page("Organisaatiot", chrome=logo)
    whole = write(tmp_path / "whole", pages)
    parts = write(tmp_path / "parts", {name: for_indexing(data) for name, data in pages.items()})
    part = (parts / "index.html").read_bytes()
    assert b"md-header" not in part and b"md-footer" not in part and b'lang="fi"' in part
    assert len(part) < len(pages["index.html"])
    assert b"logo.png" not in for_indexing(pages["companies/index.html"])
    assert pagefind(parts, tmp_path / "index-of-parts") == pagefind(whole, tmp_path / "index-of-whole")


@pytest.mark.parametrize("page", [
    material_page("Otsikko", chrome=CHROME.replace("<nav ", '<nav data-pagefind-filter="osio:Muistiot" ')),
    material_page("Otsikko", chrome=CHROME.replace("</header>", '<h1>Muistio</h1></header>')),
    material_page("Otsikko", body=BODY + BODY),
    material_page("Otsikko", body=BODY.removesuffix("<!-- /data-pagefind-body -->")),
    material_page("Otsikko", body=BODY.replace("Jatko</h2>", "Jatko</h2></div><!-- /data-pagefind-body -->")),
], ids=["filter outside", "heading outside", "two bodies", "no end", "end marker in text"])
def test_a_page_pagefind_may_read_more_of_is_copied_whole(page: bytes) -> None:
    assert for_indexing(page) == page


def test_mirror_writes_only_what_differs_and_removes_the_rest(tmp_path: Path) -> None:
    """The new index goes over the last one: a file with the same bytes is not written again, the
    others end up exactly as in the new index."""
    new = write(tmp_path / "new", {
        "pagefind-entry.json": b'{"uusi": 1}',
        "fragment/fi_a.pf_fragment": b"sama",
        "fragment/fi_b.pf_fragment": b"uusi sisalto",
        "index/fi_c.pf_index": b"kansion paikalla oli tiedosto",
        "filter": b"tiedoston paikalla oli kansio",
    })
    old = write(tmp_path / "old", {
        "pagefind-entry.json": b'{"vanha": 1}',
        "fragment/fi_a.pf_fragment": b"sama",
        "fragment/fi_b.pf_fragment": b"vanha sisalto, samanniminen",
        "fragment/fi_vanha.pf_fragment": b"poistetun sivun",
        "index": b"vanha tiedosto",
        "filter/fi_d.pf_filter": b"vanha kansio",
        "vanha/kansio/tiedosto": b"x",
    })
    stamped = (old / "fragment" / "fi_a.pf_fragment").stat().st_ctime_ns  # any write sets it
    time.sleep(0.05)  # file times come from a clock that ticks every few milliseconds

    search_index.mirror(new, old)

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(old) == files(new)
    assert {p.relative_to(old) for p in old.rglob("*")} == {p.relative_to(new) for p in new.rglob("*")}
    assert (old / "fragment" / "fi_a.pf_fragment").stat().st_ctime_ns == stamped


def test_mirror_never_writes_or_removes_through_a_link(tmp_path: Path) -> None:
    """A link in the last index (someone's, to anywhere) is replaced, never followed."""
    outside = write(tmp_path / "muualla", {"fi_c.pf_index": b"ei kuulu sivustoon", "oma.txt": b"tallessa"})
    new = write(tmp_path / "new", {"index/fi_c.pf_index": b"uusi", "pagefind.js": b"js"})
    old = tmp_path / "old"
    old.mkdir()
    (old / "index").symlink_to(outside)
    (old / "pagefind.js").symlink_to(outside / "oma.txt")
    (old / "vanha").symlink_to(outside)

    search_index.mirror(new, old)

    assert (outside / "fi_c.pf_index").read_bytes() == b"ei kuulu sivustoon"
    assert (outside / "oma.txt").read_bytes() == b"tallessa"
    assert not (old / "index").is_symlink() and (old / "index" / "fi_c.pf_index").read_bytes() == b"uusi"
    assert not (old / "pagefind.js").is_symlink() and (old / "pagefind.js").read_bytes() == b"js"
    assert not os.path.lexists(old / "vanha")


def test_an_index_that_cannot_be_written_is_a_message_not_a_traceback(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the last index, Pagefind writes into a folder of its own, then into the site."""
    site = write(tmp_path / "site", {"pagefind/pagefind.js": b"vanha"})
    pages = write(tmp_path / "pages", {"index.html": MARKED})

    def denied(source: Path, target: Path) -> None:
        raise PermissionError(13, "Permission denied", str(target / "pagefind.js"))

    monkeypatch.setattr(search_index, "mirror", denied)
    indexing = search_index.Indexing(pages, site, output=tmp_path / "output")

    with pytest.raises(search_index.SearchIndexError) as raised:
        indexing.wait()

    assert str(raised.value) == (f"could not write the index into {site / 'pagefind'} (Permission denied: "
                                 f"{site / 'pagefind' / 'pagefind.js'}); remove that folder and build again")
