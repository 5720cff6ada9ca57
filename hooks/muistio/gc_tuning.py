"""Python's cycle collector, told to run less often while the knowledge base is built.

Reading, validating and linking make many small objects (every file's values and their lines,
every mention) that all live until the build's end. With the default thresholds the collector
walks them again and again as they grow: at 5,000 memos about 5 % of the hook's time and a
quarter of `kb check`'s. Collecting less often changes nothing the code does; the thresholds are
put back afterwards, so MkDocs and a long `mkdocs serve` run collect as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (20_000, 10, 10)
"""Allocations before a young-generation collection (Python's default is 700 or 2,000), and how
many of those before an older one."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
