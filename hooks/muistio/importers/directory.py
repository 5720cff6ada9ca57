"""The importer's view of the knowledge base's people and organisations.

The importer must not depend on how the core stores companies, so it asks through this small
protocol; the core passes its real (Finnish-aware) implementation, tests pass `StaticDirectory`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol


class Directory(Protocol):
    """What the importer needs to know about people and organisations the knowledge base has."""

    def person_slug(self, name: str) -> str | None:
        """ "Petri Laitinen" → "petri-laitinen"; None when nobody of that name is known."""
        ...

    def company_slugs_in(self, text: str) -> list[str]:
        """Slugs of the organisations mentioned in `text`, in order of first mention."""
        ...

    def company_slug(self, name: str) -> str | None:
        """The slug of the organisation called exactly `name` (or an alias of it)."""
        ...


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class StaticDirectory:
    """An in-memory directory for tests and dry runs without a knowledge base.

    `company_slugs_in` is deliberately naive (a case-insensitive name that starts a word, so
    "Metropoliassa" finds "Metropolia"): good enough to test the importer, while the real
    inflection-aware matching lives in the core.
    """

    def __init__(
        self,
        people: Mapping[str, str] | None = None,
        companies: Mapping[str, str] | None = None,
    ) -> None:
        self._people = {_fold(name): slug for name, slug in (people or {}).items()}
        self._companies = {_fold(name): slug for name, slug in (companies or {}).items()}
        self._company_names = dict(companies or {})

    def person_slug(self, name: str) -> str | None:
        return self._people.get(_fold(name))

    def company_slug(self, name: str) -> str | None:
        return self._companies.get(_fold(name))

    def company_slugs_in(self, text: str) -> list[str]:
        found: list[tuple[int, str]] = []
        for name, slug in self._company_names.items():
            words = r"\s+".join(re.escape(word) for word in name.split())
            match = re.search(rf"(?<![\w-]){words}", text, re.IGNORECASE)
            if match:
                found.append((match.start(), slug))
        return _unique(slug for _, slug in sorted(found))


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
