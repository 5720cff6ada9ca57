"""Cut the sentence around a mention, as plain text, for "mentioned in" lists.

An entity page lists where it is mentioned with the sentence around each mention, so the reader
sees *what* was said without opening every memo. The sentence is shown as plain text: Markdown
syntax is stripped (a half-cut ``**`` or ``[text](url)`` would render as noise), whitespace is
folded (memos are wrapped at arbitrary columns), and a very long "sentence" - a paragraph
without punctuation, common in pasted notes - is trimmed to a window around the mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

#: Words that end in a full stop without ending the sentence (esim. = for example).
ABBREVIATIONS = frozenset(
    """esim mm ym yms jne tms vrt ks ns n noin ca klo os puh nro no s p kpl milj mrd
    tri prof toht dipl ins fil maist yo ao em ko ma ti ke to pe la su tammik helmik
    maalisk huhtik toukok kesäk heinäk elok syysk lokak marrask jouluk oy oyj ab ltd inc
    e g i eg ie etc vs jr sr""".split()
)

LEADING_ABBREVIATIONS = frozenset(
    """esim mm ks vrt ns n noin ca klo puh nro tri prof toht dipl ins fil maist os vs eg ie""".split()
)
"""Abbreviations that lead into what follows ("mm. Posti", "ks. Kone"), never end a sentence:
unlike "jne." or "yms.", the capital after them is the name's own."""

MAX_SENTENCE = 300  # characters; longer sentences are trimmed around the mention
_CLOSERS = "\"'”’»)]"
_EMPHASIS_RE = re.compile(r"[*_~]")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Markup:
    """A piece of Markdown syntax in a block of text, and what of it reads as text.

    ``[keep_start, keep_end)`` is kept (a link's text, a code span's code); with
    ``replacement`` set, the span reads as that string instead (a decoded ``&amp;``).
    """

    start: int
    end: int
    keep_start: int = 0
    keep_end: int = 0
    replacement: str | None = None


def plain_text(block: str, markup: list[Markup]) -> tuple[str, Sequence[int]]:
    """``block`` with ``markup`` and emphasis markers removed, and each char's index in ``block``.

    Most paragraphs that name someone are plain running text, kept as they are: their index is a
    `range`, not a list of one number per character built only to say so."""
    if not markup and not _EMPHASIS_RE.search(block):
        return block, range(len(block))
    out: list[str] = []
    index: list[int] = []

    def keep(start: int, end: int) -> None:
        """Copy ``block[start:end]``, dropping emphasis delimiters."""
        pos = start
        for marker in _EMPHASIS_RE.finditer(block, start, end):
            if _is_delimiter(block, marker.start()):
                out.append(block[pos : marker.start()])
                index.extend(range(pos, marker.start()))
                pos = marker.start() + 1
        out.append(block[pos:end])
        index.extend(range(pos, end))

    pos = 0
    for span in sorted(markup, key=lambda m: (m.start, -m.end)):
        if span.start < pos:
            continue  # nested in a span already handled
        keep(pos, span.start)
        if span.replacement is not None:
            out.append(span.replacement)
            index.extend([span.start] * len(span.replacement))
        else:
            kept_start, kept_end = max(span.keep_start, span.start), min(span.keep_end, span.end)
            if kept_end > kept_start:
                out.append(block[kept_start:kept_end])
                index.extend(range(kept_start, kept_end))
        pos = max(pos, span.end)
    keep(pos, len(block))
    return "".join(out), index


def _is_delimiter(block: str, i: int) -> bool:
    """Emphasis markers touch a word on one side only; "5 * 3" and snake_case stay."""
    before = block[i - 1] if i > 0 else " "
    after = block[i + 1] if i + 1 < len(block) else " "
    if block[i] == "_" and before.isalnum() and after.isalnum():
        return False
    return not (before.isspace() and after.isspace())


@lru_cache(maxsize=64)
def sentence_breaks(text: str) -> tuple[int, ...]:
    """Offsets where a new sentence starts."""
    breaks = [0]
    for match in re.finditer(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(\s+)", text):
        nxt = match.end()
        if nxt >= len(text):
            continue
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in "\"'“”«([*-–"):
            if "\n" not in match.group(1):
                continue
        if text[match.start()] == ".":
            word = _word_before(text, match.start())
            if word and word.lower() in ABBREVIATIONS and "\n" not in match.group(1):
                continue
        breaks.append(nxt)
    for match in re.finditer(r":[ \t]*\n\s*", text):  # "Keskusteltiin:\nTyönantajat ..."
        breaks.append(match.end())
    return tuple(sorted(set(breaks)))


def _word_before(text: str, end: int) -> str:
    """The run of word characters (regex ``\\w``: alphanumerics and "_") ending at ``end``.

    A backward scan: ``re.search(r"\\w+$", text[:end])`` tries every position of the text
    before it, which made cutting a paragraph into sentences quadratic in its length."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:end]


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence of ``text`` containing ``[start, end)``, whitespace folded, and the span's
    offsets inside it."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    sentence_start = 0
    sentence_end = len(text)
    for brk in sentence_breaks(text):
        if brk <= start:
            sentence_start = brk
        elif brk >= end:
            sentence_end = brk
            break
    # A paragraph with no sentence end (a pasted list, thousands of lines) would make every
    # mention fold the whole paragraph: look at most `limit` characters either side.
    limit = 2 * MAX_SENTENCE
    clipped_left = start - sentence_start > limit
    clipped_right = sentence_end - end > limit
    if clipped_left:
        sentence_start = start - limit
    if clipped_right:
        sentence_end = end + limit
    before = _SPACE_RE.sub(" ", text[sentence_start:start]).lstrip()
    span = _SPACE_RE.sub(" ", text[start:end])
    after = _SPACE_RE.sub(" ", text[end:sentence_end]).rstrip()
    folded = before + span + after
    s, e = len(before), len(before) + len(span)
    if "  " in folded or folded[:1] == " " or folded[-1:] == " ":  # span starts/ends in space
        folded, (s, e) = _fold(text[sentence_start:sentence_end], start - sentence_start, end - sentence_start)
    if len(folded) > MAX_SENTENCE:
        folded, s, e = _window(folded, s, e)
    if clipped_left and not folded.startswith("… "):
        folded, s, e = "… " + folded, s + 2, e + 2
    if clipped_right and not folded.endswith(" …"):
        folded += " …"
    return folded, s, e


def _fold(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """Fold whitespace runs to one space and strip, tracking ``start`` and ``end`` (slow path)."""
    out: list[str] = []
    new_start = new_end = -1
    for i, char in enumerate(text):
        if i == start:
            new_start = len(out)
        if i == end:
            new_end = len(out)
        if not char.isspace():
            out.append(char)
        elif out and out[-1] != " ":
            out.append(" ")
    if new_start == -1:
        new_start = len(out)
    if new_end == -1:
        new_end = len(out)
    while out and out[-1] == " ":
        out.pop()
    new_end = min(new_end, len(out))
    new_start = min(new_start, new_end)
    if out[new_start : new_start + 1] == [" "] and new_start < new_end:
        new_start += 1
    if new_end > new_start and out[new_end - 1] == " ":
        new_end -= 1
    return "".join(out), (new_start, new_end)


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Trim a long sentence to about MAX_SENTENCE characters around the span, at spaces."""
    room = max(0, MAX_SENTENCE - (end - start)) // 2
    left = max(0, start - room)
    right = min(len(text), end + room)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(text) else ""
    shift = len(prefix) - left
    return prefix + text[left:right] + suffix, start + shift, end + shift
