"""`mkdocs build` converts pages in several processes (hooks/parallel_render.py); the site it
writes, and what it reports, must be exactly what one process would have written and reported."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from sitebuild import REPO, search_entries

MEMOS = 240
"""Enough for more pages than `parallel_render.MIN_PAGES`, so the build goes parallel."""
BROKEN = "Katso myös [vanha muistio](../../vanha-muistio.md).\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parallel") / "kb"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), str(root), "--memos", str(MEMOS),
                    "--words", "60"], check=True, capture_output=True)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  muistio:\n" in config
    for workers in (1, 2):
        (root / f"mkdocs.{workers}.yml").write_text(
            config.replace("\n  muistio:\n", f"\n  muistio:\n    workers: {workers}\n"), encoding="utf-8")
    memo = sorted((root / "memos").rglob("*.md"))[MEMOS // 2]
    memo.write_text(memo.read_text(encoding="utf-8") + "\n" + BROKEN, encoding="utf-8")
    return root


def build(root: Path, config: str, site: Path) -> tuple[int, str, int]:
    """Exit status, what the build printed, and the build's own process id."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / config), "-d", str(site)]
    with subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}) as process:
        _, stderr = process.communicate(timeout=600)
    return process.returncode, stderr, process.pid


def with_hook(root: Path, folder: Path, name: str, code: str) -> str:
    """A copy of the two-process config that also loads a test hook (`code`, written into
    `folder`); returns the copy's file name in `root`."""
    hook = folder / f"{name}_hook.py"
    hook.write_text(code, encoding="utf-8")
    config = (root / "mkdocs.2.yml").read_text(encoding="utf-8")
    (root / f"mkdocs.{name}.yml").write_text(config.replace("hooks:\n", f"hooks:\n  - {hook}\n", 1), encoding="utf-8")
    return f"mkdocs.{name}.yml"


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def messages(stderr: str) -> list[str]:
    """Warnings and errors, without timings and the parallel build's own note."""
    return [line for line in stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]


@pytest.mark.slow
def test_the_site_built_in_two_processes_is_the_one_built_in_one(corpus: Path, tmp_path: Path) -> None:
    status_one, printed_one, _ = build(corpus, "mkdocs.1.yml", tmp_path / "one")
    status_two, printed_two, _ = build(corpus, "mkdocs.2.yml", tmp_path / "two")
    assert (status_one, status_two) == (0, 0), printed_two
    assert "pages in 2 processes" in printed_two and "processes" not in printed_one
    one, two = files_of(tmp_path / "one"), files_of(tmp_path / "two")
    assert sorted(map(pagefind_numbered, one)) == sorted(map(pagefind_numbered, two))
    assert [name for name in one if name in two and one[name] != two[name] and not pagefind_numbered(name)] == []
    # A warning raised while a worker converted the page is reported once, by the build itself.
    assert messages(printed_two) == messages(printed_one)
    assert sum("vanha-muistio.md" in line for line in messages(printed_two)) == 1
    # The search index was made from the workers' copy of the pages: the same text of every page
    # (its fragment, compared above), and the same index every time the site is built so.
    assert "search index" not in printed_two
    assert sum(name.startswith("pagefind/fragment/") for name in two) > MEMOS
    status_again, printed_again, _ = build(corpus, "mkdocs.2.yml", tmp_path / "again")
    assert status_again == 0, printed_again
    assert files_of(tmp_path / "again") == two


def pagefind_numbered(name: str) -> str:
    """Pagefind's index and filter files, named by a hash of contents that hold each page's number,
    which follows the order Pagefind found the pages in: the site's folder, or the workers' copy."""
    numbered = name.startswith(("pagefind/index/", "pagefind/filter/"))
    if numbered or (name.startswith("pagefind/") and name.endswith(".pf_meta")):
        return "pagefind/(numbered)"
    return "pagefind/pagefind-entry.json (numbered)" if name == "pagefind/pagefind-entry.json" else name


POST_PAGE_HOOK = '''def on_post_page(output, page, config):
    return output.replace("<div data-pagefind-body>", "<div data-pagefind-body><p>Jälkikäsitelty</p>", 1)
'''


def page_copies_left(pid: int, wait: float = 30.0) -> set[Path]:
    """The folders the build with process id `pid` copied the pages into for the search indexer,
    still there after `wait` seconds: they are removed by a process the build does not wait for,
    and other builds on the machine have copies of their own (named after their process)."""
    deadline = time.monotonic() + wait
    while True:
        left = {path for folder in (tempfile.gettempdir(), "/dev/shm")
                for path in Path(folder).glob(f"muistio-pages-{pid}-*")}
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


@pytest.mark.slow
def test_pages_a_plugin_changes_after_their_template_are_indexed_as_written(corpus: Path, tmp_path: Path) -> None:
    """The search index is of the site as written, even when a plugin changed the pages after the
    workers filled their templates (and so after the copy the indexer started on was made)."""
    config = with_hook(corpus, tmp_path, "post_page", POST_PAGE_HOOK)
    status, printed, pid = build(corpus, config, tmp_path / "site")
    assert status == 0, printed
    assert "pages in 2 processes" in printed and "indexing the site" in printed
    texts = [entry["content"] for entry in search_entries(tmp_path / "site").values()]
    assert len(texts) > MEMOS and all(text.startswith("Jälkikäsitelty") for text in texts)
    assert page_copies_left(pid) == set()  # the copy of the pages is removed


@pytest.mark.slow
def test_strict_fails_on_a_warning_found_in_a_worker(corpus: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(corpus / "mkdocs.2.yml"),
               "-d", str(tmp_path / "site")]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                          timeout=600)
    assert done.returncode == 1
    assert "vanha-muistio.md" in done.stderr and "pages in 2 processes" in done.stderr


MARKDOWN_HOOK = '''import os


def on_page_markdown(markdown, page, config, files):
    return markdown + f"\\n\\n<!-- made by {os.getpid()} -->\\n"
'''
CONTEXT_HOOK = '''import os


def on_page_context(context, page, config, nav):
    page.content += f"<!-- made by {os.getpid()} -->"
    return context
'''


@pytest.mark.slow
@pytest.mark.parametrize("hook", [MARKDOWN_HOOK, CONTEXT_HOOK], ids=["page_markdown", "page_context"])
def test_a_page_a_plugin_changes_differently_here_is_built_here(corpus: Path, tmp_path: Path, hook: str) -> None:
    """A plugin whose Markdown or page context depends on the process (here its id) gets the
    build's own result: a worker's conversion or template output made from anything else is never
    used."""
    status, printed, pid = build(corpus, with_hook(corpus, tmp_path, "process", hook), tmp_path / "site")
    assert status == 0, printed
    assert "pages in 2 processes" in printed
    pages = list((tmp_path / "site" / "memos").rglob("index.html"))
    assert len(pages) > MEMOS
    assert {page.read_text(encoding="utf-8").count(f"<!-- made by {pid} -->") for page in pages} == {1}


KILLER_HOOK = '''import os
import signal


def on_page_markdown(markdown, page, config, files):
    if os.getpid() != int(os.environ["MUISTIO_TEST_BUILD_PID"]) and page.file.src_uri.startswith("memos/20"):
        os.kill(os.getpid(), signal.SIGKILL)  # a worker killed mid-page, as the kernel does when memory runs out
    return markdown
'''


@pytest.mark.slow
def test_a_worker_that_dies_leaves_the_work_to_the_build(corpus: Path, tmp_path: Path) -> None:
    config = with_hook(corpus, tmp_path, "killer", KILLER_HOOK)
    launcher = ("import os, sys, runpy; os.environ['MUISTIO_TEST_BUILD_PID'] = str(os.getpid()); "
                "sys.argv = ['mkdocs', 'build', '-f', sys.argv[1], '-d', sys.argv[2]]; "
                "runpy.run_module('mkdocs', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", launcher, str(corpus / config), str(tmp_path / "site")],
                          capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    assert "pages in 2 processes" not in done.stderr  # nothing came back from the workers
    assert len(list((tmp_path / "site" / "memos").rglob("index.html"))) > MEMOS


FAILING_HOOK = '''def on_post_page(output, page, config):
    if page.file.src_uri.startswith("memos/"):
        raise RuntimeError("a plugin failed")
    return output
'''


@pytest.mark.slow
def test_a_failed_build_leaves_no_indexer_and_no_copy_behind(corpus: Path, tmp_path: Path) -> None:
    """The pages were copied and Pagefind started before MkDocs wrote the site; a build that
    then fails stops Pagefind and removes the copy (`on_build_error`)."""
    config = with_hook(corpus, tmp_path, "failing", FAILING_HOOK)
    status, printed, pid = build(corpus, config, tmp_path / "site")
    assert status != 0 and "a plugin failed" in printed
    assert page_copies_left(pid) == set()
    indexers = subprocess.run(["pgrep", "-f", f"pagefind.*{tmp_path / 'site'}"], capture_output=True, text=True)
    assert indexers.stdout.strip() == ""
