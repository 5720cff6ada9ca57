"""Confluence's XML space export (entities.xml): labels, users and storage-format bodies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from muistio.importers import StaticDirectory, import_paths, render_report
from muistio.importers.pipeline import RunResult

KOKOUS = "memos/2012/2012-11-07-kokous-sanoma-wsoyn-kanssa.md"
TYOPAJA = "memos/2012/2012-12-03-tyopaja-rondon-kanssa.md"


@pytest.fixture
def run(fixtures: Path, kb: Path, directory: StaticDirectory) -> RunResult:
    return import_paths([fixtures / "xml-export"], directory, kb)


def test_current_pages_only(run: RunResult, kb: Path):
    written = sorted(str(p.relative_to(kb)) for p in (kb / "memos").rglob("*.md"))
    assert written == [KOKOUS, TYOPAJA]  # no home page, folder page or historical version
    assert "Vanha versio" not in (kb / KOKOUS).read_text(encoding="utf-8")


def test_labels_become_tags_and_personal_labels_do_not(run: RunResult, kb: Path):
    memo = (kb / KOKOUS).read_text(encoding="utf-8")
    assert "tags: [kontaktointi]\n" in memo
    assert "suosikki" not in memo
    # A page without labels is tagged with its parents in the page tree.
    assert "tags: [yrityskontaktit]\n" in (kb / TYOPAJA).read_text(encoding="utf-8")


def test_mentions_show_the_display_name_and_tasks_have_owners(run: RunResult, kb: Path):
    memo = (kb / KOKOUS).read_text(encoding="utf-8")
    assert "Paikalla Matti Meikäläinen ja Petri Laitinen." in memo
    assert "- [x] @matti-meikalainen lähettää esityslistan\n" in memo
    assert "- [ ] Liisa Lehtonen kokoaa tarjouksen (due 2012-11-30)\n" in memo
    assert "attendees: [matti-meikalainen, petri-laitinen]\n" in memo
    assert "authors: [matti-meikalainen]\n" in memo


def test_entities_and_structures_of_storage_format(run: RunResult, kb: Path):
    memo = (kb / KOKOUS).read_text(encoding="utf-8")
    assert "Sovittiin yhteisestä lehdestä Sanoma WSOY:n kanssa." in memo  # &auml; and &nbsp;
    assert "| Lehden aikataulu | Rondo |\n" in memo
    assert "> Sopimusluonnos on liitteenä.\n" in memo
    assert "```sql\nSELECT * FROM lehdet WHERE painos < 1000;\n```" in memo
    assert "REI-12" not in memo


def test_dates_body_first_then_last_modified(run: RunResult, kb: Path):
    assert "date: 2012-11-07\n" in (kb / KOKOUS).read_text(encoding="utf-8")
    assert "date: 2012-12-03\n" in (kb / TYOPAJA).read_text(encoding="utf-8")


def test_dropped_macros_point_at_their_line_in_entities_xml(run: RunResult, fixtures: Path):
    report = render_report(run)
    lines = (fixtures / "xml-export" / "entities.xml").read_text(encoding="utf-8").splitlines()
    jira = next(n for n, line in enumerate(lines, 1) if 'ac:name="jira"' in line)
    placeholder = next(n for n, line in enumerate(lines, 1) if "ac:placeholder" in line)
    assert f"entities.xml:{jira}: macro 'jira' (macro without content)" in report
    assert f"entities.xml:{placeholder}: Kirjoita tähän (editor placeholder" in report


def test_broken_xml_is_one_problem_with_a_line(tmp_path: Path, kb: Path, directory: StaticDirectory, fixtures: Path):
    broken = tmp_path / "broken"
    broken.mkdir()
    text = (fixtures / "xml-export" / "entities.xml").read_text(encoding="utf-8")
    # One </object> missing: the parser notices at the next object's end.
    broken_text = text.replace('</object>\n<object class="Label"', '\n<object class="Label"', 1)
    assert broken_text != text
    (broken / "entities.xml").write_text(broken_text, encoding="utf-8")
    good = tmp_path / "good.txt"
    shutil.copy(fixtures / "confluence-page-2012-05-16.txt", good)
    run = import_paths([broken, good], directory, kb)
    [problem] = run.all_problems
    assert problem.path.endswith("broken/entities.xml") and problem.line > 100
    assert problem.render().startswith(f"{problem.path}:{problem.line}: the XML is broken: ")
    assert problem.render().endswith(
        ". The export may be cut short; export the space again or re-extract the zip."
    )
    assert len(list((kb / "memos").rglob("*.md"))) == 1  # the other input still imported
