"""Finnish-aware linking of entity names in memos (pure Python; no MkDocs imports).

``Matcher`` finds inflected names (Laitisen, Metropoliassa, TKK:n) in plain text;
``link_markdown`` applies it to a memo's Markdown, inserting a link at the first mention of each
entity and returning every mention with its sentence for "mentioned in" lists.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .matcher import Match, Matcher, Term
from .stems import stems

if TYPE_CHECKING:
    from .markdown import LinkedMarkdown, Mention, UnknownWikilink, link_markdown

_LAZY = frozenset({"LinkedMarkdown", "Mention", "UnknownWikilink", "link_markdown"})
"""Loaded from `markdown` on first use: `kb check` links only the memos that have a wikilink, and
markdown-it (which `markdown` needs) is a tenth of its start-up."""


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.markdown"), name)


__all__ = [
    "LinkedMarkdown",
    "Match",
    "Matcher",
    "Mention",
    "Term",
    "UnknownWikilink",
    "link_markdown",
    "stems",
]
