"""The follow-up calendar is made in a forked process while the pages are made (muistio.side_process);
the site must get the same calendar however it was made, and whatever happens to the child."""

from __future__ import annotations

import datetime
import os
import time

import icalendar
import pytest

from kbtrees import FOLLOWUPS_MEMO, TreeWriter
from muistio.cache import BuildCache
from muistio.pipeline import build_site
from muistio.settings import Settings
from muistio.side_process import SideWork

PARENT = os.getpid()


def test_the_result_comes_back_from_the_child() -> None:
    work = SideWork(lambda: (os.getpid() != PARENT, b"\x00" * 200_000), fork=True)
    assert work.result() == (True, b"\x00" * 200_000)  # larger than a pipe holds at once


def test_a_child_that_fails_or_dies_leaves_the_work_to_this_process() -> None:
    def fails_in_child() -> str:
        if os.getpid() != PARENT:
            raise RuntimeError("only in the child")
        return "tehty täällä"

    def dies_in_child() -> str:
        if os.getpid() != PARENT:
            os._exit(3)
        return "tehty täällä"

    assert SideWork(fails_in_child, fork=True).result() == "tehty täällä"
    assert SideWork(dies_in_child, fork=True).result() == "tehty täällä"
    assert SideWork(lambda: os.getpid(), fork=False).result() == PARENT


def test_a_child_whose_result_is_not_wanted_is_stopped_and_reaped() -> None:
    """The pages failed beside it, say: no child is left running, or as a zombie."""
    with pytest.raises(RuntimeError), SideWork(lambda: time.sleep(60), fork=True) as work:
        pid = work.pid
        raise RuntimeError("the pages failed")
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped


def test_the_site_gets_the_same_calendar_from_one_process_and_from_two(tree: TreeWriter) -> None:
    root = tree({"memos/2012/2012-05-16-tapaaminen.md": FOLLOWUPS_MEMO})
    today = datetime.date(2012, 6, 20)
    one = build_site(root, Settings(today=today, workers=1), site_url="https://muistio.example/")
    two = build_site(root, Settings(today=today, workers=2), site_url="https://muistio.example/")
    assert one.calendar == two.calendar
    events = icalendar.Calendar.from_ical(two.calendar).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Lähettää tarjouksen"]  # open, with a due date
    assert str(events[0]["url"]) == "https://muistio.example/memos/2012/2012-05-16-tapaaminen/"


def test_a_rebuild_keeps_the_calendar_until_a_follow_up_changes(tree: TreeWriter) -> None:
    """Under `mkdocs serve` (a build cache), a save that changes no follow-up keeps the calendar;
    a changed due date is in the next one, and so is a new day (every event's timestamp)."""
    memo = "memos/2012/2012-05-16-tapaaminen.md"
    root = tree({memo: FOLLOWUPS_MEMO})
    cache = BuildCache()
    today = datetime.date(2012, 6, 20)
    first = build_site(root, Settings(today=today, workers=1), cache).calendar
    (root / memo).write_text(FOLLOWUPS_MEMO + "\nLisätty rivi.\n", encoding="utf-8")
    assert build_site(root, Settings(today=today, workers=1), cache).calendar is first
    (root / memo).write_text(FOLLOWUPS_MEMO.replace("(due 2012-06-15)", "(due 2012-06-18)"), encoding="utf-8")
    moved = build_site(root, Settings(today=today, workers=1), cache).calendar
    [event] = icalendar.Calendar.from_ical(moved).walk("VEVENT")
    assert event.decoded("dtstart") == datetime.date(2012, 6, 18)
    later = build_site(root, Settings(today=today + datetime.timedelta(days=1), workers=1), cache).calendar
    assert later != moved and b"DTSTAMP:20120621" in later
