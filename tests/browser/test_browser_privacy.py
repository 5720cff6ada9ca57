"""Every page a reader can reach: no error in the console, and nothing sent to another host.

The `reader` fixture already fails any test whose pages logged an error or asked another host for
something; this test makes sure that covers the whole site, not only the pages the other tests
happen to open, by following every link from the home page. The site is meant for a unit's own
network and for reading offline: fonts, scripts, analytics or images from a CDN would leak who
reads which memo, and would break when the network is away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urlsplit

if TYPE_CHECKING:
    from browsing import Reader, Site

MAX_PAGES = 200


def test_every_page_is_quiet_and_local(reader: Reader, repo_site: Site) -> None:
    queue, seen = [repo_site.url()], {repo_site.url()}
    while queue and len(reader.visited) < MAX_PAGES:
        page = reader.visit(repo_site, queue.pop(0))
        reader.settle()  # the search worker's requests, and their errors, come after "load"
        for href in page.locator("a[href]").evaluate_all(
                "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"):
            url = urldefrag(href).url.split("?")[0]
            if url.startswith(repo_site.base) and url.endswith("/") and url not in seen:
                seen.add(url)
                queue.append(url)
    pages = {urlsplit(url).path for url in reader.visited}
    # The crawl reached the generated pages of every kind, through links alone.
    for path in ("/", "/memos/", "/companies/", "/companies/sanoma-wsoy/", "/people/petri-laitinen/",
                 "/offerings/proksi/", "/followups/", "/map/", "/tags/", "/kirjoitusohje/",
                 "/memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa/"):
        assert path in pages, f"no link leads to {path}; reached {sorted(pages)}"
    assert not reader.errors, "\n".join(reader.errors)
    outside = reader.outside_requests()
    assert not outside, "requests left 127.0.0.1:\n" + "\n".join(outside)
    assert any(urlsplit(url).path.startswith("/assets/javascripts/") for url in reader.requests), (
        "no script was requested: the recording of requests is not working"
    )
