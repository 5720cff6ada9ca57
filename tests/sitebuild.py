"""Building real sites in tests: the repository's own, or a copy of its config around a test tree."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]


def mkdocs_build(root: Path, site_dir: Path, strict: bool = True, today: str | None = None,
                 config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` as a user would, in a separate process, and capture what it prints.

    `today` fixes the date the site is built as of (overdue items, quiet relationships); `env`
    adds to the environment.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / config),
               "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if today:
        env["MUISTIO_TODAY"] = today
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


def generated_knowledge_base(root: Path, memos: int, words: int, workers: int | None = None) -> Path:
    """A synthetic knowledge base with its site (`scripts/gen_corpus.py`) in `root`; with
    `workers`, `extra.muistio.workers` set to it (a site of a few hundred pages is built in that
    many processes, as on a machine with that many cores)."""
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), str(root), "--memos", str(memos),
                    "--words", str(words)], check=True, capture_output=True)
    if workers is not None:
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (root / "mkdocs.yml").write_text(
            config.replace("\n  muistio:\n", f"\n  muistio:\n    workers: {workers}\n"), encoding="utf-8")
    return root


def repository_organisations(root: Path) -> Path:
    """The repository's mkdocs.yml and organisations in `root`, without its memos: a knowledge base
    to import into or export from, where Petri Laitinen is a contact of Metropolia."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "companies", root / "companies")
    return root


def site_skeleton(root: Path) -> Path:
    """The repository's mkdocs.yml and docs/ in `root`, with the hook loaded from the repository."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks/muistio_hook.py", str(REPO / "hooks" / "muistio_hook.py"))
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", root / "docs", dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.public.yml", root / "mkdocs.public.yml")
    return root


def page(site_dir: Path, uri: str) -> BeautifulSoup:
    """The built page for a source path such as companies/metropolia.md."""
    path = site_dir / uri.removesuffix(".md").removesuffix("index") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def search_entries(site_dir: Path) -> dict[str, dict[str, Any]]:
    """What Pagefind keeps of each page, by URL: its title (`meta`), text (`content`) and sections
    (`anchors`), as search results show them. Read from its fragments: gzip, a signature, JSON."""
    entries = {}
    for fragment in (site_dir / "pagefind" / "fragment").iterdir():
        entry = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        entries[entry["url"]] = entry
    return entries


def content(soup: BeautifulSoup) -> BeautifulSoup:
    """The article of a Material page, without navigation, header and footer."""
    article = soup.select_one("article")
    assert article is not None
    return article


def links_to(soup: BeautifulSoup, page_dir: str, target: str) -> list[str]:
    """Texts of the links in the article that lead to `target` (a site path like companies/x/)."""
    found = []
    for anchor in content(soup).select("a[href]"):
        resolved = os.path.normpath(os.path.join(page_dir, anchor["href"])).replace(os.sep, "/")
        if resolved.rstrip("/") == target.rstrip("/"):
            found.append(anchor.get_text())
    return found


def broken_links(site_dir: Path) -> list[str]:
    """Links in the articles of a built site that lead to no built file, as 'page -> href'.

    Generated pages write their lists as HTML with the URLs computed by Muistio, not by MkDocs
    (`muistio.pages`), so nothing else would notice a wrong one."""
    broken = []
    for html_file in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is None:
            continue
        for anchor in article.select("a[href]"):
            href = anchor["href"].split("#", 1)[0]
            if not href or ":" in href or href.startswith("/"):
                continue
            target = (html_file.parent / href).resolve()
            if not (target / "index.html" if href.endswith("/") else target).is_file():
                broken.append(f"{html_file.relative_to(site_dir)} -> {anchor['href']}")
    return broken
