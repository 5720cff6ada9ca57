"""A memo's page: the facts at a glance (date, who, which organisations), then the memo itself,
then the names it mentions.

The "mentioned in this memo" line repeats each entity's canonical name. Besides helping a
reader, it is what lets search find the memo by base form: Material's search matches prefixes and
stems nothing, so "Laitinen" would not find a memo that only says "Laitisen".
"""

from __future__ import annotations

import re

from muistio.pages import Context, GeneratedPage
from muistio.pages.markup import finnish_date, link, relative, text
from muistio.problems import Problem
from muistio.records import Memo

_TASK_OWNER = re.compile(r"^(\s*[-*+]\s+\[[ xX]\]\s+)@([a-z0-9]+(?:-[a-z0-9]+)*)", re.MULTILINE)


def memo_page(ctx: Context, memo: Memo, problems: list[Problem]) -> GeneratedPage:
    kb, uri = ctx.kb, memo.src_uri
    facts = [f"**Päivämäärä:** {finnish_date(memo.date)}"]
    people = [_person_link(ctx, slug, uri) for slug in kb.memo_people(memo)]
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
    parts.append(_owners_linked(ctx, memo, ctx.linked.bodies.get(memo.path, memo.source.body)))
    mentioned = _mentioned(ctx, memo)
    if mentioned:
        parts += ["", '<div class="kb-mentioned" markdown>', "", f"**Mainitaan tässä muistiossa:** {mentioned}",
                  "", "</div>", ""]
    meta = {"tags": list(memo.meta.tags)} if memo.meta.tags else {}
    return GeneratedPage(uri, memo.title, "\n".join(parts), meta)


def _mentioned(ctx: Context, memo: Memo) -> str:
    """Canonical names of everything the memo names, in the order first named."""
    keys = [f"person:{s}" for s in ctx.kb.memo_people(memo)] + [f"company:{s}" for s in ctx.kb.memo_companies(memo)]
    keys += [m.key for m in ctx.linked.mentions.get(memo.path, [])]
    entities = ctx.linked.entities
    shown = []
    for key in dict.fromkeys(keys):
        if key in entities.uris:
            shown.append(link(entities.names[key], memo.src_uri, entities.uris[key]))
    return ", ".join(shown)


def _owners_linked(ctx: Context, memo: Memo, body: str) -> str:
    """`- [ ] @petri-laitinen ...` shows the owner's name, linked to their page."""

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
    return "\n".join(lines)


def _person_link(ctx: Context, slug: str, from_uri: str) -> str:
    person = ctx.kb.people[slug]
    company = ctx.kb.companies.get(person.company)
    where = f" ({text(company.name)})" if company else ""
    return link(person.name, from_uri, person.src_uri) + where
