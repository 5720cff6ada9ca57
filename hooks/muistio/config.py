"""Settings the CLI reads from the site's mkdocs.yml, so `kb` and the site agree (the language,
and `extra.muistio`, checked by `site_options` as the hook checks it).

Read with a plain YAML loader that ignores MkDocs' own tags (`!ENV`, `!relative`): the CLI must
work without building the site and without importing MkDocs. What it read is kept in the cache
folder (`cache_files`) while mkdocs.yml is the same, so a `kb check` whose files are all in the
parse cache needs no PyYAML at all (`parse_cache`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from muistio.cache_files import cache_file
from muistio.load import COMPANIES_DIR, MEMOS_DIR
from muistio.messages import language_of
from muistio.problems import Problem
from muistio.site_options import SiteOptions, read_options


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
    text = ""
    values: dict[str, Any] = {}
    path = root / "mkdocs.yml"
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        else:
            values = _kept_values(root, text)
    options, problems = read_options(values.get("muistio"), text, path.name)
    docs_dir = values.get("docs_dir")
    return SiteSettings(root=root, lang=language_of(values.get("language")), options=options,
                        option_problems=problems,
                        docs_dir=docs_dir if isinstance(docs_dir, str) and docs_dir else "docs")


def _kept_values(root: Path, text: str) -> dict[str, Any]:
    """`_values`, from the last run while mkdocs.yml and the code reading it are the same."""
    cached = cache_file("site-config", root, ".json")
    if cached is None:
        return _values(text)
    key = hashlib.sha256(text.encode("utf-8") + Path(__file__).read_bytes()).hexdigest()
    try:
        kept = json.loads(cached.read_bytes())
        if kept["key"] == key and isinstance(kept["values"], dict):
            return kept["values"]  # type: ignore[no-any-return]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    values = _values(text)
    try:
        if json.loads(json.dumps(values)) != values:  # a date, or a key that is no string
            return values
        cached.parent.mkdir(parents=True, exist_ok=True)
        written = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
        written.write_text(json.dumps({"key": key, "values": values}), encoding="utf-8")
        os.replace(written, cached)
    except (OSError, TypeError, ValueError):  # a value JSON cannot hold, or a read-only disk
        pass
    return values


def _values(text: str) -> dict[str, Any]:
    """What `kb` needs of mkdocs.yml: the site's language, `extra.muistio` and `docs_dir`."""
    import yaml

    class TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """libyaml where PyYAML has it: the pure-Python parser took 6 ms of every `kb` run
        whose mkdocs.yml was not read before (a fresh clone, CI)."""

    def ignore_tag(loader: Any, suffix: str, node: yaml.Node) -> Any:
        return None

    TolerantLoader.add_multi_constructor("!", ignore_tag)
    TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", ignore_tag)
    try:
        loaded = yaml.load(text, Loader=TolerantLoader)  # noqa: S506
    except yaml.YAMLError:
        return {}
    config = loaded if isinstance(loaded, dict) else {}
    theme, extra = config.get("theme"), config.get("extra")
    return {"language": theme.get("language") if isinstance(theme, dict) else None,
            "muistio": extra.get("muistio") if isinstance(extra, dict) else None,
            "docs_dir": config.get("docs_dir")}
