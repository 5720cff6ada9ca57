"""`kb import` as the lead wires it: add_arguments + run, exit codes, report, errors."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from muistio.importers import StaticDirectory
from muistio.importers.cli import add_arguments, run


def _kb_import(argv: list[str], directory: StaticDirectory, root: Path) -> int:
    parser = argparse.ArgumentParser(prog="kb import")
    add_arguments(parser)
    return run(parser.parse_args(argv), directory, root)


def test_success_prints_the_report(
    fixtures: Path, kb: Path, directory: StaticDirectory, capsys: pytest.CaptureFixture[str]
):
    status = _kb_import([str(fixtures / "confluence-page-2012-05-16.txt")], directory, kb)
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("# Confluence import\n")
    assert "2012-05-16-tapaaminen-projektipaallikko-petri-laitisen-kanssa.md`: written" in out


def test_report_file(
    fixtures: Path, kb: Path, tmp_path: Path, directory: StaticDirectory, capsys: pytest.CaptureFixture[str]
):
    report = tmp_path / "raportti.md"
    status = _kb_import([str(fixtures / "xml-export"), "--report", str(report)], directory, kb)
    assert status == 0
    assert capsys.readouterr().out == ""
    assert "## Kokous Sanoma WSOY:n kanssa" in report.read_text(encoding="utf-8")


def test_malformed_files_are_reported_and_others_still_import(
    fixtures: Path,
    kb: Path,
    tmp_path: Path,
    directory: StaticDirectory,
    capsys: pytest.CaptureFixture[str],
):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(fixtures / "confluence-page-2012-05-16.txt", inputs)
    (inputs / "latin1.txt").write_bytes("Muistio 1.2.2013\nK\xe4ytiin l\xe4pi.\n".encode("latin-1"))
    (inputs / "empty.txt").write_text("\n\n", encoding="utf-8")
    (inputs / "no-date.txt").write_text("Kokous ilman päivää.\n", encoding="utf-8")
    (inputs / "bad-date.txt").write_text("Muistio 31.2.2026\nKäytiin läpi.\n", encoding="utf-8")
    (inputs / "page.html").write_text("<html><body><p>ei sivu</p></body></html>")
    status = _kb_import([str(inputs), str(inputs / "page.html")], directory, kb)
    captured = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in captured.err + captured.out
    # Every problem is one `path:line:` line that says what is wrong and how to fix it.
    assert sorted(captured.err.splitlines()) == [
        f"{inputs}/bad-date.txt:1: the date '31.2.2026' on 'Muistio 31.2.2026' is not in the calendar, and the "
        "page has no other date. Correct the date on the page or in the copied text (e.g. 'Muistio 28.2.2026'), "
        "and import again.",
        f"{inputs}/empty.txt:1: the file is empty. Copy the page text into it first.",
        f"{inputs}/latin1.txt:2: the file is not UTF-8: byte 0xe4 on this line cannot be read. "
        "Save the file as UTF-8 and import it again.",
        f"{inputs}/no-date.txt:1: no date for 'Kokous ilman päivää': none in the title, the body or a byline. "
        "Add the meeting date to the page (e.g. 'Muistio 16.5.2012') or to the copied text, and import again.",
        f"{inputs}/page.html:1: no element with id 'main-content'. Is this a page of a Confluence HTML space export?",
    ]
    assert len(list((kb / "memos").rglob("*.md"))) == 1


def test_usage_errors_exit_2_and_do_nothing(kb: Path, directory: StaticDirectory, capsys: pytest.CaptureFixture[str]):
    assert _kb_import([str(kb / "puuttuu.txt")], directory, kb) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert _kb_import([str(kb), "--chrome", str(kb / "puuttuu.json")], directory, kb) == 2
    with pytest.raises(SystemExit) as exit_info:
        _kb_import([], directory, kb)
    assert exit_info.value.code == 2
    assert list((kb / "memos").iterdir()) == []
