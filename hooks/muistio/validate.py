"""Check each file on its own: front matter against the schema, file name against the content.

The front matter is checked by `schema_check` (pydantic, with errors worded for a writer), unless
the parse cache holds it validated from an earlier run. A file with errors still becomes a record
built from its valid parts, so the site shows it and later checks (references, links) still run
on it: every problem is reported in one run.

Checks that need more than one file (references, duplicates) live in `knowledge_base`.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from muistio.load import NOT_READ, SourceFile
from muistio.names import slugify
from muistio.parse_cache import ParseCache
from muistio.problems import Problem, Severity
from muistio.records import Company, Memo, Offering, Person
from muistio.schema import BOOLEAN_KEYS, SLUG_PATTERN, CompanyMeta, Contact, MemoMeta, Meta
from muistio.schema_plain import plainly_valid

_MEMO_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")


def validate_memo(source: SourceFile, front: ParseCache | None = None) -> Memo:
    problems = source.problems
    raw = dict(source.meta) if source.meta is not None else None
    problems += _ambiguous_booleans(source)
    file_date = _date_from_file_name(source, problems) if _is_file(source) else None
    fallbacks = {"title": source.stem.replace("-", " "), "date": file_date}
    meta, valid = _validated(MemoMeta, source, raw, fallbacks, front)
    assert isinstance(meta, MemoMeta)
    date = meta.date if isinstance(meta.date, datetime.date) else file_date
    if valid and file_date is not None and meta.date != file_date:
        problems.append(
            Problem(
                source.path,
                source.line_of(("date",)),
                "memo_date_mismatch",
                {"date": meta.date.isoformat(), "file_date": file_date.isoformat()},
            )
        )
    if date is not None:
        folder = source.path.split("/")[-2] if source.path.count("/") >= 2 else None
        if folder is not None and folder != str(date.year):
            problems.append(
                Problem(source.path, 1, "memo_wrong_folder", {"year": date.year, "folder": folder})
            )
    return Memo(source, meta, date, valid and source.meta is not None)


def validate_company(source: SourceFile, front: ParseCache | None = None) -> Company:
    problems = source.problems
    raw = dict(source.meta) if source.meta is not None else None
    problems += _ambiguous_booleans(source)
    if _is_file(source) and not re.match(SLUG_PATTERN, source.stem):
        problems.append(
            Problem(source.path, 1, "company_file_name", {"stem": source.stem, "slug": slugify(source.stem)})
        )
    meta, valid = _validated(CompanyMeta, source, raw, {"name": source.stem}, front)
    assert isinstance(meta, CompanyMeta)
    if meta.slug is not None and meta.slug != source.stem:
        problems.append(
            Problem(source.path, source.line_of(("slug",)), "company_slug_mismatch",
                    {"slug": meta.slug, "stem": source.stem})
        )
    if meta.business_id:
        problem = _business_id_problem(source, meta.business_id)
        if problem is not None:
            problems.append(problem)
    company = Company(source, meta, valid and source.meta is not None)
    company.people = [_person(company, index, contact) for index, contact in enumerate(meta.contacts)]
    company.offerings = [
        Offering(
            slug=offering.slug or slugify(offering.name),
            name=offering.name,
            company=company.slug,
            aliases=offering.aliases,
            description=offering.description,
            common_word=offering.common_word,
            path=source.path,
            line=source.line_of(("offerings", index, "name")),
        )
        for index, offering in enumerate(meta.offerings)
    ]
    return company


def _business_id_problem(source: SourceFile, value: str) -> Problem | None:
    """The Y-tunnus checked by python-stdnum, which keeps the registry's rules; why it refused the
    number is worded in both languages (`messages.followups.BUSINESS_ID_DETAILS`), by the class of
    its exception (the most specific first: a wrong length is also a wrong format)."""
    from stdnum import exceptions as stdnum  # only for the companies that have one
    from stdnum.fi import ytunnus

    from muistio.messages.followups import BUSINESS_ID_DETAILS

    try:
        ytunnus.validate(value)
    except stdnum.ValidationError as error:
        reasons = [(stdnum.InvalidChecksum, "checksum"), (stdnum.InvalidLength, "length"),
                   (stdnum.InvalidFormat, "format")]
        reason = next((name for kind, name in reasons if isinstance(error, kind)), "other")
        detail = BUSINESS_ID_DETAILS[reason]
        return Problem(source.path, source.line_of(("business_id",)), "invalid_business_id",
                       {"value": value, "detail_en": detail["en"], "detail_fi": detail["fi"]})
    return None


def _is_file(source: SourceFile) -> bool:
    """False for a link or folder that was not read: its name is not the writer's problem now."""
    return not any(problem.code in NOT_READ for problem in source.problems)


def _person(company: Company, index: int, contact: Contact) -> Person:
    return Person(
        slug=contact.slug or slugify(contact.name),
        name=contact.name,
        company=company.slug,
        role=contact.role,
        aliases=contact.aliases,
        email=contact.email,
        phone=contact.phone,
        path=company.path,
        line=company.source.line_of(("contacts", index, "name")),
        common_word=contact.common_word,
    )


def _validated(model: type[MemoMeta] | type[CompanyMeta], source: SourceFile, raw: dict[str, Any] | None,
               fallbacks: dict[str, Any], front: ParseCache | None) -> tuple[Meta, bool]:
    """The front matter as the model's dataclass, and whether it was valid: validated before
    (`front`), plainly valid (`schema_plain`), or judged by pydantic now, which is loaded for that
    (`schema_check`)."""
    kind = "memo" if model is MemoMeta else "company"
    text = source.front_matter
    if front is not None and text is not None and raw is not None:
        kept = front.validated(text, kind)
        if kept is not None:
            return kept, True
    plain = plainly_valid(model, raw) if raw is not None else None
    if plain is not None:
        meta, valid = plain, True
    else:
        from muistio.schema_check import validated

        meta, valid = validated(model, source, raw, fallbacks)
    if valid and front is not None and text is not None:
        front.keep_validated(text, kind, meta)
    return meta, valid


def _ambiguous_booleans(source: SourceFile) -> list[Problem]:
    problems = []
    for path in sorted(source.ambiguous, key=lambda p: source.line_of(p)):
        key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
        if key in BOOLEAN_KEYS:
            continue
        value = _lookup(source.meta, path)
        truth = "true" if str(value).lower() in ("yes", "y", "on") else "false"
        problems.append(
            Problem(source.path, source.line_of(path), "yaml11_boolean",
                    {"key": ".".join(str(p) for p in path), "value": value, "truth": truth},
                    Severity.ERROR)
        )
    return problems


def _lookup(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _date_from_file_name(source: SourceFile, problems: list[Problem]) -> datetime.date | None:
    match = _MEMO_NAME.match(source.stem)
    if not match:
        problems.append(
            Problem(source.path, 1, "memo_file_name", {"stem": source.stem, "slug": slugify(source.stem)})
        )
        return None
    try:
        return datetime.date.fromisoformat(match.group(1))
    except ValueError:
        problems.append(Problem(source.path, 1, "memo_file_date", {"stem": source.stem}))
        return None
