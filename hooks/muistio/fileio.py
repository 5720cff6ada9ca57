"""Writing files without ever losing a user's bytes.

Every tool that writes goes through `write_new`: the data goes to a temporary file in the same
folder, is flushed to disk, and is then renamed over the target in one step, so a crash or a full
disk mid-write leaves either the old file or the new one, never half of each. Without
`overwrite`, an existing file is never replaced (the final step links the temporary file into
place, which fails if the name was taken meanwhile).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_new(path: Path, data: bytes | str, overwrite: bool = False) -> None:
    """Write atomically; raise FileExistsError rather than replace a file unless `overwrite`."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails with FileExistsError if the name was taken meanwhile
            os.unlink(temporary)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
