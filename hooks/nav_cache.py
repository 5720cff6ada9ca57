"""Material's navigation, tabs, search box and colour toggle, filled once per distinct set of
links instead of once a page.

Every page's template includes Material's `partials/nav.html`, `partials/tabs.html`,
`partials/search.html` and `partials/palette.html`; filling them once per set of links instead of
once a page cut the CPU time of filling 6,500 templates (5,000 memos) by about a quarter.

For a page that is not itself in the navigation (every memo, organisation and person page),
nothing in what those partials produce depends on the page but the form each link they write
(the navigation's, the home page's, the logo's) takes relative to the page's URL: no item of the
navigation is the page, and none is active. So pages whose links come out the same share one
rendering, keyed by exactly those links and by every item's active flag.

Everything else renders as before: a page in the navigation, a navigation with items other than
MkDocs' own pages, sections and links (a plugin's may read anything), and a partial that is not,
with every partial it includes, Material's own file (a theme override may read anything).

The cache lives on the templates of one build's Jinja environment; MkDocs makes a new environment
for every build. tests/test_nav_cache.py holds the site built with it, byte for byte, to the one
built without it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import material
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

PARTIALS = {
    "partials/nav.html": ("partials/nav-item.html", "partials/logo.html", "partials/source.html",
                          "partials/toc.html"),
    "partials/tabs.html": ("partials/tabs-item.html",),
    "partials/search.html": (),
    "partials/palette.html": (),
}
"""The partials whose output, for a page outside the navigation, depends only on its links, with
the partials each includes (which must be Material's own too)."""

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"


@dataclasses.dataclass(frozen=True)
class _Links:
    """What a navigation's partials read that can differ between pages of one build."""

    nav: Navigation
    urls: tuple[str, ...]
    """Every URL the partials pass through the `url` filter, before it makes them relative."""
    items: tuple[Page | Section | Link, ...]
    """Every item, for its active flag."""


def install(env: jinja2.Environment) -> int:
    """Have `env`'s copies of Material's navigation partials answer from the cache; returns how
    many did (none when the theme overrides them or is not Material)."""
    installed = 0
    keys = _Keys()
    for name, included in PARTIALS.items():
        if not all(_materials_own(env, partial) for partial in (name, *included)):
            continue
        template = env.get_template(name)
        if not getattr(template.root_render_func, "nav_cache", False):
            template.root_render_func = _cached(template.root_render_func, keys)
            installed += 1
    return installed


def _materials_own(env: jinja2.Environment, name: str) -> bool:
    try:
        filename = env.get_template(name).filename
    except jinja2.TemplateNotFound:
        return False
    return filename is not None and Path(filename).resolve().is_relative_to(MATERIAL_TEMPLATES)


def _cached(render: Callable[[jinja2.runtime.Context], Iterator[str]], keys: _Keys) -> Any:
    rendered: dict[tuple[Any, ...], str] = {}

    def root_render_func(context: jinja2.runtime.Context) -> Iterator[str]:
        key = keys.of(context)
        if key is None:
            yield from render(context)
            return
        output = rendered.get(key)
        if output is None:
            output = rendered[key] = "".join(render(context))
        yield output

    root_render_func.nav_cache = True  # type: ignore[attr-defined]
    return root_render_func


class _Keys:
    """The key of the page being filled, worked out once for the four partials it includes."""

    def __init__(self) -> None:
        self._links: dict[int, _Links | None] = {}
        self._last: tuple[Any, tuple[Any, ...] | None] = (None, None)

    def of(self, context: jinja2.runtime.Context) -> tuple[Any, ...] | None:
        """What the partial's output depends on for this page, or None if it may depend on more."""
        page, nav = context.get("page"), context.get("nav")
        if not isinstance(page, Page) or not isinstance(nav, Navigation):
            return None
        if self._last[0] is page:
            return self._last[1]
        if id(nav) not in self._links:
            self._links[id(nav)] = _links_of(nav, context)
        links = self._links[id(nav)]
        key = None
        if links is not None and links.nav is nav and page not in nav.pages:
            url = context.environment.filters["url"]
            key = (id(nav), tuple(url(context, value) for value in links.urls),
                   tuple(item.active for item in links.items))
        self._last = (page, key)
        return key


def nav_items(children: list[Any]) -> list[Page | Section | Link] | None:
    """Every item of a navigation, depth first; None if any is not one of MkDocs' own kinds (a
    plugin's item may make a template read anything)."""
    items: list[Page | Section | Link] = []
    for item in children:
        if type(item) not in (Page, Section, Link):
            return None
        items.append(item)
        if isinstance(item, Section):
            below = nav_items(item.children)
            if below is None:
                return None
            items.extend(below)
    return items


def _links_of(nav: Navigation, context: jinja2.runtime.Context) -> _Links | None:
    items = nav_items(nav.items)
    if items is None:
        return None
    urls = [str(item.url) for item in items if not isinstance(item, Section)]
    config = context.get("config") or {}
    homepage, logo = config.get("extra", {}).get("homepage"), config.get("theme", {}).get("logo")
    urls.extend(str(value) for value in (homepage, nav.homepage.url if nav.homepage else None, logo) if value)
    return _Links(nav, tuple(urls), tuple(items))
