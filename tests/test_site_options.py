"""Settings under `extra.muistio` in mkdocs.yml: a mistake there is a problem at its line, reported
by the build and by `kb check` alike, never a traceback and never a setting read the wrong way."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kbtrees import GOOD_MEMO, TreeWriter
from muistio.cli import main
from muistio.site_options import SiteOptions, read_options
from sitebuild import mkdocs_build, site_skeleton

CONFIG = """site_name: Testi
theme:
  name: material
  language: fi

extra:
  muistio:
{settings}
"""


def options(settings: str) -> tuple[SiteOptions, list[str]]:
    text = CONFIG.format(settings=settings)
    found, problems = read_options(yaml.safe_load(text)["extra"]["muistio"], text, "mkdocs.yml")
    return found, [p.render() for p in problems]


def test_good_settings_are_read() -> None:
    assert options("    quiet_days: 90\n    public: true\n    workers: 3") == (
        SiteOptions(quiet_days=90, public=True, workers=3), [])


@pytest.mark.parametrize(("settings", "expected"), [
    ("    quiet_day: 90", "mkdocs.yml:8: unknown setting 'extra.muistio.quiet_day'. Did you mean 'quiet_days'?"),
    ("    quiet_days: 180\n    workers: many",
     "mkdocs.yml:9: setting 'workers' is 'many', not a whole number of at least 1. "
     "Write e.g. 'workers: 2'; the default is used meanwhile."),
    ("    quiet_days: -5", "mkdocs.yml:8: setting 'quiet_days' is '-5', not a whole number of at least 0. "
                          "Write e.g. 'quiet_days: 180'; the default is used meanwhile."),
    ("    workers: true", "mkdocs.yml:8: setting 'workers' is 'True', not a whole number of at least 1. "
                         "Write e.g. 'workers: 2'; the default is used meanwhile."),
])
def test_a_wrong_setting_is_reported_at_its_line(settings: str, expected: str) -> None:
    found, problems = options(settings)
    assert problems == [expected]
    assert found.workers is None and found.quiet_days in (90, 180)  # the wrong one fell back to its default


def test_public_that_is_not_true_or_false_builds_the_public_site() -> None:
    """`public: "false"` is text, which a plain bool() reads as True and a typo could read either
    way; the safe reading is the one that publishes less."""
    found, problems = options('    public: "false"')
    assert found.public is True
    assert problems == ["mkdocs.yml:8: setting 'public' is 'false', not true or false. Write 'public: true' or "
                        "'public: false', without quotes. Until then the site is built as public, without internal "
                        "memos and private details: when in doubt, publish less."]


def test_settings_that_are_not_a_mapping() -> None:
    text = CONFIG.format(settings="").replace("  muistio:\n", "  muistio: 180\n")
    assert [p.render() for p in read_options(180, text, "mkdocs.yml")[1]] == [
        "mkdocs.yml:7: extra.muistio is not a list of settings. Indent the settings under it, "
        "e.g. 'quiet_days: 180'; the defaults are used meanwhile."]


def test_kb_check_reports_the_setting_in_finnish(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": GOOD_MEMO,
                 "mkdocs.yml": CONFIG.format(settings="    workers: monta")})
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "mkdocs.yml:8: asetus 'workers' on 'monta', ei kokonaisluku, joka on vähintään 1. "
        "Kirjoita esim. 'workers: 2'; siihen asti käytetään oletusta."]


@pytest.mark.slow
def test_the_build_reports_a_wrong_setting_and_still_builds(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    (root / "memos" / "2012").mkdir(parents=True)
    (root / "companies").mkdir()
    (root / "memos" / "2012" / "2012-05-16-tapaaminen.md").write_text(GOOD_MEMO, encoding="utf-8")
    for slug, name in (("metropolia", "Metropolia"), ("sanoma-wsoy", "Sanoma WSOY")):
        (root / "companies" / f"{slug}.md").write_text(f"---\nname: {name}\n---\n", encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("    quiet_days: 180", "    quiet_days: puoli vuotta"),
                                     encoding="utf-8")
    line = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index(
        "    quiet_days: puoli vuotta      # a tracked relationship with no memo for longer is listed as quiet") + 1
    result = mkdocs_build(root, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"mkdocs.yml:{line}: asetus 'quiet_days' on 'puoli vuotta', ei kokonaisluku" in result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_an_edit_of_mkdocs_yml_is_read_though_the_last_reading_is_kept(
        tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """`kb` keeps what it read of mkdocs.yml between runs (`config`); the language and the
    settings of the file as it is now are what count."""
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": GOOD_MEMO,
                 "mkdocs.yml": CONFIG.format(settings="    workers: monta")})
    assert main(["--root", str(root), "check"]) == 1
    assert "asetus 'workers' on 'monta'" in capsys.readouterr().out
    assert main(["--root", str(root), "check"]) == 1
    assert "asetus 'workers' on 'monta'" in capsys.readouterr().out
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: fi", "language: en"), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    assert "setting 'workers' is 'monta'" in capsys.readouterr().out
    config.write_text(config.read_text(encoding="utf-8").replace("monta", "2"), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0
