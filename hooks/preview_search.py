"""MkDocs adapter: under `mkdocs serve`, Material's search index parses only the pages whose HTML
changed since the previous build.

The preview searches with Material's own index (the hook's `on_config` says why not Pagefind).
Material makes it by running Python's HTMLParser over every page's content on every build: at
1,000 memos about a quarter of the rebuild after a save. What it parses out of a page (the
sections: each heading with its id and text, and the text under it) depends on the page's HTML
alone, so a page whose HTML is what it was gets the sections parsed then. Material's own code
still makes the index entries from them (addresses, titles, tags, boosts, exclusions), so those
follow the page as always.

The sections are kept pickled and compressed (about 2.5 KB a page, a third of them pickled alone),
by a hash of the HTML, for the pages of the previous build only: each build gets fresh objects
(Material writes the page title into an untitled section), and nothing is kept of a page that is
gone. tests/test_render_cache.py holds the rebuilt site, search
index included, to a fresh build of the saved files.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from typing import Any


class _Sections:
    """Parsed sections of the current and the previous build's pages, by a hash of their HTML."""

    def __init__(self) -> None:
        self.current: dict[bytes, bytes] = {}
        self.previous: dict[bytes, bytes] = {}
        self.fresh: dict[bytes, bytes] = {}
        """What this process parsed since `collect` last took it."""
        self.parsed = 0
        """Pages this build parsed rather than took from the previous one (for the tests)."""

    def new_build(self) -> None:
        self.previous, self.current, self.fresh, self.parsed = self.current, {}, {}, 0

    def of(self, html: str, parse: Any) -> list[Any]:
        key = hashlib.blake2b(html.encode("utf-8"), digest_size=16).digest()
        kept = self.current.get(key) or self.previous.get(key)
        if kept is None:
            kept = self.fresh[key] = zlib.compress(pickle.dumps(parse(html), protocol=pickle.HIGHEST_PROTOCOL), 1)
            self.parsed += 1
        self.current[key] = kept
        return pickle.loads(zlib.decompress(kept))

    def collect(self) -> dict[bytes, bytes]:
        """In a process that fills templates for this one (the first serve build's workers, whose
        Material search plugin parses each page as here): what it parsed, to be sent back."""
        fresh, self.fresh = self.fresh, {}
        return fresh

    def receive(self, carried: dict[bytes, bytes]) -> None:
        """Sections a worker parsed: this process's search plugin finds them by the page's HTML,
        and parses any page whose HTML came out otherwise here."""
        self.current.update(carried)


SECTIONS = _Sections()


def install() -> bool:
    """Route Material's search parser through `SECTIONS` for this process (a serve process: a
    `mkdocs build` keeps pages out of Material's index altogether), and start a new build's
    generation of it. False if Material's search plugin is not there to route."""
    try:
        from material.plugins.search import plugin
    except ImportError:
        return False
    material_parser = getattr(plugin.Parser, "material_parser", plugin.Parser)

    def parse(html: str) -> list[Any]:
        parser = material_parser()
        parser.feed(html)
        parser.close()
        return parser.data

    class RememberingParser:
        """What `SearchIndex.add_entry_from_context` uses of Material's parser: feed, close, data."""

        def __init__(self) -> None:
            self._html: list[str] = []
            self.data: list[Any] = []

        def feed(self, data: str) -> None:
            self._html.append(data)

        def close(self) -> None:
            self.data = SECTIONS.of("".join(self._html), parse)

    RememberingParser.material_parser = material_parser  # type: ignore[attr-defined]
    plugin.Parser = RememberingParser  # type: ignore[misc]
    SECTIONS.new_build()
    return True
