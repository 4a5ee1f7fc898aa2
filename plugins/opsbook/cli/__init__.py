"""The `opsbook` command line: thin front ends over the core (`opsbook.build.load_handbook`).

    opsbook check [ROOT] [--format human|github|json]
    opsbook new incident|decision|rfc [--title ...] [options]
    opsbook init DIR
    opsbook export DIR

Exit status: 0 fine, 1 problems in the sources (check), 2 a usage or configuration mistake.
"""

from __future__ import annotations

import argparse
import sys
from textwrap import fill
from typing import Any

from .common import DETECTED_BY, UsageError

DESCRIPTION = """\
opsbook keeps your operations handbook as code: SLOs, incidents, decisions, RFCs, runbooks and
more live as small files in the repository, and the opsbook MkDocs plugin builds them into a
searchable handbook. This command line checks those files, starts new ones with the next free id
and scaffolds a new handbook. Every command reads the opsbook options (paths, time zone,
severities) from the handbook's mkdocs.yml."""

EPILOG = """\
examples:
  opsbook init my-handbook              start a new handbook (then: cd my-handbook && mkdocs serve)
  opsbook check                         validate the handbook in this folder (exit 1 on problems)
  opsbook check --format github         the same, as GitHub Actions annotations on the changed lines
  opsbook new incident --title "Checkout API returned 5xx" --severity SEV-1 --service api
  opsbook new decision --title "Adopt OpenSLO" --owner dana
  opsbook new rfc --title "Rate limiting for the public API" --author frank
  opsbook export build/docs             hand-written + generated pages as a plain docs folder

Run "opsbook COMMAND --help" for the options of one command."""

CHECK_EPILOG = """\
Prints one line per problem (file:line: what is wrong and what is allowed) and a summary on
stderr. Exit status: 0 no problems, 1 problems, 2 the handbook or its mkdocs.yml cannot be read.
Notes (documents skipped on purpose, e.g. an OpenSLO AlertPolicy) never fail the check.

examples:
  opsbook check                         the handbook in this folder (or the nearest one above)
  opsbook check path/to/handbook        another folder, or its mkdocs.yml
  opsbook check --format github         in a GitHub Actions step: problems appear on the PR diff
  opsbook check --format json | jq .    problems, notes, findings and counts as JSON"""

NEW_EPILOG = """\
The file gets the next free id, computed from the files on disk, and is created without ever
overwriting one: incidents INC-YYYYMMDD-NN (per day), decisions YYYY-NNNN (per year, across all
decision folders), RFCs rfcs/YYYY-MM-<slug>.md (the slug from the title, made unique). The path
of the new file is printed; edit it, then run "opsbook check".

examples:
  opsbook new incident --title "Checkout API returned 5xx" --severity SEV-1 --service api
  opsbook new incident --started 2026-11-04T09:12:00Z --service api --service web --severity SEV-2
  opsbook new decision --title "Adopt OpenSLO for SLO definitions" --owner dana --tag slo
  opsbook new rfc --title "Rate limiting for the public API" --author frank --review-days 14"""

INIT_EPILOG = """\
Writes mkdocs.yml (Material, search, tags, macros and opsbook, a nav grouped by reader task),
a dashboard home page, ops/slo.yml with one service, a team with an on-call rotation, the cadence,
a runbook, a sample incident, decision and RFC, ROADMAP.md, requirements.txt and a CI workflow
(.github/workflows/handbook.yml). Existing files are never overwritten: init stops if any of them
exists. The result builds with "mkdocs build --strict" at once.

With --into EXISTING, only the data files are added to an existing MkDocs site (each one that
exists is skipped) and the lines to add to its mkdocs.yml are printed; mkdocs.yml is not touched.

examples:
  opsbook init handbook
  opsbook init handbook --name "Acme Operations Handbook" --service checkout --timezone Europe/Berlin
  opsbook init --into path/to/existing-docs-site"""


FORMATTER = argparse.RawDescriptionHelpFormatter  # the epilogs' examples keep their lines


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="opsbook", description=DESCRIPTION, epilog=EPILOG, formatter_class=FORMATTER)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    _add_check(sub)
    _add_new(sub)
    _add_init(sub)
    _add_export(sub)
    return parser


def _command(sub: Any, name: str, summary: str, description: str, epilog: str | None = None) -> argparse.ArgumentParser:
    """The subparser of `opsbook NAME`: its line in the command list, its description and what it runs."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, description=fill(description, 96), epilog=epilog, formatter_class=FORMATTER
    )
    parser.set_defaults(run=name)
    return parser


def _add_check(sub: Any) -> None:
    check = _command(
        sub,
        "check",
        "validate every source file without building the site",
        "Validate every source of the handbook (SLOs, incidents, decisions, RFCs, ...) without building the site.",
        CHECK_EPILOG,
    )
    check.add_argument(
        "root",
        nargs="?",
        metavar="ROOT",
        help="the handbook folder (where mkdocs.yml is) or its mkdocs.yml; default: this "
        "folder or the nearest one above that holds mkdocs.yml",
    )
    check.add_argument(
        "--format",
        choices=["human", "github", "json"],
        default="human",
        help="human: file:line: message (default); github: ::error file=...,line=...:: "
        "annotations; json: one JSON document",
    )
    check.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list notes: documents skipped on purpose (never problems)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")


def _add_new(sub: Any) -> None:
    new = _command(
        sub,
        "new",
        "start a new incident, decision or RFC from a template",
        "Write a filled template for a new incident, decision record or RFC with the next free id, and print its path.",
        NEW_EPILOG,
    )
    kinds = new.add_subparsers(dest="kind", metavar="KIND", title="kinds", required=True)
    # One subparser per kind: `opsbook new incident --help` lists the incident's options only.
    incident = _new_kind(kinds, "incident", "a new incident: ops/incidents/INC-YYYYMMDD-NN.md")
    incident.add_argument("--severity", help="a level of the handbook's scale (default: the least severe)")
    incident.add_argument(
        "--service",
        action="append",
        default=[],
        metavar="ID",
        help="an affected service from ops/slo.yml (required); repeat for several",
    )
    incident.add_argument(
        "--started",
        metavar="TIMESTAMP",
        help="when impact began, ISO 8601, e.g. 2026-11-04T09:12:00Z (default: now)",
    )
    incident.add_argument(
        "--detected-by",
        default="monitor",
        help=f"how it was noticed: {', '.join(DETECTED_BY)}, or a source of the plugin option detected_by "
        "(default: monitor)",
    )
    incident.add_argument("--coordinator", metavar="HANDLE", help="the incident coordinator")
    decision = _new_kind(kinds, "decision", "a new decision record: ops/decisions/YYYY-NNNN-<slug>.md")
    decision.add_argument("--owner", metavar="HANDLE", help="the DRI of the decision")
    decision.add_argument("--status", help="proposed (default) or accepted")
    decision.add_argument("--tag", action="append", default=[], help="a tag; repeat for several")
    decision.add_argument("--folder", help="decision folder to write to (default: the first configured one)")
    rfc = _new_kind(kinds, "rfc", "a new RFC: rfcs/YYYY-MM-<slug>.md")
    rfc.add_argument(
        "--author",
        action="append",
        default=[],
        metavar="HANDLE",
        help="an author (required); repeat for several (the first is the DRI)",
    )
    rfc.add_argument("--status", help="draft (default) or review")
    rfc.add_argument(
        "--review-days", type=int, metavar="N", help="open the review today for N days (sets status review)"
    )


def _add_init(sub: Any) -> None:
    init = _command(
        sub,
        "init",
        "scaffold a new handbook that builds at once",
        "Scaffold a new handbook repository in DIR.",
        INIT_EPILOG,
    )
    init.add_argument("dir", metavar="DIR", nargs="?", help="folder for the new handbook (created if missing)")
    init.add_argument(
        "--into",
        metavar="EXISTING",
        help="add opsbook's data files to an existing MkDocs site (never overwrites; "
        "prints the mkdocs.yml lines to add)",
    )
    init.add_argument("--name", default="Operations Handbook", help="site name (default: %(default)s)")
    init.add_argument(
        "--service",
        default="api",
        metavar="ID",
        help="id of the first service in ops/slo.yml (default: %(default)s)",
    )
    init.add_argument("--timezone", default="UTC", help="IANA time zone of the team (default: %(default)s)")


def _add_export(sub: Any) -> None:
    export = _command(
        sub,
        "export",
        "write the handbook as a plain docs folder (no MkDocs needed)",
        "Write the hand-written pages of docs/ plus every generated Markdown page, ops.json, "
        "cadence.ics, the schemas and the stylesheet and script into DIR, for a site generator "
        "that reads a folder of Markdown and runs no plugins (Zensical, MkDocs 2).",
    )
    export.add_argument("dir", metavar="DIR", help="output folder (created if missing; outside docs/)")
    export.add_argument("-C", "--root", metavar="ROOT", help="the handbook folder (default: this folder or above)")
    export.add_argument("--strict", action="store_true", help="exit 1 when the sources have problems")


def _new_kind(kinds: Any, name: str, summary: str) -> argparse.ArgumentParser:
    """The subparser of one kind of `opsbook new`, with the options every kind shares."""
    parser: argparse.ArgumentParser = kinds.add_parser(
        name,
        help=summary,
        description=fill(summary[0].upper() + summary[1:] + ", with the next free id.", 96),
        formatter_class=FORMATTER,
    )
    parser.add_argument("title", nargs="?", metavar="TITLE", help="one-line title (or --title)")
    parser.add_argument("-t", "--title", dest="title_option", metavar="TITLE", help="the same as TITLE")
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the day of the id and of the record (default: today in the handbook's time zone)",
    )
    parser.add_argument(
        "-C",
        "--root",
        metavar="ROOT",
        help="the handbook folder (default: this folder or the nearest one above that holds mkdocs.yml)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print the file instead of writing it")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if args.run == "init" and (args.dir is None) == (args.into is None):
            raise UsageError("give the folder of a new handbook (opsbook init DIR) or an existing site (--into DIR)")
        if args.run == "check":
            from .check import run
        elif args.run == "new":
            from .new_command import run
        elif args.run == "export":
            from .export import run
        else:
            from .scaffold import run
        return run(args)
    except UsageError as exc:
        sys.stderr.write(f"opsbook {args.run}: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("opsbook")
    except PackageNotFoundError:
        return "unknown"
