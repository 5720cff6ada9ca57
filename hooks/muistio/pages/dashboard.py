"""The home page: what a colleague needs at a glance on Monday morning.

Recent memos, what is overdue, which relationships have gone quiet, and where each company is in
the pipeline. Everything is computed at build time from the memos; nothing is typed in twice.
"""

from __future__ import annotations

from muistio.followups import open_items
from muistio.pages import Context, GeneratedPage, island
from muistio.pages.followups_page import FOLLOWUPS, item_table
from muistio.pages.indexes import DIRECTORY, TIMELINE
from muistio.pages.labels import STATUS
from muistio.pages.markup import finnish_date, link, number, plural, text
from muistio.relationships import by_status, quiet

HOME = "index.md"
RECENT = 10
"""Rows a list on the home page shows at most. The page is read at a glance, and at thousands
of memos unbounded lists made it a megabyte; the full lists are one link away."""


def _word(count: int, one: str, many: str) -> str:
    """Finnish takes the nominative singular after 1 and the partitive after other numbers."""
    return one if count == 1 else many


def dashboard_page(ctx: Context) -> GeneratedPage:
    kb, today = ctx.kb, ctx.settings.today
    pending = open_items(ctx.items, today)
    overdue = [item for item in pending if item.is_overdue(today)]
    silent = quiet(kb, today, ctx.settings.quiet_days)
    parts = [
        f"Reitittimen muisti yrityskontakteista. Tilanne {finnish_date(today)}.",
        "",
        '<div class="grid cards kb-counts" markdown>',
        "",
        f"-   **{number(len(kb.memos))}** [{_word(len(kb.memos), 'muistio', 'muistiota')}]({TIMELINE})",
        f"-   **{number(len(kb.companies))}** [{_word(len(kb.companies), 'organisaatio', 'organisaatiota')}]"
        f"({DIRECTORY})",
        f"-   **{number(len(pending))}** [{_word(len(pending), 'avoin toimenpide', 'avointa toimenpidettä')}]"
        f"({FOLLOWUPS})",
        f"-   **{number(len(overdue))}** [myöhässä]({FOLLOWUPS})",
        "",
        "</div>",
        "",
        "## Viimeisimmät muistiot",
        "",
    ]
    for memo in kb.memos[:RECENT]:
        companies = kb.memo_companies(memo)
        names = ", ".join(text(kb.companies[s].name) for s in companies[:3])
        if len(companies) > 3:
            names += f" ja {len(companies) - 3} muuta"
        parts.append(f"- **{finnish_date(memo.date)}** {link(memo.title, HOME, memo.src_uri)}"
                     + (f" – {names}" if names else ""))
    if not kb.memos:
        parts.append("Ei vielä muistioita.")
    # The most recently missed first: last week's promise is the one still worth chasing.
    latest_overdue = sorted(overdue, key=lambda item: item.due or today, reverse=True)[:RECENT]
    upcoming = [item for item in pending if not item.is_overdue(today)]
    islands: list[str] = []
    parts += ["", "## Myöhässä olevat toimenpiteet", ""]
    if overdue:
        parts += island(islands, item_table(latest_overdue, ctx, HOME, owner_column=True))
    else:
        parts += ["Ei myöhässä olevia.", ""]
    if len(overdue) > RECENT:
        parts += [f"Viimeksi erääntyneet {RECENT}. Kaikki {number(len(overdue))} myöhässä olevaa: "
                  f"[Seuranta]({FOLLOWUPS})", ""]
    # "upcoming", not "open": the counter above counts the overdue ones as open too, and "no open
    # follow-ups" under "530 open" read as a contradiction
    parts += ["## Tulevat toimenpiteet", ""]
    if upcoming:
        parts += island(islands, item_table(upcoming[:RECENT], ctx, HOME, owner_column=True))
    else:
        parts += ["Ei tulevia: kaikki avoimet ovat myöhässä." if pending else "Ei avoimia.", ""]
    if len(upcoming) > RECENT:
        parts += [f"Lähimmät {RECENT}. Kaikki {number(len(upcoming))} tulevaa: [Seuranta]({FOLLOWUPS})", ""]
    parts += [f"## Hiljaiset suhteet (ei tapaamista yli {ctx.settings.quiet_days} päivään)", ""]
    if silent:
        parts += ["| Organisaatio | Tila | Viimeisin yhteys | Päiviä |", "|---|---|---|---:|"]
        for rel in silent[:RECENT]:
            company = rel.company
            status = STATUS.get(company.meta.status or "", "–")
            days = str(rel.days_since) if rel.days_since is not None else "–"
            last = finnish_date(rel.last_contact) if rel.last_contact else "ei koskaan"
            parts.append(f"| {link(company.name, HOME, company.src_uri)} | {status} | {last} | {days} |")
        parts.append("")
        if len(silent) > RECENT:
            parts += [f"Pisimpään hiljaiset {RECENT}; yhteensä {len(silent)}. "
                      f"Viimeisin yhteys jokaiseen: [Organisaatiot]({DIRECTORY})", ""]
    else:
        parts += ["Kaikkia seurattavia on tavattu äskettäin.", ""]
    parts += ["## Organisaatiot tilan mukaan", "", "| Tila | Määrä | Organisaatiot |", "|---|---:|---|"]
    for status, companies in by_status(kb).items():
        names = ", ".join(link(c.name, HOME, c.src_uri) for c in companies[:RECENT]) or "–"
        if len(companies) > RECENT:
            names += f" ja {len(companies) - RECENT} muuta"
        parts.append(f"| {STATUS[status]} | {len(companies)} | {names} |")
    untracked = sum(1 for c in kb.companies.values() if not c.meta.status)
    parts.append("")
    if untracked:
        parts += [f"Lisäksi {plural(untracked, 'organisaatio', 'organisaatiota')} ilman seurattavaa tilaa.", ""]
    return GeneratedPage(HOME, "Etusivu", "\n".join(parts), {"hide": ["navigation", "toc"]}, tuple(islands),
                         listing=True)
