"""Confluence-shaped HTML → the knowledge base's Markdown.

markdownify does the generic work; this subclass adds what Confluence pages contain and the
knowledge base expects: task items in its action syntax, mentions as plain names (the core
links names itself), `<time>` as the ISO date from its attribute (the displayed text depends on
the viewer's locale), code blocks with their language, and escaping kept to the minimum so the
Markdown source stays readable for people who edit it by hand.

A task `tasks.py` found without words to do is written as a plain list item, with a marker
that `to_markdown` turns into its line and removes: the report must name the line of the memo,
which only exists once the whole page is Markdown.
"""

from __future__ import annotations

import re
from typing import Any

from bs4 import Tag
from bs4.element import NavigableString
from markdownify import ATX, MarkdownConverter

from .model import Message

MENTION_CLASSES = {"confluence-userlink", "user-mention"}
_BLOCKS = {"p", "li", "div", "td", "th", "blockquote", "[document]", "h1", "h2", "h3", "h4", "h5", "h6"}
_LINE_START = re.compile(r"^(\s*)(?:(#|>|[-+=](?=\s|$))|(\d+)(?=[.)](?:\s|$)))")
_BRUSH = re.compile(r"brush:\s*([\w+#-]+)")
_MARK = "\ue000{}\ue001"
"""Private-use characters no page contains: `_MARK.format(index)` marks task `index`'s line."""
_MARKED = re.compile("\ue000(\\d+)\ue001")


class MemoConverter(MarkdownConverter):
    """markdownify with Confluence's structures; collects notes for the import report."""

    class Options(MarkdownConverter.DefaultOptions):
        bullets = "-"
        heading_style = ATX
        escape_misc = False
        code_language_callback = None

    def __init__(self, **options: Any) -> None:
        super().__init__(code_language_callback=_code_language, **options)
        self.notes: list[Message] = []

    def escape(self, text: str, parent_tags: set[str]) -> str:
        """Escape only what would change the rendering; `_` inside words is left alone."""
        if not text:
            return ""
        text = text.replace("*", r"\*").replace("`", r"\`").replace("[", r"\[")
        text = re.sub(r"(?<!\w)_|_(?!\w)", r"\_", text)
        return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)

    def process_text(self, el: NavigableString, parent_tags: set[str] | None = None) -> str:
        text: str = super().process_text(el, parent_tags=parent_tags)
        parent = el.parent
        first_in_block = el.previous_sibling is None and parent is not None and (parent.name in _BLOCKS)
        if first_in_block and "_noformat" not in (parent_tags or set()):
            text = _LINE_START.sub(_escape_line_start, text, count=1)
        return text

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        classes = set(el.get_attribute_list("class"))
        if classes & MENTION_CLASSES:
            return text  # the person's name; the knowledge base links names itself
        href = str(el.get("href") or "")
        if href and not re.match(r"(?:https?|mailto|ftp):", href):
            self.notes.append(Message("import_note_link_address", {"href": href, "text": el.get_text(" ", strip=True)}))
            return text
        converted: str = super().convert_a(el, text, parent_tags)
        return converted

    def convert_time(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return str(el.get("datetime") or text)

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if el.has_attr("data-muistio-undescribed"):
            line = _MARK.format(el["data-muistio-undescribed"]) + self.escape(str(el["data-muistio-text"]), parent_tags)
            text = f"{line}\n{text.strip()}" if text.strip() else line  # a nested list stays under it
        elif el.has_attr("data-inline-task-id"):
            box = "[x]" if "checked" in el.get_attribute_list("class") else "[ ]"
            owner = el.get("data-muistio-owner")
            due = el.get("data-muistio-due")
            # the task's own line, then what is nested under it: a due date after all of it landed
            # on the last sub-task's line, and `followups` read it as that sub-task's
            own, newline, nested = text.strip().partition("\n")
            text = " ".join(
                part
                for part in (box, f"@{owner}" if owner else "", own, f"(due {due})" if due else "")
                if part
            ) + newline + nested
        converted: str = super().convert_li(el, text, parent_tags)
        return converted

    def _cell(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = text.strip().replace("|", r"\|")
        converted: str = super().convert_td(el, text, parent_tags)
        return converted

    convert_td = _cell
    convert_th = _cell

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        self.notes.append(Message("import_note_image", {"src": el.get("src")}))
        converted: str = super().convert_img(el, text, parent_tags)
        return converted


def _escape_line_start(match: re.Match[str]) -> str:
    """`#x` → `\\#x`, `2012. vuonna` → `2012\\. vuonna`: text that would start a block."""
    if match.group(3):
        return f"{match.group(1)}{match.group(3)}\\"
    return f"{match.group(1)}\\{match.group(2)}"


def _code_language(el: Tag) -> str:
    """Language from Confluence's syntax highlighter parameters or a `language-x` class."""
    params = str(el.get("data-syntaxhighlighter-params") or el.get("data-language") or "")
    match = _BRUSH.search(params)
    if match:
        return match.group(1)
    if params and ":" not in params:
        return params
    for cls in el.get_attribute_list("class") or []:
        if cls and cls.startswith("language-"):
            return str(cls[len("language-") :])
    return ""


def to_markdown(body: Tag) -> tuple[str, list[Message], dict[int, int]]:
    """Markdown for a page body, notes on what could not be carried over as it was, and the
    body line of each task written as text (by its index among the page's tasks)."""
    converter = MemoConverter()
    markdown = converter.convert_soup(body)
    markdown = re.sub(r"[ \t]+\n", lambda m: "  \n" if m.group(0).startswith("  ") else "\n", markdown)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip("\n") + "\n"
    lines = {int(found[1]): markdown.count("\n", 0, found.start()) + 1 for found in _MARKED.finditer(markdown)}
    return _MARKED.sub("", markdown), converter.notes, lines
