"""MkDocs adapter: the plugins whose behaviour the adapters' shortcuts were checked against.

Reusing a filled template (`template_cache`), writing over the last site (`site_rewrite`) and
taking a conversion an earlier build kept (`conversion_store`) rely on what every plugin of the
build does: Material's search and tags add nothing to a page's template context but the tags,
write each of their files on every build, read nothing in `site_dir` and change nothing a page's
conversion depends on. Any other plugin might, so with one the shortcuts are not taken.
"""

from __future__ import annotations

from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig

KNOWN_PLUGINS = frozenset({"material/search", "material/tags"})


def only_known_plugins(config: MkDocsConfig, hook_file: str) -> bool:
    """Whether every plugin of `config` is a known one or the hook at `hook_file` (Muistio's own)."""
    for name, plugin in config.plugins.items():
        ours = isinstance(plugin, ModuleType) and getattr(plugin, "__file__", None) == hook_file
        if name not in KNOWN_PLUGINS and not ours:
            return False
    return True
