"""Pages for people and offerings: who they are, where they belong, their open follow-ups, the
organisations of the meetings a person was at, and the memos that name them (with the sentence)."""

from __future__ import annotations

from muistio.followups import open_items
from muistio.pages import Context, GeneratedPage, island, named
from muistio.pages.company import count_list, memo_list
from muistio.pages.followups_page import item_table
from muistio.pages.markup import link, text
from muistio.records import Memo, Offering, Person


def person_page(ctx: Context, person: Person) -> GeneratedPage:
    uri = person.src_uri
    company = ctx.kb.companies[person.company]
    role = f"{text(person.role)}, " if person.role else ""
    parts = [f"{role}{link(company.name, uri, company.src_uri)}", ""]
    private = [f"Sähköposti: {text(person.email)}" if person.email else "",
               f"Puhelin: {text(person.phone)}" if person.phone else ""]
    if any(private):
        parts += ['<div class="kb-private" markdown>', "", "  \n".join(p for p in private if p), "", "</div>", ""]
    islands: list[str] = []
    pending = open_items(ctx.items_by_owner.get(person.slug, []), ctx.settings.today)
    if pending:
        parts += ["## Avoimet toimenpiteet", ""] + island(islands, item_table(pending, ctx, uri))
    memos = ctx.kb.person_memos.get(person.slug, [])
    organisations = _organisations_met(ctx, person, memos, uri)
    if organisations:
        parts += ["## Tapaamisten organisaatiot", ""] + island(islands, organisations)
    parts += ["## Muistiot", ""]
    parts += island(islands, memo_list(ctx, memos, f"person:{person.slug}", uri))
    return GeneratedPage(uri, person.name, "\n".join(parts), named(person.name), tuple(islands), source=person.path)


def _organisations_met(ctx: Context, person: Person, memos: list[Memo], uri: str) -> str:
    """The organisations of the meetings the person was at, most often first: for a colleague of
    ours, whom they know; the person's own organisation is left out. The memos' `companies`,
    not the names in their text: a memo names many organisations in passing."""
    kb = ctx.kb
    seen: dict[str, list[Memo]] = {}
    for memo in memos:  # newest first
        if person.slug in memo.meta.attendees:
            for slug in kb.memo_companies(memo):
                if slug != person.company:
                    seen.setdefault(slug, []).append(memo)
    return count_list(ctx, seen, lambda slug: (kb.companies[slug].name, kb.companies[slug].src_uri, ""), uri)


def offering_page(ctx: Context, offering: Offering) -> GeneratedPage:
    uri = offering.src_uri
    company = ctx.kb.companies[offering.company]
    parts = [f"Tarjoaja: {link(company.name, uri, company.src_uri)}", ""]
    if offering.description:
        parts += [text(offering.description), ""]
    key = f"offering:{offering.slug}"
    memos_by_path = {m.path: m for m in ctx.kb.memos}
    paths = dict.fromkeys(m.memo for m in ctx.linked.by_entity.get(key, []))
    memos = [memos_by_path[p] for p in paths if p in memos_by_path]
    islands: list[str] = []
    parts += ["## Muistiot", ""] + island(islands, memo_list(ctx, memos, key, uri))
    return GeneratedPage(uri, offering.name, "\n".join(parts), named(offering.name, *offering.aliases), tuple(islands),
                         source=offering.path)
