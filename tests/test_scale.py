"""The navigation stays small: a memo page does not grow with the number of memos.

With Material's automatic navigation every page carries a link to every memo, so each page
grows with the corpus and the whole build goes quadratic (measured: 1,000 memos, 428 MB of
HTML). Memos are reached through the generated timeline and company pages instead.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import REPO, mkdocs_build


def _memo_page_sizes(tmp_path: Path, memos: int) -> list[int]:
    out = tmp_path / f"kb{memos}"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), str(out), "--memos", str(memos),
                    "--words", "100"], check=True, capture_output=True)
    result = mkdocs_build(out, out / "site")  # strict: the generated knowledge base must be clean
    assert result.returncode == 0, result.stderr
    pages = [p for p in (out / "site" / "memos").rglob("index.html") if p.parent.name[:4].isdigit()
             and p.parent.parent.name != "memos"]
    assert len(pages) >= memos * 0.95
    return [p.stat().st_size for p in pages]


@pytest.mark.slow
def test_memo_page_size_does_not_grow_with_the_number_of_memos(tmp_path: Path) -> None:
    small = statistics.mean(_memo_page_sizes(tmp_path, 20))
    large = statistics.mean(_memo_page_sizes(tmp_path, 1000))
    assert large / small < 1.1, f"mean memo page: {small:.0f} B at 20 memos, {large:.0f} B at 1,000"
