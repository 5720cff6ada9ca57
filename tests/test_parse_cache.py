"""Front matter read before is taken from the cache on disk (muistio.parse_cache): a second run
must report and build exactly what the first did, without parsing again, and the cache must never
stand between a writer's edit and the check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kbtrees import GOOD_MEMO, TreeWriter
from muistio import parse_cache, yaml_lines
from muistio.cli import main
from muistio.pipeline import analyse
from sitebuild import REPO, mkdocs_build, site_skeleton

MEMO = """---
title: Tapaaminen
date: 2012-05-16
companies: [metropolia]
tags: [yes]
title: Toinen otsikko
---
Teksti.
"""


def texts() -> list[str]:
    """The front matter of every memo and company of the repository, and some broken YAML."""
    files = [*sorted((REPO / "memos").rglob("*.md")), *sorted((REPO / "companies").glob("*.md"))]
    found = [path.read_text(encoding="utf-8").split("---\n", 2)[1] for path in files]
    return [*found, MEMO.split("---\n", 2)[1], "a: [1, 2\n", "a: &x 1\nb: *x\n", "- 1\n- 2\n", "a: .nan\n", ""]


def test_a_cached_document_is_the_parsed_one(monkeypatch: pytest.MonkeyPatch) -> None:
    first = parse_cache.ParseCache.open(REPO)
    parsed = [first.parse(text) for text in texts()]
    first.save()

    def no_parsing(text: str) -> yaml_lines.YamlDocument:
        raise AssertionError(f"parsed again: {text!r}")

    monkeypatch.setattr(yaml_lines, "parse", no_parsing)
    second = parse_cache.ParseCache.open(REPO)
    cached = [second.parse(text) for text in texts()]
    assert [repr(doc) for doc in cached] == [repr(doc) for doc in parsed]  # repr: nan is not equal to itself
    assert any(doc.issues for doc in cached) and any(doc.ambiguous for doc in cached)


def test_a_second_check_reports_what_the_first_did(tree: TreeWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": MEMO})
    first = [problem.render("en") for problem in analyse(root).problems]
    assert any("title" in line and ":6:" in line for line in first)  # the duplicate key, at its line
    monkeypatch.setattr(yaml_lines, "parse", lambda text: pytest.fail("parsed again"))
    assert [problem.render("en") for problem in analyse(root).problems] == first


def test_an_edit_is_read_and_what_is_gone_is_forgotten(tree: TreeWriter) -> None:
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": MEMO})
    memo = root / "memos/2012/2012-05-16-tapaaminen.md"
    analyse(root)
    memo.write_text(MEMO.replace("title: Toinen otsikko\n", ""), encoding="utf-8")
    assert not any("title" in problem.render("en") for problem in analyse(root).problems)
    cache = parse_cache.ParseCache.open(root)
    assert cache.path is not None and "Toinen otsikko" not in cache.path.read_text(encoding="utf-8")


def test_a_broken_cache_file_is_ignored_and_replaced(tree: TreeWriter) -> None:
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": MEMO})
    expected = [problem.render("en") for problem in analyse(root).problems]
    path = parse_cache.ParseCache.open(root).path
    assert path is not None
    for broken in ("{not json", '{"fingerprint": 1}', '{"fingerprint": "x", "entries": []}', "[]"):
        path.write_text(broken, encoding="utf-8")
        assert [problem.render("en") for problem in analyse(root).problems] == expected
    assert '"entries"' in path.read_text(encoding="utf-8")


WRONG_SHAPES: list[Any] = [
    123,
    [{"title": 5}, 7, None],
    json.dumps([{"title": 5}, 7, None]),
    json.dumps([None, [[["title"], 2]], [], []]),  # a key path that cannot be a dict key
    json.dumps([None, [], [[1, "duplicate_key", {"key": "title", "first_line": "x"}]], []]),
    json.dumps([None, [], [["1", "duplicate_key", {}]], []]),
    json.dumps([None, [], [], [[{}]]]),
]
"""Entries that are valid JSON, as the whole file is, but not of the shape `_encoded` writes."""


def plant(root: Path, entry: Any) -> dict[str, Any]:
    """Replace every entry of the cache with `entry`; the entries it held."""
    path = parse_cache.ParseCache.open(root).path
    assert path is not None
    data = json.loads(path.read_text(encoding="utf-8"))
    kept = data["entries"]
    assert kept
    data["entries"] = {text: entry for text in kept}
    path.write_text(json.dumps(data), encoding="utf-8")
    return kept


@pytest.mark.parametrize("entry", WRONG_SHAPES)
def test_an_entry_of_the_wrong_shape_is_parsed_again(
        tree: TreeWriter, capsys: pytest.CaptureFixture[str], entry: Any) -> None:
    """A cache of the right fingerprint whose entries are of another shape (edited by hand, or by
    any other program) is ignored entry by entry, like a truncated file: `kb check` prints what it
    printed with a good cache, and the file gets good entries again."""
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": MEMO})
    assert main(["--root", str(root), "check"]) == 1
    expected = capsys.readouterr()
    assert "memos/2012/2012-05-16-tapaaminen.md:6: key 'title' appears twice (first on line 2)" in expected.out
    kept = plant(root, entry)
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr() == expected
    path = parse_cache.ParseCache.open(root).path
    assert path is not None and json.loads(path.read_text(encoding="utf-8"))["entries"] == kept


def test_a_build_with_entries_of_the_wrong_shape_builds_the_site(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    memo = root / "memos/2012/2012-05-16-tapaaminen.md"
    memo.parent.mkdir(parents=True)
    memo.write_text(GOOD_MEMO, encoding="utf-8")
    (root / "companies").mkdir()
    (root / "companies/metropolia.md").write_text(
        "---\nname: Metropolia\ncontacts:\n  - name: Petri Laitinen\n---\n", encoding="utf-8")
    (root / "companies/sanoma-wsoy.md").write_text("---\nname: Sanoma WSOY\n---\n", encoding="utf-8")
    first = mkdocs_build(root, tmp_path / "site")
    assert first.returncode == 0, first.stderr
    plant(root, [{"title": 5}, 7, None])
    again = mkdocs_build(root, tmp_path / "site")
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert "Tapaaminen" in (tmp_path / "site/memos/2012/2012-05-16-tapaaminen/index.html").read_text(encoding="utf-8")


def test_no_cache_writes_nothing(tree: TreeWriter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("MUISTIO_NO_CACHE", "1")
    analyse(tree({"memos/2012/2012-05-16-tapaaminen.md": MEMO}))
    assert not (tmp_path / "cache").exists()
