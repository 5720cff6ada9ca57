"""MkDocs adapter: convert every page with one Python-Markdown instance, reset between pages.

MkDocs' `Page.render` builds a new `markdown.Markdown` for every page: it loads each extension
again and deep-copies its settings, about a sixth of converting a memo. Python-Markdown's own
contract is cheaper: one instance, `reset()` between documents, which clears the instance's state
and calls every extension's `reset`. That is also how the benchmark's render floor converts.

`install()` puts a stand-in for the `markdown` module into `mkdocs.structure.pages`, so MkDocs'
own `render` runs unchanged (its per-page tree processors are registered again by name, which
replaces the previous page's), and only `markdown.Markdown(...)` answers with the reset instance.
It is installed in the forked conversion workers (`parallel_render`), which are thrown away after
the build, and under `mkdocs serve` (`render_cache`), whose process converts every page of its
first build itself. It takes effect only when every configured extension is one whose `reset`
is known to leave nothing of the previous page behind: `tests/test_reused_markdown.py` converts
documents that exercise each extension in `RESETS_CLEANLY` in a row, and compares every result
with a fresh instance's. With any other extension, every page gets its own instance, as in MkDocs.
"""

from __future__ import annotations

import copy
from typing import Any

import markdown
import mkdocs.structure.pages

RESETS_CLEANLY = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "sane_lists",
    "tables", "toc",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.details", "pymdownx.highlight", "pymdownx.inlinehilite",
    "pymdownx.keys", "pymdownx.mark", "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed",
    "pymdownx.tasklist", "pymdownx.tilde",
})
"""Extensions, by the name mkdocs.yml gives them, whose state a reset clears (tested)."""


def reusable(extensions: list[Any]) -> bool:
    """Whether every extension is named and known to reset cleanly."""
    return all(isinstance(name, str) and _short(name) in RESETS_CLEANLY for name in extensions)


def install() -> None:
    """Make MkDocs' `Page.render` reuse one instance per extension configuration (this process)."""
    if not isinstance(mkdocs.structure.pages.markdown, _ReusedMarkdown):
        mkdocs.structure.pages.markdown = _ReusedMarkdown()  # type: ignore[assignment]


class _ReusedMarkdown:
    """The `markdown` module, except that `Markdown(...)` hands back a reset instance when one was
    made for the same extensions and settings."""

    def __init__(self) -> None:
        self._made: list[tuple[list[Any], dict[str, Any], markdown.Markdown]] = []

    def Markdown(self, **kwargs: Any) -> markdown.Markdown:  # noqa: N802 -- the name MkDocs calls
        extensions = kwargs.get("extensions") or []
        settings = kwargs.get("extension_configs") or {}
        if set(kwargs) - {"extensions", "extension_configs"} or not reusable(extensions):
            return markdown.Markdown(**kwargs)
        for made_extensions, made_settings, instance in self._made:
            if made_extensions == extensions and made_settings == settings:
                return instance.reset()
        instance = markdown.Markdown(**kwargs)
        self._made.append((list(extensions), _copied(settings), instance))
        return instance

    def __getattr__(self, name: str) -> Any:
        return getattr(markdown, name)


def _short(name: str) -> str:
    """`markdown.extensions.toc` and `toc` are the same extension."""
    return name.removeprefix("markdown.extensions.")


def _copied(settings: dict[str, Any]) -> dict[str, Any]:
    """The settings as they were, so a later change to the config is seen as a different one."""
    return copy.deepcopy(settings)
