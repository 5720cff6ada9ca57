"""Confluence tasks → the knowledge base's action items (owner and due date decided here).

The decision needs the directory (is the mentioned user a known person?), so it is made on the
HTML before conversion and left on the `<li>` as `data-muistio-owner` / `data-muistio-due` for
`to_markdown` to write out. Words are never dropped: a mention or a date is only taken out of
the sentence when it stands at the very start (owner) or very end (due date) of the task.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import NavigableString

MENTION = "a.confluence-userlink, a.user-mention"


@dataclass(frozen=True)
class TaskInfo:
    """One task as the report describes it."""

    line: int
    done: bool
    owner_name: str | None
    owner_slug: str | None
    due: str | None


def prepare_tasks(body: Tag, person_slug: Callable[[str], str | None]) -> list[TaskInfo]:
    """Mark owners and due dates on every task item; return what was found for the report."""
    found: list[TaskInfo] = []
    for item in body.select("li[data-inline-task-id]"):
        mentions = [m for m in item.select(MENTION) if _owner_li(m) is item]
        times = [t for t in item.find_all("time") if _owner_li(t) is item]
        owner_name = owner_slug = due = None
        if mentions:
            owner_name = mentions[0].get_text(" ", strip=True)
            owner_slug = person_slug(owner_name)
            if owner_slug:
                item["data-muistio-owner"] = owner_slug
                if not _text_before(item, mentions[0]).strip():
                    mentions[0].decompose()
        if times:
            due = _iso(str(times[-1].get("datetime") or ""))
            if due:
                item["data-muistio-due"] = due
                if not _text_after(item, times[-1]).strip():
                    times[-1].decompose()
        found.append(
            TaskInfo(item.sourceline or 0, "checked" in item.get_attribute_list("class"), owner_name, owner_slug, due)
        )
    return found


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
