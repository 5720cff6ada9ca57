"""`kb export`: write the exports into a folder, never over an existing file unless asked.

An export is all or nothing where it can be: every target is checked before the first is written
(the folder is a folder, no target is a folder, none exists unless `overwrite`), and should a
write still fail midway (a full disk), the files this run created are removed again. Only files
already replaced under `overwrite` cannot be given back.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from muistio.exports.calendar import followups_calendar
from muistio.exports.crm_csv import companies_csv, contacts_csv
from muistio.exports.vcard import contacts_vcard
from muistio.fileio import write_new
from muistio.followups import ActionItem
from muistio.knowledge_base import KnowledgeBase
from muistio.messages import render_message
from muistio.messages.os_errors import os_error


class ExportRefused(Exception):
    """Why the export was not (wholly) written: a message code and the path it is about.

    Raised for every OS error too, so that `kb export` prints one line naming the path rather
    than a traceback."""

    def __init__(self, code: str, path: Path, error: OSError | None = None) -> None:
        super().__init__(code, path)
        self.code = code
        self.path = path
        self.params: dict[str, object] = os_error(error) if error is not None else {"detail": ""}

    def message(self, lang: str) -> str:
        return render_message(self.code, {"path": str(self.path), **self.params}, lang)


def export_all(kb: KnowledgeBase, items: list[ActionItem], out: Path, today: datetime.date,
               overwrite: bool = False, include_private: bool = True) -> list[Path]:
    """Write companies.csv, contacts.csv, contacts.vcf and followups.ics; return their paths.

    Raises `ExportRefused` before writing anything if `out` is not a folder, a target is a
    folder, or a target exists and `overwrite` is off, so an export never leaves a half-replaced
    set behind.
    """
    files = {
        "companies.csv": companies_csv(kb).encode("utf-8-sig"),  # BOM: Excel opens ä/ö correctly
        "contacts.csv": contacts_csv(kb, include_private).encode("utf-8-sig"),
        "contacts.vcf": contacts_vcard(kb, include_private).encode("utf-8"),
        "followups.ics": followups_calendar(kb, items, today),
    }
    _prepare(out, [out / name for name in files], overwrite)
    written: list[Path] = []
    created: list[Path] = []
    for name, data in files.items():
        path = out / name
        try:
            existed = _exists(path)
            write_new(path, data, overwrite=overwrite)
        except OSError as error:
            for done in created:  # a file this run made is not left as half of an export
                done.unlink(missing_ok=True)
            if isinstance(error, FileExistsError):  # created by someone else since the check
                raise ExportRefused("cli_export_exists", path) from None
            raise ExportRefused("cli_export_write_failed", path, error) from None
        written.append(path)
        if not existed:
            created.append(path)
    return written


def _prepare(out: Path, targets: list[Path], overwrite: bool) -> None:
    """Check every target, and make the folder, before anything is written."""
    try:
        if out.is_dir():
            for path in targets:
                if path.is_dir():  # --force replaces files only: a folder is never removed
                    raise ExportRefused("cli_export_target_is_folder", path)
                if _exists(path) and not overwrite:
                    raise ExportRefused("cli_export_exists", path)
            return
        if _exists(out):
            raise ExportRefused("cli_export_not_folder", out)
    except OSError as error:  # e.g. a folder that may not be read
        raise ExportRefused("cli_export_write_failed", Path(error.filename or out), error) from None
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a file on the way, no permission, a read-only or virtual file system
        raise ExportRefused("cli_export_mkdir_failed", out, error) from None


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()

