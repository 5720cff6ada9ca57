"""Action items in memo text: what is parsed, what is a problem, and what counts as overdue."""

from __future__ import annotations

import datetime
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from kbtrees import TreeWriter
from muistio.followups import _FENCE, _TASK, _candidate_lines, collect, open_items
from muistio.pipeline import check
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
                "@petri-laitinen ", "Soittaa", "(due 2012-06-15)", "-", "[", "text", "1. [ ] "]


@settings(max_examples=int(os.environ.get("MUISTIO_EXAMPLES", "200")), deadline=None)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=4).map("".join), max_size=10).map("\n".join))
def test_only_lines_that_cannot_be_items_or_fences_are_skipped(body: str) -> None:
    """Follow-ups are read from the few lines a quick search finds; a line it missed would be an
    action item that silently disappears from the follow-ups page."""
    every_line = [(number, line) for number, line in enumerate(body.split("\n"), start=6)
                  if _TASK.match(line) or _FENCE.match(line)]
    found = [(number, line) for number, line in _candidate_lines(body, 6) if _TASK.match(line) or _FENCE.match(line)]
    assert found == every_line
