"""Reader for a text copy of a Confluence page view (select all, copy, paste into a file).

Such a copy has no markup: the page is whatever lines are left when the chrome lines (see
`chrome.py`) are taken out. Each remaining line was a visual line on the page, so each becomes
its own paragraph (or list item); nothing is joined or reflowed, which keeps every sentence as
it was written.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from bs4 import BeautifulSoup

from .chrome import ChromeProfile
from .errors import InputError
from .model import Byline, Page, RemovedLine
from .reading import read_text

_BULLET = re.compile(r"\s*[•◦▪·*-]\s+(?P<text>.*\S)\s*")
_NUMBERED = re.compile(r"\s*\d{1,3}[.)]\s+(?P<text>.*\S)\s*")
MAX_TITLE = 100


def read_text_copy(path: Path, shown: str, chrome: ChromeProfile) -> Page:
    """One page from a text copy; `shown` is how the report names the file."""
    lines = read_text(path, shown).split("\n")
    if not any(line.strip() for line in lines):
        raise InputError(shown, 1, "import_empty_file")

    removed: list[RemovedLine] = []
    content: list[int] = []  # indexes of lines that may be page content
    byline: Byline | None = None
    byline_index = -1
    for index, line in enumerate(lines):
        reason = chrome.chrome_reason(line)
        found = None if reason else chrome.byline(line, index + 1)
        if found and byline is None:
            byline, byline_index, reason = found, index, "byline"
        if reason:
            removed.append(RemovedLine(shown, index + 1, line.strip(), reason))
        elif line.strip():
            content.append(index)

    labels = _take_labels(lines, content, chrome, shown, removed)
    if not content:
        raise InputError(shown, 1, "import_only_chrome")

    if byline is not None and any(i < byline_index for i in content):
        # Page view order: header, title, byline, body. The title is the line just above the
        # byline; anything above it is header text (space name, breadcrumbs).
        above = [i for i in content if i < byline_index]
        title_index = above[-1]
        for i in above[:-1]:
            removed.append(RemovedLine(shown, i + 1, lines[i].strip(), "header above the title"))
        removed.append(
            RemovedLine(shown, title_index + 1, lines[title_index].strip(), "the page title (moved to front matter)")
        )
        content = [i for i in content if i > byline_index]
    else:
        # No byline: the copy starts at the body, so its first line doubles as the title and
        # stays in the body too (it is a sentence of the memo).
        title_index = content[0]

    removed.sort(key=lambda item: item.line)
    return Page(
        path=shown,
        source=f"confluence-text:{path.name}",
        title=title_from_line(lines[title_index]),
        title_line=title_index + 1,
        body=BeautifulSoup(_as_html(lines, content), "html.parser"),
        byline=byline,
        labels=labels,
        removed=removed,
    )


def title_from_line(line: str) -> str:
    """A title from a body line: no final full stop, at most about a sentence."""
    title = " ".join(line.split())
    if len(title) > MAX_TITLE:
        sentence = re.match(r"(.+?[.!?])\s", title)
        if sentence and len(sentence.group(1)) <= MAX_TITLE:
            title = sentence.group(1)
        else:
            title = title[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def _take_labels(
    lines: list[str],
    content: list[int],
    chrome: ChromeProfile,
    shown: str,
    removed: list[RemovedLine],
) -> list[str]:
    """Labels are the indented bullet lines after the body, just before the footer chrome."""
    labels: list[str] = []
    while content:
        label = chrome.label(lines[content[-1]])
        if label is None:
            break
        index = content.pop()
        labels.insert(0, label)
        removed.append(RemovedLine(shown, index + 1, lines[index].strip(), "labels"))
    return labels


def _as_html(lines: list[str], content: list[int]) -> str:
    """HTML with each element on its source line, so `sourceline` is the line in the file."""
    out = [""] * len(lines)
    open_list = ""
    last = -1
    for index in content:
        text = lines[index]
        bullet, numbered = _BULLET.fullmatch(text), _NUMBERED.fullmatch(text)
        kind = "ul" if bullet else "ol" if numbered else ""
        if open_list and kind != open_list:
            out[last] += f"</{open_list}>"
            open_list = ""
        if kind:
            item = html.escape((bullet or numbered).group("text"))  # type: ignore[union-attr]
            out[index] = ("" if open_list else f"<{kind}>") + f"<li>{item}</li>"
            open_list = kind
        else:
            out[index] = f"<p>{html.escape(text.strip())}</p>"
        last = index
    if open_list:
        out[last] += f"</{open_list}>"
    return "\n".join(out)
