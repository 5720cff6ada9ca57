"""Moving memos in from Confluence: text copies of page views, HTML and XML space exports.

Pure Python, no MkDocs: readers (`text_copy`, `html_export`, `xml_export`) turn each input into
a `Page` with the chrome taken out; `memo_builder` applies the knowledge base's rules;
`memo_writer` writes without ever overwriting; `report` tells what happened, in the site's
language. The core wires `cli.add_arguments` / `cli.run` into `kb import` and passes its own
`Directory` and the site's language.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .chrome import ENGLISH, FINNISH, ChromeProfile
    from .directory import Directory, StaticDirectory
    from .pipeline import RunResult, import_paths
    from .report import render as render_report

_EXPORTS = {
    "ENGLISH": ("chrome", "ENGLISH"),
    "FINNISH": ("chrome", "FINNISH"),
    "ChromeProfile": ("chrome", "ChromeProfile"),
    "Directory": ("directory", "Directory"),
    "StaticDirectory": ("directory", "StaticDirectory"),
    "RunResult": ("pipeline", "RunResult"),
    "import_paths": ("pipeline", "import_paths"),
    "render_report": ("report", "render"),
}
"""Loaded on first use: every `kb` command builds the `kb import` options, and only `kb import`
needs the readers (BeautifulSoup and the rest, a tenth of a second of every `kb check`)."""


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    return getattr(import_module(f"{__name__}.{module}"), attribute)


__all__ = [
    "ENGLISH",
    "FINNISH",
    "ChromeProfile",
    "Directory",
    "RunResult",
    "StaticDirectory",
    "import_paths",
    "render_report",
]
