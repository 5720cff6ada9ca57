"""What a CRM would tell about each relationship, derived from the memos instead of typed in.

"Last contact" is the newest memo that references the company (front matter or text), so it is
never out of date; a relationship is "quiet" when it is being pursued (any status but dormant)
and nobody has met them within `quiet_days`. Organisations without a status (our own unit, a
magazine we only mention) are not relationships being tracked and are never quiet.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from muistio.knowledge_base import KnowledgeBase
from muistio.records import Company
from muistio.schema import STATUSES

DEFAULT_QUIET_DAYS = 180


@dataclass(frozen=True)
class Relationship:
    company: Company
    last_contact: datetime.date | None
    days_since: int | None

    @property
    def tracked(self) -> bool:
        return self.company.meta.status is not None


def relationship(kb: KnowledgeBase, company: Company, today: datetime.date) -> Relationship:
    last = kb.last_memo_date(company.slug)
    return Relationship(company, last, (today - last).days if last else None)


def quiet(kb: KnowledgeBase, today: datetime.date, quiet_days: int = DEFAULT_QUIET_DAYS) -> list[Relationship]:
    """Tracked, not dormant, and not met within `quiet_days`: longest silence (or never met) first."""
    result = []
    for company in kb.companies.values():
        status = company.meta.status
        if status is None or status == "dormant":
            continue
        rel = relationship(kb, company, today)
        if rel.days_since is None or rel.days_since > quiet_days:
            result.append(rel)
    return sorted(result, key=lambda r: (r.days_since is not None, -(r.days_since or 0), r.company.name))


def by_status(kb: KnowledgeBase) -> dict[str, list[Company]]:
    """Companies per pipeline stage, in pipeline order; stages with none are kept (shown as 0)."""
    groups: dict[str, list[Company]] = {status: [] for status in STATUSES}
    for company in kb.companies.values():
        if company.meta.status:
            groups[company.meta.status].append(company)
    return groups
