"""The public build leaves out everything private; the internal build keeps all of it.

Both profiles are built from one fixture with known private strings, and every file of each
built site (pages, search index, sitemap, calendar) is scanned for them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtrees import TreeWriter
from muistio.pipeline import analyse
from muistio.settings import Settings
from sitebuild import broken_links, content, mkdocs_build, page, site_skeleton

PRIVATE = {
    "contact email": "petri.laitinen@example.org",
    "contact phone": "+358 40 111 2233",
    "internal company": "Salainen Konepaja",
    "internal company's contact": "Salla Salakari",
    "internal memo title": "Luottamuksellinen neuvottelu",
    "internal memo text": "ZQXJ-hinnoittelu",
    "internal memo follow-up": "Lähettää ZQXJ-tarjouksen",
    "internal contact's identifier": "salla-salakari",
}

FILES = {
    "companies/metropolia.md": """---
name: Metropolia
contacts:
  - name: Petri Laitinen
    email: petri.laitinen@example.org
    phone: "+358 40 111 2233"
---
""",
    "companies/salainen-konepaja.md": """---
name: Salainen Konepaja
visibility: internal
contacts:
  - name: Salla Salakari
---
""",
    "memos/2012/2012-05-16-julkinen.md": """---
title: Julkinen tapaaminen
date: 2012-05-16
attendees: [petri-laitinen]
companies: [metropolia]
---
Tavattiin Metropoliassa.

- [ ] @petri-laitinen Lähettää esitteen (due 2012-06-01)
- [ ] @salla-salakari Soittaa Metropoliaan (due 2012-06-03)
""",
    "memos/2012/2012-05-17-luottamuksellinen.md": """---
title: Luottamuksellinen neuvottelu
date: 2012-05-17
visibility: internal
attendees: [salla-salakari]
companies: [salainen-konepaja]
---
Käytiin läpi ZQXJ-hinnoittelu.

- [ ] @salla-salakari Lähettää ZQXJ-tarjouksen (due 2012-06-02)
""",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = site_skeleton(tmp_path_factory.mktemp("kb"))
    for relative, text in FILES.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    built = {}
    for profile, config in (("internal", "mkdocs.yml"), ("public", "mkdocs.public.yml")):
        site_dir = root / f"site-{profile}"
        result = mkdocs_build(root, site_dir, today="2012-05-20", config=config)
        assert result.returncode == 0, result.stderr
        built[profile] = site_dir
    return built


def _scan(site_dir: Path, needle: str) -> list[str]:
    return [str(path.relative_to(site_dir)) for path in site_dir.rglob("*")
            if path.is_file() and needle.encode() in path.read_bytes()]


@pytest.mark.parametrize("what", PRIVATE)
def test_public_site_has_no_private_string_anywhere(sites: dict[str, Path], what: str) -> None:
    assert _scan(sites["public"], PRIVATE[what]) == []


@pytest.mark.parametrize("what", PRIVATE)
def test_internal_site_has_every_private_string(sites: dict[str, Path], what: str) -> None:
    assert _scan(sites["internal"], PRIVATE[what])


@pytest.mark.parametrize("profile", ["internal", "public"])
def test_no_page_links_to_a_page_that_is_not_there(sites: dict[str, Path], profile: str) -> None:
    """In the public site too: no list on a company or person page leads to a left-out memo."""
    assert broken_links(sites[profile]) == []


def test_public_site_still_has_the_public_memo_and_contact(sites: dict[str, Path]) -> None:
    public = sites["public"]
    assert "Julkinen tapaaminen" in content(page(public, "memos/2012/2012-05-16-julkinen.md")).get_text()
    assert "Petri Laitinen" in content(page(public, "people/petri-laitinen.md")).get_text()
    assert "Lähettää esitteen" in (public / "followups.ics").read_text(encoding="utf-8")
    assert not (public / "memos" / "2012" / "2012-05-17-luottamuksellinen").exists()


def test_a_public_follow_up_of_an_internal_contact_is_shown_without_its_owner(sites: dict[str, Path]) -> None:
    """Salla, a contact of an internal organisation, owns a follow-up in a public memo. The public
    page showed a warning box calling her unknown (she is not: she is left out) and her
    identifier, which is her name. It shows the follow-up without an owner: no box, no name, and
    on the follow-ups page under "Vastuuhenkilö ei julkinen"; the internal page links her as before."""
    memo = "memos/2012/2012-05-16-julkinen.md"
    public = content(page(sites["public"], memo))
    [task] = [li for li in public.select("li") if "Soittaa Metropoliaan" in li.get_text()]
    assert task.get_text(" ", strip=True) == "Soittaa Metropoliaan (määräaika 3.6.2012)"
    assert task.select("input[type=checkbox]") or task.select(".task-list-indicator")
    assert public.select(".admonition") == []
    assert "salla" not in str(public).lower()
    assert "Soittaa Metropoliaan" in (sites["public"] / "followups.ics").read_text(encoding="utf-8")
    headings = [h.get_text().rstrip("¶").strip() for h in content(page(sites["public"], "followups.md")).select("h2")]
    assert "Vastuuhenkilö ei julkinen (1)" in headings  # someone took it on: not "Ei vastuuhenkilöä"
    internal = content(page(sites["internal"], memo))
    [task] = [li for li in internal.select("li") if "Soittaa Metropoliaan" in li.get_text()]
    [owner] = task.select("a")
    assert owner.get_text() == "@Salla Salakari" and owner["href"].endswith("people/salla-salakari/")
    assert internal.select(".admonition") == []


def test_an_internal_owner_is_no_problem_in_the_public_view_and_a_mistyped_one_still_is(tree: TreeWriter) -> None:
    """What `kb export --public` and the public build read: Salla exists, so her follow-up is no
    "unknown owner"; a slug nobody has is, in either view."""
    files = dict(FILES)
    files["memos/2012/2012-05-16-julkinen.md"] += "- [ ] @salla-salakarri Kirjoittaa\n"
    root = tree(files, base=False)
    for public in (False, True):
        problems = analyse(root, Settings(public=public)).problems
        assert [(p.line, p.code, p.params["slug"]) for p in problems] == [(11, "unknown_owner", "salla-salakarri")]
    [item] = [i for i in analyse(root, Settings(public=True)).context.items if i.text == "Soittaa Metropoliaan"]
    assert (item.owner, item.owner_hidden) == (None, True)


def test_a_wikilink_to_what_the_public_site_leaves_out_is_its_text_and_no_problem(tree: TreeWriter) -> None:
    """A public memo that links `[[Salla Salakari|Sallan]]` or `[[salainen-konepaja]]`: the public
    build called them unknown, a warning that puts the name in a box on the public page. The
    writer's words are shown as written, unlinked; an unknown name is still reported."""
    memo = "memos/2012/2012-05-16-julkinen.md"
    files = dict(FILES)
    files[memo] = files[memo].replace("Tavattiin Metropoliassa.",
                                      "Tavattiin [[Salla Salakari|Sallan]] ja [[salainen-konepaja]] kanssa, "
                                      "mukana [[Tuntematon Oy]].")
    root = tree(files, base=False)
    for public in (False, True):
        analysis = analyse(root, Settings(public=public))
        assert [(p.line, p.code) for p in analysis.problems if p.path == memo] == [(7, "unknown_wikilink")]
        body = analysis.context.linked.bodies[memo]
        mentions = [m.key for m in analysis.context.linked.mentions[memo] if "sala" in m.key]
        if public:
            assert "Tavattiin Sallan ja salainen-konepaja kanssa, mukana [[Tuntematon Oy]]." in body
            assert mentions == []
        else:
            assert "[Sallan](" in body and mentions == ["person:salla-salakari", "company:salainen-konepaja"]


def test_names_render_as_text_not_markup(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    (root / "companies").mkdir()
    (root / "companies" / "paha.md").write_text(
        '---\nname: "<script>alert(1)</script>"\nindustry: "<b>lihava</b>"\ncontacts:\n'
        '  - name: "Ö & Co \\"Quote\\""\n    role: "<img src=x onerror=alert(2)>"\n---\n', encoding="utf-8")
    (root / "memos" / "2012").mkdir(parents=True)
    (root / "memos" / "2012" / "2012-01-01-t.md").write_text(
        '---\ntitle: "<i>kursiivi</i> & muuta"\ndate: 2012-01-01\ncompanies: [paha]\ntags: ["<u>x</u>"]\n---\n'
        "Teksti.\n", encoding="utf-8")
    site_dir = tmp_path / "site"
    result = mkdocs_build(root, site_dir, strict=False)
    assert result.returncode == 0, result.stderr
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for markup in ("<script>alert", "<img src=x", "<i>kursiivi", "<b>lihava", "<u>x</u>"):
            assert markup not in html, f"{markup} unescaped in {path.relative_to(site_dir)}"
    company = page(site_dir, "companies/paha.md")
    assert company.select_one("h1").get_text() == "<script>alert(1)</script>"
    assert company.select_one("title").get_text().startswith("<script>alert(1)</script>")
    people = content(page(site_dir, "companies/paha.md")).get_text()
    assert 'Ö & Co "Quote"' in people and "<img src=x onerror=alert(2)>" in people
    memo = page(site_dir, "memos/2012/2012-01-01-t.md")
    assert memo.select_one("h1").get_text() == "<i>kursiivi</i> & muuta"
