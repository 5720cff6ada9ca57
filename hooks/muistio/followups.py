"""Follow-ups: the action items written in memos as Markdown task-list items.

The canonical form, which `kb new` writes and the writing guide shows:

    - [ ] @petri-laitinen Tarkastelee PROksia ja koulutuspakettia (due 2012-06-15)
    - [x] @petri-laitinen Lähettää esitteen

`@slug` names the owner (a person); `[x]` marks it done. The due date is optional and may also be
written the Finnish way, `(määräaika 15.6.2012)` or `(määräaika 2012-06-15)`, because memos are
written in Finnish right after a meeting and writers should not have to switch languages.
Keeping the items in the memo text (not in front matter) means the memo reads naturally on a git
forge too, where task lists render as checkboxes.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from muistio.knowledge_base import KnowledgeBase
from muistio.names import did_you_mean
from muistio.problems import Problem, Severity
from muistio.records import Memo

EXAMPLE_ACTION = "Mitä tehdään"
"""The task of the example follow-up `kb new memo` writes (muistio.scaffold). Left as it is, it
would be published as an open follow-up of the first attendee, on the dashboard and in the
calendar, so it is reported: a warning, as a memo just written by `kb new` passes the check."""

_TASK = re.compile(r"^(?P<indent>\s*)[-*+]\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*)$")
_OWNER = re.compile(r"^@(?P<slug>[A-Za-z0-9][A-Za-z0-9-]*)\s*")
_DUE = re.compile(r"\s*\((?P<word>due|määräaika|dl)\s+(?P<date>[^)]*)\)\s*$", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CANDIDATE = re.compile(r"\n[^\S\n]*(?:```|~~~|[-*+][^\S\n]+\[)")
"""A line break and the start of a line `_FENCE` or `_TASK` can match (`\\s` short of a line break).
Anchored on the break, not on `^` with MULTILINE, which the regex engine tries at every position."""


@dataclass(frozen=True)
class ActionItem:
    memo: Memo
    line: int
    """Line in the memo file."""
    done: bool
    owner: str | None
    """Person slug, or None when no `@owner` was written (or it is unknown)."""
    text: str
    """The task without the owner and the due date."""
    due: datetime.date | None

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.done and self.due is not None and self.due < today


def collect(kb: KnowledgeBase) -> tuple[list[ActionItem], list[Problem]]:
    """Every action item of every memo, and the problems in them (unknown owner, bad date)."""
    items: list[ActionItem] = []
    problems: list[Problem] = []
    people = set(kb.people)
    for memo in kb.memos:
        found, found_problems = parse_memo(memo, people)
        items += found
        problems += found_problems
    return items, problems


def parse_memo(memo: Memo, people: set[str]) -> tuple[list[ActionItem], list[Problem]]:
    items: list[ActionItem] = []
    problems: list[Problem] = []
    in_fence = False
    for number, line in _candidate_lines(memo.source.body, memo.source.body_line):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = _TASK.match(line)
        if in_fence or not match:
            continue
        text = match["text"].strip()
        owner = None
        owner_match = _OWNER.match(text)
        if owner_match:
            owner = owner_match["slug"]
            text = text[owner_match.end():]
            if owner not in people:
                problems.append(Problem(memo.path, number, "unknown_owner",
                                        {"slug": owner, "suggestion": did_you_mean(owner, people) or ""}))
                owner = None
        due = None
        due_match = _DUE.search(text)
        if due_match:
            due, problem = _due_date(due_match["date"].strip(), memo.path, number)
            if problem:
                problems.append(problem)
            text = text[: due_match.start()]
        if text.strip() == EXAMPLE_ACTION:
            problems.append(Problem(memo.path, number, "example_action", {"value": EXAMPLE_ACTION},
                                    Severity.WARNING))
        items.append(ActionItem(memo, number, match["mark"] != " ", owner, text.strip(), due))
    return items, problems


def _candidate_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line, text) of each line that may open or close a fence or hold a task item.

    A memo is mostly prose: one search for the few lines that can matter is cheaper than two
    matches on every line. `_CANDIDATE` is both patterns' starts, so no item or fence is missed."""
    padded = "\n" + body  # the first line starts after a break too; padded[i + 1] is body[i]
    line, counted = first_line, 0
    for match in _CANDIDATE.finditer(padded):
        start = match.start()  # in body: where the line starts
        line += body.count("\n", counted, start)
        counted = start
        end = body.find("\n", start)
        yield line, body[start:] if end < 0 else body[start:end]


def _due_date(written: str, path: str, line: int) -> tuple[datetime.date | None, Problem | None]:
    finnish = _FINNISH.match(written)
    try:
        if _ISO.match(written):
            return datetime.date.fromisoformat(written), None
        if finnish:
            day, month, year = (int(part) for part in finnish.groups())
            return datetime.date(year, month, day), None
    except ValueError:
        return None, Problem(path, line, "due_impossible", {"value": written})
    return None, Problem(path, line, "due_unreadable", {"value": written})


def open_items(items: list[ActionItem], today: datetime.date) -> list[ActionItem]:
    """Open items, overdue first (oldest due first), then by due date, then undated by memo date."""
    def order(item: ActionItem) -> tuple[int, int, int, str, int]:
        overdue = 0 if item.is_overdue(today) else 1
        due = item.due.toordinal() if item.due else 10**7
        memo_date = -(item.memo.date.toordinal() if item.memo.date else 0)
        return (overdue, due, memo_date, item.memo.path, item.line)

    return sorted((item for item in items if not item.done), key=order)
