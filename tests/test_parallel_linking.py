"""Linking in two processes gives exactly what linking in one does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from muistio import crosslink
from muistio.pipeline import analyse
from muistio.settings import Settings
from sitebuild import REPO


def test_parallel_linking_matches_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "kb"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), str(root), "--memos", "40",
                    "--words", "80", "--no-site"], check=True, capture_output=True)
    monkeypatch.setattr(crosslink, "PARALLEL_FROM", 2)
    serial = analyse(root, Settings(workers=1))
    parallel = analyse(root, Settings(workers=2))
    assert parallel.context.linked.bodies == serial.context.linked.bodies
    assert parallel.context.linked.mentions == serial.context.linked.mentions
    assert parallel.problems == serial.problems
    assert {k: [m.path for m in v] for k, v in parallel.kb.company_memos.items()} == {
        k: [m.path for m in v] for k, v in serial.kb.company_memos.items()}
    assert any(serial.context.linked.mentions.values())
