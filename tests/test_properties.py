"""Property tests: whatever a file holds, the build answers with problems, never an exception.

Hypothesis writes random front matter (random keys and values as YAML, random text, random
bytes) and random Markdown-ish bodies (Finnish words, the tree's names in case forms, links,
code, headings, task items, tags) into a small knowledge base and runs the whole pipeline, pages
included. Three promises are checked: no exception escapes; every problem names a file of the tree
and a line inside it; linking only ever adds links, so removing them gives back the body as written.
"""

from __future__ import annotations

import datetime
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbtrees import METROPOLIA, SANOMA
from muistio.pipeline import SiteBuild, build_site

MEMO = "memos/2012/2012-05-16-tapaaminen.md"
COMPANY = "companies/rondo.md"
EXAMPLES = int(os.environ.get("MUISTIO_EXAMPLES", "40"))
"""Kept small so the suite stays fast; MUISTIO_EXAMPLES=1000 searches harder."""
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
INSERTED_LINK = re.compile(r"\[([^\[\]]*)\]\((?:\.\./)*(?:companies|people|offerings)/[a-z0-9-]+\.md\)")
"""A link the linker inserts: to a generated page, by a relative path (random bodies never write `](..`)."""


def build(files: dict[str, str | bytes]) -> tuple[Path, SiteBuild, tempfile.TemporaryDirectory[str]]:
    folder = tempfile.TemporaryDirectory()
    root = Path(folder.name)
    for relative, content in {"companies/metropolia.md": METROPOLIA, "companies/sanoma-wsoy.md": SANOMA,
                              **files}.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root, build_site(root), folder


def assert_problems_point_into_the_tree(root: Path, site: SiteBuild) -> None:
    for problem in site.problems:
        path = root / problem.path
        assert path.is_file(), problem.render()
        data = path.read_bytes()
        lines = data.count(b"\n") + data.count(b"\r") + 1  # an upper bound, whatever the line ends
        assert 1 <= problem.line <= lines, problem.render()
        assert problem.message("en") and problem.message("fi")


KEYS = ["title", "date", "attendees", "companies", "tags", "authors", "visibility", "source",
        "compnies", "titel", "name", "contacts", "x"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["no", "yes", "on", "2012-02-30", "16.5.2012", "petri-laitinen",
                                           "metropolia", "Petri Laitinen", "../x", "public", "~", "*", "&a"]),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(KEYS), inner, max_size=3), max_leaves=8)
front_matters = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), values, max_size=6)


@SETTINGS
@given(front_matters)
def test_random_front_matter_never_raises(front: dict[str, Any]) -> None:
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False) if front else ""
    root, site, folder = build({MEMO: f"---\n{text}---\nKeskusteltiin Metropoliassa.\n",
                                COMPANY: f"---\n{text}---\n"})
    with folder:
        assert_problems_point_into_the_tree(root, site)
        assert {page.src_uri for page in site.pages}  # the pages were made


@SETTINGS
@given(st.text(max_size=200))
def test_random_text_as_front_matter_never_raises(text: str) -> None:
    root, site, folder = build({MEMO: f"---\n{text}\n---\nTeksti.\n", COMPANY: f"---\n{text}\n---\n"})
    with folder:
        assert_problems_point_into_the_tree(root, site)


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from([b"", b"---\n", b"\xef\xbb\xbf---\r\n"]))
def test_random_bytes_as_a_file_never_raise(data: bytes, start: bytes) -> None:
    root, site, folder = build({MEMO: start + data, COMPANY: start + data})
    with folder:
        assert_problems_point_into_the_tree(root, site)


FRAGMENTS = [
    "Metropolia", "Metropoliassa", "Metropolian", "Metropoliaan", "Petri Laitinen", "Petri Laitisen", "Petrille",
    "Sanoma WSOY", "Sanoma WSOY:n", "Sanoman", "Rondo", "Rondolla", "Hämeen", "äänestys", "öljy", "Åbo",
    "[linkki](x)", "[Metropolia](https://example.org)", "`Metropolia`", "`koodi`", "<b>", "</b>", "<br>",
    "<a href='y'>Petri</a>", "# Otsikko Metropolia", "## Sanoma WSOY", "- [ ] @petri-laitinen tehtävä",
    "- [x] @petri-laitnen valmis (due 2012-02-30)", "- ", "1. ", "> ", "| a | Rondo |", "|---|---|", "```",
    "    ", "*", "**", "_", "\\", "&amp;", "&", "petri@example.org", "040 123 4567", "https://metropolia.fi",
    "<script>", "*Metropoliassa*", ".", ",", ":", "!", "?", "(", ")",
]
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from([" ", "\n", "\n\n", "\t", "  \n"]),
                   st.text(alphabet="abcäöÅ éÉ-'\"", max_size=6))
bodies = st.lists(pieces, max_size=40).map("".join)
RONDO = "---\nname: Rondo\nofferings:\n  - name: PROksi\n---\n"


@SETTINGS
@given(bodies)
def test_linking_only_adds_links(body: str) -> None:
    root, site, folder = build({MEMO: f"---\ntitle: T\ndate: 2012-05-16\n---\n{body}", COMPANY: RONDO})
    with folder:
        assert_problems_point_into_the_tree(root, site)
        linked = site.context.linked.bodies[MEMO]
        assert INSERTED_LINK.sub(r"\1", linked) == site.kb.memos[0].source.body
        assert site.kb.memos[0].source.body == body.replace("\r\n", "\n")


@SETTINGS
@given(bodies, bodies)
def test_company_bodies_never_raise(first: str, second: str) -> None:
    root, site, folder = build({COMPANY: RONDO + first, MEMO: f"---\ntitle: T\ndate: 2012-05-16\n---\n{second}"})
    with folder:
        assert_problems_point_into_the_tree(root, site)


def test_the_link_remover_sees_inserted_links() -> None:
    """The property above would hold trivially if no link were ever inserted or recognised."""
    body = "Tapasimme Metropoliassa Petri Laitisen ja Rondon. [linkki](x)\n"
    root, site, folder = build({MEMO: f"---\ntitle: T\ndate: 2012-05-16\n---\n{body}", COMPANY: RONDO})
    with folder:
        linked = site.context.linked.bodies[MEMO]
        assert len(INSERTED_LINK.findall(linked)) == 3
        assert INSERTED_LINK.sub(r"\1", linked) == body
