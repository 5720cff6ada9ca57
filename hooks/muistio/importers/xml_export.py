"""Reader for Confluence's XML space export (`entities.xml`, streamed with lxml `iterparse`).

A space export can be hundreds of megabytes and holds every historical version of every page,
so the file is streamed and only the objects needed are kept: current pages, their storage
bodies, labels (the one place labels survive an export), users for display names, and spaces
for the home page. Historical versions (`originalVersion` set) and drafts are left out.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .errors import InputError, Problem
from .model import Byline, Page
from .reading import normalise
from .storage import storage_to_html

_WANTED = {"Page", "BodyContent", "Label", "Labelling", "ConfluenceUserImpl", "InternalUser", "Space"}
_LABEL_NAMESPACES = {"global", "team"}  # "my" labels are personal bookmarks, not topics


@dataclass
class _Object:
    cls: str
    id: str
    line: int
    properties: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)  # property → referenced object's id
    lines: dict[str, int] = field(default_factory=dict)


def read_xml_export(path: Path, shown: str) -> tuple[list[Page], list[Problem]]:
    """Every current page of the space; an unreadable file is one problem, not a traceback."""
    objects: dict[str, list[_Object]] = {name: [] for name in _WANTED}
    try:
        for obj in _objects(path):
            objects[obj.cls].append(obj)
    except etree.XMLSyntaxError as error:
        raise InputError(shown, error.lineno or 0, "import_broken_xml", detail=error.msg.rstrip(".")) from None
    except OSError as error:
        raise InputError(shown, 0, "import_unreadable", detail=error.strerror or str(error)) from None

    display = _display_names(objects)
    bodies = {b.refs.get("content"): b for b in objects["BodyContent"]}
    labels = {label.id: label for label in objects["Label"]}
    pages = {page.id: page for page in objects["Page"]}
    homes = {space.refs.get("homePage") for space in objects["Space"]}
    page_labels: dict[str, list[str]] = {}
    for labelling in objects["Labelling"]:
        label = labels.get(labelling.refs.get("label", ""))
        content = labelling.refs.get("content") or labelling.properties.get("labelableId")
        if label and content and label.properties.get("namespace", "global") in _LABEL_NAMESPACES:
            page_labels.setdefault(content, []).append(label.properties.get("name", ""))

    result: list[Page] = []
    problems: list[Problem] = []
    for page in objects["Page"]:
        if page.refs.get("originalVersion") or page.properties.get("contentStatus", "current") != "current":
            continue
        body = bodies.get(page.id)
        if body is None:
            problems.append(Problem(shown, page.line, "import_no_body", {"page": page.id}))
            continue
        storage = normalise(body.properties.get("body", ""))
        if body.properties.get("bodyType", "2") != "2":
            problems.append(Problem(shown, body.line, "import_wiki_markup", {"page": page.id}))
            continue
        soup, removed, notes = storage_to_html(storage, display, shown, body.lines.get("body", 1))
        created = _date(page.properties.get("creationDate"))
        result.append(
            Page(
                path=shown,
                source=f"confluence:{page.id}",
                title=normalise(page.properties.get("title", "")).strip() or f"Sivu {page.id}",
                title_line=page.lines.get("title", page.line),
                body=soup,
                byline=Byline(
                    creator=display.get(page.refs.get("creator", "")),
                    modifier=display.get(page.refs.get("lastModifier", "")),
                    date=_date(page.properties.get("lastModificationDate")),
                    line=page.lines.get("lastModificationDate", page.line),
                ),
                labels=[normalise(name) for name in page_labels.get(page.id, []) if name],
                parents=_ancestors(page, pages, homes),
                removed=removed,
                notes=notes,
                fallback_date=created,
                fallback_date_source="created",
                fallback_date_line=page.lines.get("creationDate", page.line),
                skip_reason="import_skip_home_page" if page.id in homes else "",
            )
        )
    return result, problems


def _objects(path: Path) -> Iterator[_Object]:
    context = etree.iterparse(
        str(path), events=("end",), tag="object", huge_tree=True, resolve_entities=False, no_network=True
    )
    for _, element in context:
        cls = element.get("class", "")
        if cls in _WANTED and element.getparent() is not None:
            yield _read_object(cls, element)
        if element.getparent() is not None and element.getparent().tag == "hibernate-generic":
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


def _read_object(cls: str, element: etree._Element) -> _Object:
    ident = element.find("id")
    obj = _Object(cls, (ident.text or "").strip() if ident is not None else "", element.sourceline or 0)
    for prop in element.findall("property"):
        name = prop.get("name", "")
        obj.lines[name] = prop.sourceline or 0
        ref = prop.find("id")
        if ref is not None:
            obj.refs[name] = (ref.text or "").strip()
        else:
            obj.properties[name] = prop.text or ""
    return obj


def _display_names(objects: dict[str, list[_Object]]) -> dict[str, str]:
    """User key or user name → display name ("Matti Meikäläinen"), the best the export has."""
    by_name = {
        u.properties.get("name", "").lower(): normalise(u.properties.get("displayName", ""))
        for u in objects["InternalUser"]
    }
    display: dict[str, str] = {}
    for user in objects["ConfluenceUserImpl"]:
        name = user.properties.get("name", "")
        shown = by_name.get(name.lower()) or name
        display[user.id] = shown
        display[name] = shown
    for name, shown in by_name.items():
        display.setdefault(name, shown)
    return display


def _ancestors(page: _Object, pages: dict[str, _Object], homes: set[str | None]) -> list[str]:
    chain: list[str] = []
    seen = {page.id}
    parent = pages.get(page.refs.get("parent", ""))
    while parent is not None and parent.id not in seen:
        seen.add(parent.id)
        if parent.id not in homes:
            chain.insert(0, normalise(parent.properties.get("title", "")))
        parent = pages.get(parent.refs.get("parent", ""))
    return chain


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None
