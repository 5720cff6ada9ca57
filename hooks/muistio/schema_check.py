"""Front matter checked against the content model by pydantic, its errors worded for a writer.

Pydantic does the checking; this module turns its errors into problems a writer can act on: the
line of the offending key, the value, and a hint ("did you mean companies?", "write 2012-05-16").
Front matter with errors still becomes the model's dataclass, built from its valid parts, so the
site shows the file and later checks (references, links) still run on it: every problem is
reported in one run.

It is the one module that runs pydantic, imported only when some file's front matter was not
validated before (see `schema`, and `parse_cache` for the validated front matter it keeps).
"""

from __future__ import annotations

import dataclasses
import re
import typing
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from muistio.load import SourceFile
from muistio.names import did_you_mean, slugify
from muistio.problems import Problem
from muistio.schema import CompanyMeta, MemoMeta

Model = type[MemoMeta] | type[CompanyMeta]
_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_MAX_REPAIRS = 5
_BOUNDS = {"greater_than_equal": ("ge", "number_too_small"), "greater_than": ("gt", "number_too_small"),
           "less_than_equal": ("le", "number_too_large"), "less_than": ("lt", "number_too_large")}
"""Pydantic's number-limit errors: which limit each names, and which message says it."""
_WRONG_TYPE = {"string_type": "string", "list_type": "list", "bool_type": "bool", "bool_parsing": "bool",
               "int_type": "int", "int_parsing": "int", "int_parsing_size": "int", "int_from_float": "int",
               "dict_type": "dict", "dataclass_type": "model", "model_type": "model"}
"""Pydantic's errors for a value of the wrong type, by the type the key wants (a nested model,
such as a contact, is a mapping to the writer)."""


@cache
def _adapter(model: Model) -> TypeAdapter[Any]:
    return TypeAdapter(model)


def validated(model: Model, source: SourceFile, raw: dict[str, Any] | None,
              fallbacks: dict[str, Any]) -> tuple[MemoMeta | CompanyMeta, bool]:
    """Validate, report every error, then keep what is valid so the file still renders."""
    if raw is None:
        return _constructed(model, fallbacks), False
    data = raw
    for attempt in range(_MAX_REPAIRS):
        try:
            return _adapter(model).validate_python(data), attempt == 0
        except ValidationError as error:
            errors = error.errors(include_url=False)
            if attempt == 0:
                source.problems.extend(_problem(source, model, raw, e) for e in errors)
            data = _repaired(data, errors, fallbacks)
    return _constructed(model, fallbacks), False


def _repaired(data: dict[str, Any], errors: list[Any], fallbacks: dict[str, Any]) -> dict[str, Any]:
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


def _constructed(model: Model, fallbacks: dict[str, Any]) -> MemoMeta | CompanyMeta:
    """The model with its defaults and the fallbacks, unchecked (a dataclass does not check)."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(model):
        if field.default is not dataclasses.MISSING:
            values[field.name] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            values[field.name] = field.default_factory()
        else:
            values[field.name] = None
    return model(**{**values, **fallbacks})


def _problem(source: SourceFile, model: Model, raw: dict[str, Any], error: Any) -> Problem:
    loc = _data_path(raw, error["loc"])
    key = ".".join(str(part) for part in loc) if loc else ""
    line = source.line_of(tuple(loc))
    kind = error["type"]
    value = error.get("input")
    params: dict[str, object] = {"key": key, "value": _shown(value)}
    if kind == "missing":
        missing = str(error["loc"][-1])
        return Problem(source.path, source.line_of(tuple(loc)), "missing_key", {"key": _joined(loc, missing)})
    if kind in ("unexpected_keyword_argument", "extra_forbidden"):
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
    if kind in _WRONG_TYPE:
        params["expected"] = _WRONG_TYPE[kind]
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


def _allowed_keys(model: type, parent: list[str | int]) -> set[str]:
    """The keys allowed at a path: the model's own, or those of the nested model there."""
    current = model
    for part in parent:
        if isinstance(part, int):
            continue
        nested = _nested_model(typing.get_type_hints(current).get(str(part)))
        if nested is None:
            break
        current = nested
    return {field.name for field in dataclasses.fields(current)}


def _nested_model(annotation: Any) -> type | None:
    """The model inside an annotation such as `list[Contact]` or `Contact | None`."""
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _nested_model(argument)
        if found is not None:
            return found
    return None


def _shown(value: Any) -> str:
    text = str(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."
