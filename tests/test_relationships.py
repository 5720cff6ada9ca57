"""Last contact and quiet relationships, derived from memos with a fixed "today"."""

from __future__ import annotations

import datetime

from kbtrees import TreeWriter
from muistio.pipeline import check
from muistio.relationships import by_status, quiet, relationship


def company(name: str, status: str | None) -> str:
    return f"---\nname: {name}\n" + (f"status: {status}\n" if status else "") + "---\n"


def memo(date: str, slug: str) -> str:
    return f"---\ntitle: T\ndate: {date}\ncompanies: [{slug}]\n---\nTeksti.\n"


def test_quiet_list_excludes_dormant_untracked_and_recently_met(tree: TreeWriter) -> None:
    root = tree({
        "companies/vanha.md": company("Vanha", "active"),
        "companies/tuore.md": company("Tuore", "partner"),
        "companies/nukkuva.md": company("Nukkuva", "dormant"),
        "companies/ei-tilaa.md": company("Ei Tilaa", None),
        "companies/uusi.md": company("Uusi", "lead"),
        "memos/2012/2012-01-10-a.md": memo("2012-01-10", "vanha"),
        "memos/2012/2012-05-01-b.md": memo("2012-05-01", "tuore"),
        "memos/2011/2011-01-01-c.md": memo("2011-01-01", "nukkuva"),
        "memos/2011/2011-01-02-d.md": memo("2011-01-02", "ei-tilaa"),
    })
    kb = check(root).kb
    today = datetime.date(2012, 8, 1)
    silent = quiet(kb, today, quiet_days=180)
    assert [(r.company.slug, r.days_since) for r in silent] == [("uusi", None), ("vanha", 204)]
    assert relationship(kb, kb.companies["tuore"], today).days_since == 92
    assert quiet(kb, today, quiet_days=300) == [r for r in silent if r.company.slug == "uusi"]
    assert {status: [c.slug for c in cs] for status, cs in by_status(kb).items()} == {
        "lead": ["uusi"], "contacted": [], "active": ["vanha"], "partner": ["tuore"], "dormant": ["nukkuva"]}


def test_invalid_business_id_is_a_problem(tree: TreeWriter) -> None:
    root = tree({"companies/yritys.md": "---\nname: Yritys\nbusiness_id: 1234567-8\n---\n",
                 "companies/oikea.md": "---\nname: Oikea\nbusiness_id: 0112038-9\n---\n"})
    assert [p.render() for p in check(root).problems] == [
        "companies/yritys.md:3: business_id '1234567-8' is not a valid Finnish business ID (Y-tunnus): "
        "the number's checksum or check digit is invalid. Copy it from the Finnish trade register (ytj.fi), "
        "e.g. 1234567-1."
    ]
