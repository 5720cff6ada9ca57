"""Settings the CLI reads from the site's mkdocs.yml, so `kb` and the site agree.

Read with a plain YAML loader that ignores MkDocs' own tags (`!ENV`, `!relative`): the CLI must
work without building the site and without importing MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from muistio.messages import language_of


class _TolerantLoader(yaml.SafeLoader):
    pass


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class SiteSettings:
    root: Path
    lang: str
    """'fi' or 'en': the language problems are reported in."""


def find_root(start: Path) -> Path:
    """The nearest folder upwards that holds mkdocs.yml (or the start folder)."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def read_settings(root: Path) -> SiteSettings:
    config: dict[str, Any] = {}
    path = root / "mkdocs.yml"
    if path.is_file():
        try:
            loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506
            config = loaded if isinstance(loaded, dict) else {}
        except (yaml.YAMLError, OSError, UnicodeDecodeError):
            config = {}
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return SiteSettings(root=root, lang=language_of(language))
