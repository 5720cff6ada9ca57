"""Writing files without ever losing a user's bytes.

Every tool that writes (`kb new`, `kb export`, the importer) goes through `write_new`: the data
goes to a temporary file in the same folder, is flushed to disk, and only then takes the target
name in one step, so a crash or a full disk mid-write leaves either the old file or the new one,
never half of each. Without `overwrite`, an existing file is never replaced: the temporary file
is hard-linked into place, which fails if the name was taken meanwhile (where the file system
has no hard links, the name is first claimed with O_EXCL).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

_NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK)


def write_new(path: Path, data: bytes | str, overwrite: bool = False) -> None:
    """Write atomically; raise FileExistsError rather than replace a file unless `overwrite`."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and (path.exists() or path.is_symlink()):
        raise FileExistsError(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a memo is a normal file
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_exclusive(temporary, path)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _link_exclusive(temporary: str, path: Path) -> None:
    try:
        os.link(temporary, path)  # FileExistsError if the name was taken meanwhile
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        claim = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        os.close(claim)
        os.replace(temporary, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
