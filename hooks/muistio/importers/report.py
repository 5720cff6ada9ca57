"""The import report: Markdown a person reads once, top to bottom, after an import.

It answers, per page: which file, what was decided (title, date and why, people,
organisations), what was cut out of the page (file:line: text, so nothing disappears
silently) and what to do next (the commands that create missing organisations).
"""

from __future__ import annotations

import shlex

from muistio.names import slugify

from .memo_builder import Memo
from .memo_writer import Outcome
from .model import RemovedLine
from .pipeline import PageResult, RunResult


def render(run: RunResult) -> str:
    """The whole report as Markdown."""
    lines = ["# Confluence import" + (" (dry run: nothing was written)" if run.dry_run else ""), ""]
    counts: dict[str, int] = {}
    for result in run.pages:
        key = result.outcome.action if result.outcome else ("not imported" if result.problem else "skipped")
        counts[key] = counts.get(key, 0) + 1
    summary = ", ".join(f"{n} {action}" for action, n in counts.items()) or "no pages"
    problems = run.all_problems
    lines += [f"{len(run.pages)} page(s): {summary}; {len(problems)} problem(s).", ""]
    for result in run.pages:
        lines += _page(result, run.dry_run)
    if run.companies:
        lines += ["## Organisation files (--create-missing)", ""]
        lines += [f"- `{c.path}`: {c.action}" + (f" ({c.detail})" if c.detail else "") for c in run.companies]
        lines.append("")
    if problems:
        lines += ["## Problems", ""]
        lines += [f"- {problem.render()}" for problem in problems]
        lines.append("")
    return "\n".join(lines)


def _page(result: PageResult, dry_run: bool) -> list[str]:
    page, memo = result.page, result.memo
    lines = [f"## {page.title}", "", f"- From: `{page.path}` (`{page.source}`)"]
    if result.skipped:
        lines.append(f"- Not imported: {result.skipped}")
    if result.problem:
        lines.append(f"- Not imported: {result.problem.render()}")
    if memo is not None and result.outcome is not None:
        lines += _memo(memo, result.outcome)
    lines += _removed(page.removed)
    if memo is not None:
        lines += _unknown(memo)
        lines += [f"- Note: {note}" for note in memo.notes]
        if dry_run and result.outcome and result.outcome.action.startswith("would"):
            lines += [
                "",
                f"<details><summary>{result.outcome.path}</summary>",
                "",
                "````markdown",
                memo.text().rstrip("\n"),
                "````",
                "",
                "</details>",
            ]
    lines.append("")
    return lines


def _memo(memo: Memo, outcome: Outcome) -> list[str]:
    file_line = f"- File: `{outcome.path}`: {outcome.action}"
    if outcome.backup:
        file_line += f" (backup `{outcome.backup}`)"
    if outcome.detail:
        file_line += f" ({outcome.detail})"
    owned = sum(1 for t in memo.tasks if t.owner_slug)
    due = sum(1 for t in memo.tasks if t.due)
    lines = [
        file_line,
        f"- Title: {memo.title}",
        f"- Date: {memo.date.isoformat()}, from the {memo.date_source}",
        f"- Attendees: {_list(memo.attendees)}",
        f"- Companies: {_list(memo.companies)}",
        f"- Tags: {_list(memo.tags)}",
    ]
    if memo.authors:
        lines.append(f"- Authors: {_list(memo.authors)}")
    if memo.tasks:
        lines.append(f"- Action items: {len(memo.tasks)} ({owned} with an owner, {due} with a due date)")
    return lines


def _removed(removed: list[RemovedLine]) -> list[str]:
    if not removed:
        return ["- Removed lines: none"]
    lines = ["- Removed lines:"]
    lines += [f"  - {item.path}:{item.line}: {item.text} ({item.reason})" for item in removed]
    return lines


def _unknown(memo: Memo) -> list[str]:
    lines: list[str] = []
    for person in memo.unknown_people:
        org = person.organisation
        where = f"companies/{slugify(org)}.md" if org else "companies/<organisation>.md"
        lines.append(
            f"- Unknown person: {person.name} ({person.how}"
            + (f", {org}" if org else "")
            + f"): add a contact to `{where}`"
        )
    for name in memo.unknown_organisations:
        lines.append(f"- Unknown organisation: {name}: `kb new company {_quote(name)}`")
    return lines


def _quote(name: str) -> str:
    """Double quotes as users type them, unless the name itself would break them."""
    return shlex.quote(name) if any(c in name for c in '"$`\\') else f'"{name}"'


def _list(items: list[str]) -> str:
    return ", ".join(items) if items else "none"
