"""Find linkable text in a memo's Markdown and insert links to the entities it mentions.

Linkable text is the running text of paragraphs, list items, blockquotes and table cells. Never
linked: code (fenced, indented, inline), existing links and images, headings (a link in a
heading is a navigation trap and clutters the table of contents), bare URLs, autolinks and
e-mail addresses, raw HTML (blocks, tags and the text inside inline tags such as ``<a>``), front
matter, link reference definitions, and ``@handle`` assignees of tasks. markdown-it-py decides
what is what, so the rules are CommonMark's, not a regex's guess; its block ``map`` gives the
source lines of each block and a thin wrapper around its inline rules records which source
columns each piece of inline syntax consumed.

Only the FIRST plain-text mention of each entity in a memo gets a link: linking every mention
clutters a memo (a memo about Metropolia would be half blue) and every link after the first
takes the reader to the same page. If a ``[[wikilink]]`` to the entity came earlier, it already
gave the reader the link and no plain mention is linked. Wikilinks are always linked: the writer
asked for them. Every mention, linked or not, is returned for the "mentioned in" lists.

A name that several entities answer to (two contacts called "Petri") is linked to the one the
caller's ``choose`` picks; when it cannot pick, the words stay text, are no mention of anyone, and
their first place is returned in ``ambiguous`` so the writer can say who is meant.

The output equals the input except for the inserted ``[surface](href)`` and replaced wikilinks:
the source is never re-rendered, so diffs of generated pages stay readable and nothing the
writer typed (spacing, line endings, odd Markdown) changes meaning.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

from .matcher import Matcher
from .plain_blocks import paragraphs
from .sentences import Markup, plain_text, sentence_around


@dataclass(frozen=True)
class Mention:
    key: str
    surface: str
    line: int
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    linked: bool
    explicit: bool


@dataclass(frozen=True)
class UnknownWikilink:
    line: int
    target: str
    raw: str


@dataclass(frozen=True)
class AmbiguousName:
    """Words that name several entities equally well, none of which `choose` could pick."""

    line: int
    surface: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class LinkedMarkdown:
    text: str
    mentions: list[Mention]
    unknown_wikilinks: list[UnknownWikilink]
    ambiguous: list[AmbiguousName] = field(default_factory=list)
    """The first unresolved mention of each set of entities; it and the later ones stay text."""
    in_headings: list[UnknownWikilink] = field(default_factory=list)
    """Wikilinks in headings, which are never linked: the writer sees brackets and is told why."""


_ENV_KEY = "muistio_linking"
# Inline rules whose whole span is not running text. Emphasis and strikethrough are not here:
# the text inside ** ** is linkable.
_SYNTAX_RULES = ("escape", "backticks", "link", "image", "autolink", "html_inline", "entity")
_MASK = "\ufffc"  # stands for excluded text: not a word character, not a sentence end
_PIPE = "\u2502"
"""Stands for a "|" inside ``[[...]]`` while the text is parsed: a table would otherwise cut
``[[metropolia|Metropoliassa]]`` into two cells (the offsets stay, so the output keeps the "|")."""
_WIKILINK_RE = re.compile(rf"\[\[([^\[\]\n|{_PIPE}]+)(?:[|{_PIPE}]([^\[\]\n]+))?\]\]")
_ANY_WIKILINK_RE = re.compile(r"\[\[[^\[\]\n]*\]\]")
"""Also what is none: ``[[]]``, ``[[Nokia|]]``, ``[[|Nokialla]]``."""
_BARE_RE = re.compile(
    r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)[^\s<>]*"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])@[\w.-]*\w"  # @handles
)
_TASK_RE = re.compile(r"\[[ xX]\][ \t]+(?:@[\w.-]*\w[ \t]*)*")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")


def _recording(name: str, rule: Callable[[StateInline, bool], bool]) -> Callable[..., bool]:
    def wrapped(state: StateInline, silent: bool) -> bool:
        start = state.pos
        ok = rule(state, silent)
        if ok and not silent:
            slot = state.env.get(_ENV_KEY)
            if slot is not None and slot[0] is state.tokens:
                slot[1].append((start, state.pos, name))
        return ok

    return wrapped


# Every rule in _SYNTAX_RULES starts at one of these characters (an image's "!" comes before "[").
_SYNTAX_START_RE = re.compile(r"[\\`\[<&]")
"""A character some syntax rule starts with; a regex finds one in C (a set test hashed every char)."""
_LINKABLE_OPENERS = frozenset({"paragraph_open", "th_open", "td_open"})


def _core_inline(state: StateCore) -> None:
    """markdown-it's core "inline" rule, reduced to what linking reads: each inline token's syntax
    spans. Only the spans are used, never the inline tokens, so a block that is not linkable (a
    heading) or holds none of the characters a syntax rule starts with is not parsed at all:
    its spans are known to be empty. That halves the parse of a typical memo."""
    opener = ""
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            spans: list[tuple[int, int, str]] = []
            if opener in _LINKABLE_OPENERS and _SYNTAX_START_RE.search(token.content):
                state.env[_ENV_KEY] = (token.children, spans)
                state.md.inline.parse(token.content, state.md, state.env, token.children)
            token.meta["muistio_spans"] = spans
        opener = token.type
    state.env.pop(_ENV_KEY, None)


def _inline_spans(content: str) -> list[tuple[int, int, str]]:
    """The syntax spans of one paragraph's text, as `_core_inline` records them in a full parse."""
    spans: list[tuple[int, int, str]] = []
    if _SYNTAX_START_RE.search(content):
        children: list[Any] = []
        env = {_ENV_KEY: (children, spans)}
        _PARSER.inline.parse(content, _PARSER, env, children)
    return spans


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    for rule in md.inline.ruler.__rules__:
        if rule.name in _SYNTAX_RULES:
            md.inline.ruler.at(rule.name, _recording(rule.name, rule.fn))
    md.core.ruler.at("inline", _core_inline)
    return md


_PARSER = _make_parser()


@dataclass
class _Source:
    """The original text and its lines, with the line breaks markdown-it would normalise."""

    text: str
    starts: list[int] = field(default_factory=list)  # offset of each line
    lines: list[str] = field(default_factory=list)  # each line without its line break

    @classmethod
    def of(cls, text: str) -> _Source:
        src = cls(text)
        if "\r" not in text:  # the usual case: the same lines, split without a regex
            src.lines = text.split("\n")
            src.starts = list(accumulate((len(line) + 1 for line in src.lines[:-1]), initial=0))
            return src
        pos = 0
        for brk in re.finditer(r"\r\n|\r|\n", text):
            src.starts.append(pos)
            src.lines.append(text[pos : brk.start()])
            pos = brk.end()
        src.starts.append(pos)
        src.lines.append(text[pos:])
        return src

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)  # 1-based


@dataclass
class _Block:
    """One inline token: its text as markdown-it saw it, mapped back to source offsets."""

    content: str
    offsets: Sequence[int]  # source offset of each content char, -1 where unknown (a range when verbatim)
    spans: list[tuple[int, int, str]]  # syntax spans recorded by the inline rules


@dataclass
class _Candidate:
    start: int  # source offsets
    end: int
    key: str
    surface: str
    explicit: bool
    replacement: str | None  # wikilinks: the label; None for plain mentions
    block: _Block
    content_start: int
    content_end: int
    markup: list[Markup]


def _front_matter_lines(src: _Source) -> int:
    """Number of leading lines that are YAML front matter (0 if none)."""
    if not src.lines or src.lines[0].rstrip() != "---":
        return 0
    for i in range(1, len(src.lines)):
        if src.lines[i].rstrip() in ("---", "..."):
            return i + 1
    return 0


def _map_lines(content: str, src: _Source, first: int, last: int,
               table_cursor: dict[int, int] | None) -> Sequence[int]:
    """Source offset of each char of ``content`` (lines ``first``..``last``-1), -1 if unknown."""
    parts = content.split("\n")
    if len(parts) != last - first or last > len(src.lines):
        return [-1] * len(content)
    start = _verbatim_start(content, parts, src, first, last) if table_cursor is None else None
    if start is not None:
        return range(start, start + len(content))
    return _map_each_line(content, parts, src, first, table_cursor)


def _map_each_line(content: str, parts: list[str], src: _Source, first: int,
                   table_cursor: dict[int, int] | None) -> list[int]:
    """`_map_lines`, finding each line of ``content`` (``parts``) in its source line."""
    offsets = [-1] * len(content)
    pos = 0
    for j, part in enumerate(parts):
        line_no = first + j
        line = src.lines[line_no].replace("\0", "\ufffd")
        col = _locate(part, line, j == len(parts) - 1, table_cursor, line_no)
        if col is not None:
            column, lead = col
            base = src.starts[line_no] + column
            offsets[pos + lead : pos + len(part)] = range(base, base + len(part) - lead)
        if j < len(parts) - 1:
            offsets[pos + len(part)] = src.starts[line_no] + len(src.lines[line_no])
        pos += len(part) + 1
    return offsets


def _verbatim_start(content: str, parts: list[str], src: _Source, first: int, last: int) -> int | None:
    """Where ``content`` starts in the source, if it is the source's text as it stands: the end of
    line ``first`` (after a list marker, say), then whole lines, the last without its trailing
    spaces, joined by the source's own line feeds. Most paragraphs and list items are, and each
    char then sits at its own offset from there, as `_map_each_line` would find line by line.
    (Across lines, a source with CR line ends or NUL characters never matches: markdown-it
    changes those in ``content``.)"""
    line = src.lines[first]
    if last - first == 1:
        target = line.rstrip()
        return src.starts[first] + len(target) - len(content) if content and target.endswith(content) else None
    if not parts[0] or not line.endswith(parts[0]):
        return None
    start = src.starts[first] + len(line) - len(parts[0])
    if src.text.startswith(content, start) and len(parts[-1]) == len(src.lines[last - 1].rstrip()):
        return start
    return None


def _locate(
    part: str, line: str, is_last: bool, table_cursor: dict[int, int] | None, line_no: int
) -> tuple[int, int] | None:
    """(column in ``line`` where ``part[lead:]`` starts, lead), or None.

    ``lead`` > 0 when markdown-it turned a tab into spaces at the start of ``part``."""
    if not part:
        return None
    if table_cursor is not None:
        found = line.find(part, table_cursor.get(line_no, 0))
        if found == -1:
            return None
        table_cursor[line_no] = found + len(part)
        return found, 0
    target = line.rstrip() if is_last else line
    for lead in (0, len(part) - len(part.lstrip(" "))):
        rest = part[lead:]
        if rest and target.endswith(rest):
            return len(target) - len(rest), lead
    return None


def _blocks(source: str, src: _Source) -> list[_Block]:
    skip = _front_matter_lines(src)
    if skip == 0 and "\r" not in source and "\0" not in source:
        text = source  # already what the lines below would join to
    else:
        lines = [("" if i < skip else line.replace("\0", "\ufffd")) for i, line in enumerate(src.lines)]
        text = "\n".join(lines)
    plain = paragraphs(text)
    if plain is not None:  # most memos: the same paragraphs, found without parsing the whole text
        return [_Block(content, _map_lines(content, src, first, end, None), _inline_spans(content))
                for content, first, end in plain]
    tokens = _PARSER.parse(text)
    blocks: list[_Block] = []
    table_cursor: dict[int, int] = {}
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.map or i == 0:
            continue
        opener = tokens[i - 1].type
        if opener not in _LINKABLE_OPENERS:
            continue  # headings and anything unexpected
        cursor = table_cursor if opener != "paragraph_open" else None
        offsets = _map_lines(token.content, src, token.map[0], token.map[1], cursor)
        blocks.append(_Block(token.content, offsets, list(token.meta.get("muistio_spans", []))))
    return blocks


_HEADING_WIKILINK_RE = re.compile(r"^ {0,3}#{1,6}[ \t][^\n]*\[\[[^\[\]\n]*\]\]", re.MULTILINE)


def _heading_wikilinks(text: str, src: _Source) -> list[UnknownWikilink]:
    """The `[[...]]` in headings (a cheap scan first: most memos have none, and then no parse)."""
    if "[[" not in text or not _HEADING_WIKILINK_RE.search(text):
        return []
    found: list[UnknownWikilink] = []
    tokens = _PARSER.parse(text)
    for opener, inline in zip(tokens, tokens[1:], strict=False):
        if opener.type == "heading_open" and inline.type == "inline" and inline.map and "[[" in inline.content:
            line = inline.map[0]
            for wiki in _ANY_WIKILINK_RE.finditer(src.lines[line] if line < len(src.lines) else ""):
                found.append(UnknownWikilink(line + 1, wiki.group(), wiki.group().replace(_PIPE, "|")))
    return found


def _top_level(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop spans nested in another (code inside a link's text)."""
    out: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and span[0] < out[-1][1]:
            continue
        if span[1] > span[0]:
            out.append(span)
    return out


def _label_end(text: str, start: int, end: int) -> int:
    """Index of the "]" closing the link text opened at ``text[start]``, or ``start + 1``."""
    depth = 0
    i = start
    while i < end:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return start + 1


def _syntax_markup(content: str, spans: list[tuple[int, int, str]]) -> list[Markup]:
    """What of each syntax span reads as text in a "mentioned in" sentence."""
    markup: list[Markup] = []
    for start, end, name in spans:
        if name == "link":
            markup.append(Markup(start, end, start + 1, _label_end(content, start, end)))
        elif name == "backticks":
            ticks = len(content[start:end]) - len(content[start:end].lstrip("`"))
            markup.append(Markup(start, end, start + ticks, max(start + ticks, end - ticks)))
        elif name == "autolink":
            markup.append(Markup(start, end, start + 1, end - 1))
        elif name == "escape":
            markup.append(Markup(start, end, start + 1, end))
        elif name == "entity":
            markup.append(Markup(start, end, replacement=html.unescape(content[start:end])))
        else:  # image, html_inline
            markup.append(Markup(start, end))
    return markup


def _html_ranges(content: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Text between an inline opening tag and its closing tag (``<a href>Kone</a>``)."""
    ranges: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for start, end, name in spans:
        if name != "html_inline":
            continue
        tag = _TAG_RE.match(content, start)
        if not tag or content[start:end].endswith("/>"):
            continue
        closing, tag_name = tag.group(1) == "/", tag.group(2).lower()
        if tag_name in _VOID_TAGS:
            continue
        if not closing:
            stack.append((tag_name, end))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == tag_name:
                ranges.append((stack[depth][1], start))
                del stack[depth:]
                break
    ranges.extend((opened, len(content)) for _, opened in stack)  # never closed: rest of block
    return ranges


def _mask(block: _Block, spans: list[tuple[int, int, str]]) -> tuple[str, list[Markup]]:
    """The block's text with everything that is not running text replaced by _MASK."""
    content = block.content
    markup = _syntax_markup(content, spans)
    hidden = [(start, end) for start, end, _ in spans] + _html_ranges(content, spans)
    unknown = -1 in block.offsets
    task = _TASK_RE.match(content)
    if not hidden and not unknown and not task:  # most paragraphs: plain running text
        masked = content
    else:
        chars = list(content)
        for start, end in hidden:
            chars[start:end] = _MASK * (end - start)
        if unknown:
            for i, offset in enumerate(block.offsets):
                if offset == -1 and content[i] != "\n":
                    chars[i] = _MASK
        if task:  # "[ ] @petri-laitinen Tarkastelee ...": the marker is not a word of the sentence
            chars[: task.end()] = " " * task.end()
            markup.append(Markup(0, task.end()))
        masked = "".join(chars)
    # Every alternative of _BARE_RE needs one of these; without them its e-mail branch still
    # tries (and backtracks through) every word, which was a fifth of the linker's time.
    if "@" in masked or "://" in masked or "www." in masked:
        bares = [bare.span() for bare in _BARE_RE.finditer(masked)]
        if bares:
            chars = list(masked)
            for start, end in bares:
                chars[start:end] = _MASK * (end - start)
            masked = "".join(chars)
    return masked, markup


def _source_span(block: _Block, start: int, end: int, source: str) -> tuple[int, int] | None:
    """Source offsets of content ``[start, end)``, if it maps there faithfully.

    Across a line break the source may hold indentation or a blockquote's ">" that the content
    does not ("Petri\n> Laitisen"); a link spanning them is still valid Markdown."""
    if start >= end:
        return None
    first, last = block.offsets[start], block.offsets[end - 1]
    if first < 0 or last < 0:
        return None
    src_end = last + 1
    if source[last] == "\r" and source[last + 1 : last + 2] == "\n":
        src_end += 1
    written, seen = source[first:src_end], block.content[start:end]
    if written != seen and _bare(written) != _bare(seen):  # equal text is the common case
        return None
    return first, src_end


_NOT_BARE_RE = re.compile(r"[\s>]")  # \s is str.isspace()


def _bare(text: str) -> str:
    return _NOT_BARE_RE.sub("", text)


def _candidates(
    block: _Block,
    source: str,
    matcher: Matcher,
    resolve_wikilink: Callable[[str], str | None],
    src: _Source,
    unknown: list[UnknownWikilink],
    choose: Callable[[tuple[str, ...]], str | None],
    ambiguous: dict[tuple[str, ...], AmbiguousName],
) -> list[_Candidate]:
    spans = _top_level(block.spans)
    masked, markup = _mask(block, spans)
    found: list[_Candidate] = []
    chars = list(masked) if "[[" in masked else []
    wikilinks: list[re.Match[str]] = []
    for wiki in _ANY_WIKILINK_RE.finditer(masked):
        chars[wiki.start() : wiki.end()] = _MASK * (wiki.end() - wiki.start())
        whole = _WIKILINK_RE.fullmatch(wiki.group())
        if whole is not None and whole.group(1).strip():
            wikilinks.append(_WIKILINK_RE.match(masked, wiki.start()))  # type: ignore[arg-type]
            continue
        span = _source_span(block, wiki.start(), wiki.end(), source)
        if span is not None:  # [[]], [[Nokia|]], [[|Nokialla]]: no link, and the writer is told
            unknown.append(UnknownWikilink(src.line_of(span[0]), "", _written(source, span)))
    for wiki in wikilinks:
        span = _source_span(block, wiki.start(), wiki.end(), source)
        if span is None:
            continue
        target = wiki.group(1).strip()
        group = 2 if wiki.group(2) and wiki.group(2).strip() else 1
        raw_label = wiki.group(group)
        label = raw_label.strip()
        label_at = wiki.start(group) + len(raw_label) - len(raw_label.lstrip())
        key = resolve_wikilink(target) if target else None
        if key is None:
            unknown.append(UnknownWikilink(src.line_of(span[0]), target, _written(source, span)))
            continue
        shown = _label(_written(source, span))
        markup.append(Markup(wiki.start(), wiki.end(), label_at, label_at + len(label)))
        found.append(
            _Candidate(span[0], span[1], key, shown, True, shown, block, label_at, label_at + len(label), markup)
        )
    if chars:
        masked = "".join(chars)
    for match in matcher.find(masked):
        span = _source_span(block, match.start, match.end, source)
        if span is None:
            continue
        written = source[span[0] : span[1]]
        if any(char in written for char in "[]`"):
            continue
        surface = written if written == match.surface else " ".join(match.surface.split())
        key: str | None = match.key
        if match.others:
            keys = (match.key, *match.others)
            key = choose(keys)
            if key is None:
                ambiguous.setdefault(keys, AmbiguousName(src.line_of(span[0]), surface, keys))
                continue
        found.append(
            _Candidate(span[0], span[1], key, surface, False, None, block, match.start, match.end, markup)
        )
    return found


def _written(text: str, span: tuple[int, int]) -> str:
    """A wikilink as the writer wrote it (the text parsed has `_PIPE` for its "|")."""
    return text[span[0] : span[1]].replace(_PIPE, "|")


def _protect_pipes(source: str) -> str:
    """`source` with each "|" inside ``[[...]]`` replaced by `_PIPE`, char for char."""
    if "[[" not in source or "|" not in source:
        return source
    # "\\|" (the escaped "|" a table needs) loses its backslash too: markdown-it would take "\\"
    # and the char after it for an escape, and the target would end in it.
    return _ANY_WIKILINK_RE.sub(lambda wiki: wiki.group().replace("\\|", " " + _PIPE).replace("|", _PIPE), source)


def _label(written: str) -> str:
    """The link text of a wikilink as written: its label, or its target, as Markdown. A "|" in it
    is escaped, so that a link in a table cell stays in its cell."""
    inner = written[2:-2]
    cut = inner.find("|")
    target, label = (inner, "") if cut < 0 else (inner[:cut].removesuffix("\\"), inner[cut + 1 :])
    text = label.strip() or target.strip()
    return re.sub(r"(?<!\\)\|", r"\\|", text)


def _format_link(text: str, href: str) -> str:
    if re.search(r"[\s()<>]", href):
        href = "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return f"[{text}]({href})"


def link_markdown(
    source: str,
    matcher: Matcher,
    href: Callable[[str], str | None],
    resolve_wikilink: Callable[[str], str | None],
    choose: Callable[[tuple[str, ...]], str | None] = lambda keys: None,
) -> LinkedMarkdown:
    """Link the entities mentioned in a memo body; see the module docstring for the rules.

    `choose` picks one of the entities that words name equally well (two contacts called
    "Petri"), or None: then those words are not a mention of either, and are reported."""
    written, source = source, _protect_pipes(source)
    src = _Source.of(source)
    unknown: list[UnknownWikilink] = []
    ambiguous: dict[tuple[str, ...], AmbiguousName] = {}
    candidates: list[_Candidate] = []
    for block in _blocks(source, src):
        candidates.extend(_candidates(block, source, matcher, resolve_wikilink, src, unknown, choose, ambiguous))
    candidates.sort(key=lambda c: c.start)

    hrefs: dict[str, str | None] = {}
    linked_keys: set[str] = set()
    mentions: list[Mention] = []
    pieces: list[str] = []
    pos = 0
    sentence_cache: dict[int, tuple[str, list[int]]] = {}
    for cand in candidates:
        if cand.start < pos:
            continue  # overlapping (cannot happen with a sane parse; keep output valid anyway)
        if cand.key not in hrefs:
            hrefs[cand.key] = href(cand.key)
        target = hrefs[cand.key]
        linked = target is not None and (cand.explicit or cand.key not in linked_keys)
        if linked:
            linked_keys.add(cand.key)
        if cand.explicit:
            text = _label(written[cand.start : cand.end])
            pieces.append(written[pos : cand.start])
            pieces.append(_format_link(text, target) if target is not None else text)
            pos = cand.end
        elif linked and target is not None:
            pieces.append(written[pos : cand.start])
            pieces.append(_format_link(written[cand.start : cand.end], target))
            pos = cand.end
        sentence, s_start, s_end = _sentence(cand, sentence_cache)
        mentions.append(
            Mention(
                cand.key,
                cand.surface,
                src.line_of(cand.start),
                cand.start,
                cand.end,
                sentence,
                s_start,
                s_end,
                linked,
                cand.explicit,
            )
        )
    pieces.append(written[pos:])
    unknown.sort(key=lambda u: u.line)
    return LinkedMarkdown("".join(pieces), mentions, unknown, sorted(ambiguous.values(), key=lambda a: a.line),
                          _heading_wikilinks(written, src))


def _sentence(cand: _Candidate, cache: dict[int, Any]) -> tuple[str, int, int]:
    block_id = id(cand.block)
    if block_id not in cache:
        cache[block_id] = plain_text(cand.block.content, cand.markup)
    plain, index = cache[block_id]
    start = bisect.bisect_left(index, cand.content_start)
    end = bisect.bisect_left(index, cand.content_end)
    sentence, s_start, s_end = sentence_around(plain, start, end)
    return sentence.replace(_PIPE, "|"), s_start, s_end


__all__ = ["AmbiguousName", "LinkedMarkdown", "Mention", "UnknownWikilink", "link_markdown"]
