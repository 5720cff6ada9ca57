"""Confluence's HTML space export: a folder, or the same folder zipped."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from muistio.importers import StaticDirectory, import_paths, render_report
from muistio.importers.pipeline import RunResult

KOKOUS = "memos/2012/2012-09-04-kokous-rondo-ja-sanoma-wsoy.md"
TAPAAMINEN = "memos/2012/2012-10-16-tapaaminen-metropolian-yhteistyoryhman-kanssa.md"


@pytest.fixture
def run(fixtures: Path, kb: Path, directory: StaticDirectory) -> RunResult:
    return import_paths([fixtures / "html-export"], directory, kb)


def test_only_the_two_memo_pages_become_memos(run: RunResult, kb: Path):
    written = sorted(str(p.relative_to(kb)) for p in (kb / "memos").rglob("*.md"))
    assert written == [KOKOUS, TAPAAMINEN]
    skipped = {r.page.title: r.skipped for r in run.pages if r.skipped}
    assert skipped == {"Reititin": "import_skip_home_page", "Yrityskontaktit": "import_skip_no_text"}
    report = render_report(run)
    assert "- Not imported: the space's home page, not a memo\n" in report
    assert "- Not imported: the page has no text (a folder page?)\n" in report


def test_title_of_an_id_only_file_comes_from_the_page_in_nfc(run: RunResult, kb: Path):
    memo = (kb / TAPAAMINEN).read_text(encoding="utf-8")
    assert "title: Tapaaminen Metropolian yhteistyöryhmän kanssa\n" in memo
    assert "source: confluence:65539\n" in memo
    assert unicodedata.is_normalized("NFC", memo)
    assert "Käytiin läpi syksyn tapahtumat." in memo  # decomposed + &nbsp; in the page


def test_body_date_wins_over_the_byline(run: RunResult, kb: Path):
    memo = (kb / TAPAAMINEN).read_text(encoding="utf-8")
    assert "date: 2012-10-16\n" in memo  # "Muistio 16.10.2012"; the byline says 21.10.2012
    assert "authors: [matti-meikalainen]\n" in memo


def test_byline_date_when_the_page_has_none(run: RunResult, kb: Path):
    memo = (kb / KOKOUS).read_text(encoding="utf-8")
    assert "date: 2012-09-04\n" in memo
    assert "Date: 2012-09-04, from the byline, last modified (line 24)" in render_report(run)


def test_tasks_have_owner_and_due_date_from_the_time_attribute(run: RunResult, kb: Path):
    memo = (kb / KOKOUS).read_text(encoding="utf-8")
    assert "- [x] @matti-meikalainen varaa kokoushuoneen\n" in memo
    # Unknown owner: no @, the name stays in the sentence.
    assert "- [ ] Liisa Lehtonen lähettää tarjouksen (due 2012-09-14)\n" in memo
    # The owner is named mid-sentence: the sentence keeps every word.
    assert "- [ ] @matti-meikalainen Sovitaan jatkotapaaminen, vastuussa Matti Meikäläinen\n" in memo
    assert "14 Sep 2012" not in memo


def test_time_outside_tasks_is_the_iso_attribute(run: RunResult, kb: Path):
    memo = (kb / TAPAAMINEN).read_text(encoding="utf-8")
    assert "Yhteistyöryhmä kokoontuu uudelleen 2012-11-20." in memo
    assert "20 Nov 2012" not in memo


def test_mention_table_code_and_panel(run: RunResult, kb: Path):
    memo = (kb / KOKOUS).read_text(encoding="utf-8")
    assert "- Matti Meikäläinen (Reititin)\n" in memo
    assert "| Asia | Vastuu |\n| --- | --- |\n| Lehden aikataulu | Rondo |\n" in memo
    assert "| Jakelu \\| painos | Sanoma WSOY |\n" in memo
    assert '```python\nif painos < 1000:\n    tilaa("lisää")\n```' in memo
    assert "Rondon ja Sanoma WSOY:n kanssa sovittiin yhteisestä lehdestä." in memo
    other = (kb / TAPAAMINEN).read_text(encoding="utf-8")
    assert "> Seuraava kokous pidetään Myllypuron kampuksella.\n" in other
    assert "1. Syysseminaari **ja** [messut](http://www.metropolia.fi/)\n" in other


def test_front_matter_people_companies_and_page_tree_tags(run: RunResult, kb: Path):
    memo = (kb / KOKOUS).read_text(encoding="utf-8")
    assert "attendees: [matti-meikalainen]\n" in memo
    assert "companies: [rondo, sanoma-wsoy, reititin]\n" in memo
    assert "tags: [yrityskontaktit]\n" in memo


def test_report_lists_chrome_unknowns_and_attachments(run: RunResult):
    report = render_report(run)
    page = "html-export/REI/Kokous-Rondo-ja-Sanoma-WSOY_65538.html"
    assert f"{page}:28: Error rendering macro 'jira' : null (macro error)" in report
    assert f"{page}:51: Unable to render {{include}} The included page could not be found." in report
    assert (
        'Unknown person: Liisa Lehtonen (mention): add them to their organisation with '
        '`kb new contact "Liisa Lehtonen" --company <organisation>`'
    ) in report
    assert (
        "Unknown person: Pekka Virtanen (name (organisation), Kustannus Oy Esimerkki): add them to their "
        'organisation with `kb new contact "Pekka Virtanen" --company "Kustannus Oy Esimerkki"`'
    ) in report
    assert (
        "Unknown person: Anna Korhonen (name (organisation), Metropolia): add them to their organisation with "
        '`kb new contact "Anna Korhonen" --company "Metropolia"`'
    ) in report
    assert 'Unknown organisation: Kustannus Oy Esimerkki: `kb new company "Kustannus Oy Esimerkki"`' in report
    assert "attachment not imported: esite.pdf (attachments/65538/65541.pdf)" in report


def test_the_zipped_export_gives_the_same_memos(
    fixtures: Path, kb: Path, tmp_path: Path, directory: StaticDirectory, run: RunResult
):
    folder_memos = {p.name: p.read_text(encoding="utf-8") for p in (kb / "memos").rglob("*.md")}
    archive = shutil.make_archive(str(tmp_path / "REI-export"), "zip", fixtures / "html-export")
    other = tmp_path / "other-kb"
    (other / "memos").mkdir(parents=True)
    zipped = import_paths([Path(archive)], directory, other)
    zip_memos = {p.name: p.read_text(encoding="utf-8") for p in (other / "memos").rglob("*.md")}
    assert zip_memos == folder_memos
    assert "REI-export.zip!/REI/Kokous-Rondo-ja-Sanoma-WSOY_65538.html:28:" in render_report(zipped)
