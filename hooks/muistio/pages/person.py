"""Pages for people and offerings: who they are, where they belong, which memos name them."""

from __future__ import annotations

from muistio.knowledge_base import KnowledgeBase
from muistio.pages import GeneratedPage
from muistio.pages.markup import finnish_date, link, text
from muistio.records import Memo, Offering, Person


def person_page(kb: KnowledgeBase, person: Person) -> GeneratedPage:
    uri = person.src_uri
    company = kb.companies[person.company]
    role = f"{text(person.role)}, " if person.role else ""
    parts = [f"{role}{link(company.name, uri, company.src_uri)}", ""]
    parts += _memo_list(kb.person_memos.get(person.slug, []), uri)
    return GeneratedPage(uri, person.name, "\n".join(parts))


def offering_page(kb: KnowledgeBase, offering: Offering, memos: list[Memo]) -> GeneratedPage:
    uri = offering.src_uri
    company = kb.companies[offering.company]
    parts = [f"Tarjoaja: {link(company.name, uri, company.src_uri)}", ""]
    if offering.description:
        parts += [text(offering.description), ""]
    parts += _memo_list(memos, uri)
    return GeneratedPage(uri, offering.name, "\n".join(parts))


def _memo_list(memos: list[Memo], uri: str) -> list[str]:
    parts = ["## Muistiot", ""]
    if not memos:
        return [*parts, "Ei vielä muistioita.", ""]
    return [*parts, *(f"- {finnish_date(m.date)} {link(m.title, uri, m.src_uri)}" for m in memos), ""]
