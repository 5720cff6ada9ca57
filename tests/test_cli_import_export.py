"""`kb import` and `kb export` as a user runs them on a knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from muistio.cli import main
from muistio.pipeline import check
from sitebuild import REPO

SEED = REPO.parent / "shared" / "seed" / "confluence-page-2012-05-16.txt"
FIXTURE_SEED = REPO / "tests" / "fixtures" / "confluence" / "confluence-page-2012-05-16.txt"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """The repository's organisations and config, without its memos."""
    root = tmp_path / "kb"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "companies", root / "companies")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_import_the_seed_page_into_a_valid_memo_and_rerun_changes_nothing(
    kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = SEED if SEED.exists() else FIXTURE_SEED
    assert main(["--root", str(kb), "import", str(page)]) == 0
    report = capsys.readouterr().out
    assert "1 written" in report
    assert "You must log in to comment." in report  # the removed chrome is listed
    [memo] = list((kb / "memos" / "2012").glob("*.md"))
    text = memo.read_text(encoding="utf-8")
    assert "date: 2012-05-16" in text
    assert "Sanoma wsoy voisi olla hyvä kontakti." in text
    assert check(kb).problems == []
    assert set(check(kb).kb.company_memos) >= {"metropolia", "sanoma-wsoy", "op-pohjola", "aalto-yliopisto"}
    before = snapshot(kb)
    assert main(["--root", str(kb), "import", str(page)]) == 0
    assert snapshot(kb) == before


def test_the_seed_page_is_recognised_as_the_repositorys_memo(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The repository's memo came from the seed page; importing the page again (as a newcomer
    trying `kb import` on it would) must find that memo by its `source:`, not write a second one."""
    root = tmp_path / "kb"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("companies", "memos"):
        shutil.copytree(REPO / folder, root / folder)
    before = snapshot(root)
    page = SEED if SEED.exists() else FIXTURE_SEED
    assert main(["--root", str(root), "import", str(page)]) == 0
    report = capsys.readouterr().out
    assert "memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa.md" in report
    assert "already imported" in report
    assert snapshot(root) == before


def test_export_writes_four_files_and_never_overwrites(kb: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["--root", str(kb), "export", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["companies.csv", "contacts.csv", "contacts.vcf", "followups.ics"]
    (out / "contacts.csv").write_text("käsin muokattu", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(kb), "export", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (f"kb export: {out / 'companies.csv'} on jo olemassa. "
                                       "Valitse toinen --out-kansio tai lisää --force korvataksesi viennit.\n")
    assert (out / "contacts.csv").read_text(encoding="utf-8") == "käsin muokattu"
    assert main(["--root", str(kb), "export", "--out", str(out), "--force"]) == 0
    assert "Petri" in (out / "contacts.csv").read_text(encoding="utf-8-sig")


def test_public_export_leaves_out_private_fields(kb: Path, tmp_path: Path) -> None:
    metropolia = kb / "companies" / "metropolia.md"
    metropolia.write_text(metropolia.read_text(encoding="utf-8").replace(
        "    aliases: [Petri]\n", "    aliases: [Petri]\n    email: petri@example.org\n"), encoding="utf-8")
    assert main(["--root", str(kb), "export", "--out", str(tmp_path / "all")]) == 0
    assert main(["--root", str(kb), "export", "--out", str(tmp_path / "public"), "--public"]) == 0
    assert b"petri@example.org" in (tmp_path / "all" / "contacts.vcf").read_bytes()
    for path in (tmp_path / "public").iterdir():
        assert b"petri@example.org" not in path.read_bytes()
