"""`kb import`'s wording: every entry in both languages, every key worded, one Markdown shape."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from muistio.importers import StaticDirectory, import_paths, render_report
from muistio.importers.chrome import PROFILES
from muistio.importers.cli import main
from muistio.importers.report import ACTION_CODES, HOW_CODES, REASON_CODES
from muistio.messages import CATALOGUE

IMPORTER = Path(__file__).resolve().parents[2] / "hooks" / "muistio" / "importers"
IMPORT_CODES = sorted(code for code in CATALOGUE if code.startswith("import_"))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_importer_has_its_catalogue_entries() -> None:
    assert len(IMPORT_CODES) > 50


@pytest.mark.parametrize("code", IMPORT_CODES)
def test_every_import_entry_is_in_english_and_finnish_with_the_same_values(code: str) -> None:
    """A Finnish site must never fall back to English, nor lose a value the English shows."""
    entry = CATALOGUE[code]
    assert set(entry) == {"en", "fi"}
    english, finnish = entry["en"], entry["fi"]
    assert english[0] and finnish[0]
    for en_part, fi_part in zip(english, finnish, strict=True):
        assert bool(en_part) == bool(fi_part)  # a fix in one language is a fix in the other
        assert _fields(en_part) == _fields(fi_part)


def test_every_code_the_importer_uses_is_in_the_catalogue() -> None:
    """A mistyped code would print as `import_xyz {...}` instead of a sentence."""
    used = {
        code
        for path in IMPORTER.glob("*.py")
        for code in re.findall(r"""["'](import_[a-z_]+)["']""", path.read_text(encoding="utf-8"))
    } - {"import_paths"}  # the function, named in the package's lazy exports
    assert used and used <= set(CATALOGUE)
    assert set(ACTION_CODES.values()) | set(REASON_CODES.values()) | set(HOW_CODES.values()) <= set(CATALOGUE)
    for kind in ("page", "attachment", "blog_post", "space"):  # storage.py's f"import_note_link_{kind}"
        assert f"import_note_link_{kind}" in CATALOGUE
    for kind in ("title", "body", "byline", "created"):  # report.py's f"import_date_{kind}"
        assert {f"import_date_{kind}", f"import_date_{kind}_no_line"} <= set(CATALOGUE)


def test_every_reason_of_the_built_in_chrome_profiles_is_worded() -> None:
    reasons = {reason for chrome in PROFILES.values() for reason, _ in chrome.lines} | {"labels", "byline"}
    assert reasons <= set(REASON_CODES)


def _shape(line: str) -> tuple[str, int]:
    """A line's Markdown: its block marker and how many code spans it has, not its words."""
    marker = re.match(r"#+ |\s*- |<details>|</details>|````|", line)
    return (marker.group(0) if marker else "", line.count("`"))


def test_a_finnish_report_has_the_english_reports_markdown(
    fixtures: Path, kb: Path, tmp_path: Path, directory: StaticDirectory
) -> None:
    """Headings, lists, code spans and the dry run's memos sit in the same places in both."""
    no_date = tmp_path / "ilman-paivaa.txt"
    no_date.write_text("Kokous ilman päivää.\n", encoding="utf-8")
    run = import_paths(
        [fixtures / "html-export", fixtures / "xml-export", no_date], directory, kb, dry_run=True, create_missing=True
    )
    english, finnish = render_report(run, "en").splitlines(), render_report(run, "fi").splitlines()
    assert [_shape(line) for line in finnish] == [_shape(line) for line in english]
    assert finnish != english
    # Names, paths and the page's own words are never translated.
    assert "- Tuntematon organisaatio: Kustannus Oy Esimerkki: `kb new company \"Kustannus Oy Esimerkki\"`" in finnish
    assert "- Päivämäärä: 2012-09-04, poimittu tekijätiedoista (viimeisin muokkaus, rivi 24)" in finnish
    assert "- Toimenpiteet: 3 (vastuuhenkilö nimetty: 2, määräaika annettu: 1)" in finnish
    assert "- Ei tuotu: tilan etusivu, ei muistio" in finnish
    assert "- `companies/kustannus-oy-esimerkki.md`: kirjoitettaisiin" in finnish


def test_the_stand_alone_importer_speaks_english(
    fixtures: Path, kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m muistio.importers.cli` reads no mkdocs.yml, so it has no site language."""
    seed = fixtures / "confluence-page-2012-05-16.txt"
    assert main(["--root", str(kb), "--dry-run", str(seed)]) == 0
    assert capsys.readouterr().out.startswith("# Confluence import (dry run: nothing was written)\n\n1 page(s): ")


def test_the_help_names_every_built_in_profile() -> None:
    from muistio.importers.cli import PROFILE_NAMES

    assert PROFILE_NAMES == tuple(PROFILES)
