"""Last contact and quiet relationships, derived from memos with a fixed "today"."""

from __future__ import annotations

import datetime

import pytest

from kbtrees import TreeWriter
from muistio.cli import main
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
        "its check digit, the one after the hyphen, does not match the seven digits before it. "
        "Copy it from the Finnish trade register (ytj.fi), e.g. 1234567-1."
    ]


@pytest.mark.parametrize(("value", "fi"), [
    ("1234567-8", "sen tarkistusnumero (viivan jälkeinen numero) ei vastaa viivaa edeltäviä seitsemää numeroa"),
    ("123456-1", "siinä pitää olla seitsemän numeroa, viiva ja yksi tarkistusnumero"),
    ("12345678-1", "siinä pitää olla seitsemän numeroa, viiva ja yksi tarkistusnumero"),
    ("1234S67-1", "siinä saa olla vain numeroita ja viiva ennen tarkistusnumeroa"),
])
def test_an_invalid_business_id_is_worded_in_finnish_on_a_finnish_site(
        tree: TreeWriter, capsys: pytest.CaptureFixture[str], value: str, fi: str) -> None:
    """python-stdnum says why in English only ("the number's checksum or check digit is
    invalid"); the writer of a Finnish site reads the reason in Finnish."""
    root = tree({"companies/yritys.md": f"---\nname: Yritys\nbusiness_id: '{value}'\n---\n",
                 "mkdocs.yml": "site_name: Testi\ntheme:\n  name: material\n  language: fi\n"})
    assert main(["--root", str(root), "check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (f"companies/yritys.md:3: business_id '{value}' ei ole kelvollinen Y-tunnus: {fi}. "
                            "Kopioi se YTJ:stä (ytj.fi), esim. 1234567-1.\n")
    assert captured.err == "ongelmia: 1, joista virheitä: 1.\n"
