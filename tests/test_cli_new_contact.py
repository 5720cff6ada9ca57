"""`kb new contact`: a person added to an organisation's file, and nothing else in it changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtrees import METROPOLIA, SANOMA, TreeWriter
from muistio import contact_entry
from muistio.cli import main
from muistio.pipeline import check

FINNISH_SITE = "site_name: Testi\ntheme:\n  name: material\n  language: fi\n"


def kb(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def test_a_contact_goes_after_the_last_one_in_the_files_own_indentation(tree: TreeWriter) -> None:
    root = tree({})
    assert kb(root, "new", "contact", "Anna Virtanen", "--company", "Metropolia", "--role", "rehtori",
              "--alias", "Anna", "--email", "anna@example.org") == 0
    after = (root / "companies" / "metropolia.md").read_text(encoding="utf-8")
    assert after == METROPOLIA.replace(
        "    aliases: [Petri]\n",
        "    aliases: [Petri]\n"
        "  - name: Anna Virtanen\n    role: rehtori\n    aliases: [Anna]\n    email: anna@example.org\n",
    )
    assert "anna-virtanen" in check(root).kb.people
    assert check(root).problems == []


def test_the_line_printed_is_the_new_contacts_name(tree: TreeWriter, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = tree({})
    monkeypatch.chdir(root)
    assert kb(root, "new", "contact", "Anna Virtanen", "--company", "metropolia") == 0
    printed = capsys.readouterr().out.strip()
    path, line = printed.rsplit(":", 1)
    assert path == "companies/metropolia.md"
    assert (root / path).read_text(encoding="utf-8").splitlines()[int(line) - 1] == "  - name: Anna Virtanen"


def test_the_first_contact_starts_the_list_at_the_end_of_the_front_matter(tree: TreeWriter) -> None:
    root = tree({"companies/sanoma-wsoy.md": SANOMA + "Kustantamo.\n"})
    assert kb(root, "new", "contact", "Liisa Laine", "--company", "sanoma-wsoy") == 0
    assert (root / "companies" / "sanoma-wsoy.md").read_text(encoding="utf-8") == (
        "---\nname: Sanoma WSOY\ncontacts:\n  - name: Liisa Laine\n---\nKustantamo.\n"
    )


def test_a_company_written_by_kb_new_company_takes_contacts(tree: TreeWriter) -> None:
    """The template's commented-out keys stay as they are, and the list goes after them."""
    root = tree({})
    assert kb(root, "new", "company", "Epsilon Oy") == 0
    template = (root / "companies" / "epsilon-oy.md").read_text(encoding="utf-8")
    assert kb(root, "new", "contact", "Olli Ojala", "--company", "Epsilon Oy") == 0
    assert kb(root, "new", "memo", "Tapaaminen", "--date", "2026-11-27", "--attendee", "olli-ojala") == 0
    after = (root / "companies" / "epsilon-oy.md").read_text(encoding="utf-8")
    assert after == template.replace("# tags: []\n---\n", "# tags: []\ncontacts:\n  - name: Olli Ojala\n---\n")
    assert check(root).problems == []


def test_line_endings_comments_and_an_empty_inline_list_are_kept_as_written(tree: TreeWriter) -> None:
    crlf = "\ufeff---\r\nname: Gamma  # lyhyt nimi\r\ncontacts: []  # ei vielä\r\ntags: [a]\r\n---\r\nTeksti.\r\n"
    root = tree({"companies/gamma.md": crlf.encode("utf-8")})
    assert kb(root, "new", "contact", "Liisa Laine", "--company", "gamma", "--phone", "040 123 4567") == 0
    assert (root / "companies" / "gamma.md").read_bytes() == crlf.replace(
        "contacts: []  # ei vielä\r\n",
        "contacts: # ei vielä\r\n  - name: Liisa Laine\r\n    phone: 040 123 4567\r\n",
    ).encode("utf-8")
    assert check(root).problems == []


def test_a_list_indented_its_own_way_gets_the_item_the_same_way(tree: TreeWriter) -> None:
    company = "---\nname: Delta\ncontacts:\n- name: Eka Henkilö\n  role: myynti\n\n# loppu\ntags: [x]\n---\n"
    root = tree({"companies/delta.md": company})
    assert kb(root, "new", "contact", "Toka Henkilö", "--company", "delta") == 0
    assert (root / "companies" / "delta.md").read_text(encoding="utf-8") == company.replace(
        "  role: myynti\n", "  role: myynti\n- name: Toka Henkilö\n"
    )


def test_keys_line_up_after_a_wide_dash(tree: TreeWriter) -> None:
    """`-   name:` (three spaces after the dash, as some editors indent): the new item's keys line
    up under its `name`, as the file's own do; one space after the dash made invalid YAML."""
    company = "---\nname: Delta\ncontacts:\n    -   name: Eka Henkilö\n        role: myynti\n---\n"
    root = tree({"companies/delta.md": company})
    assert kb(root, "new", "contact", "Toka Henkilö", "--company", "delta", "--role", "johtaja") == 0
    assert (root / "companies" / "delta.md").read_text(encoding="utf-8") == company.replace(
        "        role: myynti\n", "        role: myynti\n    -   name: Toka Henkilö\n        role: johtaja\n"
    )
    assert check(root).problems == []


def test_values_yaml_would_misread_are_quoted(tree: TreeWriter) -> None:
    root = tree({})
    assert kb(root, "new", "contact", "Anna Virtanen", "--company", "metropolia", "--role", "CTO: tekniikka",
              "--alias", "no") == 0
    person = check(root).kb.people["anna-virtanen"]
    assert (person.role, person.aliases) == ("CTO: tekniikka", ["no"])


def test_someone_already_known_is_refused_with_an_identifier_of_their_own(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree({})
    before = (root / "companies" / "sanoma-wsoy.md").read_bytes()
    assert kb(root, "new", "contact", "Petri Laitinen", "--company", "sanoma-wsoy") == 1
    assert capsys.readouterr().err == (
        "kb new contact: there is already a person 'petri-laitinen' (in companies/metropolia.md); nothing "
        "was written. If this is someone else, give them an identifier of their own: "
        "--slug petri-laitinen-sanoma-wsoy.\n"
    )
    assert (root / "companies" / "sanoma-wsoy.md").read_bytes() == before
    assert kb(root, "new", "contact", "Petri Laitinen", "--company", "sanoma-wsoy",
              "--slug", "petri-laitinen-sanoma-wsoy") == 0
    assert check(root).kb.people["petri-laitinen-sanoma-wsoy"].company == "sanoma-wsoy"


def test_an_organisations_name_is_refused_for_a_person(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """`kb check` refuses a person and an organisation of one name, so `kb new` must not write one."""
    root = tree({})
    before = (root / "companies" / "metropolia.md").read_bytes()
    assert kb(root, "new", "contact", "sanoma wsoy", "--company", "metropolia") == 1
    assert capsys.readouterr().err == (
        "kb new contact: 'sanoma wsoy' is already a name of companies/sanoma-wsoy.md; a person of that name "
        "would make links to it ambiguous. Write the person's full name, or leave the alias out.\n"
    )
    assert kb(root, "new", "contact", "Sari Sanomäki", "--company", "metropolia", "--alias", "Metropolia") == 1
    assert "'Metropolia' is already a name of companies/metropolia.md" in capsys.readouterr().err
    assert (root / "companies" / "metropolia.md").read_bytes() == before
    assert kb(root, "new", "contact", "Sari Sanomäki", "--company", "metropolia", "--alias", "Sari") == 0
    assert check(root).problems == []


def test_an_identifier_that_is_not_one_is_refused_with_its_form(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree({})
    assert kb(root, "new", "contact", "Anna Virtanen", "--company", "metropolia", "--slug", "Anna V") == 2
    assert capsys.readouterr().err == (
        "kb new contact: --slug 'Anna V' is not an identifier: lower-case letters, digits and hyphens only. "
        "Write anna-v.\n"
    )


def test_an_unknown_organisation_is_refused_with_a_suggestion_in_finnish(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree({"mkdocs.yml": FINNISH_SITE})
    assert kb(root, "new", "contact", "Anna Virtanen", "--company", "metropolija") == 2
    assert capsys.readouterr().err == (
        "kb new contact: tuntematon organisaatio 'metropolija' (--company). Tarkoititko 'metropolia'?\n"
    )


def test_a_list_written_on_one_line_is_left_to_the_writer(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    company = "---\nname: Delta\ncontacts: [{name: Eka Henkilö}]\n---\n"
    root = tree({"companies/delta.md": company})
    assert kb(root, "new", "contact", "Toka Henkilö", "--company", "delta") == 2
    assert capsys.readouterr().err == (
        "kb new contact: contacts in companies/delta.md is written on one line (line 3), so no contact was "
        "added to it. Add the contact by hand, or write the list one '- name: ...' item per line and run "
        "this again.\n"
    )
    assert (root / "companies" / "delta.md").read_text(encoding="utf-8") == company


def test_a_file_with_problems_is_not_touched(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    company = "---\nname: Delta\nstatus: activ\n---\n"
    root = tree({"companies/delta.md": company})
    assert kb(root, "new", "contact", "Toka Henkilö", "--company", "delta") == 2
    assert capsys.readouterr().err == (
        "kb new contact: companies/delta.md has problems, so no contact was added to it. "
        "Fix them first: kb check companies/delta.md.\n"
    )
    assert (root / "companies" / "delta.md").read_text(encoding="utf-8") == company


def test_a_file_changed_meanwhile_is_not_overwritten(tree: TreeWriter) -> None:
    root = tree({})
    edit = contact_entry.add_contact(root, check(root).kb, "metropolia", contact_entry.Contact("Anna Virtanen"))
    path = root / "companies" / "metropolia.md"
    path.write_text(METROPOLIA + "Lisätty toisessa ikkunassa.\n", encoding="utf-8")
    with pytest.raises(contact_entry.Refused) as refused:
        contact_entry.write_edit(root, edit)
    assert refused.value.code == "cli_file_changed"
    assert path.read_text(encoding="utf-8").endswith("Lisätty toisessa ikkunassa.\n")


def test_a_file_gone_since_the_check_is_reported_not_a_traceback(tree: TreeWriter) -> None:
    root = tree({})
    known = check(root).kb
    (root / "companies" / "metropolia.md").unlink()
    with pytest.raises(contact_entry.Refused) as refused:
        contact_entry.add_contact(root, known, "metropolia", contact_entry.Contact("Anna Virtanen"))
    assert refused.value.message("en") == (
        "companies/metropolia.md changed while the contact was being added; nothing was written. "
        "Run the command again."
    )


def test_a_symlinked_organisation_file_is_written_where_it_points(tree: TreeWriter) -> None:
    root = tree({})
    real = root / "companies" / "metropolia.md"
    (root / "shared").mkdir()
    moved = root / "shared" / "metropolia.md"
    real.rename(moved)
    real.symlink_to(Path("..") / "shared" / "metropolia.md")
    assert kb(root, "new", "contact", "Anna Virtanen", "--company", "metropolia") == 0
    assert real.is_symlink()
    assert "  - name: Anna Virtanen\n" in moved.read_text(encoding="utf-8")
