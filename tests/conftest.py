"""Shared fixtures: small knowledge-base trees written into a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kbtrees import METROPOLIA, SANOMA, TreeWriter


@pytest.fixture
def tree(tmp_path: Path) -> TreeWriter:
    """Write a knowledge base: two companies by default, plus the files given (path → text)."""

    def write(files: dict[str, str | bytes], base: bool = True) -> Path:
        defaults: dict[str, str | bytes] = (
            {"companies/metropolia.md": METROPOLIA, "companies/sanoma-wsoy.md": SANOMA} if base else {}
        )
        for relative, content in {**defaults, **files}.items():
            path = tmp_path / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return tmp_path

    return write


@pytest.fixture(autouse=True, scope="session")
def _cache_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the front-matter cache (`muistio.parse_cache`) of every test's knowledge base, and of
    every build a test starts, out of the user's own cache folder."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache-home"))
