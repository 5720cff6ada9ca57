"""Reader for Confluence's HTML space export (a folder, or the zip unpacked by `inputs.py`).

One `Title_ID.html` (or `ID.html` for non-ASCII titles) per page, `index.html` with the page
tree. The title comes from the page's own `#title-text`, never from the file name, because the
file name has lost the Finnish letters; the page ID from the file name is the stable `source`.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from .chrome import ChromeProfile
from .cleaning import panels_as_quotes, remove_chrome
from .errors import InputError, Problem
from .model import Message, Page
from .reading import read_text

_PAGE_ID = re.compile(r"(?:^|_)(\d+)\.html$")


def find_export_root(folder: Path) -> Path | None:
    """The folder holding `index.html`: the given one or a single level below (zip layout)."""
    if (folder / "index.html").is_file():
        return folder
    below = sorted(p.parent for p in folder.glob("*/index.html"))
    return below[0] if len(below) == 1 else None


def read_html_export(root: Path, shown_root: str, chrome: ChromeProfile) -> tuple[list[Page], list[Problem]]:
    """Every page of the export; a broken page becomes a problem, the others still import."""
    space, tree, home = _read_index(root, shown_root)
    pages: list[Page] = []
    problems: list[Problem] = []
    for path in sorted(root.glob("*.html")):
        if path.name == "index.html":
            continue
        shown = f"{shown_root}/{path.name}"
        try:
            page = read_html_page(path, shown, chrome, space, tree.get(path.name, []))
        except InputError as error:
            problems.append(error.problem)
            continue
        if path.name == home:
            page.skip_reason = "import_skip_home_page"
        pages.append(page)
    return pages, problems


def read_html_page(
    path: Path, shown: str, chrome: ChromeProfile, space: str = "", parents: list[str] | None = None
) -> Page:
    """One exported page: title, byline, the cleaned `#main-content`, attachments noted."""
    soup = BeautifulSoup(read_text(path, shown), "html.parser")
    main = soup.find(id="main-content")
    if not isinstance(main, Tag):
        raise InputError(shown, 1, "import_no_main_content")
    title_tag = soup.find(id="title-text") or soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else ""
    crumbs = [a.get_text(" ", strip=True) for a in soup.select("#breadcrumbs li a")]
    for prefix in (space, crumbs[0] if crumbs else ""):
        if prefix and title.startswith(f"{prefix} : "):  # "Reititin : Page title"
            title = title[len(prefix) + 3 :]
            break
    if not title:
        raise InputError(shown, main.sourceline or 1, "import_no_title")
    match = _PAGE_ID.search(path.name)
    source = f"confluence:{match.group(1)}" if match else f"confluence-html:{path.name}"

    notes: list[Message] = []
    byline = None
    metadata = soup.select_one("div.page-metadata")
    if metadata is not None:
        text = " ".join(metadata.get_text(" ").split())
        byline = chrome.byline(text, metadata.sourceline or 0)
        if byline is None and text:
            notes.append(
                Message("import_note_byline_unknown", {"path": shown, "line": metadata.sourceline or 0, "text": text})
            )
    if parents is None or not parents:
        parents = crumbs[1:]
    for link in soup.select("div.pageSection a[href^='attachments/']"):
        notes.append(Message("import_note_attachment", {"name": link.get_text(strip=True), "href": str(link["href"])}))

    panels_as_quotes(main)
    removed = remove_chrome(main, chrome, shown)
    title_line = (title_tag.sourceline or 0) if isinstance(title_tag, Tag) else 0
    return Page(
        path=shown,
        source=source,
        title=title,
        title_line=title_line,
        body=main,
        byline=byline,
        parents=parents,
        removed=removed,
        notes=notes,
    )


def _read_index(root: Path, shown_root: str) -> tuple[str, dict[str, list[str]], str]:
    """The space name, each page file's ancestors (home page left out), the home page file."""
    index = root / "index.html"
    if not index.is_file():
        return "", {}, ""
    soup = BeautifulSoup(read_text(index, f"{shown_root}/index.html"), "html.parser")
    title = soup.find("title")
    space = " ".join(title.get_text(" ").split()) if title else ""
    links = [
        a for a in soup.find_all("a", href=True) if _PAGE_ID.search(str(a["href"])) or str(a["href"]).endswith(".html")
    ]
    links = [
        a
        for a in links
        if a.find_parent("li") is not None and not str(a["href"]).startswith(("http:", "https:", "index.html"))
    ]
    roots = {id(a.find_parent("li")) for a in links if a.find_parent("li").find_parent("li") is None}  # type: ignore[union-attr]
    tree: dict[str, list[str]] = {}
    for link in links:
        ancestors: list[str] = []
        for item in link.find_parent("li").find_parents("li"):  # type: ignore[union-attr]
            if len(roots) == 1 and id(item) in roots:
                continue  # the space's home page is above everything: not a useful tag
            anchor = item.find("a", href=True)
            if anchor is not None:
                ancestors.insert(0, anchor.get_text(" ", strip=True))
        tree[str(link["href"])] = ancestors
    homes = [str(a["href"]) for a in links if id(a.find_parent("li")) in roots]
    return space, tree, homes[0] if len(homes) == 1 else ""
