"""`kb import` and `kb export` as a user runs them on a knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from muistio.cli import main
from muistio.pipeline import check
from sitebuild import REPO, repository_organisations

SEED = REPO.parent / "shared" / "seed" / "confluence-page-2012-05-16.txt"
FIXTURE_SEED = REPO / "tests" / "fixtures" / "confluence" / "confluence-page-2012-05-16.txt"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """The repository's organisations and config, without its memos."""
    return repository_organisations(tmp_path / "kb")


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_import_the_seed_page_into_a_valid_memo_and_rerun_changes_nothing(
    kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = SEED if SEED.exists() else FIXTURE_SEED
    assert main(["--root", str(kb), "import", str(page)]) == 0
    report = capsys.readouterr().out
    assert "\nSivuja: 1 (kirjoitettu: 1); ongelmia: 0.\n" in report  # the repository's site is Finnish
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
    lines = capsys.readouterr().out.splitlines()
    file_line = "- Tiedosto: `memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa.md`: "
    assert (file_line + "ennallaan (tuotu jo aiemmin, sisältö on sama)" in lines
            or file_line + "ohitettu (tuotu jo aiemmin tältä sivulta; --update kirjoittaa sen uudelleen)" in lines)
    assert snapshot(root) == before


# A page the repository's organisations do not cover: its organisation is unknown.
UNKNOWN_ORGANISATION_PAGE = """Tapaaminen Kustannus Oy Esimerkin kanssa
Muistio 3.4.2013
Paikalla Pekka Virtanen (Kustannus Oy Esimerkki).
You must log in to comment.
"""
SEED_MEMO = "memos/2012/2012-05-16-tapaaminen-projektipaallikko-petri-laitisen-kanssa.md"
REPORT_LINES = {
    "fi": [
        "# Confluence-tuonti",
        "Sivuja: 2 (kirjoitettu: 2); ongelmia: 0.",
        f"- Tiedosto: `{SEED_MEMO}`: kirjoitettu",
        "- Päivämäärä: 2012-05-16, poimittu tekstistä (rivi 4: 'Muistio 16.5.2012')",
        "  - {seed}:32: You must log in to comment. (kommentit)",
        "- Tuntematon henkilö: Pekka Virtanen (nimi ja organisaatio, Kustannus Oy Esimerkki): "
        'lisää hänet organisaationsa yhteyshenkilöksi: `kb new contact "Pekka Virtanen" '
        '--company "Kustannus Oy Esimerkki"`',
        '- Tuntematon organisaatio: Kustannus Oy Esimerkki: `kb new company "Kustannus Oy Esimerkki"`',
    ],
    "en": [
        "# Confluence import",
        "2 page(s): 2 written; 0 problem(s).",
        f"- File: `{SEED_MEMO}`: written",
        "- Date: 2012-05-16, from the body (line 4: 'Muistio 16.5.2012')",
        "  - {seed}:32: You must log in to comment. (comments)",
        "- Unknown person: Pekka Virtanen (name (organisation), Kustannus Oy Esimerkki): "
        'add them to their organisation with `kb new contact "Pekka Virtanen" '
        '--company "Kustannus Oy Esimerkki"`',
        '- Unknown organisation: Kustannus Oy Esimerkki: `kb new company "Kustannus Oy Esimerkki"`',
    ],
}
PROBLEM_LINES = {
    "fi": [
        "{folder}: kansiossa ei ole tiedostoa entities.xml tai index.html eikä .txt-tiedostoja. "
        "Anna Confluence-tilan XML- tai HTML-vienti tai sivujen tekstikopioita.",
        "{page}:1: sivulta 'Kokous ilman päivää' ei löytynyt päivämäärää: ei otsikosta, tekstistä eikä "
        "tekijätiedoista. Lisää kokouksen päivämäärä sivulle (esim. 'Muistio 16.5.2012') tai kopioituun tekstiin "
        "ja tuo se uudelleen.",
    ],
    "en": [
        "{folder}: no entities.xml, index.html or .txt files in the folder. "
        "Give an XML or HTML space export, or text copies of pages.",
        "{page}:1: no date for 'Kokous ilman päivää': none in the title, the body or a byline. "
        "Add the meeting date to the page (e.g. 'Muistio 16.5.2012') or to the copied text, and import again.",
    ],
}


def site_in(kb: Path, lang: str) -> Path:
    """The repository's own mkdocs.yml (a Finnish site), or the same with `language: en`."""
    config = kb / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  language: fi\n" in text
    config.write_text(text.replace("\n  language: fi\n", f"\n  language: {lang}\n"), encoding="utf-8")
    return kb


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_import_reports_in_the_sites_language(kb: Path, tmp_path: Path, lang: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """What a writer reads after `kb import`: headings, the date and why, what happened to the
    file, why a line was removed, and the command for an organisation with no page."""
    seed = SEED if SEED.exists() else FIXTURE_SEED
    other = tmp_path / "esimerkki.txt"
    other.write_text(UNKNOWN_ORGANISATION_PAGE, encoding="utf-8")
    assert main(["--root", str(site_in(kb, lang)), "import", str(seed), str(other)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    for expected in REPORT_LINES[lang]:
        assert expected.format(seed=seed) in lines
    assert captured.err == ""


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_import_problems_are_path_line_message_in_the_sites_language(
    kb: Path, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page without a date has a line to go to; a folder with nothing to import has none."""
    page = tmp_path / "ilman-paivaa.txt"
    page.write_text("Kokous ilman päivää.\n", encoding="utf-8")
    folder = tmp_path / "tyhja"
    folder.mkdir()
    site_in(kb, lang)
    assert main(["--root", str(kb), "import", str(folder), str(page)]) == 1
    captured = capsys.readouterr()
    expected = [line.format(folder=folder, page=page) for line in PROBLEM_LINES[lang]]
    assert captured.err.splitlines() == expected
    heading = {"fi": "## Ongelmat", "en": "## Problems"}[lang]
    assert captured.out.endswith("\n".join([heading, "", *(f"- {line}" for line in expected), ""]))
    assert not (kb / "memos").exists()


def test_a_missing_path_is_a_usage_error_in_finnish(kb: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "puuttuu.txt"
    assert main(["--root", str(kb), "import", str(missing)]) == 2
    assert capsys.readouterr().err == (f"kb import: tiedostoa tai kansiota ei ole: {missing}. "
                                       "Tarkista polku; se luetaan nykyisestä kansiosta.\n")


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


def test_an_out_that_is_a_file_is_refused_and_force_is_not_offered(kb: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """--force replaces export files in a folder; it cannot make a file a folder, so it is not the hint."""
    out = tmp_path / "crm.csv"
    out.write_bytes(b"oma tiedosto")
    for force in ([], ["--force"]):
        assert main(["--root", str(kb), "export", "--out", str(out), *force]) == 1
        assert capsys.readouterr().err == (f"kb export: {out} on olemassa eikä ole kansio; mitään ei kirjoitettu. "
                                           "Anna --out-valitsimelle kansio tai polku, jota ei vielä ole.\n")
        assert out.read_bytes() == b"oma tiedosto"


def test_an_out_below_a_file_is_a_message_not_a_traceback(kb: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "crm.csv").write_bytes(b"oma tiedosto")
    out = tmp_path / "crm.csv" / "sub"
    assert main(["--root", str(kb), "export", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (f"kb export: kansiota {out} ei voitu luoda: polun osa ei ole kansio; mitään ei "
                                       "kirjoitettu. Tarkista polku tai valitse toinen --out-kansio.\n")
    assert (tmp_path / "crm.csv").read_bytes() == b"oma tiedosto"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_folder_in_an_export_files_place_stops_the_export_before_any_file(
    kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], force: list[str]
) -> None:
    """followups.ics is written last: finding it a folder then left the other three written."""
    out = tmp_path / "out"
    (out / "followups.ics").mkdir(parents=True)
    assert main(["--root", str(kb), "export", "--out", str(out), *force]) == 1
    assert capsys.readouterr().err == (f"kb export: {out / 'followups.ics'} on kansio eikä vientitiedosto; mitään ei "
                                       "kirjoitettu. Siirrä tai nimeä se kansio uudelleen tai valitse toinen "
                                       "--out-kansio.\n")
    assert [p.name for p in out.iterdir()] == ["followups.ics"]


def test_a_write_failing_midway_leaves_no_file_of_the_export(kb: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from muistio.exports import write

    real_write_new = write.write_new

    def disk_full_at_the_vcard(path: Path, data: bytes | str, overwrite: bool = False) -> None:
        if path.name == "contacts.vcf":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write_new(path, data, overwrite=overwrite)

    monkeypatch.setattr(write, "write_new", disk_full_at_the_vcard)
    out = tmp_path / "out"
    assert main(["--root", str(kb), "export", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (f"kb export: tiedostoa {out / 'contacts.vcf'} ei voitu kirjoittaa: levy on "
                                       "täynnä; uusia vientitiedostoja ei jätetty. Tarkista kansion oikeudet "
                                       "ja vapaa levytila.\n")
    assert list(out.iterdir()) == []


def test_an_empty_out_is_a_usage_error_and_writes_nothing(kb: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`--out "$DIR"` with DIR unset wrote the contacts' emails and phones into the repository."""
    monkeypatch.chdir(kb)
    before = snapshot(kb)
    assert main(["--root", str(kb), "export", "--out", ""]) == 2
    assert capsys.readouterr().err == ("kb export: --out on tyhjä. Anna kansio, johon viennit kirjoitetaan, "
                                       "esim. --out crm/.\n")
    assert snapshot(kb) == before
