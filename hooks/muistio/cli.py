"""The `kb` command: the knowledge base for people working in a terminal or CI.

Thin by design: each subcommand parses its arguments, calls the core pipeline, and prints.
Exit status: 0 clean, 1 problems found, 2 usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from muistio.config import find_root, read_settings
from muistio.pipeline import check
from muistio.problems import Severity


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb", description="Muistio knowledge base tools.")
    parser.add_argument("--root", type=Path, default=None,
                        help="the site repository (default: the nearest folder with mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate memos and companies")
    check_parser.add_argument("paths", nargs="*", type=Path,
                              help="only report problems in these files (default: all)")
    args = parser.parse_args(argv)
    root = (args.root or find_root(Path.cwd())).resolve()
    if args.command == "check":
        return _check(root, args.paths)
    parser.error(f"unknown command {args.command}")
    return 2


def _check(root: Path, paths: list[Path]) -> int:
    settings = read_settings(root)
    problems = check(root).problems
    if paths:
        wanted = {_relative(root, path) for path in paths}
        problems = [p for p in problems if p.path in wanted]
    for problem in problems:
        print(problem.render(settings.lang))
    errors = sum(p.severity is Severity.ERROR for p in problems)
    if problems:
        print(f"{len(problems)} problem(s), {errors} error(s).", file=sys.stderr)
    return 1 if errors else 0


def _relative(root: Path, path: Path) -> str:
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return absolute.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


if __name__ == "__main__":
    sys.exit(main())
