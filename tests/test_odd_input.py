"""Odd but valid input is read exactly like its plain form: no problems, the same knowledge base.

Editors on Windows write CRLF and a byte order mark, macOS writes ä as a + combining diaeresis
(NFD), and people leave trailing spaces and no final newline. None of that is the writer's
mistake, so none of it may produce a message, change a value or lose a link.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kbtrees import METROPOLIA, SANOMA, TreeWriter
from muistio.crosslink import link_all
from muistio.pipeline import check

MEMO = "memos/2012/2012-05-16-tapaaminen.md"
HAMK = "companies/hamk.md"
PLAIN_MEMO = """---
title: Tapaaminen Hämeen Ammattikorkeakoulussa
date: 2012-05-16
attendees: [petri-laitinen, sini-mäkelä]
companies: [metropolia, hamk]
tags: [yhteistyö, ääni]
---
Tapasimme Hämeen Ammattikorkeakoulussa Petri Laitisen kanssa.

- [ ] @petri-laitinen Lähettää esitteen (määräaika 15.6.2012)
"""
PLAIN_HAMK = """---
name: Hämeen Ammattikorkeakoulu
aliases: [HAMK]
contacts:
  - name: Sini Mäkelä
    slug: sini-makela
    role: yhteyspäällikkö
---
Ammattikorkeakoulu Hämeenlinnassa.
"""
PLAIN = {MEMO: PLAIN_MEMO.replace("sini-mäkelä", "sini-makela"), HAMK: PLAIN_HAMK,
         "companies/metropolia.md": METROPOLIA, "companies/sanoma-wsoy.md": SANOMA}
HAMK_LINK = "[Hämeen Ammattikorkeakoulussa](../../companies/hamk.md)"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


Variant = Callable[[str], str | bytes]
VARIANTS: dict[str, Variant] = {
    "byte-order-mark": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "bom-and-crlf": lambda text: ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"),
    "decomposed": nfd,
    "trailing-spaces": lambda text: text.replace("\n", "   \n"),
    "trailing-tabs": lambda text: text.replace("\n", "\t\n"),
    "no-final-newline": lambda text: text.rstrip("\n"),
    "old-mac-line-ends": lambda text: text.replace("\n", "\r"),
}


def summary(root: Path) -> dict[str, Any]:
    """Everything the knowledge base holds, in a form two trees can be compared by."""
    kb = check(root).kb
    return {
        "memos": [(m.path, dataclasses.asdict(m.meta), m.date, m.valid) for m in kb.memos],
        "companies": {slug: dataclasses.asdict(c.meta) for slug, c in kb.companies.items()},
        "people": sorted(kb.people),
        "company_memos": {slug: [m.path for m in memos] for slug, memos in kb.company_memos.items()},
        "person_memos": {slug: [m.path for m in memos] for slug, memos in kb.person_memos.items()},
    }


@pytest.mark.parametrize("variant", VARIANTS, ids=list(VARIANTS))
def test_odd_memo_reads_like_the_plain_one(tree: TreeWriter, tmp_path_factory: pytest.TempPathFactory,
                                           variant: str) -> None:
    plain = tree(PLAIN)
    odd_root = tmp_path_factory.mktemp("odd")
    for relative, text in PLAIN.items():
        path = odd_root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        written = VARIANTS[variant](text)
        path.write_bytes(written if isinstance(written, bytes) else written.encode("utf-8"))
    assert check(odd_root).problems == []
    assert summary(odd_root) == summary(plain)
    assert HAMK_LINK in link_all(check(odd_root).kb).bodies[MEMO]


def test_the_plain_form_itself_is_clean_and_linked(tree: TreeWriter) -> None:
    root = tree(PLAIN)
    result = check(root)
    assert result.problems == []
    assert [m.path for m in result.kb.company_memos["hamk"]] == [MEMO]
    body = link_all(result.kb).bodies[MEMO]
    assert body == ("Tapasimme " + HAMK_LINK + " [Petri Laitisen](../../people/petri-laitinen.md) kanssa.\n\n"
                    "- [ ] @petri-laitinen Lähettää esitteen (määräaika 15.6.2012)\n")


def test_a_decomposed_mention_links_to_a_composed_name(tree: TreeWriter) -> None:
    """The memo typed on a Mac (NFD), the company file elsewhere (NFC): still one name."""
    root = tree({**PLAIN, MEMO: nfd(PLAIN[MEMO])})
    assert nfd(PLAIN[MEMO]) != PLAIN[MEMO]
    assert HAMK_LINK in link_all(check(root).kb).bodies[MEMO]


def test_a_composed_mention_links_to_a_decomposed_name(tree: TreeWriter) -> None:
    root = tree({**PLAIN, HAMK: nfd(PLAIN_HAMK)})
    kb = check(root).kb
    assert kb.companies["hamk"].name == "Hämeen Ammattikorkeakoulu"
    assert HAMK_LINK in link_all(kb).bodies[MEMO]


def test_metropoliassa_links_in_a_decomposed_memo(tree: TreeWriter) -> None:
    memo = nfd(PLAIN[MEMO].replace("Tapasimme", "Olimme Metropoliassa, sitten Hämeenlinnassa; tapasimme"))
    assert "a\u0308" in memo
    root = tree({**PLAIN, MEMO: memo})
    assert check(root).problems == []
    assert link_all(check(root).kb).bodies[MEMO].startswith(
        "Olimme [Metropoliassa](../../companies/metropolia.md), sitten Hämeenlinnassa; tapasimme " + HAMK_LINK
    )


def test_front_matter_without_a_body_is_a_valid_memo(tree: TreeWriter) -> None:
    """A memo written before the meeting (who, when) is fine: it gets a page with just its facts."""
    front = PLAIN[MEMO].split("---\n")[1]
    for text in (f"---\n{front}---\n", f"---\n{front}---", f"---\n{front}---\n\n\n"):
        root = tree({**PLAIN, MEMO: text})
        result = check(root)
        assert result.problems == []
        assert result.kb.memos[0].valid
        assert result.kb.memos[0].source.body.strip() == ""
