"""Relative links in memos and organisation files that lead to no page of the site.

A memo may link another memo or a hand-written page with an ordinary relative Markdown link
(`[edellinen tapaaminen](2012-05-16-tapaaminen.md)`), which also works on a git forge. MkDocs
reports a link whose target is not in the site only while it builds: in English, without the
line, and as a warning that fails `mkdocs build --strict` in CI after `kb check` passed on the
writer's machine. `kb check` therefore applies the same rule first, at `file:line`, with the page
the writer probably meant. The build itself leaves this to MkDocs, so nothing is reported twice.

The rule is MkDocs 1.6's: a link without a scheme, not to an anchor on the same page and not an
absolute path, is resolved from the folder of the page it is on and must name a file of the
site: a memo, an organisation, a generated page (people/, offerings/, the lists), or a file in
`docs/`. Links to folders (`../../companies/`, `..`) and to names without an extension are left
alone, as MkDocs leaves them (it says so only at INFO, which `--strict` does not fail on).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

from muistio.content_checks import link_targets
from muistio.knowledge_base import KnowledgeBase
from muistio.problems import Problem, Severity

LIST_PAGES = ("index.md", "memos/index.md", "companies/index.md", "people/index.md", "followups.md", "map.md")
"""The generated pages that are not made from one record (see `muistio.pages`)."""

_FILE_TARGET = re.compile(r"\s*<?(?![a-zA-Z][a-zA-Z0-9+.-]*:|[#/)<\s])")
"""What follows "](" or "]:" when the link may name a file: not a URL, an anchor or an absolute path."""


def _may_link_a_file(body: str) -> bool:
    """A cheap scan, so that bodies without such a link, most of them, are not parsed: `str.find`
    jumps to each "](" and "]:" in C (a regex over every body cost 60 ms at 1,000 memos)."""
    for mark in ("](", "]:"):
        at = body.find(mark)
        while at >= 0:
            if _FILE_TARGET.match(body, at + 2):
                return True
            at = body.find(mark, at + 2)
    return False


def broken_page_links(kb: KnowledgeBase, root: Path, docs_dir: str = "docs") -> list[Problem]:
    """A warning for every relative link in a memo or organisation text that no page answers."""
    docs = root / docs_dir
    site = {*_record_pages(kb), *LIST_PAGES, *_files_in(docs)}
    problems: list[Problem] = []
    for record in (*kb.memos, *kb.companies.values()):
        source = record.source
        if not _may_link_a_file(source.body):
            continue
        for line, target in link_targets(source.body):
            problem = _checked(target, record.src_uri, site, root)
            if problem is not None:
                code, params = problem
                problems.append(Problem(source.path, source.body_line - 1 + line, code, params, Severity.WARNING))
    return problems


def _record_pages(kb: KnowledgeBase) -> Iterator[str]:
    yield from (memo.src_uri for memo in kb.memos)
    yield from (company.src_uri for company in kb.companies.values())
    yield from (person.src_uri for person in kb.people.values())
    yield from (offering.src_uri for offering in kb.offerings.values())


def _files_in(docs: Path) -> Iterable[str]:
    if not docs.is_dir():
        return ()
    return (path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file())


def _checked(target: str, page: str, site: set[str], root: Path) -> tuple[str, dict[str, object]] | None:
    """Why `target`, linked from `page`, reaches no page; None if it does or is no file link."""
    folder = posixpath.dirname(page)
    if not target or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|[#/]", target):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path or path.endswith("/") or not posixpath.splitext(posixpath.basename(path))[1]:
        return None  # a folder or a name without an extension: MkDocs leaves it as written (INFO)
    resolved = posixpath.normpath(posixpath.join(folder, path))
    if resolved in site:
        return None
    if resolved == ".." or resolved.startswith("../"):
        return "link_outside_site", {"target": unquote(target)}
    if (root / resolved).is_file():
        return "link_not_published", {"target": unquote(target)}
    pages = [other for other in site if other != page and (other.endswith(".md") or not path.endswith(".md"))]
    name = posixpath.basename(resolved)
    same_name = sorted(other for other in pages if posixpath.basename(other) == name)  # in another folder
    # a mistyped name: only a near miss, for memo file names all look alike (2012-05-16-tapaaminen-...)
    close = difflib.get_close_matches(resolved, pages, n=1, cutoff=0.85)
    meant = same_name[0] if same_name else (close[0] if close else None)
    suggestion = posixpath.relpath(meant, folder or ".") if meant else ""
    return "link_no_page", {"target": unquote(target), "suggestion": suggestion}
