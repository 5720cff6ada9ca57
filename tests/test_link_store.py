"""A build's first link stage takes the last process's links from disk (muistio.link_store) for
every memo whose text, place in its file and names are what they were: the site must get what
linking everything anew gives, with every mention and problem at the memo's right line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbtrees import SANOMA, TreeWriter
from muistio import link_store
from muistio.cache import BuildCache
from muistio.link_store import LinkStore
from muistio.pipeline import build_site
from muistio.settings import Settings

MEMO = "memos/2012/2012-05-16-tapaaminen.md"
OTHER = "memos/2013/2013-01-10-toinen.md"
FRONT = "---\ntitle: Tapaaminen\ndate: 2012-05-16\n---\n"
BODY = "Sanoma WSOY:n kanssa sovittiin jatkosta. Myös [[Tuntematon Oy]] mainittiin.\n"


def first_build(root: Path) -> tuple[list[tuple[str, int, str]], dict[str, str], int]:
    """What a new process's build links: the problems, the linked bodies, how many memos it linked."""
    site = build_site(root, Settings(workers=1), BuildCache())
    linked = site.context.linked
    problems = [(p.path, p.line, p.code) for p in site.problems]
    return problems, linked.bodies, linked.relinked


@pytest.fixture
def kb(tree: TreeWriter) -> Path:
    return tree({MEMO: FRONT + BODY,
                 OTHER: "---\ntitle: Toinen\ndate: 2013-01-10\n---\nMetropolian kanssa.\n"})


def test_a_new_process_links_only_what_changed_and_gets_what_linking_anew_gives(
        kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problems, bodies, relinked = first_build(kb)
    assert relinked == 2
    assert (MEMO, 5, "unknown_wikilink") in problems
    assert first_build(kb) == (problems, bodies, 0)

    memo = kb / MEMO
    memo.write_text(FRONT.replace("date:", "tags: [jatko]\ndate:") + BODY, encoding="utf-8")
    problems, bodies, relinked = first_build(kb)
    assert relinked == 1, "a memo whose text starts a line later is linked again"
    assert (MEMO, 6, "unknown_wikilink") in problems

    (kb / "companies" / "sanoma-wsoy.md").write_text(SANOMA.replace("name: Sanoma WSOY", "name: Sanoma WSOY\n"
                                                                    "aliases: [Tuntematon Oy]"), encoding="utf-8")
    problems, bodies, relinked = first_build(kb)
    assert relinked == 2, "a changed name links every memo again"
    assert not [p for p in problems if p[2] == "unknown_wikilink"]

    monkeypatch.setenv("MUISTIO_NO_CACHE", "1")
    assert first_build(kb) == (problems, bodies, 2)


def test_a_store_of_other_code_or_damaged_is_read_as_empty(kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first_build(kb)
    store = LinkStore.open(kb, public=False)
    assert set(store.read()) == {MEMO, OTHER}
    monkeypatch.setattr(link_store, "FORMAT", link_store.FORMAT + 1)
    assert store.read() == {}
    monkeypatch.undo()
    assert store.path is not None
    store.path.write_text('{"fingerprint": "', encoding="utf-8")
    assert store.read() == {}
    assert first_build(kb)[2] == 2


def test_entries_come_back_as_they_were_written(kb: Path) -> None:
    cache = BuildCache()
    build_site(kb, Settings(workers=1), cache)
    store = LinkStore.open(kb, public=False)
    assert store.read() == cache.links
    [problem] = store.read()[MEMO][3][2]
    assert problem.params == {"target": "Tuntematon Oy", "suggestion": ""}


def test_an_entry_of_the_wrong_shape_is_not_used(kb: Path) -> None:
    """A store that parses but holds something this code did not write (edited by hand, say) is
    read as empty rather than crashing the pages made from it."""
    first_build(kb)
    store = LinkStore.open(kb, public=False)
    assert store.path is not None
    text = store.path.read_text(encoding="utf-8")
    assert '"company:sanoma-wsoy", "Sanoma WSOY:n", 5,' in text
    store.path.write_text(text.replace('"company:sanoma-wsoy", "Sanoma WSOY:n", 5,',
                                       '"company:sanoma-wsoy", "Sanoma WSOY:n", "viisi",'), encoding="utf-8")
    assert store.read() == {}
    assert first_build(kb)[2] == 2


@pytest.mark.parametrize("entries", [[], "muistiot", 5, None])
def test_a_store_whose_entries_are_not_a_mapping_is_read_as_empty(kb: Path, entries: object) -> None:
    """Valid JSON of another shape at the top is ignored like a truncated file: the build links
    every memo again and reports what it reported, instead of a traceback on every build."""
    expected = first_build(kb)
    store = LinkStore.open(kb, public=False)
    assert store.path is not None
    data = json.loads(store.path.read_text(encoding="utf-8"))
    store.path.write_text(json.dumps({**data, "entries": entries}), encoding="utf-8")
    assert store.read() == {}
    problems, bodies, relinked = first_build(kb)
    assert (problems, bodies, relinked) == (expected[0], expected[1], 2)
