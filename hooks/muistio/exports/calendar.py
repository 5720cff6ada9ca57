"""Open follow-ups as an iCalendar file.

Each open item with a due date becomes an all-day VEVENT on that date. Events rather than VTODOs
because the common calendar apps (Google, Outlook) show subscribed events but ignore tasks.
The UID is derived from the memo and the item's text, so a subscribed calendar updates an event
instead of duplicating it when the memo is edited elsewhere.
"""

from __future__ import annotations

import datetime
import hashlib

from icalendar import Calendar, Event

from muistio.followups import ActionItem
from muistio.knowledge_base import KnowledgeBase

PRODUCT_ID = "-//Muistio//Seuranta//FI"


def followups_calendar(kb: KnowledgeBase, items: list[ActionItem], today: datetime.date, site_url: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Muistio: toimenpiteet")
    stamp = datetime.datetime.combine(today, datetime.time(0, 0), tzinfo=datetime.UTC)
    for item in items:
        if item.done or item.due is None:
            continue
        event = Event()
        owner = kb.people[item.owner].name if item.owner in kb.people else None
        summary = f"{item.text} ({owner})" if owner else item.text
        event.add("uid", _uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + datetime.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", f"Muistio: {item.memo.title} ({item.memo.path}, rivi {item.line})")
        if site_url:
            event.add("url", site_url.rstrip("/") + "/" + item.memo.src_uri.removesuffix(".md") + "/")
        calendar.add_component(event)
    return calendar.to_ical()


def _uid(item: ActionItem) -> str:
    digest = hashlib.sha1(f"{item.memo.path}\n{item.text}".encode()).hexdigest()[:16]
    return f"{digest}@muistio"
