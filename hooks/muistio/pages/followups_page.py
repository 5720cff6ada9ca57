"""The follow-ups page: open action items by owner, overdue first; done ones folded away."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from muistio.followups import ActionItem, open_items
from muistio.pages import Context, GeneratedPage, island
from muistio.pages.markup import escaped, finnish_date, html_link, html_table, link, text
from muistio.records import Person

FOLLOWUPS = "followups.md"
CALENDAR = "followups.ics"
_HIDDEN_OWNER = "(ei julkinen)"
"""The group of items whose owner the public site leaves out (a contact of an internal
organisation): under "Ei vastuuhenkilöä" they read as if no one had taken them on. No slug can be
this, so no one's group is taken for it."""


def due_cell(item: ActionItem, ctx: Context) -> str:
    if item.due is None:
        return "–"
    if item.is_overdue(ctx.settings.today):
        return f"<strong>myöhässä</strong> {finnish_date(item.due)}"
    return finnish_date(item.due)


def item_table(items: list[ActionItem], ctx: Context, from_uri: str, owner_column: bool = False) -> str:
    """A table of items (HTML, for an island); the same table serves this page, the dashboard and
    person/company pages."""
    urls = ctx.settings.directory_urls
    columns = ["Määräaika", "Toimenpide", *(["Vastuu"] if owner_column else []), "Muistio"]
    rows = []
    for item in items:
        row = [due_cell(item, ctx), linked_text(item, ctx, from_uri)]
        if owner_column:
            person = ctx.kb.people.get(item.owner or "")
            row.append(html_link(person.name, from_uri, person.src_uri, urls) if person else "–")
        row.append(html_link(f"{finnish_date(item.memo.date)} {item.memo.title}", from_uri, item.memo.src_uri, urls))
        rows.append(row)
    return html_table(columns, rows, listing=True)


def linked_text(item: ActionItem, ctx: Context, from_uri: str) -> str:
    """The task's text (HTML) with the names in it linked, as the memo's linker resolved them on
    that line ("Tarkastelee PROksia" leads to PROksi): in a table of follow-ups the memo's own
    first mention is out of sight. A name of the page the table is on is left as text."""
    html = escaped(item.text)
    entities = ctx.linked.entities
    if entities is None:
        return html
    pieces: list[str] = []
    position = 0
    done: set[str] = set()
    for mention in ctx.linked.mentions.get(item.memo.path, ()):
        target = entities.uris.get(mention.key)
        if mention.line != item.line or mention.key in done or target is None or target == from_uri:
            continue
        at = html.find(escaped(mention.surface), position)
        if at < 0:
            continue
        end = at + len(escaped(mention.surface))
        pieces += [html[position:at], html_link(mention.surface, from_uri, target, ctx.settings.directory_urls)]
        position = end
        done.add(mention.key)
    return "".join(pieces) + html[position:]


def _owner_heading(ctx: Context, person: Person, owners: Iterable[str]) -> str:
    """The owner's name; with their organisation when another owner has the same name (two
    headings "Ville Salo" were two people), and their identifier if that is the same too."""
    people = [ctx.kb.people[owner] for owner in owners if owner in ctx.kb.people]
    namesakes = [other for other in people if other.name == person.name]
    if len(namesakes) == 1:
        return person.name
    organisation = ctx.kb.companies.get(person.company)
    where = organisation.name if organisation else person.company
    if sum(other.company == person.company for other in namesakes) > 1:
        where += f", {person.slug}"
    return f"{person.name} ({where})"


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
        return item.owner or (_HIDDEN_OWNER if item.owner_hidden else "")

    islands: list[str] = []
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
        heading = (_owner_heading(ctx, person, groups) if person
                   else "Vastuuhenkilö ei julkinen" if owner == _HIDDEN_OWNER else "Ei vastuuhenkilöä")
        parts += [f"## {text(heading)} ({len(groups[owner])})", ""]
        if person:
            parts += [f"Henkilösivu: {link(person.name, FOLLOWUPS, person.src_uri)}", ""]
        parts += island(islands, item_table(groups[owner], ctx, FOLLOWUPS))
    if not pending:
        parts += ["Ei avoimia toimenpiteitä.", ""]
    done = [item for item in ctx.items if item.done]
    if done:  # folded away, as `??? note` would write it: a mark cannot stand inside an admonition
        table = item_table(done, ctx, FOLLOWUPS, owner_column=True)
        parts += island(islands, f'<details class="note">\n<summary>Tehdyt toimenpiteet ({len(done)})</summary>\n'
                                 f"{table}\n</details>")
    return GeneratedPage(FOLLOWUPS, "Seuranta", "\n".join(parts), islands=tuple(islands), listing=True)
