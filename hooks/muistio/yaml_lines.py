"""Read front matter YAML into plain values while keeping the line of every key.

PyYAML's `safe_load` loses line numbers, keeps the last of two duplicate keys without a word,
turns `no` into False and `2012-02-30` into a crash. Writers need each of those reported at its
line, so we let PyYAML parse and compose (it keeps marks on every node) and build the values
ourselves from the node tree:

- duplicate keys are reported, the first value kept (the second is most likely the typo);
- YAML 1.1 booleans other than true/false (`yes`, `no`, `on`, `off`, `y`, `n`) stay text and are
  reported, because other tools read them as booleans;
- timestamps stay text, so the schema can say "2012-02-30 does not exist" instead of crashing;
- anchors, aliases and explicit tags are refused before anything is built (no "billion laughs",
  no `!!python/object`): front matter never needs them;
- nesting deeper than `MAX_DEPTH` is refused before composing, so no RecursionError escapes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from muistio.yaml_document import KeyPath, YamlDocument, YamlIssue

MAX_DEPTH = 20
"""Front matter is two or three levels deep; anything past this is an accident or an attack."""

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_TRUE_FALSE = {"true", "false"}


_FAST_PARSER: type[Any] | None = getattr(yaml, "CSafeLoader", None)
"""libyaml's parser, when PyYAML was built with it. Reading front matter with the pure-Python
parser, twice (events, then nodes), was most of `kb check`: with libyaml the events are read once
and composed from that list, about ten times faster. libyaml is only trusted with input it
accepts: its error messages differ from PyYAML's ("found character that cannot start any token"
without naming the tab), so any YAML error re-parses with the pure-Python parser, whose wording
the problem messages are built on. On valid input both give the same events, tags and marks."""


def parse(text: str) -> YamlDocument:
    """Parse one YAML document; never raises for bad input."""
    if _FAST_PARSER is not None and _plainly_shallow(text):
        return _parse_direct(text)
    return _parse_events(text)


def _parse_direct(text: str) -> YamlDocument:
    """libyaml parses and composes; only for text `_plainly_shallow` clears."""
    assert _FAST_PARSER is not None
    try:
        node = _FAST_PARSER(text).get_single_node()
    except (yaml.YAMLError, RecursionError, ValueError):
        return _parse_slow(text)
    return _built(YamlDocument(value=None), node)


def _parse_events(text: str) -> YamlDocument:
    """libyaml's events, refused or composed in Python; PyYAML's own parser on any error."""
    events = _fast_events(text)
    if events is None:
        return _parse_slow(text)
    doc = YamlDocument(value=None)
    refusal = _refusal(events)
    if refusal is not None:
        doc.issues.append(refusal)
        return doc
    try:
        node = _EventComposer(events).get_single_node()
    except (yaml.YAMLError, RecursionError, ValueError):
        return _parse_slow(text)
    return _built(doc, node)


def _plainly_shallow(text: str) -> bool:
    """Whether ``text`` can hold nothing `_refusal` refuses, so libyaml may compose it directly.

    Composing in libyaml's C code, instead of from a list of events in Python, halves reading
    front matter; but `_refusal` must see the events first unless it has nothing to find. Anchors,
    aliases and tags need `&`, `*` or `!`. Nesting needs a `[` or `{` per flow level, and a block
    level sits deeper than its parent (by indentation, or `- `, `? ` and `: ` on the same line),
    so depth stays under 2 + brackets + the longest run of those at a line's start."""
    if "&" in text or "*" in text or "!" in text:
        return False
    brackets = text.count("[") + text.count("{")
    if brackets + 2 >= MAX_DEPTH:
        return False
    start = max((len(line) - len(line.lstrip(" -?:")) for line in text.split("\n")), default=0)
    return brackets + start + 2 < MAX_DEPTH


def _fast_events(text: str) -> list[yaml.Event] | None:
    """Every event of ``text`` from libyaml, or None when it is missing or reports an error."""
    if _FAST_PARSER is None:
        return None
    try:
        return list(yaml.parse(text, Loader=_FAST_PARSER))
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


class _EventComposer(Composer, Resolver):
    """PyYAML's own composer and resolver, fed from a list of events already read."""

    def __init__(self, events: list[yaml.Event]) -> None:
        self._events = events
        self._next = 0
        Composer.__init__(self)
        Resolver.__init__(self)

    def check_event(self, *choices: type[yaml.Event]) -> bool:
        if self._next >= len(self._events):
            return False
        return not choices or isinstance(self._events[self._next], choices)

    def peek_event(self) -> yaml.Event:
        return self._events[self._next]

    def get_event(self) -> yaml.Event:
        event = self._events[self._next]
        self._next += 1
        return event


def _refusal(events: Iterable[yaml.Event]) -> YamlIssue | None:
    """Refuse aliases, anchors, tags and deep nesting from the event stream, before composing."""
    depth = 0
    for event in events:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return YamlIssue(line, "yaml_alias")
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _STANDARD_TAGS:
            return YamlIssue(line, "yaml_tag", {"tag": tag})
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return YamlIssue(line, "yaml_too_deep", {"limit": MAX_DEPTH})
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _parse_slow(text: str) -> YamlDocument:
    """The pure-Python path: every error reported in PyYAML's words."""
    doc = YamlDocument(value=None)
    refusal = _scan_events(text)
    if refusal is not None:
        doc.issues.append(refusal)
        return doc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        doc.issues.append(_syntax_issue(error))
        return doc
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        doc.issues.append(YamlIssue(1, "yaml_syntax", {"detail": str(error).splitlines()[0]}))
        return doc
    return _built(doc, node)


def _built(doc: YamlDocument, node: yaml.Node | None) -> YamlDocument:
    if node is None:
        doc.value = {}
        return doc
    builder = _Builder(doc)
    doc.value = builder.build(node, ())
    return doc


MAX_TAB_RETRIES = 50
"""How many tabs between words `_scan_events` looks past for the error libyaml stopped at."""


def _scan_events(text: str) -> YamlIssue | None:
    """`_refusal` on PyYAML's pure-Python event stream, which stops at the first error.

    PyYAML refuses every tab outside quotes, libyaml (and YAML 1.2) only a tab that indents: a
    `date:<tab>2026-01-06` that libyaml read would be blamed for the indenting tab on a later line
    that sent the text here. So a tab refused after other text on its line is read as a space
    (one character for one, so every later mark stays) and the text scanned again; if nothing
    else is wrong, the first refusal stands, as before."""
    first: YamlIssue | None = None
    for _ in range(MAX_TAB_RETRIES):
        try:
            return first if (found := _refusal(yaml.parse(text, Loader=yaml.SafeLoader))) is None else found
        except yaml.MarkedYAMLError as error:
            issue = _syntax_issue(error)
            if first is None:
                first = issue
            tab = _separating_tab(text, error) if issue.code == "yaml_tab" else None
            if tab is None:
                return issue
            text = f"{text[:tab]} {text[tab + 1:]}"
        except (yaml.YAMLError, RecursionError, ValueError) as error:
            return YamlIssue(1, "yaml_syntax", {"detail": str(error).splitlines()[0]})
    return first


def _separating_tab(text: str, error: yaml.MarkedYAMLError) -> int | None:
    """The index of the tab PyYAML refused, if it follows other text on its line (`key:<tab>value`)
    rather than indenting it."""
    mark = error.problem_mark
    if mark is None or not 0 <= mark.index < len(text) or text[mark.index] != "\t":
        return None
    start = text.rfind("\n", 0, mark.index) + 1
    return mark.index if text[start:mark.index].strip(" \t") else None


def _syntax_issue(error: yaml.MarkedYAMLError) -> YamlIssue:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = (error.problem or "").strip()
    if "'\\t'" in problem or "tab" in problem:
        return YamlIssue(line, "yaml_tab")
    if "end of stream" in problem and "quoted" in (error.context or ""):
        context = error.context_mark
        start = context.line + 1 if context is not None else line
        return YamlIssue(start, "yaml_unclosed_quote")
    detail = problem or (error.context or "").strip() or "invalid YAML"
    return YamlIssue(line, "yaml_syntax", {"detail": detail})


class _Builder:
    """Turns composed nodes into values, recording lines and issues on the way."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.constructor = SafeConstructor()

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.doc.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.doc.issues.append(YamlIssue(line, "yaml_complex_key"))
                continue
            key = str(key_node.value)
            if key in first_line:
                self.doc.issues.append(
                    YamlIssue(line, "duplicate_key", {"key": key, "first_line": first_line[key]})
                )
                continue
            first_line[key] = line
            self.doc.lines[(*path, key)] = line
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        tag = node.tag
        # A plain scalar's style is None from PyYAML's parser and "" from libyaml's.
        if node.style or tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return node.value
        if tag == "tag:yaml.org,2002:bool":
            if node.value.lower() in _TRUE_FALSE:
                return node.value.lower() == "true"
            self.doc.ambiguous.add(path)
            return node.value
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:null"):
            try:
                return self.constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError):
                return node.value
        return node.value
