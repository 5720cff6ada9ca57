"""`kb export`: write the exports into a folder, never over an existing file unless asked."""

from __future__ import annotations

import datetime
from pathlib import Path

from muistio.exports.calendar import followups_calendar
from muistio.exports.crm_csv import companies_csv, contacts_csv
from muistio.exports.vcard import contacts_vcard
from muistio.fileio import write_new
from muistio.followups import ActionItem
from muistio.knowledge_base import KnowledgeBase


def export_all(kb: KnowledgeBase, items: list[ActionItem], out: Path, today: datetime.date,
               overwrite: bool = False, include_private: bool = True) -> list[Path]:
    """Write companies.csv, contacts.csv, contacts.vcf and followups.ics; return their paths.

    Refuses (FileExistsError) before writing anything if a file exists and `overwrite` is off,
    so an export never leaves a half-replaced set behind.
    """
    files = {
        "companies.csv": companies_csv(kb).encode("utf-8-sig"),  # BOM: Excel opens ä/ö correctly
        "contacts.csv": contacts_csv(kb, include_private).encode("utf-8-sig"),
        "contacts.vcf": contacts_vcard(kb, include_private).encode("utf-8"),
        "followups.ics": followups_calendar(kb, items, today),
    }
    out.mkdir(parents=True, exist_ok=True)
    existing = [out / name for name in files if (out / name).exists()]
    if existing and not overwrite:
        raise FileExistsError(existing[0])
    written = []
    for name, data in files.items():
        write_new(out / name, data, overwrite=overwrite)
        written.append(out / name)
    return written
