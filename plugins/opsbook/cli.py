"""The `opsbook` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import load_handbook
from .settings import Settings


def _check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    handbook = load_handbook(Settings(root=root))
    for problem in handbook.problems:
        if args.format == "github":
            line = f",line={problem.line}" if problem.line else ""
            print(f"::error file={problem.file}{line}::{problem.message}")
        else:
            print(problem)
    count = len(handbook.problems)
    if args.format != "github":
        print(f"{count} problem{'s' if count != 1 else ''} in {root}", file=sys.stderr)
    return 1 if count else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opsbook",
        description="opsbook: your operations handbook as code. Validate the ops data of a handbook "
        "repository, scaffold new incidents, decisions and RFCs, or start a new handbook.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every source file without building the site; exit 1 on problems")
    check.add_argument("root", nargs="?", default=".", help="handbook repository root (default: current folder)")
    check.add_argument("--format", choices=["human", "github"], default="human",
                       help="'github' prints GitHub Actions annotations (::error file=...,line=...::)")
    check.set_defaults(func=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
