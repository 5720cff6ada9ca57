"""A new contact written into an organisation's file (`kb new contact`).

People are the contacts of organisations, so meeting someone new meant opening
`companies/<slug>.md` and writing a YAML list item by hand, at the right indentation, before the
person could be an attendee of the memo about that meeting. Here the item is added for the
writer, and every other byte of the file stays as it was: the comments, the order of keys, the
line endings (CRLF stays CRLF), the indentation the file's own list uses. The new text is read
back with `kb check`'s reader and validator before it is written; anything the file does that
this module does not understand (a `contacts: [...]` list written on one line) is refused with
how to do it by hand, never guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from muistio.fileio import write_new
from muistio.knowledge_base import KnowledgeBase
from muistio.load import parse_source
from muistio.messages.os_errors import os_error
from muistio.names import slugify
from muistio.scaffold import CONFLICT, USAGE, Refused, company_slug, organisation_named, yaml_flow, yaml_scalar
from muistio.schema import SLUG_PATTERN
from muistio.validate import validate_company

_CONTACTS_KEY = re.compile(r"^contacts[ \t]*:(?P<rest>.*)$")
_ITEM = re.compile(r"^(?P<dash>[ \t]*)-(?P<gap>[ \t]+)")
_DEFAULT_DASH, _DEFAULT_CONTENT = "  ", "    "
"""How a contacts list is indented when the file has none yet (as the writing guide writes it)."""


@dataclass(frozen=True)
class Contact:
    """What the writer gave; empty values are left out of the file."""

    name: str
    role: str = ""
    aliases: Sequence[str] = ()
    email: str = ""
    phone: str = ""
    slug: str = ""


@dataclass(frozen=True)
class ContactEdit:
    relative: str
    """The organisation's file, relative to the repository root."""
    before: bytes
    """The file as it was read: the edit is written only if the file still holds exactly this."""
    after: bytes
    line: int
    """The line of the new contact's `name:` in the new text, for an editor to jump to."""


def add_contact(root: Path, kb: KnowledgeBase, company: str, contact: Contact) -> ContactEdit:
    """The organisation's file with `contact` added; raises `Refused` and writes nothing."""
    name = " ".join(contact.name.split())
    if not name:
        raise Refused("cli_empty_contact_name", {})
    slug = contact.slug.strip() or slugify(name)
    if not slug:  # a name in another script: "李明"
        raise Refused("cli_no_slug", {"text": name, "suggestion": "--slug"})
    if not re.match(SLUG_PATTERN, slug):
        raise Refused("cli_not_a_slug", {"value": slug, "suggestion": slugify(slug)})
    owner = kb.companies[company_slug(kb, company)]
    aliases = [" ".join(alias.split()) for alias in contact.aliases]
    for written in (name, *aliases):  # `kb check` refuses a person and an organisation of one name
        taken = organisation_named(kb, written)
        if taken is not None:
            raise Refused("cli_name_is_an_organisation", {"name": written, "path": taken}, CONFLICT)
    if slug in kb.people:
        taken = kb.people[slug]
        raise Refused("cli_contact_taken", {"slug": slug, "path": taken.path,
                                            "suggestion": f"{slug}-{owner.slug}"}, CONFLICT)
    if owner.source.problems or not owner.valid:
        raise Refused("cli_company_has_problems", {"path": owner.path})
    relative = owner.path
    try:
        before = (root / relative).read_bytes()
        text = before.decode("utf-8")  # it passed the check, so unless it changed since, it is UTF-8
    except (OSError, UnicodeDecodeError):
        raise Refused("cli_file_changed", {"path": relative}, CONFLICT) from None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split("\n")
    item = _item(Contact(name, contact.role.strip(), aliases,
                         contact.email.strip(), contact.phone.strip(), contact.slug.strip()))
    new_lines, line = _inserted(lines, relative, item, "\r" if newline == "\r\n" else "")
    after = "\n".join(new_lines).encode("utf-8")
    _check(relative, after, name)
    return ContactEdit(relative, before, after, line)


def write_edit(root: Path, edit: ContactEdit) -> Path:
    """Replace the file, atomically, only if nobody changed it since it was read. A symlinked
    file is written where it points, so the link stays a link."""
    path = root / edit.relative
    try:
        path = path.resolve(strict=True)
        if path.read_bytes() != edit.before:
            raise Refused("cli_file_changed", {"path": edit.relative}, CONFLICT)
        write_new(path, edit.after, overwrite=True)
    except OSError as error:
        raise Refused("cli_write_failed", {"path": edit.relative, **os_error(error)},
                      CONFLICT) from None
    return path


def _item(contact: Contact) -> list[tuple[str, str]]:
    """The new list item as (key, YAML value) pairs, in the order the writing guide uses."""
    fields = [("name", yaml_scalar(contact.name))]
    if contact.slug:
        fields.append(("slug", yaml_scalar(contact.slug)))
    if contact.role:
        fields.append(("role", yaml_scalar(contact.role)))
    if contact.aliases:
        fields.append(("aliases", yaml_flow([alias for alias in contact.aliases if alias])))
    if contact.email:
        fields.append(("email", yaml_scalar(contact.email)))
    if contact.phone:
        fields.append(("phone", yaml_scalar(contact.phone)))
    return fields


def _inserted(lines: list[str], relative: str, item: list[tuple[str, str]], cr: str) -> tuple[list[str], int]:
    """`lines` (split on "\\n", each keeping its "\\r") with the item added to the contacts list;
    and the 1-based line of its `name:`."""
    closing = next(i for i, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "..."))
    key_at = next((i for i in range(1, closing) if _CONTACTS_KEY.match(lines[i].rstrip("\r"))), None)
    if key_at is None:  # no contacts yet: the list goes last in the front matter
        new = [f"contacts:{cr}", *_item_lines(item, _DEFAULT_DASH, _DEFAULT_CONTENT, cr)]
        return [*lines[:closing], *new, *lines[closing:]], closing + 2
    key_line = lines[key_at].rstrip("\r")
    value, comment = _value_and_comment(_CONTACTS_KEY.match(key_line).group("rest"))  # type: ignore[union-attr]
    if value == "[]":  # an empty list written inline becomes a block list with the one item
        head = f"contacts:{' ' + comment if comment else ''}{cr}"
        new = [head, *_item_lines(item, _DEFAULT_DASH, _DEFAULT_CONTENT, cr)]
        return [*lines[:key_at], *new, *lines[key_at + 1:]], key_at + 2
    if value:
        raise Refused("cli_contacts_inline", {"path": relative, "line": key_at + 1}, USAGE)
    last, dash, content = key_at, _DEFAULT_DASH, _DEFAULT_CONTENT
    first_item = True
    for index in range(key_at + 1, closing):
        line = lines[index].rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue  # blank lines and comments belong to whatever comes after them
        if not (line[0] in " \t" or line.startswith("-")):
            break  # the next key
        if first_item and (found := _ITEM.match(line)):
            dash, content = found.group("dash"), found.group("dash") + " " * (1 + len(found.group("gap")))
        first_item = False
        last = index
    new = _item_lines(item, dash, content, cr)
    return [*lines[:last + 1], *new, *lines[last + 1:]], last + 2


def _item_lines(item: list[tuple[str, str]], dash: str, content: str, cr: str) -> list[str]:
    """The item's lines, its keys where the list's first item has them: `-   name:` has three
    spaces after the dash, and the keys under it line up with `name`."""
    (key, value), *rest = item
    gap = " " * max(1, len(content) - len(dash) - 1)
    return [f"{dash}-{gap}{key}: {value}{cr}", *(f"{content}{k}: {v}{cr}" for k, v in rest)]


def _value_and_comment(rest: str) -> tuple[str, str]:
    """`contacts:`'s own value and its comment: "  []  # none yet" → ("[]", "# none yet")."""
    text = rest.strip()
    if text.startswith("#"):
        return "", text
    value, hash_sign, comment = text.partition(" #")
    return value.strip(), (hash_sign.strip() + comment) if hash_sign else ""


def _check(relative: str, after: bytes, name: str) -> None:
    """The new text must pass `kb check`'s reader and validator and hold the contact last."""
    source = parse_source(relative, "company", after)
    validate_company(source)
    contacts = (source.meta or {}).get("contacts")
    if source.problems or not isinstance(contacts, list) or not contacts or contacts[-1].get("name") != name:
        raise Refused("cli_template_invalid", {"path": relative}, USAGE, source.problems)
