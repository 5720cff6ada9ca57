"""Plainly valid front matter is accepted without pydantic (muistio.schema_plain), and only where
pydantic would give the very same values: a writer's new memo is checked without loading pydantic,
and every problem is still worded by `schema_check`."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import os
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from kbtrees import GOOD_MEMO, TreeWriter
from muistio.load import discover, load_file
from muistio.schema import MODELS, CompanyMeta, Contact, FormerName, MemoMeta, Offering
from muistio.schema_plain import plainly_valid
from sitebuild import REPO

EXAMPLES = int(os.environ.get("MUISTIO_EXAMPLES", "40")) * 10
"""Each example is one validation, microseconds: many more than the build-running property tests."""

FULL_COMPANY: dict[str, Any] = {
    "name": "Metropolia", "slug": "metropolia", "aliases": ["Metropolia AMK"],
    "former_names": [{"name": "EVTEK", "until": 2007, "note": "yhdistyi"}, {"name": "Stadia"}],
    "common_word": False, "match_lowercase": True, "business_id": "2245475-9", "industry": "Koulutus",
    "website": "https://www.metropolia.fi", "status": "partner", "owner": "maija-mallikas", "our_unit": True,
    "next_step": "Soitto", "tags": ["koulutus"], "visibility": "internal",
    "contacts": [{"name": "Petri Laitinen", "slug": "petri-laitinen", "role": "projektipäällikkö",
                  "aliases": ["Petri"], "email": "petri@example.fi", "phone": "+358 40 123", "common_word": True}],
    "offerings": [{"name": "PROksi", "slug": "proksi", "aliases": ["Proksi"], "description": "Palvelu",
                   "common_word": False}],
}


def typed(value: Any) -> Any:
    """A value with its types spelt out: `True == 1` and `2007 == 2007.0` in Python, not here."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return type(value).__name__, {field.name: typed(getattr(value, field.name))
                                      for field in dataclasses.fields(value)}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return type(value).__name__, value


@functools.cache
def adapter(model: type) -> TypeAdapter[Any]:
    return TypeAdapter(model)


def by_pydantic(model: type, data: dict[str, Any]) -> Any:
    return adapter(model).validate_python(data)


def test_the_repositorys_front_matter_is_plainly_valid_and_as_pydantic_reads_it() -> None:
    """The rules cover every field the content model has: a field type `schema_plain` had no
    rule for would send every file to pydantic again, silently, and fail here."""
    files = [load_file(REPO, path, kind) for path, kind in discover(REPO)]
    assert {source.kind for source in files} == {"memo", "company"}
    for source in files:
        assert source.meta is not None
        plain = plainly_valid(MODELS[source.kind], dict(source.meta))
        assert plain is not None, source.path
        assert typed(plain) == typed(by_pydantic(MODELS[source.kind], dict(source.meta)))


def test_every_field_of_a_full_company_is_accepted_as_pydantic_reads_it() -> None:
    plain = plainly_valid(CompanyMeta, FULL_COMPANY)
    assert isinstance(plain, CompanyMeta)
    assert plain.contacts == [Contact("Petri Laitinen", "petri-laitinen", "projektipäällikkö", ["Petri"],
                                      "petri@example.fi", "+358 40 123", True)]
    assert plain.former_names[0] == FormerName("EVTEK", 2007, "yhdistyi")
    assert plain.offerings[0] == Offering("PROksi", "proksi", ["Proksi"], "Palvelu", False)
    assert typed(plain) == typed(by_pydantic(CompanyMeta, FULL_COMPANY))


@pytest.mark.parametrize("model, data", [
    (MemoMeta, {"title": "Tapaaminen", "date": "16.5.2012"}),  # pydantic says "write 2012-05-16"
    (MemoMeta, {"title": "Tapaaminen", "date": "2012-02-30"}),
    (MemoMeta, {"title": "Tapaaminen"}),
    (MemoMeta, {"title": " Tapaaminen ", "date": "2012-05-16"}),  # stripped by pydantic
    (MemoMeta, {"title": "Tapaaminen", "date": "2012-05-16", "companys": ["metropolia"]}),
    (MemoMeta, {"title": "Tapaaminen", "date": "2012-05-16", "companies": ["Metropolia"]}),
    (MemoMeta, {"title": "Tapaaminen", "date": "2012-05-16", "visibility": "julkinen"}),
    (MemoMeta, {"title": "", "date": "2012-05-16"}),
    (CompanyMeta, {"name": "Metropolia", "common_word": "yes"}),  # lax mode reads it as True
    (CompanyMeta, {"name": "Metropolia", "former_names": [{"name": "EVTEK", "until": "2007"}]}),
    (MemoMeta, {"title": "Tapaaminen", "date": "20120516"}),  # ISO to Python, not to a writer
    (CompanyMeta, {"name": "Metropolia", "former_names": [{"name": "EVTEK", "until": 1799}]}),
    (CompanyMeta, {"name": "Metropolia", "former_names": [{"name": "EVTEK", "until": 2201}]}),
    (CompanyMeta, {"name": "Metropolia", "contacts": [{"name": "Petri", "titel": "x"}]}),
    (CompanyMeta, {"name": "Metropolia", "contacts": "Petri Laitinen"}),
    (CompanyMeta, {"name": 5}),
])
def test_anything_pydantic_would_refuse_or_change_is_left_to_it(model: type, data: dict[str, Any]) -> None:
    assert plainly_valid(model, data) is None


TEXT = st.sampled_from(["", " ", "Metropolia", " Metropolia", "Metropolia\n", "metropolia", "sanoma-wsoy",
                        "Sanoma-WSOY", "a--b", "-a", "ä", "2012-05-16", " 2012-05-16", "2012-05-16\n",
                        "2012-02-30", "20120516", "16.5.2012", "2012-5-16", "２０１２-05-16", "yes", "true", "2007",
                        "public", "internal", "partner", "dormant", "x\u00a0", "\u2028x", "lead "])
SCALAR = st.one_of(TEXT, st.booleans(), st.none(), st.sampled_from([0, 1, 1799, 1800, 2007, 2200, 2201, 2007.0,
                                                                    -3, 10**30]))
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      st.dictionaries(TEXT, inner, max_size=3)), max_leaves=6)


FULL_MEMO: dict[str, Any] = {
    "title": "Tapaaminen", "date": "2012-05-16", "attendees": ["petri-laitinen"], "companies": ["metropolia"],
    "tags": ["crm"], "authors": ["maija-mallikas"], "visibility": "internal", "source": "confluence",
}
GONE = object()
"""In place of a value: the key is left out."""


def paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and list item of a front matter, nested ones too."""
    found = [path] if path else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found += paths(item, (*path, key))
    return found


def changed(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    """A deep copy of `value` with the item at `path` replaced (or left out, or given a stray key)."""
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    key, rest = path[0], path[1:]
    if rest:
        copy[key] = changed(copy[key], rest, new)
    elif new is not GONE:
        copy[key] = new
    elif isinstance(copy, dict):
        copy.pop(key, None)
    else:
        copy.pop(key)
    return copy


def one_mistake(model: type, valid: dict[str, Any]) -> st.SearchStrategy[tuple[type, dict[str, Any]]]:
    """A valid front matter with one thing changed: a value, a key left out, a stray key added.
    Every rule is tried on its own, with nothing else to send the whole to pydantic."""
    stray = [("titel",), *((("contacts", 0, "rooli"),) if valid.get("contacts") else ())]
    where = st.sampled_from([*paths(valid), *stray])
    return st.tuples(st.just(model), st.builds(lambda path, new: changed(valid, path, new),
                                               where, st.one_of(st.just(GONE), VALUE)))


CASES = st.one_of(*(one_mistake(model, valid) for model, valid in (
    (MemoMeta, FULL_MEMO), (MemoMeta, {"title": "x", "date": "2012-05-16"}), (CompanyMeta, FULL_COMPANY))))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CASES)
def test_what_is_accepted_is_what_pydantic_gives(case: tuple[type, dict[str, Any]]) -> None:
    model, data = case
    plain = plainly_valid(model, data)
    if plain is None:
        return
    try:
        expected = by_pydantic(model, data)
    except ValidationError as error:
        pytest.fail(f"accepted what pydantic refuses: {data!r}\n{error}")
    assert typed(plain) == typed(expected)


@settings(max_examples=EXAMPLES, deadline=None)
@given(title=st.sampled_from(["Tapaaminen", "Äänestys", "x"]),
       date=st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)),
       slugs=st.lists(st.from_regex(r"[a-z0-9]{1,5}(-[a-z0-9]{1,5}){0,2}", fullmatch=True), max_size=3))
def test_valid_memos_are_accepted(title: str, date: datetime.date, slugs: list[str]) -> None:
    """The other half: plain front matter does not go to pydantic, or the fast path is dead code."""
    data = {"title": title, "date": date.isoformat(), "attendees": slugs, "companies": slugs, "tags": [title]}
    plain = plainly_valid(MemoMeta, data)
    assert plain is not None
    assert typed(plain) == typed(by_pydantic(MemoMeta, data))


def test_a_new_memo_is_checked_without_loading_pydantic(tree: TreeWriter) -> None:
    """The pre-commit hook on a writer's new memo: its front matter is plain, so `kb check` does
    not wait for pydantic (a third of its start). A mistake still gets pydantic's wording."""
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": GOOD_MEMO,
                 "mkdocs.yml": "site_name: Testi\ntheme:\n  name: material\n  language: en\n"})
    script = ("import sys; from muistio.cli import main; code = main(['--root', sys.argv[1], 'check']); "
              "print(code, 'pydantic' in sys.modules)")

    def check() -> list[str]:
        done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True,
                              check=True, env={**os.environ, "MUISTIO_NO_CACHE": "1"})
        return done.stdout.splitlines()

    assert check() == ["0 False"]
    memo = root / "memos/2012/2012-05-16-tapaaminen.md"
    memo.write_text(GOOD_MEMO.replace("date: 2012-05-16", "date: 16.5.2012"), encoding="utf-8")
    output = check()
    assert output[-1] == "1 True"
    assert any("memos/2012/2012-05-16-tapaaminen.md:3" in line and "2012-05-16" in line for line in output)


def test_a_new_field_type_without_a_rule_sends_the_model_to_pydantic() -> None:
    from muistio import schema_plain

    @dataclasses.dataclass
    class WithSet:
        __pydantic_config__ = {"extra": "forbid", "str_strip_whitespace": True}
        names: set[str]

    assert plainly_valid(WithSet, {"names": ["a"]}) is None  # type: ignore[arg-type]
    assert schema_plain._model_check(WithSet) is None

