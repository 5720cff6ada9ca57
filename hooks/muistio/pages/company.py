"""A company's page: the profile box, the writer's own text, contacts, offerings, open
follow-ups, who was at the meetings, a chart of meetings, and every memo that names the company
with the sentence that does."""

from __future__ import annotations

from collections.abc import Callable

from muistio.crosslink import MemoMention
from muistio.followups import open_items
from muistio.pages import Context, GeneratedPage, island, named
from muistio.pages.charts import meetings_per_quarter
from muistio.pages.followups_page import item_table
from muistio.pages.labels import STATUS
from muistio.pages.markup import cell, escaped, finnish_date, html_link, html_list, link, text
from muistio.records import Company, Memo
from muistio.relationships import relationship


def company_page(ctx: Context, company: Company) -> GeneratedPage:
    kb, uri, meta = ctx.kb, company.src_uri, company.meta
    rel = relationship(kb, company, ctx.settings.today)
    rows: list[tuple[str, str]] = []
    if meta.industry:
        rows.append(("Toimiala", cell(meta.industry)))
    if meta.status:
        rows.append(("Tila", STATUS[meta.status]))
    if meta.owner and meta.owner in kb.people:
        rows.append(("Vastuuhenkilö", link(kb.people[meta.owner].name, uri, kb.people[meta.owner].src_uri)))
    if meta.next_step:
        rows.append(("Seuraava askel", cell(meta.next_step)))
    if rel.last_contact:
        rows.append(("Viimeisin yhteys", f"{finnish_date(rel.last_contact)} ({rel.days_since} päivää sitten)"))
    else:
        rows.append(("Viimeisin yhteys", "ei muistioita"))
    if meta.website:
        shown = f"<{meta.website}>" if meta.website.startswith(("https://", "http://")) else cell(meta.website)
        rows.append(("Verkkosivu", shown))
    if meta.business_id:
        rows.append(("Y-tunnus", cell(meta.business_id)))
    if meta.aliases:
        rows.append(("Myös", ", ".join(text(a) for a in meta.aliases)))
    if meta.former_names:
        rows.append(("Entiset nimet", ", ".join(_former(f.name, f.until, f.note) for f in meta.former_names)))
    parts = ['<div class="kb-profile" markdown>', "", "| | |", "|---|---|"]
    parts += [f"| {label} | {value} |" for label, value in rows]
    parts += ["", "</div>", ""]
    body = ctx.linked.company_bodies.get(company.path, company.source.body)
    if body.strip():
        parts += [body.strip(), ""]
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
    islands: list[str] = []
    memos = kb.company_memos.get(company.slug, [])
    pending = open_items([i for m in memos for i in ctx.items_by_memo.get(m.path, [])], ctx.settings.today)
    if pending:
        parts += ["## Avoimet toimenpiteet", ""] + island(islands, item_table(pending, ctx, uri, owner_column=True))
    attended = _attendees(ctx, company, memos, uri)
    if attended:
        parts += ["## Muistioiden osallistujat", ""] + island(islands, attended)
    parts += ["## Tapaamiset", ""]
    chart = meetings_per_quarter(memos, ctx.settings.today)
    if chart:
        parts += island(islands, chart)
    parts += island(islands, memo_list(ctx, memos, f"company:{company.slug}", uri))
    page_meta = named(company.name, *meta.aliases, *(former.name for former in meta.former_names))
    if meta.tags:
        page_meta["tags"] = list(meta.tags)
    return GeneratedPage(uri, company.name, "\n".join(parts), page_meta, tuple(islands), source=company.path)


def _attendees(ctx: Context, company: Company, memos: list[Memo], uri: str) -> str:
    """Who was at the organisation's meetings (the memos with it in their `companies`), most
    often first: whom a colleague asks about the organisation, or for an introduction. Attendees
    only; the writer of a memo may not have been there. A memo that only names the organisation
    in its text is left out: its people met someone else (and with them, the lists of much-named
    organisations ran to dozens of names, and cost a 1,000-memo build 0.04 s)."""
    kb = ctx.kb
    seen: dict[str, list[Memo]] = {}
    for memo in memos:  # newest first
        if company.slug not in memo.meta.companies:
            continue  # it only names the organisation in passing: not a meeting with them
        for slug in dict.fromkeys(memo.meta.attendees):
            if slug in kb.people:
                seen.setdefault(slug, []).append(memo)

    def described(slug: str) -> tuple[str, str, str]:
        person = kb.people[slug]
        home = kb.companies.get(person.company)
        return person.name, person.src_uri, home.name if home is not None and home.slug != company.slug else ""

    return count_list(ctx, seen, described, uri)


def count_list(ctx: Context, seen: dict[str, list[Memo]], described: Callable[[str], tuple[str, str, str]],
               uri: str) -> str:
    """A list (HTML, for an island) with an item per entity: a link to it, a note in parentheses
    if any, how many of its memos and the newest one's date; most memos first, then the most
    recent, then by name. `seen` lists each entity's memos newest first; `described` gives its
    name, page and note. HTML, not Markdown: MkDocs checks and rewrites every Markdown link,
    and these lists, on every organisation and person page, cost a tenth of a 1,000-memo build
    that way."""
    if not seen:
        return ""
    urls = ctx.settings.directory_urls
    entries = {slug: described(slug) for slug in seen}

    def order(slug: str) -> tuple[int, int, str]:
        latest = seen[slug][0].date
        return (-len(seen[slug]), -(latest.toordinal() if latest else 0), entries[slug][0].casefold())

    items = []
    for slug in sorted(seen, key=order):
        memos, (name, page, note) = seen[slug], entries[slug]
        where = f" ({escaped(note)})" if note else ""
        count = f"{len(memos)} {'muistio' if len(memos) == 1 else 'muistiota'}"
        latest = f", viimeksi {finnish_date(memos[0].date)}" if memos[0].date else ""
        items.append(f"{html_link(name, uri, page, urls)}{where}: {count}{latest}")
    return html_list(items, listing=True)


def memo_list(ctx: Context, memos: list[Memo], key: str, uri: str) -> str:
    """Memos newest first, each with the sentences that mention the entity, the mention marked
    (HTML, for an island)."""
    if not memos:
        return "<p>Ei vielä muistioita.</p>"
    by_memo: dict[str, list[MemoMention]] = {}
    for mention in ctx.linked.by_entity.get(key, []):
        by_memo.setdefault(mention.memo, []).append(mention)
    urls = ctx.settings.directory_urls
    rows = []
    for memo in memos:
        sentences: dict[str, MemoMention] = {}
        for mention in by_memo.get(memo.path, []):
            sentences.setdefault(mention.sentence, mention)
        quotes = "".join(
            f' <br><span class="kb-sentence">{highlighted(mention)}</span>' for mention in list(sentences.values())[:2]
        )
        title = html_link(memo.title, uri, memo.src_uri, urls)
        rows.append(f"<strong>{finnish_date(memo.date)}</strong> {title}{quotes}")
    return html_list(rows, listing=True)


def highlighted(mention: MemoMention) -> str:
    start, end = mention.highlight
    sentence = mention.sentence
    return f"{escaped(sentence[:start])}<mark>{escaped(sentence[start:end])}</mark>{escaped(sentence[end:])}"


def _former(name: str, until: int | None, note: str | None) -> str:
    details = [text(note)] if note else []
    if until:
        details.append(f"vuoteen {until}")
    return text(name) + (f" ({', '.join(details)})" if details else "")
