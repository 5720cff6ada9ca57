"""A build takes the last build's conversion of every page that would convert the same
(hooks/conversion_store.py): what it leaves, and what it warns about, must be what a build with
no kept conversions leaves and warns about."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import sys
import zlib
from pathlib import Path

import pytest

from sitebuild import REPO, generated_knowledge_base, mkdocs_build

sys.path.insert(0, str(REPO / "hooks"))
from conversion_store import ConversionStore, _rendered, entry_for  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402
from parallel_render import Rendered  # noqa: E402

NEW_MEMO = "memos/2030/2030-01-01-uusi-tapaaminen.md"


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def build(root: Path, site: Path, no_cache: bool = False) -> tuple[int | None, int | None, list[str]]:
    """How many pages the workers converted and how many were kept from the last build (None:
    no store was used), and the warnings."""
    done = mkdocs_build(root, site, strict=False, env={"MUISTIO_NO_CACHE": "1"} if no_cache else None)
    assert done.returncode == 0, done.stderr
    counts = re.search(r"converted (\d+) pages in 2 processes; (\d+) kept from the last build", done.stderr)
    warnings = sorted(line for line in done.stderr.splitlines() if line.startswith("WARNING"))
    converted, kept = (int(counts.group(1)), int(counts.group(2))) if counts else (None, None)
    return converted, kept, warnings


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """210 memos, converted in two workers, a page that links to a memo not yet written, and one
    with a broken link."""
    root = generated_knowledge_base(tmp_path / "kb", memos=210, words=40, workers=2)
    (root / "docs" / "linkit.md").write_text(
        f"# Linkit\n\n[Uusi tapaaminen]({NEW_MEMO}) ja [puuttuva](ei-ole.md).\n", encoding="utf-8")
    (root / "docs" / "rikki.md").write_text("# Rikki\n\nLinkki [ei minnekään](poistettu.md).\n", encoding="utf-8")
    return root


def test_a_rebuild_keeps_what_converts_the_same_and_leaves_what_a_build_without_it_leaves(
        corpus: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    _, kept, first_warnings = build(corpus, site)
    assert kept == 0
    assert any("2030-01-01-uusi-tapaaminen.md" in warning for warning in first_warnings)

    memos = sorted((corpus / "memos").rglob("*.md"))
    edited = memos[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAivan uusi lause muistion loppuun.\n",
                      encoding="utf-8")
    model = memos[1].read_text(encoding="utf-8")
    new = corpus / NEW_MEMO
    new.parent.mkdir()
    new.write_text(re.sub(r"(?m)^date: .*$", "date: 2030-01-01", model), encoding="utf-8")

    converted, kept, warnings = build(corpus, site)
    _, fresh_kept, fresh_warnings = build(corpus, tmp_path / "fresh", no_cache=True)

    assert fresh_kept is None
    assert kept is not None and kept > 200  # the memo pages but two, most organisation and person pages
    assert converted is not None and converted >= 5  # two memos, the link page, the timeline, the directory
    assert files_of(site) == files_of(tmp_path / "fresh")
    assert warnings == fresh_warnings
    assert any("poistettu.md" in warning for warning in warnings), "a kept page's broken link is still reported"
    links_page = (site / "linkit" / "index.html").read_text(encoding="utf-8")
    assert 'href="../memos/2030/2030-01-01-uusi-tapaaminen/"' in links_page, "the page kept its old, broken link"
    assert "Aivan uusi lause" in (site / "memos" / edited.parent.name / edited.stem / "index.html").read_text(
        encoding="utf-8")

    config = corpus / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("permalink: true", 'permalink: "§"'),
                      encoding="utf-8")
    _, kept, _ = build(corpus, site)
    build(corpus, tmp_path / "fresh-2", no_cache=True)
    assert kept == 0, "a changed Markdown setting must drop every kept conversion"
    assert files_of(site) == files_of(tmp_path / "fresh-2")


@pytest.mark.parametrize("contents", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_damaged_store_is_read_as_empty_and_made_again(tmp_path: Path, contents: bytes) -> None:
    path = tmp_path / "conversions.sqlite"
    path.write_bytes(contents)
    store = ConversionStore(path, "sormenjälki")
    assert store._read() == {}
    store.save({}, set())  # nothing to write: the file stays as it was
    assert path.read_bytes() == contents
    made = Rendered(markdown="", content="", toc=None, title=None, anchor_ids=None, links_to_anchors=None,
                    records=[], kept=(b"avain", "[]", b"muunnos"))
    store.save({"index.md": (None, made)}, {"index.md"})  # type: ignore[dict-item]
    assert ConversionStore(path, "sormenjälki")._read() == {"index.md": (b"avain", "[]", b"muunnos")}


def test_entries_of_another_fingerprint_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "conversions.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE fingerprint (value TEXT)")
        db.execute("CREATE TABLE entries (src_uri TEXT PRIMARY KEY, source BLOB, lookups TEXT, data BLOB)")
        db.execute("INSERT INTO fingerprint VALUES ('vanha')")
        db.execute("INSERT INTO entries VALUES ('index.md', x'00', '[]', x'00')")
    assert ConversionStore(path, "vanha")._read() == {"index.md": (b"\x00", "[]", b"\x00")}
    assert ConversionStore(path, "uusi")._read() == {}


def test_a_kept_conversion_comes_back_as_it_was_made(tmp_path: Path) -> None:
    """Everything `Page.render` sets survives the store's JSON: the table of contents with its
    levels, children and the first item's active mark (MkDocs' `get_toc`), the anchors, the
    links to other pages' anchors and the records logged."""

    page_file = File("muistio.md", src_dir=None, dest_dir=str(tmp_path), use_directory_urls=True)
    page_file.content_string = "# Otsikko\n"
    toc = get_toc([{"level": 1, "id": "otsikko", "name": "Otsikko", "children": [
        {"level": 2, "id": "alaotsikko", "name": "Ala&shy;otsikko", "children": []}]}])
    record = logging.makeLogRecord({"name": "mkdocs.structure.pages", "levelno": logging.WARNING,
                                    "levelname": "WARNING", "msg": "Doc file 'muistio.md' contains a link"})
    made = Rendered(markdown="# Otsikko\n", content="<h1 id=\"otsikko\">Otsikko</h1>", toc=toc, title="Otsikko",
                    anchor_ids={"otsikko", "alaotsikko"}, links_to_anchors={"toinen.md": {"kohta": "toinen.md#kohta"}},
                    records=[record])

    class _Page:
        file = page_file

    _, _, data = entry_for(_Page(), made, {})  # type: ignore[arg-type]
    back = _rendered(json.loads(zlib.decompress(data)), "# Otsikko\n")

    assert back.content == made.content and back.title == "Otsikko"
    assert back.anchor_ids == {"otsikko", "alaotsikko"}
    assert back.links_to_anchors == {"toinen.md": {"kohta": "toinen.md#kohta"}}
    [first] = back.toc.items
    assert (first.title, first.id, first.level, getattr(first, "active", False)) == ("Otsikko", "otsikko", 1, True)
    [child] = first.children
    assert (child.title, child.id, child.level, getattr(child, "active", False)) == (
        "Ala&shy;otsikko", "alaotsikko", 2, False)
    [again] = back.records
    assert (again.name, again.levelno, again.getMessage()) == (record.name, logging.WARNING, record.msg)


@pytest.mark.parametrize(("key", "value"), [("content", 5), ("records", [["mkdocs", "WARNING", "viesti"]]),
                                            ("anchors", "otsikko"), ("toc", {"otsikko": 1}),
                                            ("links", {"toinen.md": "kohta"}), ("links", ["toinen.md"]),
                                            ("toc", [["Otsikko", 5, 1, [], False]]),  # Material's `'#' + id`
                                            ("toc", [["Otsikko", "otsikko", 1, [["Ala", "ala", 2, [], 0]], False]]),
                                            ("toc", [["Otsikko", "otsikko", 1, "lapset", False]]),
                                            ("anchors", [["otsikko"]])])
def test_an_entry_of_the_wrong_shape_is_not_used(key: str, value: object) -> None:
    """An entry that parses but holds something a worker did not write (edited by hand, say) is
    refused, and MkDocs converts the page itself, rather than the build crashing on it."""
    good = {"markdown": "", "content": "<p>Teksti</p>", "toc": [], "title": None, "anchors": [], "links": None,
            "records": [["mkdocs.structure.pages", logging.WARNING, "viesti"]]}
    assert _rendered(good, "").content == "<p>Teksti</p>"
    with pytest.raises(ValueError):
        _rendered({**good, key: value}, "")


HOOK = str(REPO / "hooks" / "muistio_hook.py")


@pytest.mark.parametrize(("other_hook", "extensions", "used"), [
    (False, "", True),
    (True, "", False),  # another plugin might change what a conversion depends on
    (False, "  - pymdownx.snippets\n", False),  # reads other files
    (False, "  - toc:\n      slugify: !!python/name:pymdownx.slugs.slugify\n", False),  # no stable form
])
def test_the_store_is_used_only_where_a_kept_conversion_is_known_to_hold(
        tmp_path: Path, other_hook: bool, extensions: str, used: bool) -> None:
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "muu_hook.py").write_text("def on_page_markdown(markdown, **kwargs):\n    return markdown\n",
                                          encoding="utf-8")
    config = (f"site_name: Koe\ntheme: material\nplugins:\n  - search\nhooks:\n  - {HOOK}\n"
              + ("  - muu_hook.py\n" if other_hook else "")
              + (f"markdown_extensions:\n{extensions}" if extensions else ""))
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert (ConversionStore.open(load_config(str(tmp_path / "mkdocs.yml")), HOOK) is not None) is used
