"""Where the caches kept between runs live: one folder in the user's cache directory
(`$XDG_CACHE_HOME/muistio/`, by default `~/.cache/muistio/`), never in the repository, so that
checking or building never writes into the knowledge base. Each file is named after what it
belongs to (a repository, a config file) by a hash of its absolute path, so two checkouts never
share one. `MUISTIO_NO_CACHE=1` turns every cache off.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_file(kind: str, owner: Path, suffix: str) -> Path | None:
    """The cache file of `kind` for `owner` (e.g. `front-matter-<hash>.json`); None when caching
    is off."""
    if os.environ.get("MUISTIO_NO_CACHE"):
        return None
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    name = hashlib.sha256(str(owner.resolve()).encode()).hexdigest()[:20]
    return Path(home) / "muistio" / f"{kind}-{name}{suffix}"
