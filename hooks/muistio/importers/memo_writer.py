"""Writing memos and company stubs without ever losing what is already there.

Rules, each one a promise to the user: an existing file is never overwritten by a new import;
a memo already imported (same `source:`) is skipped, or with `--update` rewritten after a
backup; `--dry-run` touches nothing; every write goes to a temporary file in the same folder
and is moved into place with `os.replace`, so a crash leaves either the old file or the new
one, never half of one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from muistio.fileio import write_new
from muistio.names import slugify

from .errors import Problem
from .front_matter import read_source, recognised_sources, scalar
from .memo_builder import Memo
from .model import Message


@dataclass
class Outcome:
    """What happened (or would happen) to one memo or company file."""

    action: str  # written, updated, unchanged, skipped, would write, would update, failed
    path: PurePosixPath
    backup: PurePosixPath | None = None
    detail: Message | None = None  # why, worded by the report in the site's language
    problem: Problem | None = None

    @property
    def changed(self) -> bool:
        return self.action in {"written", "updated"}


def existing_sources(repo_root: Path) -> dict[str, PurePosixPath]:
    """`source:` → memo file, for every memo in the knowledge base, also under the importer's
    form of a hand-written one (`recognised_sources`)."""
    found: dict[str, PurePosixPath] = {}
    for path in sorted((repo_root / "memos").glob("**/*.md")):
        try:
            source = read_source(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if source:
            for form in recognised_sources(source):
                found.setdefault(form, PurePosixPath(path.relative_to(repo_root).as_posix()))
    return found


class MemoWriter:
    """Decides where each memo goes and writes it; one instance per import run."""

    def __init__(self, repo_root: Path, *, dry_run: bool = False, update: bool = False) -> None:
        self.root = repo_root
        self.dry_run = dry_run
        self.update = update
        self.sources = existing_sources(repo_root)
        self.claimed: set[PurePosixPath] = set()
        self.this_run: dict[str, PurePosixPath] = {}  # source → file, for pages seen twice

    def write(self, memo: Memo) -> Outcome:
        text = memo.text()
        if memo.source in self.this_run:
            return Outcome("skipped", self.this_run[memo.source], detail=Message("import_detail_seen_in_this_run"))
        existing = self.sources.get(memo.source)
        if existing is not None:
            self.this_run[memo.source] = existing
            return self._rewrite(existing, text)
        suffix = 1
        while (self.root / memo.relative_path(suffix)).exists() or (memo.relative_path(suffix) in self.claimed):
            suffix += 1
        target = memo.relative_path(suffix)
        self.claimed.add(target)
        self.this_run[memo.source] = target
        detail = None if suffix == 1 else Message("import_detail_name_taken", {"path": str(memo.relative_path(1))})
        if self.dry_run:
            return Outcome("would write", target, detail=detail)
        try:
            atomic_write(self.root / target, text)
        except OSError as error:
            return _failed(target, error)
        return Outcome("written", target, detail=detail)

    def _rewrite(self, existing: PurePosixPath, text: str) -> Outcome:
        path = self.root / existing
        try:
            old = path.read_text(encoding="utf-8")
        except OSError as error:
            return _failed(existing, error)
        if old == text:
            return Outcome("unchanged", existing, detail=Message("import_detail_same_content"))
        if not self.update:
            return Outcome("skipped", existing, detail=Message("import_detail_already_imported"))
        backup = _backup_name(path)
        backup_rel = PurePosixPath(backup.relative_to(self.root).as_posix())
        if self.dry_run:
            return Outcome("would update", existing, backup=backup_rel)
        try:
            atomic_write(backup, old)
            atomic_write(path, text)
        except OSError as error:
            return _failed(existing, error)
        return Outcome("updated", existing, backup=backup_rel)


def write_company(repo_root: Path, name: str, *, dry_run: bool) -> Outcome:
    """A minimal `companies/<slug>.md` (front matter `name:` only) unless the file exists."""
    target = PurePosixPath("companies", f"{slugify(name) or 'organisaatio'}.md")
    if (repo_root / target).exists():
        return Outcome("skipped", target, detail=Message("import_detail_file_exists"))
    if dry_run:
        return Outcome("would write", target)
    try:
        atomic_write(repo_root / target, f"---\nname: {scalar(name)}\n---\n")
    except OSError as error:
        return _failed(target, error)
    return Outcome("written", target)


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, nothing else."""
    write_new(path, text, overwrite=True)


def _backup_name(path: Path) -> Path:
    """`x.md.bak`, then `x.md.bak.2`, `x.md.bak.3`: earlier backups are never replaced."""
    candidate = path.with_name(path.name + ".bak")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak.{number}")
        number += 1
    return candidate


def _failed(target: PurePosixPath, error: OSError) -> Outcome:
    problem = Problem(str(target), 0, "import_write_failed", {"detail": error.strerror or str(error)})
    return Outcome("failed", target, problem=problem)
