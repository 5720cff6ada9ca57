"""Action items in memo text: what is parsed, what is a problem, and what counts as overdue."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtrees import TreeWriter
from muistio.cli import main
from muistio.exports.calendar import followups_calendar
from muistio.followups import _FENCE, _NEAR_TASK, _TASK, _candidate_lines, collect, open_items
from muistio.pipeline import analyse, check
from muistio.problems import Severity

MEMO = "memos/2012/2012-05-16-tapaaminen.md"


def memo(body: str) -> str:
    return f"---\ntitle: Tapaaminen\ndate: 2012-05-16\ncompanies: [metropolia]\n---\n{body}"


def items_and_problems(tree: TreeWriter, body: str) -> tuple[list, list[str]]:
    kb = check(tree({MEMO: memo(body)})).kb
    items, problems = collect(kb)
    return items, [p.render() for p in problems]


def test_canonical_item_with_owner_and_due_date(tree: TreeWriter) -> None:
    items, problems = items_and_problems(tree, "- [ ] @petri-laitinen Tarkastelee PROksia (due 2012-06-15)\n")
    assert problems == []
    [item] = items
    assert (item.owner, item.text, item.due, item.done, item.line) == (
        "petri-laitinen", "Tarkastelee PROksia", datetime.date(2012, 6, 15), False, 6)


def test_finnish_due_date_and_done_item(tree: TreeWriter) -> None:
    items, problems = items_and_problems(
        tree, "Teksti.\n\n- [x] @petri-laitinen Lähettää esitteen (määräaika 15.6.2012)\n- [ ] Ilman omistajaa\n")
    assert problems == []
    assert [(i.done, i.owner, i.text, i.due) for i in items] == [
        (True, "petri-laitinen", "Lähettää esitteen", datetime.date(2012, 6, 15)),
        (False, None, "Ilman omistajaa", None),
    ]


def test_numbered_items_are_follow_ups_too(tree: TreeWriter) -> None:
    """The site shows `1. [ ]` as a checkbox like `- [ ]`, so a writer who numbers the agreed
    actions expects them on the follow-ups page; they were plain text to the parser."""
    items, problems = items_and_problems(
        tree, "1. [ ] @petri-laitinen Soittaa (due 2012-06-15)\n2. [x] Tehty\n3.[ ] Unohtui väli\n"
              "\n4) [ ] Sulkeella\n")
    assert [(i.line, i.done, i.owner, i.text, i.due) for i in items] == [
        (6, False, "petri-laitinen", "Soittaa", datetime.date(2012, 6, 15)), (7, True, None, "Tehty", None)]
    # "4)" numbers no list in the site's Markdown: the line is text there, so no follow-up either
    assert problems == [f"{MEMO}:8: '3.[ ]' is not a task box, so this line is shown as text and is not a "
                        "follow-up. Write '3. [ ]': a space inside the brackets (or an x) and one after them.",
                        f"{MEMO}:10: '4) [ ]' is not a task box, so this line is shown as text and is not "
                        "a follow-up. Write '4. [ ]': a space inside the brackets (or an x) and one after them."]


def test_unknown_owner_is_a_problem_with_a_hint(tree: TreeWriter) -> None:
    _, problems = items_and_problems(tree, "- [ ] @petri-laitnen Soittaa\n")
    assert problems == [f"{MEMO}:6: action item owner @petri-laitnen is not a known person. "
                        "Did you mean @petri-laitinen?"]


def test_the_templates_example_left_as_it_is_is_a_warning(tree: TreeWriter) -> None:
    """`kb new memo` writes an example follow-up; left unedited, it would be published as an open
    follow-up of the first attendee. It is a warning (a memo `kb new` just wrote passes the check),
    and only the example's own words are: a real task that begins with them is not."""
    body = ("- [ ] @petri-laitinen Mitä tehdään (due 2012-05-30)\n- [x] Mitä tehdään\n"
            "- [ ] @petri-laitinen Mitä tehdään PROksille, selvitetään (due 2012-05-30)\n")
    kb = check(tree({MEMO: memo(body)})).kb
    items, problems = collect(kb)
    assert len(items) == 3
    assert [(p.render(), p.severity) for p in problems] == [
        (f"{MEMO}:{line}: this action item is still the template's example, 'Mitä tehdään'. "
         "Write what was agreed, or delete the line.", Severity.WARNING) for line in (6, 7)]


def test_impossible_and_unreadable_due_dates(tree: TreeWriter) -> None:
    body = "- [ ] Soittaa (due 2012-02-30)\n- [ ] Kirjoittaa (määräaika ensi viikolla)\n"
    _, problems = items_and_problems(tree, body)
    assert problems == [
        f"{MEMO}:6: due date '2012-02-30' does not exist in the calendar. Check the day and the month.",
        f"{MEMO}:7: due date 'ensi viikolla' is not a date. Write (due 2012-06-15) or (määräaika 15.6.2012).",
    ]


def kb_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """`kb check` as a writer runs it: the exit status and the lines it prints."""
    status = main(["--root", str(root), "check"])
    return status, capsys.readouterr().out.splitlines()


def test_an_item_that_says_nothing_to_do_is_an_error(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """An owner and a date alone are no follow-up: the calendar got an event called
    "(Petri Laitinen)". Also a box with nothing at all after it."""
    root = tree({MEMO: memo("- [ ] @petri-laitinen (due 2026-05-01)\n- [ ] Soittaa (due 2026-05-02)\n- [x]\n")})
    assert kb_check(root, capsys) == (1, [
        f"{MEMO}:{line}: this action item says nothing to do. Write what was agreed after the owner, e.g. "
        "'- [ ] @petri-laitinen Lähettää tarjouksen (due 2012-06-15)', or delete the line." for line in (6, 8)])
    analysis = analyse(root)
    calendar = icalendar.Calendar.from_ical(followups_calendar(analysis.kb, analysis.context.items,
                                                               datetime.date(2026, 4, 1)))
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Soittaa"]


def test_an_at_sign_with_no_person_is_an_error(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree({MEMO: memo("- [ ] @ Soittaa (due 2026-05-01)\n")})
    assert kb_check(root, capsys) == (1, [
        f"{MEMO}:6: '@' at the start of this action item names no person. "
        "Write the owner's slug right after the @, e.g. @petri-laitinen, or delete the @."])
    [item] = collect(check(root).kb)[0]
    assert (item.owner, item.text, item.due) == (None, "Soittaa", datetime.date(2026, 5, 1))


def test_two_due_dates_are_an_error(tree: TreeWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """Before, the last one won silently and the other stayed in the task's text."""
    root = tree({MEMO: memo("- [ ] @petri-laitinen Soittaa (due 2026-05-01) (määräaika 1.6.2026)\n")})
    assert kb_check(root, capsys) == (1, [
        f"{MEMO}:6: this action item has more than one due date: (due 2026-05-01), (määräaika 1.6.2026). "
        "Keep the one that was agreed, at the end of the line."])
    [item] = collect(check(root).kb)[0]
    assert (item.text, item.due) == ("Soittaa", datetime.date(2026, 6, 1))


def test_a_box_markdown_does_not_read_is_a_warning_with_the_box_to_write(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    """Markdown shows these as text, not checkboxes, and they were no follow-up at all; a writer
    believed they had written one. A link in a list is no box."""
    body = ("- [ ]@petri-laitinen Soittaa\n- [] Soittaa\n-[x] Lähettää esitteen\n* [  ] Kirjoittaa\n"
            "- [Metropolia](https://www.metropolia.fi) on linkki\n```\n- [] koodissa\n```\n")
    root = tree({MEMO: memo(body)})
    fix = "a space inside the brackets (or an x) and one after them."
    assert kb_check(root, capsys) == (0, [
        f"{MEMO}:6: '- [ ]@petri-laitinen' is not a task box, so this line is shown as text and is not a "
        f"follow-up. Write '- [ ] @petri-laitinen': {fix}",
        f"{MEMO}:7: '- []' is not a task box, so this line is shown as text and is not a follow-up. "
        f"Write '- [ ]': {fix}",
        f"{MEMO}:8: '-[x]' is not a task box, so this line is shown as text and is not a follow-up. "
        f"Write '- [x]': {fix}",
        f"{MEMO}:9: '* [  ]' is not a task box, so this line is shown as text and is not a follow-up. "
        f"Write '* [ ]': {fix}",
    ])
    items, problems = collect(check(root).kb)
    assert items == [] and {p.severity for p in problems} == {Severity.WARNING}


def test_a_due_date_the_item_does_not_read_is_a_warning_with_the_form_to_write(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without parentheses, with a colon, in the Finnish words for "by", or mid-line, the item got
    no due date and nobody was told. Prose that only ends in such a word is left alone."""
    body = ("- [ ] @petri-laitinen Soittaa due 2026-05-01\n- [ ] Soittaa (määräaika: 1.5.2026)\n"
            "- [ ] Soittaa 1.5.2026 mennessä\n- [ ] Soittaa viimeistään 1.5.\n"
            "- [ ] Soittaa (due 2026-05-01) Petrille\n- [ ] Selvittää due diligence -prosessin\n")
    root = tree({MEMO: memo(body)})
    assert kb_check(root, capsys) == (0, [
        f"{MEMO}:6: 'due 2026-05-01' is not read as a due date. Write (due 2026-05-01) at the end of the line.",
        f"{MEMO}:7: '(määräaika: 1.5.2026)' is not read as a due date. "
        "Write (määräaika 1.5.2026) at the end of the line.",
        f"{MEMO}:8: '1.5.2026 mennessä' is not read as a due date. Write (määräaika 1.5.2026) at the end of the line.",
        f"{MEMO}:9: 'viimeistään 1.5.' is not read as a due date. Write it in parentheses at the end of the line, "
        "with the year: (due 2012-06-15) or (määräaika 15.6.2012).",
        f"{MEMO}:10: the due date '(due 2026-05-01)' is not at the end of the line, so it is not read as the "
        "due date. Move it to the end of the line.",
    ])


def test_the_new_follow_up_problems_read_in_finnish_on_a_finnish_site(
    tree: TreeWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    site = "site_name: Testi\ntheme:\n  name: material\n  language: fi\n"
    body = "- [] Soittaa\n- [ ] @petri-laitinen Soittaa 1.5.2026 mennessä\n- [ ] @petri-laitinen (due 2026-05-01)\n"
    assert kb_check(tree({MEMO: memo(body), "mkdocs.yml": site}), capsys) == (1, [
        f"{MEMO}:6: '- []' ei ole tehtävälistan ruutu, joten rivi näkyy tekstinä eikä ole toimenpide. "
        "Kirjoita '- [ ]': sulkeiden sisään välilyönti (tai x) ja niiden perään välilyönti.",
        f"{MEMO}:7: '1.5.2026 mennessä' ei ole määräajan muodossa, joten sitä ei lueta määräajaksi. "
        "Kirjoita rivin loppuun (määräaika 1.5.2026).",
        f"{MEMO}:8: toimenpiteessä ei sanota, mitä tehdään. Kirjoita vastuuhenkilön perään, mitä sovittiin, esim. "
        "'- [ ] @petri-laitinen Lähettää tarjouksen (due 2012-06-15)', tai poista rivi.",
    ])


def test_task_lines_inside_code_blocks_are_not_items(tree: TreeWriter) -> None:
    items, _ = items_and_problems(tree, "```\n- [ ] @ei-kukaan Esimerkki\n```\n")
    assert items == []


def test_overdue_first_then_by_due_date(tree: TreeWriter) -> None:
    body = ("- [ ] Myöhemmin (due 2012-07-01)\n- [ ] Ilman päivää\n- [ ] Myöhässä (due 2012-05-20)\n"
            "- [x] Tehty (due 2012-05-01)\n")
    items, _ = items_and_problems(tree, body)
    today = datetime.date(2012, 6, 1)
    pending = open_items(items, today)
    assert [i.text for i in pending] == ["Myöhässä", "Myöhemmin", "Ilman päivää"]
    assert [i.is_overdue(today) for i in pending] == [True, False, False]


_LINE_PIECES = ["- [ ] ", "* [x] ", "+\t[X] ", "-  [ ]", "- [y] ", "```", "~~~", "  ", "\t", "\u2028", "\x0b",
                "@petri-laitinen ", "Soittaa", "(due 2012-06-15)", "-", "[", "text", "1. [ ] ", "-[ ]", "- []"]


@settings(max_examples=int(os.environ.get("MUISTIO_EXAMPLES", "200")), deadline=None)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=4).map("".join), max_size=10).map("\n".join))
def test_only_lines_that_cannot_be_items_or_fences_are_skipped(body: str) -> None:
    """Follow-ups are read from the few lines a quick search finds; a line it missed would be an
    action item that silently disappears from the follow-ups page."""
    def wanted(line: str) -> bool:
        return bool(_TASK.match(line) or _FENCE.match(line) or _NEAR_TASK.match(line))

    every_line = [(number, line) for number, line in enumerate(body.split("\n"), start=6) if wanted(line)]
    found = [(number, line) for number, line in _candidate_lines(body, 6) if wanted(line)]
    assert found == every_line


def test_the_memo_page_writes_the_due_date_in_finnish_and_says_when_it_has_passed(tree: TreeWriter) -> None:
    """The memo page showed "(due 2012-06-15)" as written, in English, and nothing said the date
    had passed, which the follow-ups page and the dashboard do say."""
    from muistio.pipeline import build_site
    from muistio.settings import Settings

    body = ("- [ ] @petri-laitinen Soittaa (due 2012-06-15)\n- [x] @petri-laitinen Tehty (due 2012-06-01)\n"
            "- [ ] Myöhemmin (määräaika 1.9.2012)\n")
    site = build_site(tree({MEMO: memo(body)}), Settings(today=datetime.date(2012, 6, 20)))
    [page] = [p for p in site.pages if p.src_uri == MEMO]
    lines = [line for line in page.standalone_markdown.splitlines() if line.startswith("- [")]
    assert lines[0].endswith(" Soittaa (määräaika 15.6.2012) <strong>myöhässä</strong>"), lines
    assert lines[1].endswith(" Tehty (määräaika 1.6.2012)"), lines  # done: not late
    assert lines[2] == "- [ ] Myöhemmin (määräaika 1.9.2012)"  # not yet due


def test_owners_with_the_same_name_are_told_apart_on_the_followups_page(tree: TreeWriter) -> None:
    """Two headings "Petri Virtanen" were two people; a reader could not tell whose was whose."""
    from muistio.pipeline import build_site
    from muistio.settings import Settings

    company = "---\nname: {name}\ncontacts:\n  - name: Petri Virtanen\n    slug: petri-virtanen-{slug}\n---\n"
    files = {"companies/alfa.md": company.format(name="Alfa Oy", slug="alfa"),
             "companies/beta.md": company.format(name="Beta Oy", slug="beta"),
             MEMO: memo("- [ ] @petri-virtanen-alfa Soittaa\n- [ ] @petri-virtanen-beta Kirjoittaa\n"
                        "- [ ] @petri-laitinen Lukee\n")}
    site = build_site(tree(files), Settings(today=datetime.date(2012, 6, 20)))
    [page] = [p for p in site.pages if p.src_uri == "followups.md"]
    headings = [line for line in page.standalone_markdown.splitlines() if line.startswith("## ")]
    assert sorted(headings) == ["## Petri Laitinen (1)", "## Petri Virtanen \\(Alfa Oy\\) (1)",
                                "## Petri Virtanen \\(Beta Oy\\) (1)"]  # Markdown-escaped parentheses
