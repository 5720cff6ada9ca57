"""The real memo from the unit's Confluence (a text copy of the page view)."""

from __future__ import annotations

import re
from pathlib import Path

from muistio.importers import StaticDirectory, import_paths, render_report

SEED = "confluence-page-2012-05-16.txt"
MEMO = "memos/2012/2012-05-16-tapaaminen-projektipaallikko-petri-laitisen-kanssa.md"
CHROME_LINES = {1, 31, 32}


def _import(fixtures: Path, kb: Path, directory: StaticDirectory) -> tuple[str, str]:
    run = import_paths([fixtures / SEED], directory, kb)
    return (kb / MEMO).read_text(encoding="utf-8"), render_report(run)


def test_seed_matches_the_reviewed_memo(fixtures: Path, kb: Path, directory: StaticDirectory):
    memo, _ = _import(fixtures, kb, directory)
    expected = fixtures / "expected" / "2012-05-16-tapaaminen-projektipaallikko-petri-laitisen-kanssa.md"
    assert memo == expected.read_text(encoding="utf-8")


def test_every_line_of_the_memo_is_kept_word_for_word(fixtures: Path, kb: Path, directory: StaticDirectory):
    memo, _ = _import(fixtures, kb, directory)
    body = memo.split("\n---\n", 1)[1]
    lines = (fixtures / SEED).read_text(encoding="utf-8").splitlines()
    kept = [line for n, line in enumerate(lines, 1) if line.strip() and n not in CHROME_LINES]
    assert len(kept) == 16
    for line in kept:
        assert line.strip() in body, line
    # ... including the typos, which are the author's words, not ours to fix
    assert "Pohdittii miten" in body and "paikkaamisesksi" in body and "etuaan.." in body


def test_chrome_is_gone_and_listed_with_file_and_line(fixtures: Path, kb: Path, directory: StaticDirectory):
    memo, report = _import(fixtures, kb, directory)
    for chrome in ("allowlist", "No labels", "You must log in"):
        assert chrome not in memo
    removed = re.findall(rf"^  - \S*{re.escape(SEED)}:(\d+): (.*)$", report, re.MULTILINE)
    assert [int(line) for line, _ in removed] == sorted(CHROME_LINES)
    assert removed[0][1].startswith("Error CSS Stylesheet macro - URL")
    assert removed[1][1].startswith("• No labels")
    assert removed[2][1].startswith("You must log in to comment.")


def test_front_matter_has_date_people_and_organisations(fixtures: Path, kb: Path, directory: StaticDirectory):
    memo, report = _import(fixtures, kb, directory)
    assert "\ndate: 2012-05-16\n" in memo
    assert "\nattendees: [petri-laitinen]\n" in memo
    companies = re.search(r"^companies: \[(.*)\]$", memo, re.MULTILINE)
    assert companies is not None
    assert set(companies.group(1).split(", ")) == {
        "metropolia",
        "reititin",
        "aalto-yliopisto",
        "sanoma-wsoy",
        "op-pohjola",
        "rondo",
    }
    assert "\nsource: confluence-text:confluence-page-2012-05-16.txt\n" in memo
    assert "Date: 2012-05-16, from the body (line 4: 'Muistio 16.5.2012')" in report


def test_title_date_wins_over_body_date(tmp_path: Path, kb: Path, directory: StaticDirectory):
    copy = tmp_path / "copy.txt"
    copy.write_text("Kokous 2.3.2013\n\nMuistio 16.5.2012\n", encoding="utf-8")
    run = import_paths([copy], directory, kb)
    assert run.pages[0].memo is not None
    assert run.pages[0].memo.date.isoformat() == "2013-03-02"
    assert run.pages[0].memo.date_source.startswith("title")
