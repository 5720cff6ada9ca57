"""The knowledge base as the importer's `Directory`: who and what already has a page.

The importer asks by name ("Petri Laitinen", "Sanoma WSOY") and by running text (a Confluence
page that says "Metropoliassa"); both answers come from the same Finnish-aware matcher that links
the site, so an imported memo names exactly the companies its page will link to.
"""

from __future__ import annotations

from muistio.crosslink import Entities
from muistio.knowledge_base import KnowledgeBase


class KnowledgeBaseDirectory:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.entities = Entities(kb)

    def person_slug(self, name: str) -> str | None:
        return self._whole(name, "person")

    def company_slug(self, name: str) -> str | None:
        return self._whole(name, "company")

    def company_slugs_in(self, text: str) -> list[str]:
        slugs = [m.key.partition(":")[2] for m in self.entities.matcher.find(text) if m.key.startswith("company:")]
        return list(dict.fromkeys(slugs))

    def _whole(self, name: str, kind: str) -> str | None:
        """An exact name, alias or slug first; else an inflected form that covers the whole name.
        A name two entities share ("Petri") is no one's: the page does not say which is meant."""
        if len(self.entities.named(name)) > 1:
            return None
        key = self.entities.resolve(name)
        if key is None:
            matches = self.entities.matcher.find(name.strip())
            if (len(matches) == 1 and not matches[0].others and matches[0].start == 0
                    and matches[0].end == len(name.strip())):
                key = matches[0].key
        if key is None or not key.startswith(f"{kind}:"):
            return None
        return key.partition(":")[2]
