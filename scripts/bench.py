#!/usr/bin/env python3
"""Benchmark harness: how the site build scales with the number of memos, against its floors.

    .venv/bin/python scripts/bench.py [--sizes 100,1000,5000] [--runs 3] [--json FILE]

For each size it writes a synthetic knowledge base (scripts/gen_corpus.py, fixed seed, N memos and
N/10 organisations) into a temporary folder and measures, every run in this one invocation:

* **build**: a full `mkdocs build` with our hook (MkDocs' own `build()` in a child process, the
  way `mkdocs build` runs it), and its ratio to the **render floor**: Python-Markdown rendering
  every memo body with the `markdown_extensions` of the corpus's mkdocs.yml and nothing else.
  No conversion or link of an earlier build is kept for it (`hooks/conversion_store.py`,
  `muistio/link_store.py`): every page is converted and every memo linked, as in CI's first run;
* **build, conversions kept**: the same build again after one memo was edited, taking the
  conversions and links the full build kept for every page and memo that comes out the same, as
  CI does when its workflow keeps `~/.cache/muistio` between runs;
* **hook share**, two ways: the hook's `on_files` event timed inside that build (everything the
  knowledge base does: read, validate, link, generate pages) and its `on_post_build` (the
  Pagefind search index), and the difference between that build and a build *without* the hook
  of the very pages the hook generated, written once into a plain docs_dir (the "plain" build,
  which has Material's own search index instead of Pagefind's). The timed events are the
  number to trust; the difference is two noisy builds subtracted, and negative now: with no hook
  to put in the generated pages' HTML islands, the plain pages carry them as raw HTML through
  Python-Markdown, which is slower than the hook's whole work;
* **serial build**: the same build with `extra.muistio.workers: 1`, all pages converted in one
  process, to show what converting them in several (hooks/parallel_render.py) buys;
* **raw Material**: MkDocs and Material alone on the corpus's memos and organisation files as
  they are, no hook, no generated pages (the baseline the performance goals were set against);
* **site render floor**: Python-Markdown on the Markdown of every page the site has, generated
  pages included, as MkDocs receives it in the build with the hook (islands as their marks):
  the floor of *this* site;
* **kb check**: `kb check` as a user runs it (a child process) and the pipeline's `analyse()`
  it calls, against the **read-and-parse floor**: reading every file and loading its front
  matter with PyYAML (libyaml), nothing else; measured in this process and, like `kb check`,
  as a child process of its own (starting Python and importing PyYAML included). `kb check`
  runs twice: without its front-matter cache (`muistio.parse_cache`), as on a machine that never
  read these files, and with it filled by an earlier run, as in a writer's checkout. The builds
  run with it filled, as in CI, where `kb check` runs first and the workflow keeps the cache
  between runs (the difference between the two `kb check` times is what a build without it pays
  more). The caches of this run live in a temporary folder, not the user's;
* **site**: bytes of the built site per page, the child's peak memory (ru_maxrss), and what a
  reader downloads to search: Material's search index (raw and gzipped; a reader downloads it
  whole), and with Pagefind an upper bound for a one-word query (see `_site_stats`);
* **rebuild**: what `mkdocs serve` does after a save: after the full build, the first build of
  `mkdocs serve` (untimed), then one memo is edited and MkDocs' `build()` is called again in the
  same process with the hook module kept loaded; its time and the hook's share of it, against
  the full build. (Under serve the hook skips the Pagefind index, as the preview needs no fast
  download, and reuses the conversion of every page whose Markdown did not change.)

Every run builds into the folder the run before it built (as a writer's repeated builds do), so
from the second run on a build writes over the last site (hooks/site_rewrite.py); the first run
builds into an empty folder, as CI does.

Times are medians over the runs; on a shared machine the ratios are what stay comparable. Child
processes run one at a time (no parallel builds), so the numbers are not skewed by each other.
They keep our modules compiled between runs, as Python does for a writer, even where the
environment says not to (`_keep_bytecode`).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

EDIT = "\n\nLisätty muokkaus: palataan asiaan ensi viikolla.\n"
"""Appended to one memo between the two builds of the serve measurement."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="memo counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; medians are reported")
    parser.add_argument("--words", type=int, default=400, help="words per memo")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--child", nargs=3, metavar=("CONFIG", "SITE", "MEMO"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        config, site, memo = args.child
        print(json.dumps(_child_build(Path(config), Path(site), Path(memo) if memo != "-" else None)))
        return 0
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    print(_machine(), flush=True)
    cache_home = tempfile.TemporaryDirectory(prefix="muistio-bench-cache-")
    os.environ["XDG_CACHE_HOME"] = cache_home.name  # the corpora's front-matter caches go with it
    _keep_bytecode(Path(cache_home.name) / "pycache")
    results = []
    for size in sizes:
        result = bench_size(size, args.runs, args.words)
        results.append(result)
        print(_report(result), flush=True)
    if len(results) > 1:
        print(_scaling(results))
    if args.json:
        args.json.write_text(json.dumps({"machine": _machine(), "results": results}, indent=2), encoding="utf-8")
    return 0


def _keep_bytecode(folder: Path) -> None:
    """Let the child processes keep our modules compiled, as Python does on a writer's machine.

    With PYTHONDONTWRITEBYTECODE set (as on this project's development machines and in its CI),
    every `kb check` and build compiled the knowledge base's modules from source again: about
    50 ms of a `kb check` at 1,000 memos, which no writer pays twice. The compiled files go into
    this run's temporary folder (PYTHONPYCACHEPREFIX), not into the repository, and are made once
    here; the libraries were compiled when they were installed."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "hooks")], check=True)


def bench_size(memos: int, runs: int, words: int = 400) -> dict[str, Any]:
    """Every measurement for one corpus size, as medians over ``runs``."""
    gen_corpus = _load_script("gen_corpus")
    with tempfile.TemporaryDirectory(prefix=f"muistio-bench-{memos}-") as tmp:
        root = Path(tmp) / "kb"
        gen_corpus.generate(root, memos, words=words)
        plain, converted = _plain_site(root, Path(tmp) / "plain")
        raw = _raw_site(root, Path(tmp) / "raw")
        serial = _serial_config(root)
        memo = sorted((root / "memos").rglob("*.md"))[len(list((root / "memos").rglob("*.md"))) // 2]
        samples: dict[str, list[float]] = {}

        def add(key: str, value: float) -> None:
            samples.setdefault(key, []).append(value)

        site = Path(tmp) / "site"
        built: dict[str, Any] = {}
        _kb_check_cli(root, cached=True)  # fills the front-matter cache, as `kb check` before a build does in CI
        for _ in range(runs):
            original = memo.read_bytes()
            _forget_conversions()
            built = _run_child(root / "mkdocs.yml", site, memo)
            memo.write_bytes(original)
            for key in ("build", "kb_build", "search_build", "rebuild", "kb_rebuild", "maxrss_kb"):
                add(key, built[key])
            memo.write_bytes(original + EDIT.encode())
            kept = _run_child(root / "mkdocs.yml", site, None)
            add("kept_build", kept["build"])
            add("kept_kb_build", kept["kb_build"])
            memo.write_bytes(original)
            plain_built = _run_child(plain / "mkdocs.yml", Path(tmp) / "plain-site", None)
            add("plain_build", plain_built["build"])
            add("plain_maxrss_kb", plain_built["maxrss_kb"])
            add("serial_build", _run_child(serial, Path(tmp) / "serial-site", None)["build"])
            add("raw_build", _run_child(raw / "mkdocs.yml", Path(tmp) / "raw-site", None)["build"])
            add("render_floor", _render_floor(root))
            add("site_render_floor", _site_render_floor(plain, converted))
            add("parse_floor", _parse_floor(root))
            add("parse_floor_process", _parse_floor_process(root))
            add("analyse", _analyse(root))
            add("kb_check_cli", _kb_check_cli(root, cached=False))
            add("kb_check_cached", _kb_check_cli(root, cached=True))
    med = {key: statistics.median(values) for key, values in samples.items()}
    return {
        "memos": memos,
        "companies": max(5, memos // 10),
        "runs": runs,
        **{key: built[key] for key in ("pages", "site_bytes", "search_index_bytes", "search_index_gzip_bytes",
                                       "pagefind_bytes", "pagefind_query_bytes")},
        **med,
        "samples": samples,
    }


def _forget_conversions() -> None:
    """Remove the conversions and links earlier builds kept (hooks/conversion_store.py,
    muistio/link_store.py), so the next build converts every page and links every memo: the full
    build, as in CI on its first run. (The front matter stays parsed, see `kb check`.)"""
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "muistio"
    for store in [*folder.glob("conversions-*.sqlite"), *folder.glob("links-*.json")]:
        store.unlink()


def _site_stats(site: Path) -> dict[str, int]:
    """Pages, bytes, and the search index a reader downloads, of a freshly built site.

    With Pagefind (site/pagefind/), a one-word query downloads its script, its WebAssembly, the
    entry metadata, one index chunk, the filter of the pages of names, and one fragment per result
    shown (at most 20) and per page of a name looked at (at most 5, see
    overrides/assets/javascripts/muistio-search.js), and our own scripts that run the box (that
    one, the ranking it shares with the results page, the line above the results and the listener
    that searches pasted text: `muistio-[rs]*.js`). The bound
    here takes the largest chunk and filter and the 25 largest fragments; those files are already
    gzipped, so the bound is bytes on the wire, and so our scripts are counted gzipped.
    """
    index = site / "search" / "search_index.json"
    pagefind = site / "pagefind"
    stats = {
        "pages": sum(1 for _ in site.rglob("*.html")),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
        "search_index_gzip_bytes": len(gzip.compress(index.read_bytes(), 6)) if index.exists() else 0,
        "pagefind_bytes": 0,
        "pagefind_query_bytes": 0,
    }
    if pagefind.is_dir():
        def sizes(pattern: str) -> list[int]:
            return sorted((p.stat().st_size for p in pagefind.glob(pattern)), reverse=True)

        stats["pagefind_bytes"] = sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file())
        fixed = sum(sizes("pagefind.js")) + max(sizes("wasm.*.pagefind") or [0]) + max(sizes("*.pf_meta") or [0])
        stats["pagefind_query_bytes"] = (
            fixed + stats["search_index_bytes"] + max(sizes("index/*") or [0]) + max(sizes("filter/*") or [0])
            + sum(sizes("fragment/*")[:25])
            + sum(len(gzip.compress(script.read_bytes(), 6)) for script in (
                site / "assets" / "javascripts").glob("muistio-[rs]*.js"))
        )
    return stats


def _report(r: dict[str, Any]) -> str:
    build, floor = r["build"], r["render_floor"]
    per_page = build / r["pages"] * 1000
    lines = [
        f"\n== {r['memos']} memos, {r['companies']} organisations, {r['pages']} pages (median of {r['runs']}) ==",
        f"full build (hook)        {build:7.2f} s   {build / floor:5.2f} x render floor ({floor:.2f} s)"
        f"   {per_page:.2f} ms/page",
        f"                                   {build / r['site_render_floor']:5.2f} x the site's render floor"
        f" ({r['site_render_floor']:.2f} s: every page, generated ones included)",
        f"build, conversions kept  {r['kept_build']:7.2f} s   {r['kept_build'] / floor:5.2f} x render floor;"
        " one memo edited since the full build, whose conversions and links were kept (as in CI);"
        f" hook on_files {r['kept_kb_build']:.2f} s = {r['kept_kb_build'] / r['kept_build']:5.1%} of it",
        f"serial build (1 process) {r['serial_build']:7.2f} s   {r['serial_build'] / floor:5.2f} x render floor;"
        f" converting pages in parallel saves {1 - build / r['serial_build']:6.1%}",
        f"plain build (no hook)    {r['plain_build']:7.2f} s   {r['plain_build'] / floor:5.2f} x render floor",
        f"raw Material (no hook)   {r['raw_build']:7.2f} s   {r['raw_build'] / floor:5.2f} x render floor"
        " (the memo and organisation files as they are)",
        f"hook on_files            {r['kb_build']:7.2f} s   {r['kb_build'] / build:6.1%} of the build"
        f"   (build - plain: {(build - r['plain_build']) / build:6.1%})",
        f"hook on_post_build       {r['search_build']:7.2f} s   {r['search_build'] / build:6.1%} of the build"
        " (Pagefind indexing; the plain build has Material's index instead)",
        f"kb check (CLI)           {r['kb_check_cli']:7.2f} s   "
        f"{r['kb_check_cli'] / r['parse_floor_process']:5.2f} x parse floor"
        f" as a process ({r['parse_floor_process']:.2f} s); front matter never read before",
        f"kb check, cache filled   {r['kb_check_cached']:7.2f} s   "
        f"{r['kb_check_cached'] / r['parse_floor_process']:5.2f} x parse floor;"
        " front matter read before, as in a writer's checkout",
        f"                                   analyse() alone {r['analyse']:.2f} s"
        f" = {r['analyse'] / r['parse_floor']:.2f} x parse floor in this process ({r['parse_floor']:.2f} s)",
        f"rebuild after one edit   {r['rebuild']:7.2f} s   {r['rebuild'] / build:6.1%} of a full build;"
        f" hook {r['kb_rebuild']:.2f} s = {r['kb_rebuild'] / build:5.1%} of a full build",
        f"site                     {r['site_bytes'] / 1e6:7.1f} MB  {r['site_bytes'] / r['pages'] / 1e3:6.1f} KB/page;"
        f" peak memory {r['maxrss_kb'] / 1024:.0f} MB (plain {r['plain_maxrss_kb'] / 1024:.0f} MB)",
        f"Material search index    {r['search_index_bytes'] / 1e6:7.2f} MB  "
        f"({r['search_index_gzip_bytes'] / 1e6:.2f} MB gzipped), downloaded whole by every reader",
    ]
    if r["pagefind_bytes"]:
        lines.append(f"Pagefind index           {r['pagefind_bytes'] / 1e6:7.2f} MB on the server; a one-word query "
                     f"downloads at most {r['pagefind_query_bytes'] / 1e6:.2f} MB")
    return "\n".join(lines)


def _scaling(results: list[dict[str, Any]]) -> str:
    lines = ["\n== scaling: per-page build time =="]
    base = results[0]
    for r in results:
        per_page = r["build"] / r["pages"]
        ratio = per_page / (base["build"] / base["pages"])
        lines.append(f"{r['memos']:>6} memos: {per_page * 1000:.2f} ms/page ({ratio:.2f} x that at {base['memos']})")
    return "\n".join(lines)


def _machine() -> str:
    import markdown
    import material
    import mkdocs

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
            f"Material {material.__version__}, Python-Markdown {markdown.__version__}")


# --- floors (measured in this process) --------------------------------------------------------


def _render_floor(root: Path) -> float:
    """Python-Markdown alone on every memo body, with the site's markdown_extensions."""
    bodies = [_split(p.read_text(encoding="utf-8"))[1] for p in sorted((root / "memos").rglob("*.md"))]
    return _markdown_time(root / "mkdocs.yml", bodies)


def _site_render_floor(plain: Path, bodies: list[str]) -> float:
    """Python-Markdown alone on every page of the site (generated ones included), as MkDocs gets
    them in the build with the hook (generated pages with their island marks, see `_plain_site`)."""
    return _markdown_time(plain / "mkdocs.yml", bodies)


def _markdown_time(config_file: Path, bodies: list[str]) -> float:
    """Seconds Python-Markdown takes over `bodies` with the `markdown_extensions` of `config_file`."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    started = time.perf_counter()
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    for body in bodies:
        md.reset()
        md.convert(body)
    return time.perf_counter() - started


_FLOOR_SCRIPT = """
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in sorted((root / "memos").rglob("*.md")) + sorted((root / "companies").glob("*.md")):
    yaml.load(path.read_bytes().decode("utf-8").split("---\\n", 2)[1], Loader=loader)
"""


def _parse_floor_process(root: Path) -> float:
    """The read-and-parse floor as a program of its own, measured like `kb check`."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", _FLOOR_SCRIPT, str(root)], check=True)
    return time.perf_counter() - started


def _parse_floor(root: Path) -> float:
    """Reading every memo and company file and loading its front matter: what any tool pays."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    paths = sorted((root / "memos").rglob("*.md")) + sorted((root / "companies").glob("*.md"))
    started = time.perf_counter()
    for path in paths:
        front, _ = _split(path.read_bytes().decode("utf-8"))
        yaml.load(front, Loader=loader)
    return time.perf_counter() - started


def _split(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body


def _analyse(root: Path) -> float:
    """The pipeline part of `kb check` (read, validate, index, link, follow-ups), no cache, in
    this process: what `kb check` does without starting Python and importing, with the cycle
    collector off, as `kb` runs (`cli.run`; with Python's thresholds, collecting is a fifth of it
    at 5,000 memos)."""
    import gc

    from muistio.pipeline import analyse

    os.environ["MUISTIO_NO_CACHE"] = "1"
    gc.disable()
    try:
        started = time.perf_counter()
        analyse(root, problems_only=True)
        return time.perf_counter() - started
    finally:
        gc.enable()
        del os.environ["MUISTIO_NO_CACHE"]


def _kb_check_cli(root: Path, cached: bool) -> float:
    """`kb check` as a user runs it, including the interpreter's start; with `cached`, with the
    front matter of the previous run in its cache (`muistio.parse_cache`), as in a writer's
    checkout, else without, as on a fresh CI machine."""
    kb = Path(sys.executable).with_name("kb")
    command = [str(kb), "check"] if kb.exists() else [sys.executable, "-m", "muistio.cli", "check"]
    env = {key: value for key, value in os.environ.items() if key != "MUISTIO_NO_CACHE"}
    if not cached:
        env["MUISTIO_NO_CACHE"] = "1"
    started = time.perf_counter()
    subprocess.run(command, cwd=root, capture_output=True, check=False, env=env)
    return time.perf_counter() - started


# --- builds (each in a child process) ---------------------------------------------------------


def _plain_site(root: Path, out: Path) -> tuple[Path, list[str]]:
    """The pages the hook generates, written as files into a docs_dir with no hook: the same site
    MkDocs and Material build, without the knowledge base's own work. Their HTML islands are
    written into the Markdown (`standalone_markdown`), as no hook is there to put them in.

    Also returns the Markdown of every page as MkDocs converts it in the build *with* the hook
    (islands as marks), for the site's render floor."""
    from muistio.pages.followups_page import CALENDAR
    from muistio.pipeline import build_site

    shutil.copytree(root / "docs", out / "docs")
    site = build_site(root)
    generated = {page.src_uri for page in site.pages}
    converted = [p.read_text(encoding="utf-8") for p in sorted((out / "docs").rglob("*.md"))
                 if p.relative_to(out / "docs").as_posix() not in generated]
    for page in site.pages:
        target = out / "docs" / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dataclasses.replace(page, markdown=page.standalone_markdown, islands=()).content,
                          encoding="utf-8")
        converted.append(page.markdown)
    target = out / "docs" / CALENDAR
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(site.calendar)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hooks_at = config.index("hooks:")
    end = config.index("\n\n", hooks_at)
    (out / "mkdocs.yml").write_text(config[:hooks_at] + config[end + 2 :], encoding="utf-8")
    return out, [_split(text)[1] if text.startswith("---\n") else text for text in converted]


def _raw_site(root: Path, out: Path) -> Path:
    """The corpus's memo and organisation files as plain pages of a Material site, no hook."""
    (out / "docs").mkdir(parents=True)
    shutil.copytree(root / "memos", out / "docs" / "memos")
    shutil.copytree(root / "companies", out / "docs" / "companies")
    (out / "docs" / "index.md").write_text("# Muistiot\n", encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    theme = config[config.index("theme:"):config.index("\n\n", config.index("theme:"))]
    extensions = config[config.index("markdown_extensions:"):config.index("\n\n", config.index("markdown_extensions:"))]
    (out / "mkdocs.yml").write_text(
        f"site_name: raw\n{theme}\n\nnav:\n  - index.md\n\nplugins:\n  - search\n\n{extensions}\n", encoding="utf-8")
    return out


def _serial_config(root: Path) -> Path:
    """The corpus's mkdocs.yml with `extra.muistio.workers: 1`."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    serial = root / "mkdocs.serial.yml"
    serial.write_text(config.replace("\n  muistio:\n", "\n  muistio:\n    workers: 1\n", 1), encoding="utf-8")
    return serial


def _run_child(config: Path, site: Path, memo: Path | None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(config), str(site), str(memo) if memo else "-"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child_build(config_file: Path, site_dir: Path, memo: Path | None) -> dict[str, Any]:
    """One full build; with ``memo``, then the rebuild `mkdocs serve` does after it is saved.

    The hook's `on_files` is wrapped with a timer: MkDocs loads a hook module once per process
    (and registers its events on every config load), so patching the loaded module times the
    event in both builds."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    timings: list[float] = []
    indexing: list[float] = []

    def config() -> Any:
        return load_config(str(config_file), site_dir=str(site_dir))

    started = time.perf_counter()
    hook = _hook_module(config())
    if hook is not None:
        hook.on_files = _timed(hook.on_files, timings)
        if hasattr(hook, "on_post_build"):
            hook.on_post_build = _timed(hook.on_post_build, indexing)
    build(config())
    full = time.perf_counter() - started
    result: dict[str, Any] = {"build": full, "kb_build": sum(timings), "search_build": sum(indexing),
                              "rebuild": 0.0, "kb_rebuild": 0.0, **_site_stats(site_dir)}
    if memo is not None:
        serve_url = "http://127.0.0.1:8000/"
        cfg = config()
        cfg.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` does, once
        cfg.site_url = serve_url
        build(cfg, serve_url=serve_url)  # the preview's first build
        with memo.open("a", encoding="utf-8") as handle:
            handle.write(EDIT)
        timings.clear()
        started = time.perf_counter()
        cfg = config()
        cfg.site_url = serve_url
        build(cfg, serve_url=serve_url)
        result["rebuild"] = time.perf_counter() - started
        result["kb_rebuild"] = sum(timings)
    result["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return result


def _hook_module(config: Any) -> ModuleType | None:
    for plugin in config.plugins.values():
        if isinstance(plugin, ModuleType) and hasattr(plugin, "on_files") and "muistio" in plugin.__name__:
            return plugin
    return None


def _timed(function: Callable[..., Any], timings: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            timings.append(time.perf_counter() - started)

    return wrapper


def _load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(main())
