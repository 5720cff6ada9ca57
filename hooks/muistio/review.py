"""`kb review`: what a pull request's memos and companies will do to the site, as Markdown.

A reviewer of a new memo wants to know three things without building the site: is anything wrong
(the problems in the changed files), what will the memo link to (each organisation, person and
offering, with the words that matched, so a wrong link such as "Kone" in "konepaja" stands out),
and which names in it have no page yet (so the pull request can add them). The report is
Markdown, for a pull-request comment or a GitHub Actions job summary.

The changed files are those `git diff <base>...HEAD` lists (what the branch changed since it left
the base, not what the base did meanwhile), plus uncommitted and untracked ones, so a writer can
run the same command before committing.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from muistio.crosslink import Linked, MemoMention
from muistio.followups import ActionItem
from muistio.knowledge_base import KnowledgeBase
from muistio.load import MEMOS_DIR, kind_of
from muistio.messages import render_message
from muistio.pages.markup import text as md
from muistio.pipeline import analyse
from muistio.problems import Problem, Severity, sorted_problems
from muistio.unknown_names import UnknownName, find_unknown_names

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "heading": "Muistio: changes since `{base}`",
        "nothing": "No memos or companies changed since `{base}`.",
        "counts": "Changed: {memos} memo(s), {companies} company file(s).",
        "clean": "No problems in the changed files.",
        "failing": "{count} problem(s) in the changed files, {errors} of them error(s): `kb check` fails "
                   "until they are fixed.",
        "warned": "{count} warning(s) in the changed files: `kb check` passes, but the site's strict build "
                  "(`mkdocs build --strict`) fails until they are fixed.",
        "warning": "warning", "notice": "note",
        "links": "Links to",
        "followups": "Follow-ups", "no_owner": "no owner", "due": "due",
        "no_links": "No links: no known organisation, person or offering is named.",
        "problems": "Problems", "notes": "Notes",
        "line": "line {line}",
        "names": "Names with no page yet (an organisation gets `kb new company`; a person is added to "
                 "their organisation's contacts with `kb new contact \"Name\" --company organisation`)",
        "company": "organisation", "person": "person", "offering": "offering",
        "mentioned": "Named in {count} memo(s).",
        "removed": "Removed: {paths}.",
        "no_date": "no date",
        "unreadable": "not readable as a memo or company",
    },
    "fi": {
        "heading": "Muistio: muutokset haaraan `{base}` verrattuna",
        "nothing": "Muistioihin tai organisaatioihin ei ole muutoksia haaraan `{base}` verrattuna.",
        "counts": "Muuttuneita: muistioita {memos}, organisaatioita {companies}.",
        "clean": "Muuttuneissa tiedostoissa ei ole ongelmia.",
        "failing": "Muuttuneissa tiedostoissa on ongelmia {count}, joista virheitä {errors}: `kb check` "
                   "ei mene läpi ennen kuin ne on korjattu.",
        "warned": "Muuttuneissa tiedostoissa on varoituksia {count}: `kb check` menee läpi, mutta sivuston "
                  "tiukka rakennus (`mkdocs build --strict`) ei mene ennen kuin ne on korjattu.",
        "warning": "varoitus", "notice": "huomautus",
        "links": "Linkittyy",
        "followups": "Sovitut toimenpiteet", "no_owner": "ei vastuuhenkilöä", "due": "määräpäivä",
        "no_links": "Ei linkkejä: tekstissä ei mainita tunnettuja organisaatioita, henkilöitä tai tarjoomia.",
        "problems": "Ongelmat", "notes": "Huomautukset",
        "line": "rivi {line}",
        "names": "Nimiä, joilla ei ole vielä sivua (organisaatio: `kb new company`; henkilö lisätään "
                 "organisaationsa yhteyshenkilöksi: `kb new contact \"Nimi\" --company organisaatio`)",
        "company": "organisaatio", "person": "henkilö", "offering": "tarjooma",
        "mentioned": "Mainitaan {count} muistiossa.",
        "removed": "Poistettu: {paths}.",
        "no_date": "ei päivämäärää",
        "unreadable": "ei luettavissa muistioksi tai organisaatioksi",
    },
}


class ReviewError(Exception):
    """Git could not say what changed; carries a message code for the site's language."""

    def __init__(self, code: str, params: dict[str, object]) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str) -> str:
        return render_message(self.code, self.params, lang)


@dataclass
class Changes:
    changed: list[str] = field(default_factory=list)
    """Memo and company files that exist now, relative to the root."""
    removed: list[str] = field(default_factory=list)


def review(root: Path, base: str, lang: str, docs_dir: str = "docs") -> str:
    """The whole report for the files changed since `base`; raises `ReviewError` for git trouble.

    It runs the site's own pipeline, so the problems, links and follow-ups it reports are exactly
    those the build will have (with the links to no page, which MkDocs reports, as `kb check` has
    them).
    """
    from muistio.page_links import broken_page_links

    changes = changed_files(root, base)
    site = analyse(root)
    problems = [*site.problems, *broken_page_links(site.kb, root, docs_dir)]
    return report(site.kb, problems, site.context.linked, site.context.items, changes, base, lang)


# --- git ------------------------------------------------------------------------------------


def changed_files(root: Path, base: str) -> Changes:
    if base.startswith("-"):  # would be read as an option
        raise ReviewError("cli_git_ref_missing", {"ref": base})
    if _git(root, "rev-parse", "--is-inside-work-tree", check=False) is None:
        raise ReviewError("cli_not_git", {"root": str(root)})
    if _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", check=False) is None:
        raise ReviewError("cli_git_ref_missing", {"ref": base})
    scope = ["--", "memos", "companies"]
    names = [
        *_names(_git(root, "diff", "--name-only", "--relative", "--no-renames", "-z", f"{base}...HEAD", *scope)),
        *_names(_git(root, "diff", "--name-only", "--relative", "--no-renames", "-z", "HEAD", *scope)),
        *_names(_git(root, "ls-files", "--others", "--exclude-standard", "-z", *scope)),
    ]
    changes = Changes()
    for name in sorted(set(names)):
        if kind_of(root, Path(name)) is None:
            continue
        (changes.changed if (root / name).is_file() else changes.removed).append(name)
    return changes


def _git(root: Path, *args: str, check: bool = True) -> str | None:
    """Run git in the root; None when it fails and `check` is off, `ReviewError` when it is on."""
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", check=False)
    except FileNotFoundError:
        raise ReviewError("cli_git_missing", {}) from None
    except OSError as error:
        raise ReviewError("cli_git_failed", {"detail": str(error)}) from None
    if done.returncode != 0:
        if not check:
            return None
        detail = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise ReviewError("cli_git_failed", {"detail": detail})
    return done.stdout


def _names(output: str | None) -> list[str]:
    return [name for name in (output or "").split("\0") if name]


# --- the report -----------------------------------------------------------------------------


def report(kb: KnowledgeBase, all_problems: Sequence[Problem], linked: Linked, items: Sequence[ActionItem],
           changes: Changes, base: str, lang: str) -> str:
    labels = LABELS.get(lang, LABELS["en"])
    lines = [f"## {labels['heading'].format(base=md(base))}", ""]
    if not changes.changed and not changes.removed:
        return "\n".join([*lines, labels["nothing"].format(base=md(base)), ""])
    wanted = set(changes.changed)
    problems = sorted_problems(p for p in all_problems if p.path in wanted)
    by_path: dict[str, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    memos = [path for path in changes.changed if path.startswith(f"{MEMOS_DIR}/")]
    companies = [path for path in changes.changed if path not in memos]
    lines += [labels["counts"].format(memos=len(memos), companies=len(companies)), ""]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    serious = sum(p.severity is not Severity.NOTICE for p in problems)  # notices fail nothing
    summary = "failing" if errors else "warned" if serious else "clean"
    lines += [labels[summary].format(count=serious, errors=errors), ""]
    memo_records = {memo.path: memo for memo in kb.memos}
    company_records = {company.path: company for company in kb.companies.values()}
    for path in memos:
        memo = memo_records.get(path)
        if memo is None:
            lines += _unreadable(path, by_path.get(path, []), labels, lang)
            continue
        date = memo.date.isoformat() if memo.date else labels["no_date"]
        lines += [f"### {md(memo.title)}", "", f"`{path}` · {date}", ""]
        lines += _links(kb, linked.mentions.get(path, []), labels)
        lines += _followups(kb, [item for item in items if item.memo.path == path], labels)
        lines += _problems(by_path.get(path, []), labels, lang)
        memo_mentions = linked.mentions.get(path, [])
        unknown = _unknown(kb, memo.source.body, memo.source.body_line, memo_mentions)
        lines += _names_section(unknown, _linked_before(kb, memo.source.body, memo.source.body_line, memo_mentions,
                                                        unknown), labels, lang)
    for path in companies:
        company = company_records.get(path)
        if company is None:
            lines += _unreadable(path, by_path.get(path, []), labels, lang)
            continue
        lines += [f"### {md(company.name)} ({labels['company']})", "", f"`{path}`", ""]
        lines += [labels["mentioned"].format(count=len(kb.company_memos.get(company.slug, []))), ""]
        lines += _problems(by_path.get(path, []), labels, lang)
    if changes.removed:
        lines += [labels["removed"].format(paths=", ".join(f"`{path}`" for path in changes.removed)), ""]
    return "\n".join(lines)


def _unreadable(path: str, problems: list[Problem], labels: dict[str, str], lang: str) -> list[str]:
    return [f"### `{path}`", "", labels["unreadable"], "", *_problems(problems, labels, lang)]


def _links(kb: KnowledgeBase, mentions: Sequence[MemoMention], labels: dict[str, str]) -> list[str]:
    """One line per entity, in the order the memo first names it, with every distinct wording."""
    surfaces: dict[str, list[str]] = {}
    for mention in mentions:
        words = surfaces.setdefault(mention.key, [])
        if mention.surface not in words:
            words.append(mention.surface)
    if not surfaces:
        return [labels["no_links"], ""]
    lines = [f"**{labels['links']}**", ""]
    for key, words in surfaces.items():
        kind, _, slug = key.partition(":")
        name = _entity_name(kb, kind, slug)
        quoted = ", ".join(f"“{md(word)}”" for word in words)
        lines.append(f"- {md(name)} ({labels.get(kind, kind)}): {quoted}")
    return [*lines, ""]


def _entity_name(kb: KnowledgeBase, kind: str, slug: str) -> str:
    if kind == "company" and slug in kb.companies:
        return kb.companies[slug].name
    if kind == "person" and slug in kb.people:
        return kb.people[slug].name
    if kind == "offering" and slug in kb.offerings:
        return kb.offerings[slug].name
    return slug


def _followups(kb: KnowledgeBase, items: Sequence[ActionItem], labels: dict[str, str]) -> list[str]:
    if not items:
        return []
    lines = [f"**{labels['followups']}**", ""]
    for item in items:
        box = "[x]" if item.done else "[ ]"
        owner = kb.people[item.owner].name if item.owner and item.owner in kb.people else labels["no_owner"]
        due = f" ({labels['due']} {item.due.isoformat()})" if item.due else ""
        lines.append(f"- {box} {md(owner)}: {md(item.text)}{due}")
    return [*lines, ""]


def _problems(problems: list[Problem], labels: dict[str, str], lang: str) -> list[str]:
    if not problems:
        return []
    heading = "notes" if all(p.severity is Severity.NOTICE for p in problems) else "problems"
    lines = [f"**{labels[heading]}**", ""]
    for problem in problems:
        where = labels["line"].format(line=problem.line)
        if problem.severity is not Severity.ERROR:
            where += f" ({labels[problem.severity.value]})"
        lines.append(f"- {where}: {md(problem.message(lang))}")
    return [*lines, ""]


def _unknown(kb: KnowledgeBase, body: str, body_line: int, mentions: Sequence[MemoMention]) -> list[UnknownName]:
    return find_unknown_names(body, body_line, [*known_names(kb), *(m.surface for m in mentions)])


def known_names(kb: KnowledgeBase) -> list[str]:
    """Every name the knowledge base answers to: a candidate matching one of them is not unknown."""
    names: list[str] = []
    for company in kb.companies.values():
        names += [company.name, *company.meta.aliases, *(former.name for former in company.meta.former_names)]
    for person in kb.people.values():
        names += [person.name, *person.aliases]
    for offering in kb.offerings.values():
        names += [offering.name, *offering.aliases]
    return names


def _linked_before(kb: KnowledgeBase, body: str, body_line: int, mentions: Sequence[MemoMention],
                   names: list[UnknownName]) -> dict[str, tuple[str, str]]:
    """Unknown names that follow a linked organisation's name on their line ("Nokian Renkaiden":
    Nokia is linked, "Renkaiden" has no page): the words together, by the unknown name's key, and
    the organisation they now link to. "Nokian Renkaat" is most likely another organisation, and
    the memo would be listed on Nokia's page, with Nokia's last contact moved to its date."""
    lines = body.split("\n")
    found: dict[str, tuple[str, str]] = {}
    for name in names:
        index = name.line - body_line
        text = lines[index] if 0 <= index < len(lines) else ""
        for mention in mentions:
            if mention.line != name.line or not mention.key.startswith("company:"):
                continue
            together = re.search(rf"{re.escape(mention.surface)}[ \u00a0]+{re.escape(name.surface)}", text)
            company = kb.companies.get(mention.key.partition(":")[2])
            if together and company is not None:
                found[name.name] = (together.group(), company.name)
                break
    return found


def _names_section(names: list[UnknownName], longer: dict[str, tuple[str, str]], labels: dict[str, str],
                   lang: str) -> list[str]:
    if not names:
        return []
    lines = [f"**{labels['names']}**", ""]
    for name in names:
        if name.name in longer:
            words, company = longer[name.name]
            hint = render_message("longer_name", {"words": words, "company": company}, lang)
        else:
            hint = render_message("unknown_name", {"name": name.name, "argument": name.command_argument}, lang)
        where = labels["line"].format(line=name.line)
        lines.append(f"- {hint} ({where})")
    return [*lines, ""]
