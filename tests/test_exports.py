"""Each export parses back with the library a CRM or calendar would use, with the same data."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import icalendar
import pytest
import vobject

from kbtrees import FOLLOWUPS_MEMO, TreeWriter
from muistio.exports.write import ExportRefused, export_all
from muistio.followups import collect
from muistio.pipeline import check

COMPANY = """---
name: Sanoma WSOY
website: https://www.sanoma.fi
status: active
business_id: 0112038-9
contacts:
  - name: Liisa Mäkelä
    role: myyntijohtaja
    email: liisa@example.org
    phone: "+358 40 123 4567"
---
"""


@pytest.fixture
def exported(tree: TreeWriter, tmp_path: Path) -> Path:
    root = tree({"companies/sanoma-wsoy.md": COMPANY, "memos/2012/2012-05-16-tapaaminen.md": FOLLOWUPS_MEMO})
    kb = check(root).kb
    items, _ = collect(kb)
    export_all(kb, items, tmp_path / "out", datetime.date(2012, 6, 1))
    return tmp_path / "out"


def test_companies_csv_has_hubspot_columns(exported: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((exported / "companies.csv").read_text(encoding="utf-8-sig"))))
    sanoma = next(r for r in rows if r["Muistio ID"] == "sanoma-wsoy")
    assert sanoma["Company name"] == "Sanoma WSOY"
    assert sanoma["Company Domain Name"] == "sanoma.fi"
    assert sanoma["Lifecycle Stage"] == "opportunity"
    assert sanoma["Business ID"] == "0112038-9"
    assert sanoma["Last Contact"] == "2012-05-16"


def test_contacts_csv_and_vcard_round_trip(exported: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((exported / "contacts.csv").read_text(encoding="utf-8-sig"))))
    liisa = next(r for r in rows if r["Muistio ID"] == "liisa-makela")
    assert (liisa["First Name"], liisa["Last Name"], liisa["Email"], liisa["Company Name"]) == (
        "Liisa", "Mäkelä", "liisa@example.org", "Sanoma WSOY")
    cards = list(vobject.readComponents((exported / "contacts.vcf").read_text(encoding="utf-8")))
    card = next(c for c in cards if c.uid.value == "urn:muistio:person:liisa-makela")
    assert card.version.value == "4.0"
    assert card.fn.value == "Liisa Mäkelä"
    assert card.org.value == ["Sanoma WSOY"]
    assert card.email.value == "liisa@example.org"
    assert card.tel.value == "+358 40 123 4567"


def test_calendar_has_open_dated_items_only(exported: Path) -> None:
    calendar = icalendar.Calendar.from_ical((exported / "followups.ics").read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert [(str(e["summary"]), e["dtstart"].dt) for e in events] == [
        ("Lähettää tarjouksen (Liisa Mäkelä)", datetime.date(2012, 6, 15))
    ]


def test_export_never_overwrites_unless_asked(tree: TreeWriter, tmp_path: Path, exported: Path) -> None:
    before = (exported / "contacts.csv").read_bytes()
    (exported / "contacts.csv").write_bytes(b"oma muokkaus")
    kb = check(tree({})).kb
    with pytest.raises(ExportRefused):
        export_all(kb, [], exported, datetime.date(2012, 6, 1))
    assert (exported / "contacts.csv").read_bytes() == b"oma muokkaus"
    export_all(kb, [], exported, datetime.date(2012, 6, 1), overwrite=True)
    assert (exported / "contacts.csv").read_bytes() != before
