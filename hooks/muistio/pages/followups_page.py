"""The follow-ups page: open action items by owner, overdue first; done ones folded away."""

from __future__ import annotations

from itertools import groupby

from muistio.followups import ActionItem, open_items
from muistio.pages import Context, GeneratedPage
from muistio.pages.markup import finnish_date, link, text

FOLLOWUPS = "followups.md"
CALENDAR = "followups.ics"


def due_cell(item: ActionItem, ctx: Context) -> str:
    if item.due is None:
        return "–"
    if item.is_overdue(ctx.settings.today):
        return f"**myöhässä** {finnish_date(item.due)}"
    return finnish_date(item.due)


def item_rows(items: list[ActionItem], ctx: Context, from_uri: str, owner_column: bool = False) -> list[str]:
    """A table of items; the same table serves this page, the dashboard and person/company pages."""
    header = "| Määräaika | Toimenpide |" + (" Vastuu |" if owner_column else "") + " Muistio |"
    rule = "|---|---|" + ("---|" if owner_column else "") + "---|"
    rows = [header, rule]
    for item in items:
        owner = ""
        if owner_column:
            person = ctx.kb.people.get(item.owner or "")
            owner = f" {link(person.name, from_uri, person.src_uri) if person else '–'} |"
        memo = link(f"{finnish_date(item.memo.date)} {item.memo.title}", from_uri, item.memo.src_uri)
        rows.append(f"| {due_cell(item, ctx)} | {text(item.text)} |{owner} {memo} |")
    return [*rows, ""]


def followups_page(ctx: Context) -> GeneratedPage:
    today = ctx.settings.today
    pending = open_items(ctx.items, today)
    overdue = sum(item.is_overdue(today) for item in pending)
    parts = [
        f"Avoimia toimenpiteitä {len(pending)}, joista myöhässä {overdue}. Tilanne {finnish_date(today)}.",
        "",
        f"Määräajat kalenteriin: [{CALENDAR}]({CALENDAR}) (tilaa osoite kalenterisovelluksessa).",
        "",
    ]

    def owner_key(item: ActionItem) -> str:
        return item.owner or ""

    groups: dict[str, list[ActionItem]] = {}
    for owner, owned in groupby(sorted(pending, key=owner_key), key=owner_key):
        groups[owner] = open_items(list(owned), today)

    def group_order(owner: str) -> tuple[int, int, str]:
        items = groups[owner]
        first_overdue = next((i.due.toordinal() for i in items if i.is_overdue(today) and i.due), 10**7)
        name = ctx.kb.people[owner].name if owner in ctx.kb.people else "~"
        return (0 if first_overdue < 10**7 else 1, first_overdue, name)

    for owner in sorted(groups, key=group_order):
        person = ctx.kb.people.get(owner)
        heading = person.name if person else "Ei vastuuhenkilöä"
        parts += [f"## {text(heading)} ({len(groups[owner])})", ""]
        if person:
            parts += [f"Henkilösivu: {link(person.name, FOLLOWUPS, person.src_uri)}", ""]
        parts += item_rows(groups[owner], ctx, FOLLOWUPS)
    if not pending:
        parts += ["Ei avoimia toimenpiteitä.", ""]
    done = [item for item in ctx.items if item.done]
    if done:
        parts += [f'??? note "Tehdyt toimenpiteet ({len(done)})"', ""]
        parts += [f"    {row}" for row in item_rows(done, ctx, FOLLOWUPS, owner_column=True)]
    return GeneratedPage(FOLLOWUPS, "Seuranta", "\n".join(parts))
