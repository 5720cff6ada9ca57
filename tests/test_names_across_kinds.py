"""A person may share a name with another person (the memo's attendees tell them apart), but not
with an organisation: nothing in a memo would tell "Metropolia" the contact from Metropolia the
school. And a slug is a handle: `[[petri|...]]` is the organisation whose slug it is, even when a
person also answers to "Petri"."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtrees import TreeWriter
from muistio.cli import main
from muistio.pipeline import analyse


def test_a_contact_named_like_an_organisation_is_reported(tree: TreeWriter,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({"companies/sanoma-wsoy.md": "---\nname: Sanoma WSOY\ncontacts:\n  - name: Metropolia\n---\n"})
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().out == (
        "companies/sanoma-wsoy.md:4: name 'Metropolia' also belongs to 'metropolia' (companies/metropolia.md:2), "
        "so links to it would be ambiguous. Remove the name or alias from one of them.\n")


def test_a_slug_in_a_wikilink_is_the_one_entity_that_has_it(tree: TreeWriter) -> None:
    memo = "memos/2024/2024-01-10-petri.md"
    root = tree({"companies/petri.md": "---\nname: Petri\n---\n",
                 memo: "---\ntitle: Petri\ndate: 2024-01-10\n---\nSoitin [[petri|Petrille]].\n"})
    analysis = analyse(Path(root))
    problems = [(p.path, p.line, p.code) for p in analysis.problems]
    assert ("companies/metropolia.md", 4, "duplicate_name") in problems  # Petri Laitinen's alias "Petri"
    assert not [p for p in problems if p[0] == memo], problems
    [mention] = analysis.context.linked.mentions[memo]
    assert (mention.key, mention.surface) == ("company:petri", "Petrille")


def test_people_may_still_share_a_name(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    alfa = "---\nname: Alfa Oy\ncontacts:\n  - name: Petri Virtanen\n    aliases: [Petri]\n---\n"
    root = tree({"companies/alfa.md": alfa})
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out == ""
