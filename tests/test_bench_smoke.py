"""The benchmark harness still runs end to end, on a tiny corpus, so it cannot rot between the
occasions someone measures with it. Nothing here is timed: benchmarks are scripts, not tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import REPO


@pytest.mark.slow
def test_bench_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench.py"), "--sizes", "10", "--runs", "1", "--json", str(out)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    for line in ("full build (hook)", "site's render floor", "build, conversions kept", "serial build",
                 "raw Material", "plain build (no hook)",
                 "hook on_files", "kb check (CLI)", "kb check, cache filled",
                 "rebuild after one edit", "site", "search"):
        assert line in done.stdout, done.stdout
    result = json.loads(out.read_text(encoding="utf-8"))["results"][0]
    assert result["memos"] == 10
    assert result["pages"] > 10
    for key in ("build", "kept_build", "kept_kb_build", "plain_build", "serial_build", "raw_build", "kb_build",
                "rebuild", "kb_rebuild",
                "render_floor", "site_render_floor", "parse_floor", "parse_floor_process", "analyse", "kb_check_cli",
                "kb_check_cached"):
        assert result[key] > 0, key
