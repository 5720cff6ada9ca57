"""Reading input files as Unicode text, with errors that point at the offending line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .errors import InputError


def read_text(path: Path, shown: str) -> str:
    """The file as NFC text with `\\n` line ends.

    NFC because macOS writes decomposed ä/ö, which look right but match nothing; a file that is
    not UTF-8 is refused (with the line of the first bad byte) rather than guessed, because a
    wrong guess turns every ä into mojibake that nobody notices until it is published.
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(shown, line, "import_not_utf8", byte=f"0x{data[error.start]:02x}") from None
    return normalise(text.replace("\r\n", "\n").replace("\r", "\n"))


def normalise(text: str) -> str:
    """NFC, so that "ä" typed on a Mac and on Windows are the same letter."""
    return unicodedata.normalize("NFC", text)
