"""A read page + the directory → a memo in the knowledge base's format.

Here the knowledge base's rules are applied in one place for all three inputs: which date wins
(title, then body, then byline), who the attendees and organisations are, tags from labels or
the page tree, and the body as Markdown with action items.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from bs4 import Tag

from muistio.names import slugify

from . import front_matter
from .directory import Directory
from .model import Message, Page
from .people import FoundPerson, known_people_in, mentions, name_with_organisation
from .tasks import TaskInfo, prepare_tasks
from .to_markdown import to_markdown

_FINNISH_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


class NoDate(Exception):
    """No date in the title, the body or the byline: the memo cannot be filed."""

    def __init__(self, title: str, impossible: str = "") -> None:
        super().__init__(title)
        self.impossible = impossible
        """A date written on the page that is not in the calendar ("31.2.2026"), if any: the
        writer is told that, not that the page has no date."""


@dataclass
class Memo:
    """A memo ready to write, plus everything the report says about how it was made.

    `date_source` is where the date was found: "title", "body", "byline" or "created" (the XML
    export's creation date), on `date_line` (0 when unknown); `date_text` is the body's words
    that held it. Kept as data so the report can say it in the site's language.
    """

    page: Page
    title: str
    date: datetime.date
    date_source: str
    attendees: list[str]
    companies: list[str]
    tags: list[str]
    authors: list[str]
    body: str
    people: list[FoundPerson] = field(default_factory=list)
    unknown_organisations: list[str] = field(default_factory=list)
    tasks: list[TaskInfo] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    date_line: int = 0
    date_text: str = ""

    @property
    def source(self) -> str:
        return self.page.source

    @property
    def unknown_people(self) -> list[FoundPerson]:
        seen: set[str] = set()
        unknown = []
        for person in self.people:
            if person.slug is None and person.name not in seen:
                seen.add(person.name)
                unknown.append(person)
        return unknown

    def relative_path(self, suffix: int = 1) -> PurePosixPath:
        """`memos/YYYY/YYYY-MM-DD-<slug>.md`; `suffix` 2, 3 … when the name is taken."""
        slug = slugify(self.title) or "muistio"
        extra = f"-{suffix}" if suffix > 1 else ""
        day = self.date.isoformat()
        return PurePosixPath("memos", f"{self.date.year:04d}", f"{day}-{slug}{extra}.md")

    def file_line(self, body_line: int) -> int:
        """The line in the written file of line `body_line` of the body (the report names it)."""
        return self._front_matter().count("\n") + 1 + body_line

    def text(self) -> str:
        return self._front_matter() + "\n" + self.body

    def _front_matter(self) -> str:
        fields: list[tuple[str, front_matter.Value]] = [
            ("title", self.title),
            ("date", self.date),
            ("attendees", self.attendees),
            ("companies", self.companies),
            ("tags", self.tags),
        ]
        if self.authors:
            fields.append(("authors", self.authors))
        fields.append(("source", self.source))
        return front_matter.render(fields)


def build_memo(page: Page, directory: Directory) -> Memo:
    """Apply the knowledge base's rules to one page; raises `NoDate` when no date is found."""
    body = page.body
    _tidy_text(body)
    date, date_source, date_line, date_text = _choose_date(page)
    plain = page.title + "\n" + body.get_text("\n")
    people = (
        mentions(body, directory)  # before tasks: an owner's mention leaves the task text
        + name_with_organisation(plain, directory)
        + known_people_in(plain, directory)
    )
    tasks = prepare_tasks(body, directory.person_slug)
    authors: list[str] = []
    if page.byline:
        for name in (page.byline.creator, page.byline.modifier):
            if name:
                slug = directory.person_slug(name)
                people.append(FoundPerson(name, slug, "byline", line=page.byline.line))
                if slug and name == page.byline.creator:
                    authors.append(slug)

    companies = list(directory.company_slugs_in(plain))
    unknown_orgs: list[str] = []
    for person in people:
        org = person.organisation
        if not org:
            continue
        slug = directory.company_slug(org) or next(iter(directory.company_slugs_in(org)), None)
        if slug:
            companies.append(slug)
        elif org not in unknown_orgs:
            unknown_orgs.append(org)

    _shift_headings(body)
    markdown, notes, task_lines = to_markdown(body)
    tasks = [replace(task, body_line=task_lines.get(index, 0)) for index, task in enumerate(tasks)]
    tags = list(page.labels) or [slugify(parent) for parent in page.parents if slugify(parent)]
    attendees = [p.slug for p in people if p.slug and p.how != "byline"]
    return Memo(
        page=page,
        title=page.title,
        date=date,
        date_source=date_source,
        attendees=_unique(attendees),
        companies=_unique(companies),
        tags=_unique(tags),
        authors=_unique(authors),
        body=markdown,
        people=people,
        unknown_organisations=unknown_orgs,
        tasks=tasks,
        notes=page.notes + notes,
        date_line=date_line,
        date_text=date_text,
    )


def _choose_date(page: Page) -> tuple[datetime.date, str, int, str]:
    """Title, then body (the memo's own "Muistio 16.5.2012"), then the byline's date.

    Returns the date, where it was found (a `Memo.date_source` key), the line and the words."""
    in_title = _first_date(page.title)
    if in_title:
        return in_title, "title", page.title_line, ""
    for string in page.body.find_all(string=True):
        if string.find_parent("time"):
            continue  # a <time> in the body is a due date, not the meeting's date
        found = _first_date(str(string), iso=False)
        if found:
            line = string.parent.sourceline if string.parent is not None else None
            return found, "body", line or 0, " ".join(str(string).split())
    if page.byline and page.byline.date:
        return page.byline.date, "byline", page.byline.line, ""
    if page.fallback_date:
        return page.fallback_date, page.fallback_date_source, page.fallback_date_line, ""
    texts = [page.title, *(str(string) for string in page.body.find_all(string=True))]
    raise NoDate(page.title, next((found for text in texts if (found := _impossible_date(text))), ""))


def _first_date(text: str, iso: bool = True) -> datetime.date | None:
    patterns = [(_FINNISH_DATE, (3, 2, 1))] + ([(_ISO_DATE, (1, 2, 3))] if iso else [])
    for pattern, (y, m, d) in patterns:
        for match in pattern.finditer(text):
            try:
                return datetime.date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                continue
    return None


def _impossible_date(text: str) -> str:
    """The first date in `text` written like one that is not in the calendar: "31.2.2026"."""
    for pattern, (y, m, d) in ((_FINNISH_DATE, (3, 2, 1)), (_ISO_DATE, (1, 2, 3))):
        for match in pattern.finditer(text):
            try:
                datetime.date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return match.group()
    return ""


def _tidy_text(body: Tag) -> None:
    """No-break and zero-width spaces become plain spaces / nothing: they are invisible, and
    "Sanoma&nbsp;WSOY" would not match the name "Sanoma WSOY"."""
    for string in body.find_all(string=True):
        text = str(string)
        tidy = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
        if tidy != text:
            string.replace_with(tidy)


def _shift_headings(body: Tag) -> None:
    """The memo's title is the page's only level-1 heading, so body headings move down one."""
    if not body.find("h1"):
        return
    for level in range(5, 0, -1):
        for heading in body.find_all(f"h{level}"):
            heading.name = f"h{level + 1}"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
