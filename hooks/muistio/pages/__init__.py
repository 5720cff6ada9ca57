"""Generated pages: every page of the site that comes from the knowledge base.

Each module renders one kind of page from the `KnowledgeBase` to Markdown; nothing here reads
files or knows about MkDocs. The adapter (the MkDocs hook) only hands the pages over.

A page's long lists and tables (a company's memos, the timeline, the follow-up tables) are HTML
"islands" instead: the Markdown holds a mark where each goes, and the adapter puts the HTML in
after MkDocs has converted the Markdown. Python-Markdown took longer over these generated lists
than over all the memos themselves (at 5,000 memos, over 20 s of the 33–36 s it took to convert
every page), for HTML that a few f-strings write directly.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from muistio.pages.markup import LISTING

if TYPE_CHECKING:
    from muistio.crosslink import Linked
    from muistio.followups import ActionItem
    from muistio.knowledge_base import KnowledgeBase
    from muistio.settings import Settings


@dataclass
class Context:
    """Everything the page renderers read: the model, the link stage's output, the follow-ups."""

    kb: KnowledgeBase
    linked: Linked
    items: list[ActionItem]
    settings: Settings
    items_by_memo: dict[str, list[ActionItem]] = field(default_factory=dict)
    items_by_owner: dict[str, list[ActionItem]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for item in self.items:
            self.items_by_memo.setdefault(item.memo.path, []).append(item)
            if item.owner:
                self.items_by_owner.setdefault(item.owner, []).append(item)


ISLAND = "<!-- muistio:island {} -->"
"""Where an island's HTML goes. An HTML comment passes through Python-Markdown as it is, on a
line of its own, and shows nothing if it is ever left in."""
_ISLAND_MARK = re.compile(r"<!-- muistio:island (\d+) -->")


def island(islands: list[str], fragment: str) -> list[str]:
    """Add `fragment` to a page's islands; returns the Markdown lines that mark its place.

    Marks must stand at the top level of the page, not indented into an admonition or a list,
    where Markdown would show them as text."""
    islands.append(fragment)
    return [ISLAND.format(len(islands) - 1), ""]


NAMES = "kb_names"
DATE = "kb_date"
"""A memo page's date (16.5.2012) in its metadata, for the theme to give the search (overrides/main.html)."""
"""Page metadata of the page of a name (an organisation, a person, an offering): the names it is
found by, its title first. Search lists such a page first when what is typed is one of its names
(overrides/main.html marks the page for Pagefind, and the search worker asks for it)."""


def named(*names: str) -> dict[str, Any]:
    """The metadata of the page of these names (see `NAMES`)."""
    return {NAMES: list(dict.fromkeys(names))}


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Where the page sits in the site, as if it were a file in docs/ (e.g. people/x.md)."""
    title: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)
    """Extra page metadata for the theme, e.g. tags for Material's tags plugin."""
    islands: tuple[str, ...] = ()
    """HTML for the `ISLAND` marks in `markdown`, by number (see the module's docstring)."""
    source: str | None = None
    """The file in the repository the page is made from, relative to its root (a memo's own file;
    for a person or an offering, their organisation's file): where a reader who spots a mistake
    goes to correct it (the theme's edit button). None for pages made from many files."""
    listing: bool = False
    """A page that only lists what other pages say (the follow-ups, the home page, the timeline,
    the directories): below its title, its words weigh less in search than on the pages it lists
    (`markup.LISTING`), so that "Laitinen" finds his memos before the follow-ups page, whose
    heading of his name outranked them."""

    def fill(self, converted: str) -> str:
        """The page's HTML (its Markdown as converted) with each island mark replaced by its HTML,
        and a listing page's wrapped in the mark that weighs it less (the theme writes the title
        above it, outside)."""
        filled = self._islands_in(converted)
        return f"<div {LISTING}>\n{filled}\n</div>" if self.listing else filled

    def _islands_in(self, text: str) -> str:
        if not self.islands:
            return text
        return _ISLAND_MARK.sub(lambda mark: self._island(int(mark[1]), mark[0]), text)

    @property
    def standalone_markdown(self) -> str:
        """The page as one Markdown text, islands written in as raw HTML blocks: the same page
        for a tool that has no adapter to fill the islands (the benchmark's hook-free build)."""
        return self._islands_in(self.markdown)

    def _island(self, number: int, mark: str) -> str:
        return self.islands[number] if number < len(self.islands) else mark

    @property
    def content(self) -> str:
        """The page as a Markdown file with front matter, which is what MkDocs reads.

        The title is HTML-escaped here because MkDocs' and Material's templates print
        `page.title` unescaped into `<title>`, the header and the nav: a company called
        `<script>…</script>` would otherwise run as a script. Material prints tag names
        unescaped too.
        """
        meta = {"title": html.escape(self.title), **self.meta}
        if "tags" in meta:
            meta["tags"] = [html.escape(str(tag)) for tag in meta["tags"]]
        header = json.dumps(meta, ensure_ascii=False)  # JSON is YAML, and far faster to write
        return f"---\n{header}\n---\n\n{self.markdown}"
