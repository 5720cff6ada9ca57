"""The exported JSON Schemas: committed, current, wired for editors, and as strict as the content model."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from muistio import json_schema
from muistio.cli import main

REPO = Path(__file__).resolve().parents[1]


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def front_matter(text: str) -> dict[str, Any]:
    """The front matter as an editor's YAML tooling reads it, with dates back to ISO text."""
    _, front, _ = text.split("---\n", 2)
    loaded = yaml.safe_load(front)
    assert isinstance(loaded, dict)
    return _iso_dates(loaded)


def _iso_dates(value: Any) -> Any:
    """PyYAML reads 2012-05-16 as a date object; JSON has no dates, so the schema expects text."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    return value


def errors(kind: str, data: dict[str, Any]) -> list[str]:
    return sorted(error.message for error in validator(kind).iter_errors(data))


def test_the_committed_schemas_are_the_generated_ones() -> None:
    for kind in ("memo", "company"):
        committed = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == json_schema.rendered(kind), f"run `kb schema` to update schemas/{kind}.schema.json"


def test_kb_schema_check_passes_on_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(REPO), "schema", "--check"]) == 0
    assert capsys.readouterr().err == ""


def test_kb_schema_check_fails_on_a_stale_schema_and_kb_schema_fixes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    stale = tmp_path / "schemas/memo.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace("Muistion otsikko", "Otsikko"), encoding="utf-8")
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert capsys.readouterr().err == (
        "schemas/memo.schema.json:1: this schema is out of date with muistio/schema.py. "
        "Run kb schema and commit the result.\n"
    )
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert capsys.readouterr().out == (
        "wrote schemas/memo.schema.json.\nschemas/company.schema.json is up to date.\n"
    )
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 0


def test_kb_schema_writes_missing_schemas(tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == ["company.schema.json", "memo.schema.json"]


@pytest.mark.parametrize("path", sorted((REPO / "memos").rglob("*.md")), ids=lambda p: p.name)
def test_every_memo_in_the_repository_is_valid(path: Path) -> None:
    assert errors("memo", front_matter(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", sorted((REPO / "companies").glob("*.md")), ids=lambda p: p.name)
def test_every_company_in_the_repository_is_valid(path: Path) -> None:
    assert errors("company", front_matter(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(("front", "expected"), [
    ("title: T\ndate: 2012-05-16\ncompnies: [metropolia]\n", "Additional properties are not allowed"),
    ("date: 2012-05-16\n", "'title' is a required property"),
    ("title: T\ndate: '2012-02-30'\n", "is not a 'date'"),  # unquoted, PyYAML itself refuses it
    ("title: T\ndate: 16.5.2012\n", "is not a 'date'"),
    ("title: T\ndate: 2012-05-16\nattendees: [Petri Laitinen]\n", "does not match"),
    ("title: T\ndate: 2012-05-16\ntags: [no]\n", "False is not of type 'string'"),
    ("title: T\ndate: 2012-05-16\nvisibility: salainen\n", "is not one of"),
])
def test_a_broken_memo_is_rejected(front: str, expected: str) -> None:
    found = errors("memo", front_matter(f"---\n{front}---\nTeksti.\n"))
    assert any(expected in message for message in found), found


def test_a_broken_company_is_rejected() -> None:
    found = errors("company", front_matter("---\nname: X\nstatus: activ\ncontacts:\n  - role: johtaja\n---\n"))
    assert any(message.startswith("'activ' is not valid") for message in found), found
    assert any("'name' is a required property" in message for message in found), found


def test_vscode_maps_each_schema_to_its_files() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {"./schemas/memo.schema.json": ["memos/**/*.md"],
                       "./schemas/company.schema.json": ["companies/*.md"]}
    for schema in mapping:
        assert (REPO / schema).is_file()
