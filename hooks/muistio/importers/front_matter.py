"""Front matter written by hand-rolled YAML, so the key order and flow lists are stable.

`yaml.safe_dump` would reorder nothing with sort_keys=False but still picks its own quoting
and block lists; memos are edited by people, so the importer writes what a person would write
and quotes a value only when YAML would otherwise read it as something else (`no`, `2012`,
`a: b`), checked by reading it back.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence

import yaml

Value = str | datetime.date | Sequence[str]


def scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as exactly the same string."""
    try:
        if value and value == value.strip() and yaml.safe_load(f"k: {value}") == {"k": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def render(fields: list[tuple[str, Value]]) -> str:
    """`---` … `---` with the keys in the given order."""
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, datetime.date):
            text = value.isoformat()
        elif isinstance(value, str):
            text = scalar(value)
        else:
            text = "[" + ", ".join(_item(item) for item in value) + "]"
        lines.append(f"{key}: {text}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _item(value: str) -> str:
    text = scalar(value)
    if text == value and any(c in value for c in ",[]{}#&*!|>'\"%@`"):
        return json.dumps(value, ensure_ascii=False)
    return text


def read_source(text: str) -> str | None:
    """The `source:` of a memo's front matter, or None (also for files without front matter)."""
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    try:
        data = yaml.safe_load(text[3:end])
    except yaml.YAMLError:
        for line in text[3:end].splitlines():  # broken YAML elsewhere must not hide the source
            if line.startswith("source:"):
                return str(yaml.safe_load(line[len("source:") :]) or "") or None
        return None
    source = data.get("source") if isinstance(data, dict) else None
    return str(source) if source else None


_PAGE_ID_RE = re.compile(r"[?&]pageId=(\d+)|/pages/(\d+)(?:[/?#]|$)")


def recognised_sources(source: str) -> list[str]:
    """The `source:` values the importer would write for the page a hand-written `source:`
    names: the value itself, and for a bare file name (`confluence-page-2012-05-16.txt`, as a
    person copying a page by hand writes it) or a Confluence address with the page's id, the
    importer's own form of it. Without them, importing that page would write a second memo."""
    source = source.strip()
    forms = [source]
    found = _PAGE_ID_RE.search(source)
    if found and source.startswith(("http://", "https://")):
        forms.append(f"confluence:{found.group(1) or found.group(2)}")
    elif ":" not in source and "/" not in source:
        suffix = source.rpartition(".")[2].lower()
        if suffix == "txt":
            forms.append(f"confluence-text:{source}")
        elif suffix in ("html", "htm"):
            forms.append(f"confluence-html:{source}")
    return forms
