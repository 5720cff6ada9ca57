"""Every kind of problem a writer can make, with the exact message they will read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtrees import GOOD_MEMO, TreeWriter
from muistio.pipeline import check

MEMO = "memos/2012/2012-05-16-tapaaminen.md"


def problems(root: Path, lang: str = "en") -> list[str]:
    return [p.render(lang) for p in check(root).problems]


def memo(front: str, body: str = "Teksti.\n") -> str:
    return f"---\n{front}---\n{body}"


def test_the_good_tree_has_no_problems(tree: TreeWriter) -> None:
    assert problems(tree({MEMO: GOOD_MEMO})) == []


CASES = [
    pytest.param(
        memo("title: T\ndate: 2012-05-16\ncompnies: [metropolia]\n"),
        f"{MEMO}:4: unknown key 'compnies'. Did you mean 'companies'?",
        id="unknown-key-with-hint",
    ),
    pytest.param(
        memo("date: 2012-05-16\n"),
        f"{MEMO}:1: required key 'title' is missing. Add 'title: ...' to the front matter.",
        id="missing-required",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-05-16\ntitle: U\n"),
        f"{MEMO}:4: key 'title' appears twice (first on line 2); only the first is used. "
        "Remove one of them or merge their values.",
        id="duplicate-key",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-05-16\ntags: [no]\n"),
        f"{MEMO}:4: 'tags.0: no' is read as false by YAML tools, not as the word 'no'. "
        'Put it in quotes: "no".',
        id="yaml11-boolean",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-02-30\n"),
        f"{MEMO}:3: date 2012-02-30 does not exist in the calendar. Check the day and the month.",
        id="impossible-date",
    ),
    pytest.param(
        memo("title: T\ndate: 16.5.2012\n"),
        f"{MEMO}:3: date '16.5.2012' is not in ISO form. Write 2012-05-16.",
        id="finnish-date",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-05-16\ntags: kontaktointi\n"),
        f"{MEMO}:4: tags should be a list, not str. Write [a, b] or one '- item' per line.",
        id="wrong-type-list",
    ),
    pytest.param(
        memo("title: 2012\ndate: 2012-05-16\n"),
        f"{MEMO}:2: title should be text, not int. Write text, in quotes if it looks like a number.",
        id="wrong-type-text",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-05-16\nvisibility: publc\n"),
        f"{MEMO}:4: visibility 'publc' is not one of: public, internal. Did you mean 'public'?",
        id="enumeration",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-05-16\nattendees: [petri-laitnen]\n"),
        f"{MEMO}:4: unknown person 'petri-laitnen' in attendees. Did you mean 'petri-laitinen'?",
        id="unknown-person",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-05-16\ncompanies:\n  - metropolia\n  - sanoma\n"),
        f"{MEMO}:6: unknown company 'sanoma' in companies. Did you mean 'sanoma-wsoy'?",
        id="unknown-company",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-05-16\nauthors: [Petri Laitinen]\n"),
        f"{MEMO}:4: 'Petri Laitinen' in authors.0 is not an identifier (lower-case letters, digits, "
        "hyphens). Write 'petri-laitinen'.",
        id="not-a-slug",
    ),
    pytest.param(
        memo("title: T\ndate: 2012-05-17\n"),
        f"{MEMO}:3: date 2012-05-17 does not match the file name's date 2012-05-16. "
        "Change one so they agree.",
        id="date-and-file-name-disagree",
    ),
    pytest.param(
        memo('title: "T\ndate: 2012-05-16\n'),
        f"{MEMO}:2: a quoted value starting on this line is never closed. Add the closing quote mark.",
        id="unclosed-quote",
    ),
    pytest.param(
        memo("title: T\n\tdate: 2012-05-16\n"),
        f"{MEMO}:3: the front matter is indented with a tab. Indent with spaces, not tabs.",
        id="tab",
    ),
    pytest.param(  # PyYAML refuses the legal tab after `date:` first; the indenting tab is the error
        memo("title: T\ndate:\t2012-05-16\n\tattendees: []\n"),
        f"{MEMO}:4: the front matter is indented with a tab. Indent with spaces, not tabs.",
        id="tab-after-a-tab-between-key-and-value",
    ),
    pytest.param(
        memo("title: T\ndate:\t2012-05-16\ntags: [a\nb: 1\n"),
        f"{MEMO}:5: the front matter is not valid YAML: expected ',' or ']', but got ':'. "
        "Check the indentation and the quotes on this line and the one before.",
        id="syntax-error-after-a-tab-between-key-and-value",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2012-05-16\nTeksti.\n",
        f"{MEMO}:1: the front matter starts with '---' but never ends. Add a line '---' after the last key.",
        id="unclosed-front-matter",
    ),
    pytest.param(
        "Pelkkää tekstiä.\n",
        f"{MEMO}:1: the file has no front matter. Start the file with a line '---', the keys (title, "
        "date, ... for a memo; name, ... for a company), and another '---'.",
        id="no-front-matter",
    ),
    pytest.param(
        "",
        f"{MEMO}:1: the file is empty. Write the front matter and the text, or delete the file.",
        id="empty-file",
    ),
    pytest.param(
        b"---\ntitle: T\ndate: 2012-05-16\n---\nKahvi caf\xe9ss\xe4.\n",
        f"{MEMO}:5: the file is not UTF-8: byte 0xE9 on this line cannot be read. "
        "Save the file as UTF-8 in your editor.",
        id="not-utf8",
    ),
    pytest.param(
        memo("title: &a T\ndate: 2012-05-16\nalso: *a\n"),
        f"{MEMO}:2: YAML anchors and aliases (& and *) are not allowed in front matter. "
        "Write the value out in full.",
        id="alias",
    ),
    pytest.param(
        memo("title: !!python/object:os.system T\ndate: 2012-05-16\n"),
        f"{MEMO}:2: YAML tag tag:yaml.org,2002:python/object:os.system is not allowed in front matter. "
        "Remove the tag; write plain values.",
        id="python-tag",
    ),
]


@pytest.mark.parametrize(("content", "expected"), CASES)
def test_memo_problem_message(tree: TreeWriter, content: str | bytes, expected: str) -> None:
    assert expected in problems(tree({MEMO: content}))


def test_company_problems(tree: TreeWriter) -> None:
    root = tree({
        "companies/op.md": "---\nname: OP-Pohjola\nslug: op-pohjola\nstatus: activ\nowner: petri\n"
                           "contacts:\n  - name: Ville\n    emial: v@example.org\n---\n",
        "companies/Op.md": "---\nname: OP\n---\n",
        "companies/toinen.md": "---\nname: Toinen\naliases: [Sanoma WSOY]\n---\n",
    })
    assert problems(root) == [
        "companies/Op.md:1: company file name 'Op' is not an identifier (lower-case letters, digits, "
        "hyphens). Rename it to op.md.",
        "companies/op.md:1: this file name differs from companies/Op.md only in upper/lower case. "
        "Merge the two files: on macOS and Windows they are the same file.",
        "companies/op.md:3: slug 'op-pohjola' differs from the file name 'op'. "
        "Rename the file to op-pohjola.md or remove the slug line.",
        "companies/op.md:4: status 'activ' is not one of: lead, contacted, active, partner, dormant. "
        "Did you mean 'active'?",
        "companies/op.md:5: unknown person 'petri' in owner. Did you mean 'petri-laitinen'?",
        "companies/op.md:8: unknown key 'contacts.0.emial'. Did you mean 'email'?",
        "companies/toinen.md:3: name 'Sanoma WSOY' also belongs to 'sanoma-wsoy' "
        "(companies/sanoma-wsoy.md:2), so links to it would be ambiguous. "
        "Remove the name or alias from one of them.",
    ]


def test_duplicate_person_across_companies(tree: TreeWriter) -> None:
    root = tree({"companies/toinen.md": "---\nname: Toinen\ncontacts:\n  - name: Petri Laitinen\n---\n"})
    assert problems(root) == [
        "companies/toinen.md:4: person 'petri-laitinen' is already a contact at companies/metropolia.md:4. "
        "Keep one, or give this one its own slug.",
    ]


def test_memo_file_name_and_folder(tree: TreeWriter) -> None:
    root = tree({
        "memos/2012/tapaaminen.md": GOOD_MEMO,
        "memos/2013/2012-05-16-vaara-kansio.md": GOOD_MEMO,
    })
    assert problems(root) == [
        "memos/2012/tapaaminen.md:1: memo file name 'tapaaminen' is not YYYY-MM-DD-slug. Rename it like "
        "2012-05-16-tapaaminen.md (kb new memo does this for you).",
        "memos/2013/2012-05-16-vaara-kansio.md:1: a memo from 2012 is in folder '2013'. "
        "Move it to memos/2012/.",
    ]


def test_all_problems_are_reported_in_one_run_sorted(tree: TreeWriter) -> None:
    root = tree({
        "memos/2012/2012-05-16-b.md": memo("title: T\ndate: 2012-05-16\ncompnies: []\nattendees: [x]\n"),
        "memos/2012/2012-05-16-a.md": memo("title: T\ndate: 2012-02-30\n"),
    })
    assert [p.split(": ", 1)[0] for p in problems(root)] == [
        "memos/2012/2012-05-16-a.md:3",
        "memos/2012/2012-05-16-b.md:4",
        "memos/2012/2012-05-16-b.md:5",
    ]


def test_messages_in_finnish(tree: TreeWriter) -> None:
    root = tree({MEMO: memo("title: T\ndate: 2012-05-16\ncompnies: [metropolia]\n")})
    assert problems(root, "fi") == [f"{MEMO}:4: tuntematon avain 'compnies'. Tarkoititko 'companies'?"]


def test_odd_but_valid_input_reads_like_the_plain_form(tree: TreeWriter) -> None:
    decomposed = "Tapaaminen Metropolia\u0308ssa"  # a + combining diaeresis
    content = ("\ufeff" + GOOD_MEMO.replace("Tapaaminen", decomposed)).replace("\n", "\r\n").rstrip()
    root = tree({MEMO: content.encode("utf-8")})
    result = check(root)
    assert result.problems == []
    assert result.kb.memos[0].title == "Tapaaminen Metropoliässa"


def test_owner_must_be_on_our_own_staff(tree: TreeWriter) -> None:
    root = tree({
        "companies/reititin.md": "---\nname: Reititin\nour_unit: true\ncontacts:\n  - name: Anna Ahola\n---\n",
        "companies/asiakas.md": "---\nname: Asiakas\nowner: petri-laitinen\n---\n",
        "companies/toinen.md": "---\nname: Toinen\nowner: anna-ahola\n---\n",
    })
    assert problems(root) == [
        "companies/asiakas.md:3: owner 'petri-laitinen' is not on our own staff (Reititin); the owner keeps the "
        "relationship for us. Choose one of: anna-ahola, or add them as a contact in companies/reititin.md.",
    ]
