"""What one build can hand to the next, so `mkdocs serve` redoes only what an edit changed.

Each stage caches by what its output depends on: reading by the file's size and modification
time; validation by the parsed file (the same object comes back from the read cache when the
file did not change); linking by the memo's text, where its text starts and a fingerprint of
every name it could link to (editing a company's aliases re-links every memo, editing one memo
re-links that memo only).
Indexes and pages are rebuilt every time: they are cheap and depend on everything. The follow-up
calendar is kept while its events and the day are what they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from muistio.load import LoadCache, SourceFile

if TYPE_CHECKING:
    from muistio.crosslink import LinkEntry
    from muistio.records import Company, Memo


@dataclass
class BuildCache:
    files: LoadCache = field(default_factory=LoadCache)
    records: dict[str, tuple[SourceFile, Memo | Company]] = field(default_factory=dict)
    """Path → (the parsed file it was validated from, the validated record)."""
    links: dict[str, LinkEntry] = field(default_factory=dict)
    """Memo path → the link stage's result for it, with what it was made from (`crosslink.LinkEntry`);
    the first build of a process fills it from the previous process's (`link_store`)."""
    calendar: tuple[Any, bytes] | None = None
    """(The day and the events, `exports.calendar.calendar_events`; the calendar made of them):
    formatting it is a tenth of a rebuild at 1,000 memos, and most saves change no follow-up."""
