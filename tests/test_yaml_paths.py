"""Front matter is read on two paths that must agree: libyaml composing directly (most files) and
the event stream checked for anchors, tags and depth first (files that might hold those).

A difference would show as a value, a line number or a message that changes with a character
elsewhere in the file (a `&` in a title sends the file down the other path).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from muistio.yaml_lines import _parse_direct, _parse_events, _plainly_shallow, parse

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("MUISTIO_EXAMPLES", "200"))


def front_matters() -> list[pytest.param]:
    """Every front matter in the repository's content and in the committed bad-input cases."""
    files = [*REPO.glob("memos/**/*.md"), *REPO.glob("companies/*.md"), *REPO.glob("tests/bad_inputs/**/*.md")]
    texts = []
    for path in sorted(f for f in files if f.is_file() and not f.is_symlink()):
        parts = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("---\n", 2)
        if len(parts) == 3:
            texts.append(pytest.param(parts[1], id=str(path.relative_to(REPO))))
    return texts


@pytest.mark.parametrize("text", front_matters())
def test_both_paths_read_every_front_matter_alike(text: str) -> None:
    if _plainly_shallow(text):  # the others (an alias bomb among them) must never be composed directly
        assert _parse_direct(text) == _parse_events(text)
    assert parse(text) == _parse_events(text)


def test_the_cases_cover_both_paths() -> None:
    """Otherwise the test above compares a path with itself on every file and proves nothing."""
    shallow = [_plainly_shallow(param.values[0]) for param in front_matters()]
    assert any(shallow) and not all(shallow)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "title: !!python/object:os.system x\n", "tags: " + "[" * 30 + "]" * 30 + "\n",
    "".join(" " * i + f"k{i}:\n" for i in range(30)) + " " * 30 + "v\n", "- " * 30 + "x\n", "title: Q&A\n",
])
def test_what_must_be_refused_never_takes_the_direct_path(text: str) -> None:
    assert not _plainly_shallow(text)
    assert parse(text) == _parse_events(text)


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.dates().map(str)
    | st.text(alphabet=st.sampled_from("aäö ZÅ:-#'\"\\,[]{}?!&*|>%@`\t1.0"), max_size=12)
    | st.sampled_from(["yes", "no", "on", "Off", "y", "N", "2012-02-30", "0x1F", "1e3", "~", "null"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.text(alphabet="abcäö-_ 1", min_size=1, max_size=6), children, max_size=3),
    max_leaves=12,
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(_values, st.sampled_from([False, True]), st.integers(min_value=1, max_value=6))
def test_both_paths_agree_on_random_yaml(value: object, flow: bool, indent: int) -> None:
    text = yaml.safe_dump({"title": value}, default_flow_style=flow, indent=max(indent, 2), allow_unicode=True)
    if _plainly_shallow(text):
        assert _parse_direct(text) == _parse_events(text)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(["title: x", "a:", "  b: 1", "- c", "  - d", "tags: [a, b]", "e: 'q", "f: \"",
                                 "\tg: 1", "h: yes", "i: 2012-05-16", "j: {k: 1}", "? l", ": m", "n: |", "  text",
                                 "o: no", "p: a: b", "---", "..."]), max_size=8).map("\n".join))
def test_both_paths_agree_on_broken_yaml(text: str) -> None:
    if _plainly_shallow(text):
        assert _parse_direct(text) == _parse_events(text)
