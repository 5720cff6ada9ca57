"""`kb import PATH... [--dry-run] [--update] [--create-missing] [--report FILE]`.

The lead's `kb` command owns the parser and the directory; this module only adds its options
and runs. Exit status: 0 all imported (or rightly skipped), 1 some file had a problem, 2 the
command line itself was wrong (nothing was done).

What it prints follows the language `kb` passes in (the site's `theme.language`), like the rest
of `kb`; the option help stays English, as all of `kb --help` does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from muistio.messages import render_message

if TYPE_CHECKING:
    from .chrome import ChromeProfile
    from .directory import Directory

OK, PROBLEMS, USAGE = 0, 1, 2
PROFILE_NAMES = ("en", "fi")
"""The built-in Confluence profiles (`chrome.PROFILES`, a test keeps the two the same), named here
so that `kb`, which adds these options to every run's parser, does not import the importer."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `kb import`'s arguments to `parser`."""
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="a text copy of a page (.txt), an HTML or XML space export (folder or .zip), or a folder of text copies",
    )
    parser.add_argument("--dry-run", action="store_true", help="write nothing; show what would be written")
    parser.add_argument(
        "--update", action="store_true", help="rewrite memos imported before from the same page (keeps a .bak)"
    )
    parser.add_argument(
        "--create-missing", action="store_true", help="write companies/<slug>.md (name only) for unknown organisations"
    )
    parser.add_argument(
        "--report", type=Path, metavar="FILE", help="write the Markdown report to FILE instead of printing it"
    )
    parser.add_argument(
        "--chrome",
        default="en",
        metavar="PROFILE",
        help=f"Confluence UI language ({', '.join(PROFILE_NAMES)}) or a JSON file "
        "with the site's own UI strings (default: en)",
    )


def run(args: argparse.Namespace, directory: Directory, repo_root: Path, lang: str = "en") -> int:
    """Import, print or write the report in `lang` ("en" or "fi"), return the exit status."""
    from .chrome import PROFILES, profile  # the readers load only when something is imported
    from .memo_writer import atomic_write
    from .pipeline import import_paths
    from .report import render

    def say(code: str, **params: object) -> None:
        print(f"kb import: {render_message(code, params, lang)}", file=sys.stderr)

    missing = [str(path) for path in args.paths if not path.exists()]
    if missing:
        say("import_no_such_path", paths=", ".join(missing))
        return USAGE
    try:
        chrome: ChromeProfile = profile(args.chrome)
    except (OSError, ValueError, TypeError) as error:
        say("import_bad_chrome", value=args.chrome, detail=str(error).rstrip("."), allowed=", ".join(PROFILES))
        return USAGE
    result = import_paths(
        args.paths,
        directory,
        repo_root,
        chrome=chrome,
        dry_run=args.dry_run,
        update=args.update,
        create_missing=args.create_missing,
    )
    report = render(result, lang)
    problems = result.all_problems
    for problem in problems:
        print(problem.render(lang), file=sys.stderr)
    if args.report and not args.dry_run:
        atomic_write(args.report, report)
        say("import_report_written", path=str(args.report))
    else:
        if args.report:
            say("import_report_printed")
        sys.stdout.write(report)
    return PROBLEMS if problems else OK


def main(argv: list[str] | None = None) -> int:
    """Stand-alone use without the core (no known people or companies): for trying it out.

    In English: without the core there is no mkdocs.yml read, so no site language to follow."""
    parser = argparse.ArgumentParser(prog="python -m muistio.importers.cli")
    add_arguments(parser)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the knowledge base")
    args = parser.parse_args(argv)
    from .directory import StaticDirectory

    return run(args, StaticDirectory(), args.root)


if __name__ == "__main__":
    raise SystemExit(main())
