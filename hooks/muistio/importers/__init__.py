"""Moving memos in from Confluence: text copies of page views, HTML and XML space exports.

Pure Python, no MkDocs: readers (`text_copy`, `html_export`, `xml_export`) turn each input into
a `Page` with the chrome taken out; `memo_builder` applies the knowledge base's rules;
`memo_writer` writes without ever overwriting; `report` tells what happened. The core wires
`cli.add_arguments` / `cli.run` into `kb import` and passes its own `Directory`.
"""

from .chrome import ENGLISH, FINNISH, ChromeProfile
from .directory import Directory, StaticDirectory
from .pipeline import RunResult, import_paths
from .report import render as render_report

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
