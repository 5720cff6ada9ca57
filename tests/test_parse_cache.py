"""Front matter read before is taken from the cache on disk (muistio.parse_cache): a second run
must report and build exactly what the first did, without parsing again, and the cache must never
stand between a writer's edit and the check."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtrees import TreeWriter
from muistio import parse_cache, yaml_lines
from muistio.pipeline import analyse
from sitebuild import REPO

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


def test_no_cache_writes_nothing(tree: TreeWriter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("MUISTIO_NO_CACHE", "1")
    analyse(tree({"memos/2012/2012-05-16-tapaaminen.md": MEMO}))
    assert not (tmp_path / "cache").exists()
