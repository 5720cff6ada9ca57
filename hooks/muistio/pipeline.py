"""The pipeline, in the order it runs: load → validate → index → link → pages.

Both adapters call this module and nothing deeper: the MkDocs hook (`build_site`) and the `kb`
command (`check`). Reading this file should tell a newcomer what a build does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from muistio.knowledge_base import KnowledgeBase, build_index
from muistio.load import LoadCache, SourceFile, load_all
from muistio.pages import GeneratedPage
from muistio.pages.company import company_page
from muistio.pages.indexes import directory_page, people_page, timeline_page
from muistio.pages.memo import memo_page
from muistio.pages.person import offering_page, person_page
from muistio.problems import Problem, sorted_problems
from muistio.records import Company, Memo
from muistio.validate import validate_company, validate_memo


@dataclass
class Checked:
    """What load + validate + index give: the knowledge base and every problem found."""

    kb: KnowledgeBase
    problems: list[Problem]


@dataclass
class SiteBuild:
    kb: KnowledgeBase
    problems: list[Problem]
    pages: list[GeneratedPage]


def check(root: Path, cache: LoadCache | None = None) -> Checked:
    """Load, validate and index every file; report all problems, sorted by file and line."""
    sources = load_all(root, cache)
    memos: list[Memo] = []
    companies: list[Company] = []
    for source in sources:
        if source.kind == "memo":
            memos.append(validate_memo(_fresh(source)))
        else:
            companies.append(validate_company(_fresh(source)))
    kb, cross_file = build_index(memos, companies)
    per_file = [p for record in (*memos, *companies) for p in record.source.problems]
    return Checked(kb, sorted_problems([*per_file, *cross_file]))


def build_site(root: Path, cache: LoadCache | None = None) -> SiteBuild:
    """Everything the site needs from the knowledge base: its pages and its problems."""
    checked = check(root, cache)
    kb = checked.kb
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in checked.problems:
        by_file[problem.path].append(problem)
    pages: list[GeneratedPage] = []
    for memo in kb.memos:
        pages.append(memo_page(kb, memo, memo.source.body, by_file.get(memo.path, [])))
    for company in kb.companies.values():
        pages.append(company_page(kb, company))
    for person in kb.people.values():
        pages.append(person_page(kb, person))
    for offering in kb.offerings.values():
        pages.append(offering_page(kb, offering, []))
    pages += [timeline_page(kb), directory_page(kb), people_page(kb)]
    return SiteBuild(kb, checked.problems, pages)


def _fresh(source: SourceFile) -> SourceFile:
    """A copy whose problem list the validators may extend: cached sources stay as loaded."""
    return SourceFile(
        source.path, source.kind, source.meta, source.body, source.body_line,
        lines=source.lines, ambiguous=source.ambiguous, problems=list(source.problems),
    )
