"""Small helpers for writing generated pages safely, in Markdown and in HTML.

Every string that comes from a user's file (a company name, a role, a title) goes through
`text()` or `cell()` (Markdown) or `escaped()` (HTML) before it lands in a generated page, so
`<script>` or `Ö & Co "Quote"` renders as the characters written, and a `|` cannot break a table.

Long lists and tables are written as HTML (see `GeneratedPage.islands`); their links are final
URLs, computed here the way MkDocs computes them (`page_url`, `href`).
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from urllib.parse import quote

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


def escaped(value: object) -> str:
    """User text as literal HTML, on one line, as `text()` renders once Markdown has read it.

    Called some 45,000 times in a 1,000-memo build, mostly on names and titles with nothing to
    escape: those are returned as they are, which takes a third of the time `html.escape` does."""
    text = str(value)
    if "&" in text or "<" in text or ">" in text:
        text = html.escape(text, quote=False)
    return text.replace("\n", " ") if "\n" in text else text


def html_link(label: str, from_uri: str, to_uri: str, directory_urls: bool) -> str:
    """An `<a>` between two pages of the site, by their source paths: what `link()` renders to."""
    return f'<a href="{href(from_uri, to_uri, directory_urls)}">{escaped(label)}</a>'


LISTING_WEIGHT = 0.25
LISTING = f'data-pagefind-weight="{LISTING_WEIGHT}"'
"""Marks a generated listing of other pages' facts (a table of follow-ups, the memos that name
an organisation with their sentences, who was at its meetings): search still finds its words,
but they count for less than the same words in the memo they come from or on the page they
are about."""


ATTENDED_WEIGHT = 2.0
ATTENDED = f'data-pagefind-weight="{ATTENDED_WEIGHT}"'
"""Marks a memo's attendees: searching a person's name lists the meetings they were at before
the memos that only name them in passing, as a reader looking for "meetings with Petri" expects."""


def html_list(items: Iterable[str], listing: bool = False) -> str:
    """A bullet list of HTML items, as Python-Markdown writes one; a `listing` weighs less in
    search (see `LISTING`)."""
    start = f"<ul {LISTING}>" if listing else "<ul>"
    return start + "\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>"


Cell = str | tuple[str, str]
"""A table cell's HTML, or its HTML and the key a reader's sort orders it by (`html_table`)."""

SORTABLE = "data-kb-sortable"
"""The attribute of a table a reader can sort by clicking a column's heading
(docs/assets/sortable-tables.js reads it, and the cells' `data-sort` keys). Not a class: Material
styles only tables without one (`table:not([class])`)."""


def html_table(columns: Sequence[str], rows: Iterable[Sequence[Cell]], right: Sequence[int] = (),
               sortable: bool = False, listing: bool = False) -> str:
    """A table of HTML cells, as Python-Markdown writes one (a line per cell: Pagefind reads
    `<th>A</th><th>B</th>` as the one word "AB"); columns numbered in `right` are right-aligned
    (counts). A `sortable` table is marked for the sorting script; a cell given with a key
    carries it as `data-sort`, for values whose text does not sort (16.5.2012, a status)."""
    align = [' style="text-align: right;"' if index in right else "" for index in range(len(columns))]
    head = "".join(f"<th{align[i]}>{column}</th>\n" for i, column in enumerate(columns))
    body = "".join("<tr>\n" + "".join(_td(align[i], value) for i, value in enumerate(row)) + "</tr>\n"
                   for row in rows)
    marks = [SORTABLE] if sortable else []
    marks += [LISTING] if listing else []
    table = f"<table {' '.join(marks)}>" if marks else "<table>"
    return f"{table}\n<thead>\n<tr>\n{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>"


def _td(align: str, value: Cell) -> str:
    if isinstance(value, tuple):
        shown, key = value
        return f'<td{align} data-sort="{html.escape(key)}">{shown}</td>\n'
    return f"<td{align}>{value}</td>\n"


@lru_cache(maxsize=65536)
def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page, relative to the site root (`File.url`): `people/x.md` is
    `people/x/`, `index.md` is `./`, or `people/x.html` without directory URLs.

    Cached, as `href` is: a build links its pages to each other some twenty times a memo."""
    stem = src_uri.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        url = f"{folder}/index.html" if folder else "index.html"
        if directory_urls:
            url = f"{folder or '.'}/"
    elif directory_urls:
        url = f"{stem}/"
    else:
        url = f"{stem}.html"
    return quote(url)


def href(from_uri: str, to_uri: str, directory_urls: bool) -> str:
    """The link MkDocs writes on page `from_uri` for a Markdown link to `to_uri`
    (`get_relative_url(target.url, page.url)`); a test holds the two equal."""
    source = _folder(from_uri, directory_urls)
    parts, slash = _target(to_uri, directory_urls)
    common = 0
    while common < min(len(source), len(parts)) and source[common] == parts[common]:
        common += 1
    url = "/".join([".."] * (len(source) - common) + list(parts[common:])) or "."
    return url + "/" if slash else url


@lru_cache(maxsize=65536)
def _folder(src_uri: str, directory_urls: bool) -> tuple[str, ...]:
    """The folders of a page's URL, which its relative links start from."""
    here = page_url(src_uri, directory_urls)
    folder = here.rpartition("/")[0] if "." in here.rpartition("/")[2] else here
    return tuple(part for part in folder.split("/") if part not in ("", "."))


@lru_cache(maxsize=65536)
def _target(src_uri: str, directory_urls: bool) -> tuple[tuple[str, ...], bool]:
    """A page's URL as the parts a link names, and whether the link ends in a slash."""
    url = page_url(src_uri, directory_urls)
    return tuple(part for part in url.split("/") if part not in ("", ".")), url.endswith("/")


def finnish_date(date: datetime.date | None) -> str:
    """16.5.2012: how Finnish readers write dates (ISO stays in the files)."""
    return f"{date.day}.{date.month}.{date.year}" if date else "ei päivämäärää"


def plural(count: int, one: str, many: str) -> str:
    return f"{number(count)} {one if count == 1 else many}"


def number(count: int) -> str:
    """A count as Finnish writes it: 1 000, with a space that does not break the line."""
    return f"{count:,}".replace(",", "\u00a0")
