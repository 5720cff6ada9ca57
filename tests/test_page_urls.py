"""Generated lists link with URLs Muistio computes itself (they skip MkDocs' link rewriting), so
they must be exactly the URLs MkDocs writes for the same `.md` link."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File

from muistio.pages.markup import href, page_url

URIS = ["index.md", "memos/index.md", "companies/index.md", "companies/sanoma-wsoy.md", "people/petri-laitinen.md",
        "memos/2012/2012-05-16-tapaaminen.md", "memos/2024/2024-01-01-äänekoski ja co.md", "followups.md",
        "a/README.md", "offerings/x/y.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_urls_and_links_are_those_mkdocs_writes(directory_urls: bool) -> None:
    files = {uri: File(uri, "/docs", "/site", directory_urls) for uri in URIS}
    for uri, file in files.items():
        assert page_url(uri, directory_urls) == file.url
        for other, target in files.items():
            assert href(uri, other, directory_urls) == target.url_relative_to(file), (uri, other)
