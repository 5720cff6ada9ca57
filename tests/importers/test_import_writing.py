"""Never lose a file: skip, update with backup, dry run, re-run, collisions, failed writes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from muistio.importers import StaticDirectory, import_paths
from muistio.importers.front_matter import recognised_sources

Snap = Callable[[Path], dict[str, bytes]]
SEED = "confluence-page-2012-05-16.txt"
MEMO = "memos/2012/2012-05-16-tapaaminen-projektipaallikko-petri-laitisen-kanssa.md"


@pytest.fixture
def seed(fixtures: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "in" / SEED
    copy.parent.mkdir()
    shutil.copy(fixtures / SEED, copy)
    return copy


def test_rerun_changes_nothing(seed: Path, kb: Path, directory: StaticDirectory, snapshot: Snap):
    import_paths([seed], directory, kb)
    before = snapshot(kb)
    run = import_paths([seed], directory, kb)
    assert snapshot(kb) == before
    assert run.pages[0].outcome is not None and run.pages[0].outcome.action == "unchanged"
    again = import_paths([seed], directory, kb, update=True)
    assert snapshot(kb) == before  # --update with nothing new writes no backup either
    assert again.pages[0].outcome is not None and again.pages[0].outcome.action == "unchanged"


def test_an_edited_memo_is_never_overwritten(seed: Path, kb: Path, directory: StaticDirectory, snapshot: Snap):
    import_paths([seed], directory, kb)
    memo = kb / MEMO
    edited = memo.read_text(encoding="utf-8") + "\nLisätty käsin.\n"
    memo.write_text(edited, encoding="utf-8")
    run = import_paths([seed], directory, kb)
    assert memo.read_text(encoding="utf-8") == edited
    outcome = run.pages[0].outcome
    assert outcome is not None and outcome.action == "skipped"
    assert outcome.detail is not None
    assert outcome.detail.render() == "already imported from this page; --update rewrites it"


def test_update_rewrites_after_numbered_backups(seed: Path, kb: Path, directory: StaticDirectory, snapshot: Snap):
    import_paths([seed], directory, kb)
    memo = kb / MEMO
    original = memo.read_text(encoding="utf-8")
    memo.write_text(original + "\nEnsimmäinen muutos.\n", encoding="utf-8")
    import_paths([seed], directory, kb, update=True)
    assert memo.read_text(encoding="utf-8") == original
    assert (kb / (MEMO + ".bak")).read_text(encoding="utf-8").endswith("Ensimmäinen muutos.\n")
    memo.write_text(original + "\nToinen muutos.\n", encoding="utf-8")
    run = import_paths([seed], directory, kb, update=True)
    assert (kb / (MEMO + ".bak")).read_text(encoding="utf-8").endswith("Ensimmäinen muutos.\n")
    assert (kb / (MEMO + ".bak.2")).read_text(encoding="utf-8").endswith("Toinen muutos.\n")
    outcome = run.pages[0].outcome
    assert outcome is not None and outcome.action == "updated"
    assert str(outcome.backup) == MEMO + ".bak.2"


def test_the_memo_is_found_by_source_even_after_a_rename(
    seed: Path, kb: Path, directory: StaticDirectory, snapshot: Snap
):
    import_paths([seed], directory, kb)
    renamed = kb / "memos" / "2012" / "2012-05-16-petri-laitinen.md"
    (kb / MEMO).rename(renamed)
    before = snapshot(kb)
    import_paths([seed], directory, kb)
    assert snapshot(kb) == before


def test_a_memo_copied_by_hand_is_found_by_the_pages_file_name(
    seed: Path, kb: Path, directory: StaticDirectory, snapshot: Snap
):
    """Before the importer, people copied pages by hand and wrote the copy's file name as the
    `source:`; importing that copy must find their memo, not write a second one."""
    import_paths([seed], directory, kb)
    memo = kb / MEMO
    text = memo.read_text(encoding="utf-8")
    assert f"source: confluence-text:{SEED}\n" in text
    memo.write_text(text.replace(f"source: confluence-text:{SEED}\n", f"source: {SEED}\n"), encoding="utf-8")
    before = snapshot(kb)
    run = import_paths([seed], directory, kb)
    assert snapshot(kb) == before
    outcome = run.pages[0].outcome
    assert outcome is not None and (outcome.action, str(outcome.path)) == ("skipped", MEMO)


@pytest.mark.parametrize(("written", "recognised"), [
    ("confluence-page-2012-05-16.txt", "confluence-text:confluence-page-2012-05-16.txt"),
    ("Tapaaminen.html", "confluence-html:Tapaaminen.html"),
    ("https://wiki.example.fi/pages/viewpage.action?pageId=1234567", "confluence:1234567"),
    ("https://example.atlassian.net/wiki/spaces/RT/pages/1234567/Tapaaminen", "confluence:1234567"),
])
def test_a_hand_written_source_is_known_in_the_importers_form(written: str, recognised: str) -> None:
    assert recognised_sources(written) == [written, recognised]


def test_a_source_that_names_no_page_is_only_itself() -> None:
    assert recognised_sources("Petrin sähköposti") == ["Petrin sähköposti"]
    assert recognised_sources("confluence:1234567") == ["confluence:1234567"]


def test_dry_run_writes_nothing_and_shows_the_memo(seed: Path, kb: Path, directory: StaticDirectory, snapshot: Snap):
    from muistio.importers import render_report

    before = snapshot(kb)
    run = import_paths([seed], directory, kb, dry_run=True, create_missing=True)
    assert snapshot(kb) == before
    report = render_report(run)
    assert "(dry run: nothing was written)" in report
    assert f"`{MEMO}`: would write" in report
    assert "title: Tapaaminen projektipäällikkö Petri Laitisen kanssa" in report


def test_same_name_from_another_source_gets_a_suffix(seed: Path, kb: Path, directory: StaticDirectory, snapshot: Snap):
    taken = kb / MEMO
    taken.parent.mkdir(parents=True)
    taken.write_text("---\ntitle: Käsin kirjoitettu\ndate: 2012-05-16\n---\nOma.\n", encoding="utf-8")
    import_paths([seed], directory, kb)
    assert taken.read_text(encoding="utf-8").endswith("Oma.\n")
    second = kb / MEMO.replace(".md", "-2.md")
    assert "source: confluence-text:" in second.read_text(encoding="utf-8")
    other = seed.with_name("toinen-kopio.txt")
    shutil.copy(seed, other)
    import_paths([other], directory, kb)
    assert (kb / MEMO.replace(".md", "-3.md")).exists()


def test_a_failed_write_leaves_the_old_file_and_no_litter(
    seed: Path, kb: Path, directory: StaticDirectory, monkeypatch: pytest.MonkeyPatch
):
    import_paths([seed], directory, kb)
    memo = kb / MEMO
    old = memo.read_text(encoding="utf-8") + "\nKäsin lisätty.\n"
    memo.write_text(old, encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    run = import_paths([seed], directory, kb, update=True)
    monkeypatch.undo()
    assert memo.read_text(encoding="utf-8") == old
    assert [p.name for p in memo.parent.iterdir()] == [memo.name]  # no temp file, no half backup
    [problem] = run.all_problems
    assert "could not write: No space left on device" in problem.render()


def test_create_missing_writes_name_only_company_files(
    fixtures: Path, kb: Path, directory: StaticDirectory, snapshot: Snap
):
    (kb / "companies" / "kustannus-oy-esimerkki.md").write_text("---\nname: Oma\n---\n")
    run = import_paths([fixtures / "html-export"], directory, kb, create_missing=True)
    assert (kb / "companies" / "kustannus-oy-esimerkki.md").read_text() == "---\nname: Oma\n---\n"
    assert [c.action for c in run.companies] == ["skipped"]
    (kb / "companies" / "kustannus-oy-esimerkki.md").unlink()
    shutil.rmtree(kb / "memos")
    import_paths([fixtures / "html-export"], directory, kb, create_missing=True)
    text = (kb / "companies" / "kustannus-oy-esimerkki.md").read_text(encoding="utf-8")
    assert text == "---\nname: Kustannus Oy Esimerkki\n---\n"


@pytest.mark.parametrize("dry_run", [False, True])
def test_the_same_page_twice_in_one_run_is_written_once(
    seed: Path, kb: Path, directory: StaticDirectory, dry_run: bool
):
    run = import_paths([seed, seed], directory, kb, dry_run=dry_run)
    actions = [r.outcome.action for r in run.pages if r.outcome]
    assert actions == ["would write" if dry_run else "written", "skipped"]
    assert run.all_problems == []
    assert len(list((kb / "memos").rglob("*.md"))) == (0 if dry_run else 1)
