"""Reading the site in Chromium: the dashboard, search, following links, the follow-ups, a phone.

Each test does what a colleague would do (open the home page, type in the search box, click a
name in a memo) and asserts what appears on the screen, not what the generator wrote into files:
the search tests in particular go through Material's search box and result list only, so they
hold whatever index the site ships behind them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from browsing import Reader, Screenshots, Site
    from playwright.sync_api import Page, Route

SEED_TITLE = "Tapaaminen projektipäällikkö Petri Laitisen kanssa"
SEED_PATH = "/memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa/"
SANOMA_PATH = "/companies/sanoma-wsoy/"
PERSON_PATH = "/people/petri-laitinen/"


def article_text(page: Page) -> str:
    """The visible text of the page's article, whitespace collapsed."""
    return " ".join(page.locator("article").first.inner_text().split())


def section_text(page: Page, heading: str) -> str:
    """The visible text from the h2 `heading` up to the next h2 of the article."""
    text = page.evaluate(
        """(heading) => {
            const h2 = [...document.querySelectorAll('article h2')]
                .find(h => h.textContent.replace('¶', '').trim() === heading);
            if (!h2) return null;
            const parts = [];
            for (let el = h2.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
                parts.push(el.innerText);
            }
            return parts.join(' ');
        }""",
        heading,
    )
    assert text is not None, f"no section '{heading}' on {page.url}"
    return " ".join(text.split())


def search(page: Page, query: str, expected: list[str]) -> list[str]:
    """Type `query` into the search box as a reader does, and return the pages in the result list
    once they are the answer to `query`; see `listed`."""
    page.keyboard.press("/")  # Material's keyboard shortcut for the search box
    box = page.locator("input.md-search__input")
    assert box.evaluate("el => el === document.activeElement"), "'/' did not focus the search box"
    page.keyboard.type(query, delay=15)
    return listed(page, query, expected)


SHOWN = """() => [...new Set([...document.querySelectorAll('.md-search-result__item a.md-search-result__link')]
    .filter(a => a.offsetParent !== null).map(a => new URL(a.href).pathname))]"""
"""The pages the result list shows (not folded away), in its order, read in one go."""


def listed(page: Page, query: str, expected: list[str]) -> list[str]:
    """The pages in the result list once it is the search worker's answer to the text in the search
    box (`query`) and leads to every path in `expected`, or as it is after the time-out, so that a
    failure shows what was found. Results lower in the list are rendered as the list scrolls, so
    the list is scrolled too.

    Each key pressed is a query, and the answer to the first one can list the pages expected of the
    whole word ("L" lists the memo "Laitinen" finds): taken for the answer, it was read as Material
    replaced it, and the links read, no longer on the page, were none ("lists []"). So the list is
    taken once the last answer is to the text typed (`browsing.ANSWERED`), and read as it is checked.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        answer = page.wait_for_function(
            f"""(expected) => {{
                const output = document.querySelector('.md-search__scrollwrap');
                if (output) output.scrollTop = output.scrollHeight;
                const shown = ({SHOWN})();
                const typed = document.querySelector('input.md-search__input').value;
                return window.__muistioAnswered === typed && expected.every(path => shown.includes(path)) && shown;
            }}""",
            arg=expected,
            timeout=20_000,  # a loaded machine (CI, with the suite around it) is slow to search
        )
        return answer.json_value()
    except PlaywrightTimeout:  # what the box shows then, for the failure's message
        state = page.evaluate("""() => ({
            typed: document.querySelector('input.md-search__input')?.value,
            answered: window.__muistioAnswered,
            meta: document.querySelector('.md-search-result__meta')?.innerText,
            links: [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')]
                .map(a => [new URL(a.href).pathname, a.offsetParent !== null]),
        })""")
        print(f"search for {query!r} timed out; the box: {state}")
    return page.evaluate(SHOWN)


# --- 1. the dashboard -------------------------------------------------------------------------


def test_home_dashboard_shows_the_recent_memo_and_the_open_followup(
    reader: Reader, repo_site: Site, screenshots: Screenshots
) -> None:
    page = reader.visit(repo_site)
    assert page.locator("h1").first.inner_text() == "Etusivu"
    assert "Tilanne 20.6.2012." in article_text(page)
    recent = section_text(page, "Viimeisimmät muistiot")
    assert f"16.5.2012 {SEED_TITLE}" in recent
    open_items = section_text(page, "Tulevat toimenpiteet")
    assert "Tarkastelee PROksia ja koulutuspakettia seuraavaa tapaamista varten." in open_items
    assert "Petri Laitinen" in open_items
    assert section_text(page, "Myöhässä olevat toimenpiteet") == "Ei myöhässä olevia."
    screenshots.take(page, "home")

    page.locator("article").get_by_role("link", name=SEED_TITLE).first.click()
    page.wait_for_url(f"**{SEED_PATH}")
    assert page.locator("h1").first.inner_text() == SEED_TITLE


def test_home_dashboard_shows_an_overdue_followup(reader: Reader, fixture_site: Site) -> None:
    page = reader.visit(fixture_site)
    counts = " ".join(page.locator(".kb-counts").inner_text().split())
    assert "2 avointa toimenpidettä" in counts and "1 myöhässä" in counts
    overdue = section_text(page, "Myöhässä olevat toimenpiteet")
    assert "myöhässä 1.6.2012 Lähettää tarjouksen OP-Pohjolalle. Maija Mallikas" in overdue
    assert "Kirjoittaa lehdykän tekstin." not in overdue  # due 1.9.2012: open, not overdue
    assert "Kirjoittaa lehdykän tekstin." in section_text(page, "Tulevat toimenpiteet")


# --- 2. search --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The memo says "Laitisen"; the canonical name under "Mainitaan tässä muistiossa" is found.
        ("Laitinen", [SEED_PATH]),
        ("Sanoma", [SANOMA_PATH, SEED_PATH]),
        # An inflected form, as a Finnish reader types it.
        ("metropoliassa", [SEED_PATH]),
        # An abbreviation's ending after a colon: Pagefind's stemmer keeps "wsoy:n" whole, and
        # only the writing guide, which has that very form, was found.
        ("Sanoma WSOY:n", [SANOMA_PATH, SEED_PATH]),
    ],
)
def test_search_box_finds(reader: Reader, repo_site: Site, query: str, expected: list[str]) -> None:
    page = reader.visit(repo_site)
    found = search(page, query, expected)
    for path in expected:
        assert path in found, f"searching {query!r} lists {found}, not {path}"


def test_search_result_opens_the_memo(reader: Reader, repo_site: Site) -> None:
    page = reader.visit(repo_site)
    assert SEED_PATH in search(page, "Laitinen", [SEED_PATH])
    link = page.locator(".md-search-result__item a.md-search-result__link").filter(
        has=page.locator("h1", has_text=SEED_TITLE)
    ).first
    link.click()
    page.wait_for_url(f"**{SEED_PATH}**")
    assert page.locator("h1").first.inner_text() == SEED_TITLE


def test_search_result_titles_read_as_the_pages_do(reader: Reader, repo_site: Site) -> None:
    """The result list shows the guide's title as its page does: "Kirjoitusohje", not with the ¶
    its heading carries for the permalink."""
    page = reader.visit(repo_site)
    assert "/kirjoitusohje/" in search(page, "kirjoitusohje", ["/kirjoitusohje/"])
    titles = page.locator(".md-search-result__item a.md-search-result__link h1").all_inner_texts()
    assert "Kirjoitusohje" in titles, titles
    assert not [title for title in titles if "¶" in title]


def test_a_memo_result_is_titled_with_its_date(reader: Reader, repo_site: Site) -> None:
    """A dozen memos are all "Tapaaminen Kide Data:n kanssa": the results list each with its date
    first, as the timeline does, in the search box and on the page of every result."""
    page = reader.visit(repo_site)
    search(page, "Laitisen", [SEED_PATH])
    titles = page.locator(".md-search-result__item a.md-search-result__link :is(h1, h2)").all_inner_texts()
    assert f"16.5.2012 {SEED_TITLE}" in titles, titles
    page = reader.visit(repo_site, "haku.html?hae=Laitisen")
    links = page.locator(f'.pagefind-ui__result-title a[href*="{SEED_PATH}"]')
    links.first.wait_for(state="visible")  # each result is titled when its data has come
    assert links.first.inner_text() == f"16.5.2012 {SEED_TITLE}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tampereen teknologialle", "/companies/tampereen-teknologia/"),  # inflected; Pagefind alone ranks it 9th
        ("Aurora Teknologia", "/companies/aurora-teknologia/"),  # Revontuli Group's former name
        ("aurora te", "/companies/aurora-teknologia/"),  # its other name, Aurora TEK, half typed
    ],
)
def test_typing_a_name_lists_its_page_first(reader: Reader, many_memos_site: Site, query: str,
                                            expected: str) -> None:
    """Memos named after an organisation, naming it again and again, outrank its own page in
    Pagefind's order; the page of the name typed comes first all the same."""
    page = reader.visit(many_memos_site)
    found = search(page, query, [expected])
    assert found[:1] == [expected], f"searching {query!r} lists {found}"


def every_result(reader: Reader, site: Site, query: str) -> list[str]:
    """The pages the page of every result (haku.html?hae=...) lists first for `query` (twenty at
    most, as many as it lists before "Lataa lisää tuloksia"), in its order."""
    from urllib.parse import quote

    page = reader.visit(site, f"haku.html?hae={quote(query)}")
    message = page.locator(".pagefind-ui__message", has_text=" tulosta haulle ")
    message.wait_for(timeout=20_000)
    total = int(message.inner_text().split()[0])
    titles = ".pagefind-ui__result-inner > .pagefind-ui__result-title a"  # the pages, not their sections
    # each result is listed first and titled when its data has come: wait for the titles
    page.wait_for_function("([selector, n]) => document.querySelectorAll(selector).length >= n",
                           arg=[titles, min(total, 20)], timeout=20_000)
    return page.locator(titles).evaluate_all("links => links.map(a => new URL(a.href).pathname)")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tampereen teknologialle", "/companies/tampereen-teknologia/"),  # Pagefind alone ranks it 9th
        ("Aurora TEK:n", "/companies/aurora-teknologia/"),  # another name, with a case ending
    ],
)
def test_the_page_of_every_result_lists_them_in_the_search_boxs_order(reader: Reader, many_memos_site: Site,
                                                                       query: str, expected: str) -> None:
    """"näytä kaikki" opens the page of every result, which kept Pagefind's own order: the page
    of the name typed, first in the search box, was far down there. It lists them as the box does."""
    page = reader.visit(many_memos_site)
    box = search(page, query, [expected])
    assert box[:1] == [expected], box
    assert len(box) >= 10, box  # enough of the order to compare
    listed = every_result(reader, many_memos_site, query)
    assert listed[:len(box)] == box


@pytest.mark.parametrize("query", ["Laitinen", "Laitisen"])
def test_a_person_is_found_before_the_pages_that_list_their_follow_ups(reader: Reader, repo_site: Site,
                                                                       query: str) -> None:
    """Searching "Laitinen" listed the meeting he was at 9th, after six organisations' pages that
    name him in their tables of follow-ups and lists of who came. His page comes first, then the
    memo, then the pages that list it, in the search box and on the page of every result; those
    pages are still found. "Laitisen", as Finnish inflects his name, finds his page first too."""
    reititin = "/companies/reititin/"  # names him only in what it lists
    page = reader.visit(repo_site)
    for found in (search(page, query, [PERSON_PATH, SEED_PATH, reititin, "/followups/"]),
                  every_result(reader, repo_site, query)):
        assert found[:2] == [PERSON_PATH, SEED_PATH], f"searching {query!r} lists {found}"
        assert reititin in found and "/followups/" in found, found
        assert [path for path in found[2:] if path in (PERSON_PATH, SEED_PATH)] == []


def test_a_word_that_is_no_name_keeps_pagefinds_order(reader: Reader, many_memos_site: Site) -> None:
    """Every organisation's and person's page lists open follow-ups that say "Lähettää tarjouksen";
    none of them is named so, and the follow-ups page, which says it most, stays first."""
    page = reader.visit(many_memos_site)
    found = search(page, "tarjouksen", ["/followups/"])
    assert found[:1] == ["/followups/"], f"searching 'tarjouksen' lists {found}"


def result_count_line(page: Page, pattern: str) -> str:
    """The line above the results, once it matches `pattern` (or as it is after the time-out)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    meta = ".md-search-result__meta"
    try:
        page.wait_for_function(
            "([meta, pattern]) => new RegExp(pattern).test(document.querySelector(meta).textContent)",
            arg=[meta, pattern], timeout=10_000)
    except PlaywrightTimeout:
        pass
    return page.locator(meta).inner_text()


ALL_RESULTS = r"20 parasta (\d[\d\u00a0\u202f ]*) osumasta · näytä kaikki"
"""The count line when there were more results than the search box lists, with its link."""


def test_the_count_says_how_many_results_there_were(reader: Reader, many_memos_site: Site) -> None:
    """The worker hands Material the 20 best results only, and Material counts what it is given:
    "20 täsmäävää dokumenttia" for a word on dozens of pages. The line says there were more."""
    page = reader.visit(many_memos_site)
    search(page, "tarjouksen", ["/followups/"])
    line = result_count_line(page, f"^{ALL_RESULTS}$")
    assert re.fullmatch(ALL_RESULTS, line), line
    assert int(re.sub(r"\D", "", re.fullmatch(ALL_RESULTS, line)[1])) > 20


def test_enter_opens_the_best_result_when_there_are_more_than_listed(reader: Reader, many_memos_site: Site) -> None:
    """Enter in the search box opens the first result. With the count line's "näytä kaikki" link
    in the list, Material's Enter threw (the link has no score) and the browser sent the search
    form: the same page again, with the search closed."""
    errors: list[str] = []
    page = reader.visit(many_memos_site)
    page.on("pageerror", lambda error: errors.append(str(error)))
    found = search(page, "tampereen teknologialle", ["/companies/tampereen-teknologia/"])
    assert found[:1] == ["/companies/tampereen-teknologia/"], found
    line = result_count_line(page, f"^{ALL_RESULTS}$")
    assert re.fullmatch(ALL_RESULTS, line), line  # the link is in the list
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_url(re.compile(r".*/companies/tampereen-teknologia/(\?.*)?$"), timeout=10_000)
    assert errors == []


def dropping_the_first(dropped: list[str]) -> Callable[[Route], None]:
    """A route handler that drops the connection of the first request it is given (a phone between
    networks), noting its address in `dropped`, and lets every later one through."""

    def drop_the_first(route: Route) -> None:
        if dropped:
            route.continue_()
        else:
            dropped.append(route.request.url)
            route.abort()

    return drop_the_first


def test_a_download_that_fails_once_is_asked_again(reader: Reader, repo_site: Site) -> None:
    """A phone between networks drops a connection. Pagefind keeps the failed download, so every
    query needing that page would list nothing ("Kirjoita aloittaaksesi haun") until the page is
    reloaded; the worker downloads it again."""
    dropped: list[str] = []
    reader.page.context.route("**/pagefind/fragment/**", dropping_the_first(dropped))
    page = reader.visit(repo_site)
    found = search(page, "Sanoma", [SANOMA_PATH, SEED_PATH])
    assert dropped, "no result's text was downloaded: the test tested nothing"
    assert SANOMA_PATH in found and SEED_PATH in found, found


def test_a_part_of_the_index_that_fails_to_download_is_downloaded_again(reader: Reader, repo_site: Site) -> None:
    """Pagefind logs a part of its index that failed to download and searches on as if it held no
    word: one dropped connection listed "Ei täsmääviä dokumentteja" under every query needing that
    part (here, every query) until the page was reloaded."""
    dropped: list[str] = []
    reader.page.context.route("**/pagefind/index/**", dropping_the_first(dropped))
    page = reader.visit(repo_site)
    found = search(page, "Laitinen", [PERSON_PATH, SEED_PATH])
    assert dropped, "no part of the index was downloaded: the test tested nothing"
    assert found[:2] == [PERSON_PATH, SEED_PATH], found


def pagefind_replaced(reader: Reader, module: str) -> list[str]:
    """Serve `module` for Pagefind's pagefind.js (its own stays at pagefind.js?as-built); returns the
    list of the addresses it was served at, filled as it is."""
    served: list[str] = []

    def serve(route: Route) -> None:
        served.append(route.request.url)
        route.fulfill(status=200, content_type="text/javascript", body=module)

    reader.page.context.route("**/pagefind/pagefind.js", serve)
    return served


PAGEFIND_SLOW_TO_ANSWER_WORDS = """
import * as pagefind from "./pagefind.js?as-built";
export * from "./pagefind.js?as-built";

/* Pagefind's search, a second late with the answer to more than one letter: a loaded machine. */
export async function search(term, options) {
  const found = await pagefind.search(term, options);
  if (String(term).length > 1) await new Promise((resolve) => setTimeout(resolve, 1000));
  return found;
}
"""
"""Pagefind's module, late with the answer to a word but not to its first letter."""


def test_the_list_read_is_the_answer_to_the_last_query_typed(reader: Reader, repo_site: Site) -> None:
    """Each key pressed is a query, and an earlier one's answer can list the pages expected of the
    last, in another order: Sanoma's lists Petri Laitinen's page and memo too, lower down. A test
    that took the first list holding them for the answer read that one when the answer to the last
    query came late, or read the list as Material replaced it with that answer: then no link read
    was on the page any more, and "Laitinen" listed nothing, with no error anywhere."""
    served = pagefind_replaced(reader, PAGEFIND_SLOW_TO_ANSWER_WORDS)
    page = reader.visit(repo_site)
    assert search(page, "Sanoma", [SANOMA_PATH])[:1] == [SANOMA_PATH]
    assert served, "the search box's worker did not load Pagefind: the test tested nothing"
    page.keyboard.press("Control+a")
    page.keyboard.type("Laitinen", delay=15)
    found = listed(page, "Laitinen", [PERSON_PATH, SEED_PATH])
    assert found[:2] == [PERSON_PATH, SEED_PATH], found


PAGEFIND_THAT_GIVES_UP = """
import * as pagefind from "./pagefind.js?as-built";
export * from "./pagefind.js?as-built";

const asked = new Set();

/* Pagefind's search, but the first asking of each search answers null, as Pagefind does to a
 * search it gave up for a newer one (its debouncedSearch). */
export async function search(term, options) {
  const found = await pagefind.search(term, options);
  const key = JSON.stringify([term, options]);
  if (asked.has(key)) return found;
  asked.add(key);
  return null;
}
"""
"""Pagefind's module (the search box's worker and the page of every result import it), answering
null to the first asking of each search."""


def test_a_search_pagefind_gave_up_is_not_listed_as_finding_nothing(reader: Reader, repo_site: Site) -> None:
    """Pagefind answers null to a search it gave up for a newer one. The worker listed that as
    "Ei täsmääviä dokumentteja", which stood under the text typed until the next key; it asks
    again instead, and lists what the text finds, in the same order, as the page of every result
    does."""
    served = pagefind_replaced(reader, PAGEFIND_THAT_GIVES_UP)
    page = reader.visit(repo_site)
    found = search(page, "Laitinen", [PERSON_PATH, SEED_PATH])
    assert served, "the search box's worker did not load Pagefind: the test tested nothing"
    assert found[:2] == [PERSON_PATH, SEED_PATH], found
    assert every_result(reader, repo_site, "Laitinen")[:2] == [PERSON_PATH, SEED_PATH]  # that page asks again too


def test_text_that_comes_without_a_key_is_searched(reader: Reader, repo_site: Site) -> None:
    """Material searches its box when a key comes up. Text pasted over the query from a menu, or
    a phone keyboard's suggestion, comes with no key, and the results of the text before stayed
    listed under it."""
    page = reader.visit(repo_site)
    assert search(page, "Sanoma", [SANOMA_PATH])[:1] == [SANOMA_PATH]
    page.locator("input.md-search__input").select_text()
    page.keyboard.insert_text("Laitinen")  # an input event, as a paste from the menu: no key comes up
    found = listed(page, "Laitinen", [PERSON_PATH, SEED_PATH])
    assert found[:2] == [PERSON_PATH, SEED_PATH], found


def test_the_clear_button_clears_the_results(reader: Reader, repo_site: Site) -> None:
    """The search box's clear button emptied the box and left the results of what had been typed
    listed under it."""
    page = reader.visit(repo_site)
    assert search(page, "Sanoma", [SANOMA_PATH])[:1] == [SANOMA_PATH]
    page.locator("form[name=search] button[type=reset]").click()
    assert page.locator("input.md-search__input").input_value() == ""
    page.locator(".md-search-result__meta", has_text="Kirjoita aloittaaksesi haun").wait_for()
    assert page.locator(".md-search-result__item").count() == 0


def test_every_result_is_a_click_away(reader: Reader, many_memos_site: Site) -> None:
    """The search box lists 20 results of dozens; "näytä kaikki" on its count line opens the page
    of every result, which lists them all (twenty at a time, as the reader asks for more), and
    Back from a result comes back to them."""
    page = reader.visit(many_memos_site)
    search(page, "tarjouksen", ["/followups/"])
    line = result_count_line(page, f"^{ALL_RESULTS}$")
    match = re.fullmatch(ALL_RESULTS, line)
    assert match, line
    total = int(re.sub(r"\D", "", match[1]))
    page.locator(".md-search-result__meta").get_by_role("link", name="näytä kaikki").click()
    page.wait_for_url("**/haku.html?hae=tarjouksen")
    results = page.locator(".pagefind-ui__result")
    results.first.wait_for(state="visible")
    assert page.locator(".pagefind-ui__message").inner_text() == f"{total} tulosta haulle tarjouksen"
    more = page.get_by_role("button", name="Lataa lisää tuloksia")
    for _ in range(total):  # each press lists twenty more, until the button goes
        if not more.count():
            break
        listed = results.count()
        more.click()
        page.wait_for_function("([selector, n]) => document.querySelectorAll(selector).length > n",
                               arg=[".pagefind-ui__result", listed], timeout=10_000)
    pages = page.locator(".pagefind-ui__result-inner > .pagefind-ui__result-title a")  # not its sections
    page.wait_for_function("([selector, n]) => document.querySelectorAll(selector).length >= n",
                           arg=[".pagefind-ui__result-inner > .pagefind-ui__result-title a", total], timeout=10_000)
    links = pages.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert len(set(links)) == len(links) == total, links

    pages.last.click()  # a result the search box did not list
    page.wait_for_url(f"**{links[-1]}")
    page.go_back()
    page.locator(".pagefind-ui__result").first.wait_for(state="visible")

    # A query typed here is kept in the address too, as typed: Back from its result comes back to it.
    page.locator(".pagefind-ui__search-input").fill("Aurora TEK:n")
    page.wait_for_url("**/haku.html?hae=Aurora+TEK%3An")
    page.locator(".pagefind-ui__message", has_text="haulle Aurora").wait_for()
    company = page.locator(".pagefind-ui__result-inner > .pagefind-ui__result-title a[href$='/aurora-teknologia/']")
    company.wait_for()
    company.click()
    page.wait_for_url("**/companies/aurora-teknologia/")
    page.go_back()
    page.wait_for_url("**/haku.html?hae=Aurora+TEK%3An")
    page.locator(".pagefind-ui__message", has_text="haulle Aurora").wait_for()
    company.wait_for()
    assert page.locator(".pagefind-ui__search-input").input_value() == "Aurora TEK:n"


def test_the_page_of_every_result_reads_an_abbreviations_ending_too(reader: Reader, repo_site: Site) -> None:
    """As in the search box: "Sanoma WSOY:n" finds Sanoma WSOY's page and the memo, not only the
    writing guide, the one page with that very form."""
    page = reader.visit(repo_site, "haku.html?hae=Sanoma%20WSOY:n")
    titles = ".pagefind-ui__result-inner > .pagefind-ui__result-title a"
    page.locator(".pagefind-ui__result").first.wait_for(state="visible")
    # each result is listed first and titled when its data has come: wait for the titles
    page.wait_for_function("([selector, n]) => document.querySelectorAll(selector).length >= n",
                           arg=[titles, 2], timeout=10_000)
    found = page.locator(titles).evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert SANOMA_PATH in found and SEED_PATH in found, found


# --- 3. from a memo to a company and back -----------------------------------------------------


def test_memo_link_opens_the_company_page_with_the_sentence(
    reader: Reader, repo_site: Site, screenshots: Screenshots
) -> None:
    page = reader.visit(repo_site, SEED_PATH.lstrip("/"))
    assert page.locator("h1").first.inner_text() == SEED_TITLE
    assert "Osallistujat: Petri Laitinen (Metropolia)" in article_text(page)
    screenshots.take(page, "memo")

    page.locator("article p").get_by_role("link", name="Sanoma wsoy", exact=True).click()
    page.wait_for_url(f"**{SANOMA_PATH}")
    assert page.locator("h1").first.inner_text() == "Sanoma WSOY"
    sentence = page.locator("article .kb-sentence").first
    assert sentence.is_visible()
    assert sentence.inner_text() == "Sanoma wsoy voisi olla hyvä kontakti."
    assert sentence.locator("mark").inner_text() == "Sanoma wsoy"
    meetings = section_text(page, "Tapaamiset")
    assert f"16.5.2012 {SEED_TITLE}" in meetings
    screenshots.take(page, "company-sanoma-wsoy")

    page.locator("article").get_by_role("link", name=SEED_TITLE).last.click()
    page.wait_for_url(f"**{SEED_PATH}")


# --- 4. the follow-ups ------------------------------------------------------------------------


def test_followups_page_lists_petris_item_and_leads_to_the_memo(
    reader: Reader, repo_site: Site, screenshots: Screenshots
) -> None:
    page = reader.visit(repo_site, "followups/")
    assert page.locator("h1").first.inner_text() == "Seuranta"
    assert [h.strip("¶ \n") for h in page.locator("article h2").all_inner_texts()] == ["Petri Laitinen (1)"]
    item = section_text(page, "Petri Laitinen (1)")
    assert "Tarkastelee PROksia ja koulutuspakettia seuraavaa tapaamista varten." in item
    screenshots.take(page, "followups")

    page.locator("article table").get_by_role("link", name=f"16.5.2012 {SEED_TITLE}").click()
    page.wait_for_url(f"**{SEED_PATH}")
    assert page.locator("h1").first.inner_text() == SEED_TITLE
    assert page.locator("article .task-list-item").first.inner_text().strip().endswith(
        "Tarkastelee PROksia ja koulutuspakettia seuraavaa tapaamista varten."
    )


# --- 8. a phone -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [SEED_PATH, "/", SANOMA_PATH, "/companies/", "/followups/", "/map/", "/kirjoitusohje/"]
)
def test_phone_screen_has_no_horizontal_scroll(
    phone_reader: Reader, repo_site: Site, screenshots: Screenshots, path: str
) -> None:
    page = phone_reader.visit(repo_site, path.lstrip("/"))
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide on a {widths[1]} px screen"
    if path == SEED_PATH:
        screenshots.take(page, "memo-phone")
