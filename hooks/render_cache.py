"""MkDocs adapter: under `mkdocs serve`, reuse a page's converted HTML when nothing it was made
from has changed since the previous build.

Saving a memo makes `mkdocs serve` build the whole site again, in one process (see the hook's
`_workers`): at 1,000 memos about ten seconds, most of it converting Markdown that did not change.
A page's conversion depends on its Markdown (after every plugin's `page_markdown`), on where it
sits and which files its links resolve against, and on the config's Markdown settings. When all
of these are what they were, MkDocs gets the previous result, and the warnings it logged then are
logged again (a broken link is reported on every build, as before). Otherwise MkDocs converts the
page as always and the result is kept for the next build.

The result is kept pickled and compressed: every build gets fresh objects (a plugin that changes
a page's table of contents cannot change the kept one) and the cache stays a few kilobytes a page.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import zlib
from collections.abc import Callable
from functools import partial

import reused_markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from parallel_render import Rendered, flattened, take


class RenderCache:
    """The previous serve build's conversions, by source path."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[tuple[str, bytes], bytes]] = {}
        """src_uri → ((the page's Markdown, the site's signature), the pickled, compressed result)."""
        self.reused = 0
        """Pages the last build took from the cache (for the log and the tests)."""
        self.from_workers = 0
        """Pages the last build took from worker processes (its first, for the tests)."""
        self.from_store = 0
        """Pages the last build took from the conversions an earlier process kept on disk (its
        first: `conversion_store`; for the tests)."""

    def install(self, config: MkDocsConfig, files: Files, converted: dict[str, Rendered] | None = None) -> None:
        """Before MkDocs converts this build's pages (the hook's `on_nav`): route each page's
        `render` through the cache. Pages not in the nav get their `Page` here, as MkDocs' own
        loop would (it keeps an existing one). `converted` holds pages already converted in
        worker processes (the first build of `mkdocs serve`), to be used and kept; a page whose
        `render` was set to take a conversion kept on disk (`conversion_store`) takes it, and it
        is kept."""
        reused_markdown.install()  # what it converts, it converts with one Markdown instance
        site = _signature(config, files)
        self.reused = self.from_workers = self.from_store = 0
        kept, self._kept = self._kept, {}  # a page that is gone is forgotten
        converted = converted or {}
        for file in files.documentation_pages():
            if not file.inclusion.is_included():
                continue
            page = file.page if file.page is not None else Page(None, file, config)
            stored = page.__dict__.get("render")
            page.render = partial(self._render, page, site, kept.get(file.src_uri),  # type: ignore[method-assign]
                                  converted.get(file.src_uri), stored)

    def _render(self, page: Page, site: bytes, kept: tuple[tuple[str, bytes], bytes] | None,
                converted: Rendered | None, stored: Callable[[MkDocsConfig, Files], None] | None,
                config: MkDocsConfig, files: Files) -> None:
        made_from = (page.markdown or "", site)
        if kept is not None and kept[0] == made_from:
            take(page, pickle.loads(zlib.decompress(kept[1])), config, files)
            self._kept[page.file.src_uri] = kept
            self.reused += 1
            return
        if converted is not None and converted.markdown == made_from[0]:
            self._kept[page.file.src_uri] = (made_from, zlib.compress(pickle.dumps(converted), 1))
            take(page, converted, config, files)
            self.from_workers += 1
            return
        del page.render  # back to the class's method
        records = _Recorder()
        mkdocs_logger = logging.getLogger("mkdocs")
        mkdocs_logger.addHandler(records)
        try:
            if stored is not None:
                stored(config, files)
                self.from_store += 1
            else:
                page.render(config, files)
        finally:
            mkdocs_logger.removeHandler(records)
        result = Rendered.of(page, records.records)
        self._kept[page.file.src_uri] = (made_from, zlib.compress(pickle.dumps(result), 1))


def _signature(config: MkDocsConfig, files: Files) -> bytes:
    """What a page's conversion depends on besides its own Markdown: every file's path and URL
    (links resolve against them) and the config's Markdown settings. A hash of them: compared
    for every page, the files themselves made a rebuild quadratic in the number of files (two
    seconds at 5,000 memos)."""
    parts = (
        [(file.src_uri, file.url, str(file.inclusion)) for file in files],
        repr(config.markdown_extensions),
        repr(config.mdx_configs),
        repr(config.validation),
        config.use_directory_urls,
    )
    return hashlib.blake2b(pickle.dumps(parts), digest_size=16).digest()


class _Recorder(logging.Handler):
    """Keeps the records a conversion logs (they are still printed as usual), `flattened` so they
    pickle with the result and can be logged again when it is reused."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(flattened(record))
