"""The index pages readers start from: the memo timeline, the company directory, the people.

These replace a navigation that lists every memo: with thousands of memos a full nav is copied
into every page and the build grows quadratically, while these pages grow linearly.
"""

from __future__ import annotations

from itertools import groupby

from muistio.knowledge_base import KnowledgeBase
from muistio.pages import GeneratedPage
from muistio.pages.labels import STATUS
from muistio.pages.markup import cell, finnish_date, link, plural, text

TIMELINE = "memos/index.md"
DIRECTORY = "companies/index.md"
PEOPLE = "people/index.md"


def timeline_page(kb: KnowledgeBase) -> GeneratedPage:
    parts = [f"{plural(len(kb.memos), 'muistio', 'muistiota')}, uusin ensin.", ""]
    for year, memos in groupby(kb.memos, key=lambda m: m.date.year if m.date else None):
        parts += [f"## {year if year else 'Ilman päivämäärää'}", ""]
        for memo in memos:
            names = [text(kb.companies[s].name) for s in kb.memo_companies(memo)]
            about = f" – {', '.join(names)}" if names else ""
            parts.append(f"- **{finnish_date(memo.date)}** {link(memo.title, TIMELINE, memo.src_uri)}{about}")
        parts.append("")
    return GeneratedPage(TIMELINE, "Muistiot", "\n".join(parts))


def directory_page(kb: KnowledgeBase) -> GeneratedPage:
    parts = [
        f"{plural(len(kb.companies), 'organisaatio', 'organisaatiota')}.",
        "",
        "| Nimi | Toimiala | Tila | Vastuuhenkilö | Viimeisin muistio | Muistioita |",
        "|---|---|---|---|---|---:|",
    ]
    for company in kb.companies.values():
        meta = company.meta
        owner = kb.people.get(meta.owner or "")
        owner_cell = link(owner.name, DIRECTORY, owner.src_uri) if owner else "–"
        memos = kb.company_memos.get(company.slug, [])
        last = finnish_date(memos[0].date) if memos else "–"
        parts.append(
            f"| {link(company.name, DIRECTORY, company.src_uri)} | {cell(meta.industry)} "
            f"| {STATUS.get(meta.status or '', '–')} | {owner_cell} | {last} | {len(memos)} |"
        )
    parts.append("")
    return GeneratedPage(DIRECTORY, "Organisaatiot", "\n".join(parts))


def people_page(kb: KnowledgeBase) -> GeneratedPage:
    parts = [
        f"{plural(len(kb.people), 'henkilö', 'henkilöä')}.",
        "",
        "| Nimi | Organisaatio | Tehtävä | Muistioita |",
        "|---|---|---|---:|",
    ]
    for person in sorted(kb.people.values(), key=lambda p: (p.name.split()[-1].casefold(), p.name)):
        company = kb.companies[person.company]
        parts.append(
            f"| {link(person.name, PEOPLE, person.src_uri)} | {link(company.name, PEOPLE, company.src_uri)} "
            f"| {cell(person.role)} | {len(kb.person_memos.get(person.slug, []))} |"
        )
    parts.append("")
    return GeneratedPage(PEOPLE, "Henkilöt", "\n".join(parts))
