"""`kb check`: what a writer, a git hook and GitHub Actions see, in each output format."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kbtrees import GOOD_MEMO, TreeWriter
from muistio.cli import main
from muistio.problems import Problem, Severity
from muistio.report_formats import as_github

MEMO = "memos/2012/2012-05-16-tapaaminen.md"
OTHER = "memos/2012/2012-05-17-toinen.md"
TYPO = "---\ntitle: T\ndate: 2012-05-16\ncompnies: [metropolia]\n---\nTeksti.\n"
TYPO_LINE = f"{MEMO}:4: unknown key 'compnies'. Did you mean 'companies'?"
FINNISH_SITE = "site_name: Testi\ntheme:\n  name: material\n  language: fi\n"


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "check", *args])


def test_a_clean_tree_prints_nothing_and_exits_0(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tree({MEMO: GOOD_MEMO})) == 0
    assert capsys.readouterr().out == ""


def test_text_format_is_path_line_message(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tree({MEMO: TYPO})) == 1
    captured = capsys.readouterr()
    assert captured.out == TYPO_LINE + "\n"
    assert captured.err == "1 problem(s), 1 error(s).\n"


def test_messages_are_finnish_on_a_finnish_site(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({MEMO: TYPO, "mkdocs.yml": FINNISH_SITE})
    assert run(root) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{MEMO}:4: tuntematon avain 'compnies'. Tarkoititko 'companies'?\n"
    assert captured.err == "ongelmia: 1, joista virheitä: 1.\n"


@pytest.mark.parametrize(("site", "expected"), [
    (FINNISH_SITE, "tiedostoa ei voi lukea: ei käyttöoikeutta. Tarkista tiedoston oikeudet."),
    ("site_name: Testi\n", "the file cannot be read: Permission denied. Check the file's permissions."),
])
def test_what_the_system_says_is_in_the_sites_language(
        tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        site: str, expected: str) -> None:
    """An OS error's own words are the system's (English here); a Finnish site says it in Finnish."""
    root = tree({MEMO: GOOD_MEMO, "mkdocs.yml": site})
    read_bytes = Path.read_bytes

    def refused(path: Path) -> bytes:
        if path.name == Path(MEMO).name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refused)
    assert run(root) == 1
    assert capsys.readouterr().out == f"{MEMO}:1: {expected}\n"


def test_link_stage_problems_are_reported_like_the_strict_build(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    memo = GOOD_MEMO.replace("Keskusteltiin.", "Keskusteltiin [[Sanoma]] kanssa.")
    assert run(tree({MEMO: memo})) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{MEMO}:7: [[Sanoma]] does not name any organisation, person or offering.")


def test_a_wikilink_in_an_organisations_own_text_is_checked_too(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    company = "---\nname: Alfa Oy\n---\nAlfa Oy on [[Metroplia]]n kumppani.\n"
    assert run(tree({MEMO: GOOD_MEMO, "companies/alfa.md": company})) == 1
    assert capsys.readouterr().out == (
        "companies/alfa.md:4: [[Metroplia]] does not name any organisation, person or offering. "
        "Did you mean [[Metropolia]]?\n"
    )


def test_only_the_files_given_are_reported(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree({MEMO: TYPO, OTHER: TYPO.replace("2012-05-16", "2012-05-17")})
    monkeypatch.chdir(root)
    assert run(root, MEMO) == 1
    assert capsys.readouterr().out == TYPO_LINE + "\n"
    assert run(root, "memos/2012") == 1  # a folder: every file in it
    assert capsys.readouterr().out.count("unknown key") == 2


def test_a_clean_file_given_exits_0_even_when_others_are_broken(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree({MEMO: GOOD_MEMO, OTHER: TYPO.replace("2012-05-16", "2012-05-17")})
    monkeypatch.chdir(root)
    assert run(root, MEMO) == 0
    assert capsys.readouterr().out == ""


def test_github_format_annotates_the_line(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tree({MEMO: TYPO}), "--format", "github") == 1
    assert capsys.readouterr().out == (
        f"::error file={MEMO},line=4,title=Muistio::unknown key 'compnies'. Did you mean 'companies'?\n"
    )


def test_github_format_escapes_as_the_actions_toolkit_does() -> None:
    problem = Problem("memos/a,b:c.md", 3, "invalid_value", {"key": "k", "value": "v", "detail": "50%\r\nnext"},
                      Severity.WARNING)
    assert as_github([problem], "en") == (
        "::warning file=memos/a%2Cb%3Ac.md,line=3,title=Muistio::k 'v' is not valid: 50%25%0D%0Anext.\n"
    )


def test_json_format_is_a_list_of_objects(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tree({MEMO: TYPO}), "--format", "json") == 1
    assert json.loads(capsys.readouterr().out) == [{
        "path": MEMO, "line": 4, "severity": "error", "code": "unknown_key",
        "message": "unknown key 'compnies'. Did you mean 'companies'?",
    }]


def test_json_format_prints_an_empty_list_when_clean(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tree({MEMO: GOOD_MEMO}), "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_unknown_format_is_a_usage_error(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tree({MEMO: TYPO}), "--format", "jsn") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "kb check: unknown format 'jsn'. Did you mean 'json'?\n"


def test_a_file_that_is_not_a_memo_or_company_is_a_usage_error(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree({MEMO: GOOD_MEMO, "docs/index.md": "# Koti\n"})
    monkeypatch.chdir(root)
    assert run(root, "docs/index.md") == 2
    assert capsys.readouterr().err == (
        f"kb check: docs/index.md is not a memo or a company file. kb checks memos/YYYY/YYYY-MM-DD-slug.md "
        f"and companies/slug.md under {root.resolve()}.\n"
    )


def test_a_missing_file_is_a_usage_error(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree({MEMO: GOOD_MEMO})
    monkeypatch.chdir(root)
    assert run(root, "memos/2012/2012-05-16-tapaamnen.md") == 2
    assert capsys.readouterr().err == (
        "kb check: memos/2012/2012-05-16-tapaamnen.md does not exist. "
        "Check the path; it is read from the current folder.\n"
    )


@pytest.mark.parametrize("content", [b"\xff\xfe broken", b"---\ntitle: [unclosed\n---\n", b""])
def test_broken_input_never_gives_a_traceback(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    assert run(tree({MEMO: content}), "--format", "github") == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"::error file={MEMO},line=")
    assert "Traceback" not in captured.err


def test_check_loads_no_parser_it_does_not_need(tree: TreeWriter) -> None:
    """Start-up is most of a `kb check` on a few hundred memos: the HTML readers (importer),
    markdown-it (linking, flagged bodies), stdnum (business IDs) and the process pool are loaded
    only for the files that need them, and a plain memo needs none of them."""
    root = tree({MEMO: GOOD_MEMO})
    script = ("import sys; from muistio.cli import main; code = main(['--root', sys.argv[1], 'check']); "
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'bs4', 'markdown_it', 'stdnum', "
              "'concurrent', 'multiprocessing'})); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- where the knowledge base is ------------------------------------------------------------

NO_KB_HINT = "Run kb in the repository, or pass --root with its folder."


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder outside any knowledge base, where `kb` is run."""
    folder = tmp_path / "muualla"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_outside_a_knowledge_base_check_is_a_usage_error_not_a_clean_pass(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It printed nothing and exited 0: in a hook or CI, a wrong folder looked like a clean pass."""
    assert main(["check"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"kb check: no knowledge base here: neither {elsewhere} nor a folder above it has "
                            f"mkdocs.yml, memos/ or companies/. {NO_KB_HINT}\n")


def test_outside_a_knowledge_base_export_writes_nothing(elsewhere: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--out", "crm"]) == 2
    assert capsys.readouterr().err.startswith("kb export: no knowledge base here: ")
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("command", [["check"], ["schema"], ["new", "memo", "X"], ["new", "company", "X"],
                                     ["export", "--out", "crm"]])
def test_a_root_that_does_not_exist_is_a_usage_error_and_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # outside any knowledge base: in English
    missing = tmp_path / "nowhere"
    assert main(["--root", str(missing), *command]) == 2
    label = " ".join(command[:2]) if command[0] == "new" else command[0]
    assert capsys.readouterr().err == (f"kb {label}: no knowledge base here: --root {missing} does not exist. "
                                       f"{NO_KB_HINT}\n")
    assert not missing.exists()


@pytest.mark.parametrize("make", ["folder", "file"])
def test_a_root_that_is_not_a_knowledge_base_is_a_usage_error_and_stays_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, make: str
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "juuri"
    if make == "folder":
        root.mkdir()
        (root / "muistiinpanot.txt").write_bytes(b"ei muistio")
    else:
        root.write_bytes(b"ei kansio")
    before = sorted(tmp_path.rglob("*"))
    for command in (["new", "memo", "X"], ["new", "company", "X"], ["check"], ["export", "--out", "crm"]):
        assert main([*command, "--root", str(root)]) == 2
        label = " ".join(command[:2]) if command[0] == "new" else command[0]
        assert capsys.readouterr().err == (f"kb {label}: no knowledge base here: --root {root} is not a folder "
                                           f"with mkdocs.yml, memos/ or companies/. {NO_KB_HINT}\n")
    assert sorted(tmp_path.rglob("*")) == before


def test_a_wrong_root_is_told_in_the_language_of_the_knowledge_base_around(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree({"mkdocs.yml": FINNISH_SITE})
    monkeypatch.chdir(root)
    assert main(["check", "--root", str(root / "puuttuu")]) == 2
    assert capsys.readouterr().err == (
        f"kb check: täällä ei ole tietokantaa: --root {root / 'puuttuu'} ei ole olemassa. "
        "Aja kb tietovaraston kansiossa tai anna sen kansio valitsimella --root.\n"
    )


def test_a_knowledge_base_without_mkdocs_yml_is_found_from_a_folder_inside_it(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From memos/2012 the root was memos/2012 itself, which holds no memos/: nothing was checked."""
    root = tree({MEMO: TYPO})
    monkeypatch.chdir(root / "memos" / "2012")
    assert main(["check"]) == 1
    assert capsys.readouterr().out == TYPO_LINE + "\n"
def test_an_invisible_line_separator_is_reported_at_its_line_and_later_lines_stay_right(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    """U+2028 (pasted from a web page or Word) is a line break to PyYAML but not to an editor: it
    is named at its own line and column, and the unknown attendee two lines below is reported at
    its own line, not one further down; the file is left as it was."""
    memo = "---\ntitle: Tapaaminen\u2028Nokian kanssa\ndate: 2012-05-16\nattendees: [nobody]\n---\nTeksti.\n"
    root = tree({MEMO: memo, "mkdocs.yml": FINNISH_SITE})
    assert run(root) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        f"{MEMO}:2: alun tiedoissa on tällä rivillä (sarakkeessa 18) näkymätön rivinvaihtomerkki U+2028, "
        "usein verkkosivulta tai Wordista liitetty; YAML lukee sen uudeksi riviksi. Korvaa se välilyönnillä "
        "tai, jos tarkoitit uutta riviä, rivinvaihdolla.\n"
        f"{MEMO}:4: tuntematon henkilö 'nobody' kentässä attendees. Lisää henkilö yhteyshenkilöksi "
        "organisaationsa tiedostoon kansiossa companies/.\n")
    assert captured.err == "ongelmia: 2, joista virheitä: 2.\n"
    assert (root / MEMO).read_text(encoding="utf-8") == memo


def test_an_indenting_tab_after_a_legal_one_is_reported_at_its_own_line(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    """`date:<tab>2026-01-06` is valid YAML; the tab that indents the next line is not, and it is
    the line a writer must be sent to."""
    memo = "---\ntitle: Tapaaminen\ndate:\t2012-05-16\n\tattendees: []\n---\nTeksti.\n"
    assert run(tree({MEMO: memo, "mkdocs.yml": FINNISH_SITE})) == 1
    captured = capsys.readouterr()
    assert captured.out == (f"{MEMO}:4: alun tiedoissa on sisennys sarkaimella. "
                            "Sisennä välilyönneillä, ei sarkaimella.\n")
    assert captured.err == "ongelmia: 1, joista virheitä: 1.\n"
