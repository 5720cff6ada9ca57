"""MkDocs adapter: translates MkDocs events into calls to the Muistio core. Nothing else.

- `on_files`: run the pipeline on the repository (memos/ and companies/ beside mkdocs.yml),
  log every problem as a warning, and add the generated pages (and the follow-up calendar).
- `on_serve`: watch memos/ and companies/, so saving a memo rebuilds and reloads the page.

Problems are logged on a logger under `mkdocs.`, which is what makes `mkdocs build --strict`
fail on them while `mkdocs serve` keeps serving. The build cache lives on `_STATE`, not in the
pipeline, because `mkdocs serve` keeps this module loaded across rebuilds.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel

from muistio.cache import BuildCache
from muistio.exports.calendar import followups_calendar
from muistio.load import COMPANIES_DIR, MEMOS_DIR
from muistio.messages import language_of
from muistio.pages.followups_page import CALENDAR
from muistio.pipeline import build_site
from muistio.settings import Settings

log = logging.getLogger("mkdocs.plugins.muistio")


class _State:
    cache = BuildCache()


_STATE = _State()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = _root(config)
    lang = language_of(config.theme.get("language"))
    options = config.extra.get("muistio") or {}
    settings = Settings(quiet_days=int(options.get("quiet_days", Settings().quiet_days)),
                        public=bool(options.get("public", False)),
                        directory_urls=config.use_directory_urls)
    site = build_site(root, settings, _STATE.cache)
    for problem in site.problems:
        log.warning(problem.render(lang))
    for page in site.pages:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            log.warning(f"{existing.src_uri}: replaced by the page Muistio generates there; "
                        "move or rename the file in docs/.")
            files.remove(existing)
        files.append(
            File.generated(config, page.src_uri, content=page.content, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    calendar = followups_calendar(site.kb, site.context.items, settings.today, config.site_url or "")
    files.append(File.generated(config, CALENDAR, content=calendar))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    root = _root(config)
    for folder in (MEMOS_DIR, COMPANIES_DIR):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
