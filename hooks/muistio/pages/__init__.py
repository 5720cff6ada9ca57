"""Generated pages: every page of the site that comes from the knowledge base.

Each module renders one kind of page from the `KnowledgeBase` to Markdown; nothing here reads
files or knows about MkDocs. The adapter (the MkDocs hook) only hands the pages over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml


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
        """The page as a Markdown file with front matter, which is what MkDocs reads."""
        meta = {"title": self.title, **self.meta}
        header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None)
        return f"---\n{header}---\n\n{self.markdown}"
