"""The typed records the pipeline works on once files are read and validated.

A record keeps its `SourceFile`, so anything found later (an unknown reference, a duplicate
alias, a name in the text) can still be reported at the right `file:line`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from muistio.load import SourceFile
from muistio.schema import CompanyMeta, MemoMeta


class _FromFile:
    """A record that is one file: its page sits where the file sits, its slug is the file's stem."""

    source: SourceFile

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def slug(self) -> str:
        return self.source.stem

    @property
    def src_uri(self) -> str:
        """The page's place: the file's own, so that the page of a file that could not be read
        shows its problems where the file would be. An entry that is no Markdown file by name (a
        linked year folder, `memos/2027`) gets `.md`, or MkDocs would copy the page's Markdown
        into the site as a file of that name instead of making it a page."""
        path = self.source.path
        return path if path.endswith(".md") else f"{path}.md"


@dataclass
class Memo(_FromFile):
    source: SourceFile
    meta: MemoMeta
    """Validated front matter; fields that failed validation hold their defaults."""
    date: datetime.date | None
    """None only when neither the front matter nor the file name gives a real date."""
    valid: bool
    """False when the front matter had errors: the page lists them and its valid parts still count,
    but mentions in its text are not added to the backlinks."""

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass
class Person:
    slug: str
    name: str
    company: str
    """Slug of the organisation whose contact this person is."""
    role: str | None
    aliases: list[str]
    email: str | None
    phone: str | None
    path: str
    line: int
    common_word: bool = False
    """A name or alias is also an ordinary word ("Aino", "ainoa"): not linked at a sentence start."""

    @property
    def src_uri(self) -> str:
        return f"people/{self.slug}.md"


@dataclass
class Offering:
    slug: str
    name: str
    company: str
    aliases: list[str]
    description: str | None
    common_word: bool
    path: str
    line: int

    @property
    def src_uri(self) -> str:
        return f"offerings/{self.slug}.md"


@dataclass
class Company(_FromFile):
    source: SourceFile
    meta: CompanyMeta
    valid: bool
    people: list[Person] = field(default_factory=list)
    offerings: list[Offering] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.meta.name
