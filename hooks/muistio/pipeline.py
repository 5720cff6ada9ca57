"""The pipeline, in the order it runs: load → validate → index → link → follow-ups → pages.

Both adapters call this module and nothing deeper: the MkDocs hook (`build_site`) and the `kb`
command (`check`). Reading this file should tell a newcomer what a build does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from muistio.cache import BuildCache
from muistio.content_checks import check_body, known_files_only
from muistio.crosslink import Linked, link_all
from muistio.followups import collect
from muistio.knowledge_base import KnowledgeBase, build_index
from muistio.link_store import LinkStore
from muistio.load import SourceFile, load_all
from muistio.pages import Context, GeneratedPage
from muistio.parse_cache import ParseCache
from muistio.problems import Problem, Severity, sorted_problems
from muistio.publishing import public_view
from muistio.records import Company, Memo
from muistio.settings import Settings
from muistio.validate import validate_company, validate_memo


@dataclass
class Checked:
    """What load + validate + index give: the knowledge base and every problem found."""

    kb: KnowledgeBase
    problems: list[Problem]


@dataclass
class Analysis:
    """The knowledge base linked and read, with every problem: what `kb check` and `kb review` need."""

    kb: KnowledgeBase
    problems: list[Problem]
    context: Context
    keep_links: Callable[[], None] | None = None
    """Writes the links for the next process (`link_store`), when this one linked any memo anew;
    left to the caller, so that `build_site` does it in its side process."""


@dataclass
class SiteBuild:
    kb: KnowledgeBase
    problems: list[Problem]
    pages: list[GeneratedPage]
    context: Context
    """The linked memos and follow-ups the pages were made from (exports reuse them)."""
    calendar: bytes = b""
    """The open follow-ups as iCalendar (`exports/calendar.py`), for the site's followups.ics."""


def check(root: Path, cache: BuildCache | None = None) -> Checked:
    """Load, validate and index every file; report all problems, sorted by file and line."""
    # front matter parsed and validated before, from disk, unless this process holds the files
    front = ParseCache.open(root) if cache is None or not cache.files.entries else None
    sources = load_all(root, cache.files if cache else None, front)
    memos: list[Memo] = []
    companies: list[Company] = []
    for source in sources:
        record = _validated(source, cache, front)
        if isinstance(record, Memo):
            memos.append(record)
        else:
            companies.append(record)
    if front is not None:
        front.save()
    kb, cross_file = build_index(memos, companies)
    per_file = known_files_only([p for record in (*memos, *companies) for p in record.source.problems], kb.companies)
    return Checked(kb, sorted_problems([*per_file, *cross_file]))


def analyse(root: Path, settings: Settings | None = None, cache: BuildCache | None = None,
            problems_only: bool = False) -> Analysis:
    """Check, link and read follow-ups: every problem a build would report, without rendering pages.

    `problems_only` skips linking memos that cannot have a link problem; the mentions and text
    backlinks are then incomplete, which is fine for reporting problems and nothing else.
    """
    settings = settings or Settings()
    checked = check(root, cache)
    kb = public_view(checked.kb) if settings.public else checked.kb
    linked, keep_links = _linked(root, kb, settings, cache, problems_only)
    # a follow-up in a public memo owned by an internal contact: that person exists, so no
    # "unknown owner", and the public pages leave them out of it as they leave them out of attendees
    items, item_problems = collect(kb, frozenset(checked.kb.people.keys() - kb.people.keys()))
    problems = sorted_problems([*checked.problems, *linked.problems, *item_problems])
    return Analysis(kb, problems, Context(kb, linked, items, settings), keep_links)


def build_site(root: Path, settings: Settings | None = None, cache: BuildCache | None = None,
               site_url: str = "") -> SiteBuild:
    """Everything the site needs from the knowledge base: its pages, its follow-up calendar (with
    links to the memos under `site_url`, if there is one) and its problems.

    With more than one worker, the calendar is made (and the links are written for the next
    process) in a forked process while the pages are made here (`side_process`): otherwise one
    core would idle through both. With a `cache` (under `mkdocs serve`), the last calendar is
    kept while its events and the day are the same."""
    from muistio.exports.calendar import calendar_events, calendar_of  # icalendar: not for `kb check`
    from muistio.side_process import SideWork

    analysis = analyse(root, settings, cache)
    kb, ctx = analysis.kb, analysis.context
    made_from = (ctx.settings.today, calendar_events(kb, ctx.items, site_url))
    keep_links = analysis.keep_links or (lambda: None)
    if cache is not None and cache.calendar is not None and cache.calendar[0] == made_from:
        keep_links()
        return SiteBuild(kb, analysis.problems, _pages(analysis), ctx, cache.calendar[1])

    def beside_the_pages() -> bytes:
        keep_links()
        return calendar_of(made_from[1], made_from[0])

    with SideWork(beside_the_pages, fork=ctx.settings.workers > 1) as calendar:
        pages = _pages(analysis)
        made = calendar.result()
    if cache is not None:
        cache.calendar = (made_from, made)
    return SiteBuild(kb, analysis.problems, pages, ctx, made)


def _linked(root: Path, kb: KnowledgeBase, settings: Settings, cache: BuildCache | None,
            problems_only: bool) -> tuple[Linked, Callable[[], None] | None]:
    """`link_all`; in the first build of a process (an empty cache), with the links the last
    process made kept on disk (`link_store`), and what replaces them if any memo was linked anew."""
    if cache is None:
        return link_all(kb, None, problems_only, settings.workers), None
    store = LinkStore.open(root, settings.public) if not cache.links and not problems_only else None
    if store is not None:
        cache.links.update(store.read())
    linked = link_all(kb, cache.links, problems_only, settings.workers)
    if store is None or not linked.relinked:
        return linked, None
    links = {memo.path: cache.links[memo.path] for memo in kb.memos}
    return linked, lambda: store.write(links)


def _pages(analysis: Analysis) -> list[GeneratedPage]:
    # imported here: `kb check` makes no pages, and starts faster without their modules
    from muistio.pages.company import company_page
    from muistio.pages.dashboard import dashboard_page
    from muistio.pages.followups_page import followups_page
    from muistio.pages.indexes import directory_page, people_page, timeline_page
    from muistio.pages.memo import memo_page
    from muistio.pages.person import offering_page, person_page
    from muistio.pages.relationship_map import map_page

    kb, ctx = analysis.kb, analysis.context
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in analysis.problems:
        if problem.severity is not Severity.NOTICE:  # a note for the writer, not a fault to show readers
            by_file[problem.path].append(problem)
    pages: list[GeneratedPage] = [memo_page(ctx, memo, by_file.get(memo.path, [])) for memo in kb.memos]
    pages += [company_page(ctx, company) for company in kb.companies.values()]
    pages += [person_page(ctx, person) for person in kb.people.values()]
    pages += [offering_page(ctx, offering) for offering in kb.offerings.values()]
    urls = ctx.settings.directory_urls
    pages += [timeline_page(kb, urls), directory_page(kb, urls), people_page(kb, urls),
              followups_page(ctx), dashboard_page(ctx), map_page(ctx)]
    return pages


def _validated(source: SourceFile, cache: BuildCache | None, front: ParseCache | None) -> Memo | Company:
    """Validate a file and check its text, or reuse the record made from this very parsed file."""
    if cache is not None:
        entry = cache.records.get(source.path)
        if entry is not None and entry[0] is source:
            return entry[1]
    fresh = _fresh(source)
    record = validate_memo(fresh, front) if source.kind == "memo" else validate_company(fresh, front)
    record.source.problems.extend(check_body(record))  # unsafe HTML, personal data in the text
    if cache is not None:
        cache.records[source.path] = (source, record)
    return record


def _fresh(source: SourceFile) -> SourceFile:
    """A copy whose problem list the validators may extend: cached sources stay as loaded."""
    return SourceFile(
        source.path, source.kind, source.meta, source.body, source.body_line,
        lines=source.lines, ambiguous=source.ambiguous, problems=list(source.problems),
        front_matter=source.front_matter,
    )
