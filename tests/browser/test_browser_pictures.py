"""What is drawn: the company directory, the relationship map, the meeting chart, the dark theme.

An SVG that is in the HTML can still show nothing (a script that failed, a zero-sized box, a bar
coloured like the background), so these tests measure what Chromium laid out and painted: counts
of circles and bars, their bounding boxes, and the contrast of the colours the CSS resolved to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from browsing import Reader, Screenshots, Site
    from playwright.sync_api import Page

FIXTURE_COMPANIES = ["Kone", "Metropolia", "OP-Pohjola", "Reititin", "Rondo", "Sanoma WSOY"]

# WCAG 2.1 AA: 3:1 for graphical objects such as bars and map nodes (1.4.11), 4.5:1 for text of
# normal size such as axis labels (1.4.3).
GRAPHIC_CONTRAST = 3.0
TEXT_CONTRAST = 4.5

COLOURS_JS = """(selectors) => {
    function background(el) {
        for (; el; el = el.parentElement) {
            const colour = getComputedStyle(el).backgroundColor;
            if (colour && colour !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(colour)) return colour;
        }
        return 'rgb(255, 255, 255)';
    }
    const out = {};
    for (const [name, [selector, property]] of Object.entries(selectors)) {
        const el = document.querySelector(selector);
        out[name] = el ? {colour: getComputedStyle(el)[property], background: background(el.parentElement)} : null;
    }
    return out;
}"""


def rgba(css: str) -> tuple[float, float, float, float]:
    """A computed CSS colour, `rgb(r, g, b)` or `rgba(r, g, b, a)`, as numbers."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    assert css.startswith("rgb") and len(numbers) in (3, 4), f"unexpected computed colour {css!r}"
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) == 4 else 1.0)


def luminance(colour: Sequence[float]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground_css: str, background_css: str) -> float:
    """WCAG contrast ratio, with a translucent foreground (Material's lighter text) blended first."""
    *back, _ = rgba(background_css)
    *fore, alpha = rgba(foreground_css)
    blended = tuple(alpha * f + (1 - alpha) * b for f, b in zip(fore, back, strict=True))
    lighter, darker = sorted((luminance(blended), luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colours(page: Page, selectors: dict[str, tuple[str, str]]) -> dict[str, Any]:
    found = page.evaluate(COLOURS_JS, selectors)
    missing = [name for name, value in found.items() if value is None]
    assert not missing, f"nothing on {page.url} matches {[selectors[m][0] for m in missing]}"
    return found


def assert_legible(page: Page, selectors: dict[str, tuple[str, str, float]]) -> None:
    """Each element's colour stands out from what is behind it by at least the given ratio."""
    found = colours(page, {name: (sel, prop) for name, (sel, prop, _) in selectors.items()})
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    for name, (_, _, minimum) in selectors.items():
        ratio = contrast(found[name]["colour"], found[name]["background"])
        assert ratio >= minimum, (
            f"{name} in the {scheme} scheme: {found[name]['colour']} on {found[name]['background']} "
            f"has contrast {ratio:.2f}, below {minimum}"
        )


def box(page: Page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not laid out on {page.url}"
    return found


# --- 5. the directory, the map, the chart -----------------------------------------------------


def test_directory_table_lists_every_company(reader: Reader, fixture_site: Site, screenshots: Screenshots) -> None:
    page = reader.visit(fixture_site, "companies/")
    assert page.locator("h1").first.inner_text() == "Organisaatiot"
    assert "6 organisaatiota." in page.locator("article").inner_text()
    table = page.locator("article table").first
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert headers == ["Nimi", "Toimiala", "Tila", "Vastuuhenkilö", "Viimeisin muistio", "Muistioita"]
    rows = {cells[0]: cells for cells in
            (row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all())}
    assert sorted(rows) == FIXTURE_COMPANIES
    assert rows["Metropolia"][1:] == ["Korkeakoulutus", "kumppani", "Maija Mallikas", "16.5.2012", "3"]
    assert rows["Kone"][2] == "lepäävä"
    for name in FIXTURE_COMPANIES:
        assert table.get_by_role("link", name=name, exact=True).is_visible()
    screenshots.take(page, "directory")


def test_directory_sorts_by_the_column_clicked(reader: Reader, fixture_site: Site) -> None:
    """A few hundred organisations are a click from "not met for longest" or "by stage": a
    heading sorts its column, A→Ö first and the other way on the next click; dates as dates
    (16.5.2012 after 5.3.2012), statuses by stage, and organisations never met (or without a
    status) last either way. Rows that tie keep their order."""
    page = reader.visit(fixture_site, "companies/")
    table = page.locator("article table").first

    def names() -> list[str]:
        return table.locator("tbody tr td:first-child").all_inner_texts()

    last_memo = table.get_by_role("button", name="Viimeisin muistio")
    last_memo.click()
    assert names() == ["Sanoma WSOY", "OP-Pohjola", "Metropolia", "Rondo", "Kone", "Reititin"]
    assert table.locator("th[aria-sort]").all_inner_texts() == ["Viimeisin muistio"]
    last_memo.click()
    assert names() == ["Metropolia", "Rondo", "OP-Pohjola", "Sanoma WSOY", "Kone", "Reititin"]
    assert table.locator("th[aria-sort=descending]").all_inner_texts() == ["Viimeisin muistio"]
    table.get_by_role("button", name="Tila").click()
    assert names() == ["Sanoma WSOY", "Rondo", "OP-Pohjola", "Metropolia", "Kone", "Reititin"]
    table.get_by_role("button", name="Muistioita").click()
    assert table.locator("tbody tr td:last-child").all_inner_texts() == ["0", "0", "1", "1", "1", "3"]


def test_relationship_map_draws_every_node_in_view(reader: Reader, fixture_site: Site,
                                                   screenshots: Screenshots) -> None:
    page = reader.visit(fixture_site, "map/")
    graph = map_data(page)
    svg = page.locator("#kb-map-svg")
    svg.locator("circle").first.wait_for()
    assert svg.locator("circle").count() == len(graph["nodes"]) == int(svg.get_attribute("data-nodes") or 0)
    assert svg.locator("line").count() == len(graph["edges"])
    frame = box(page, "#kb-map-svg")
    assert frame["width"] > 300 and frame["height"] > 200
    for circle in svg.locator("circle").all():
        dot = circle.bounding_box()
        assert dot is not None and dot["width"] > 0 and dot["height"] > 0
        assert frame["x"] <= dot["x"] and dot["x"] + dot["width"] <= frame["x"] + frame["width"] + 1
        assert frame["y"] <= dot["y"] and dot["y"] + dot["height"] <= frame["y"] + frame["height"] + 1
    labels = svg.locator("text.kb-map-label").all_text_contents()
    for name in FIXTURE_COMPANIES:
        assert name in labels
    assert "JavaScript" not in page.locator("article").inner_text()  # said under a drawn map, it read as a fault
    screenshots.take(page, "map")

    # Choosing one organisation redraws its neighbourhood only.
    page.locator("#kb-map-focus").select_option(label="Sanoma WSOY")
    page.wait_for_function("(all) => document.getElementById('kb-map-svg').dataset.nodes !== String(all)",
                           arg=len(graph["nodes"]))
    labels = svg.locator("text.kb-map-label").all_text_contents()
    assert "Sanoma WSOY" in labels and "Syystapaaminen Metropoliassa" in " ".join(labels)
    assert "Kone" not in labels and "OP-Pohjola" not in labels


LARGE_GRAPH = """() => {
    // 60 organisations, each with two people; 400 memos naming two organisations and a person:
    // more than the whole graph the map draws, as a few hundred memos are.
    const nodes = [], edges = [];
    for (let c = 0; c < 60; c++) {
        nodes.push({id: `company:c${c}`, label: `Organisaatio ${c}`, kind: "company", url: "#"});
        for (let p = 0; p < 2; p++) {
            nodes.push({id: `person:p${c}-${p}`, label: `Henkilö ${c}-${p}`, kind: "person", url: "#"});
            edges.push([`company:c${c}`, `person:p${c}-${p}`]);
        }
    }
    for (let m = 0; m < 400; m++) {
        nodes.push({id: `memo:${m}`, label: `Muistio ${m}`, kind: "memo", url: "#"});
        const a = (m * 7) % 60, b = (m * 13 + 5) % 60;
        edges.push([`memo:${m}`, `company:c${a}`], [`memo:${m}`, `company:c${b}`], [`memo:${m}`, `person:p${a}-0`]);
    }
    document.getElementById("kb-map-data").content.textContent = JSON.stringify({nodes, edges});
    document$.next(document);  // Material's page stream: the map draws itself again
}"""


def test_a_large_map_opens_on_an_overview_of_the_organisations_met_most(reader: Reader, fixture_site: Site) -> None:
    """Past a few hundred nodes the whole graph was a frame of piled-up labels around an empty
    middle (at 1,000 memos, 285 of the 300 nodes drawn sat on its edges). It opens on the forty
    organisations with the most memos, each joined to those it shares the most memos with."""
    errors: list[str] = []
    page = reader.visit(fixture_site, "map/")
    page.on("pageerror", lambda error: errors.append(str(error)))
    svg = page.locator("#kb-map-svg")
    svg.locator("circle").first.wait_for()
    page.evaluate(LARGE_GRAPH)
    page.wait_for_function("() => document.getElementById('kb-map-svg').dataset.nodes === '40'")
    assert page.locator("#kb-map-focus option").first.inner_text() == "Yleiskuva: 40 useimmin tavattua organisaatiota"
    assert all(label.startswith("Organisaatio ") for label in svg.locator("text.kb-map-label").all_text_contents())
    frame = box(page, "#kb-map-svg")
    centres = [b for b in (c.bounding_box() for c in svg.locator("circle").all()) if b]
    on_edge = [c for c in centres if min(c["x"] - frame["x"], frame["x"] + frame["width"] - c["x"] - c["width"],
                                         c["y"] - frame["y"], frame["y"] + frame["height"] - c["y"] - c["height"]) < 4]
    assert len(centres) == 40 and len(on_edge) <= 4, f"{len(on_edge)} of {len(centres)} nodes pressed to the edge"
    assert 0 < svg.locator("line").count() <= 40 * 2
    assert errors == []


def map_data(page: Page) -> dict[str, Any]:
    """The graph the map page carries, as its script reads it."""
    return json.loads(page.eval_on_selector("#kb-map-data", "t => t.content.textContent"))


def test_tables_sort_and_the_map_draws_on_pages_reached_by_instant_navigation(reader: Reader,
                                                                             instant_site: Site) -> None:
    """With Material's `navigation.instant`, a link swaps the content in without loading a page:
    no DOMContentLoaded, and Material re-runs every script in the new content without its type."""
    page = reader.visit(instant_site)
    page.evaluate("window.stillTheFirstPage = true")
    page.locator("a[href$='companies/']").first.click()
    page.wait_for_url("**/companies/")
    table = page.locator("article table[data-kb-sortable]").first
    table.get_by_role("button", name="Viimeisin muistio").click()
    assert table.locator("th[aria-sort]").all_inner_texts() == ["Viimeisin muistio"]

    page.locator("a[href$='map/']").first.click()
    page.wait_for_url("**/map/")
    svg = page.locator("#kb-map-svg")
    svg.locator("circle").first.wait_for()
    assert svg.locator("circle").count() == len(map_data(page)["nodes"])
    assert page.evaluate("window.stillTheFirstPage === true"), "the links loaded pages: instant navigation is off"


def test_company_page_chart_draws_a_bar_for_each_period_with_memos(reader: Reader, fixture_site: Site) -> None:
    page = reader.visit(fixture_site, "companies/metropolia/")
    chart = page.locator("article svg.kb-chart").first
    frame = chart.bounding_box()
    assert frame is not None and frame["width"] > 200 and frame["height"] > 30
    assert "3 muistiota" in (chart.get_attribute("aria-label") or "")
    total = 0
    for bar in chart.locator("rect.kb-bar").all():
        count = int((bar.locator("title").text_content() or "").rsplit(":", 1)[1])  # "<period>: <memos>"
        drawn = bar.bounding_box()
        assert drawn is not None
        assert (drawn["height"] > 1) == (count > 0), f"bar {bar.locator('title').text_content()} is {drawn}"
        total += count
    assert total == 3  # Metropolia's memos: 1.9.2011, 5.3.2012, 16.5.2012
    assert "2011" in chart.locator("text.kb-axis").all_text_contents()


def test_chart_labels_are_not_drawn_over_the_bars(reader: Reader, repo_site: Site) -> None:
    """Grey text on a blue bar is unreadable; with one quarter of history the bar fills the chart."""
    page = reader.visit(repo_site, "companies/sanoma-wsoy/")
    chart = page.locator("article svg.kb-chart").first
    bars = [b for b in (bar.bounding_box() for bar in chart.locator("rect.kb-bar").all())
            if b is not None and b["height"] > 1]
    assert bars
    for label in chart.locator("text.kb-axis").all():
        text = label.bounding_box()
        assert text is not None
        for bar in bars:
            overlap_x = min(text["x"] + text["width"], bar["x"] + bar["width"]) - max(text["x"], bar["x"])
            overlap_y = min(text["y"] + text["height"], bar["y"] + bar["height"]) - max(text["y"], bar["y"])
            assert overlap_x <= 0 or overlap_y <= 0, f"label {label.text_content()!r} is drawn over a bar"


# --- 6. light and dark --------------------------------------------------------------------------

CHART = {
    "chart bar": ("svg.kb-chart .kb-bar", "fill", GRAPHIC_CONTRAST),
    "chart axis label": ("svg.kb-chart .kb-axis", "fill", TEXT_CONTRAST),
}
MAP = {
    "map organisation": ("#kb-map-svg .kb-map-company", "fill", GRAPHIC_CONTRAST),
    "map person": ("#kb-map-svg .kb-map-person", "fill", GRAPHIC_CONTRAST),
    "map label": ("#kb-map-svg .kb-map-label", "fill", TEXT_CONTRAST),
}


def scheme(page: Page) -> str:
    return page.evaluate("() => document.body.dataset.mdColorScheme")


def test_dark_toggle_switches_scheme_and_charts_stay_legible(
    reader: Reader, repo_site: Site, screenshots: Screenshots
) -> None:
    page = reader.visit(repo_site, "companies/metropolia/")
    assert scheme(page) == "default"
    assert_legible(page, CHART)

    page.get_by_title("Tumma teema").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert_legible(page, CHART)
    screenshots.take(page, "company-metropolia-dark")

    # Material remembers the choice: the next page opens dark, and its map is legible too.
    page = reader.visit(repo_site, "map/")
    assert scheme(page) == "slate"
    page.locator("#kb-map-svg circle").first.wait_for()
    assert_legible(page, MAP)

    page.get_by_title("Vaalea teema").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert_legible(page, MAP)


@pytest.mark.parametrize(("css", "expected"), [("rgb(0, 0, 0)", 21.0), ("rgba(0, 0, 0, 0)", 1.0)])
def test_contrast_against_white(css: str, expected: float) -> None:
    """The contrast helper itself: black on white is 21:1, and a transparent colour is no colour."""
    assert contrast(css, "rgb(255, 255, 255)") == pytest.approx(expected, abs=0.01)
