"""What a PATH on the command line is: a text copy, an HTML export, an XML export, a zip.

Users hand over whatever Confluence gave them, so the kind is recognised from the content
(`entities.xml`, `index.html`), not from options. Zips are unpacked to a temporary folder and
their files named `space.zip!/REI/page.html` in the report.
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from .chrome import ChromeProfile
from .errors import InputError, Problem
from .html_export import find_export_root, read_html_export, read_html_page
from .model import Page
from .text_copy import read_text_copy
from .xml_export import read_xml_export


def read_input(path: Path, chrome: ChromeProfile) -> tuple[list[Page], list[Problem]]:
    """All pages found at `path`, and the problems of the files that could not be read."""
    shown = str(path)
    try:
        if path.is_dir():
            return _read_folder(path, shown, chrome)
        if path.suffix.lower() == ".zip":
            return _read_zip(path, shown, chrome)
        if path.suffix.lower() == ".xml":
            return read_xml_export(path, shown)
        if path.suffix.lower() in {".html", ".htm"}:
            return [read_html_page(path, shown, chrome)], []
        return [read_text_copy(path, shown, chrome)], []
    except InputError as error:
        return [], [error.problem]
    except OSError as error:
        return [], [Problem(shown, 0, "import_unreadable", {"detail": error.strerror or str(error)})]


def _read_folder(folder: Path, shown: str, chrome: ChromeProfile) -> tuple[list[Page], list[Problem]]:
    for entities in (folder / "entities.xml", *sorted(folder.glob("*/entities.xml"))):
        if entities.is_file():
            return read_xml_export(entities, f"{shown}/{entities.relative_to(folder).as_posix()}")
    root = find_export_root(folder)
    if root is not None:
        relative = root.relative_to(folder).as_posix()
        return read_html_export(root, shown if relative == "." else f"{shown}/{relative}", chrome)
    texts = sorted(folder.glob("*.txt"))
    if not texts:
        return [], [Problem(shown, 0, "import_nothing_to_import")]
    pages: list[Page] = []
    problems: list[Problem] = []
    for text in texts:
        found, trouble = read_input(text, chrome)
        pages += found
        problems += trouble
    return pages, problems


def _read_zip(path: Path, shown: str, chrome: ChromeProfile) -> tuple[list[Page], list[Problem]]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(shown, 0, "import_bad_zip") from None
    with archive, tempfile.TemporaryDirectory(prefix="muistio-import-") as temporary:
        for member in archive.infolist():
            name = PurePosixPath(member.filename)
            if name.is_absolute() or ".." in name.parts:
                continue  # a path that would escape the folder: never unpacked
            archive.extract(member, temporary)
        pages, problems = _read_folder(Path(temporary), f"{shown}!", chrome)
    return pages, problems
