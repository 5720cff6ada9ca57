"""The site's search index: Pagefind's chunked index instead of Material's single JSON file.

Material's search plugin writes the text of every page into search/search_index.json, which every
reader's browser downloads whole before the first result: 4.8 MB at 1,000 memos, 24 MB at 5,000.
Pagefind (a Rust indexer shipped as a binary inside its PyPI wheel, `pagefind[extended]`; nothing
is downloaded at run time) reads the built HTML and writes an index split into chunks by word, so
a query downloads only the chunks of its words. It stems Finnish (from `<html lang="fi">`), so an
inflected query word finds the base form, as Material's lunr-fi did.

Material's search box and result list stay: Material's index is reduced to its `config` (the box
still needs it), and the worker the theme override starts (overrides/) answers from Pagefind.
This module only runs the indexer on a built site; it knows nothing about MkDocs.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

MATERIAL_INDEX = Path("search") / "search_index.json"


class SearchIndexError(RuntimeError):
    """The indexer failed; the message says why, for the build log."""


def available() -> bool:
    """Whether the Pagefind binary is installed (it comes with the pinned requirements)."""
    return any(importlib.util.find_spec(name) is not None for name in ("pagefind_bin_extended", "pagefind_bin"))


def build_pagefind(site_dir: Path) -> None:
    """Index the built site with Pagefind (into site_dir/pagefind/) and empty Material's index."""
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise SearchIndexError(f"Pagefind failed ({done.returncode}): {detail[0]}")
    index = site_dir / MATERIAL_INDEX
    if index.is_file():
        material = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps({"config": material.get("config", {}), "docs": []}), encoding="utf-8")
