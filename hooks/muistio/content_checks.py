"""Checks on what a memo's or a company's body says: unsafe raw HTML, and personal data.

Markdown lets a writer paste raw HTML, and the site passes it through to every reader's browser.
A pasted `<script>`, `<iframe>`, `onclick=` or `javascript:` link would run or embed someone
else's content on our site, so those are errors. Harmless HTML (`<br>`, `<kbd>`, `<sup>`,
`<details>`) stays allowed: writers use it and it does nothing a reader did not ask for.

E-mail addresses and phone numbers typed into a memo are published with it, while the same
details in a contact's `email:` and `phone:` are private (the public site leaves them out).
Those are warnings that say where the detail belongs.

markdown-it (CommonMark, like the site's parser in all that matters here) decides what is code,
what is a link and what is raw HTML; the raw HTML is then read with Python's own HTML tokenizer,
so `<SCRIPT >`, `<a href = "java&#115;cript:...">` and tags split over lines are seen as a browser
sees them, and nothing inside code (blocks or backticks) is ever reported.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from muistio.load import COMPANIES_DIR
from muistio.problems import Problem, Severity
from muistio.records import Company, Memo

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FORBIDDEN_TAGS = frozenset(
    "script style iframe frame frameset object embed applet base meta link".split()
)
"""Tags that run code, load another page or restyle the site: never needed in a memo."""
_SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_URL_NOISE = re.compile(r"[\t\n\r]")
"""Browsers drop tabs and line breaks anywhere in a URL, so `java\tscript:` still runs."""

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
_PHONE = re.compile(
    r"(?<![\w+.,:/-])"  # not the tail of a word, a number, a date (16.5.), a time or a path
    r"(?P<prefix>(?:\+|00)358[ -]?(?:\(0\)[ -]?)?|\(0\d{1,3}\)[ -]?|0)"
    r"\d[\d -]{4,14}\d"
    r"(?![\w-]|[.,:]\d)"
)
_BUSINESS_ID = re.compile(r"\d{7}-\d")
_EMAIL_DOMAIN = re.compile(r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
"""The part of `_EMAIL` after the `@`: its literal start lets the engine jump from `@` to `@`."""


def check_body(record: Memo | Company) -> list[Problem]:
    """Every unsafe-HTML error and personal-data warning in a record's body, at its file line."""
    source = record.source
    if not source.body.strip() or not _may_need_checking(source.body):
        return []
    companies = tuple(record.meta.companies) if isinstance(record, Memo) else None
    return list(_checked(source.path, source.body, source.body_line, companies))


def _may_need_checking(body: str) -> bool:
    """A cheap scan first: most memos hold no HTML, address, entity or phone number at all, and
    parsing every body with markdown-it was most of `kb check`'s time.

    The scan must let through every body `_checked` can report on, and cost next to nothing. So it
    looks for what each finding cannot do without, with `str.find` (which skips ahead in C):
    a `<` or `&`; a `:` after the letters of "script"; an `@` followed by a domain; and `+`, `(`
    or `0`, where a phone number starts, each tried with `_PHONE` there. Searching with the
    patterns themselves is many times slower: they begin with a lookbehind or a set of
    characters, which Python's regex engine tries at every position."""
    if "<" in body or "&" in body:
        return True
    return _may_hold_script_scheme(body) or (
        "@" in body and _EMAIL_DOMAIN.search(body) is not None) or _may_hold_phone(body)


def _may_hold_script_scheme(body: str) -> bool:
    """A `:` whose six letters before, skipping the line breaks and tabs a browser drops, spell
    "script" (`javascript:`, `vbscript:`)."""
    colon = body.find(":")
    while colon >= 0:
        letters: list[str] = []
        at = colon - 1
        while at >= 0 and len(letters) < len("script"):
            if body[at] not in "\t\n\r":
                letters.append(body[at])
            at -= 1
        if "".join(reversed(letters)).lower() == "script":
            return True
        colon = body.find(":", colon + 1)
    return False


def _may_hold_phone(body: str) -> bool:
    for start in "+(0":  # what `_PHONE`'s prefix begins with
        at = body.find(start)
        while at >= 0:
            if _PHONE.match(body, at):
                return True
            at = body.find(start, at + 1)
    return False


def _checked(path: str, body: str, body_line: int, companies: tuple[str, ...] | None) -> tuple[Problem, ...]:
    """Run once per version of a file: the pipeline keeps the result with the validated record."""
    problems: list[Problem] = []
    seen: set[tuple[int, str, str]] = set()

    def add(line: int, code: str, params: dict[str, object], severity: Severity = Severity.ERROR) -> None:
        key = (line, code, str(params.get("value", params.get("tag", ""))))
        if key not in seen:
            seen.add(key)
            problems.append(Problem(path, body_line + line - 1, code, params, severity))

    personal = companies is not None
    where = f"{COMPANIES_DIR}/{companies[0]}.md" if companies and len(companies) == 1 else ""
    for piece in _pieces(body):
        if piece.kind == "html":
            for line, code, params in _html_problems(piece.text):
                add(piece.line + line - 1, code, params)
        elif piece.kind == "href" and _is_script_url(piece.text):
            add(piece.line, "javascript_link", {"value": _shown(piece.text)})
        if personal:
            for offset, code, value in _personal_data(piece):
                add(piece.line + offset, code, {"value": value, "suggestion": where}, Severity.WARNING)
    return tuple(problems)


PERSONAL_DATA = ("email_in_text", "phone_in_text")
"""The personal-data warnings, whose suggestion names the organisation file the detail belongs in."""


def known_files_only(problems: list[Problem], companies: Collection[str]) -> list[Problem]:
    """The problems, with a personal-data warning's suggested file dropped when no organisation
    has it: a memo listing `sanoma` instead of `sanoma-wsoy` must not be told to move a phone
    number into companies/sanoma.md (the unknown slug has its own error). The warning is made per
    file, before the organisations are known; the message then names no file."""
    known = {f"{COMPANIES_DIR}/{slug}.md" for slug in companies}
    return [replace(problem, params={**problem.params, "suggestion": ""})
            if problem.code in PERSONAL_DATA and problem.params.get("suggestion") not in known | {""}
            else problem for problem in problems]


def link_targets(body: str) -> Iterator[tuple[int, str]]:
    """(line within the body, target) of every link and image, as markdown-it reads them: not in
    code, reference links resolved (`muistio.page_links` checks the relative ones)."""
    for piece in _pieces(body):
        if piece.kind == "href":
            yield piece.line, piece.text


@dataclass(frozen=True)
class _Piece:
    """A part of the body as markdown-it read it: running text, raw HTML, or a link target."""

    kind: str
    """`text`, `html` or `href`."""
    text: str
    line: int
    """1-based line within the body where the piece starts."""


@cache
def _parser() -> MarkdownIt:
    """Made on first use: only bodies the quick scan flags are parsed, so most runs never import
    markdown-it here. It drops `javascript:` links by default (renders them as text); we must
    see them."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


def _pieces(body: str) -> Iterator[_Piece]:
    lines = body.split("\n")
    for token in _parser().parse(body):
        if not token.map or token.type in ("fence", "code_block"):
            continue
        if token.type == "html_block":
            yield _Piece("html", token.content, token.map[0] + 1)
        elif token.type == "inline":
            yield from _inline_pieces(token, lines)


def _inline_pieces(token: Token, lines: list[str]) -> Iterator[_Piece]:
    """The inline parts of one block, each with its line (children carry no line of their own)."""
    assert token.map is not None
    first, end = token.map
    line = first
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "html_inline":
            at = _find(lines, line, end, child.content.split("\n", 1)[0])
            yield _Piece("html", child.content, at + 1)
            line = at + child.content.count("\n")
        elif child.type in ("link_open", "image"):
            target = str(child.attrs.get("href") or child.attrs.get("src") or "")
            yield _Piece("href", target, _find(lines, line, end, target) + 1)
        elif child.type == "text":
            yield _Piece("text", child.content, _find(lines, line, end, child.content) + 1)


def _find(lines: list[str], guess: int, end: int, needle: str) -> int:
    """The first line from `guess` holding `needle`: corrects the count after a code span that
    crossed a line break (markdown-it folds that break into the span, leaving no softbreak)."""
    if needle:
        for index in range(guess, min(end, len(lines))):
            if needle in lines[index]:
                return index
    return guess


def _start_tags(html: str) -> list[tuple[int, str, list[tuple[str, str | None]]]]:
    """Each start tag with its attributes and line, as a browser would tokenize it. (html.parser
    is imported here: most memos hold no HTML, and `kb check` starts faster without it.)"""
    from html.parser import HTMLParser

    tags: list[tuple[int, str, list[tuple[str, str | None]]]] = []

    class TagReader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((self.getpos()[0], tag, attrs))

    reader = TagReader(convert_charrefs=True)
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):  # very old or odd markup: report what was read so far
        pass
    return tags


def _html_problems(html: str) -> Iterator[tuple[int, str, dict[str, object]]]:
    for line, tag, attrs in _start_tags(html):
        if tag in FORBIDDEN_TAGS:
            yield line, "html_forbidden_tag", {"tag": tag}
        for name, value in attrs:
            if name.startswith("on") and len(name) > 2:
                yield line, "html_event_attribute", {"tag": tag, "attribute": name}
            elif value and _is_script_url(value):
                yield line, "javascript_link", {"value": _shown(value)}


def _is_script_url(url: str) -> bool:
    cleaned = _URL_NOISE.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f "
                                            "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f")
    return cleaned.lower().startswith(_SCRIPT_SCHEMES)


def _personal_data(piece: _Piece) -> Iterator[tuple[int, str, str]]:
    """(line offset within the piece, code, value) of each e-mail address and phone number."""
    text = piece.text
    if piece.kind == "href":
        scheme, _, rest = text.partition(":")
        if scheme.lower() == "mailto":
            text = rest
        elif scheme.lower() == "tel":
            text = rest.replace("%20", " ")
        else:
            return
    for match in _EMAIL.finditer(text):
        yield text.count("\n", 0, match.start()), "email_in_text", match.group()
    for match in _PHONE.finditer(text):
        if _is_phone_number(match.group(), match.group("prefix")):
            yield text.count("\n", 0, match.start()), "phone_in_text", match.group()


def _is_phone_number(written: str, prefix: str) -> bool:
    """Finnish numbers: 040 123 4567, 09-123 4567, +358 40 1234567; not 1234567-8 or 00100."""
    if "  " in written or "--" in written or _BUSINESS_ID.fullmatch(written):
        return False
    groups = re.split(r"[ -]", written[len(prefix):])
    if len(groups) > 1 and any(len(group) < 2 for group in groups[1:]):
        return False  # a check digit or a stray figure, not a block of a phone number
    digits = re.sub(r"\D", "", written)
    if prefix.startswith(("+", "00")):
        national = digits[5:] if digits.startswith("00") else digits[3:]
        return 6 <= len(national.removeprefix("0")) <= 10
    return 8 <= len(digits) <= 11


def _shown(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."
