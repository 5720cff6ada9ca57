"""The site built from the repository's content, read as its readers will: in the HTML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from muistio.pages import markup
from sitebuild import REPO, broken_links, content, links_to, mkdocs_build, page, search_entries, site_skeleton

SEED = "memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa.md"
SEED_DIR = "memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa"
COMPANIES = ["metropolia", "sanoma-wsoy", "op-pohjola", "aalto-yliopisto", "rondo", "reititin"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, site_dir, today="2012-06-20")
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.mark.parametrize("slug", COMPANIES)
def test_seed_memo_links_to_each_company_it_names(site: Path, slug: str) -> None:
    assert links_to(page(site, SEED), SEED_DIR, f"companies/{slug}")


@pytest.mark.parametrize("slug", COMPANIES)
def test_each_company_page_lists_the_seed_memo(site: Path, slug: str) -> None:
    memo_list = content(page(site, f"companies/{slug}.md")).select("h2#tapaamiset ~ ul")[0]
    assert [a.get_text() for a in memo_list.select("a")] == ["Tapaaminen projektipäällikkö Petri Laitisen kanssa"]
    assert links_to(page(site, f"companies/{slug}.md"), f"companies/{slug}", SEED_DIR)


def test_every_link_in_every_page_leads_to_a_page_that_exists(site: Path) -> None:
    assert broken_links(site) == []
    for html_file in site.rglob("*.html"):
        assert "muistio:island" not in html_file.read_text(encoding="utf-8"), html_file


def test_heading_anchors_are_named_in_finnish(site: Path) -> None:
    """The ¶ link of each heading: its tooltip, and its name to a screen reader, was "Permanent link"."""
    anchors = content(page(site, SEED)).select("a.headerlink")
    assert anchors and {a["title"] for a in anchors} == {"Pysyvä linkki"}


def test_the_tag_index_dates_each_memo(site: Path) -> None:
    """A tag listed the same memo title many times over ("Tapaaminen X:n kanssa") with nothing to
    tell them apart: each memo now has its date first, as on the timeline; organisations none."""
    items = content(page(site, "tags.md")).select("li")
    memos = [" ".join(li.get_text().split()) for li in items if li.a and "/memos/" in li.a["href"]]
    assert memos and set(memos) == {"16.5.2012 Tapaaminen projektipäällikkö Petri Laitisen kanssa"}
    companies = [" ".join(li.get_text().split()) for li in items if li.a and "/companies/" in li.a["href"]]
    assert "Sanoma WSOY" in companies


def test_a_tag_of_many_memos_lists_the_newest_and_folds_the_rest(tmp_path: Path) -> None:
    """Listing every memo of every tag made the tag index 68,000 px long at 1,000 memos: a tag
    lists its organisations, then its ten newest memos; the rest open from "Kaikki N muistiota"."""
    root = site_skeleton(tmp_path / "kb")
    (root / "companies").mkdir()
    (root / "companies/metropolia.md").write_text("---\nname: Metropolia\ntags: [kasvu]\n---\n", encoding="utf-8")
    (root / "memos/2012").mkdir(parents=True)
    for day in range(1, 13):
        (root / f"memos/2012/2012-03-{day:02d}-palaveri.md").write_text(
            f"---\ntitle: Palaveri {day}\ndate: 2012-03-{day:02d}\ncompanies: [metropolia]\ntags: [kasvu]\n---\n"
            "Keskusteltiin.\n", encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    index = content(page(tmp_path / "site", "tags.md"))
    listed = [" ".join(li.get_text().split()) for li in index.select("h2 + ul > li")]
    assert listed == ["Metropolia", *(f"{day}.3.2012 Palaveri {day}" for day in range(12, 2, -1))]
    more = index.select_one("details.kb-more")
    assert more is not None and more.summary is not None
    assert more.summary.get_text(strip=True) == "Kaikki 12 muistiota"
    folded = [" ".join(li.get_text().split()) for li in more.select("li")]
    assert folded == ["2.3.2012 Palaveri 2", "1.3.2012 Palaveri 1"]
    assert broken_links(tmp_path / "site") == []


def test_links_lead_to_pages_without_directory_urls_too(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    for folder in ("memos", "companies"):
        shutil.copytree(REPO / folder, root / folder)
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nuse_directory_urls: false\n")
    result = mkdocs_build(root, tmp_path / "site", today="2012-06-20")
    assert result.returncode == 0, result.stderr
    company = (tmp_path / "site" / "companies" / "metropolia.html").read_text(encoding="utf-8")
    assert f'href="../{SEED_DIR}.html"' in company
    assert broken_links(tmp_path / "site") == []


def test_the_edit_button_opens_the_file_the_page_came_from(tmp_path: Path) -> None:
    """With `repo_url` and Material's `content.action.edit`, a page's edit button opens the file
    to correct in the forge: a memo's own file, an organisation's file for its page and for the
    pages of its people and offerings (they are written there). MkDocs would have pointed under
    docs/, where none of them is; a page made from many files (the people) has no button."""
    root = site_skeleton(tmp_path / "kb")
    for folder in ("memos", "companies"):
        shutil.copytree(REPO / folder, root / folder)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("    - navigation.tabs\n", "    - content.action.edit\n    - navigation.tabs\n", 1)
    config += "\nrepo_url: https://github.com/metropolia/muistio\nedit_uri: edit/main/docs/\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site", today="2012-06-20")
    assert result.returncode == 0, result.stderr
    edit = "https://github.com/metropolia/muistio/edit/main/"

    def button(page_dir: str) -> str | None:
        soup = page(tmp_path / "site", f"{page_dir}/index.md")
        found = soup.select_one("a.md-content__button[href*='/edit/']")
        return found["href"] if found else None

    assert button(SEED_DIR) == f"{edit}{SEED}"
    assert button("companies/sanoma-wsoy") == f"{edit}companies/sanoma-wsoy.md"
    assert button("people/petri-laitinen") == f"{edit}companies/metropolia.md"
    assert button("offerings/proksi") == f"{edit}companies/reititin.md"
    assert button("kirjoitusohje") == f"{edit}docs/kirjoitusohje.md"
    assert button("people") is None


def test_an_organisations_own_text_links_the_names_in_it(site: Path) -> None:
    """Sanoma WSOY's page says "Petri Laitisella on yhteys Sanoma WSOY:hyn": the person links to
    his page, as in a memo; the organisation's own name does not link to the page it is on."""
    paragraph = next(p for p in content(page(site, "companies/sanoma-wsoy.md")).select("p")
                     if p.get_text().startswith("Kustantamo."))
    assert [(a.get_text(), a["href"]) for a in paragraph.select("a")] == [
        ("Petri Laitisella", "../../people/petri-laitinen/")
    ]
    assert paragraph.get_text() == "Kustantamo. Vuoden 2012 muistion mukaan Petri Laitisella on yhteys Sanoma WSOY:hyn."


def _memo(title: str, date: str, attendees: str, extra: str = "", body: str = "Teksti.\n") -> str:
    front = f"title: {title}\ndate: {date}\n{extra}attendees: [{attendees}]\ncompanies: [metropolia]\n"
    return f"---\n{front}---\n{body}"


def test_who_met_whom_most_often_first_on_organisation_and_person_pages(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    files = {
        "companies/metropolia.md": "---\nname: Metropolia\ncontacts:\n  - name: Petri Laitinen\n"
                                   "  - name: Anna Ahola\n---\n",
        "companies/reititin.md": "---\nname: Reititin\nour_unit: true\ncontacts:\n  - name: Maija Mallikas\n---\n",
        "memos/2011/2011-09-01-syksy.md": _memo("Syksy", "2011-09-01", "petri-laitinen, maija-mallikas"),
        "memos/2012/2012-02-01-talvi.md": _memo("Talvi", "2012-02-01", "maija-mallikas, anna-ahola"),
        "memos/2012/2012-05-16-kevat.md": _memo("Kevät", "2012-05-16", "maija-mallikas, petri-laitinen",
                                                 "authors: [anna-ahola]\n",
                                                 "- [ ] @maija-mallikas Maija Mallikas soittaa Metropoliaan\n"),
    }
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site", today="2012-06-20")
    assert result.returncode == 0, result.stderr
    article = content(page(tmp_path / "site", "companies/metropolia.md"))
    heading = article.find("h2", id="muistioiden-osallistujat")
    assert heading is not None
    assert [li.get_text() for li in heading.find_next_sibling("ul").select("li")] == [
        "Maija Mallikas (Reititin): 3 muistiota, viimeksi 16.5.2012",
        "Petri Laitinen: 2 muistiota, viimeksi 16.5.2012",
        "Anna Ahola: 1 muistio, viimeksi 1.2.2012",
    ]
    # And a colleague's page, whom they have met; a contact's own organisation is not listed.
    maija = content(page(tmp_path / "site", "people/maija-mallikas.md"))
    heading = maija.find("h2", id="tapaamisten-organisaatiot")
    assert heading is not None
    assert [li.get_text() for li in heading.find_next_sibling("ul").select("li")] == [
        "Metropolia: 3 muistiota, viimeksi 16.5.2012"
    ]
    assert content(page(tmp_path / "site", "people/petri-laitinen.md")).find(id="tapaamisten-organisaatiot") is None
    # A follow-up's names link in its table, except the name of the page the table is on.
    task = "Maija Mallikas soittaa Metropoliaan"
    for uri, linked in (("people/maija-mallikas.md", ["Metropoliaan"]), ("companies/metropolia.md", ["Maija Mallikas"]),
                        ("followups.md", ["Maija Mallikas", "Metropoliaan"])):
        cell = next(td for td in content(page(tmp_path / "site", uri)).select("td") if td.get_text() == task)
        assert [a.get_text() for a in cell.select("a")] == linked, uri


def test_person_page_lists_the_memo_they_attended(site: Path) -> None:
    soup = page(site, "people/petri-laitinen.md")
    assert soup.select_one("h1").get_text() == "Petri Laitinen"
    assert "projektipäällikkö" in content(soup).get_text()
    assert links_to(soup, "people/petri-laitinen", SEED_DIR)
    assert links_to(soup, "people/petri-laitinen", "companies/metropolia") == ["Metropolia"]


def test_seed_memo_keeps_the_text_and_drops_the_confluence_chrome(site: Path) -> None:
    text = content(page(site, SEED)).get_text(" ")
    assert "Sanoma wsoy voisi olla hyvä kontakti." in " ".join(text.split())
    for chrome in ("No labels", "You must log in to comment", "Error CSS Stylesheet macro"):
        assert chrome not in text


def test_timeline_groups_memos_by_year(site: Path) -> None:
    soup = page(site, "memos/index.md")
    assert [h.get_text().strip("¶") for h in content(soup).select("h2")] == ["2012"]
    assert links_to(soup, "memos", SEED_DIR)


def test_directory_is_a_table_of_every_company(site: Path) -> None:
    table = content(page(site, "companies/index.md")).select_one("table")
    headers = [th.get_text() for th in table.select("th")]
    assert headers == ["Nimi", "Toimiala", "Tila", "Vastuuhenkilö", "Viimeisin muistio", "Muistioita"]
    rows = {tr.select("td")[0].get_text(): [td.get_text() for td in tr.select("td")]
            for tr in table.select("tbody tr")}
    assert set(rows) == {"Metropolia", "Sanoma WSOY", "OP-Pohjola", "Aalto-yliopisto", "Rondo", "Reititin"}
    assert rows["Sanoma WSOY"] == ["Sanoma WSOY", "Kustannustoiminta", "liidi", "–", "16.5.2012", "1"]
    # A reader sorts it by clicking a heading (tested in Chromium): dates by their ISO form, not
    # by the day written first, and statuses by stage, not alphabetically.
    assert table.has_attr("data-kb-sortable")
    sanoma = table.select_one("tbody tr:has(a[href$='sanoma-wsoy/'])")
    assert [td.get("data-sort") for td in sanoma.select("td")] == [None, None, "0", None, "2012-05-16", None]
    people = content(page(site, "people/index.md")).select_one("table")
    assert people.has_attr("data-kb-sortable")
    assert [th.get_text() for th in people.select("th")] == [
        "Nimi", "Organisaatio", "Tehtävä", "Viimeisin muistio", "Muistioita"]
    petri = people.select_one("tbody tr:has(a[href$='petri-laitinen/'])")
    assert [td.get_text() for td in petri.select("td")] == [
        "Petri Laitinen", "Metropolia", "projektipäällikkö", "16.5.2012", "1"]
    assert [td.get("data-sort") for td in petri.select("td")] == ["Laitinen Petri", None, None, "2012-05-16", None]


def test_former_name_shown_on_company_page(site: Path) -> None:
    text = content(page(site, "companies/aalto-yliopisto.md")).get_text(" ")
    assert "TKK (Teknillinen korkeakoulu, vuoteen 2010)" in text


def test_tag_index_lists_the_memo(site: Path) -> None:
    soup = page(site, "tags.md")
    assert "kontaktointi" in content(soup).get_text()
    assert links_to(soup, "tags", SEED_DIR)


def test_site_is_finnish_and_loads_nothing_from_outside(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fi"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_a_dead_link_lands_on_a_finnish_page(site: Path) -> None:
    """Material's own 404 page says "404 - Not found". A reader following an old link to a
    renamed memo gets a Finnish page that says how to find it, and a way home; it is no search
    result."""
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "fi"
    assert soup.select_one("article h1").get_text() == "Sivua ei löytynyt"
    assert "Not found" not in soup.get_text()
    assert soup.select_one("article a")["href"] == "/."  # MkDocs writes 404.html for any depth
    assert soup.select_one("[data-pagefind-body]") is None


def test_broken_memo_fails_strict_build_with_file_and_line(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    (root / "companies").mkdir()
    (root / "companies" / "metropolia.md").write_text("---\nname: Metropolia\n---\n", encoding="utf-8")
    (root / "memos" / "2012").mkdir(parents=True)
    (root / "memos" / "2012" / "2012-05-16-rikki.md").write_text(
        "---\ntitle: Rikki\ndate: 2012-05-16\ncompnies: [metropolia]\n---\nTeksti.\n", encoding="utf-8"
    )
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "memos/2012/2012-05-16-rikki.md:4: tuntematon avain 'compnies'. Tarkoititko 'companies'?" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_broken_memo_still_gets_a_page_without_strict(tmp_path: Path) -> None:
    root = site_skeleton(tmp_path / "kb")
    (root / "memos" / "2012").mkdir(parents=True)
    (root / "memos" / "2012" / "2012-05-16-rikki.md").write_text(
        "---\ntitle: Rikki\ndate: 2012-02-30\n---\nTärkeä teksti.\n", encoding="utf-8"
    )
    result = mkdocs_build(root, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    text = content(page(tmp_path / "site", "memos/2012/2012-05-16-rikki.md")).get_text()
    assert "Tärkeä teksti." in text
    assert "päivämäärää 2012-02-30 (date) ei ole kalenterissa" in text


MENTIONS = [
    ("Petri Laitisen", "people/petri-laitinen"),
    ("Metropoliassa", "companies/metropolia"),
    ("Sanoma wsoy", "companies/sanoma-wsoy"),
    ("OP-pohjola", "companies/op-pohjola"),
    ("TKK:n", "companies/aalto-yliopisto"),
    ("Rondossa", "companies/rondo"),
    ("PROksi", "offerings/proksi"),
    ("Reititin", "companies/reititin"),
]


@pytest.mark.parametrize(("words", "target"), MENTIONS)
def test_seed_memo_text_links_inflected_mentions(site: Path, words: str, target: str) -> None:
    body_links = [a for a in content(page(site, SEED)).select("p a[href]")]
    texts = {a.get_text() for a in body_links}
    assert words in texts
    assert words in links_to(page(site, SEED), SEED_DIR, target)


def test_company_page_shows_the_sentence_with_the_mention_marked(site: Path) -> None:
    article = content(page(site, "companies/sanoma-wsoy.md"))
    sentence = article.select_one(".kb-sentence")
    assert sentence.get_text() == "Sanoma wsoy voisi olla hyvä kontakti."
    assert sentence.select_one("mark").get_text() == "Sanoma wsoy"


def test_memo_lists_canonical_names_for_search(site: Path) -> None:
    mentioned = content(page(site, SEED)).select_one(".kb-mentioned").get_text()
    for name in ("Petri Laitinen", "Metropolia", "Sanoma WSOY", "OP-Pohjola", "Aalto-yliopisto", "PROksi"):
        assert name in mentioned


def test_search_index_has_base_forms(site: Path) -> None:
    """Search runs on Pagefind (muistio.search_index), which indexes what the page marks with
    data-pagefind-body, in Finnish: the memo's indexed text must hold the base form. That a query
    finds it is tested in the browser (tests/browser/test_browser_reading.py)."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["fi"]["page_count"] > 0
    indexed = page(site, f"{SEED_DIR}.md").select_one("[data-pagefind-body]")
    assert indexed is not None and "Petri Laitinen" in indexed.get_text(" ")
    material = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []  # not downloaded whole by every reader any more


def test_search_results_read_as_the_pages_do(site: Path) -> None:
    """A result shows the page's title, section names and text as Pagefind kept them: without the
    ¶ each heading carries for its permalink, and with a table's column names as separate words
    (written as `<th>A</th><th>B</th>`, they were the one word "AB")."""
    entries = search_entries(site)
    guide = entries["/kirjoitusohje/"]
    assert guide["meta"]["title"] == "Kirjoitusohje"
    assert "Muistio" in [anchor["text"] for anchor in guide["anchors"]]
    names = [(url, name) for url, entry in entries.items()
             for name in (entry["meta"]["title"], *(anchor["text"] for anchor in entry["anchors"]))]
    assert [(url, name) for url, name in names if name.endswith("¶")] == []
    assert "¶" not in entries[f"/{SEED_DIR}/"]["content"]  # its sections' headings
    person = entries["/people/petri-laitinen/"]["content"]
    assert "Määräaika Toimenpide Muistio" in person


def test_pages_of_names_go_to_search_with_every_name(site: Path) -> None:
    """The search worker lists the page of a name typed first (tested in Chromium): it asks
    Pagefind for the pages marked `sivu: nimi` and matches what was typed with their names, an
    organisation's other and former names included. Memos and listings are not marked."""
    entries = search_entries(site)
    aalto = entries["/companies/aalto-yliopisto/"]
    assert aalto["filters"] == {"sivu": ["nimi"]}
    assert aalto["meta"]["nimet"] == "Aalto-yliopisto | TKK | Teknillinen korkeakoulu"
    assert entries["/companies/metropolia/"]["meta"]["nimet"] == "Metropolia | Metropolia Ammattikorkeakoulu"
    assert entries["/people/petri-laitinen/"]["meta"]["nimet"] == "Petri Laitinen"
    assert entries["/offerings/proksi/"]["filters"] == {"sivu": ["nimi"]}
    assert [url for url, entry in entries.items() if entry["filters"] and not url.startswith(
        ("/companies/", "/people/", "/offerings/"))] == []
    assert entries["/companies/"]["filters"] == {}


HEADING_WEIGHTS = {"h1": 7.0, "h2": 6.0, "h3": 5.0, "h4": 4.0, "h5": 3.0, "h6": 2.0}
"""The weights Pagefind gives a heading's words unless an element around it sets its own."""


def search_weight(element: Tag) -> float:
    """How much Pagefind weighs the words of `element`: the `data-pagefind-weight` of the nearest
    element around it that has one (a heading within takes it too), else a heading's own, else 1."""
    weights = [float(e["data-pagefind-weight"]) for e in [element, *element.parents]
               if isinstance(e, Tag) and e.has_attr("data-pagefind-weight")]
    if weights:
        return weights[0]
    headings = [HEADING_WEIGHTS[e.name] for e in [element, *element.parents] if e.name in HEADING_WEIGHTS]
    return headings[0] if headings else 1.0


def weights_of(soup: BeautifulSoup, text: str) -> list[float]:
    """The search weight of each place `text` stands in the page's indexed body."""
    body = soup.select_one("[data-pagefind-body]")
    assert body is not None
    return [search_weight(found.parent) for found in body.find_all(string=lambda s: s is not None and text in s)]


def test_listings_weigh_less_in_search_than_the_pages_they_list(site: Path) -> None:
    """Searching "Laitinen" listed the seed memo, the meeting he was at, 9th: after six
    organisations' pages that name him only in their tables of follow-ups and lists of who came,
    short pages where his name stood densest. What a page lists of other pages (follow-ups, memos
    with their sentences, attendees; the follow-ups page, the home page, the timeline, the
    directories and the tag index whole) weighs less in the index than the pages it comes from;
    it is still indexed, and found (both tested in Chromium, tests/browser)."""
    listed = markup.LISTING_WEIGHT
    assert 0 < listed < 1
    memo = page(site, SEED)
    attended, *named = weights_of(memo, "Petri Laitinen")
    assert attended == markup.ATTENDED_WEIGHT > 1  # he was at the meeting: "Osallistujat" weighs more
    assert named and set(named) == {1.0}
    assert set(weights_of(memo, "Tarkastelee")) == {1.0}  # the memo's own follow-up
    person = page(site, "people/petri-laitinen.md")
    assert weights_of(person, "Petri Laitinen") == [HEADING_WEIGHTS["h1"]]
    for slug in COMPANIES:
        company = page(site, f"companies/{slug}.md")
        assert weights_of(company, "Tarkastelee") == [listed], slug  # the table of follow-ups
        assert set(weights_of(company, "Tapaaminen projektipäällikkö Petri Laitisen kanssa")) == {listed}, slug
        assert weights_of(company, "Petri Laitinen")[-2:] == [listed, listed], slug  # follow-up, attendee
    assert weights_of(page(site, "companies/metropolia.md"), "Petri Laitinen")[0] == 1.0  # its contact
    assert weights_of(page(site, "companies/metropolia.md"), "Metropolia")[0] == HEADING_WEIGHTS["h1"]
    followups = page(site, "followups.md")
    assert weights_of(followups, "Petri Laitinen (1)") == [listed]  # a heading, weighed as the list
    assert weights_of(followups, "Seuranta") == [HEADING_WEIGHTS["h1"]]  # its title is its own
    listings = {"index.md": "Petri Laitisen", "memos/index.md": "Petri Laitisen", "companies/index.md": "Sanoma WSOY",
                "people/index.md": "Petri Laitinen", "tags.md": "Petri Laitisen"}
    for uri, text in listings.items():
        assert set(weights_of(page(site, uri), text)) == {listed}, uri


def test_the_page_of_every_result_is_no_result_itself(site: Path) -> None:
    """haku.html lists every result of a query with Pagefind's own result list (tested in
    Chromium): it loads that list from the index's folder, and is not in the index itself."""
    haku = BeautifulSoup((site / "haku.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [script["src"].removeprefix("./") for script in haku.select("script[src]")]
    for path in ("pagefind/pagefind-ui.js", "assets/javascripts/muistio-haku.js"):
        assert path in scripts and (site / path).is_file(), scripts
    assert haku.select_one("[data-pagefind-body]") is None
    assert [url for url in search_entries(site) if "haku" in url] == []


def test_dashboard_shows_recent_memo_open_followup_and_quiet_relationships(site: Path) -> None:
    soup = page(site, "index.md")
    assert links_to(soup, "", SEED_DIR)
    text = content(soup).get_text(" ")
    assert "Tarkastelee PROksia ja koulutuspakettia seuraavaa tapaamista varten." in content(soup).get_text()
    assert "Tilanne 20.6.2012" in text
    assert "Hiljaiset suhteet" in text


def test_followups_page_groups_by_owner_and_links_the_memo(site: Path) -> None:
    soup = page(site, "followups.md")
    article = content(soup)
    assert [h.get_text().strip("¶") for h in article.select("h2")] == ["Petri Laitinen (1)"]
    assert links_to(soup, "followups", SEED_DIR)
    assert (site / "followups.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_names_in_a_follow_up_lead_to_their_pages_in_the_tables_too(site: Path) -> None:
    """"Tarkastelee PROksia": in the memo, PROksi's first mention is paragraphs earlier; in the
    tables of follow-ups the task stands alone, so its names are linked there."""
    task = "Tarkastelee PROksia ja koulutuspakettia seuraavaa tapaamista varten."
    for uri in ("followups.md", "companies/metropolia.md", "index.md", "people/petri-laitinen.md"):
        cell = next(td for td in content(page(site, uri)).select("td") if td.get_text() == task)
        assert [a.get_text() for a in cell.select("a")] == ["PROksia"], uri
    assert links_to(page(site, "followups.md"), "followups", "offerings/proksi") == ["PROksia"]


def test_company_page_has_a_meeting_chart(site: Path) -> None:
    chart = content(page(site, "companies/metropolia.md")).select_one("svg.kb-chart")
    assert chart is not None
    assert [r for r in chart.select("rect.kb-bar") if float(r["height"]) > 0]


def test_relationship_map_embeds_the_graph(site: Path) -> None:
    data = json.loads(content(page(site, "map.md")).select_one("#kb-map-data").string)
    kinds = {node["kind"] for node in data["nodes"]}
    assert kinds == {"company", "person", "memo"}
    assert ["company:metropolia", "person:petri-laitinen"] in data["edges"]
