"""One import run: read every input, build memos, write them, collect what the report needs.

Kept apart from the CLI so the lead's `kb import`, tests and scripts share one code path; one
bad page never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .chrome import ENGLISH, ChromeProfile
from .directory import Directory
from .errors import Problem
from .inputs import read_input
from .memo_builder import Memo, NoDate, build_memo
from .memo_writer import MemoWriter, Outcome, write_company
from .model import Page


@dataclass
class PageResult:
    """One page: the memo made of it and what happened to the file, or why nothing did."""

    page: Page
    memo: Memo | None = None
    outcome: Outcome | None = None
    skipped: str = ""  # a catalogue code: why the page is not a memo
    problem: Problem | None = None


@dataclass
class RunResult:
    """Everything one run did, in input order."""

    dry_run: bool
    pages: list[PageResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    companies: list[Outcome] = field(default_factory=list)

    @property
    def all_problems(self) -> list[Problem]:
        found = list(self.problems)
        for result in self.pages:
            if result.problem:
                found.append(result.problem)
            if result.outcome and result.outcome.problem:
                found.append(result.outcome.problem)
        return found + [c.problem for c in self.companies if c.problem]


def import_paths(
    paths: Iterable[Path],
    directory: Directory,
    repo_root: Path,
    *,
    chrome: ChromeProfile = ENGLISH,
    dry_run: bool = False,
    update: bool = False,
    create_missing: bool = False,
) -> RunResult:
    """Import every page found under `paths` into the knowledge base at `repo_root`."""
    run = RunResult(dry_run=dry_run)
    writer = MemoWriter(repo_root, dry_run=dry_run, update=update)
    for path in paths:
        pages, problems = read_input(path, chrome)
        run.problems += problems
        for page in pages:
            run.pages.append(_import_page(page, directory, writer))
    if create_missing:
        names = dict.fromkeys(name for result in run.pages if result.memo for name in result.memo.unknown_organisations)
        run.companies = [write_company(repo_root, name, dry_run=dry_run) for name in names]
    return run


def _import_page(page: Page, directory: Directory, writer: MemoWriter) -> PageResult:
    if page.skip_reason:
        return PageResult(page, skipped=page.skip_reason)
    if not page.body.get_text(strip=True):
        return PageResult(page, skipped="import_skip_no_text")
    try:
        memo = build_memo(page, directory)
    except NoDate as missing:
        if missing.impossible:
            return PageResult(page, problem=Problem(page.path, page.title_line, "import_impossible_date",
                                                    {"title": page.title, "value": missing.impossible}))
        return PageResult(page, problem=Problem(page.path, page.title_line, "import_no_date", {"title": page.title}))
    return PageResult(page, memo=memo, outcome=writer.write(memo))
