"""Conversion workers reuse one Python-Markdown instance (hooks/reused_markdown.py); a page must
come out exactly as a fresh instance, which MkDocs would make for it, converts it."""

from __future__ import annotations

from pathlib import Path

import markdown
import mkdocs.structure.pages
import pytest
import reused_markdown
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitebuild import REPO

SETTINGS = {"toc": {"permalink": True}, "pymdownx.tasklist": {"custom_checkbox": True}}

# Each document leaves state behind in some extension (footnotes, abbreviations, reference links,
# heading ids, stashed HTML and code, tab and details counters); the next one must not see it.
DOCUMENTS = [
    """# Tapaaminen

Sanoma WSOY[^1] ja *HTML* [linkki][ref] ==merkitty== ^^lisätty^^ ~~poistettu~~ ++ctrl+alt+del++ (c) -->

[^1]: Alaviite.
*[HTML]: Hypertext Markup Language
[ref]: https://example.com/

## Taustaa {: #oma-id .luokka }

Termi
:   Määritelmä

- [x] tehty
- [ ] kesken

!!! note "Huomio"
    Admonition.

??? tip "Avattava"
    Details.

=== "Yksi"
    Välilehti.

=== "Kaksi"
    Toinen.

```python
print("koodi")
```

`#!python inline()`

<div markdown>**md_in_html**</div>

| a | b |
|---|---|
| 1 | 2 |
""",
    """# Tapaaminen

Ei alaviitteitä, mutta [ref] ja HTML ilman määritelmää.

## Taustaa

Toinen [^1] viittaus ilman määritelmää.

=== "Yksi"
    Välilehti.

??? tip "Avattava"
    Details.

```python
print("koodi")
```
""",
    "Pelkkä kappale.\n\n## Taustaa\n\n## Taustaa\n",
]


def fresh(extensions: list[str], text: str) -> str:
    return markdown.Markdown(extensions=extensions, extension_configs=SETTINGS).convert(text)


def test_every_extension_known_to_reset_cleanly_does() -> None:
    extensions = sorted(reused_markdown.RESETS_CLEANLY)
    stand_in = reused_markdown._ReusedMarkdown()
    for text in [*DOCUMENTS, *DOCUMENTS]:  # in a row, and each one after every other
        reused = stand_in.Markdown(extensions=extensions, extension_configs=SETTINGS).convert(text)
        assert reused == fresh(extensions, text)
    assert len(stand_in._made) == 1


def test_an_extension_not_known_to_reset_cleanly_gets_a_fresh_instance_per_page() -> None:
    stand_in = reused_markdown._ReusedMarkdown()
    first = stand_in.Markdown(extensions=["toc", "pymdownx.snippets"], extension_configs={})
    assert stand_in.Markdown(extensions=["toc", "pymdownx.snippets"], extension_configs={}) is not first
    assert stand_in.Markdown(extensions=["toc"], extension_configs={}) is stand_in.Markdown(
        extensions=["toc"], extension_configs={})
    assert stand_in.Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": True}}) is not (
        stand_in.Markdown(extensions=["toc"], extension_configs={}))


@pytest.mark.parametrize("config_file", ["mkdocs.yml", "mkdocs.public.yml"])
def test_the_sites_own_extensions_are_reused(config_file: str) -> None:
    config = load_config(str(REPO / config_file))
    assert reused_markdown.reusable(config.markdown_extensions), (
        "an extension of the site is not in RESETS_CLEANLY: add it with a document that exercises it")


def test_mkdocs_renders_pages_alike_with_the_stand_in(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Title, table of contents, anchors and HTML of MkDocs' own render, page after page."""
    config = load_config(str(REPO / "mkdocs.yml"))
    config.markdown_extensions = sorted(reused_markdown.RESETS_CLEANLY)
    config.mdx_configs = SETTINGS
    for i, text in enumerate(DOCUMENTS * 2):
        (tmp_path / f"p{i}.md").write_text(text, encoding="utf-8")
    files = Files([File(f"p{i}.md", str(tmp_path), str(tmp_path / "site"), True) for i in range(len(DOCUMENTS) * 2)])

    def rendered() -> list[tuple[str | None, str | None, str, set[str] | None]]:
        out = []
        for file in files:
            page = Page(None, file, config)
            page.read_source(config)
            page.render(config, files)
            out.append((page.content, page.title, str(page.toc), page.present_anchor_ids))
        return out

    expected = rendered()
    monkeypatch.setattr(mkdocs.structure.pages, "markdown", mkdocs.structure.pages.markdown)
    reused_markdown.install()
    assert isinstance(mkdocs.structure.pages.markdown, reused_markdown._ReusedMarkdown)
    assert rendered() == expected
