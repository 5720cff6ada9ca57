"""A memo's page: the facts at a glance (date, who, which organisations), then the memo itself,
then the names it mentions.

The "mentioned in this memo" line repeats each entity's canonical name. Besides helping a
reader, it is what lets search find the memo by base form: Material's search matches prefixes and
stems nothing, so "Laitinen" would not find a memo that only says "Laitisen".
"""

from __future__ import annotations

import re

from muistio.followups import DUE
from muistio.pages import DATE, Context, GeneratedPage, island
from muistio.pages.markup import ATTENDED, escaped, finnish_date, html_link, relative, text
from muistio.problems import Problem
from muistio.records import Memo

_TASK_OWNER = re.compile(r"^(\s*(?:[-*+]|\d{1,9}\.)\s+\[[ xX]\]\s+)@([a-z0-9]+(?:-[a-z0-9]+)*)", re.MULTILINE)
_HIDDEN_OWNER = re.compile(_TASK_OWNER.pattern + r"[^\S\n]*", re.MULTILINE)
"""The owner and the space after it, taken out where the owner is someone the site leaves out."""


def memo_page(ctx: Context, memo: Memo, problems: list[Problem]) -> GeneratedPage:
    """The boxes above and below the memo's own text are HTML islands: as Markdown inside
    `<div markdown>` they took a fifth of the time of converting every memo page."""
    kb, uri, urls = ctx.kb, memo.src_uri, ctx.settings.directory_urls
    facts = [f"<strong>Päivämäärä:</strong> {finnish_date(memo.date)}"]
    people = [_person_link(ctx, slug, uri) for slug in kb.memo_people(memo)]
    if people:
        facts.append(f"<strong>Osallistujat:</strong> <span {ATTENDED}>" + ", ".join(people) + "</span>")
    companies = [html_link(kb.companies[slug].name, uri, kb.companies[slug].src_uri, urls)
                 for slug in kb.memo_companies(memo)]
    if companies:
        facts.append("<strong>Organisaatiot:</strong> " + ", ".join(companies))
    islands: list[str] = []
    parts = island(islands, '<div class="kb-facts">\n<p>' + "<br>\n".join(facts) + "</p>\n</div>")
    if problems:
        parts += ['!!! warning "Tämän muistion tiedoissa on virheitä"', ""]
        parts += [f"    - rivi {p.line}: {text(p.message('fi'))}" for p in problems]
        parts.append("")
    parts.append(_follow_ups_shown(ctx, memo, ctx.linked.bodies.get(memo.path, memo.source.body)))
    mentioned = _mentioned(ctx, memo)
    if mentioned:
        parts += ["", *island(islands, '<div class="kb-mentioned">\n'
                                       f"<p><strong>Mainitaan tässä muistiossa:</strong> {mentioned}</p>\n</div>")]
    meta: dict[str, object] = {"tags": list(memo.meta.tags)} if memo.meta.tags else {}
    if memo.date:  # search results put it before the title: many memos are "Tapaaminen X:n kanssa"
        meta[DATE] = finnish_date(memo.date)
    return GeneratedPage(uri, memo.title, "\n".join(parts), meta, tuple(islands), source=memo.path)


def _mentioned(ctx: Context, memo: Memo) -> str:
    """Canonical names of everything the memo names, in the order first named."""
    keys = [f"person:{s}" for s in ctx.kb.memo_people(memo)] + [f"company:{s}" for s in ctx.kb.memo_companies(memo)]
    keys += [m.key for m in ctx.linked.mentions.get(memo.path, [])]
    entities, urls = ctx.linked.entities, ctx.settings.directory_urls
    shown = []
    for key in dict.fromkeys(keys):
        if key in entities.uris:
            shown.append(html_link(entities.names[key], memo.src_uri, entities.uris[key], urls))
    return ", ".join(shown)


def _follow_ups_shown(ctx: Context, memo: Memo, body: str) -> str:
    """`- [ ] @petri-laitinen ... (due 2012-06-15)` shows the owner's name, linked to their page,
    and the due date as the rest of the site writes it, "(määräaika 15.6.2012)", with "myöhässä"
    when it has passed and the item is open: the page read "(due 2012-06-15)", in English, and
    did not say what the follow-ups page does. On the public site an internal contact's `@slug`
    (their name) is left out, as they are left out of attendees."""

    def owner(match: re.Match[str]) -> str:
        person = ctx.kb.people.get(match[2])
        if person is None:
            return match[0]
        return f"{match[1]}[@{text(person.name)}]({relative(memo.src_uri, person.src_uri)})"

    lines = body.split("\n")
    for item in ctx.items_by_memo.get(memo.path, []):
        index = item.line - memo.source.body_line
        if item.owner and 0 <= index < len(lines):
            lines[index] = _TASK_OWNER.sub(owner, lines[index], count=1)
        elif item.owner_hidden and 0 <= index < len(lines):
            lines[index] = _HIDDEN_OWNER.sub(r"\1", lines[index], count=1)
        if item.due is not None and 0 <= index < len(lines):
            late = " <strong>myöhässä</strong>" if item.is_overdue(ctx.settings.today) else ""
            shown = f"(määräaika {finnish_date(item.due)}){late}"
            found = DUE.search(lines[index])  # as `followups` read it, with the spaces around it
            if found:
                lines[index] = f"{lines[index][: found.start()]} {shown}"
    return "\n".join(lines)


def _person_link(ctx: Context, slug: str, from_uri: str) -> str:
    person = ctx.kb.people[slug]
    company = ctx.kb.companies.get(person.company)
    where = f" ({escaped(company.name)})" if company else ""
    return html_link(person.name, from_uri, person.src_uri, ctx.settings.directory_urls) + where
