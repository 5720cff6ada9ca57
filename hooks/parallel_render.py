"""MkDocs adapter: do MkDocs' two per-page stages in forked processes, ahead of its serial loops.

MkDocs builds a page in two stages, each a loop over every page on one core: converting the
Markdown (`_populate_page`), then filling the theme's template (`_build_page`). At a few thousand
memos they are most of `mkdocs build`, and each page's work is independent of the others'.

- `prerender` (from the hook's `on_nav`: the pages exist, none is read yet) hands the pages to
  `workers` forked processes, which do exactly what `_populate_page` would: the `pre_page` and
  `page_markdown` events of every plugin, then `Page.render` (with one Markdown instance for
  all the worker's pages, `reused_markdown`). Each page's `render` is replaced by
  one that takes the worker's HTML, table of contents, title and anchors, but only if the page's
  Markdown is, to the character, what the worker converted.
- `prerender_templates` (from `on_env`: every page converted) has workers do what `_build_page`
  does up to the template's output: `get_context`, the `page_context` events, `render`. MkDocs
  gets back an environment whose templates answer with a worker's output, but only if the page's
  content, title and metadata after this process's own `page_context` events are those the
  worker rendered from.

Anything else (a plugin whose output depends on the process, a page a worker failed on) MkDocs
does itself, so the site is the same either way; a test builds it both ways and compares every
file and every warning. Plugins keep their state because all their events still run here, in
order; only the work is skipped. The workers' copies of plugin state are thrown away.

Log records a worker's page wrote (a broken link, say) are replayed on the same logger when that
page is built here, so `--strict` counts them and they print once, in page order.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import jinja2
import reused_markdown
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from muistio import forked

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
    kept: Any = None
    """What `keep` (see `converted_in_workers`) made of the result in the worker, if anything."""

    @classmethod
    def of(cls, page: Page, records: list[logging.LogRecord]) -> Rendered:
        """What `Page.render` has just set on `page`, with the records it logged (`flattened`)."""
        links = page.links_to_anchors
        return cls(
            markdown=page.markdown or "",
            content=page.content or "",
            toc=page.toc,
            title=page._title_from_render,
            anchor_ids=page.present_anchor_ids,
            links_to_anchors=None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
            records=records,
        )


@dataclass
class Built:
    """A page's template output, with what the output was made from."""

    output: bytes
    """The HTML, zlib-compressed: held for every page until MkDocs writes it, uncompressed it
    doubled the build's peak memory at 5,000 memos (200 MB of HTML, kept as text and pickled)."""
    made_from: tuple[str | None, str | None, str]
    """The page's content, title and metadata after the `page_context` events (`_made_from`)."""
    records: list[logging.LogRecord]


Keep = Callable[[Page, Rendered, dict[str, File | None]], Any]
"""Run in a worker after each conversion, with every answer `Files.get_file_from_path` gave it;
what it returns travels back as `Rendered.kept` (`conversion_store` encodes the result there)."""

Reuse = Callable[[Page, Files], bool]
"""Asked for each page before the workers start: True means the page needs no converting (its
`render` was set to take a conversion made earlier: `conversion_store`)."""


def prerender(config: MkDocsConfig, files: Files, workers: int, keep: Keep | None = None,
              reuse: Reuse | None = None) -> dict[str, tuple[Page, Rendered]]:
    """Convert every documentation page in `workers` processes but those `reuse` takes care of,
    and have MkDocs take the results; returns them (see `converted_in_workers`).

    Pages not in the nav get their `Page` here, as MkDocs' loop would (it keeps an existing one).
    """
    converted = converted_in_workers(config, files, workers, keep, reuse)
    for page, result in converted.values():
        page.render = partial(take, page, result)  # type: ignore[method-assign]
    return converted


def converted_in_workers(config: MkDocsConfig, files: Files, workers: int, keep: Keep | None = None,
                         reuse: Reuse | None = None) -> dict[str, tuple[Page, Rendered]]:
    """Every documentation page but those `reuse` takes care of converted in `workers`
    processes, by source path, with its `Page` (made here, for reused pages too, if MkDocs has
    not yet); empty when too few pages or no fork. A page a worker failed on is left out: MkDocs
    converts it itself."""
    documents = [file for file in files.documentation_pages() if file.inclusion.is_included()]
    if workers < 2 or len(documents) < MIN_PAGES or not forked.available():
        return {}
    pages = [file.page if file.page is not None else Page(None, file, config) for file in documents]
    if reuse is not None:
        pages = [page for page in pages if not reuse(page, files)]
    if not pages:
        return {}
    parts = forked.in_workers(_render_chunk, (config, files, pages, keep), len(pages), workers)
    results = [result for part in parts for result in part] if parts is not None else [None] * len(pages)
    return {page.file.src_uri: (page, result) for page, result in zip(pages, results, strict=True)
            if result is not None}


class Carry(Protocol):
    """State a plugin builds up in the template workers that is worth sending back (sections
    Material's search parsed, under `mkdocs serve`): `collect` runs in a worker after each chunk
    of pages, `receive` here with what it returned."""

    def collect(self) -> Any: ...

    def receive(self, carried: Any) -> None: ...


def prerender_templates(env: jinja2.Environment, config: MkDocsConfig, files: Files, nav: Navigation,
                        workers: int, stage: Path | None = None, carry: Carry | None = None,
                        copy_as: Callable[[bytes], bytes] | None = None) -> tuple[jinja2.Environment, int]:
    """Fill every page's template in `workers` processes; MkDocs gets an environment that answers
    with the results (see `_Templates`). Returns it with how many pages the workers filled.

    With `stage`, the workers also write each page's HTML there (or what `copy_as` makes of it),
    at its place in the site, so the search indexer can read the pages while MkDocs is still
    writing the site."""
    documents = [file for file in files.documentation_pages() if file.inclusion.is_included()]
    if workers < 2 or len(documents) < MIN_PAGES or not forked.available():
        return env, 0
    pages = [file.page for file in documents if file.page is not None]
    job = (env, config, files, nav, pages, stage, copy_as, carry)
    parts = forked.in_workers(_build_chunk, job, len(pages), workers)
    results: list[Built | None] = [None] * len(pages)
    if parts is not None:
        results = []
        for part, carried in parts:
            results.extend(part)
            if carry is not None:
                carry.receive(carried)
    built = {page.file.src_uri: result for page, result in zip(pages, results, strict=True) if result is not None}
    return _Templates(env, built), len(built)  # type: ignore[return-value]


class _Templates:
    """MkDocs' Jinja environment, whose templates answer from the workers' output when they may."""

    def __init__(self, env: jinja2.Environment, built: dict[str, Built]) -> None:
        self._env = env
        self._built = built

    def get_template(self, *args: Any, **kwargs: Any) -> _Template:
        return _Template(self._env.get_template(*args, **kwargs), self._built)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._env, name)


class _Template:
    def __init__(self, template: jinja2.Template, built: dict[str, Built]) -> None:
        self._template = template
        self._built = built

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = args[0] if args else kwargs
        page = context.get("page") if isinstance(context, dict) else None
        result = self._built.pop(page.file.src_uri, None) if isinstance(page, Page) else None
        if result is None or _made_from(page) != result.made_from:
            return self._template.render(*args, **kwargs)
        for record in result.records:
            logging.getLogger(record.name).handle(record)
        return zlib.decompress(result.output).decode("utf-8")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


def _made_from(page: Page) -> tuple[str | None, str | None, str]:
    """What a page's template output depends on besides the site's nav and config, which are the
    same in every process: its content (plugins may change it in `page_context`), title and
    metadata (which may name another template)."""
    return page.content, page.title, repr(sorted(page.meta.items(), key=lambda item: str(item[0])))


def take(page: Page, result: Rendered, config: MkDocsConfig, files: Files) -> None:
    """`Page.render`, answered from a result made elsewhere (a worker, or the previous build under
    `mkdocs serve`: `render_cache`, or the disk: `conversion_store`) when the Markdown is the same."""
    page.__dict__.pop("render", None)  # back to the class's method: a later build (mkdocs serve) renders as usual
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
    config, files, pages, keep = forked.job()
    capture = _Capture.installed()
    reused_markdown.install()  # this worker converts every page with one Markdown instance
    return [_render(config, files, pages[index], capture, keep) for index in indexes]


def _build_chunk(indexes: range) -> tuple[list[Built | None], Any]:
    env, config, files, nav, pages, stage, copy_as, carry = forked.job()
    capture = _Capture.installed()
    doc_files = files.documentation_pages(inclusion=lambda level: level.is_included())
    built = [_build(env, config, doc_files, nav, pages[index], capture, stage, copy_as) for index in indexes]
    return built, None if carry is None else carry.collect()


def _build(env: jinja2.Environment, config: MkDocsConfig, doc_files: Any, nav: Navigation, page: Page,
           capture: _Capture, stage: Path | None, copy_as: Callable[[bytes], bytes] | None) -> Built | None:
    """What MkDocs' `_build_page` does up to the template's output, in a worker."""
    capture.records = []
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
    except Exception:  # noqa: BLE001 -- MkDocs reports it when it builds the page itself
        return None
    finally:
        page.active = False
        config._current_page = None
    data = output.encode("utf-8")
    if stage is not None:
        target = stage / page.file.dest_uri
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data if copy_as is None else copy_as(data))
        except OSError:  # the folder is full, say: the copy lacks this page, so the site is indexed
            pass
    return Built(zlib.compress(data, 1), _made_from(page), capture.records)


def _render(config: MkDocsConfig, files: Files, page: Page, capture: _Capture,
            keep: Keep | None = None) -> Rendered | None:
    """What MkDocs' `_populate_page` does, in a worker; None if anything went wrong (MkDocs will
    then render the page itself and report the error as it always does)."""
    capture.records = []
    looked_up = _LookedUp(files)
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.markdown = markdown
        page.render(config, looked_up if keep is not None else files)  # type: ignore[arg-type]
        result = Rendered.of(page, capture.records)
        if keep is not None:
            result.kept = keep(page, result, looked_up.answers)
    except Exception:  # noqa: BLE001 -- MkDocs reports it, with its own context, when it renders the page
        return None
    return result


class _LookedUp:
    """The site's files, as a conversion sees them, noting every file it looked up: all that
    `Page.render` reads of them (MkDocs 1.6 resolves links with `get_file_from_path` alone)."""

    def __init__(self, files: Files) -> None:
        self._files = files
        self.answers: dict[str, File | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = self._files.get_file_from_path(path)
        self.answers[path] = found
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


class _Capture(logging.Handler):
    """Keeps a worker's log records, flattened so they pickle (the message is formatted here)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    @classmethod
    def installed(cls) -> _Capture:
        """A capture that takes every record of this (worker) process, so it prints nothing."""
        capture = cls()
        for name in ("", "mkdocs"):
            logging.getLogger(name).handlers = [capture]
        logging.getLogger("mkdocs").propagate = False
        return capture

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(flattened(record))


def flattened(record: logging.LogRecord) -> logging.LogRecord:
    """A copy of `record` that pickles: the message formatted, no arguments, no traceback."""
    flat = logging.makeLogRecord(record.__dict__)
    flat.msg = record.getMessage()
    flat.args = None
    flat.exc_info = None
    return flat
