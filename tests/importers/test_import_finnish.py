"""Finnish letters survive every path, however they arrive."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from muistio.importers import StaticDirectory, import_paths
from muistio.names import slugify


def test_decomposed_text_copy_is_written_in_nfc(tmp_path: Path, kb: Path, directory: StaticDirectory):
    text = "Työpaja Åbo Akademin kanssa\nMuistio 4.2.2013\nKäytiin läpi yhteistyö.\n"
    copy = tmp_path / "macos.txt"
    copy.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    run = import_paths([copy], directory, kb)
    assert run.pages[0].outcome is not None
    memo = (kb / str(run.pages[0].outcome.path)).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", memo)
    assert "title: Työpaja Åbo Akademin kanssa\n" in memo
    assert "Käytiin läpi yhteistyö." in memo
    assert str(run.pages[0].outcome.path) == "memos/2013/2013-02-04-tyopaja-abo-akademin-kanssa.md"


def test_entities_in_html_become_letters(tmp_path: Path, kb: Path, directory: StaticDirectory):
    page = tmp_path / "Muistio_123.html"
    page.write_text(
        '<html><head><title>x</title></head><body><h1><span id="title-text">'
        'Ty&ouml;pajan muistio</span></h1><div id="main-content"><p>Muistio 5.3.2013</p>'
        "<p>P&auml;&auml;tettiin&nbsp;jatkaa &aring;t&auml; &#228; &#x00E4;.</p></div></body></html>",
        encoding="ascii",
    )
    run = import_paths([page], directory, kb)
    assert run.pages[0].outcome is not None
    memo = (kb / str(run.pages[0].outcome.path)).read_text(encoding="utf-8")
    assert "title: Työpajan muistio\n" in memo
    assert "Päätettiin jatkaa åtä ä ä." in memo
    assert "source: confluence:123\n" in memo


def test_slugs_follow_the_knowledge_base_rules():
    assert slugify("Tapaaminen projektipäällikkö Petri Laitisen kanssa") == (
        "tapaaminen-projektipaallikko-petri-laitisen-kanssa"
    )
    assert slugify("Kokous Sanoma WSOY:n kanssa") == "kokous-sanoma-wsoyn-kanssa"
    assert slugify("Åbo -- Café / Öljy") == "abo-cafe-oljy"
    long = slugify("Erittäin pitkä otsikko " * 6)
    assert len(long) <= 60 and not long.endswith("-")


SPECIAL = """Otsikko 1.2.2013
#tunniste alussa
2012. vuonna aloitettiin
Teksti *tähdillä* ja _alaviivalla_ ja muuttuja_nimi sekä <b>tagi</b> ja [hakasulkeet] ja `koodi`
> ei lainaus
+ ei lista
"""


def test_markdown_characters_render_as_the_words_written(tmp_path: Path, kb: Path, directory: StaticDirectory):
    """What MkDocs shows must be what the page said: no stray emphasis, headings or lists."""
    copy = tmp_path / "special.txt"
    copy.write_text(SPECIAL, encoding="utf-8")
    run = import_paths([copy], directory, kb)
    assert run.pages[0].memo is not None
    html = markdown.markdown(run.pages[0].memo.body)
    assert "<h1" not in html and "<ol" not in html and "<em" not in html and "<b>" not in html
    assert "<blockquote" not in html and "<ul" not in html and "<code" not in html
    shown = [p.get_text() for p in BeautifulSoup(html, "html.parser").find_all("p")]
    assert shown == SPECIAL.strip().split("\n")
