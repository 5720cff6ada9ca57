"""Find the knowledge base's files and read each into a `SourceFile`: front matter, body, lines.

Reading is forgiving and never raises for bad content: a file that cannot be decoded or parsed
still becomes a `SourceFile` carrying its problems, and whatever text could be read is kept, so the
site still shows the writer's words. The user's file is only ever read, never written.

Odd but valid input reads like the plain form: a UTF-8 byte order mark is dropped, CRLF line ends
become LF, and text is normalised to NFC (macOS writes ä as a + combining diaeresis, which would
otherwise neither match names nor search).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from stat import S_ISDIR, S_ISLNK
from typing import Any, Literal

from muistio.messages.os_errors import os_error
from muistio.parse_cache import ParseCache
from muistio.problems import Problem
from muistio.yaml_document import KeyPath

MEMOS_DIR = "memos"
COMPANIES_DIR = "companies"
MAX_FILE_BYTES = 1_000_000
"""A memo is a few kilobytes; a megabyte is a pasted export or a binary, not a memo."""

Kind = Literal["memo", "company"]
NOT_READ = frozenset({"symlink_outside", "symlink_folder", "symlink_broken", "symlink_loop", "folder_not_file"})
"""Problems of entries that are not files to read at all: their names are not checked either."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
"""Invisible control characters (tab and line ends excepted): pasted from a terminal or a binary,
or (0x80-0x9F) text decoded in the wrong character set. YAML allows none of them, and PyYAML's
own message ("unacceptable character #x0081") sent the writer to check quotes and indentation.
(0x85 is a line break to YAML: `_LINE_SEPARATOR`.)"""
_LINE_SEPARATOR = re.compile("[\x85\u2028\u2029]")
"""Characters YAML reads as line breaks while editors, git and every line number here do not (next
line, line and paragraph separator): pasted from a web page or Word, they are invisible, and every
later key would be reported a line too far down."""


@dataclass
class SourceFile:
    path: str
    """Path relative to the repository root, with forward slashes: what problems print."""
    kind: Kind
    meta: dict[str, Any] | None
    """Front matter values, or None when there is no readable front matter."""
    body: str
    """Everything after the front matter, as written (after BOM/CRLF/NFC normalisation)."""
    body_line: int
    """The file line on which `body` starts, to turn body offsets into file lines."""
    lines: dict[KeyPath, int] = field(default_factory=dict)
    """File line of each front-matter key and list item, by its path, e.g. ('contacts', 0, 'name')."""
    ambiguous: set[KeyPath] = field(default_factory=set)
    """Paths that hold YAML 1.1 boolean words kept as text (see `yaml_lines`)."""
    problems: list[Problem] = field(default_factory=list)
    front_matter: str | None = None
    """The front matter's YAML text as parsed: how the parse cache finds what it made of it."""

    @cached_property
    def stem(self) -> str:
        """The file name without its extension, as `Path.stem` gives it (asked for often: without
        building a Path each time)."""
        name = self.path.rpartition("/")[2]
        dot = name.rfind(".")
        return name[:dot] if 0 < dot < len(name) - 1 else name

    def line_of(self, path: KeyPath) -> int:
        """The line of a key path, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


@dataclass
class LoadCache:
    """Parsed files by path, reused while a file's size and modification time are unchanged.

    `mkdocs serve` rebuilds the whole site after every save; with this cache the knowledge base
    re-reads only the file that changed.
    """

    entries: dict[Path, tuple[int, int, SourceFile]] = field(default_factory=dict)

    def get(self, path: Path, stat: os.stat_result) -> SourceFile | None:
        entry = self.entries.get(path)
        if entry and entry[0] == stat.st_mtime_ns and entry[1] == stat.st_size:
            return entry[2]
        return None

    def put(self, path: Path, stat: os.stat_result, source: SourceFile) -> None:
        self.entries[path] = (stat.st_mtime_ns, stat.st_size, source)


def discover(root: Path) -> list[tuple[Path, Kind]]:
    """Every memo and company file under the repository root, in a stable order.

    Folders are walked without following links, and a linked folder is listed itself (as is a
    folder whose name ends in .md), so `load_file` can say why its files are not read instead of
    them silently going missing.
    """
    found: list[tuple[Path, Kind]] = []
    memos = root / MEMOS_DIR
    companies = root / COMPANIES_DIR
    if memos.is_dir():
        found += [(p, "memo") for p in _memo_paths(memos)]
    if companies.is_dir():
        found += [(p, "company") for p in sorted(companies.glob("*.md")) if not _hidden(p, companies)]
    return found


def _memo_paths(memos: Path) -> list[Path]:
    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, subfolders, files in os.walk(memos, followlinks=False):
        relative = os.path.relpath(folder, memos)
        parts = () if relative == os.curdir else tuple(relative.split(os.sep))
        if any(part.startswith(".") for part in parts):
            continue
        base = Path(folder)
        for name in subfolders:
            if not name.startswith(".") and (name.endswith(".md") or (base / name).is_symlink()):
                found.append(((*parts, name), base / name))
        found += [((*parts, name), base / name) for name in files
                  if name.endswith(".md") and not name.startswith(".")]
    return [path for _, path in sorted(found)]  # by parts, the order `Path` sorts in


def kind_of(root: Path, path: Path) -> Kind | None:
    """Whether a path (e.g. given to `kb check`) is a memo, a company, or neither."""
    try:
        relative = path.resolve().relative_to(root.resolve()) if path.is_absolute() else path
    except ValueError:
        return None
    parts = relative.parts
    if len(parts) >= 2 and parts[0] == MEMOS_DIR and relative.suffix == ".md":
        return "memo"
    if len(parts) == 2 and parts[0] == COMPANIES_DIR and relative.suffix == ".md":
        return "company"
    return None


def load_all(root: Path, cache: LoadCache | None = None, parsed: ParseCache | None = None) -> list[SourceFile]:
    """Every file, read; front matter read before comes from `parsed`, the parse cache on disk,
    which the caller saves once it has validated the files too."""
    return [load_file(root, path, kind, cache, parsed) for path, kind in discover(root)]


def load_file(root: Path, path: Path, kind: Kind, cache: LoadCache | None = None,
              parsed: ParseCache | None = None) -> SourceFile:
    relative = relative_path(root, path)
    try:
        stat = os.lstat(path)  # one system call for the usual case, a plain file
        if S_ISLNK(stat.st_mode):
            problem = _link_problem(root, path)
            if problem is not None:
                return _unreadable(relative, kind, problem, {"target": os.readlink(path)})
            stat = path.stat()
        if S_ISDIR(stat.st_mode):
            return _unreadable(relative, kind, "folder_not_file", {"name": path.name})
        if cache is not None and (cached := cache.get(path, stat)) is not None:
            return cached
        if stat.st_size > MAX_FILE_BYTES:
            size = f"{stat.st_size / 1_000_000:.1f}"
            return _unreadable(relative, kind, "file_too_large", {"size": size, "limit": "1"})
        data = path.read_bytes()
    except OSError as error:
        return _unreadable(relative, kind, "unreadable", os_error(error))
    source = parse_source(relative, kind, data, parsed)
    if cache is not None:
        cache.put(path, stat, source)
    return source


def parse_source(relative: str, kind: Kind, data: bytes, parsed: ParseCache | None = None) -> SourceFile:
    """Decode and split one file's bytes; the single place the text format is defined."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = f"0x{data[error.start]:02X}"
        return _unreadable(relative, kind, "not_utf8", {"byte": byte}, line)
    text = normalise_text(text)
    if not text.strip():
        return _unreadable(relative, kind, "empty_file", {})
    end = text.find("\n")
    if (text if end < 0 else text[:end]).rstrip() != "---":
        source = SourceFile(relative, kind, None, text, 1)
        source.problems.append(Problem(relative, 1, "no_front_matter", {"kind": kind}))
        return source
    split = _split_front_matter(text, end)
    if split is None:
        source = SourceFile(relative, kind, None, text, 1)
        source.problems.append(Problem(relative, 1, "front_matter_unclosed"))
        return source
    yaml_text, body, closing = split
    control = _CONTROL.search(yaml_text)
    if control is not None:  # YAML refuses these anyway, in words that send the writer to the quotes
        source = SourceFile(relative, kind, None, body, closing + 2)
        line = yaml_text.count("\n", 0, control.start()) + 2
        source.problems.append(Problem(relative, line, "control_character", {"char": f"0x{ord(control.group()):02X}"}))
        return source
    separators: list[Problem] = []
    if _LINE_SEPARATOR.search(yaml_text) is not None:
        separators = _line_separators(relative, yaml_text)
        yaml_text = _LINE_SEPARATOR.sub(" ", yaml_text)  # read as the space it most likely was
    document = (parsed or ParseCache(None)).parse(yaml_text)  # without a cache file: parsed
    offset = 1  # YAML line 1 is file line 2
    source = SourceFile(
        relative,
        kind,
        None,
        body,
        closing + 2,
        lines={path: line + offset for path, line in document.lines.items()},
        ambiguous=document.ambiguous,
        front_matter=yaml_text,
    )
    source.lines[()] = 1
    source.problems += separators
    for issue in document.issues:
        params = dict(issue.params)
        if "first_line" in params:
            params["first_line"] = int(str(params["first_line"])) + offset
        source.problems.append(Problem(relative, issue.line + offset, issue.code, params))
    if document.value is None:
        return source
    if not isinstance(document.value, dict):
        source.problems.append(Problem(relative, 2, "front_matter_not_mapping"))
        return source
    source.meta = document.value
    return source


def _split_front_matter(text: str, end: int) -> tuple[str, str, int] | None:
    """(front matter, body, index of the closing line) of a text whose first line, ending at
    `end`, opens front matter; None when no line closes it. Only the front matter's lines are
    walked: splitting every memo into lines and joining its body again was a tenth of reading it.

    Trailing spaces and tabs are invisible in an editor, and PyYAML's own parser rejects a
    trailing tab after a plain value; they carry nothing in front matter, so they go."""
    front: list[str] = []
    while end >= 0:
        start = end + 1
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.rstrip() in ("---", "..."):
            return "\n".join(front), "" if end < 0 else text[end + 1 :], len(front) + 1
        front.append(line.rstrip(" \t"))
    return None


def _line_separators(relative: str, yaml_text: str) -> list[Problem]:
    """Each line separator in the front matter, at its file line and column: the character cannot
    be seen, so the writer needs both to find it."""
    found: list[Problem] = []
    for match in _LINE_SEPARATOR.finditer(yaml_text):
        line = yaml_text.count("\n", 0, match.start()) + 2  # YAML line 1 is file line 2
        column = match.start() - yaml_text.rfind("\n", 0, match.start())
        char = f"U+{ord(match.group()):04X}"
        found.append(Problem(relative, line, "line_separator", {"char": char, "column": column}))
    return found


def normalise_text(text: str) -> str:
    """BOM off, LF line ends, NFC: the one text form every later step can rely on."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _unreadable(
    relative: str, kind: Kind, code: str, params: dict[str, object], line: int = 1
) -> SourceFile:
    source = SourceFile(relative, kind, None, "", 1)
    source.problems.append(Problem(relative, line, code, params))
    return source


def relative_path(root: Path, path: Path) -> str:
    """A path as problems print it: relative to the repository, with forward slashes."""
    inside = str(path).removeprefix(str(root) + os.sep)
    if inside != str(path):  # the usual case, without `relative_to`'s parsing
        return inside.replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _link_problem(root: Path, path: Path) -> str | None:
    """Why a symbolic link is not followed, or None when it is a link to a file in the repository.

    A link out of the repository would publish whatever it points to (and differ on every
    machine); a linked folder inside it would show its memos twice. A loop makes `resolve` raise.
    """
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "symlink_broken"
    except (OSError, RuntimeError):
        return "symlink_loop"
    if target.is_dir():
        return "symlink_folder"
    return None if target.is_relative_to(root.resolve()) else "symlink_outside"


def _hidden(path: Path, base: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(base).parts)
