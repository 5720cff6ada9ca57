"""`kb check` finds the relative links that lead to no page before the build does: the strict
build in CI fails on exactly these, and MkDocs names neither the line nor the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kbtrees import METROPOLIA, SANOMA
from muistio.cli import main
from sitebuild import mkdocs_build, site_skeleton

MEMO = "memos/2024/2024-02-01-linkit.md"
TEXT = """---
title: Linkit
date: 2024-02-01
---
Edellinen: [tapaaminen](2024-01-15-tapaaminen.md) ja [taulu](taulu.png).
Sivuja: [ohje](../../kirjoitusohje.md), [Sanoma](../../companies/sanoma-wsoy.md),
[Petri](../../people/petri-laitinen.md#muistiot), [hakemisto](../../companies/), [esite](../../liitteet/esite.pdf),
[ylös](..), [vuosi](../2024), [tämä](.),
[verkossa](https://example.com/x.md) ja [viite][sanoma].

Väärin: [Sanoma](../../companies/sanoma-wsoi.md) ja [repo](../../../README.md).

[sanoma]: ../../companies/sanoma-wsoy.md
"""


def _knowledge_base(tmp_path: Path) -> Path:
    root = site_skeleton(tmp_path / "kb")
    files = {"companies/metropolia.md": METROPOLIA, "companies/sanoma-wsoy.md": SANOMA, MEMO: TEXT,
             "docs/kirjoitusohje.md": "# Ohje\n", "docs/liitteet/esite.pdf": "%PDF\n", "memos/2024/taulu.png": "png"}
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_kb_check_reports_each_link_to_no_page_with_its_line_and_fix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _knowledge_base(tmp_path)
    assert main(["--root", str(root), "check"]) == 0  # warnings: kb check passes, the strict build does not
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{MEMO}:5: linkki kohteeseen '2024-01-15-tapaaminen.md' ei johda millekään sivuston sivulle. "
        "Tarkista tiedoston nimi; organisaation, henkilön tai tarjooman voi linkittää [[nimellä]].",
        f"{MEMO}:5: 'taulu.png' on tietovarastossa mutta ei sivustolla: kansioista memos/ ja companies/ julkaistaan "
        "vain muistiot ja organisaatioiden tiedostot. Siirrä tiedosto kansioon docs/ (esim. docs/liitteet/) ja "
        "linkitä se sieltä, tai linkitä sen verkko-osoite.",
        f"{MEMO}:11: linkki kohteeseen '../../companies/sanoma-wsoi.md' ei johda millekään sivuston sivulle. "
        "Tarkoititko '../../companies/sanoma-wsoy.md'?",
        f"{MEMO}:11: linkki kohteeseen '../../../README.md' johtaa sivuston tiedostojen ulkopuolelle. "
        "Linkitä sivuston sivu tai tiedoston verkko-osoite.",
    ]


def test_kb_check_flags_the_links_the_build_warns_about(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _knowledge_base(tmp_path)
    main(["--root", str(root), "check", "--format", "json"])
    ours = set(re.findall(r"kohteeseen '([^']+)'|'([^']+)' on tietovarastossa", capsys.readouterr().out))
    ours_targets = {a or b for a, b in ours}
    result = mkdocs_build(root, tmp_path / "site", strict=False)
    theirs = set(re.findall(r"contains a link '([^']+)', but the target", result.stderr))
    assert ours_targets == theirs == {"2024-01-15-tapaaminen.md", "taulu.png", "../../companies/sanoma-wsoi.md",
                                      "../../../README.md"}
