"""`kb new memo` and `kb new company`: the files written, the refusals, and that nothing is clobbered."""

from __future__ import annotations

import dataclasses
import datetime
import errno
import os
import re
from pathlib import Path

import pytest

from kbtrees import TreeWriter
from muistio.cli import main
from muistio.pipeline import check
from muistio.schema import CompanyMeta

SANOMA_MEMO = "memos/2026/2026-11-27-tapaaminen-sanoma-wsoyn-kanssa.md"
EXPECTED_MEMO = """---
title: Tapaaminen Sanoma WSOY:n kanssa
date: 2026-11-27
attendees: [petri-laitinen]
companies: [sanoma-wsoy]
tags: []
---

## Osallistujat

- Petri Laitinen (Metropolia)

## Keskustelu

<!-- Mitä käsiteltiin? Kirjoita ihmisten ja organisaatioiden nimet tavallisesti: ne linkittyvät itse. -->

## Sovitut toimenpiteet

- [ ] @petri-laitinen Mitä tehdään (due 2026-12-11)
"""
FINNISH_SITE = "site_name: Testi\ntheme:\n  name: material\n  language: fi\n"


def kb(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def new_sanoma_memo(root: Path, *extra: str) -> int:
    return kb(root, "new", "memo", "Tapaaminen Sanoma WSOY:n kanssa", "--date", "2026-11-27",
              "--attendee", "petri-laitinen", "--company", "sanoma-wsoy", *extra)


def problems(root: Path) -> list[str]:
    return [p.render() for p in check(root).problems]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


# --- memos ----------------------------------------------------------------------------------


def test_new_memo_writes_the_template_and_prints_its_path(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree({})
    monkeypatch.chdir(root)
    assert new_sanoma_memo(root) == 0
    assert capsys.readouterr().out == SANOMA_MEMO + "\n"
    assert (root / SANOMA_MEMO).read_text(encoding="utf-8") == EXPECTED_MEMO


def test_the_new_memo_passes_kb_check(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """It passes, and says the example follow-up is still to be written (a warning)."""
    root = tree({})
    assert new_sanoma_memo(root) == 0
    capsys.readouterr()
    assert kb(root, "check") == 0
    assert problems(root) == []
    assert capsys.readouterr().out.splitlines() == [
        f"{SANOMA_MEMO}:19: this action item is still the template's example, 'Mitä tehdään'. "
        "Write what was agreed, or delete the line."]


def test_the_example_action_item_is_a_real_follow_up(tree: TreeWriter) -> None:
    from muistio.followups import collect

    root = tree({})
    assert new_sanoma_memo(root) == 0
    items, item_problems = collect(check(root).kb)
    assert [p.code for p in item_problems] == ["example_action"]  # until the writer writes it
    assert [(i.owner, i.text, i.due) for i in items] == [
        ("petri-laitinen", "Mitä tehdään", datetime.date(2026, 12, 11))
    ]


def test_the_date_defaults_to_today(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({})
    today = datetime.date.today()
    assert kb(root, "new", "memo", "Kahvit") == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.name == f"{today.isoformat()}-kahvit.md"
    assert written.parent.name == str(today.year)
    assert f"\ndate: {today.isoformat()}\n" in written.read_text(encoding="utf-8")


def test_names_are_accepted_for_slugs_and_repeated_options_collect(tree: TreeWriter) -> None:
    root = tree({})
    assert kb(root, "new", "memo", "Yhteinen palaveri", "--date", "2026-11-27", "--attendee", "Petri Laitinen",
              "--company", "Sanoma WSOY", "--company", "metropolia", "--tag", "crm", "--tag", "no") == 0
    memo = check(root).kb.memos[0]
    assert memo.meta.attendees == ["petri-laitinen"]
    assert memo.meta.companies == ["sanoma-wsoy", "metropolia"]
    assert memo.meta.tags == ["crm", "no"]
    assert problems(root) == []


def test_without_attendees_the_template_keeps_placeholders(tree: TreeWriter) -> None:
    root = tree({})
    assert kb(root, "new", "memo", "Sisäinen suunnittelu", "--date", "2026-11-27") == 0
    text = (root / "memos/2026/2026-11-27-sisainen-suunnittelu.md").read_text(encoding="utf-8")
    assert "attendees: []\ncompanies: []\ntags: []\n" in text
    assert "<!-- - [ ] @henkilon-tunniste Mitä tehdään (due 2026-12-11) -->" in text
    assert problems(root) == []


@pytest.mark.parametrize("title", ["2012", "no", "Kokous: jatko #2", 'Lainaus "suora"', "Äänestys – ÖÅ & co"])
def test_titles_that_yaml_would_misread_are_quoted(tree: TreeWriter, title: str) -> None:
    root = tree({})
    assert kb(root, "new", "memo", title, "--date", "2026-11-27") == 0
    assert problems(root) == []
    assert check(root).kb.memos[0].title == title


def test_unknown_attendee_is_refused_with_a_suggestion(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({})
    assert kb(root, "new", "memo", "X", "--attendee", "petri-laitnen") == 2
    assert capsys.readouterr().err == (
        "kb new memo: unknown person 'petri-laitnen' in --attendee. Did you mean 'petri-laitinen'?\n"
    )
    assert not (root / "memos").exists()


def test_unknown_company_is_refused_with_a_suggestion(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({})
    assert kb(root, "new", "memo", "X", "--company", "sanoma") == 2
    assert capsys.readouterr().err == (
        "kb new memo: unknown company 'sanoma' in --company. Did you mean 'sanoma-wsoy'?\n"
    )


def test_refusals_follow_the_site_language(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({"mkdocs.yml": FINNISH_SITE})
    assert kb(root, "new", "memo", "X", "--company", "nokia") == 2
    assert capsys.readouterr().err == (
        "kb new memo: tuntematon organisaatio 'nokia' (--company). "
        'Luo se ensin komennolla: kb new company "Nimi".\n'
    )


def test_a_finnish_date_is_refused_with_its_iso_form(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert kb(tree({}), "new", "memo", "X", "--date", "27.11.2026") == 2
    assert capsys.readouterr().err == (
        "kb new memo: --date '27.11.2026' is not a date in the form YYYY-MM-DD. Write 2026-11-27.\n"
    )


def test_a_title_without_letters_is_refused(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert kb(tree({}), "new", "memo", "!!!") == 2
    assert "gives no identifier" in capsys.readouterr().err


def test_an_existing_memo_is_never_overwritten(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({SANOMA_MEMO: "oma teksti\n"})
    assert new_sanoma_memo(root) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"kb new memo: {SANOMA_MEMO} already exists; nothing was written. "
        "Edit that file, or choose another title or date.\n"
    )
    assert (root / SANOMA_MEMO).read_text(encoding="utf-8") == "oma teksti\n"


def test_a_file_created_meanwhile_is_not_clobbered(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer creates the file between our check and our write: theirs stays."""
    root = tree({})
    real_link = os.link

    def racing_link(source: str, target: str | Path) -> None:
        Path(target).write_text("kollegan teksti\n", encoding="utf-8")
        real_link(source, target)

    monkeypatch.setattr(os, "link", racing_link)
    assert new_sanoma_memo(root) == 1
    assert "already exists" in capsys.readouterr().err
    assert (root / SANOMA_MEMO).read_text(encoding="utf-8") == "kollegan teksti\n"
    assert leftovers(root / "memos/2026") == []


def test_without_hard_links_the_name_is_claimed_exclusively(tree: TreeWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tree({})

    def no_links(source: str, target: str | Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    assert new_sanoma_memo(root) == 0
    assert (root / SANOMA_MEMO).read_text(encoding="utf-8") == EXPECTED_MEMO
    assert leftovers(root / "memos/2026") == []


def test_without_hard_links_a_racing_file_still_wins(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree({})

    def racing_no_links(source: str, target: str | Path) -> None:
        Path(target).write_text("kollegan teksti\n", encoding="utf-8")
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", racing_no_links)
    assert new_sanoma_memo(root) == 1
    assert (root / SANOMA_MEMO).read_text(encoding="utf-8") == "kollegan teksti\n"
    assert leftovers(root / "memos/2026") == []


def test_the_written_file_is_readable_by_others(tree: TreeWriter) -> None:
    root = tree({})
    assert new_sanoma_memo(root) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert (root / SANOMA_MEMO).stat().st_mode & 0o777 == 0o666 & ~mask


# --- companies ------------------------------------------------------------------------------


def test_new_company_writes_name_and_commented_keys(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree({})
    monkeypatch.chdir(root)
    assert kb(root, "new", "company", "Nokia Oyj") == 0
    assert capsys.readouterr().out == "companies/nokia-oyj.md\n"
    text = (root / "companies/nokia-oyj.md").read_text(encoding="utf-8")
    assert text.startswith("---\nname: Nokia Oyj\n# ")
    assert "<!-- Kirjoita tähän lyhyesti" in text
    assert problems(root) == []
    assert check(root).kb.companies["nokia-oyj"].name == "Nokia Oyj"


def test_the_commented_keys_are_valid_once_uncommented(tree: TreeWriter) -> None:
    root = tree({})
    assert kb(root, "new", "company", "Nokia") == 0
    path = root / "companies/nokia.md"
    text = path.read_text(encoding="utf-8").replace("henkilon-tunniste", "petri-laitinen")
    uncommented = re.sub(r"(?m)^# (\s*(?:[a-z_]+:|- ))", r"\1", text)
    keys = re.findall(r"(?m)^([a-z_]+):", uncommented)
    assert set(keys) <= {field.name for field in dataclasses.fields(CompanyMeta)}
    assert {"aliases", "industry", "status", "owner", "contacts", "tags"} <= set(keys)
    path.write_text(uncommented, encoding="utf-8")
    assert problems(root) == []


def test_a_name_another_page_has_is_refused(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({})
    assert kb(root, "new", "company", "sanoma wsoy") == 1
    assert capsys.readouterr().err == (
        "kb new company: 'sanoma wsoy' is already a name of companies/sanoma-wsoy.md; a second page would "
        "make its links ambiguous. Edit that file instead.\n"
    )


def test_a_persons_name_is_refused_for_an_organisation(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """`kb check` refuses a person and an organisation of one name, so `kb new` must not write one."""
    root = tree({})
    assert kb(root, "new", "company", "Petri Laitinen") == 1
    assert capsys.readouterr().err == (
        "kb new company: 'Petri Laitinen' is already the name of a person (companies/metropolia.md:4); "
        "links to it would be ambiguous. Give the organisation its full name, e.g. 'Petri Laitinen Oy'.\n"
    )
    assert not (root / "companies/petri-laitinen.md").exists()
    assert kb(root, "new", "company", "Petri") == 1  # an alias
    assert kb(root, "new", "company", "Petri Laitinen Oy") == 0
    assert problems(root) == []


def test_an_existing_company_file_is_never_overwritten(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({"companies/nokia.md": "---\nname: Nokia Oyj\n---\n"})
    assert kb(root, "new", "company", "Nokia") == 1
    assert "companies/nokia.md already exists; nothing was written." in capsys.readouterr().err
    assert (root / "companies/nokia.md").read_text(encoding="utf-8") == "---\nname: Nokia Oyj\n---\n"


def test_a_file_differing_only_in_case_counts_as_existing(tree: TreeWriter) -> None:
    root = tree({"companies/Nokia.md": "---\nname: Nokia Oyj\n---\n"})
    assert kb(root, "new", "company", "Nokia") == 1
    assert not (root / "companies/nokia.md").exists()


def test_a_taken_company_file_suggests_a_slug_not_a_date(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """C# Oy and C++ Oy are both c-oy: the refusal said to choose another title or date, which a
    company does not have, and there was no way to name the file."""
    root = tree({"companies/c-oy.md": "---\nname: C++ Oy\n---\n", "mkdocs.yml": FINNISH_SITE})
    before = (root / "companies/c-oy.md").read_bytes()
    assert kb(root, "new", "company", "C# Oy") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "kb new company: companies/c-oy.md on jo olemassa; mitään ei kirjoitettu. Muokkaa sitä tiedostoa, jos "
        "kyse on samasta organisaatiosta; jos kyse on eri organisaatiosta, anna tälle oma tiedostonimi, "
        "esim. --slug c-oy-2.\n"
    )
    assert (root / "companies/c-oy.md").read_bytes() == before
    assert kb(root, "new", "company", "C# Oy", "--slug", "c-sharp-oy") == 0
    assert capsys.readouterr().out.strip().endswith("companies/c-sharp-oy.md")
    assert check(root).kb.companies["c-sharp-oy"].name == "C# Oy"
    assert problems(root) == []
    assert (root / "companies/c-oy.md").read_bytes() == before


def test_the_suggested_company_slug_is_one_no_file_has(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({"companies/c-oy.md": "---\nname: C++ Oy\n---\n", "companies/C-Oy-2.md": "---\nname: C Oy\n---\n"})
    assert kb(root, "new", "company", "C# Oy") == 1
    assert capsys.readouterr().err == (
        "kb new company: companies/c-oy.md already exists; nothing was written. Edit that file if it is the same "
        "organisation; if it is another one, give this one a file name of its own, e.g. --slug c-oy-3.\n"
    )


def test_a_name_in_another_script_is_asked_for_an_identifier(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    """"华为" has no character a file name can take; it has letters, so the refusal must not say
    it has none, and it names the option that gives one."""
    root = tree({})
    assert kb(root, "new", "company", "华为") == 2
    assert capsys.readouterr().err == (
        "kb new company: '华为' gives no identifier: identifiers and file names take only the letters a-z, digits "
        "and hyphens, and none of its characters becomes one. Give one with --slug, e.g. --slug huawei.\n"
    )
    assert kb(root, "new", "company", "华为", "--slug", "huawei") == 0
    assert (root / "companies" / "huawei.md").read_text(encoding="utf-8").startswith("---\nname: 华为\n")
    capsys.readouterr()
    assert kb(root, "new", "company", "华为") == 1  # the name is taken: no file name would help
    assert "companies/huawei.md" in capsys.readouterr().err
    assert kb(root, "new", "memo", "会议", "--date", "2026-05-05") == 2
    assert capsys.readouterr().err.endswith("becomes one. Add a word written in Latin letters.\n")


def test_a_company_slug_that_is_not_one_is_refused_with_its_form(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree({})
    assert kb(root, "new", "company", "C# Oy", "--slug", "C-Sharp Oy") == 2
    assert capsys.readouterr().err == (
        "kb new company: --slug 'C-Sharp Oy' is not an identifier: lower-case letters, digits and hyphens only. "
        "Write c-sharp-oy.\n"
    )
    assert sorted(p.name for p in (root / "companies").iterdir()) == ["metropolia.md", "sanoma-wsoy.md"]


def test_a_memo_taken_in_another_case_names_the_file_that_is_there(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    """memos/2026/2026-05-05-juhlat.md does not exist; the refusal must name the file that does."""
    taken = "memos/2026/2026-05-05-Juhlat.md"
    root = tree({taken: "oma teksti\n"})
    assert kb(root, "new", "memo", "juhlat", "--date", "2026-05-05") == 1
    assert capsys.readouterr().err == (
        f"kb new memo: {taken} already exists; nothing was written. Edit that file, or choose another title or date.\n"
    )
    assert [p.name for p in (root / "memos/2026").iterdir()] == ["2026-05-05-Juhlat.md"]
    assert (root / taken).read_bytes() == b"oma teksti\n"


@pytest.mark.parametrize(("args", "message"), [
    (["memo", " "], 'otsikko on tyhjä. Kirjoita se lainausmerkkeihin, esim. "Tapaaminen Sanoma WSOY:n kanssa".'),
    (["memo", "Juhlat", "--tag", ""],
     "--tag on tyhjä. Kirjoita avainsana sen perään, esim. --tag kontaktointi, tai jätä valitsin pois."),
    (["company", ""], 'organisaation nimi on tyhjä. Kirjoita se lainausmerkkeihin, esim. "Sanoma WSOY".'),
    (["contact", "", "--company", "metropolia"],
     'henkilön nimi on tyhjä. Kirjoita koko nimi lainausmerkkeihin, esim. "Petri Laitinen".'),
    (["memo", "Juhlat", "--attendee", ""],  # was "tuntematon henkilö ''"
     "--attendee on tyhjä. Kirjoita sen perään tunniste tai nimi, esim. --attendee petri-laitinen, tai jätä "
     "valitsin pois."),
    (["memo", "Juhlat", "--company", " "],
     "--company on tyhjä. Kirjoita sen perään tunniste tai nimi, esim. --company sanoma-wsoy, tai jätä "
     "valitsin pois."),
], ids=["title", "tag", "company-name", "contact-name", "attendee", "company"])
def test_an_empty_argument_gets_the_example_that_fits_it(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """Every empty argument was given a memo title as the example, in English words on a Finnish site."""
    root = tree({"mkdocs.yml": FINNISH_SITE})
    before = sorted(root.rglob("*"))
    metropolia = (root / "companies/metropolia.md").read_bytes()
    assert kb(root, "new", *args) == 2
    assert capsys.readouterr().err == f"kb new {args[0]}: {message}\n"
    assert sorted(root.rglob("*")) == before
    assert (root / "companies/metropolia.md").read_bytes() == metropolia
