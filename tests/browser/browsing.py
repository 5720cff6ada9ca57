"""What the browser tests are made of: a served site, a reader who records, screenshots.

Kept apart from conftest.py so that the test modules can name these types without importing a
conftest (two conftest.py files in one session share the module name).
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response

LOCAL_HOST = "127.0.0.1"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site without printing a line per request into the test output."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Site:
    """A built site served on 127.0.0.1: its folder on disk and the address it is served at."""

    root: Path
    base: str

    def url(self, path: str = "") -> str:
        return urljoin(self.base, path)


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 64
    """Connections waiting to be accepted (socketserver's default is 5). A search asks for twenty
    result texts at once, and on a loaded machine the accepting thread falls behind; a refused
    connection is a failed download in the browser, which no reader's server would cause."""


def serve(site_dir: Path) -> Iterator[Site]:
    """Serve `site_dir` on a free port of 127.0.0.1 from a background thread, and stop it after."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _Server((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"site {site_dir.name}", daemon=True)
    thread.start()
    try:
        yield Site(site_dir, f"http://{LOCAL_HOST}:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- a reader: one browser context, with what it asked for and what went wrong ----------------


@dataclass
class Reader:
    """A page in a fresh browser context that records every request and every error it sees.

    Requests are recorded on the context, not the page: Chromium reports requests made by a web
    worker (Material's search worker) to the context only, and those must stay local too.
    """

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    in_flight: int = 0

    def visit(self, site: Site, path: str = "") -> Page:
        """Open a page as a reader would and wait until its scripts have run."""
        url = site.url(path)
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response.status if response else 'no response'}"
        self.visited.append(url)
        return self.page

    def settle(self, quiet_ms: int = 150, timeout_s: float = 5.0) -> None:
        """Wait until no request has been open for `quiet_ms` (the search worker loads its index
        and scripts after `load`; their errors come late). Playwright's "networkidle" does the
        same with a fixed 500 ms, which over every page of the site costs seconds."""
        deadline = time.monotonic() + timeout_s
        quiet_since = None
        while time.monotonic() < deadline:
            if self.in_flight:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
                return
            self.page.wait_for_timeout(25)  # lets Playwright deliver the events meanwhile

    def outside_requests(self) -> list[str]:
        """Requests to any host but 127.0.0.1 (data: and blob: URLs stay in the browser)."""
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname != LOCAL_HOST]


def _attach(context: BrowserContext, page: Page, reader: Reader) -> None:
    def on_request(request: Request) -> None:
        reader.requests.append(request.url)
        reader.in_flight += 1

    def on_request_done(request: Request) -> None:
        reader.in_flight -= 1

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            reader.errors.append(f"console error on {page.url}: {message.text}")

    def on_page_error(error: Exception) -> None:
        reader.errors.append(f"uncaught exception on {page.url}: {error}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            reader.errors.append(f"HTTP {response.status} for {response.url} (from {page.url})")

    context.on("request", on_request)
    context.on("requestfinished", on_request_done)
    context.on("requestfailed", on_request_done)
    context.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)


ANSWERED = """
(() => {
  const Worker = window.Worker;
  if (typeof Worker !== "function") return;
  window.Worker = class extends Worker {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const message = event.data;
        if (message && message.type === 3 && message.data && typeof message.data.query === "string") {
          window.__muistioAnswered = message.data.query;
        }
      });
    }
  };
})();
"""
"""Keeps, in `window.__muistioAnswered`, the query of the last answer the search worker gave the page
(its result message names it; Material reads only the results). Every key pressed is a query, and
the answer to the first key can list the very pages a test expects of the whole word: a test that
waits for them must know whose answer it reads. Added before the page's own scripts, this listener
hears each answer before Material lists it."""


def open_reader(browser: Browser, **context_options: Any) -> Iterator[Reader]:
    """A new context and page; afterwards, whatever else the test asserted, the site must have
    logged no error and sent nothing to another host on any page the test visited."""
    options: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light",
                               "locale": "fi-FI", **context_options}
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    context.add_init_script(ANSWERED)
    page = context.new_page()
    reader = Reader(page)
    _attach(context, page, reader)
    try:
        yield reader
    finally:
        context.close()
    assert not reader.errors, "errors while reading the site:\n" + "\n".join(reader.errors)
    assert not reader.outside_requests(), "requests left 127.0.0.1:\n" + "\n".join(reader.outside_requests())


@dataclass(frozen=True)
class Screenshots:
    """Full-page screenshots for a person to look at, in test-artifacts/screenshots/."""

    folder: Path
    saved: list[Path]

    def take(self, page: Page, name: str) -> Path:
        path = self.folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        self.saved.append(path)
        return path
