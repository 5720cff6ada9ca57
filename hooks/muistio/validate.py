"""Check each file on its own: front matter against the schema, file name against the content.

Pydantic does the checking; this module turns its errors into problems a writer can act on: the
line of the offending key, the value, and a hint ("did you mean companies?", "write 2012-05-16").
A file with errors still becomes a record built from its valid parts, so the site shows it and
later checks (references, links) still run on it: every problem is reported in one run.

Checks that need more than one file (references, duplicates) live in `knowledge_base`.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from muistio.load import NOT_READ, SourceFile
from muistio.names import did_you_mean, slugify
from muistio.problems import Problem, Severity
from muistio.records import Company, Memo, Offering, Person
from muistio.schema import (
    BOOLEAN_KEYS,
    SLUG_PATTERN,
    CompanyMeta,
    Contact,
    MemoMeta,
)

_MEMO_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_MAX_REPAIRS = 5
_BOUNDS = {"greater_than_equal": ("ge", "number_too_small"), "greater_than": ("gt", "number_too_small"),
           "less_than_equal": ("le", "number_too_large"), "less_than": ("lt", "number_too_large")}
"""Pydantic's number-limit errors: which limit each names, and which message says it."""


def validate_memo(source: SourceFile) -> Memo:
    problems = source.problems
    raw = dict(source.meta) if source.meta is not None else None
    problems += _ambiguous_booleans(source)
    file_date = _date_from_file_name(source, problems) if _is_file(source) else None
    fallbacks = {"title": source.stem.replace("-", " "), "date": file_date}
    meta, valid = _validated(MemoMeta, source, raw, fallbacks)
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


def validate_company(source: SourceFile) -> Company:
    problems = source.problems
    raw = dict(source.meta) if source.meta is not None else None
    problems += _ambiguous_booleans(source)
    if _is_file(source) and not re.match(SLUG_PATTERN, source.stem):
        problems.append(
            Problem(source.path, 1, "company_file_name", {"stem": source.stem, "slug": slugify(source.stem)})
        )
    meta, valid = _validated(CompanyMeta, source, raw, {"name": source.stem})
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


def _validated(
    model: type[BaseModel], source: SourceFile, raw: dict[str, Any] | None, fallbacks: dict[str, Any]
) -> tuple[BaseModel, bool]:
    """Validate, report every error, then keep what is valid so the file still renders."""
    if raw is None:
        return _constructed(model, fallbacks), False
    data = raw
    for attempt in range(_MAX_REPAIRS):
        try:
            return model.model_validate(data), attempt == 0
        except ValidationError as error:
            errors = error.errors(include_url=False)
            if attempt == 0:
                source.problems.extend(_problem(source, model, raw, e) for e in errors)
            data = _repaired(model, data, errors, fallbacks)
    return _constructed(model, fallbacks), False


def _repaired(
    model: type[BaseModel], data: dict[str, Any], errors: list[Any], fallbacks: dict[str, Any]
) -> dict[str, Any]:
    """Drop whatever failed (a whole key, or one list item) and put fallbacks in for required keys."""
    data = dict(data)
    bad_items: dict[str, set[int]] = {}
    for error in errors:
        loc = error["loc"]
        if not loc:
            continue
        key = str(loc[0])
        if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(data.get(key), list):
            bad_items.setdefault(key, set()).add(loc[1])
        else:
            data.pop(key, None)
    for key, indexes in bad_items.items():
        if key in data:
            data[key] = [item for i, item in enumerate(data[key]) if i not in indexes]
    for key, value in fallbacks.items():
        if key not in data and value is not None:
            data[key] = value
    return data


def _constructed(model: type[BaseModel], fallbacks: dict[str, Any]) -> BaseModel:
    defaults = {name: field.get_default(call_default_factory=True)
                for name, field in model.model_fields.items() if not field.is_required()}
    return model.model_construct(**{**defaults, **fallbacks})


def _problem(source: SourceFile, model: type[BaseModel], raw: dict[str, Any], error: Any) -> Problem:
    loc = _data_path(raw, error["loc"])
    key = ".".join(str(part) for part in loc) if loc else ""
    line = source.line_of(tuple(loc))
    kind = error["type"]
    value = error.get("input")
    params: dict[str, object] = {"key": key, "value": _shown(value)}
    if kind == "missing":
        missing = str(error["loc"][-1])
        return Problem(source.path, source.line_of(tuple(loc)), "missing_key", {"key": _joined(loc, missing)})
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        params["suggestion"] = did_you_mean(str(loc[-1]), allowed) or ""
        params["allowed"] = ", ".join(sorted(allowed))
        return Problem(source.path, line, "unknown_key", params)
    if kind == "date_not_iso":
        match = _FINNISH_DATE.match(str(value).strip())
        if match:
            day, month, year = (int(g) for g in match.groups())
            params["iso"] = f"{year:04d}-{month:02d}-{day:02d}"
            return Problem(source.path, line, "date_finnish_form", params)
        return Problem(source.path, line, "date_not_iso", params)
    if kind in ("date_impossible", "date_type"):
        return Problem(source.path, line, kind, params)
    if kind == "literal_error":
        expected = [part.strip(" '") for part in str(error["ctx"]["expected"]).replace(" or ", ",").split(",")]
        params["allowed"] = ", ".join(e for e in expected if e)
        params["suggestion"] = did_you_mean(str(value), expected) or ""
        return Problem(source.path, line, "not_allowed_value", params)
    if kind == "string_pattern_mismatch":
        params["slug"] = slugify(str(value))
        return Problem(source.path, line, "not_a_slug", params)
    if kind in ("string_type", "list_type", "bool_type", "bool_parsing", "int_type", "int_parsing", "int_parsing_size",
                "int_from_float", "dict_type", "model_type"):
        params["expected"] = kind.split("_")[0]
        params["got"] = type(value).__name__ if value is not None else "empty"
        return Problem(source.path, line, f"wrong_type_{params['expected']}", params)
    if kind in _BOUNDS:
        bound, code = _BOUNDS[kind]
        params["limit"] = (error.get("ctx") or {}).get(bound, "")
        return Problem(source.path, line, code, params)
    if kind in ("string_too_short",):
        return Problem(source.path, line, "empty_value", params)
    params["detail"] = error["msg"]
    return Problem(source.path, line, "invalid_value", params)


def _data_path(raw: Any, loc: tuple[Any, ...]) -> list[str | int]:
    """Pydantic's error location without its union and validator labels: a real key path."""
    path: list[str | int] = []
    node = raw
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and "[" not in part and "-" not in part:
            path.append(part)  # a missing or unknown key: point at its parent, name the key
            node = None
        elif isinstance(node, list | dict):
            continue
        else:
            break
    return path


def _joined(loc: list[str | int], last: str) -> str:
    parts = [str(p) for p in loc]
    if not parts or parts[-1] != last:
        parts.append(last)
    return ".".join(parts)


def _allowed_keys(model: type[BaseModel], parent: list[str | int]) -> set[str]:
    """The keys allowed at a path: the model's own, or those of the nested model there."""
    current: type[BaseModel] = model
    for part in parent:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[str(part)].annotation if str(part) in current.model_fields else None
        nested = _nested_model(annotation)
        if nested is None:
            break
        current = nested
    return set(current.model_fields)


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as `list[Contact]` or `Contact | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _nested_model(argument)
        if found is not None:
            return found
    return None


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


def _shown(value: Any) -> str:
    text = str(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."
