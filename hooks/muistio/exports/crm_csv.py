"""Companies and contacts as CSV files that HubSpot's import accepts as they are.

Column names are HubSpot's default property labels (Companies: "Company name", "Company Domain
Name", "Industry", "Lifecycle Stage"; Contacts: "First Name", "Last Name", "Email",
"Phone Number", "Job Title", "Company Name"), so the import maps them without manual work.
The last columns ("Muistio ID", "Business ID", "Last Contact", "Next Step") are ours: create
them as custom properties in the CRM, or skip them in the import's mapping step.
"""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit

from muistio.knowledge_base import KnowledgeBase

COMPANY_COLUMNS = ["Company name", "Company Domain Name", "Industry", "Lifecycle Stage", "Muistio ID",
                   "Business ID", "Last Contact", "Next Step"]
CONTACT_COLUMNS = ["First Name", "Last Name", "Email", "Phone Number", "Job Title", "Company Name",
                   "Muistio ID"]

LIFECYCLE = {"lead": "lead", "contacted": "marketingqualifiedlead", "active": "opportunity",
             "partner": "customer", "dormant": "other"}
"""Our pipeline mapped onto HubSpot's lifecycle stage values (internal names)."""


def companies_csv(kb: KnowledgeBase) -> str:
    rows = []
    for company in kb.companies.values():
        meta = company.meta
        last = kb.last_memo_date(company.slug)
        rows.append([
            company.name, _domain(meta.website), meta.industry or "", LIFECYCLE.get(meta.status or "", ""),
            company.slug, meta.business_id or "", last.isoformat() if last else "", meta.next_step or "",
        ])
    return _csv(COMPANY_COLUMNS, rows)


def contacts_csv(kb: KnowledgeBase, include_private: bool = True) -> str:
    rows = []
    for person in kb.people.values():
        first, _, last = person.name.partition(" ")
        rows.append([
            first, last, (person.email or "") if include_private else "",
            (person.phone or "") if include_private else "", person.role or "",
            kb.companies[person.company].name, person.slug,
        ])
    return _csv(CONTACT_COLUMNS, rows)


def _domain(website: str | None) -> str:
    if not website:
        return ""
    host = urlsplit(website if "//" in website else f"//{website}").hostname or ""
    return host.removeprefix("www.")


def _csv(columns: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()
