"""Wording of the problems found by the cli checks, in English and Finnish (see the package docstring)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {}
