"""Chrome inside an HTML page body: macro errors and UI text that Confluence rendered in place.

Shared by the HTML and XML readers. An element is removed only when its whole text is chrome
(or Confluence marked it as an error), and each removal becomes a `RemovedLine` in the report.
"""

from __future__ import annotations

from bs4 import Tag

from .chrome import ChromeProfile
from .model import RemovedLine

_BLOCKS = ["p", "div", "span", "li", "td", "pre", "ul", "ol"]
# Lists Confluence generates from the page tree: navigation, not what the author wrote.
_GENERATED = {"childpages-macro", "plugin_pagetree", "toc-macro", "client-side-toc-macro"}


def remove_chrome(body: Tag, chrome: ChromeProfile, shown: str) -> list[RemovedLine]:
    """Take chrome elements out of `body`; return what was taken, with source lines."""
    removed: list[RemovedLine] = []
    for element in body.find_all(_BLOCKS):
        if element.decomposed:
            continue
        text = " ".join(element.get_text(" ").split())
        classes = set(element.get_attribute_list("class"))
        reason = chrome.chrome_reason(text) if text else None
        if reason is None and classes & {"error", "confluence-information-macro-error"}:
            reason = "macro error"
        if reason is None and classes & _GENERATED:
            reason = "generated page list"
        if reason:
            removed.append(RemovedLine(shown, element.sourceline or 0, text, reason))
            element.decompose()
    return removed


def panels_as_quotes(body: Tag) -> None:
    """Info/note/warning panels become block quotes: their text is content, the icon is not."""
    for panel in body.select("div.confluence-information-macro, div.panel:not(.code)"):
        for icon in panel.select("span.aui-icon, span.confluence-information-macro-icon"):
            icon.decompose()
        panel.name = "blockquote"
        panel.attrs = {}
