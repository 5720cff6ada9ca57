"""The paragraphs of a memo written in plain Markdown, found without a full parse.

Most memos are headings, paragraphs and one-line bullets. For them, markdown-it's block parser
was half of the time linking took (a millisecond a memo), to find what a look at each line's
first characters finds here. `paragraphs` handles only Markdown whose every line it can classify
with certainty and answers None for anything else (indentation, code, quotes, HTML, numbered
lists, link definitions, lines a bullet continues onto...), and the caller then asks markdown-it.
A table cannot slip through: its second line starts with `|`, `:` or `-`, none of which starts
text here. Tabs only matter at a line's start, which is refused too. A property test holds the
answers equal to markdown-it's on generated and real memos, so the rules stay CommonMark's.
"""

from __future__ import annotations

import re

_ATX_HEADING = re.compile(r"#{1,6}(?: |$)")
_ORDERED_ITEM = re.compile(r"\d{1,9}[.)](?: |$)")


def paragraphs(text: str) -> list[tuple[str, int, int]] | None:
    """(content, first line, end line) of each paragraph, list items' included, as markdown-it's
    inline token and its `map` give them; None when `text` holds anything beyond the plain case."""
    if "]:" in text or "\r" in text or "\0" in text:
        return None  # link reference definitions, other line ends, NUL: markdown-it's job
    lines = text.split("\n")
    found: list[tuple[str, int, int]] = []
    start = -1  # first line of the paragraph being read, or -1

    def close(end: int) -> None:
        nonlocal start
        if start >= 0:
            found.append(("\n".join(lines[start:end]).strip(), start, end))
            start = -1

    for number, line in enumerate(lines):
        if not line.strip(" "):
            close(number)
        elif line[0] == "#":
            if not _ATX_HEADING.match(line):
                return None
            close(number)
        elif line[0] in "-*+" and line[1:2] == " ":
            item = line[2:]
            if not _starts_text(item):
                return None
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if following.strip(" ") and not _ends_item(following):
                return None  # a line the item's paragraph would continue onto
            close(number)
            found.append((item.strip(), number, number + 1))
        elif _starts_text(line):
            if start < 0:
                start = number
        else:
            return None
    close(len(lines))
    return found


def _starts_text(line: str) -> bool:
    """Whether a line (or a bullet's text) starting like this can only be paragraph text: a
    letter or digit (not a numbered item's "1."), or a few punctuation marks that start no block;
    `*` only as emphasis (a line of `*` with spaces or tabs between is a thematic break)."""
    first = line[:1]
    if first.isalnum() or (first in "\"'(«»–—@" and first != ""):
        return not _ORDERED_ITEM.match(line)
    if first == "*":
        return line[1:2] not in ("", " ") and line.strip("* \t") != ""
    return first == "["  # a task box or a wikilink; no link definitions ("]:" was refused)


def _ends_item(line: str) -> bool:
    """Whether `line` starts a block of its own after a one-line bullet (another bullet or a
    heading), rather than continuing the bullet's paragraph."""
    return (line[0] in "-*+" and line[1:2] == " ") or line[0] == "#"
