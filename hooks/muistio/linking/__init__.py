"""Finnish-aware linking of entity names in memos (pure Python; no MkDocs imports).

``Matcher`` finds inflected names (Laitisen, Metropoliassa, TKK:n) in plain text;
``link_markdown`` applies it to a memo's Markdown, inserting a link at the first mention of each
entity and returning every mention with its sentence for "mentioned in" lists.
"""

from .markdown import LinkedMarkdown, Mention, UnknownWikilink, link_markdown
from .matcher import Match, Matcher, Term
from .stems import stems

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
