"""MkDocs adapter: translates MkDocs events into calls to the Muistio core. Nothing else.

- `on_files`: run the pipeline on the repository (memos/ and companies/ beside mkdocs.yml),
  log every problem as a warning, and add the generated pages (and the follow-up calendar).
- `on_nav`, `on_env`: convert the pages' Markdown, then fill their templates, in forked processes
  ahead of MkDocs' own loops (`parallel_render`, beside this file), for `mkdocs build` on a
  machine with more than one core, but not the pages whose conversion an earlier build kept on
  disk and that would come out the same (`conversion_store`); Material's navigation is filled
  once per set of links (`nav_cache`). Under `mkdocs serve`, `on_nav` instead lets a rebuild
  reuse the conversion of every page whose Markdown did not change (`render_cache`), and
  Material's search index the sections of every page whose HTML did not (`preview_search`).
- `on_serve`: watch memos/ and companies/, so saving a memo rebuilds and reloads the page.
- `on_pre_build`, `on_post_build`: MkDocs writes over the last build's files instead of deleting
  them first, and what it did not write is removed at the end (`site_rewrite`).
- `on_config`, `on_post_build`: search with Pagefind (`muistio.search_index`): put the theme
  override beside this file (overrides/, which swaps Material's search worker for ours) in front
  of the theme, and index the built site. The override is added here rather than as
  `theme.custom_dir` so that every copy of mkdocs.yml that loads this hook gets it too. When the
  workers fill the templates, `on_env` has Pagefind index a copy of the pages while MkDocs
  writes the site, and `on_post_build` waits for it (`on_build_error` stops it). Over the last
  build's index, Pagefind writes into memory and only the files that changed reach the site
  (`search_index.mirror`).

Problems are logged on a logger under `mkdocs.`, which is what makes `mkdocs build --strict`
fail on them while `mkdocs serve` keeps serving. The build cache lives on `_STATE`, not in the
pipeline, because `mkdocs serve` keeps this module loaded across rebuilds.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import conversion_store
import nav_cache
import preview_search
from conversion_store import ConversionStore
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from parallel_render import Rendered, converted_in_workers, prerender, prerender_templates
from render_cache import RenderCache
from site_rewrite import SiteRewrite
from template_cache import TemplateCache

from muistio import search_index
from muistio.cache import BuildCache
from muistio.gc_tuning import fewer_collections
from muistio.load import COMPANIES_DIR, MEMOS_DIR
from muistio.messages import language_of
from muistio.pages import GeneratedPage
from muistio.pages.followups_page import CALENDAR
from muistio.pipeline import build_site
from muistio.problems import Problem, Severity
from muistio.settings import Settings
from muistio.site_options import SiteOptions, read_options

log = logging.getLogger("mkdocs.plugins.muistio")


class _State:
    cache = BuildCache()
    renders = RenderCache()
    templates = TemplateCache()
    serving = False
    previewed = False
    """Whether `mkdocs serve` has built the site once (its later builds run in one process)."""
    nav: Navigation | None = None
    """This build's navigation, from `on_nav` to `on_env` (which MkDocs does not give it)."""
    with_islands: dict[str, GeneratedPage] = {}
    """This build's generated pages whose HTML `fill` completes (their islands, the mark of a listing
    page), by source path, for `on_page_content`."""
    early_index: search_index.EarlyIndex | None = None
    """Pagefind indexing a copy of the pages, from `on_env` to `on_post_build`."""
    rewrite: SiteRewrite | None = None
    """The last build's files, kept for this one to write over, from `on_pre_build` to the end."""


_STATE = _State()


def on_pre_build(config: MkDocsConfig) -> None:
    """Have MkDocs write over the last build's files instead of deleting them first (see
    `site_rewrite`); what this build does not write goes in `on_post_build`."""
    _STATE.rewrite = SiteRewrite.install(config, __file__)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    SiteRewrite.uninstall()  # MkDocs has cleaned by now, or does not (a --dirty build)
    root = _root(config)
    lang = language_of(config.theme.get("language"))
    options, option_problems = _options(config)
    settings = Settings(quiet_days=options.quiet_days, public=options.public, workers=_workers(config),
                        directory_urls=config.use_directory_urls)
    with fewer_collections():
        site = build_site(root, settings, _STATE.cache, config.site_url or "")
    for problem in [*option_problems, *site.problems]:
        if problem.severity is Severity.NOTICE:
            log.info(problem.render(lang))  # not a warning: --strict must not fail on it
        else:
            log.warning(problem.render(lang))
    _STATE.with_islands = {page.src_uri: page for page in site.pages if page.islands or page.listing}
    to_root = Path(os.path.relpath(root, config.docs_dir)).as_posix()  # edit_uri is read from docs_dir
    for page in site.pages:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            log.warning(f"{existing.src_uri}: replaced by the page Muistio generates there; "
                        "move or rename the file in docs/.")
            files.remove(existing)
        file = File.generated(config, page.src_uri, content=page.content, inclusion=InclusionLevel.NOT_IN_NAV)
        if page.source is not None:  # the edit button (repo_url, edit_uri) opens the file it came from
            file.edit_uri = f"{to_root}/{page.source}"
        files.append(file)
    files.append(File.generated(config, CALENDAR, content=site.calendar))
    if _STATE.rewrite is not None:
        _STATE.rewrite.make_room([file.abs_dest_path for file in files],
                                 [file.abs_dest_path for file in files.documentation_pages()
                                  if file.inclusion.is_included()])
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Convert the pages in worker processes ahead of MkDocs' loop (`parallel_render`), all but
    those whose conversion an earlier build kept and that would come out the same
    (`conversion_store`); under `mkdocs serve`, route conversions through the cache kept between
    builds (`render_cache`), which the first build, the only one made in workers, fills from
    theirs and from the disk's."""
    workers = _workers(config)
    store = ConversionStore.open(config, __file__)
    keep, reuse = (conversion_store.entry_for, store.reuse) if store is not None else (None, None)
    if _STATE.serving:
        converted = converted_in_workers(config, files, workers, keep, reuse)
        in_workers = _converted(converted, store, files, workers)
        _STATE.renders.install(config, files, {uri: result for uri, (_, result) in converted.items()})
        preview_search.install()
        _STATE.nav = nav if in_workers else None
        return nav
    _converted(prerender(config, files, workers, keep, reuse), store, files, workers)
    _STATE.nav = nav
    return nav


def _converted(converted: dict[str, tuple[Page, Rendered]], store: ConversionStore | None, files: Files,
               workers: int) -> bool:
    """Keep what the workers converted (`conversion_store`) and say so; whether workers were used
    (or would have been, had the disk not held every page)."""
    if store is not None:
        store.save(converted, {file.src_uri for file in files.documentation_pages()})
    if not converted and not (store and store.reused):
        return False
    reused = f"; {len(store.reused)} kept from the last build" if store else ""
    log.info(f"Muistio: converted {len(converted)} pages in {workers} processes{reused}")
    return True


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Fill the pages' templates ahead of MkDocs (see `on_nav`). With Pagefind, the workers also
    write the pages into a folder of their own, and Pagefind starts indexing it at once: it runs
    while MkDocs writes the site on one core, instead of after it. Whoever fills the templates
    fills Material's navigation once per set of links, not once a page (`nav_cache`). Under
    `mkdocs serve`, the first build fills them in workers too (without Pagefind; the sections
    Material's search parsed there come back, `preview_search`); every build keeps what it
    filled, and later ones, in one process, reuse it when a page's context is what it was
    (`template_cache`)."""
    if _STATE.serving:
        return _preview_env(env, config, files)
    nav_cache.install(env)
    if _STATE.nav is None:
        return env
    nav, _STATE.nav = _STATE.nav, None
    pages = len(files.documentation_pages())
    early = search_index.EarlyIndex.for_site(Path(config.site_dir), pages) if _pagefind(config) else None
    env, built = prerender_templates(env, config, files, nav, _workers(config), early.folder if early else None,
                                     copy_as=search_index.for_indexing)
    if early is not None:
        if built and early.start():
            _STATE.early_index = early
        else:
            early.discard()
    return env


def _preview_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """`on_env` under `mkdocs serve` (see there)."""
    _STATE.templates.compiled(env)  # before anything loads a template from `env`
    nav_cache.install(env)
    if _STATE.nav is not None:  # the first build: fill the templates in workers, and keep the results
        nav, _STATE.nav = _STATE.nav, None
        env, _ = prerender_templates(env, config, files, nav, _workers(config), carry=preview_search.SECTIONS)
    return _STATE.templates.install(env, config, files, __file__)


def on_startup(command: str, dirty: bool) -> None:
    _STATE.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Tell the theme override (overrides/main.html) to search with Pagefind when it is installed.

    Not under `mkdocs serve`: indexing takes seconds at a thousand memos and would be redone after
    every save, so the preview searches with Material's own index, which the build writes anyway.
    With Pagefind the site also gets the page of every result (overrides/haku.html), which the
    line above the search box's results links to."""
    if search_index.available() and not _STATE.serving:
        config.extra["muistio_search"] = "pagefind"
        overrides = str(Path(__file__).resolve().parent.parent / "overrides")
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(0, overrides)
        config.theme.static_templates.add(search_index.SEARCH_PAGE)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """With Pagefind, keep each page out of Material's own index: building it parses every page's
    HTML in Python (a tenth of the build) for an index nobody downloads any more."""
    if _pagefind(config):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _STATE.with_islands.get(page.file.src_uri)
    return html if generated is None else generated.fill(html)


def on_post_build(config: MkDocsConfig) -> None:
    """Index the built site for search (see `muistio.search_index`), or wait for the index
    started in `on_env`, if the pages it read are, byte for byte, those MkDocs wrote. (They are
    not when a plugin changed a page after its template was filled: then the site is indexed.)
    Before the pages are compared or indexed, what the last build left and this one did not write
    goes (`site_rewrite`)."""
    if _STATE.serving:
        _STATE.previewed = True
    rewrite, _STATE.rewrite = _STATE.rewrite, None
    sweep = rewrite.sweep if rewrite is not None else lambda: 0
    try:
        if not _pagefind(config):
            search_index.remove_index(Path(config.site_dir))  # the last build's, if it was kept
            return
        early, _STATE.early_index = _STATE.early_index, None
        if early is not None and early.finish(settle_site=sweep):
            return
        sweep()
        if early is not None:
            log.info("Muistio: the pages sent to the search index are not those written (or could not be "
                     "compared with them); indexing the site")
        search_index.build_pagefind(Path(config.site_dir))
    except search_index.SearchIndexError as error:
        log.warning(f"search index: {error}")
        search_index.remove_index(Path(config.site_dir))  # no half-made index, nor the last one
    finally:
        sweep()  # once only: later calls do nothing


def on_build_error(error: Exception) -> None:
    """A failed build leaves no indexer running and no copy of its pages behind."""
    early, _STATE.early_index = _STATE.early_index, None
    if early is not None:
        early.discard()
    rewrite, _STATE.rewrite = _STATE.rewrite, None
    if rewrite is not None and rewrite.started is not None:  # as a clean build: no old file left
        rewrite.sweep()
        search_index.remove_index(Path(rewrite.directory))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    root = _root(config)
    for folder in (MEMOS_DIR, COMPANIES_DIR):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


def _pagefind(config: MkDocsConfig) -> bool:
    return config.extra.get("muistio_search") == "pagefind"


def _workers(config: MkDocsConfig) -> int:
    """Processes for linking and page conversion: `extra.muistio.workers`, by default one per core
    up to four. Under `mkdocs serve`, only for its first build, which MkDocs makes before it
    starts the server's and the file watcher's threads (fork does not mix with threads: a lock
    another thread holds stays held in the child); a rebuild re-links only the memo that changed
    and reuses every unchanged page's conversion and template, in one process."""
    if _STATE.serving and (_STATE.previewed or threading.active_count() > 1):
        return 1
    return _options(config)[0].workers or min(4, os.cpu_count() or 1)


def _options(config: MkDocsConfig) -> tuple[SiteOptions, list[Problem]]:
    path = Path(config.config_file_path)
    return read_options(config.extra.get("muistio"), path.read_text(encoding="utf-8"), path.name)


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
