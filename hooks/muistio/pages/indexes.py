"""The index pages readers start from: the memo timeline, the company directory, the people.

These replace a navigation that lists every memo: with thousands of memos a full nav is copied
into every page and the build grows quadratically, while these pages grow linearly.
"""

from __future__ import annotations

import datetime
from itertools import groupby

from muistio.knowledge_base import KnowledgeBase
from muistio.pages import GeneratedPage, island
from muistio.pages.labels import STATUS
from muistio.pages.markup import Cell, escaped, finnish_date, html_link, html_list, html_table, plural

TIMELINE = "memos/index.md"
DIRECTORY = "companies/index.md"
PEOPLE = "people/index.md"


def timeline_page(kb: KnowledgeBase, directory_urls: bool) -> GeneratedPage:
    parts = [f"{plural(len(kb.memos), 'muistio', 'muistiota')}, uusin ensin.", ""]
    islands: list[str] = []
    for year, memos in groupby(kb.memos, key=lambda m: m.date.year if m.date else None):
        parts += [f"## {year if year else 'Ilman päivämäärää'}", ""]
        rows = []
        for memo in memos:
            names = [escaped(kb.companies[s].name) for s in kb.memo_companies(memo)]
            about = f" – {', '.join(names)}" if names else ""
            title = html_link(memo.title, TIMELINE, memo.src_uri, directory_urls)
            rows.append(f"<strong>{finnish_date(memo.date)}</strong> {title}{about}")
        parts += island(islands, html_list(rows))
    return GeneratedPage(TIMELINE, "Muistiot", "\n".join(parts), islands=tuple(islands), listing=True)


def directory_page(kb: KnowledgeBase, directory_urls: bool) -> GeneratedPage:
    rows = []
    for company in kb.companies.values():
        meta = company.meta
        owner = kb.people.get(meta.owner or "")
        memos = kb.company_memos.get(company.slug, [])
        rows.append([
            html_link(company.name, DIRECTORY, company.src_uri, directory_urls),
            escaped(meta.industry) if meta.industry else "–",
            _status_cell(meta.status),
            html_link(owner.name, DIRECTORY, owner.src_uri, directory_urls) if owner else "–",
            _date_cell(memos[0].date) if memos else "–",
            str(len(memos)),
        ])
    table = html_table(["Nimi", "Toimiala", "Tila", "Vastuuhenkilö", "Viimeisin muistio", "Muistioita"], rows,
                       right=[5], sortable=True)
    islands: list[str] = []
    parts = [f"{plural(len(kb.companies), 'organisaatio', 'organisaatiota')}.", "", *island(islands, table)]
    return GeneratedPage(DIRECTORY, "Organisaatiot", "\n".join(parts), islands=tuple(islands), listing=True)


def people_page(kb: KnowledgeBase, directory_urls: bool) -> GeneratedPage:
    rows = []
    for person in sorted(kb.people.values(), key=lambda p: (p.name.split()[-1].casefold(), p.name)):
        company = kb.companies[person.company]
        memos = kb.person_memos.get(person.slug, [])  # newest first
        rows.append([
            (html_link(person.name, PEOPLE, person.src_uri, directory_urls), _by_last_name(person.name)),
            html_link(company.name, PEOPLE, company.src_uri, directory_urls),
            escaped(person.role) if person.role else "–",
            _date_cell(memos[0].date) if memos else "–",
            str(len(memos)),
        ])
    table = html_table(["Nimi", "Organisaatio", "Tehtävä", "Viimeisin muistio", "Muistioita"], rows, right=[4],
                       sortable=True)
    islands: list[str] = []
    parts = [f"{plural(len(kb.people), 'henkilö', 'henkilöä')}.", "", *island(islands, table)]
    return GeneratedPage(PEOPLE, "Henkilöt", "\n".join(parts), islands=tuple(islands), listing=True)


def _by_last_name(name: str) -> str:
    """A person's sort key, as the table lists them first: "Laitinen Petri"."""
    *first, last = name.split() or [name]
    return " ".join([last, *first])


def _status_cell(status: str | None) -> Cell:
    """A status in Finnish, sorted by stage (liidi first, lepäävä last), not alphabetically."""
    return (STATUS[status], str(list(STATUS).index(status))) if status is not None and status in STATUS else "–"


def _date_cell(date: datetime.date | None) -> Cell:
    """16.5.2012, sorted as the date it is."""
    return (finnish_date(date), date.isoformat()) if date else finnish_date(date)
