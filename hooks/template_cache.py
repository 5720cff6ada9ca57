"""MkDocs adapter: under `mkdocs serve`, reuse a page's filled template when nothing it was filled
from has changed since the previous build.

After a save, `mkdocs serve` fills every page's template again, in one process: about half of a
rebuild at 1,000 memos, though the edit changed a handful of pages. A template's output is a
function of its context: MkDocs' `get_context` and what the plugins' `page_context` events add.
The key kept with each page's output holds everything in that context a template can read:

- of the page: its source path, URLs, content, title, metadata, table of contents, whether it is
  the home page, its neighbours and its sections, and the active flag of every navigation item;
- of the site: the config file's bytes, the `extra` settings (plugins change them), every file's
  path and URL, the navigation's titles and URLs, and the template's name;
- what Material's tags plugin adds: each tag's name and links.

It applies only where the templates can read nothing else: Material's own templates (no
`custom_dir`), MkDocs' own navigation items, and no plugins but Material's search and tags and
this hook. Otherwise, or for a page whose context holds anything else, the template is filled as
always. tests/test_render_cache.py compares every file a rebuild writes with a fresh build's.

Outputs are kept compressed (a few kilobytes a page), keyed by a hash of the key. The compiled
templates are kept too (`compiled`): MkDocs makes a new Jinja environment for every build, which
compiled Material's templates again, a quarter of a second each rebuild.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from pathlib import Path
from typing import Any

import jinja2
import material
import mkdocs
from known_plugins import only_known_plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from nav_cache import nav_items

CONTEXT_KEYS = frozenset({"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
                          "build_date_utc", "config", "page", "tags"})
"""What MkDocs' `get_context` and Material's tags plugin put in the context. `pages` (every file)
and `config` are in the site's part of the key; `build_date_utc` is read by no page template of
Material's; `mkdocs_version` does not change while serving."""

THEME_DIRS = [Path(material.__file__).resolve().parent / "templates",
              Path(mkdocs.__file__).resolve().parent / "templates"]
"""The folders Material's theme loads templates from when no `custom_dir` comes before them."""


class TemplateCache:
    """The previous serve build's filled templates, by source path."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[bytes, bytes]] = {}
        """src_uri → (hash of the key, the compressed output)."""
        self._made: dict[str, tuple[bytes, bytes]] = {}
        self.reused = 0
        """Pages the last build took from the cache (for the log and the tests)."""
        self._compiled = _CompiledTemplates()

    def compiled(self, env: jinja2.Environment) -> None:
        """Have `env` take templates compiled by earlier builds when their source is the same
        (before anything loads a template from it)."""
        env.bytecode_cache = self._compiled

    def install(self, env: jinja2.Environment, config: MkDocsConfig, files: Files,
                hook_file: str) -> jinja2.Environment:
        """The environment MkDocs fills this build's templates with (the hook's `on_env`; the
        hook's own file is the one plugin besides Material's known to add nothing)."""
        self._kept, self._made = self._made, {}  # a page that is gone is forgotten
        self.reused = 0
        site = _site_key(config, files, hook_file)
        return env if site is None else _Environment(env, self, site)  # type: ignore[return-value]

    def render(self, template: jinja2.Template, name: str, site: bytes, context: Any) -> str:
        key = _key(name, site, context)
        if key is None:
            return template.render(context)
        page: Page = context["page"]
        kept = self._kept.get(page.file.src_uri)
        if kept is not None and kept[0] == key:
            self._made[page.file.src_uri] = kept
            self.reused += 1
            return zlib.decompress(kept[1]).decode("utf-8")
        output = template.render(context)
        self._made[page.file.src_uri] = (key, zlib.compress(output.encode("utf-8"), 1))
        return output


class _Environment:
    """MkDocs' Jinja environment, whose templates answer from the cache when they may."""

    def __init__(self, env: jinja2.Environment, cache: TemplateCache, site: bytes) -> None:
        self._env = env
        self._cache = cache
        self._site = site

    def get_template(self, name: str, *args: Any, **kwargs: Any) -> _Template:
        return _Template(self._env.get_template(name, *args, **kwargs), name, self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._env, name)


class _Template:
    def __init__(self, template: jinja2.Template, name: str, env: _Environment) -> None:
        self._template = template
        self._name = name
        self._env = env

    def render(self, *args: Any, **kwargs: Any) -> str:
        if len(args) != 1 or kwargs or not isinstance(args[0], dict):
            return self._template.render(*args, **kwargs)
        return self._env._cache.render(self._template, self._name, self._env._site, args[0])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


def _site_key(config: MkDocsConfig, files: Files, hook_file: str) -> bytes | None:
    """What every page's output depends on; None when the templates may read more than the key."""
    if not only_known_plugins(config, hook_file):
        return None
    if [Path(folder).resolve() for folder in config.theme.dirs] != THEME_DIRS:
        return None  # a custom_dir's templates may read anything
    try:
        config_bytes = Path(config.config_file_path).read_bytes()
        parts = (config_bytes, dict(config.extra), str(config.site_url),
                 [(file.src_uri, file.url, str(file.inclusion)) for file in files])
        return hashlib.blake2b(pickle.dumps(parts), digest_size=16).digest()
    except (OSError, TypeError, pickle.PicklingError, AttributeError):
        return None


def _key(name: str, site: bytes, context: dict[str, Any]) -> bytes | None:
    """The hash of everything this page's template can read; None if that is not known."""
    page, nav = context.get("page"), context.get("nav")
    if not isinstance(page, Page) or not isinstance(nav, Navigation) or not CONTEXT_KEYS.issuperset(context):
        return None
    items = nav_items(nav.items)
    if items is None:
        return None
    try:
        parts = (
            name, site,
            [(type(item).__name__, item.title, getattr(item, "url", None), item.active) for item in items],
            page.file.src_uri, page.url, page.canonical_url, page.abs_url, page.edit_url, page.is_homepage,
            page.content, page.title, page.meta, _toc(page.toc),
            _neighbour(page.previous_page), _neighbour(page.next_page),
            [section.title for section in page.ancestors],
            context.get("base_url"), [str(value) for value in context.get("extra_css") or ()],
            [str(value) for value in context.get("extra_javascript") or ()],
            _tags(context.get("tags")),
        )
        return hashlib.blake2b(pickle.dumps(parts), digest_size=16).digest()
    except (TypeError, AttributeError, pickle.PicklingError, RecursionError):
        return None


def _toc(links: Any) -> list[Any]:
    if not all(isinstance(link, AnchorLink) for link in links):
        raise TypeError("a table of contents entry of another kind")
    return [(link.title, link.id, link.level, _toc(link.children)) for link in links]


def _neighbour(page: Page | None) -> tuple[str, str] | None:
    return None if page is None else (page.title or "", page.url)


def _tags(tags: Any) -> list[Any] | None:
    """Material's tag references: a name, hidden or not, and links (title and URL)."""
    if tags is None:
        return None
    return [(str(tag.name), bool(getattr(tag, "hidden", False)),
             [(link.title, link.url) for link in tag.links]) for tag in tags]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, in this process's memory. Jinja checks each against a hash of
    the template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
