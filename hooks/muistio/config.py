"""Settings the CLI reads from the site's mkdocs.yml, so `kb` and the site agree (the language,
and `extra.muistio`, checked by `site_options` as the hook checks it).

Read with a plain YAML loader that ignores MkDocs' own tags (`!ENV`, `!relative`): the CLI must
work without building the site and without importing MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from muistio.load import COMPANIES_DIR, MEMOS_DIR
from muistio.messages import language_of
from muistio.problems import Problem
from muistio.site_options import SiteOptions, read_options


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
    options: SiteOptions = field(default_factory=SiteOptions)
    option_problems: list[Problem] = field(default_factory=list)
    """Settings under `extra.muistio` the build could not use, at their lines in mkdocs.yml."""
    docs_dir: str = "docs"
    """The hand-written pages' folder (`docs_dir`), whose files links may lead to."""


def is_knowledge_base(folder: Path) -> bool:
    """A folder with mkdocs.yml, memos/ or companies/: anything else `kb` would read as an empty
    knowledge base (a clean `kb check`, empty exports) or fill with new folders (`kb new`)."""
    return _has_site(folder) or _is_dir(folder / MEMOS_DIR) or _is_dir(folder / COMPANIES_DIR)


def find_root(start: Path) -> Path | None:
    """The nearest folder upwards that holds mkdocs.yml; failing that, the nearest that holds
    memos/ or companies/ (a knowledge base without the site); None outside a knowledge base."""
    folders = (start, *start.parents)
    for folder in folders:
        if _has_site(folder):
            return folder
    for folder in folders:
        if is_knowledge_base(folder):
            return folder
    return None


def _has_site(folder: Path) -> bool:
    try:
        return (folder / "mkdocs.yml").is_file()
    except OSError:  # a folder that may not be read is not one `kb` can work in
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def read_settings(root: Path) -> SiteSettings:
    config: dict[str, Any] = {}
    text = ""
    path = root / "mkdocs.yml"
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
            loaded = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506
            config = loaded if isinstance(loaded, dict) else {}
        except (yaml.YAMLError, OSError, UnicodeDecodeError):
            config = {}
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    extra = config.get("extra")
    options, problems = read_options(extra.get("muistio") if isinstance(extra, dict) else None, text, path.name)
    docs_dir = config.get("docs_dir")
    return SiteSettings(root=root, lang=language_of(language), options=options, option_problems=problems,
                        docs_dir=docs_dir if isinstance(docs_dir, str) and docs_dir else "docs")
