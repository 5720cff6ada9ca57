"""Follow-ups: the action items written in memos as Markdown task-list items.

The canonical form, which `kb new` writes and the writing guide shows:

    - [ ] @petri-laitinen Tarkastelee PROksia ja koulutuspakettia (due 2012-06-15)
    - [x] @petri-laitinen Lähettää esitteen

`@slug` names the owner (a person); `[x]` marks it done. The due date is optional and may also be
written the Finnish way, `(määräaika 15.6.2012)` or `(määräaika 2012-06-15)`, because memos are
written in Finnish right after a meeting and writers should not have to switch languages.
Keeping the items in the memo text (not in front matter) means the memo reads naturally on a git
forge too, where task lists render as checkboxes.

A writer who gets the form almost right believes they wrote a follow-up, and nothing on the page
says otherwise, so near misses are reported with the line as it should be written: a box without
its spaces (`- []`, `- [ ]@petri-laitinen`, which Markdown shows as text, not as a checkbox), and a
due date the item does not read (`due 2012-06-15` without parentheses, `(due: ...)`,
`15.6.2012 mennessä`, `viimeistään 15.6.2012`, a `(due ...)` in the middle of the line). These are
warnings: they are guesses about text that is shown as written. An item that is certainly one and
is wrong (nothing to do, an `@` naming no one, two due dates) is an error, like an unknown owner.
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

_TASK = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,9}\.)\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*)$")
"""A task item, bulleted or numbered (`1. [ ] ...`: the site shows both as checkboxes; `1)` is no
list to Python-Markdown, so `_NEAR_TASK` says how to write it)."""
_NEAR_TASK = re.compile(r"^\s*(?P<marker>[-*+]|\d{1,9}[.)])\s*\[\s*(?P<mark>[xX]?)\s*\](?P<next>\S*)")
"""A task box as a writer may mistype it: `- []`, `-[ ]`, `- [ ]@petri-laitinen`, `- [  ]`.
Only whitespace or one x between the brackets, so a link (`- [Nokia](...)`) is no near miss."""
_OWNER = re.compile(r"^@(?P<slug>[A-Za-z0-9][A-Za-z0-9-]*)\s*")
DUE = re.compile(r"\s*\((?P<word>due|määräaika|dl)\s+(?P<date>[^)]*)\)\s*$", re.IGNORECASE)
"""The due date that ends an item's line, with the spaces around it (the memo page shows it
again in Finnish, `pages.memo`)."""
_ANY_DUE = re.compile(r"\s*\((?P<word>due|määräaika|dl)\s+(?P<date>[^)]*)\)", re.IGNORECASE)
"""`DUE` anywhere in the text: a second one, or one the writer put mid-line, is not read."""
_DATE_LIKE = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.(?:\d{4})?"
_NEAR_DUE = re.compile(
    rf"(?:^|\s)(?P<written>\(?\s*(?:(?P<word>due|määräaika|dl|mennessä|viimeistään)\s*:?\s*(?P<date>{_DATE_LIKE})"
    rf"|(?P<date_first>{_DATE_LIKE})\s+mennessä)\s*\)?)\s*$",
    re.IGNORECASE)
"""A due date at the end of the line in a form `DUE` does not read: without parentheses, with a
colon, or in the Finnish words for "by" (`15.6.2012 mennessä`, `viimeistään 15.6.2012`). It needs
a date-shaped value, so prose that merely ends in one of the words is not taken for one."""
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CANDIDATE = re.compile(r"\n[^\S\n]*(?:```|~~~|(?:[-*+]|\d{1,9}[.)])[^\S\n]*\[)")
"""A line break and the start of a line `_FENCE`, `_TASK` or `_NEAR_TASK` can match (`\\s` short of a line break).
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
    owner_hidden: bool = False
    """The owner is a person the public site leaves out (a contact of an internal organisation):
    `owner` is then None, and the memo page shows the item without the `@slug`, which is the
    person's name."""

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.done and self.due is not None and self.due < today


def collect(kb: KnowledgeBase, hidden_people: frozenset[str] = frozenset()) -> tuple[list[ActionItem], list[Problem]]:
    """Every action item of every memo, and the problems in them (unknown owner, bad date).

    `hidden_people` are people who exist but are left out of this view (the public site's
    internal contacts): an item they own is kept without its owner, and is no problem."""
    items: list[ActionItem] = []
    problems: list[Problem] = []
    people = set(kb.people)
    for memo in kb.memos:
        found, found_problems = parse_memo(memo, people, hidden_people)
        items += found
        problems += found_problems
    return items, problems


def parse_memo(memo: Memo, people: set[str],
               hidden_people: frozenset[str] = frozenset()) -> tuple[list[ActionItem], list[Problem]]:
    items: list[ActionItem] = []
    problems: list[Problem] = []
    in_fence = False
    for number, line in _candidate_lines(memo.source.body, memo.source.body_line):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = _TASK.match(line)
        if not match:
            problem = _near_task(line, memo.path, number)
            if problem:
                problems.append(problem)
            continue
        item, item_problems = _item(memo, number, match, people, hidden_people)
        problems += item_problems
        if item:
            items.append(item)
    return items, problems


def _item(memo: Memo, number: int, match: re.Match[str], people: set[str],
          hidden_people: frozenset[str]) -> tuple[ActionItem | None, list[Problem]]:
    """The item on a task line, and its problems; no item when it says nothing to do, for an
    event or a table row of an owner and a date alone tells no one anything."""
    problems: list[Problem] = []
    text = match["text"].strip()
    owner = None
    hidden = False
    owner_match = _OWNER.match(text)
    if owner_match:
        owner = owner_match["slug"]
        text = text[owner_match.end():]
        if owner in hidden_people:
            owner, hidden = None, True
        elif owner not in people:
            problems.append(Problem(memo.path, number, "unknown_owner",
                                    {"slug": owner, "suggestion": did_you_mean(owner, people) or ""}))
            owner = None
    elif text.startswith("@"):
        problems.append(Problem(memo.path, number, "owner_missing", {"written": text.split()[0]}))
        text = text[1:].lstrip()
    due = None
    dues = list(_ANY_DUE.finditer(text))
    due_match = DUE.search(text)
    if len(dues) > 1:
        problems.append(Problem(memo.path, number, "due_twice",
                                {"written": ", ".join(d[0].strip() for d in dues)}))
    elif dues and not due_match:
        problems.append(Problem(memo.path, number, "due_not_at_end", {"written": dues[0][0].strip()},
                                Severity.WARNING))
    if due_match:
        due, problem = _due_date(due_match["date"].strip(), memo.path, number)
        if problem:
            problems.append(problem)
        text = text[: due_match.start()]
        if len(dues) > 1:
            text = _ANY_DUE.sub("", text)
    elif not dues:
        near = _NEAR_DUE.search(text)
        if near:
            problems.append(Problem(memo.path, number, "due_not_read",
                                    {"written": near["written"].strip(), "suggestion": _due_rewritten(near)},
                                    Severity.WARNING))
    text = text.strip()
    if not text:
        problems.append(Problem(memo.path, number, "empty_action"))
        return None, problems
    if text == EXAMPLE_ACTION:
        problems.append(Problem(memo.path, number, "example_action", {"value": EXAMPLE_ACTION},
                                Severity.WARNING))
    return ActionItem(memo, number, match["mark"] != " ", owner, text, due, hidden), problems


def _near_task(line: str, path: str, number: int) -> Problem | None:
    """A line written as a task box that Markdown does not read as one, with the box as it should be.
    A well-formed box with nothing after it is an item that says nothing to do."""
    near = _NEAR_TASK.match(line)
    if not near:
        return None
    written = near[0].lstrip()
    marker = near["marker"].replace(")", ".")  # "1)" is no list marker to the site's Markdown
    fixed = f"{marker} [{near['mark'] or ' '}] {near['next']}".rstrip()
    if written == fixed and not line[near.end():].strip():
        return Problem(path, number, "empty_action")
    return Problem(path, number, "task_malformed", {"written": written, "fixed": fixed}, Severity.WARNING)


def _due_rewritten(near: re.Match[str]) -> str:
    """`(due D)` or `(määräaika D)` for a due date written another way; "" when the date has no
    year, which the reader could only guess."""
    date = near["date"] or near["date_first"]
    if not (_ISO.match(date) or _FINNISH.match(date)):
        return ""
    word = "due" if (near["word"] or "").lower() == "due" else "määräaika"
    return f"({word} {date})"


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
