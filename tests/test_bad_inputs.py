"""The corpus of bad inputs: each answered with exact messages, exit status 1, no traceback, nothing lost.

Each case in `bad_inputs/cases/NN-name/` holds the files that go wrong and `expected.txt`, the
exact lines `kb check` prints for them (in English). Every case is laid over `bad_inputs/base/`, a
small good knowledge base, and must leave it working: its good memo still loaded, valid and on the
site. Inputs that cannot be committed (10 MB, symbolic links, names differing only in case,
which break a checkout on macOS) are made in a temporary folder by the tests at the end.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from muistio import cli
from muistio.load import MAX_FILE_BYTES
from muistio.pipeline import analyse, build_site
from sitebuild import content, mkdocs_build, page, site_skeleton

HERE = Path(__file__).parent / "bad_inputs"
BASE = HERE / "base"
CASES = sorted(path for path in (HERE / "cases").iterdir() if path.is_dir())
GOOD_MEMO = "memos/2012/2012-05-15-hyva.md"
MEMO = "memos/2012/2012-05-16-tapaaminen.md"


def lay_out(root: Path, case: Path | None = None) -> Path:
    """The base knowledge base with the case's files over it, in `root`."""
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    if case is not None:
        shutil.copytree(case, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return root


def snapshot(root: Path) -> dict[str, tuple[bytes | str, int]]:
    """Every entry's bytes (or link target) and modification time, without following links."""
    state: dict[str, tuple[bytes | str, int]] = {}
    for folder, subfolders, files in os.walk(root):
        for name in [*subfolders, *files]:
            path = Path(folder, name)
            stat = path.lstat()
            if path.is_symlink():
                content: bytes | str = os.readlink(path)
            elif path.is_dir():
                content = "<folder>"
            else:
                content = path.read_bytes()
            state[path.relative_to(root).as_posix()] = (content, stat.st_mtime_ns)
    return state


def messages(root: Path) -> list[str]:
    return [problem.render("en") for problem in analyse(root).problems]


def kb_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(["--root", str(root), "check"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_answered(root: Path, expected: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """The checks every bad input must pass; see the module docstring."""
    before = snapshot(root)
    assert messages(root) == expected
    status, out, err = kb_check(root, capsys)
    assert status == 1
    assert "Traceback" not in err + out
    for line in expected:  # the CLI may print `path:line: message` in its own format
        path_line, message = line.split(": ", 1)
        assert path_line in out and message in out
    site = build_site(root)  # the pages are made too, with the bad file among them
    good = next(memo for memo in site.kb.memos if memo.path == GOOD_MEMO)
    assert good.valid
    assert "metropolia" in site.kb.company_memos and good in site.kb.company_memos["metropolia"]
    assert "[Metropoliassa](../../companies/metropolia.md)" in site.context.linked.bodies[GOOD_MEMO]
    assert snapshot(root) == before, "checking must never write to the knowledge base"


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


def test_the_base_alone_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = lay_out(tmp_path)
    assert messages(root) == []
    assert kb_check(root, capsys)[0] == 0


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_answered_clearly(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, "a bad input must produce at least one message"
    assert_answered(lay_out(tmp_path, case), expected, capsys)


def test_alias_bomb_is_refused_before_expanding(tmp_path: Path) -> None:
    root = lay_out(tmp_path, HERE / "cases" / "41-alias-bomb")
    started = time.perf_counter()
    analyse(root)
    assert time.perf_counter() - started < 2.0  # expanded, it would be 9**9 items


def test_a_ten_megabyte_memo_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = lay_out(tmp_path)
    text = "---\ntitle: Iso\ndate: 2012-05-16\n---\n" + ("Keskusteltiin Metropoliassa pitkaan. " * 20 + "\n") * 14_000
    (root / MEMO).write_bytes(text.encode("utf-8")[:10_000_000])
    assert (root / MEMO).stat().st_size == 10 * MAX_FILE_BYTES
    started = time.perf_counter()
    assert_answered(root, [f"{MEMO}:1: the file is 10.0 MB; the limit is 1 MB. "
                           "A memo is text: move attachments and exports out of the knowledge base."], capsys)
    assert time.perf_counter() - started < 10.0


def test_a_link_to_a_file_outside_the_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "outside" / "salaisuus.md"
    secret.parent.mkdir()
    secret.write_text("---\ntitle: Salaisuus\ndate: 2012-05-16\n---\nSalasana.\n", encoding="utf-8")
    root = lay_out(tmp_path / "repo")
    (root / MEMO).symlink_to(secret)
    assert_answered(root, [f"{MEMO}:1: the file is a link to {secret}, outside the repository. "
                           "Copy the file into the repository instead of linking to it."], capsys)


def test_a_linked_folder_is_reported_not_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "2013-01-01-vuotanut.md").write_text("---\ntitle: V\ndate: 2013-01-01\n---\n", encoding="utf-8")
    root = lay_out(tmp_path / "repo")
    (root / "memos" / "2013").symlink_to(outside, target_is_directory=True)
    assert_answered(root, [f"memos/2013:1: this is a link to the folder {outside}; its files are not read. "
                           "Move the files here instead of linking to the folder."], capsys)


def test_a_linked_year_folder_has_a_page_that_shows_its_problem(tmp_path: Path) -> None:
    """As an unreadable memo file's page does, at the place of the folder: a rendered page, not
    the page's Markdown copied into the site as a file named `memos/2027`."""
    root = site_skeleton(lay_out(tmp_path / "repo"))
    (root / "memos" / "2027").symlink_to("/etc", target_is_directory=True)
    site = tmp_path / "site"
    done = mkdocs_build(root, site, strict=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert ("WARNING -  memos/2027:1: tämä on linkki kansioon /etc; sen tiedostoja ei lueta. "
            "Siirrä tiedostot tänne linkin sijaan.") in done.stderr
    assert not (site / "memos" / "2027").is_file()
    text = content(page(site, "memos/2027.md")).get_text(" ", strip=True)
    assert "Tämän muistion tiedoissa on virheitä" in text
    assert "rivi 1: tämä on linkki kansioon /etc; sen tiedostoja ei lueta." in text
    assert not [path for path in site.rglob("*") if path.is_file() and path.read_bytes().startswith(b"---\n")]
    assert 'href="memos/2027/"' in (site / "index.html").read_text(encoding="utf-8")


def test_a_link_to_a_folder_inside_the_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = lay_out(tmp_path)
    (root / "memos" / "vanhat").symlink_to(root / "memos" / "2012", target_is_directory=True)
    assert_answered(root, [f"memos/vanhat:1: this is a link to the folder {root / 'memos' / '2012'}; "
                           "its files are not read. Move the files here instead of linking to the folder."], capsys)


def test_a_link_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = lay_out(tmp_path)
    (root / MEMO).symlink_to(root / MEMO)
    assert_answered(root, [f"{MEMO}:1: the file is a link to {root / MEMO}, which leads back to itself. "
                           "Replace the link with the file itself."], capsys)


def test_a_broken_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = lay_out(tmp_path)
    (root / MEMO).symlink_to(root / "poistettu.md")
    assert_answered(root, [f"{MEMO}:1: the file is a link to {root / 'poistettu.md'}, which does not exist. "
                           "Fix the link or delete it."], capsys)


def test_file_names_differing_only_in_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = lay_out(tmp_path)
    (root / "companies" / "rondo.md").write_text("---\nname: Rondo\n---\n", encoding="utf-8")
    upper = root / "companies" / "Rondo.md"
    if upper.exists():
        pytest.skip("this file system does not tell upper from lower case")
    upper.write_text("---\nname: Rondo Oy\n---\n", encoding="utf-8")
    assert_answered(root, [
        "companies/Rondo.md:1: company file name 'Rondo' is not an identifier (lower-case letters, digits, "
        "hyphens). Rename it to rondo.md.",
        "companies/rondo.md:1: this file name differs from companies/Rondo.md only in upper/lower case. "
        "Merge the two files: on macOS and Windows they are the same file.",
    ], capsys)


@pytest.mark.parametrize("attendee", ["../x", "../../etc/passwd", "petri-laitinen/../x"])
def test_new_memo_refuses_a_path_as_attendee(
    attendee: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = lay_out(tmp_path)
    before = snapshot(root)
    status = cli.main(["--root", str(root), "new", "memo", "Tapaaminen", "--date", "2012-05-16",
                       "--attendee", attendee])
    captured = capsys.readouterr()
    assert status != 0
    assert "Traceback" not in captured.err
    assert snapshot(root) == before
