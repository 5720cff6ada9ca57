"""The whole knowledge base in memory: every record, the indexes, and the checks across files.

Built once per build from all records, before any page is rendered (as `mkdocs build` builds its
whole file list first), so every page sees the same, complete picture. Backlinks (which memos
name a company or a person) are derived here from the memos' references and stored nowhere else.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from muistio.names import did_you_mean
from muistio.problems import Problem
from muistio.records import Company, Memo, Offering, Person


@dataclass
class KnowledgeBase:
    memos: list[Memo]
    """Every memo, newest first (memos without a date last)."""
    companies: dict[str, Company]
    """By slug, in name order."""
    people: dict[str, Person]
    offerings: dict[str, Offering]
    company_memos: dict[str, list[Memo]] = field(default_factory=dict)
    """Memos that reference each company (front matter, and text mentions once linked), newest first."""
    person_memos: dict[str, list[Memo]] = field(default_factory=dict)
    """Memos each person attended or wrote, newest first."""
    withheld: frozenset[str] = frozenset()
    """Names and slugs (casefolded) of what this view leaves out (the public site's internal
    organisations, their people and offerings): a `[[wikilink]]` to one is shown as its text, not
    reported as unknown, which would put the name in a warning on the public page."""

    def memo_companies(self, memo: Memo) -> list[str]:
        """The companies a memo is about, known ones only, in the order written."""
        return [slug for slug in memo.meta.companies if slug in self.companies]

    def memo_people(self, memo: Memo) -> list[str]:
        return [slug for slug in _unique([*memo.meta.attendees, *memo.meta.authors]) if slug in self.people]

    def last_memo_date(self, company: str) -> datetime.date | None:
        memos = self.company_memos.get(company, [])
        return memos[0].date if memos else None


def build_index(memos: Iterable[Memo], companies: Iterable[Company]) -> tuple[KnowledgeBase, list[Problem]]:
    """Index the records and check everything that spans files: references and duplicates."""
    problems: list[Problem] = []
    memo_list = sorted(memos, key=_newest_first)
    company_list = sorted(companies, key=lambda c: (c.name.casefold(), c.slug))
    problems += _case_collisions([m.path for m in memo_list] + [c.path for c in company_list])

    company_map: dict[str, Company] = {}
    for company in company_list:
        if company.slug in company_map:
            continue  # only possible for case variants, reported above
        company_map[company.slug] = company
    people: dict[str, Person] = {}
    offerings: dict[str, Offering] = {}
    for company in company_list:
        for person in company.people:
            if person.slug in people:
                first = people[person.slug]
                problems.append(Problem(person.path, person.line, "duplicate_person",
                                        {"slug": person.slug, "first": f"{first.path}:{first.line}"}))
                continue
            people[person.slug] = person
        for offering in company.offerings:
            if offering.slug in offerings:
                first_offering = offerings[offering.slug]
                problems.append(Problem(offering.path, offering.line, "duplicate_offering",
                                        {"slug": offering.slug,
                                         "first": f"{first_offering.path}:{first_offering.line}"}))
                continue
            offerings[offering.slug] = offering

    kb = KnowledgeBase(memo_list, company_map, people, offerings)
    problems += _duplicate_names(kb)
    problems += _check_references(kb)
    _index_backlinks(kb)
    return kb, problems


def add_mentions(kb: KnowledgeBase, named: Iterable[tuple[Memo, Iterable[str]]]) -> None:
    """Count the companies and people named in memos' text as theirs (the link stage calls this).

    A writer should not have to repeat in the front matter every organisation the memo names.
    Takes every memo at once and sorts each touched list once: sorting on every insertion made
    this quadratic in the number of memos per company.
    """
    indexes = {"company": kb.company_memos, "person": kb.person_memos}
    present: dict[tuple[str, str], set[int]] = {}
    touched: set[tuple[str, str]] = set()
    for memo, keys in named:
        for key in dict.fromkeys(keys):
            kind, _, slug = key.partition(":")
            index = indexes.get(kind)
            if index is None:
                continue
            memos = index.setdefault(slug, [])
            seen = present.setdefault((kind, slug), {id(m) for m in memos})
            if id(memo) not in seen:
                seen.add(id(memo))
                memos.append(memo)
                touched.add((kind, slug))
    for kind, slug in touched:
        indexes[kind][slug].sort(key=_newest_first)


def _index_backlinks(kb: KnowledgeBase) -> None:
    company_memos: dict[str, list[Memo]] = defaultdict(list)
    person_memos: dict[str, list[Memo]] = defaultdict(list)
    for memo in kb.memos:  # already newest first, so each list is too
        for slug in _unique(kb.memo_companies(memo)):
            company_memos[slug].append(memo)
        for slug in kb.memo_people(memo):
            person_memos[slug].append(memo)
    kb.company_memos = dict(company_memos)
    kb.person_memos = dict(person_memos)


def _check_references(kb: KnowledgeBase) -> list[Problem]:
    problems: list[Problem] = []
    person_names = {p.slug: p.name for p in kb.people.values()}
    for memo in kb.memos:
        source = memo.source
        for key in ("attendees", "authors"):
            for index, slug in enumerate(getattr(memo.meta, key)):
                if slug not in kb.people:
                    problems.append(_unknown(source.path, source.line_of((key, index)), "unknown_person",
                                             key, slug, person_names))
        for index, slug in enumerate(memo.meta.companies):
            if slug not in kb.companies:
                names = {c.slug: c.name for c in kb.companies.values()}
                problems.append(_unknown(source.path, source.line_of(("companies", index)), "unknown_company",
                                         "companies", slug, names))
    units = [c for c in kb.companies.values() if c.meta.our_unit]
    staff = {p.slug: p.name for unit in units for p in unit.people}
    for company in kb.companies.values():
        owner = company.meta.owner
        line = company.source.line_of(("owner",))
        if owner is not None and owner not in kb.people:
            problems.append(_unknown(company.path, line, "unknown_person", "owner", owner, staff or person_names))
        elif owner is not None and units and owner not in staff:
            # The owner keeps the relationship for us, so they must be one of our own people.
            problems.append(Problem(company.path, line, "owner_not_staff", {
                "slug": owner, "unit": units[0].name, "unit_path": units[0].path,
                "staff": ", ".join(sorted(staff)) or "–"}))
    return problems


def _unknown(path: str, line: int, code: str, key: str, slug: str, names: dict[str, str]) -> Problem:
    """An unknown reference, with the closest slug (matching names too: 'Petri' → petri-laitinen)."""
    suggestion = did_you_mean(slug, names)
    if suggestion is None:
        by_name = {name: s for s, name in names.items()}
        close = did_you_mean(slug.replace("-", " "), by_name)
        suggestion = by_name[close] if close else None
    return Problem(path, line, code, {"key": key, "slug": slug, "suggestion": suggestion or ""})


def _duplicate_names(kb: KnowledgeBase) -> list[Problem]:
    """Two entities answering to the same name would make links ambiguous: report the later one.
    People may share names with each other (two Petris: the memo's attendees tell them apart, see
    `crosslink.chooser`), but not with an organisation or an offering: a contact called "Metropolia"
    is a slip, and nothing in a memo would tell the two apart."""
    problems: list[Problem] = []
    seen: dict[str, tuple[str, str, int]] = {}

    def claim(name: str, owner: str, path: str, line: int) -> None:
        folded = name.casefold()
        if folded in seen and seen[folded][0] != owner:
            first_owner, first_path, first_line = seen[folded]
            problems.append(Problem(path, line, "duplicate_name",
                                    {"name": name, "other": first_owner, "first": f"{first_path}:{first_line}"}))
        else:
            seen.setdefault(folded, (owner, path, line))

    for company in kb.companies.values():
        source = company.source
        claim(company.name, company.slug, company.path, source.line_of(("name",)))
        for index, alias in enumerate(company.meta.aliases):
            claim(alias, company.slug, company.path, source.line_of(("aliases", index)))
        for index, former in enumerate(company.meta.former_names):
            claim(former.name, company.slug, company.path, source.line_of(("former_names", index, "name")))
    for offering in kb.offerings.values():
        claim(offering.name, offering.slug, offering.path, offering.line)
        for alias in offering.aliases:
            claim(alias, offering.slug, offering.path, offering.line)
    for person in kb.people.values():
        for name in _unique((person.name, *person.aliases)):
            taken = seen.get(name.casefold())
            if taken is not None:
                problems.append(Problem(person.path, person.line, "duplicate_name",
                                        {"name": name, "other": taken[0], "first": f"{taken[1]}:{taken[2]}"}))
    return problems


def _case_collisions(paths: list[str]) -> list[Problem]:
    """`Metropolia.md` and `metropolia.md` are one file on macOS and Windows: never allow both."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in sorted(paths):
        folded = path.casefold()
        if folded in seen:
            problems.append(Problem(path, 1, "case_collision", {"other": seen[folded]}))
        else:
            seen[folded] = path
    return problems


def _newest_first(memo: Memo) -> tuple[int, int, str]:
    ordinal = memo.date.toordinal() if memo.date else 0
    return (memo.date is None, -ordinal, memo.path)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
