"""What every reader hands on: one Confluence page, chrome already separated from content.

Readers differ (text copy, HTML export, XML export); everything after them (dates, people,
Markdown, writing, the report) is shared, so the three inputs cannot drift apart.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bs4 is loaded by the readers that make pages, not by every `kb` command
    from bs4 import Tag


@dataclass(frozen=True)
class RemovedLine:
    """A piece of the input the cleaner dropped; listed in the report so nothing goes silently."""

    path: str
    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Byline:
    """ "Created by X, last modified by Y on DATE": authors and the last-modified date."""

    creator: str | None
    modifier: str | None
    date: datetime.date | None
    line: int = 0


@dataclass
class Page:
    """One page as read, before the knowledge base's rules are applied.

    `body` is HTML shaped like Confluence's HTML export (tasks as `li[data-inline-task-id]`,
    mentions as `a.user-mention`, `<time datetime>`), whatever the input was; tags keep their
    `sourceline` so a date or a task can be traced back to its line.
    """

    path: str
    source: str
    title: str
    title_line: int
    body: Tag
    byline: Byline | None = None
    labels: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fallback_date: datetime.date | None = None
    fallback_date_source: str = ""
    skip_reason: str = ""  # set when the page is read but is not a memo (e.g. the home page)
