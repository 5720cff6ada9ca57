"""MkDocs adapter: a clean build writes over the last build's files instead of deleting them first.

MkDocs empties `site_dir` before every build that is not `--dirty` (`utils.clean_directory`), then
creates every file anew. On ext4, creating the 13,000 files of a 5,000-memo site (pages and
Pagefind's index) in folders just emptied costs several seconds of kernel time: in MkDocs'
one-core loop that writes the pages (6,500 page files: 3.1 s after a delete, 0.6 s written over,
1.4 s into a new folder; `docs/suorituskyky.md`), and at the end of Pagefind's run, which the
build waits for. `mkdocs serve` pays it on every save.

So the old files stay where they are while MkDocs writes over them, and when everything is
written (`sweep`, from the hook's `on_post_build`) every old file the build did not write is
removed, then every old folder that is left empty and that the build put nothing in: the site
holds exactly what a clean build leaves. What the build wrote is told by the file's status-change
time (ctime), which any write, truncation or copy sets to now and which nothing can set back: a
file whose ctime is older than the build's start was not written by it. Where the new site needs
a folder in place of an old file, or a file in place of an old folder, the old one goes before
anything is written (`make_room`, from the hook's `on_files`).

Only where that holds and nothing else can tell the difference; otherwise MkDocs cleans as usual:
- on POSIX systems (on Windows, `st_ctime` is the creation time);
- when the plugins are Material's search and tags and this hook, which write every file they make
  on every build (`known_plugins`; an unknown plugin might skip a file that already exists, or
  read the folder);
- when the old site holds no symbolic link and no file that is read-only or someone else's, and
  its files' times are all before the build's start (a clock stepping back would make an old
  file look written);
- where writing a file sets its ctime, as POSIX asks: checked before anything is written by
  writing one old page over with its own bytes (a file system that keeps no ctime would make
  every page look left over);
- and not for Pagefind's index (`LEFT_ALONE`): the hook mirrors the new index into it, writing
  only the files that changed, or removes it when the build makes none.

Old files are written over in place (`write_over`, MkDocs' `write_file` while the old files are
kept): truncating a file first, as `open(path, "wb")` does, frees all its blocks only for the
write to allocate them again, which on this machine's ext4 (mounted with `discard`) cost 0.7 ms
a page in MkDocs' one-core writing loop, 1 s of a 5 s build at 1,000 memos.

One difference remains: a file is rewritten in place, so a hard link to it elsewhere (a backup
made with `cp -al`) changes with it, where MkDocs would have made a new file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

import mkdocs.utils
from known_plugins import only_known_plugins
from mkdocs.config.defaults import MkDocsConfig

LEFT_ALONE = frozenset({"pagefind"})
"""Folders at the site's top neither listed nor removed: the search index is the hook's to replace
(`search_index.mirror`) or remove, whole. Pagefind does not write a file again when one of that
name (its names are hashes of the content) is there, so the sweep's test would not hold for it."""


_MKDOCS_CLEAN = mkdocs.utils.clean_directory
_MKDOCS_WRITE = mkdocs.utils.write_file


def write_over(content: bytes, output_path: str) -> None:
    """MkDocs' `write_file`, reusing the old file's blocks: the file is written from its start
    and then cut to the new length, not emptied first (see the module). An empty page is written
    as MkDocs does it, as only the emptying would set its ctime."""
    if not content:
        _MKDOCS_WRITE(content, output_path)
        return
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    handle = os.open(output_path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        left = memoryview(content)
        while left:
            left = left[os.write(handle, left):]
        os.ftruncate(handle, len(content))
    finally:
        os.close(handle)


class SiteRewrite:
    """One build's old files, from the moment MkDocs would have deleted them to the sweep."""

    def __init__(self) -> None:
        self.started: int | None = None
        """The build's start as a ctime (ns), read from a file made then; None until it keeps."""
        self._files: list[str] = []
        self._folders: list[str] = []
        """Old folders, deepest first."""
        self.directory = ""
        """The site's folder, once kept."""

    @classmethod
    def install(cls, config: MkDocsConfig, hook_file: str) -> SiteRewrite | None:
        """Have MkDocs' next `clean_directory` (it follows `on_pre_build`) keep the old files when
        it safely may; the object to `sweep` with after the build, or None."""
        if os.name != "posix" or not only_known_plugins(config, hook_file):
            return None
        rewrite = cls()
        mkdocs.utils.clean_directory = rewrite._clean
        return rewrite

    @staticmethod
    def uninstall() -> None:
        """MkDocs' own `clean_directory` back (after its call, or a `--dirty` build's none)."""
        mkdocs.utils.clean_directory = _MKDOCS_CLEAN

    def _clean(self, directory: str) -> None:
        self.uninstall()
        if not self._keep(directory):
            _MKDOCS_CLEAN(directory)

    def _keep(self, directory: str) -> bool:
        """List the old site and note the build's start; False (and nothing noted) when the old
        site must be deleted as MkDocs does it."""
        if not os.path.isdir(directory):
            return False
        files: list[str] = []
        folders: list[str] = []
        newest = 0
        try:
            for entry in os.scandir(directory):
                if entry.name.startswith("."):  # MkDocs keeps hidden entries at the top, so do we
                    continue
                if entry.name in LEFT_ALONE and entry.is_dir(follow_symlinks=False):
                    continue
                newest = max(newest, _walk(entry, files, folders))
            started = _now_as_ctime(directory)
        except (OSError, _Unusual):
            return False
        if newest >= started:
            return False
        self.started, self._files, self._folders = started, files, folders[::-1]
        self.directory = directory
        mkdocs.utils.write_file = write_over
        return True

    def _forget(self) -> int | None:
        """The build's start, if the old files were kept; from now on, files are written and
        removed as MkDocs does it."""
        started, self.started = self.started, None
        mkdocs.utils.write_file = _MKDOCS_WRITE
        return started

    def make_room(self, targets: Iterable[str], pages: Iterable[str]) -> None:
        """Before anything is written: remove an old file where this build needs a folder, and an
        old folder where it needs a file (`targets`: the paths MkDocs will write), which a build
        into an empty folder would never meet. Then check on one old page MkDocs will write over
        (from `pages`) that writing sets its ctime, as the sweep relies on; if it does not (a
        file system that keeps no ctime), delete the old site now, as MkDocs would have."""
        if self.started is None:
            return
        files, folders = set(self._files), set(self._folders)
        for target in targets:
            if target in folders:
                shutil.rmtree(target, ignore_errors=True)
            parent = os.path.dirname(target)
            while parent not in folders and parent != os.path.dirname(parent):
                if parent in files:
                    with contextlib.suppress(OSError):
                        os.unlink(parent)
                    break
                parent = os.path.dirname(parent)
        probe = next((page for page in pages if page in files), None)
        if probe is None or not _stamped_when_written(probe, self.started):
            self._forget()
            _MKDOCS_CLEAN(self.directory)

    def sweep(self) -> int:
        """Remove what the build did not write (see the module); returns how many old files went.
        Safe to call more than once, and a no-op when MkDocs cleaned."""
        started = self._forget()
        if started is None:
            return 0
        untouched = [folder for folder in self._folders if _ctime(folder) < started]
        removed = 0
        for path in self._files:
            if _ctime(path) < started:
                try:
                    os.unlink(path)
                    removed += 1
                except OSError:  # gone already, or in a folder we may not change: MkDocs' own
                    pass         # clean leaves such a file too (rmtree with ignore_errors)
        for folder in untouched:
            try:
                os.rmdir(folder)
            except OSError:  # not empty: it holds something this build wrote
                pass
        return removed


_GONE = (FileNotFoundError, NotADirectoryError)
"""An old path that is no more (its folder went in `make_room`, and may be a file now)."""


class _Unusual(Exception):
    """Something in the old site the sweep does not handle: a symbolic link, a socket, a file
    that is read-only or someone else's."""


def _walk(entry: os.DirEntry[str], files: list[str], folders: list[str]) -> int:
    """Collect the files and folders under `entry` (itself included); the newest ctime met."""
    info = entry.stat(follow_symlinks=False)
    if stat.S_ISDIR(info.st_mode):
        folders.append(entry.path)
        newest = info.st_ctime_ns
        for child in os.scandir(entry.path):
            newest = max(newest, _walk(child, files, folders))
        return newest
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or not info.st_mode & stat.S_IWUSR:
        raise _Unusual(entry.path)  # MkDocs could not write over it, where it can delete it
    files.append(entry.path)
    return info.st_ctime_ns


def _now_as_ctime(directory: str) -> int:
    """The file system's own clock now, as it stamps ctimes (a coarse clock, not `time.time()`)."""
    handle, path = tempfile.mkstemp(prefix=".muistio-build-", dir=directory)
    try:
        return os.fstat(handle).st_ctime_ns
    finally:
        os.close(handle)
        os.unlink(path)


def _stamped_when_written(path: str, started: int) -> bool:
    """Whether writing `path` over (with its own bytes: MkDocs writes it again anyway) gives it a
    ctime from this build."""
    try:
        write_over(Path(path).read_bytes(), path)
        return os.stat(path).st_ctime_ns >= started
    except OSError:
        return False


def _ctime(path: str) -> int:
    try:
        return os.lstat(path).st_ctime_ns
    except _GONE:
        return 1 << 62  # gone already: nothing to remove

