"""Open follow-ups as an iCalendar file.

Each open item with a due date becomes an all-day VEVENT on that date. Events rather than VTODOs
because the common calendar apps (Google, Outlook) show subscribed events but ignore tasks.
The UID is derived from the memo and the item's text, so a subscribed calendar updates an event
instead of duplicating it when the memo is edited elsewhere.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from icalendar import Calendar, Event

from muistio.followups import ActionItem
from muistio.knowledge_base import KnowledgeBase

PRODUCT_ID = "-//Muistio//Seuranta//FI"


@dataclass(frozen=True)
class CalendarEvent:
    """One open follow-up as the calendar shows it: everything its event is made from, so the
    same events (on the same day) make the same calendar, and a rebuild can keep the last one."""

    uid: str
    due: datetime.date
    summary: str
    description: str
    url: str | None


def followups_calendar(kb: KnowledgeBase, items: list[ActionItem], today: datetime.date, site_url: str = "") -> bytes:
    return calendar_of(calendar_events(kb, items, site_url), today)


def calendar_events(kb: KnowledgeBase, items: list[ActionItem], site_url: str = "") -> tuple[CalendarEvent, ...]:
    """The open items with a due date, as events (links to the memos under `site_url`, if any)."""
    events = []
    for item in items:
        if item.done or item.due is None:
            continue
        owner = kb.people[item.owner].name if item.owner in kb.people else None
        url = site_url.rstrip("/") + "/" + item.memo.src_uri.removesuffix(".md") + "/" if site_url else None
        events.append(CalendarEvent(
            uid=_uid(item), due=item.due, summary=f"{item.text} ({owner})" if owner else item.text,
            description=f"Muistio: {item.memo.title} ({item.memo.path}, rivi {item.line})", url=url))
    return tuple(events)


def calendar_of(events: tuple[CalendarEvent, ...], today: datetime.date) -> bytes:
    """The iCalendar file; `today` is every event's timestamp."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Muistio: toimenpiteet")
    stamp = datetime.datetime.combine(today, datetime.time(0, 0), tzinfo=datetime.UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + datetime.timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return calendar.to_ical()


def _uid(item: ActionItem) -> str:
    digest = hashlib.sha1(f"{item.memo.path}\n{item.text}".encode()).hexdigest()[:16]
    return f"{digest}@muistio"
