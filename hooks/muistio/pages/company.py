"""A company's page: the profile box, the writer's own text, contacts, offerings and memos."""

from __future__ import annotations

from muistio.knowledge_base import KnowledgeBase
from muistio.pages import GeneratedPage
from muistio.pages.labels import STATUS
from muistio.pages.markup import cell, finnish_date, link, text
from muistio.records import Company


def company_page(kb: KnowledgeBase, company: Company) -> GeneratedPage:
    uri = company.src_uri
    meta = company.meta
    rows: list[tuple[str, str]] = []
    if meta.industry:
        rows.append(("Toimiala", cell(meta.industry)))
    if meta.status:
        rows.append(("Tila", STATUS[meta.status]))
    if meta.owner and meta.owner in kb.people:
        rows.append(("Vastuuhenkilö", link(kb.people[meta.owner].name, uri, kb.people[meta.owner].src_uri)))
    if meta.next_step:
        rows.append(("Seuraava askel", cell(meta.next_step)))
    if meta.website:
        rows.append(("Verkkosivu", f"<{meta.website}>" if meta.website.startswith("http") else cell(meta.website)))
    if meta.business_id:
        rows.append(("Y-tunnus", cell(meta.business_id)))
    if meta.aliases:
        rows.append(("Myös", ", ".join(text(a) for a in meta.aliases)))
    if meta.former_names:
        rows.append(("Entiset nimet", ", ".join(_former(f.name, f.until, f.note) for f in meta.former_names)))
    memos = kb.company_memos.get(company.slug, [])
    rows.append(("Viimeisin muistio", finnish_date(memos[0].date) if memos else "–"))
    parts = ['<div class="kb-profile" markdown>', "", "| | |", "|---|---|"]
    parts += [f"| {label} | {value} |" for label, value in rows]
    parts += ["", "</div>", ""]
    if company.source.body.strip():
        parts += [company.source.body.strip(), ""]
    if company.people:
        parts += ["## Yhteyshenkilöt", ""]
        for person in company.people:
            role = f", {text(person.role)}" if person.role else ""
            parts.append(f"- {link(person.name, uri, person.src_uri)}{role}")
        parts.append("")
    if company.offerings:
        parts += ["## Tarjooma", ""]
        for offering in company.offerings:
            about = f" – {text(offering.description)}" if offering.description else ""
            parts.append(f"- {link(offering.name, uri, offering.src_uri)}{about}")
        parts.append("")
    parts += ["## Muistiot", ""]
    if memos:
        parts += [f"- {finnish_date(m.date)} {link(m.title, uri, m.src_uri)}" for m in memos]
    else:
        parts.append("Ei vielä muistioita.")
    parts.append("")
    tags = {"tags": list(meta.tags)} if meta.tags else {}
    return GeneratedPage(uri, company.name, "\n".join(parts), tags)


def _former(name: str, until: int | None, note: str | None) -> str:
    details = [text(note)] if note else []
    if until:
        details.append(f"vuoteen {until}")
    return text(name) + (f" ({', '.join(details)})" if details else "")
