"""The import report: Markdown a person reads once, top to bottom, after an import.

It answers, per page: which file, what was decided (title, date and why, people,
organisations), what was cut out of the page (file:line: text, so nothing disappears
silently) and what to do next (the commands that create missing organisations).

The importer keeps what it decided as keys and catalogue codes; this module is the only place
that words them, in the site's language (`muistio.messages.importer`). The Markdown is built
here and only the words come from the catalogue, so a Finnish and an English report have the
same headings, lists and code spans in the same places.
"""

from __future__ import annotations

import shlex

from muistio.messages import CATALOGUE, render_message

from .memo_builder import Memo
from .memo_writer import Outcome
from .model import RemovedLine
from .pipeline import PageResult, RunResult

# Keys the importer decides with → their catalogue codes. A key missing here (a reason from a
# site's own chrome profile) is shown as it is.
ACTION_CODES = {
    "written": "import_action_written",
    "updated": "import_action_updated",
    "unchanged": "import_action_unchanged",
    "skipped": "import_action_skipped",
    "would write": "import_action_would_write",
    "would update": "import_action_would_update",
    "failed": "import_action_failed",
    "not imported": "import_action_not_imported",
}
REASON_CODES = {
    "macro error": "import_removed_macro_error",
    "comments": "import_removed_comments",
    "header": "import_removed_header",
    "footer": "import_removed_footer",
    "labels": "import_removed_labels",
    "byline": "import_removed_byline",
    "header above the title": "import_removed_above_title",
    "the page title (moved to front matter)": "import_removed_title",
    "generated page list": "import_removed_page_list",
    "editor placeholder (not shown on the page)": "import_removed_placeholder",
    "emoticon": "import_removed_emoticon",
    "macro without content": "import_removed_empty_macro",
}
HOW_CODES = {
    "mention": "import_how_mention",
    "byline": "import_how_byline",
    "name (organisation)": "import_how_name_organisation",
    "text": "import_how_text",
}


def render(run: RunResult, lang: str = "en") -> str:
    """The whole report as Markdown, worded in `lang` ("en" or "fi")."""
    heading = "import_report_heading_dry_run" if run.dry_run else "import_report_heading"
    lines = [f"# {_say(heading, lang)}", ""]
    counts: dict[str, int] = {}
    for result in run.pages:
        key = result.outcome.action if result.outcome else ("not imported" if result.problem else "skipped")
        counts[key] = counts.get(key, 0) + 1
    problems = run.all_problems
    if counts:
        counted = ", ".join(
            _say("import_report_count", lang, count=n, action=_keyed(ACTION_CODES, action, lang))
            for action, n in counts.items()
        )
        summary = _say("import_report_summary", lang, pages=len(run.pages), counts=counted, problems=len(problems))
    else:
        summary = _say("import_report_summary_no_pages", lang, problems=len(problems))
    lines += [summary, ""]
    for result in run.pages:
        lines += _page(result, run.dry_run, lang)
    if run.companies:
        lines += [f"## {_say('import_report_companies_heading', lang)}", ""]
        lines += [f"- {_file_outcome(c, lang)}" for c in run.companies]
        lines.append("")
    if problems:
        lines += [f"## {_say('import_report_problems_heading', lang)}", ""]
        lines += [f"- {problem.render(lang)}" for problem in problems]
        lines.append("")
    return "\n".join(lines)


def _page(result: PageResult, dry_run: bool, lang: str) -> list[str]:
    page, memo = result.page, result.memo
    lines = [f"## {page.title}", "", f"- {_say('import_report_from', lang)}: `{page.path}` (`{page.source}`)"]
    if result.skipped:
        lines.append(f"- {_say('import_report_not_imported', lang)}: {_say(result.skipped, lang)}")
    if result.problem:
        lines.append(f"- {_say('import_report_not_imported', lang)}: {result.problem.render(lang)}")
    if memo is not None and result.outcome is not None:
        lines += _memo(memo, result.outcome, lang)
    lines += _removed(page.removed, lang)
    if memo is not None:
        if result.outcome is not None and result.outcome.action not in {"skipped", "failed"}:
            lines += _undescribed(memo, result.outcome, lang)
        lines += _unknown(memo, lang)
        lines += [f"- {_say('import_report_note', lang)}: {note.render(lang)}" for note in memo.notes]
        if dry_run and result.outcome and result.outcome.action.startswith("would"):
            lines += [
                "",
                f"<details><summary>{result.outcome.path}</summary>",
                "",
                "````markdown",
                memo.text().rstrip("\n"),
                "````",
                "",
                "</details>",
            ]
    lines.append("")
    return lines


def _file_outcome(outcome: Outcome, lang: str) -> str:
    """`path`: action (backup `x`) (why), for a memo and for an organisation file alike."""
    line = f"`{outcome.path}`: {_keyed(ACTION_CODES, outcome.action, lang)}"
    if outcome.backup:
        line += f" ({_say('import_report_backup', lang)} `{outcome.backup}`)"
    if outcome.detail:
        line += f" ({outcome.detail.render(lang)})"
    return line


def _memo(memo: Memo, outcome: Outcome, lang: str) -> list[str]:
    tasks = [t for t in memo.tasks if t.described]  # the others are text now, listed apart
    owned = sum(1 for t in tasks if t.owner_slug)
    due = sum(1 for t in tasks if t.due)
    lines = [
        f"- {_say('import_report_file', lang)}: {_file_outcome(outcome, lang)}",
        f"- {_say('import_report_title', lang)}: {memo.title}",
        f"- {_say('import_report_date', lang)}: {memo.date.isoformat()}, {_date_source(memo, lang)}",
        f"- {_say('import_report_attendees', lang)}: {_list(memo.attendees, lang)}",
        f"- {_say('import_report_companies', lang)}: {_list(memo.companies, lang)}",
        f"- {_say('import_report_tags', lang)}: {_list(memo.tags, lang)}",
    ]
    if memo.authors:
        lines.append(f"- {_say('import_report_authors', lang)}: {_list(memo.authors, lang)}")
    if tasks:
        detail = _say("import_report_tasks_detail", lang, owned=owned, due=due)
        lines.append(f"- {_say('import_report_tasks', lang)}: {len(tasks)} ({detail})")
    return lines


def _undescribed(memo: Memo, outcome: Outcome, lang: str) -> list[str]:
    """Each task that said only who and when, at its line in the memo, with the follow-up it
    becomes once the person who imports writes what was to be done. Not a problem: the memo is
    valid and the import succeeded; only the words to do are missing, and only a person knows them.
    Skipped and failed memos are left out: the file there is not the one this line counts in."""
    lines: list[str] = []
    for task in memo.tasks:
        if task.described:
            continue
        parts = ["[x]" if task.done else "[ ]"]
        if task.owner_slug:
            parts.append(f"@{task.owner_slug}")
        parts.append(_say("import_report_what_to_do", lang))
        if task.due:
            parts.append(f"(due {task.due})")
        lines.append("- " + _say(
            "import_report_undescribed_task", lang,
            where=f"{outcome.path}:{memo.file_line(task.body_line)}",
            source=f"{memo.page.path}:{task.line}",
            follow_up="- " + " ".join(parts),
        ))
    return lines


def _date_source(memo: Memo, lang: str) -> str:
    """ "from the body (line 4: 'Muistio 16.5.2012')": where the date was found, and on which line."""
    code = f"import_date_{memo.date_source}" + ("" if memo.date_line else "_no_line")
    if code not in CATALOGUE:
        return memo.date_source
    return _say(code, lang, line=memo.date_line, quote=repr(memo.date_text))


def _removed(removed: list[RemovedLine], lang: str) -> list[str]:
    label = _say("import_report_removed", lang)
    if not removed:
        return [f"- {label}: {_say('import_report_none', lang)}"]
    lines = [f"- {label}:"]
    lines += [
        f"  - {item.path}:{item.line}: {item.text} ({_keyed(REASON_CODES, item.reason, lang)})" for item in removed
    ]
    return lines


def _unknown(memo: Memo, lang: str) -> list[str]:
    lines: list[str] = []
    for person in memo.unknown_people:
        org = person.organisation
        company = _quote(org) if org else _say("import_report_any_organisation", lang)
        how = _keyed(HOW_CODES, person.how, lang) + (f", {org}" if org else "")
        command = f"kb new contact {_quote(person.name)} --company {company}"
        advice = _say("import_report_add_contact", lang, command=command)
        lines.append(f"- {_say('import_report_unknown_person', lang)}: {person.name} ({how}): {advice}")
    for name in memo.unknown_organisations:
        label = _say("import_report_unknown_organisation", lang)
        lines.append(f"- {label}: {name}: `kb new company {_quote(name)}`")
    return lines


def _say(code: str, lang: str, **params: object) -> str:
    return render_message(code, params, lang)


def _keyed(codes: dict[str, str], key: str, lang: str) -> str:
    """A key the importer decided with (an action, a reason), in words; an unknown key as it is."""
    code = codes.get(key)
    return _say(code, lang) if code else key


def _quote(name: str) -> str:
    """Double quotes as users type them, unless the name itself would break them."""
    return shlex.quote(name) if any(c in name for c in '"$`\\') else f'"{name}"'


def _list(items: list[str], lang: str) -> str:
    return ", ".join(items) if items else _say("import_report_none", lang)
