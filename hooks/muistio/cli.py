"""The `kb` command: the knowledge base for people working in a terminal, a git hook or CI.

Thin by design: each subcommand parses its arguments, calls the core, and prints. What it prints
follows the site's language (`theme.language` in mkdocs.yml). Exit status: 0 clean, 1 problems
found (or a file already exists), 2 usage error (argparse's own convention). Results go to
standard output (a report, a written path, JSON), diagnostics to standard error, so
`$EDITOR "$(kb new memo ...)"` and `kb check --format json | jq` work.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from muistio import report_formats
from muistio.config import find_root, is_knowledge_base, read_settings
from muistio.importers import cli as importer_cli
from muistio.load import COMPANIES_DIR, MEMOS_DIR, kind_of, relative_path
from muistio.messages import render_message
from muistio.names import did_you_mean
from muistio.pipeline import analyse, check
from muistio.problems import Problem, Severity, has_errors, sorted_problems
from muistio.settings import Settings

OK, PROBLEMS, USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    found = _root(getattr(args, "sub_root", None) or args.root, args.command)
    if isinstance(found, tuple):
        around = find_root(Path.cwd())  # the language of the knowledge base we are in, if any
        lang = read_settings(around).lang if around else "en"
        return _usage(f"{args.command} {args.kind}" if args.command == "new" else args.command, *found, lang)
    root = found.resolve()
    settings = read_settings(root)
    lang = settings.lang
    if args.command == "check":
        return _check(root, lang, args.paths, args.format, settings.option_problems, settings.docs_dir)
    if args.command == "new":
        return _new(root, lang, args)
    if args.command == "review":
        return _review(root, lang, args.base, settings.docs_dir)
    if args.command == "schema":
        return _schema(root, lang, args.check)
    if args.command == "import":
        return _import(root, lang, args)
    if args.command == "export":
        return _export(root, lang, args)
    parser.error(f"unknown command {args.command}")
    return USAGE


def _root(given: Path | None, command: str) -> Path | tuple[str, dict[str, object]]:
    """The knowledge base to work on, or why there is none: outside one, `kb check` used to pass
    on nothing and `kb new` to make memos/ and companies/ wherever it was run.

    `kb schema` writes what the code's content model says, not what is in the knowledge base, so
    an existing folder named with --root will do (to compare or generate the schemas anywhere)."""
    if given is None:
        found = find_root(Path.cwd())
        return found if found else ("cli_no_kb_here", {"path": str(Path.cwd())})
    if not os.path.lexists(given):
        return ("cli_root_missing", {"path": str(given)})
    if command == "schema" and given.is_dir():
        return given
    if not is_knowledge_base(given):
        return ("cli_root_not_kb", {"path": str(given)})
    return given


def _parser() -> argparse.ArgumentParser:
    root_help = ("the knowledge base: a folder with mkdocs.yml, memos/ or companies/ "
                 "(default: the nearest one at or above the current folder)")
    parser = argparse.ArgumentParser(prog="kb", description="Muistio knowledge base tools.")
    parser.add_argument("--root", type=Path, default=None, help=root_help)
    root_option = argparse.ArgumentParser(add_help=False)  # `kb check --root X` works as well
    root_option.add_argument("--root", type=Path, dest="sub_root", default=None, help=root_help)
    commands = parser.add_subparsers(dest="command", required=True)

    check_parser = commands.add_parser("check", parents=[root_option], help="validate memos and companies")
    check_parser.add_argument("paths", nargs="*", type=Path,
                              help="only report problems in these files or folders (default: all)")
    check_parser.add_argument("--format", default="text", metavar="FORMAT",
                              help="text (path:line: message), github (Actions annotations) or json")

    new_parser = commands.add_parser("new", help="write a new memo or company page from a template, "
                                     "or add a contact to an organisation")
    kinds = new_parser.add_subparsers(dest="kind", required=True)
    memo = kinds.add_parser("memo", parents=[root_option], help="memos/YYYY/YYYY-MM-DD-slug.md")
    memo.add_argument("title", help='the memo\'s title, e.g. "Tapaaminen Sanoma WSOY:n kanssa"')
    memo.add_argument("--date", help="the meeting's date, YYYY-MM-DD (default: today)")
    memo.add_argument("--attendee", action="append", default=[], metavar="PERSON",
                      help="a person's slug or name; repeat for each")
    memo.add_argument("--company", action="append", default=[], metavar="COMPANY",
                      help="a company's slug or name; repeat for each")
    memo.add_argument("--tag", action="append", default=[], help="a tag; repeat for each")
    company = kinds.add_parser("company", parents=[root_option], help="companies/slug.md")
    company.add_argument("name", help='the organisation\'s name, e.g. "Sanoma WSOY"')
    company.add_argument("--slug", default="", help="its file name, companies/SLUG.md (default: from the name)")
    contact = kinds.add_parser("contact", parents=[root_option],
                               help="add a person to an organisation's contacts in companies/slug.md")
    contact.add_argument("name", help='the person\'s full name, e.g. "Petri Laitinen"')
    contact.add_argument("--company", required=True, metavar="COMPANY", help="the organisation's slug or name")
    contact.add_argument("--role", default="", help="their title, e.g. projektipäällikkö")
    contact.add_argument("--alias", action="append", default=[], metavar="NAME",
                         help="another name they go by in the text, e.g. Petri; repeat for each")
    contact.add_argument("--email", default="", help="private: left out of the public site")
    contact.add_argument("--phone", default="", help="private: left out of the public site")
    contact.add_argument("--slug", default="", help="their identifier (default: from the name)")

    review_parser = commands.add_parser("review", parents=[root_option],
                                        help="Markdown report of the memos and companies changed since a git ref")
    review_parser.add_argument("--base", required=True, help="the git ref to compare with, e.g. origin/main")

    schema_parser = commands.add_parser("schema", parents=[root_option],
                                        help="write schemas/*.schema.json from the content model")
    schema_parser.add_argument("--check", action="store_true", help="only tell whether they are up to date")

    import_parser = commands.add_parser("import", parents=[root_option],
                                        help="turn Confluence pages (text copies, HTML or XML exports) into memos")
    importer_cli.add_arguments(import_parser)

    export_parser = commands.add_parser("export", parents=[root_option],
                                        help="companies and contacts as CSV (HubSpot columns) and vCard, "
                                        "follow-ups as iCalendar")
    # a string, not a Path: Path("") is the current folder, and an empty --out must be refused
    export_parser.add_argument("--out", required=True, help="the folder to write the files into")
    export_parser.add_argument("--public", action="store_true",
                               help="leave out what is internal and contacts' email and phone")
    export_parser.add_argument("--force", action="store_true", help="replace export files already in the folder")
    return parser


# --- kb check -------------------------------------------------------------------------------


def _check(root: Path, lang: str, paths: list[Path], fmt: str, option_problems: list[Problem],
           docs_dir: str = "docs") -> int:
    if fmt not in report_formats.FORMATS:
        suggestion = did_you_mean(fmt, report_formats.FORMATS) or ""
        return _usage("check", "cli_unknown_format",
                      {"value": fmt, "suggestion": suggestion, "allowed": ", ".join(report_formats.FORMATS)}, lang)
    wanted: list[str] = []
    for path in paths:
        selected = _selection(root, path)
        if isinstance(selected, tuple):
            return _usage("check", *selected, lang)
        wanted.append(selected)
    # what `mkdocs build --strict` would fail on (a notice found on the way is no part of that)
    analysis = analyse(root, problems_only=True)
    from muistio.page_links import broken_page_links  # markdown-it only for bodies with a file link

    found = sorted_problems([*analysis.problems, *broken_page_links(analysis.kb, root, docs_dir)])
    problems = [*option_problems, *(p for p in found if p.severity is not Severity.NOTICE)]
    if paths:
        problems = [p for p in problems if any(_within(p.path, prefix) for prefix in wanted)]
    sys.stdout.write(report_formats.render(problems, fmt, lang))
    errors = sum(p.severity is Severity.ERROR for p in problems)
    if problems:
        print(render_message("cli_summary", {"count": len(problems), "errors": errors}, lang), file=sys.stderr)
    return PROBLEMS if errors else OK


def _selection(root: Path, path: Path) -> str | tuple[str, dict[str, object]]:
    """A path given on the command line → its path relative to the root, or why it cannot be checked."""
    absolute = path if path.is_absolute() else Path.cwd() / path
    if not absolute.exists():
        return ("cli_no_such_file", {"path": str(path)})
    try:
        relative = absolute.resolve().relative_to(root)
    except ValueError:
        return ("cli_not_kb_file", {"path": str(path), "root": str(root)})
    text = relative.as_posix()
    if absolute.is_dir():
        if text == "." or relative.parts[0] in (MEMOS_DIR, COMPANIES_DIR):
            return "" if text == "." else text
    elif kind_of(root, relative) is not None:
        return text
    return ("cli_not_kb_file", {"path": str(path), "root": str(root)})


def _within(path: str, prefix: str) -> bool:
    return not prefix or path == prefix or path.startswith(f"{prefix}/")


# --- kb new ---------------------------------------------------------------------------------


def _new(root: Path, lang: str, args: argparse.Namespace) -> int:
    from muistio import scaffold  # each command loads what it uses: `kb check` runs on every commit

    try:
        kb = check(root).kb
        if args.kind == "contact":
            from muistio.contact_entry import Contact, add_contact, write_edit

            contact = Contact(args.name, args.role, args.alias, args.email, args.phone, args.slug)
            edit = add_contact(root, kb, args.company, contact)
            print(f"{_shown(write_edit(root, edit))}:{edit.line}")  # editors open a file at path:line
            return OK
        if args.kind == "memo":
            date = scaffold.parse_date(args.date)
            new = scaffold.new_memo(kb, args.title, date, args.attendee, args.company, args.tag)
        else:
            new = scaffold.new_company(kb, args.name, args.slug)
        path = scaffold.write_file(root, new)
    except scaffold.Refused as refusal:
        print(f"kb new {args.kind}: {refusal.message(lang)}", file=sys.stderr)
        return refusal.status
    print(_shown(path))
    return OK


def _shown(path: Path) -> str:
    """The path as the user can open it from where they are: relative when below the current folder."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:
        return str(path)


# --- kb review ------------------------------------------------------------------------------


def _review(root: Path, lang: str, base: str, docs_dir: str = "docs") -> int:
    # Imported here: the link stage is the heaviest part of the core, and only the review needs it.
    from muistio.review import ReviewError, review

    try:
        sys.stdout.write(review(root, base, lang, docs_dir))
    except ReviewError as error:
        print(f"kb review: {error.message(lang)}", file=sys.stderr)
        return USAGE
    return OK


# --- kb schema ------------------------------------------------------------------------------


def _schema(root: Path, lang: str, only_check: bool) -> int:
    from muistio import json_schema

    if only_check:
        stale = json_schema.stale_files(root)
        for path in stale:
            print(Problem(relative_path(root, path), 1, "cli_schema_stale").render(lang), file=sys.stderr)
        return PROBLEMS if stale else OK
    written = json_schema.write_files(root)
    for path in json_schema.expected_files(root):
        code = "cli_schema_written" if path in written else "cli_schema_current"
        print(render_message(code, {"path": relative_path(root, path)}, lang))
    return OK


# --- kb import, kb export -------------------------------------------------------------------


def _import(root: Path, lang: str, args: argparse.Namespace) -> int:
    """The importer recognises people and companies with the same matcher that links the site,
    and speaks the site's language like the other commands."""
    from muistio.directory import KnowledgeBaseDirectory

    return importer_cli.run(args, KnowledgeBaseDirectory(check(root).kb), root, lang)


def _export(root: Path, lang: str, args: argparse.Namespace) -> int:
    from muistio.exports.write import ExportRefused, export_all

    if not args.out.strip():  # an unset "$DIR" would put private emails and phones in the current folder
        return _usage("export", "cli_export_empty_out", {}, lang)
    analysis = analyse(root, Settings(public=args.public))
    if has_errors(analysis.problems):
        print(render_message("cli_export_problems", {"count": len(analysis.problems)}, lang), file=sys.stderr)
    try:
        written = export_all(analysis.kb, analysis.context.items, Path(args.out), analysis.context.settings.today,
                             overwrite=args.force, include_private=not args.public)
    except ExportRefused as refusal:
        print(f"kb export: {refusal.message(lang)}", file=sys.stderr)
        return PROBLEMS
    for path in written:
        print(_shown(path))
    return OK


def _usage(command: str, code: str, params: dict[str, object], lang: str) -> int:
    print(f"kb {command}: {render_message(code, params, lang)}", file=sys.stderr)
    return USAGE


def run() -> int:
    """The `kb` program: `main` in a process of its own, with Python's cycle collector off.

    A `kb` command exits when it is done, and what it allocates (every file's values and lines,
    every mention) lives until then anyway: the collector would only walk it again and again as
    it grows, about 7 % of `kb check` at 5,000 memos even with the hook's fewer collections
    (`gc_tuning`). Nothing `kb` does depends on it. Kept out of `main`, which tests call inside
    their own process."""
    gc.disable()
    return main()


if __name__ == "__main__":
    sys.exit(run())
