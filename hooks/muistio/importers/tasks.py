"""Confluence tasks → the knowledge base's action items (owner and due date decided here).

The decision needs the directory (is the mentioned user a known person?), so it is made on the
HTML before conversion and left on the `<li>` as `data-muistio-owner` / `data-muistio-due` for
`to_markdown` to write out. Words are never dropped: a mention or a date is only taken out of
the sentence when it stands at the very start (owner) or very end (due date) of the task.

A task whose own words are only mentions and dates ("@Petri Laitinen 16.5.2012") says nothing
to do, and `kb check` refuses a follow-up without words (`followups.empty_action`), so it is not
made one: it becomes a line of text that keeps the names and dates (`UNDESCRIBED`), and the
report points at that line so the person who imports can write what was to be done.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

MENTION = "a.confluence-userlink, a.user-mention"
UNDESCRIBED = "Tehtävä ilman kuvausta"
"""How a task without words to do starts in the memo. Finnish, like the rest of what the
knowledge base writes into memos (`kb new memo`'s headings): memos are read in Finnish."""
UNDESCRIBED_DONE = "Tehtävä ilman kuvausta (tehty)"
"""The same for a task ticked done on the page: the tick is the writer's too."""
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class TaskInfo:
    """One task as the report describes it."""

    line: int
    done: bool
    owner_name: str | None
    owner_slug: str | None
    due: str | None
    described: bool = True
    """False when the task had no words besides mentions and dates, and is written as text."""
    body_line: int = 0
    """Line in the memo's body of a task written as text (`Memo.file_line` makes it the file's)."""


def prepare_tasks(body: Tag, person_slug: Callable[[str], str | None]) -> list[TaskInfo]:
    """Mark owners and due dates on every task item; return what was found for the report."""
    found: list[TaskInfo] = []
    for item in body.select("li[data-inline-task-id]"):
        mentions = [m for m in item.select(MENTION) if _owner_li(m) is item]
        times = [t for t in item.find_all("time") if _owner_li(t) is item]
        done = "checked" in item.get_attribute_list("class")
        owner_name = owner_slug = due = None
        if mentions:
            owner_name = mentions[0].get_text(" ", strip=True)
            owner_slug = person_slug(owner_name)
        if times:
            due = _iso(str(times[-1].get("datetime") or ""))
        line = item.sourceline or 0
        if not _has_words(item, mentions + times):
            _write_as_text(item, len(found), mentions, times, due, done)
            found.append(TaskInfo(line, done, owner_name, owner_slug, due, described=False))
            continue
        if owner_slug:
            item["data-muistio-owner"] = owner_slug
            if not _text_before(item, mentions[0]).strip():
                mentions[0].decompose()
        if due:
            item["data-muistio-due"] = due
            if not _text_after(item, times[-1]).strip():
                times[-1].decompose()
        found.append(TaskInfo(line, done, owner_name, owner_slug, due))
    return found


def _has_words(item: Tag, mentions_and_times: list[Tag]) -> bool:
    """Whether the task's own text, without its mentions and dates, has a letter or a digit: the
    spaces, a comma or a dash between a name and a date describe nothing to do."""
    skipped = {id(tag) for tag in mentions_and_times}
    return any(
        _WORD.search(string)
        for string in _own_strings(item)
        if not any(id(parent) in skipped for parent in string.parents)
    )


def _write_as_text(item: Tag, index: int, mentions: list[Tag], times: list[Tag], due: str | None, done: bool) -> None:
    """Leave on the `<li>` the line `to_markdown` writes instead of a task box: who and when,
    in the order a reader expects, the dates the Finnish way ("Petri Laitinen, määräaika
    16.5.2012"). The task's own text is taken out (it is only names, dates and spaces); a
    nested list stays under it."""
    parts = [mention.get_text(" ", strip=True) for mention in mentions]
    for time in times:
        iso = _iso(str(time.get("datetime") or ""))
        shown = _finnish(iso) if iso else time.get_text(" ", strip=True)
        parts.append(f"määräaika {shown}" if time is times[-1] and due else shown)
    label = UNDESCRIBED_DONE if done else UNDESCRIBED
    item["data-muistio-undescribed"] = str(index)
    item["data-muistio-text"] = f"{label}: {', '.join(p for p in parts if p)}" if any(parts) else label
    for string in list(_own_strings(item)):
        string.extract()
    for tag in mentions + times:
        tag.decompose()


def _own_strings(item: Tag) -> list[NavigableString]:
    """The task's own text: a nested sub-task speaks for itself, and an HTML comment is not shown."""
    return [
        s for s in item.find_all(string=True)
        if _owner_li_of_string(s) is item and not isinstance(s, PreformattedString)
    ]


def _finnish(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day}.{month}.{year}"


def _iso(value: str) -> str | None:
    match = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    return match.group(0) if match else None


def _owner_li(tag: Tag) -> Tag | None:
    parent = tag.find_parent("li")
    return parent if isinstance(parent, Tag) else None


def _owner_li_of_string(string: NavigableString) -> Tag | None:
    parent = string.find_parent("li")
    return parent if isinstance(parent, Tag) else None


def _text_before(item: Tag, tag: Tag) -> str:
    """The task's own text before `tag` (nested sub-tasks excluded)."""
    strings = [s for s in tag.find_all_previous(string=True) if _owner_li_of_string(s) is item]
    return "".join(reversed(strings))


def _text_after(item: Tag, tag: Tag) -> str:
    """The task's own text after `tag` (nested sub-tasks excluded)."""
    return "".join(
        s
        for s in tag.find_all_next(string=True)
        if _owner_li_of_string(s) is item and not any(p is tag for p in s.parents)
    )
