"""Raw HTML and personal data in bodies: the exact messages, and what must pass without one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtrees import TreeWriter
from muistio.content_checks import _checked, _may_need_checking
from muistio.pipeline import check
from muistio.problems import Severity

MEMO = "memos/2012/2012-05-16-tapaaminen.md"
EXAMPLES = int(os.environ.get("MUISTIO_EXAMPLES", "200"))
FRONT = "---\ntitle: Tapaaminen\ndate: 2012-05-16\ncompanies: [metropolia]\n---\n"  # body starts on line 6


def problems(root: Path, lang: str = "en") -> list[str]:
    return [p.render(lang) for p in check(root).problems]


def body_problems(tree: TreeWriter, body: str, front: str = FRONT) -> list[str]:
    return problems(tree({MEMO: front + body}))


SCRIPT = "raw HTML <{tag}> would run or embed content on the site. Remove it; to show the tag as text, " \
         "put it in backticks: `<{tag}>`."
JS_LINK = "the link to '{value}' runs a script when clicked. Link to a web address (https://...) instead, " \
          "or remove the link."
EMAIL = "e-mail address {value} is written in the text, so the site would publish it. Move it to the contact's " \
        "`email:` in companies/metropolia.md, which the public site leaves out."
PHONE = "phone number {value} is written in the text, so the site would publish it. Move it to the contact's " \
        "`phone:` in companies/metropolia.md, which the public site leaves out."


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Teksti.\n\n<script>alert(1)</script>\n", [f"{MEMO}:8: " + SCRIPT.format(tag="script")],
                 id="script-block"),
    pytest.param("Katso <SCRIPT src=x.js></SCRIPT> tästä.\n", [f"{MEMO}:6: " + SCRIPT.format(tag="script")],
                 id="script-inline-upper-case"),
    pytest.param("a\nb <iframe src='https://example.org'></iframe>\n", [f"{MEMO}:7: " + SCRIPT.format(tag="iframe")],
                 id="iframe-second-line-of-paragraph"),
    pytest.param("<object data=x></object>\n\n<embed src=x>\n",
                 [f"{MEMO}:6: " + SCRIPT.format(tag="object"), f"{MEMO}:8: " + SCRIPT.format(tag="embed")],
                 id="object-and-embed"),
    pytest.param("<style>body { display: none }</style>\n", [f"{MEMO}:6: " + SCRIPT.format(tag="style")],
                 id="style"),
    pytest.param("<div>\n<p>\n<img src=x onerror=\"alert(1)\">\n</p>\n</div>\n",
                 [f"{MEMO}:8: the HTML attribute onerror on <img> runs a script on the site. Remove the attribute."],
                 id="event-attribute-in-block"),
    pytest.param("Paina <b onClick='x()'>tästä</b>.\n",
                 [f"{MEMO}:6: the HTML attribute onclick on <b> runs a script on the site. Remove the attribute."],
                 id="event-attribute-inline"),
    pytest.param("Katso [tämä](javascript:alert(1)).\n", [f"{MEMO}:6: " + JS_LINK.format(value="javascript:alert(1)")],
                 id="markdown-javascript-link"),
    pytest.param("Katso [tämä][x].\n\n[x]: JavaScript:void(0)\n",
                 [f"{MEMO}:6: " + JS_LINK.format(value="JavaScript:void(0)")], id="reference-javascript-link"),
    pytest.param('<a href="java&#115;cript:alert(1)">x</a>\n',
                 [f"{MEMO}:6: " + JS_LINK.format(value="javascript:alert(1)")], id="html-entity-javascript-link"),
    pytest.param('Teksti <a href="\tjavascript:x()">x</a>\n',
                 [f"{MEMO}:6: " + JS_LINK.format(value="\tjavascript:x()")], id="whitespace-before-scheme"),
])
def test_unsafe_html_is_an_error(tree: TreeWriter, body: str, expected: list[str]) -> None:
    root = tree({MEMO: FRONT + body})
    assert problems(root) == expected
    assert all(p.severity is Severity.ERROR for p in check(root).problems)


@pytest.mark.parametrize("body", [
    pytest.param("Rivi<br>toinen, <kbd>Ctrl</kbd>, x<sup>2</sup>, H<sub>2</sub>O.\n", id="inline"),
    pytest.param("<details>\n<summary>Lisää</summary>\n\nTeksti.\n\n</details>\n", id="details"),
    pytest.param('<a href="https://example.org/">linkki</a> ja [toinen](https://example.org)\n', id="links"),
    pytest.param("Esimerkki: `<script>alert(1)</script>` ja `onclick=`.\n", id="inline-code"),
    pytest.param("```html\n<script>alert(1)</script>\n<iframe>\n```\n", id="fenced-code"),
    pytest.param("Koodi:\n\n    <script>alert(1)</script>\n", id="indented-code"),
    pytest.param("Sana javascript: ei ole linkki, eikä onclick=x.\n", id="plain-words"),
    pytest.param("<!-- kommentti <script> -->\n", id="html-comment"),
])
def test_harmless_html_and_code_pass(tree: TreeWriter, body: str) -> None:
    assert body_problems(tree, body) == []


def test_a_company_body_is_checked_for_html(tree: TreeWriter) -> None:
    root = tree({"companies/rondo.md": "---\nname: Rondo\n---\nEsittely.\n\n<iframe src=x></iframe>\n"})
    assert problems(root) == ["companies/rondo.md:6: " + SCRIPT.format(tag="iframe")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Petrin osoite on petri.laitinen@metropolia.fi.\n",
                 [f"{MEMO}:6: " + EMAIL.format(value="petri.laitinen@metropolia.fi")], id="email"),
    pytest.param("Laita viestiä: [Petri](mailto:petri@example.org)\n",
                 [f"{MEMO}:6: " + EMAIL.format(value="petri@example.org")], id="mailto-link"),
    pytest.param("Soita\n040 123 4567 tai 09-123 4567.\n",
                 [f"{MEMO}:7: " + PHONE.format(value="040 123 4567"),
                  f"{MEMO}:7: " + PHONE.format(value="09-123 4567")],
                 id="finnish-phones"),
    pytest.param("Numero +358 40 1234567.\n", [f"{MEMO}:6: " + PHONE.format(value="+358 40 1234567")],
                 id="international"),
    pytest.param("- puh. 0401234567\n", [f"{MEMO}:6: " + PHONE.format(value="0401234567")], id="in-a-list"),
    pytest.param("| nimi | puhelin |\n|---|---|\n| Petri | (09) 123 4567 |\n",
                 [f"{MEMO}:8: " + PHONE.format(value="(09) 123 4567")], id="in-a-table"),
])
def test_personal_data_in_a_memo_is_a_warning(tree: TreeWriter, body: str, expected: list[str]) -> None:
    root = tree({MEMO: FRONT + body})
    assert problems(root) == expected
    assert all(p.severity is Severity.WARNING for p in check(root).problems)


@pytest.mark.parametrize("text", [
    "Tapaaminen 16.5.2012 klo 9.00–10.30.", "Vuonna 2012 ja 2013.", "Hinta 1 500 000 € eli 40 000 euroa.",
    "Y-tunnus 1234567-8 ja 0112038-9.", "Osoite Hämeentie 00100 Helsinki.", "Päivä 2012-05-16.",
    "Budjetti 0,5 M€.", "Tili FI21 1234 5600 0007 85.", "Vuosina 2010-2012.", "Versio 0.40.1234567.",
    "ISBN 978-951-0-12345-6.", "Tehtävä @petri-laitinen hoitaa.", "Sivu https://example.org/a@b",
])
def test_numbers_that_are_not_phone_numbers_pass(tree: TreeWriter, text: str) -> None:
    assert body_problems(tree, text + "\n") == []


def test_personal_data_in_code_is_not_reported(tree: TreeWriter) -> None:
    body = "Esimerkki `petri@example.org`.\n\n```\n040 123 4567\nx@y.fi\n```\n"
    assert body_problems(tree, body) == []


def test_without_one_company_the_hint_names_the_folder(tree: TreeWriter) -> None:
    front = "---\ntitle: Tapaaminen\ndate: 2012-05-16\ncompanies: [metropolia, sanoma-wsoy]\n---\n"
    assert body_problems(tree, "Osoite petri@example.org.\n", front) == [
        f"{MEMO}:6: e-mail address petri@example.org is written in the text, so the site would publish it. "
        "Move it to the contact's `email:` in their organisation's file in companies/, "
        "which the public site leaves out.",
    ]


def test_an_unknown_organisation_is_not_named_as_the_place_to_move_it(tree: TreeWriter) -> None:
    """companies: [metropolija] is its own error, with a "did you mean"; the phone number's warning
    must not send the writer to companies/metropolija.md, a file that does not exist."""
    front = FRONT.replace("[metropolia]", "[metropolija]")
    found = body_problems(tree, "Puhelin 040 123 4567.\n", front)
    assert f"{MEMO}:6: phone number 040 123 4567 is written in the text, so the site would publish it. " \
           "Move it to the contact's `phone:` in their organisation's file in companies/, " \
           "which the public site leaves out." in found
    assert not [problem for problem in found if "metropolija.md" in problem]
    assert any("Did you mean 'metropolia'?" in problem for problem in found)


def test_messages_in_finnish(tree: TreeWriter) -> None:
    root = tree({MEMO: FRONT + "Puhelin 040 123 4567.\n\n<script>x</script>\n"})
    assert problems(root, "fi") == [
        f"{MEMO}:6: puhelinnumero 040 123 4567 on kirjoitettu tekstiin, joten sivusto julkaisisi sen. "
        "Siirrä se yhteyshenkilön kenttään `phone:` tiedostossa companies/metropolia.md; julkinen sivusto "
        "jättää sen pois.",
        f"{MEMO}:8: HTML-tagi <script> suorittaisi tai upottaisi sisältöä sivustolle. Poista se; jos tagin "
        "pitää näkyä tekstinä, kirjoita se gravisaksenttien väliin: `<script>`.",
    ]


def test_lines_count_from_the_file_start_with_a_bom_and_crlf(tree: TreeWriter) -> None:
    text = "\ufeff" + (FRONT + "Eka.\n\nToka <script>x</script>\n").replace("\n", "\r\n")
    assert problems(tree({MEMO: text.encode("utf-8")})) == [f"{MEMO}:8: " + SCRIPT.format(tag="script")]


_PIECES = ["Soita ", "040 123 4567", "+358 40 1234567", "(09) 123 4567", "0401234567", "petri@example.org",
           "a.b+c@metropolia.fi", "@petri-laitinen", "2012-05-16", "16.5.2012", "<b>", "<script>", "&amp;",
           "[x](mailto:p@q.fi)", "[y](java\nscript:alert(1))", "[z](VBScr\tipt:x)", "[w](javascript:void(0))",
           "`040 123 4567`", "\n", "\t", " ", "-", "0", "+", "(", "Metropolia", "puh.", "**", "> ", "- [ ] "]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_quick_scan_never_skips_a_body_the_full_check_reports(body: str) -> None:
    """The scan that spares most memos the markdown-it parse must let through every body in which
    the full check would find something, or those problems would silently go unreported."""
    if _checked(MEMO, body, 6, ("metropolia",)):
        assert _may_need_checking(body), body
