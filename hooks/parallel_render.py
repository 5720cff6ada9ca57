"""MkDocs adapter: convert pages' Markdown in forked processes before MkDocs' own, serial loop.

MkDocs reads and converts every page one after another on one core, and at a few thousand memos
that conversion is half of `mkdocs build`. Each page converts independently of the others, so
the hook's `on_nav` (after the pages exist, before MkDocs reads them) hands them to `workers`
forked processes. Each does for its pages exactly what MkDocs' `_populate_page` would: the
`pre_page` and `page_markdown` events of every plugin, then `Page.render`. What comes back is the
page's HTML, its table of contents, title and anchors, and the log records rendering wrote.

MkDocs then runs its loop as always; each pre-rendered page's `render` is replaced by one that
takes the worker's result, but only if the page's Markdown is, to the character, the Markdown the
worker converted. Anything else (a plugin that changed the page differently in this process, a
page a worker failed on) is rendered by MkDocs itself, so the site is the same either way; a test
builds it both ways and compares every file. Plugins' own state stays right because their events
run again here, in order; the workers' copies of it are thrown away.

Log records (a broken link, say) are replayed on the same logger when the page renders here, so
`--strict` counts them and they print once, in page order.
"""

from __future__ import annotations

import logging
import multiprocessing
from dataclasses import dataclass
from functools import partial
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MIN_PAGES = 200
"""Below this many pages, starting processes and copying the HTML back costs more than it saves."""


@dataclass
class Rendered:
    """What `Page.render` set on one page, in a form that crosses a process boundary."""

    markdown: str
    """The Markdown that was converted: the result is used only for this very text."""
    content: str
    toc: Any
    title: str | None
    anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    """MkDocs keys these by the linked `File`; here by its `src_uri`."""
    records: list[logging.LogRecord]


_JOB: tuple[MkDocsConfig, Files, list[Page]] | None = None
"""The pages handed to forked workers; they inherit it instead of unpickling it."""


def prerender(config: MkDocsConfig, files: Files, workers: int) -> int:
    """Convert every documentation page in `workers` processes; returns how many were converted.

    Pages not in the nav get their `Page` here, as MkDocs' loop would (it keeps an existing one).
    """
    global _JOB
    documents = [file for file in files.documentation_pages() if file.inclusion.is_included()]
    if workers < 2 or len(documents) < MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    pages = [file.page if file.page is not None else Page(None, file, config) for file in documents]
    size = -(-len(pages) // (workers * 4))
    chunks = [range(start, min(start + size, len(pages))) for start in range(0, len(pages), size)]
    _JOB = (config, files, pages)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_render_chunk, chunks)
    finally:
        _JOB = None
    done = 0
    for chunk, results in zip(chunks, parts, strict=True):
        for index, result in zip(chunk, results, strict=True):
            if result is not None:
                pages[index].render = partial(_take, pages[index], result)  # type: ignore[method-assign]
                done += 1
    return done


def _take(page: Page, result: Rendered, config: MkDocsConfig, files: Files) -> None:
    """`Page.render`, answered from a worker's result when the Markdown is the same."""
    del page.render  # back to the class's method: a later build (mkdocs serve) renders as usual
    if page.markdown != result.markdown:
        page.render(config, files)
        return
    page.content = result.content
    page.toc = result.toc
    page._title_from_render = result.title
    page.present_anchor_ids = result.anchor_ids
    if result.links_to_anchors is not None:
        page.links_to_anchors = {
            linked: anchors for uri, anchors in result.links_to_anchors.items()
            if (linked := files.get_file_from_path(uri)) is not None
        }
    for record in result.records:
        logging.getLogger(record.name).handle(record)


def _render_chunk(indexes: range) -> list[Rendered | None]:
    assert _JOB is not None
    config, files, pages = _JOB
    capture = _Capture()
    for name in ("", "mkdocs"):  # keep the records; print nothing here
        logger = logging.getLogger(name)
        logger.handlers = [capture]
    logging.getLogger("mkdocs").propagate = False
    return [_render(config, files, pages[index], capture) for index in indexes]


def _render(config: MkDocsConfig, files: Files, page: Page, capture: _Capture) -> Rendered | None:
    """What MkDocs' `_populate_page` does, in a worker; None if anything went wrong (MkDocs will
    then render the page itself and report the error as it always does)."""
    capture.records = []
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.markdown = markdown
        page.render(config, files)
    except Exception:  # noqa: BLE001 -- MkDocs reports it, with its own context, when it renders the page
        return None
    links = page.links_to_anchors
    return Rendered(
        markdown=markdown,
        content=page.content or "",
        toc=page.toc,
        title=page._title_from_render,
        anchor_ids=page.present_anchor_ids,
        links_to_anchors=None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
        records=capture.records,
    )


class _Capture(logging.Handler):
    """Keeps a worker's log records, flattened so they pickle (the message is formatted here)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg = record.getMessage()
        record.args = None
        record.exc_info = None
        self.records.append(record)
