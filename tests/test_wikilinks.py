"""A labelled `[[wikilink]]` in a table row is a link in its own cell on the site (a "|" would
otherwise cut the row); a wikilink with nothing in it, or in a heading, where nothing is linked,
is reported, not left as brackets silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtrees import METROPOLIA, SANOMA
from muistio.cli import main
from sitebuild import content, mkdocs_build, page, site_skeleton

MEMO = "memos/2024/2024-02-01-taulukko.md"
TEXT = """---
title: Taulukko
date: 2024-02-01
---
| Organisaatio | Huom |
|---|---|
| [[metropolia|Metropoliassa]] | [[sanoma-wsoy\\|WSOY]] kävi |
| Rivi kaksi | tyhjä |
"""


def _write(root: Path, memo: str) -> None:
    for relative, text in {"companies/metropolia.md": METROPOLIA, "companies/sanoma-wsoy.md": SANOMA,
                           MEMO: memo}.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")


def test_labelled_wikilinks_in_a_table_are_links_in_their_cells(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    _write(root, TEXT)
    site = tmp_path / "site"
    result = mkdocs_build(root, site, strict=True)
    assert result.returncode == 0, result.stderr
    rows = [[cell for cell in row.select("td")] for row in content(page(site, MEMO)).select("table tbody tr")]
    assert [[cell.get_text() for cell in row] for row in rows] == [
        ["Metropoliassa", "WSOY kävi"], ["Rivi kaksi", "tyhjä"],
    ]
    assert rows[0][0].a is not None and rows[0][0].a["href"].endswith("companies/metropolia/")
    assert rows[0][1].a is not None and rows[0][1].a["href"].endswith("companies/sanoma-wsoy/")


def test_an_empty_wikilink_is_reported_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = site_skeleton(tmp_path / "kb")
    _write(root, TEXT.replace("| Rivi kaksi |", "| [[metropolia|]] |"))
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert (f"{MEMO}:8: [[metropolia|]] ei ole linkki: wikilinkki on muotoa [[nimi]] tai [[nimi|teksti]], "
            "eikä kumpikaan osa saa olla tyhjä. Kirjoita nimi hakasulkeiden sisään tai poista hakasulkeet.") in out


def test_a_wikilink_in_a_heading_is_a_warning_with_its_line(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = site_skeleton(tmp_path / "kb")
    _write(root, TEXT + "\n## Jatko [[metropolia|Metropolian]] kanssa\n\nSovittiin.\n")
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out == (
        f"{MEMO}:10: [[metropolia|Metropolian]] on otsikossa, jossa mitään ei linkitetä (linkki olisi ansa "
        "sisällysluettelossa). Kirjoita nimi ilman hakasulkeita; alla olevassa tekstissä se linkittyy itsestään.\n")
