"""Front matter that is plainly valid, accepted without loading pydantic.

Loading pydantic and building its validators takes a tenth of a second, a third of a `kb check`
on a repository whose front matter the parse cache has not seen: a fresh clone, CI, and the
pre-commit hook on a writer's new or edited memo. Nearly all front matter is plain: text that
needs no stripping, slugs, an ISO date, lists of them, contacts as mappings of those.

This module reads the same dataclasses (`schema`) and their annotations, and accepts a value only
where pydantic would give the very same result. Everything else, a wrong type, a value pydantic
would coerce (`"yes"` for a boolean, `"2007"` for a year), text with spaces to strip, an unknown or
missing key, makes it answer None, and pydantic decides, with the error wording writers read
(`schema_check`). It never reports a problem itself, so there is one source of error messages.
`tests/test_schema_plain.py` holds it to that: on generated front matter, whatever this accepts,
pydantic accepts and gives equal.

An annotation it has no rule for (a new kind of field in `schema`) makes it answer None for that
model until a rule is added here; the tests fail then, as the repository's memos stop being
accepted.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, Literal, Union

from muistio import schema
from muistio.schema import CompanyMeta, MemoMeta

Check = Callable[[Any], Any]
"""A value as pydantic would give it, or `_NotPlain` raised."""


class _NotPlain(Exception):
    """The value is one pydantic should judge."""


class _NoRule(Exception):
    """An annotation this module does not know: the model goes to pydantic whole."""


def plainly_valid(model: type[MemoMeta] | type[CompanyMeta], data: dict[str, Any]) -> MemoMeta | CompanyMeta | None:
    """The validated front matter, or None when pydantic has to look at it."""
    check = _model_check(model)
    if check is None:
        return None
    try:
        meta: MemoMeta | CompanyMeta = check(data)
    except _NotPlain:
        return None
    return meta


@cache
def _model_check(model: type) -> Check | None:
    try:
        return _dataclass_check(model)
    except _NoRule:
        return None


def _dataclass_check(model: type) -> Check:
    """A mapping with only the model's keys and all of its required ones: `extra: forbid`."""
    if getattr(model, "__pydantic_config__", None) != _CONFIG:
        raise _NoRule(model)
    hints = typing.get_type_hints(model, include_extras=True)
    fields = [(field.name, _check(hints[field.name]),
               field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING)
              for field in dataclasses.fields(model)]
    names = frozenset(name for name, _, _ in fields)

    def check(value: Any) -> Any:
        if type(value) is not dict or not value.keys() <= names:
            raise _NotPlain
        values = {}
        for name, field_check, required in fields:
            if name in value:
                values[name] = field_check(value[name])
            elif required:
                raise _NotPlain
        return model(**values)

    return check


def _check(annotation: Any) -> Check:
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *extras = typing.get_args(annotation)
        return _annotated(base, extras)
    if origin in (Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(members) != 1 or len(typing.get_args(annotation)) != 2:
            raise _NoRule(annotation)
        inner = _check(members[0])
        return lambda value: None if value is None else inner(value)
    if origin is list:
        (item_annotation,) = typing.get_args(annotation)
        item = _check(item_annotation)

        def check_list(value: Any) -> Any:
            if type(value) is not list:
                raise _NotPlain
            return [item(element) for element in value]

        return check_list
    if origin is Literal:
        choices = typing.get_args(annotation)
        if not all(type(choice) is str for choice in choices):
            raise _NoRule(annotation)
        allowed = frozenset(choices)
        return lambda value: value if type(value) is str and value in allowed else _refused()
    if annotation in _EXACT:
        expected = _EXACT[annotation]
        return lambda value: value if type(value) is expected and _plain(value) else _refused()
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _dataclass_check(annotation)
    raise _NoRule(annotation)


_CONFIG = {"extra": "forbid", "str_strip_whitespace": True}
"""The pydantic configuration the rules here are written for (`schema._Strict`)."""

_EXACT: dict[Any, type] = {str: str, bool: bool, int: int}
"""Types whose values pydantic returns as they are, when they are of exactly that type. (Lax mode
would also turn `"true"` into True and `"2007"` into 2007, and reports what it refuses: pydantic's.)"""


def _plain(value: Any) -> bool:
    """Text with nothing for `str_strip_whitespace` to strip; any boolean or integer."""
    return type(value) is not str or value == value.strip()


def _annotated(base: Any, extras: list[Any]) -> Check:
    dates = base is datetime.date and any(isinstance(extra, schema.IsoDateRule) for extra in extras)
    check = _iso_date if dates else _check(base)
    for extra in extras:
        if isinstance(extra, schema.Described) or (dates and isinstance(extra, schema.IsoDateRule)):
            continue  # the description is for the JSON Schema export only
        if isinstance(extra, schema.Limits):
            check = _limited(check, extra.limits)
        else:
            raise _NoRule(extra)
    return check


def _limited(check: Check, limits: dict[str, object]) -> Check:
    """`Limits` as pydantic-core applies them, after the type's own check."""
    rules: list[Callable[[Any], bool]] = []
    for name, limit in limits.items():
        if name == "pattern" and isinstance(limit, str):
            rules.append(re.compile(limit).match)
        elif name == "min_length" and isinstance(limit, int):
            rules.append(lambda value, limit=limit: len(value) >= limit)
        elif name == "ge" and isinstance(limit, int):
            rules.append(lambda value, limit=limit: value >= limit)
        elif name == "le" and isinstance(limit, int):
            rules.append(lambda value, limit=limit: value <= limit)
        else:
            raise _NoRule(name)

    def limited(value: Any) -> Any:
        value = check(value)
        if not all(rule(value) for rule in rules):
            raise _NotPlain
        return value

    return limited


def _iso_date(value: Any) -> datetime.date:
    """`schema._iso_date` on its happy path: ISO text of a date that exists."""
    if type(value) is not str or not _plain(value) or not schema.ISO_DATE.match(value):
        raise _NotPlain
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _NotPlain from None


def _refused() -> Any:
    raise _NotPlain
