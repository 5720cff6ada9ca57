"""A memo's page: the facts at a glance (date, who, which organisations), then the memo itself."""

from __future__ import annotations

from muistio.knowledge_base import KnowledgeBase
from muistio.pages import GeneratedPage
from muistio.pages.markup import finnish_date, link, text
from muistio.problems import Problem
from muistio.records import Memo


def memo_page(kb: KnowledgeBase, memo: Memo, body: str, problems: list[Problem]) -> GeneratedPage:
    uri = memo.src_uri
    facts = [f"**Päivämäärä:** {finnish_date(memo.date)}"]
    people = [_person_link(kb, slug, uri) for slug in kb.memo_people(memo)]
    if people:
        facts.append("**Osallistujat:** " + ", ".join(people))
    companies = [link(kb.companies[slug].name, uri, kb.companies[slug].src_uri)
                 for slug in kb.memo_companies(memo)]
    if companies:
        facts.append("**Organisaatiot:** " + ", ".join(companies))
    parts = ['<div class="kb-facts" markdown>', "  \n".join(facts), "</div>", ""]
    if problems:
        parts += ['!!! warning "Tämän muistion tiedoissa on virheitä"', ""]
        parts += [f"    - rivi {p.line}: {text(p.message('fi'))}" for p in problems]
        parts.append("")
    parts.append(body)
    meta = {"tags": list(memo.meta.tags)} if memo.meta.tags else {}
    return GeneratedPage(uri, memo.title, "\n".join(parts), meta)


def _person_link(kb: KnowledgeBase, slug: str, from_uri: str) -> str:
    person = kb.people[slug]
    company = kb.companies.get(person.company)
    where = f" ({text(company.name)})" if company else ""
    return link(person.name, from_uri, person.src_uri) + where
