"""Material's navigation and tabs are filled once per set of links (hooks/nav_cache.py): the site
must be, byte for byte, the one built with every page's navigation filled on its own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from sitebuild import REPO

sys.path.insert(0, str(REPO / "hooks"))
import nav_cache  # noqa: E402

MEMOS = 210
"""Over `parallel_render.MIN_PAGES` pages, so the two-process build fills templates in workers."""

WITHOUT_CACHE_HOOK = '''import sys

from mkdocs.plugins import event_priority


@event_priority(100)  # before Muistio's on_env, which installs the cache and starts the workers
def on_env(env, config, files):
    sys.modules["nav_cache"].install = lambda env: 0
'''


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Memos (memos/YYYY/slug/), organisations (companies/slug/) and people at different depths,
    pages in the navigation among them, and a copy of the config for each way of building."""
    root = tmp_path_factory.mktemp("navcache") / "kb"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), str(root), "--memos", str(MEMOS),
                    "--words", "40"], check=True, capture_output=True)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hook = root / "without_cache_hook.py"
    hook.write_text(WITHOUT_CACHE_HOOK, encoding="utf-8")
    for workers in (1, 2):
        own = config.replace("\n  muistio:\n", f"\n  muistio:\n    workers: {workers}\n")
        (root / f"mkdocs.{workers}.yml").write_text(own, encoding="utf-8")
        (root / f"mkdocs.{workers}.uncached.yml").write_text(own.replace("hooks:\n", f"hooks:\n  - {hook}\n", 1),
                                                             encoding="utf-8")
    return root


def build(root: Path, config: str, site: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(root / config), "-d", str(site)],
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stderr


def html_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_every_page_is_the_one_built_without_the_cache(corpus: Path, tmp_path: Path, workers: int) -> None:
    printed = build(corpus, f"mkdocs.{workers}.yml", tmp_path / "cached")
    build(corpus, f"mkdocs.{workers}.uncached.yml", tmp_path / "uncached")
    assert ("pages in 2 processes" in printed) == (workers == 2)
    cached, uncached = html_of(tmp_path / "cached"), html_of(tmp_path / "uncached")
    assert len(cached) > MEMOS and cached.keys() == uncached.keys()
    assert [name for name in cached if cached[name] != uncached[name]] == []
    # The links in the navigation are relative, so they differ between depths; the cache keeps them.
    memo = next(name for name in cached if name.startswith("memos/2"))
    company = next(name for name in cached if name.startswith("companies/") and name.count("/") == 2)
    assert b'href="../../../people/"' in cached[memo] and b'href="../../people/"' in cached[company]


LOGO_SITE = {
    "mkdocs.yml": "site_name: T\ntheme:\n  name: material\n  logo: assets/logo.png\nnav:\n  - index.md\n"
                  "hooks:\n  - nav_cache_hook.py\n",
    "docs/index.md": "# Etusivu\n",
    "docs/assets/ohje.md": "# Ohje\n",
    "docs/memos/muistio.md": "# Muistio\n",
    "docs/assets/logo.png": "",
}


@pytest.mark.parametrize("cached", [False, True])
def test_the_logo_keeps_its_link_from_every_page(tmp_path: Path, cached: bool) -> None:
    """Two pages outside the navigation whose navigation links come out the same (the home page
    only) but whose logo link does not: each gets its own."""
    for name, text in LOGO_SITE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    install = f"import sys\nsys.path.insert(0, {str(REPO / 'hooks')!r})\nimport nav_cache\n\n" \
              "def on_env(env, config, files):\n    assert nav_cache.install(env) == 4\n"
    (tmp_path / "nav_cache_hook.py").write_text(install if cached else "", encoding="utf-8")
    build(tmp_path, "mkdocs.yml", tmp_path / "site")
    for page, logo in (("assets/ohje", "../logo.png"), ("memos/muistio", "../../assets/logo.png")):
        html = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
        assert re.findall(r'<img src="([^"]*)" alt="logo">', html) == [logo, logo]  # the header's and the nav's


@pytest.mark.parametrize("override", ["partials/nav.html", "partials/logo.html"])
def test_only_materials_own_navigation_is_cached(tmp_path: Path, override: str) -> None:
    """A theme override of a partial, or of one it includes, may read anything of the page, so the
    navigation is filled as before."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "overrides" / override).parent.mkdir(parents=True)
    (tmp_path / "overrides" / override).write_text("{{ page.title }}", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: material\n  custom_dir: overrides\n",
                                         encoding="utf-8")
    env = load_config(str(tmp_path / "mkdocs.yml")).theme.get_env()
    assert nav_cache.install(env) == 3  # the tabs, the search box and the colour toggle
    assert getattr(env.get_template("partials/tabs.html").root_render_func, "nav_cache", False)
    assert not getattr(env.get_template("partials/nav.html").root_render_func, "nav_cache", False)
    assert nav_cache.install(env) == 0  # and never twice
