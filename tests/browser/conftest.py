"""The built site in a real browser: Debian's Chromium, driven by Playwright, on 127.0.0.1.

The HTML tests (tests/test_site_build.py) read what the generator wrote; these tests check what a
reader gets once Material's JavaScript, our CSS and the relationship map script have run: search,
the palette toggle, charts that are drawn, no errors in the console, no request to another host.

One browser per session and one built site per knowledge base keep the suite fast on 2 cores;
every test gets its own browser context, so cookies, local storage (where Material keeps the
chosen palette) and the recorded requests never leak from one test into the next.

Chromium comes from Debian (`apt-get install chromium`), not from `playwright install`, which
downloads a browser of its own and cannot work without the internet. Without it the tests skip,
unless MUISTIO_REQUIRE_BROWSER=1 (set by .ci/run): CI must not turn green by testing nothing.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browsing import Reader, Screenshots, Site, open_reader, serve

from sitebuild import REPO, generated_knowledge_base, mkdocs_build, site_skeleton

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = os.environ.get("MUISTIO_CHROMIUM", "/usr/bin/chromium")
# No sandbox: CI runs as root, where Chromium refuses its sandbox. The rest keeps Chromium from
# phoning home on its own (updates, sync), so the only requests are the ones the site makes.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
TODAY = "2012-06-20"
"""The repository's site is built as of a month after the seed memo, as in test_site_build.py."""

_SAVED = pytest.StashKey[list[Path]]()


# --- the browser ------------------------------------------------------------------------------


def _browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is missing (run scripts/bootstrap)"
    if not Path(CHROMIUM).is_file():
        return (f"no Chromium at {CHROMIUM}; install it with `apt-get install chromium` "
                "(Debian's package; `playwright install` does not work offline)")
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, for the whole session; skipped (locally) or failed (CI) if absent."""
    missing = _browser_missing()
    if missing:
        if os.environ.get("MUISTIO_REQUIRE_BROWSER") == "1":
            pytest.fail(f"MUISTIO_REQUIRE_BROWSER=1 but {missing}", pytrace=False)
        pytest.skip(f"browser tests skipped: {missing}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


# --- the sites --------------------------------------------------------------------------------


def build(root: Path, site_dir: Path) -> Path:
    """Build the knowledge base at `root` strictly, as of TODAY; a failed build fails the test."""
    result = mkdocs_build(root, site_dir, today=TODAY)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The repository's own knowledge base (the 2012 seed memo and its six organisations)."""
    yield from serve(build(REPO, tmp_path_factory.mktemp("repo-site")))


@pytest.fixture(scope="session")
def many_memos_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """60 synthetic memos (`scripts/gen_corpus.py`) about six organisations, each memo named after
    one and naming it again and again: what a few years of meetings look like to search. Aurora
    Teknologia has since been renamed Revontuli Group: its memos name it by its former name."""
    root = generated_knowledge_base(tmp_path_factory.mktemp("many-memos") / "kb", memos=60, words=400)
    renamed = root / "companies" / "aurora-teknologia.md"
    old = "name: Aurora Teknologia\naliases: [Aurora TEK]\n"
    text = renamed.read_text(encoding="utf-8")
    assert old in text, "scripts/gen_corpus.py no longer writes Aurora Teknologia as this fixture expects"
    renamed.write_text(text.replace(old, "name: Revontuli Group\naliases: [Aurora TEK]\n"
                                         "former_names:\n  - name: Aurora Teknologia\n"), encoding="utf-8")
    yield from serve(build(root, tmp_path_factory.mktemp("many-memos-site")))


@pytest.fixture
def reader(browser: Browser) -> Iterator[Reader]:
    """A desktop-sized reader in the light scheme (the default a first visit gets)."""
    yield from open_reader(browser)


@pytest.fixture
def phone_reader(browser: Browser) -> Iterator[Reader]:
    """A reader on a phone-sized screen (375×740, touch, 2× pixels)."""
    yield from open_reader(browser, viewport={"width": 375, "height": 740}, is_mobile=True,
                           has_touch=True, device_scale_factor=2)


# --- screenshots ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def screenshots(request: pytest.FixtureRequest) -> Screenshots:
    """The screenshot folder, emptied of old PNGs so that what is there is from this run."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    saved = request.config.stash.setdefault(_SAVED, [])
    return Screenshots(SCREENSHOTS, saved)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Say where the screenshots are, so that someone looks at them."""
    saved = config.stash.get(_SAVED, [])
    if saved:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"{len(saved)} full-page screenshots in {SCREENSHOTS}:")
        for path in saved:
            terminalreporter.write_line(f"  {path.name}")


# --- a fixture knowledge base: what the seed memo alone cannot show --------------------------

FIXTURE_FILES = {
    "companies/reititin.md": """---
name: Reititin
industry: Metropolian yksikkö
contacts:
  - name: Maija Mallikas
    role: yrityskoordinaattori
---
Oma yksikkö.
""",
    "companies/metropolia.md": """---
name: Metropolia
industry: Korkeakoulutus
status: partner
owner: maija-mallikas
contacts:
  - name: Petri Laitinen
    role: projektipäällikkö
---
Ammattikorkeakoulu.
""",
    "companies/sanoma-wsoy.md": """---
name: Sanoma WSOY
industry: Kustannustoiminta
status: lead
---
Kustantamo.
""",
    "companies/op-pohjola.md": """---
name: OP-Pohjola
industry: Rahoitus ja vakuutus
status: active
owner: maija-mallikas
---
Finanssiryhmä.
""",
    "companies/rondo.md": """---
name: Rondo
industry: Aikakauslehti
status: contacted
---
Musiikkilehti.
""",
    "companies/kone.md": """---
name: Kone
industry: Teollisuus
status: dormant
---
Hissejä.
""",
    "memos/2011/2011-09-01-syystapaaminen-metropoliassa.md": """---
title: Syystapaaminen Metropoliassa
date: 2011-09-01
attendees: [petri-laitinen, maija-mallikas]
companies: [metropolia, sanoma-wsoy]
---
Petri Laitinen esitteli Metropolian hankkeita. Sanoma WSOY kiinnostaa molempia.

- [x] @maija-mallikas Lähettää esitteen Sanoma WSOY:lle.
""",
    "memos/2012/2012-03-05-op-pohjolan-rekrytointi.md": """---
title: OP-Pohjolan rekrytointi
date: 2012-03-05
attendees: [maija-mallikas]
companies: [op-pohjola, metropolia]
---
OP-Pohjola rekrytoi kovasti. Metropolia voisi tarjota harjoittelijoita.

- [ ] @maija-mallikas Lähettää tarjouksen OP-Pohjolalle. (määräaika 1.6.2012)
""",
    "memos/2012/2012-05-16-rondon-lehdykka.md": """---
title: Rondon lehdykkä
date: 2012-05-16
attendees: [petri-laitinen]
companies: [rondo, metropolia]
---
Lokakuun Rondossa on mukana lehdykkä musiikin koulutusohjelmasta.

- [ ] @petri-laitinen Kirjoittaa lehdykän tekstin. (määräaika 1.9.2012)
""",
}
"""Six organisations in every status, memos in two years, one overdue and one pending follow-up."""


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The fixture knowledge base above, in the repository's site skeleton, built and served."""

    root = _fixture_knowledge_base(tmp_path_factory.mktemp("fixture-kb") / "kb")
    yield from serve(build(root, tmp_path_factory.mktemp("fixture-site")))


@pytest.fixture(scope="session")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The fixture knowledge base with Material's instant navigation turned on, as a unit may
    turn it on: a link then swaps the page's content in place of loading the page. Material
    does so only for pages in the sitemap of the `site_url` it is served at, so the server is
    started first and the site built for its address."""
    root = _fixture_knowledge_base(tmp_path_factory.mktemp("instant-kb") / "kb")
    site_dir = tmp_path_factory.mktemp("instant-site")
    with contextlib.contextmanager(serve)(site_dir) as site:
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "\n    - navigation.tabs\n" in text, "mkdocs.yml no longer lists features as this fixture expects"
        instant = text.replace("\n    - navigation.tabs\n", "\n    - navigation.tabs\n    - navigation.instant\n")
        config.write_text(f"site_url: {site.base}\n{instant}", encoding="utf-8")
        build(root, site_dir)
        yield site


def _fixture_knowledge_base(root: Path) -> Path:
    site_skeleton(root)
    for relative, text in FIXTURE_FILES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
