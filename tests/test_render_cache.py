"""Under `mkdocs serve`, a rebuild reuses the conversion of every page whose Markdown did not
change (hooks/render_cache.py) and the filled template of every page whose template context did
not (hooks/template_cache.py). What the writer previews after a save must be exactly what a
fresh build of the saved files gives, warnings included."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import REPO, site_skeleton

SEED = "memos/2012/2012-05-16-tapaaminen-petri-laitisen-kanssa.md"
NEW = "memos/2012/2012-06-01-uusi-tapaaminen.md"
NEW_MEMO = "---\ntitle: Uusi tapaaminen\ndate: 2012-06-01\ncompanies: [rondo]\n---\nRondon kanssa sovittiin jatkosta.\n"
GUIDE = "docs/lisaa.md"
GUIDE_TEXT = "# Lisää\n\nKatso [uusi tapaaminen](../memos/2012/2012-06-01-uusi-tapaaminen.md).\n"

SERVE = '''
import json, logging, os, sys, threading
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, site, *steps = sys.argv[1:]
warnings = []

class Keep(logging.Handler):
    def emit(self, record):
        if record.levelno >= logging.WARNING:
            warnings[-1].append(record.getMessage())

logging.getLogger("mkdocs").addHandler(Keep())

def serve_build(first):
    config = load_config(config_file, site_dir=site)
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    warnings.append([])
    build(config, serve_url="http://127.0.0.1:8000/")
    hook = next(p for p in config.plugins.values() if hasattr(p, "_STATE"))
    parsed.append(sys.modules["preview_search"].SECTIONS.parsed)
    filled.append(hook._STATE.templates.reused)
    from_workers.append(hook._STATE.renders.from_workers)
    from_store.append(hook._STATE.renders.from_store)
    return hook._STATE.renders.reused

if os.environ.get("MUISTIO_TEST_THREAD"):  # as in `mkdocs serve` once its server runs
    threading.Thread(target=threading.Event().wait, daemon=True).start()
parsed, filled, from_workers, from_store = [], [], [], []
reused = [serve_build(True)]
for step in steps:
    action, path, text = json.loads(step)
    target = Path(config_file).parent / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if action == "append":
        target.write_text(target.read_text(encoding="utf-8") + text, encoding="utf-8")
    else:
        target.write_text(text, encoding="utf-8")
    reused.append(serve_build(False))
print(json.dumps({"reused": reused, "parsed": parsed, "templates": filled, "from_workers": from_workers,
                  "from_store": from_store, "warnings": warnings}))
'''


def knowledge_base(root: Path) -> Path:
    site_skeleton(root)
    for folder in ("memos", "companies"):
        shutil.copytree(REPO / folder, root / folder)
    (root / GUIDE).write_text(GUIDE_TEXT, encoding="utf-8")
    return root


def serve(root: Path, site: Path, *steps: tuple[str, str, str], thread: bool = False,
          no_cache: bool = False) -> dict[str, list]:
    """Build as `mkdocs serve` does, then after each step (a file appended to or written) again;
    with `thread`, another thread runs in the process from the start; with `no_cache`, nothing
    earlier processes kept on disk is used."""
    command = [sys.executable, "-c", SERVE, str(root / "mkdocs.yml"), str(site), *(json.dumps(s) for s in steps)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MUISTIO_TODAY": "2012-06-20"}
    env.pop("MUISTIO_TEST_THREAD", None)
    if no_cache:
        env["MUISTIO_NO_CACHE"] = "1"
    if thread:
        env["MUISTIO_TEST_THREAD"] = "1"
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("step", [("append", SEED, "\nSanoma WSOY:n kanssa palataan asiaan syksyllä.\n"),
                                  ("write", NEW, NEW_MEMO)], ids=["edit a memo", "add a memo"])
def test_a_rebuild_writes_what_a_fresh_build_of_the_saved_files_writes(tmp_path: Path,
                                                                     step: tuple[str, str, str]) -> None:
    rebuilt = serve(knowledge_base(tmp_path / "kb"), tmp_path / "rebuilt", step)
    saved = knowledge_base(tmp_path / "fresh-kb") / step[1]
    saved.write_text((saved.read_text(encoding="utf-8") if step[0] == "append" else "") + step[2], encoding="utf-8")
    fresh = serve(tmp_path / "fresh-kb", tmp_path / "fresh")  # one build: nothing to reuse
    one, two = files_of(tmp_path / "rebuilt"), files_of(tmp_path / "fresh")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert rebuilt["warnings"][1] == fresh["warnings"][0]
    if step[0] == "append":  # the other pages were reused, and the edit shows
        assert rebuilt["reused"][0] == 0 and rebuilt["reused"][1] >= 10
        assert rebuilt["templates"][0] == 0 and rebuilt["templates"][1] >= 10
        memo_page = tmp_path / "rebuilt" / SEED.removesuffix(".md") / "index.html"
        assert "palataan asiaan syksyllä" in memo_page.read_text(encoding="utf-8")
        # Material's search index parsed again only the pages whose HTML changed: the memo, and
        # the pages that quote or list it. (The search index is among the files compared above.)
        assert 1 <= rebuilt["parsed"][1] <= 6 < rebuilt["parsed"][0], rebuilt["parsed"]
        index = json.loads((tmp_path / "rebuilt" / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert any("palataan asiaan syksyllä" in doc["text"] for doc in index["docs"])
    else:  # a new file can change where any link leads: every page is converted again
        assert rebuilt["reused"][1] == 0


def test_a_warning_is_reported_again_when_its_page_is_reused(tmp_path: Path) -> None:
    root = knowledge_base(tmp_path / "kb")
    result = serve(root, tmp_path / "site", ("append", SEED, "\nLisäys.\n"))
    [first, second] = result["warnings"]
    assert any("uusi-tapaaminen.md" in message for message in first)
    assert first == second
    assert result["reused"][1] >= 10


def retitled(root: Path) -> str:
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.startswith("site_name: Muistio")
    return config.replace("site_name: Muistio", "site_name: Yksikön muisti", 1)


def memo_retagged(root: Path) -> str:
    memo = (root / SEED).read_text(encoding="utf-8")
    assert "tags: [kontaktointi, crm, tuotteistus]" in memo
    return memo.replace("tags: [kontaktointi, crm, tuotteistus]", "tags: [kontaktointi, messut]", 1)


@pytest.mark.parametrize(("path", "changed"), [("mkdocs.yml", retitled), (SEED, memo_retagged)],
                         ids=["site name in mkdocs.yml", "a memo's tags"])
def test_a_rebuild_fills_again_the_templates_whose_context_changed(tmp_path: Path, path: str, changed) -> None:
    """A change outside a page's content still reaches its template: the site's name is in every
    page's header, a memo's tags are listed from the template context, not its content."""
    root = knowledge_base(tmp_path / "kb")
    rebuilt = serve(root, tmp_path / "rebuilt", ("write", path, changed(root)))
    fresh_root = knowledge_base(tmp_path / "fresh-kb")
    (fresh_root / path).write_text(changed(fresh_root), encoding="utf-8")
    serve(fresh_root, tmp_path / "fresh")
    one, two = files_of(tmp_path / "rebuilt"), files_of(tmp_path / "fresh")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    if path == "mkdocs.yml":
        assert rebuilt["templates"][1] == 0
        assert "Yksikön muisti" in (tmp_path / "rebuilt" / "index.html").read_text(encoding="utf-8")
    else:
        assert rebuilt["templates"][1] >= 10
        memo_page = (tmp_path / "rebuilt" / SEED.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert "messut" in memo_page and "tuotteistus" not in memo_page


def test_with_a_plugin_it_does_not_know_every_template_is_filled_again(tmp_path: Path) -> None:
    """Another plugin's `page_context` may put anything in a template's context, so no filled
    template is reused (conversions still are)."""
    root = knowledge_base(tmp_path / "kb")
    hook = tmp_path / "context_hook.py"
    hook.write_text("def on_page_context(context, page, config, nav):\n    context['muuta'] = 1\n    return context\n",
                    encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("hooks:\n", f"hooks:\n  - {hook}\n", 1), encoding="utf-8")
    result = serve(root, tmp_path / "site", ("append", SEED, "\nLisäys.\n"))
    assert result["templates"] == [0, 0]
    assert result["reused"][1] >= 10


def test_a_rebuild_after_a_template_is_edited_shows_the_edit(tmp_path: Path) -> None:
    """Compiled templates are kept from one build to the next, but not past an edit of their source."""
    root = knowledge_base(tmp_path / "kb")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("theme:\n  name: material\n",
                                                    "theme:\n  name: material\n  custom_dir: teema\n", 1),
                                     encoding="utf-8")
    override = '{% extends "base.html" %}\n{% block content %}<p>VERSIO {}</p>{{ super() }}{% endblock %}\n'
    (root / "teema").mkdir()
    (root / "teema" / "main.html").write_text(override.replace("{}", "1"), encoding="utf-8")
    result = serve(root, tmp_path / "site", ("write", "teema/main.html", override.replace("{}", "2")))
    memo_page = (tmp_path / "site" / SEED.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert "<p>VERSIO 2</p>" in memo_page and "VERSIO 1" not in memo_page
    assert result["templates"] == [0, 0]  # a custom_dir's templates may read anything


LARGE = 240
"""Memos enough for more pages than `parallel_render.MIN_PAGES`, so a first build goes parallel."""


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve-large") / "kb"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), str(root), "--memos", str(LARGE),
                    "--words", "60"], check=True, capture_output=True)
    memo = sorted((root / "memos").rglob("*.md"))[LARGE // 3]  # a warning to be reported from a worker
    memo.write_text(memo.read_text(encoding="utf-8") + "\nKatso [vanha muistio](../../vanha-muistio.md).\n",
                    encoding="utf-8")
    return root


@pytest.mark.slow
def test_the_first_preview_is_built_in_processes_and_fills_the_caches(large: Path, tmp_path: Path) -> None:
    """`mkdocs serve` builds the site once before it starts its threads: that build converts the
    pages and fills their templates in worker processes (as `mkdocs build` does), and what they
    made (conversions, filled templates, the search sections) serves the rebuild after a save."""
    root = tmp_path / "kb"
    shutil.copytree(large, root)
    memo = sorted((root / "memos").rglob("*.md"))[LARGE // 2].relative_to(root).as_posix()
    edit = ("append", memo, "\nLisätty muokkaus: palataan asiaan ensi viikolla.\n")
    rebuilt = serve(root, tmp_path / "rebuilt", edit)
    pages = len(list((tmp_path / "rebuilt").rglob("index.html")))
    assert rebuilt["from_workers"][0] >= LARGE and rebuilt["from_workers"][1] == 0
    assert rebuilt["parsed"][0] < LARGE // 10  # the workers' search sections came back with their pages
    assert rebuilt["reused"][1] >= pages - 5 and rebuilt["templates"][1] >= pages - 5
    fresh_root = tmp_path / "fresh-kb"
    shutil.copytree(large, fresh_root)
    (fresh_root / memo).write_text((fresh_root / memo).read_text(encoding="utf-8") + edit[2], encoding="utf-8")
    config = (fresh_root / "mkdocs.yml").read_text(encoding="utf-8")
    (fresh_root / "mkdocs.yml").write_text(config.replace("\n  muistio:\n", "\n  muistio:\n    workers: 1\n"),
                                           encoding="utf-8")
    fresh = serve(fresh_root, tmp_path / "fresh")
    assert fresh["from_workers"] == [0]
    one, two = files_of(tmp_path / "rebuilt"), files_of(tmp_path / "fresh")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    # What a worker's page logged is reported once, in both builds, as one process reports it.
    assert rebuilt["warnings"][0] == rebuilt["warnings"][1] == fresh["warnings"][0]
    assert sum("vanha-muistio.md" in message for message in rebuilt["warnings"][0]) == 1


@pytest.mark.slow
def test_the_first_preview_takes_the_conversions_an_earlier_process_kept(large: Path, tmp_path: Path) -> None:
    """A writer who starts the preview again waits only for the pages whose conversion could have
    changed: the others come from the disk (hooks/conversion_store.py), and the preview is what
    it was, warnings included, and its rebuild after a save still reuses every other page."""
    root = tmp_path / "kb"
    shutil.copytree(large, root)
    first = serve(root, tmp_path / "first")
    memo = sorted((root / "memos").rglob("*.md"))[LARGE // 2].relative_to(root).as_posix()
    again = serve(root, tmp_path / "again", ("append", memo, "\nLisätty muokkaus: palataan asiaan.\n"))
    pages = len(list((tmp_path / "first").rglob("index.html")))
    assert first["from_store"] == [0] and first["from_workers"][0] >= LARGE
    assert again["from_store"][0] >= pages - 5 and again["from_workers"][0] == 0
    assert again["parsed"][0] < LARGE // 10  # the templates were still filled in the workers
    assert again["reused"][1] >= pages - 5
    assert again["warnings"][0] == first["warnings"][0]
    assert sum("vanha-muistio.md" in message for message in again["warnings"][0]) == 1
    serve(root, tmp_path / "fresh", no_cache=True)
    one, two = files_of(tmp_path / "again"), files_of(tmp_path / "fresh")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


@pytest.mark.slow
def test_with_another_thread_running_the_first_preview_is_built_in_one_process(large: Path, tmp_path: Path) -> None:
    """Forking a process that runs other threads can leave a lock held forever in the child."""
    result = serve(large, tmp_path / "site", thread=True)
    assert result["from_workers"] == [0]
    assert result["parsed"][0] > LARGE
