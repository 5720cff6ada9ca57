"""`kb review --base`: the Markdown a reviewer reads for a branch that adds a memo, and its heuristic."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from muistio.cli import main
from muistio.pipeline import check
from muistio.review import known_names
from muistio.unknown_names import find_unknown_names

REPO = Path(__file__).resolve().parents[1]
SEED = "memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa.md"
NEW_MEMO = "memos/2026/2026-11-27-tapaaminen-sanoma-wsoyn-kanssa.md"
NEW_MEMO_TEXT = """---
title: Tapaaminen Sanoma WSOY:n kanssa
date: 2026-11-27
attendees: [petri-laitinen]
companies: [sanoma-wsoy, nokia]
tags: []
---

## Keskustelu

Tapasimme Sanoma WSOY:n väkeä. Petrin mukaan yhteistyö Nokian ja VTT:n kanssa kiinnostaa.
Aluksi esiteltiin PROksi. Puhuttiin myös [[Sanoma]] asioista ja CRM-järjestelmästä.

## Sovitut toimenpiteet

- [ ] @petri-laitinen Lähetä PROksin esite (due 2026-12-11)
"""


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Testi", "GIT_AUTHOR_EMAIL": "testi@example.org",
           "GIT_COMMITTER_NAME": "Testi", "GIT_COMMITTER_EMAIL": "testi@example.org"}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the site repository's content on branch `main`, with a branch `uusi` checked out."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root)
    shutil.copytree(REPO / "companies", root / "companies")
    shutil.copytree(REPO / "memos", root / "memos")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Alku")
    git(root, "checkout", "-q", "-b", "uusi")
    return root


def add_memo(root: Path, relative: str = NEW_MEMO, text: str = NEW_MEMO_TEXT, commit: bool = True) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if commit:
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Uusi muistio")


def review(root: Path, capsys: pytest.CaptureFixture[str], base: str = "main") -> tuple[int, str, str]:
    status = main(["--root", str(root), "review", f"--base={base}"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def set_language(root: Path, language: str) -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: fi", f"language: {language}"),
                      encoding="utf-8")


def test_review_reports_the_new_memo_in_finnish(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_memo(repo)
    status, out, err = review(repo, capsys)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "## Muistio: muutokset haaraan `main` verrattuna"
    assert "Muuttuneita: muistioita 1, organisaatioita 0." in lines
    assert "### Tapaaminen Sanoma WSOY:n kanssa" in lines
    assert f"`{NEW_MEMO}` · 2026-11-27" in lines
    assert "- Sanoma WSOY (organisaatio): “Sanoma WSOY:n”" in lines
    assert "- Petri Laitinen (henkilö): “Petrin”" in lines
    assert "- PROksi (tarjooma): “PROksi”, “PROksin”" in lines
    assert "- [ ] Petri Laitinen: Lähetä PROksin esite (määräpäivä 2026-12-11)" in lines
    assert ("- rivi 5: tuntematon organisaatio 'nokia' kentässä companies. "
            "Luo se komennolla: kb new company \"Nimi\".") in lines
    assert any(line.startswith("- rivi 12: \\[\\[Sanoma\\]\\] ei ole minkään organisaation") for line in lines)
    assert "- Nokia: ei organisaation sivua — luo se komennolla `kb new company Nokia` (rivi 11)" in lines
    assert "- VTT: ei organisaation sivua — luo se komennolla `kb new company VTT` (rivi 11)" in lines
    assert "Muuttuneissa tiedostoissa on ongelmia 2, joista virheitä 2: `kb check` ei mene läpi ennen kuin ne " \
           "on korjattu." in lines


def test_warnings_alone_do_not_say_kb_check_fails(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kb check` passes on warnings; the pull request's strict build does not, and the report
    says which, and marks each warning."""
    add_memo(repo, text=NEW_MEMO_TEXT.replace("companies: [sanoma-wsoy, nokia]", "companies: [sanoma-wsoy]")
             .replace("[[Sanoma]]", "Sanoma WSOY") + "- [ ] @petri-laitinen Mitä tehdään\n")
    status, out, err = review(repo, capsys)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert ("Muuttuneissa tiedostoissa on varoituksia 1: `kb check` menee läpi, mutta sivuston tiukka "
            "rakennus (`mkdocs build --strict`) ei mene ennen kuin ne on korjattu.") in lines
    assert [line for line in lines if line.startswith("- rivi")] == [
        "- rivi 17 (varoitus): toimenpide on yhä mallin esimerkki 'Mitä tehdään'. Kirjoita, mitä sovittiin, "
        "tai poista rivi."]


def test_a_name_that_starts_with_a_linked_organisations_says_where_it_links(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Sanoma WSOY:n Kirjakaupan myyjä": the words link to Sanoma WSOY, but "Sanoma WSOY:n
    Kirjakauppa" is likely another organisation; the reviewer is told where it links now, not only
    that "Kirjakaupa" has no page."""
    add_memo(repo, text=NEW_MEMO_TEXT.replace("companies: [sanoma-wsoy, nokia]", "companies: [sanoma-wsoy]")
             .replace("[[Sanoma]]", "Sanoma WSOY") + "\nTapasimme Sanoma WSOY:n Kirjakaupan myyjän.\n")
    _, out, _ = review(repo, capsys)
    assert ("- 'Sanoma WSOY:n Kirjakaupan' linkittyy nyt organisaatioon Sanoma WSOY; jos se on toinen "
            "organisaatio, luo sille sivu komennolla `kb new company` ja nimi perusmuodossa, niin pidempi nimi "
            "voittaa (rivi 18)") in out.splitlines()


def test_a_link_to_no_page_is_a_warning_in_the_report(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The strict build fails on it (MkDocs' own check), so the reviewer sees it with its line."""
    add_memo(repo, text=NEW_MEMO_TEXT.replace("companies: [sanoma-wsoy, nokia]", "companies: [sanoma-wsoy]")
             .replace("[[Sanoma]]", "Sanoma WSOY") + "\nKatso [edellinen](2026-11-20-tapaaminen.md).\n")
    status, out, _ = review(repo, capsys)
    assert status == 0
    assert [line for line in out.splitlines() if line.startswith("- rivi")] == [
        "- rivi 18 (varoitus): linkki kohteeseen '2026-11-20-tapaaminen.md' ei johda millekään sivuston sivulle. "
        "Tarkista tiedoston nimi; organisaation, henkilön tai tarjooman voi linkittää \\[\\[nimellä\\]\\]."]


def test_review_lists_only_what_the_branch_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_memo(repo)
    _, out, _ = review(repo, capsys)
    assert SEED not in out
    assert "Tapaaminen projektipäällikkö" not in out
    for noise in ("Aluksi", "Tapasimme", "Keskusteltiin", "CRM", "Petri:", "Sanoma:"):
        assert f"- {noise}" not in out


def test_review_in_english(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_language(repo, "en")
    add_memo(repo)
    _, out, _ = review(repo, capsys)
    assert out.startswith("## Muistio: changes since `main`\n")
    assert "- Sanoma WSOY (organisation): “Sanoma WSOY:n”" in out
    assert "- Nokia: no company page — create one with `kb new company Nokia` (line 11)" in out


def test_uncommitted_and_untracked_files_count_too(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_memo(repo, commit=False)
    (repo / "companies/rondo.md").write_text("---\nname: Rondo\nstatus: activ\n---\n", encoding="utf-8")
    _, out, _ = review(repo, capsys)
    assert "### Tapaaminen Sanoma WSOY:n kanssa" in out
    assert "### Rondo (organisaatio)" in out
    assert "- rivi 3: status 'activ' ei ole mikään näistä: lead, contacted, active, partner, dormant. " \
           "Tarkoititko 'active'?" in out


def test_a_removed_memo_is_named(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / SEED).unlink()
    _, out, _ = review(repo, capsys)
    assert f"Poistettu: `{SEED}`." in out


def test_no_changes_say_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = review(repo, capsys)
    assert status == 0
    assert out == ("## Muistio: muutokset haaraan `main` verrattuna\n\n"
                   "Muistioihin tai organisaatioihin ei ole muutoksia haaraan `main` verrattuna.\n")


def test_a_missing_ref_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_language(repo, "en")
    status, out, err = review(repo, capsys, base="origin/main")
    assert (status, out) == (2, "")
    assert err == ("kb review: git does not know 'origin/main'. Check the name, or fetch it first "
                   "(git fetch origin main). In GitHub Actions check out with fetch-depth: 0.\n")


def test_a_ref_that_looks_like_an_option_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = review(repo, capsys, base="--output=/tmp/x")
    assert status == 2
    assert "git ei tunne viitettä '--output=/tmp/x'" in err


def test_outside_a_git_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "memos").mkdir()
    status, _, err = review(tmp_path, capsys)
    assert status == 2
    assert err == (f"kb review: {tmp_path.resolve()} is not in a git repository. "
                   "Run kb review inside a clone of the site repository.\n")


# --- the unknown-names heuristic --------------------------------------------------------------


def names(body: str, known: list[str] | None = None) -> list[str]:
    return [n.name for n in find_unknown_names(body, 1, known or [])]


def test_the_seed_memo_has_no_unknown_names() -> None:
    kb = check(REPO).kb
    memo = next(m for m in kb.memos if m.path == SEED)
    assert find_unknown_names(memo.source.body, memo.source.body_line, known_names(kb)) == []


def test_sentence_starts_in_the_seed_memo_are_never_names() -> None:
    """Even knowing no names at all, the words that only start sentences are not flagged."""
    body = (REPO / SEED).read_text(encoding="utf-8").split("---\n", 2)[2]
    found = names(body)
    for word in ("Aluksi", "Keskusteltiin", "Työnantajat", "Kukaan", "Työtä", "Mitä", "Musiikin", "Tämän"):
        assert word not in found
    assert "Rondo" in found  # 'lokakuun Rondossa': mid-sentence, so a name
    assert "TKK" in found


def test_rondo_without_a_page_gets_the_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "site"
    shutil.copytree(REPO / "memos", root / "memos")
    shutil.copytree(REPO / "companies", root / "companies")
    (root / "companies/rondo.md").unlink()
    (root / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: material\n  language: en\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "commit", "-q", "--allow-empty", "-m", "Tyhjä")
    _, out, _ = review(root, capsys)
    assert "- Rondo: no company page — create one with `kb new company Rondo` (line 40)" in out


@pytest.mark.parametrize(("body", "expected"), [
    ("Puhuimme lokakuun Rondossa asiasta.", ["Rondo"]),
    ("Tapasimme VTT:n ja Helsingin Sanomat tänään.", ["VTT", "Helsingin Sanomat"]),
    ("Yhteistyö esim. Nokialla on tärkeää.", ["Nokia"]),
    ("Soitin Virtaselle eilen.", ["Virtanen"]),
    ("Uusi Sanoma WSOY:n kanssa.", ["Sanoma WSOY"]),
    ("Yhteinen CRM puuttuu. TKI-toiminta on hyvää. Tapaaminen Teamsissa ja Helsingissä.", []),
    ("Nokia kertoi uutisia.", []),  # a sentence start: missed on purpose, it could be any word
    ("Koodissa `Nokia` ja [linkki](https://Nokia.com) ja <abbr title=\"Fazer Oy\">x</abbr>.", []),
    ("Sovittiin [[Nokia]] asiasta.", []),
    ("- [ ] @petri-laitinen Soita huomenna", []),
    ("Lisäksi Kone Oyj:n kanssa.", []),
])
def test_heuristic_cases(body: str, expected: list[str]) -> None:
    assert names(body, ["Kone"]) == expected


def test_known_names_and_their_forms_are_not_unknown() -> None:
    assert names("Puhuimme lokakuun Rondossa ja Rondon väen kanssa.", ["Rondo"]) == []
    assert names("Puhuimme Metropolia-yhteistyöstä.", ["Metropolia"]) == []


def test_each_name_is_listed_once_with_its_first_line_and_count() -> None:
    found = find_unknown_names("Eilen Nokian kanssa.\n\nHuomenna Nokialle soitto.\n", 10, [])
    assert [(n.name, n.line, n.count) for n in found] == [("Nokia", 10, 2)]


def test_multi_word_names_are_quoted_for_the_shell() -> None:
    found = find_unknown_names("Tapasimme Helsingin Sanomat eilen.", 1, [])
    assert found[0].command_argument == '"Helsingin Sanomat"'
