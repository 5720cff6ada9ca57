"""Fixtures for the Confluence importer's tests; runs without installing the package."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))

from muistio.importers import StaticDirectory  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "confluence"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def directory() -> StaticDirectory:
    """The organisations and people of the seed memo, as the brief lists them."""
    return StaticDirectory(
        people={"Petri Laitinen": "petri-laitinen", "Matti Meikäläinen": "matti-meikalainen"},
        companies={
            "Metropolia": "metropolia",
            "Sanoma WSOY": "sanoma-wsoy",
            "OP-Pohjola": "op-pohjola",
            "Aalto-yliopisto": "aalto-yliopisto",
            "TKK": "aalto-yliopisto",
            "Rondo": "rondo",
            "Reititin": "reititin",
        },
    )


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """An empty knowledge base."""
    (tmp_path / "memos").mkdir()
    (tmp_path / "companies").mkdir()
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """Every file under a folder with its bytes: "nothing changed" made checkable."""
    return _snapshot
