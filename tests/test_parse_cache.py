"""Front matter read before is taken from the cache on disk (muistio.parse_cache): a second run
must report and build exactly what the first did, without parsing again, and the cache must never
stand between a writer's edit and the check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kbtrees import GOOD_MEMO, TreeWriter
from muistio import parse_cache, schema_check, yaml_lines
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
    [None, [[["title"], 2]], [], []],  # a key path that cannot be a dict key
    [None, [], [], [[{}]]],
]
"""Entries that are valid JSON, as the whole file is, but not of the shape `_encoded` writes."""


def plant(root: Path, entry: Any, checksum: bool = False) -> dict[str, Any]:
    """Replace every entry of the cache with `entry`, as an edit by hand would, or, with
    `checksum`, as a program that knows the file's checksum would; the entries it held."""
    path = parse_cache.ParseCache.open(root).path
    assert path is not None
    header, _, body = path.read_bytes().partition(b"\n")
    data = json.loads(body)
    kept = data["entries"]
    assert kept
    data["entries"] = {text: entry for text in kept}
    body = json.dumps(data).encode("utf-8")
    if checksum:
        header = json.dumps({**json.loads(header), "checksum": parse_cache._checksum(body)}).encode("utf-8")
    path.write_bytes(header + b"\n" + body)
    return kept


@pytest.mark.parametrize("checksum", [False, True], ids=["by-hand", "checksum-matches"])
@pytest.mark.parametrize("entry", WRONG_SHAPES)
def test_an_entry_of_the_wrong_shape_is_parsed_again(
        tree: TreeWriter, capsys: pytest.CaptureFixture[str], entry: Any, checksum: bool) -> None:
    """A cache of the right fingerprint whose entries are of another shape is ignored, like a
    truncated file: whole when edited by hand (the checksum no longer matches), entry by entry
    when written by any other program. `kb check` prints what it printed with a good cache, and
    the file gets good entries again."""
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": MEMO})
    assert main(["--root", str(root), "check"]) == 1
    expected = capsys.readouterr()
    assert "memos/2012/2012-05-16-tapaaminen.md:6: key 'title' appears twice (first on line 2)" in expected.out
    kept = plant(root, entry, checksum)
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr() == expected
    path = parse_cache.ParseCache.open(root).path
    assert path is not None
    assert json.loads(path.read_text(encoding="utf-8").partition("\n")[2])["entries"] == kept


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


COMPANY = """---
name: "  Metropolia  "
former_names:
  - name: EVTEK
    until: 2007
contacts:
  - name: Petri Laitinen
    aliases: [Petri]
    common_word: yes
offerings:
  - name: PROksi
status: active
---
"""


def records(root: Path) -> list[Any]:
    kb = analyse(root).kb
    return [(memo.path, memo.date, memo.valid, memo.meta) for memo in kb.memos] + sorted(
        (slug, company.valid, company.meta) for slug, company in kb.companies.items())


def test_front_matter_valid_before_is_not_validated_again(tree: TreeWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    """The validated values come back from the cache as validation made them (whitespace
    stripped, the date a date, contacts the model's own), so the second run sees the same records
    without running pydantic; an edit is validated again and its problem reported."""
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": GOOD_MEMO, "companies/metropolia.md": COMPANY,
                 "companies/sanoma-wsoy.md": "---\nname: Sanoma WSOY\n---\n"})
    first = records(root)
    assert first[1][2].name == "Metropolia" and first[1][2].contacts[0].common_word is True
    monkeypatch.setattr(schema_check, "validated", lambda *args: pytest.fail(f"validated again: {args[1].path}"))
    assert records(root) == first
    monkeypatch.undo()
    memo = root / "memos/2012/2012-05-16-tapaaminen.md"
    memo.write_text(GOOD_MEMO.replace("date: 2012-05-16", "date: 16.5.2012"), encoding="utf-8")
    assert any("Write 2012-05-16" in problem.render("en") for problem in analyse(root).problems)


def test_the_repository_reads_the_same_with_and_without_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    analyse(REPO)  # fills the cache
    cached = records(REPO)
    monkeypatch.setenv("MUISTIO_NO_CACHE", "1")
    assert records(REPO) == cached


def test_validated_front_matter_of_another_shape_is_validated_again(
        tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": GOOD_MEMO, "companies/metropolia.md": COMPANY,
                 "companies/sanoma-wsoy.md": "---\nname: Sanoma WSOY\n---\n"})
    assert main(["--root", str(root), "check"]) == 0
    expected = capsys.readouterr()
    path = parse_cache.ParseCache.open(root).path
    assert path is not None
    header, _, body = path.read_bytes().partition(b"\n")
    data = json.loads(body)
    assert set(data["valid"]) == {"memo", "company"}
    for kind, planted in (("memo", {"title": "x"}), ("company", {"name": "x", "contacts": 5})):
        data["valid"][kind] = {text: planted for text in data["valid"][kind]}
    body = json.dumps(data).encode("utf-8")
    header = json.dumps({**json.loads(header), "checksum": parse_cache._checksum(body)}).encode("utf-8")
    path.write_bytes(header + b"\n" + body)
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr() == expected
    assert records(root)[0][3].title == "Tapaaminen"


def test_a_check_of_files_read_before_loads_neither_yaml_nor_pydantic(tree: TreeWriter) -> None:
    """Importing PyYAML and pydantic was most of a cached `kb check`'s start (the pre-commit
    hook's wait); with every file and mkdocs.yml in the caches it needs neither. An edited file
    needs PyYAML again, and pydantic only if its front matter is not plainly valid (`schema_plain`;
    the company's name here has spaces to strip)."""
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": GOOD_MEMO, "companies/metropolia.md": COMPANY,
                 "companies/sanoma-wsoy.md": "---\nname: Sanoma WSOY\n---\n",
                 "mkdocs.yml": "site_name: Testi\ntheme:\n  name: material\n  language: fi\n"})
    script = ("import sys; from muistio.cli import main; code = main(['--root', sys.argv[1], 'check']); "
              "print(code, 'yaml' in sys.modules, 'pydantic' in sys.modules)")

    def check() -> str:
        done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, check=True)
        return done.stdout.splitlines()[-1]

    assert check() == "0 True True"
    assert check() == "0 False False"
    memo = root / "memos/2012/2012-05-16-tapaaminen.md"
    memo.write_text(GOOD_MEMO.replace("Tapaaminen", "Tapaaminen Metropoliassa"), encoding="utf-8")
    assert check() == "0 True False"
    memo.write_text(GOOD_MEMO.replace("Tapaaminen", '"  Tapaaminen  "'), encoding="utf-8")
    assert check() == "0 True True"
