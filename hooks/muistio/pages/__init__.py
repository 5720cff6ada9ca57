"""Generated pages: every page of the site that comes from the knowledge base.

Each module renders one kind of page from the `KnowledgeBase` to Markdown; nothing here reads
files or knows about MkDocs. The adapter (the MkDocs hook) only hands the pages over.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Where the page sits in the site, as if it were a file in docs/ (e.g. people/x.md)."""
    title: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)
    """Extra page metadata for the theme, e.g. tags for Material's tags plugin."""

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
