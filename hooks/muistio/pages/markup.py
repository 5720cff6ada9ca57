"""Small helpers for writing generated Markdown safely.

Every string that comes from a user's file (a company name, a role, a title) goes through
`text()` or `cell()` before it lands in a generated page, so `<script>` or `Ö & Co "Quote"`
renders as the characters written, and a `|` cannot break a table.
"""

from __future__ import annotations

import datetime
import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def text(value: object) -> str:
    """User text as literal Markdown: HTML escaped, Markdown punctuation backslash-escaped."""
    escaped = html.escape(str(value), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped).replace("\n", " ")


def cell(value: object) -> str:
    """User text for a table cell (pipes escaped by `text`, empty cells shown as a dash)."""
    shown = text(value) if value not in (None, "") else "–"
    return shown


def link(label: str, from_uri: str, to_uri: str) -> str:
    """A relative Markdown link between two pages of the site, by their source paths.

    Relative `.md` links are what MkDocs checks and rewrites, so a link to a page that does not
    exist is reported by the build instead of becoming a dead link.
    """
    return f"[{text(label)}]({relative(from_uri, to_uri)})"


def relative(from_uri: str, to_uri: str) -> str:
    """`relpath` on site paths without touching the file system (posixpath's reads the cwd).

    Pages link to each other thousands of times per build, so this is on the hot path.
    """
    source = from_uri.split("/")[:-1]
    target = to_uri.split("/")
    common = 0
    while common < min(len(source), len(target) - 1) and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


def finnish_date(date: datetime.date | None) -> str:
    """16.5.2012: how Finnish readers write dates (ISO stays in the files)."""
    return f"{date.day}.{date.month}.{date.year}" if date else "ei päivämäärää"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
