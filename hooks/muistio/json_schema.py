"""JSON Schemas of the front matter, generated from the pydantic models in `muistio.schema`.

Editors and other tools (remark-lint, Front Matter CMS, a CI job in another language) understand
JSON Schema, not pydantic. Generating the schema from the one model, instead of writing it a
second time, means the editors' idea of a valid memo can never drift from `kb check`'s: `kb schema`
writes the files and `kb schema --check` (run by the tests) fails when the committed ones are
stale. They catch less than `kb check` (no unknown people, no file-name rules), which is fine:
they are the first line, not the last.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from muistio.schema import MODELS

SCHEMA_DIR = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The dialect pydantic 2 generates; stated so validators need not guess."""


def schema_of(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file ('memo' or 'company')."""
    generated = MODELS[kind].model_json_schema()
    return {"$schema": DIALECT, **generated}


def rendered(kind: str) -> str:
    """The exact text committed under schemas/: stable key order, UTF-8, a final newline."""
    return json.dumps(schema_of(kind), ensure_ascii=False, indent=2) + "\n"


def schema_path(root: Path, kind: str) -> Path:
    return root / SCHEMA_DIR / f"{kind}.schema.json"


def expected_files(root: Path) -> dict[Path, str]:
    return {schema_path(root, kind): rendered(kind) for kind in MODELS}


def stale_files(root: Path) -> list[Path]:
    """Schema files that are missing or differ from what the models generate now."""
    stale = []
    for path, text in expected_files(root).items():
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            stale.append(path)
    return stale


def write_files(root: Path) -> list[Path]:
    """Write the schema files that changed; return them. Generated files, so overwriting is the point."""
    written = []
    stale = set(stale_files(root))
    for path, text in expected_files(root).items():
        if path in stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(path)
    return written
