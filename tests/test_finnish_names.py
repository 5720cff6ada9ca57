"""Names as Finnish memos write them link on the built site, and look-alikes stay text: a
surname in -i after a first name ("Jukka Lahden"), a name after "mm." or a colon, a name in
capitals with a colon ending ("YLE:n"), a name that ends in a digit or a domain with one ("St1:ltä",
"Verkkokauppa.com:lta", but no address), an adjective inflected with the rest of a name
("Teknilliseen korkeakouluun"), a contact whose name is also a word ("Ainoa"), and a first name
that starts someone else's full name ("Matti Vanhasen")."""

from __future__ import annotations

from pathlib import Path

from sitebuild import content, links_to, mkdocs_build, page, site_skeleton

LAHTI = """---
name: Lahden Energia
aliases: [Energia]
common_word: true
contacts:
  - name: Jukka Lahti
  - name: Aino Järvinen
    aliases: [Aino]
    common_word: true
  - name: Matti Virtanen
    aliases: [Matti]
---
"""
YLE = "---\nname: Yle\n---\n"
ST1 = "---\nname: St1\n---\n"
VERKKOKAUPPA = "---\nname: Verkkokauppa.com\n---\n"
TKK = "---\nname: Teknillinen korkeakoulu\n---\n"
MEMO = "memos/2024/2024-03-01-budjetti.md"
TEXT = """---
title: Budjettipalaveri
date: 2024-03-01
---
Jukka Lahden mukaan budjetti riittää. Ainoa avoin asia on hinta.

Osallistujat: Energia ja YLE:n toimittaja. Matti Vanhasen selvitykseen viitattiin.

Paikalla oli mm. Energia, ja Aino lupasi luvut.

Tarjoukset tulivat St1:ltä ja Verkkokauppa.com:lta, tilaukset osoitteessa www.verkkokauppa.com.
Laskut menevät Teknilliseen korkeakouluun.
"""


def test_finnish_forms_link_on_the_site_and_look_alikes_stay_text(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    files = {"companies/lahden-energia.md": LAHTI, "companies/yle.md": YLE, "companies/st1.md": ST1,
             "companies/verkkokauppa-com.md": VERKKOKAUPPA, "companies/tkk.md": TKK, MEMO: TEXT}
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(root, site, strict=True)
    assert result.returncode == 0, result.stderr

    memo = page(site, MEMO)
    here = MEMO.removesuffix(".md")
    linked = {a.get_text(): a["href"] for a in content(memo).select("a") if "../" in a.get("href", "")}
    assert links_to(memo, here, "people/jukka-lahti"), linked
    assert links_to(memo, here, "companies/lahden-energia"), linked
    assert links_to(memo, here, "companies/yle"), linked
    assert "Jukka Lahden" in linked and "YLE:n" in linked and "Energia" in linked
    assert "Aino" in linked and "Ainoa" not in linked
    assert linked["St1:ltä"].endswith("companies/st1/"), linked
    assert linked["Verkkokauppa.com:lta"].endswith("companies/verkkokauppa-com/"), linked
    assert not any("www." in text for text in linked), linked
    assert linked["Teknilliseen korkeakouluun"].endswith("companies/tkk/"), linked
    assert not links_to(memo, here, "people/matti-virtanen"), "Matti Vanhanen is someone else"

    aino = content(page(site, "people/aino-jarvinen.md")).get_text()
    assert "Aino lupasi luvut" in aino and "Ainoa avoin asia" not in aino
    assert "Budjettipalaveri" not in content(page(site, "people/matti-virtanen.md")).get_text()
    lahti = content(page(site, "people/jukka-lahti.md")).get_text()
    assert "Jukka Lahden mukaan budjetti riittää" in lahti
