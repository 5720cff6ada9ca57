"""New memos and company pages from templates, written without ever replacing a file (`kb new`).

A writer right after a meeting wants a file that is already valid: the right name and folder, the
front matter keys spelled right, known people and companies only, and the headings the unit uses.
Everything here is checked before anything is written, and the text is run through the same
loader and validator as `kb check`, so a file `kb new` writes cannot fail the check on its own.

Writing is careful because the target folder is shared with editors, `mkdocs serve` and git:
`fileio.write_new` never clobbers a file created meanwhile (by a colleague's pull, another
`kb new`), and the file appears complete or not at all. A name differing only in case counts as
taken, because macOS and Windows treat the two as one file.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from muistio.fileio import write_new
from muistio.followups import EXAMPLE_ACTION
from muistio.knowledge_base import KnowledgeBase
from muistio.load import COMPANIES_DIR, MEMOS_DIR, parse_source
from muistio.messages import render_message
from muistio.messages.os_errors import os_error
from muistio.names import did_you_mean, slugify
from muistio.problems import Problem
from muistio.schema import SLUG_PATTERN
from muistio.validate import validate_company, validate_memo

USAGE = 2
"""Exit status when the arguments are wrong (unknown person, bad date)."""
CONFLICT = 1
"""Exit status when the arguments are fine but the knowledge base already has the file or name."""
ACTION_DUE_DAYS = 14
"""The example action item's due date: two weeks is a typical follow-up after a meeting."""

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class Refused(Exception):
    """Why nothing was written: a message code with its values, worded in the site's language later."""

    def __init__(self, code: str, params: dict[str, object], status: int = USAGE,
                 problems: Sequence[Problem] = ()) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        self.status = status
        self.problems = list(problems)

    def message(self, lang: str) -> str:
        params = dict(self.params)
        if self.problems:
            params["detail"] = "; ".join(f"{p.line}: {p.message(lang)}" for p in self.problems)
        return render_message(self.code, params, lang)


@dataclass(frozen=True)
class NewFile:
    relative: str
    """Where it goes, relative to the repository root."""
    text: str
    kind: str


# --- memos ----------------------------------------------------------------------------------


def parse_date(text: str | None, today: datetime.date | None = None) -> datetime.date:
    """`--date`: ISO only, as in the front matter; a Finnish date gets its ISO form as the hint."""
    if text is None:
        return today or datetime.date.today()
    value = text.strip()
    if _ISO.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    finnish = _FINNISH.match(value)
    suggestion = ""
    if finnish:
        day, month, year = (int(group) for group in finnish.groups())
        suggestion = f"{year:04d}-{month:02d}-{day:02d}"
    raise Refused("cli_bad_date", {"value": text, "suggestion": suggestion})


def new_memo(kb: KnowledgeBase, title: str, date: datetime.date, attendees: Sequence[str] = (),
             companies: Sequence[str] = (), tags: Sequence[str] = ()) -> NewFile:
    """The memo `kb new memo` would write; raises `Refused` for unknown people or companies."""
    title = " ".join(title.split())
    if not title:
        raise Refused("cli_empty_title", {})
    slug = slugify(title)
    if not slug:
        raise Refused("cli_no_slug", {"text": title})
    people = [_person(kb, value) for value in attendees]
    organisations = [company_slug(kb, value) for value in companies]
    tag_list = [" ".join(tag.split()) for tag in tags]
    if any(not tag for tag in tag_list):
        raise Refused("cli_empty_tag", {})
    relative = f"{MEMOS_DIR}/{date.year}/{date.isoformat()}-{slug}.md"
    front = [
        "---",
        f"title: {yaml_scalar(title)}",
        f"date: {date.isoformat()}",
        f"attendees: {yaml_flow(_unique(people))}",
        f"companies: {yaml_flow(_unique(organisations))}",
        f"tags: {yaml_flow(_unique(tag_list))}",
        "---",
    ]
    text = "\n".join(front) + "\n\n" + _memo_body(kb, _unique(people), date)
    return _checked(NewFile(relative, text, "memo"))


def _memo_body(kb: KnowledgeBase, people: list[str], date: datetime.date) -> str:
    due = (date + datetime.timedelta(days=ACTION_DUE_DAYS)).isoformat()
    if people:
        attendee_lines = [f"- {_who(kb, slug)}" for slug in people]
        action = f"- [ ] @{people[0]} {EXAMPLE_ACTION} (due {due})"
    else:
        attendee_lines = ["<!-- Ketkä olivat paikalla? Lisää heidän tunnisteensa myös kenttään attendees. -->"]
        action = f"<!-- - [ ] @henkilon-tunniste {EXAMPLE_ACTION} (due {due}) -->"
    sections = [
        "## Osallistujat", "", *attendee_lines, "",
        "## Keskustelu", "",
        "<!-- Mitä käsiteltiin? Kirjoita ihmisten ja organisaatioiden nimet tavallisesti: "
        "ne linkittyvät itse. -->", "",
        "## Sovitut toimenpiteet", "", action, "",
    ]
    return "\n".join(sections)


def _who(kb: KnowledgeBase, slug: str) -> str:
    person = kb.people[slug]
    company = kb.companies.get(person.company)
    return f"{person.name} ({company.name})" if company else person.name


def _person(kb: KnowledgeBase, value: str) -> str:
    """An attendee by slug, or by name or alias ('Petri Laitinen' → petri-laitinen)."""
    if not value.strip():  # `--attendee "$WHO"` with nothing in it: not an unknown person ''
        raise Refused("cli_empty_option", {"option": "--attendee", "example": "petri-laitinen"})
    names = {slug: person.name for slug, person in kb.people.items()}
    aliases = {alias: slug for slug, person in kb.people.items() for alias in (person.name, *person.aliases)}
    found = _lookup(value, names, aliases)
    if found is None:
        raise Refused("cli_unknown_attendee", {"value": value, "suggestion": _suggest(value, names)})
    return found


def company_slug(kb: KnowledgeBase, value: str) -> str:
    """A company by slug, or by any of its names ('Sanoma WSOY' → sanoma-wsoy)."""
    if not value.strip():
        raise Refused("cli_empty_option", {"option": "--company", "example": "sanoma-wsoy"})
    names = {slug: company.name for slug, company in kb.companies.items()}
    aliases = {name: slug for slug, company in kb.companies.items() for name in _company_names(company.meta)}
    found = _lookup(value, names, aliases)
    if found is None:
        raise Refused("cli_unknown_company", {"value": value, "suggestion": _suggest(value, names)})
    return found


def _lookup(value: str, slugs: dict[str, str], aliases: dict[str, str]) -> str | None:
    text = value.strip()
    if text in slugs:
        return text
    folded = {name.casefold(): slug for name, slug in aliases.items()}
    if text.casefold() in folded:
        return folded[text.casefold()]
    slug = slugify(text)
    return slug if slug in slugs else None


def _suggest(value: str, names: dict[str, str]) -> str:
    """The closest slug, matching names too, as `kb check` suggests for the front matter."""
    suggestion = did_you_mean(value, names)
    if suggestion is None:
        by_name = {name: slug for slug, name in names.items()}
        close = did_you_mean(value.replace("-", " "), by_name)
        suggestion = by_name[close] if close else None
    return suggestion or ""


# --- companies ------------------------------------------------------------------------------

_COMPANY_KEYS = """\
# Poista #-merkki niiden rivien alusta, joita tarvitset (ks. Kirjoitusohje):
# aliases: []                     # muut nimet, joilla organisaatio mainitaan muistioissa
# industry: Toimiala
# website: https://
# status: lead                    # lead, contacted, active, partner tai dormant
# owner: henkilon-tunniste        # suhteesta vastaava henkilö
# business_id: 1234567-1          # Y-tunnus
# contacts:                       # yhteyshenkilöt; jokainen saa oman sivunsa
#   - name: Etunimi Sukunimi
#     role: tehtävänimike
# tags: []
"""


def new_company(kb: KnowledgeBase, name: str, slug: str = "") -> NewFile:
    """The company page `kb new company` would write; refuses a name another page already has.

    `slug` names the file when the name's own slug is taken by another organisation (C# Oy and
    C++ Oy are both c-oy) or the name gives none."""
    name = " ".join(name.split())
    if not name:
        raise Refused("cli_empty_company_name", {})
    slug = slug.strip()
    if slug and not re.match(SLUG_PATTERN, slug):
        raise Refused("cli_not_a_slug", {"value": slug, "suggestion": slugify(slug)})
    taken = organisation_named(kb, name)  # before the file name: another one would not help
    if taken is not None:
        raise Refused("cli_name_taken", {"name": name, "path": taken}, CONFLICT)
    slug = slug or slugify(name)
    if not slug:  # a name in another script: "华为"
        raise Refused("cli_no_slug", {"text": name, "suggestion": "--slug"})
    for person in kb.people.values():  # `kb check` refuses a person and an organisation of one name
        if name.casefold() in {other.casefold() for other in (person.name, *person.aliases)}:
            raise Refused("cli_name_is_a_person", {"name": name, "path": f"{person.path}:{person.line}"}, CONFLICT)
    text = (
        f"---\nname: {yaml_scalar(name)}\n{_COMPANY_KEYS}---\n\n"
        "<!-- Kirjoita tähän lyhyesti, mikä organisaatio on ja miksi se kiinnostaa meitä. -->\n"
    )
    return _checked(NewFile(f"{COMPANIES_DIR}/{slug}.md", text, "company"))


def organisation_named(kb: KnowledgeBase, name: str) -> str | None:
    """The file of the organisation or offering that answers to `name`, in any case: a second
    entity of that name is a `duplicate_name` error in `kb check`."""
    folded = name.casefold()
    for company in kb.companies.values():
        if folded in {other.casefold() for other in _company_names(company.meta)}:
            return company.path
    for offering in kb.offerings.values():
        if folded in {other.casefold() for other in (offering.name, *offering.aliases)}:
            return offering.path
    return None


def _company_names(meta: object) -> list[str]:
    name = getattr(meta, "name", "")
    aliases = list(getattr(meta, "aliases", []))
    former = [former.name for former in getattr(meta, "former_names", [])]
    return [name, *aliases, *former]


# --- checking and writing -------------------------------------------------------------------


def _checked(new: NewFile) -> NewFile:
    """Run the text through `kb check`'s own reader and validator: what we write must pass."""
    source = parse_source(new.relative, "memo" if new.kind == "memo" else "company", new.text.encode("utf-8"))
    if new.kind == "memo":
        validate_memo(source)
    else:
        validate_company(source)
    if source.problems:
        raise Refused("cli_template_invalid", {"path": new.relative}, USAGE, source.problems)
    return new


def write_file(root: Path, new: NewFile) -> Path:
    """Write the file atomically, never replacing anything; raises `Refused` if the name is taken."""
    path = root / new.relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existing = _taken(path)
        if existing is not None:
            raise _exists(root, new, existing.name)
        write_new(path, new.text)
    except FileExistsError:
        raise _exists(root, new, path.name) from None
    except OSError as error:
        raise Refused("cli_write_failed", {"path": new.relative, **os_error(error)}, CONFLICT) from None
    return path


def _taken(path: Path) -> Path | None:
    """The file with this name, or one differing only in case (one file on macOS and Windows)."""
    if path.exists() or path.is_symlink():
        return path
    folded = path.name.casefold()
    return next((other for other in path.parent.iterdir() if other.name.casefold() == folded), None)


def _exists(root: Path, new: NewFile, name: str) -> Refused:
    """The refusal naming the file that is there (`2026-05-05-Juhlat.md`, not the name we wanted).

    A memo takes another title or date; an organisation has no date, but `--slug` names its file."""
    relative = f"{new.relative.rpartition('/')[0]}/{name}"
    if new.kind == "memo":
        return Refused("cli_file_exists", {"path": relative}, CONFLICT)
    suggestion = _free_slug(root / COMPANIES_DIR, Path(name).stem)
    return Refused("cli_company_file_exists", {"path": relative, "suggestion": suggestion}, CONFLICT)


def _free_slug(folder: Path, taken: str) -> str:
    """`c-oy-2`, or the first number after it no file in the folder has (in any case)."""
    try:
        names = {other.name.casefold() for other in folder.iterdir()}
    except OSError:  # the refusal still stands; the write would tell what is wrong with the folder
        names = set()
    base = slugify(taken) or "organisaatio"
    number = 2
    while f"{base}-{number}.md" in names:
        number += 1
    return f"{base}-{number}"


# --- YAML text ------------------------------------------------------------------------------


def yaml_scalar(text: str) -> str:
    """Plain when YAML reads it back as the same text; otherwise double-quoted (JSON is valid YAML).

    Quotes are needed for titles such as `2012`, `no`, `Kokous: jatko` or `#1`, which YAML would
    read as a number, a boolean, a mapping or a comment.
    """
    return text if _reads_back(f"k: {text}", text) else json.dumps(text, ensure_ascii=False)


def yaml_flow(items: list[str]) -> str:
    """`[a, b]`: the form the writing guide uses for lists of slugs and tags."""
    parts = [item if _reads_back(f"k: [{item}]", [item]) else json.dumps(item, ensure_ascii=False)
             for item in items]
    return "[" + ", ".join(parts) + "]"


def _reads_back(document: str, expected: object) -> bool:
    try:
        loaded = yaml.safe_load(document)
    except yaml.YAMLError:
        return False
    value = loaded.get("k") if isinstance(loaded, dict) else None
    return value == expected and "#" not in document


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))
