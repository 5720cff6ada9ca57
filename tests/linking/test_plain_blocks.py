"""Plain memos are split into paragraphs without markdown-it (`plain_blocks`); whenever that path
answers, it must answer what markdown-it would: the same paragraphs, texts and lines. A
difference would link a name inside a code block or a heading, or miss one in a paragraph."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from muistio.linking.markdown import _PARSER, _blocks, _map_each_line, _map_lines, _Source
from muistio.linking.plain_blocks import paragraphs

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("MUISTIO_EXAMPLES", "200"))


def markdown_it_paragraphs(text: str) -> list[tuple[str, int, int]]:
    """What the linker reads from markdown-it: each paragraph's (or table cell's) inline text and lines."""
    tokens = _PARSER.parse(text)
    return [(token.content, token.map[0], token.map[1]) for opener, token in zip(tokens, tokens[1:], strict=False)
            if token.type == "inline" and token.map and opener.type in ("paragraph_open", "th_open", "td_open")]


WORDS = st.sampled_from(["Sanoma", "WSOY:n", "Petri", "Laitisen", "ja", "OP-Pohjolaan", "2024", "1.", "3)", "ä", "x"])
MARKS = st.sampled_from(["*", "**", "_", "`", "[", "]", "[[", "]]", "<b>", "&amp;", "|", "\\", "@petri", "#", "-", ":",
                         "]:", "(", "«", "—", "\u00a0", " ", "  ", "\t", "!", "~"])
INLINE = st.lists(st.one_of(WORDS, MARKS), max_size=8).map(" ".join)
PLAIN = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
LINE = st.one_of(
    PLAIN, PLAIN, PLAIN, st.builds("{}{}".format, st.sampled_from(["- ", "* ", "+ ", "- [ ] ", "## "]), PLAIN),
    INLINE,
    st.builds("{}{}".format, st.sampled_from(["# ", "## ", "###### ", "####### ", "#", "- ", "* ", "+ ", "-  ",
                                               "- [ ] ", "- [x] @petri ", "1. ", "2) ", "> ", "    ", "  ", " ",
                                               "```", "~~~", "<div>", "| ", "[a]: ", "**", "_", "***", "* * ",
                                               "---", "===", "-", "- - ", "\\"]), INLINE),
    st.sampled_from(["", " ", "  ", "---", "***", "===", "```", "- ", "-", "*", "| a | b |", "|---|---|"]),
)
DOCUMENTS = st.lists(LINE, max_size=12).map("\n".join)


@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(DOCUMENTS)
@example("***\t")  # a thematic break: tabs may follow or sit between its marks (found by a CI run)
@example("Sanoma WSOY:n\n**\t*\nPetri")
def test_plain_path_agrees_with_markdown_it_on_generated_markdown(text: str) -> None:
    found = paragraphs(text)
    if found is not None:
        assert found == markdown_it_paragraphs(text)


@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(DOCUMENTS, st.sampled_from(["\n", "\r\n", "\n\t", "\n ", "  \n", "\x00\n"]))
def test_a_verbatim_paragraph_maps_to_its_offsets_as_line_by_line(text: str, line_end: str) -> None:
    """Most paragraphs are their source lines as they stand, and `_map_lines` then answers with a
    range; it must be the offsets that finding each line in the source gives."""
    text = text.replace("\n", line_end)
    src = _Source.of(text)
    for content, first, last in markdown_it_paragraphs(text.replace("\x00", "\ufffd")):
        parts = content.split("\n")
        if len(parts) == last - first:
            assert list(_map_lines(content, src, first, last, None)) == _map_each_line(content, parts, src, first, None)


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every memo of the repository and of a small synthetic corpus (the memos the benchmark times)."""
    corpus = tmp_path_factory.mktemp("corpus") / "kb"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), str(corpus), "--memos", "60", "--no-site"],
                   check=True, capture_output=True)
    paths = [*REPO.glob("memos/**/*.md"), *REPO.glob("tests/bad_inputs/**/*.md"), *corpus.glob("memos/**/*.md")]
    bodies = []
    for path in sorted(p for p in paths if p.is_file() and not p.is_symlink()):
        text = path.read_text(encoding="utf-8", errors="replace")
        bodies.append(text.split("---\n", 2)[2] if text.startswith("---\n") and text.count("---\n") >= 2 else text)
    return bodies


def test_plain_path_agrees_with_markdown_it_on_real_and_synthetic_memos(bodies: list[str]) -> None:
    answered = 0
    for body in bodies:
        found = paragraphs(body)
        if found is not None:
            answered += 1
            assert found == markdown_it_paragraphs(body)
    assert answered >= len(bodies) // 2  # the synthetic memos are plain: the fast path must take them


def test_linker_blocks_are_the_same_on_either_path(bodies: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The blocks the linker builds (texts, source offsets, syntax spans) do not depend on the path."""
    fast = [_blocks(body, _Source.of(body)) for body in bodies]
    monkeypatch.setattr("muistio.linking.markdown.paragraphs", lambda text: None)
    assert fast == [_blocks(body, _Source.of(body)) for body in bodies]


@pytest.mark.parametrize("text", [
    "- kohta\njatkuu samalla rivillä", "Teksti\n    koodia", "```\nSanoma\n```", "> Sanoma", "<div>\nSanoma\n</div>",
    "| a | b |\n|---|---|\n| Sanoma | x |", "Otsikko\n===", "Teksti\n---", "1. kohta", "[a]: https://x", "\tSanoma",
    "* * *", "#hashtag", "-kohta", "- 1.", "- 2) kohta",
    "Sanoma\r\nWSOY", "Sanoma\0", "- kohta\n\tjatkuu", "Sanoma | x\n--|--", "- a | b\n- | -",
])
def test_anything_beyond_plain_markdown_goes_to_markdown_it(text: str) -> None:
    assert paragraphs(text) is None
