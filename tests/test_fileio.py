"""Writing never loses a user's bytes: no overwrite unless asked, and a failed write changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from muistio.fileio import write_new


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("alkuperäinen", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_new(target, "uusi")
    assert target.read_text(encoding="utf-8") == "alkuperäinen"
    assert os.listdir(tmp_path) == ["memo.md"]


def test_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "memo.md"
    target.write_text("alkuperäinen", encoding="utf-8")

    def crash(*_args: object) -> None:
        raise OSError("levy täynnä")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="levy täynnä"):
        write_new(target, "uusi", overwrite=True)
    assert target.read_text(encoding="utf-8") == "alkuperäinen"
    assert os.listdir(tmp_path) == ["memo.md"]


def test_writes_new_file_and_replaces_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "memo.md"
    write_new(target, "ensimmäinen")
    write_new(target, "toinen", overwrite=True)
    assert target.read_text(encoding="utf-8") == "toinen"
    assert os.listdir(target.parent) == ["memo.md"]
