"""The knowledge base is built with the cycle collector running less often, and MkDocs (and a
long `mkdocs serve`) gets Python's own thresholds back afterwards, even after an error."""

from __future__ import annotations

import gc

import pytest

from muistio.gc_tuning import THRESHOLDS, fewer_collections


def test_thresholds_are_raised_inside_and_put_back_after_even_on_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
        raise RuntimeError("a build that failed")
    assert gc.get_threshold() == before
