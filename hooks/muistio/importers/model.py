"""What every reader hands on: one Confluence page, chrome already separated from content.

Readers differ (text copy, HTML export, XML export); everything after them (dates, people,
Markdown, writing, the report) is shared, so the three inputs cannot drift apart.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from muistio.messages import render_message

if TYPE_CHECKING:  # bs4 is loaded by the readers that make pages, not by every `kb` command
    from bs4 import Tag


@dataclass(frozen=True)
class Message:
    """A sentence for the report (a note, a detail), kept as a catalogue code and its values.

    Where a reader or the writer decides what to say, it does not know the site's language;
    the report does, so the wording waits until then (`muistio.messages.importer`).
    """

    code: str
    params: dict[str, object] = field(default_factory=dict, hash=False)

    def render(self, lang: str = "en") -> str:
        return render_message(self.code, self.params, lang)


@dataclass(frozen=True)
class RemovedLine:
    """A piece of the input the cleaner dropped; listed in the report so nothing goes silently.

    `reason` is a key ("macro error", "labels"): the chrome profile's own (a site's JSON profile
    may add its own keys, shown as they are) or one the readers set; the report words it.
    """

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
    notes: list[Message] = field(default_factory=list)
    fallback_date: datetime.date | None = None
    fallback_date_source: str = ""  # a `Memo.date_source` key: "created"
    fallback_date_line: int = 0
    skip_reason: str = ""  # a catalogue code, set when the page is read but is not a memo (the home page)
