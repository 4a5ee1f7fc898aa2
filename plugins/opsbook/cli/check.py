"""`opsbook check`: load and validate every source without building the site."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import fields, replace
from typing import Any

from ..build import load_handbook
from ..handbook import Handbook
from ..problems import Note, Problem
from ..settings import Settings
from .common import handbook_settings, source_path

NOT_ITEMS = frozenset({"kinds", "problems", "findings", "notes"})


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    settings, site = handbook_settings(args.root)
    # Validation only: no preview diff against a base ref (OPSBOOK_BASE_REF may be set in PR CI).
    settings = replace(settings, base_ref=None)
    handbook = load_handbook(settings)
    elapsed = time.perf_counter() - started
    out = sys.stdout
    if args.format == "github":
        for problem in handbook.problems:
            out.write(github("error", settings, problem) + "\n")
        if args.verbose:
            for note in handbook.notes:
                out.write(github("notice", settings, note) + "\n")
    elif args.format == "json":
        out.write(json.dumps(as_json(settings, handbook), indent=2, sort_keys=True, allow_nan=False) + "\n")
    else:
        for problem in handbook.problems:
            out.write(human(settings, problem) + "\n")
        if args.verbose:
            for note in handbook.notes:
                out.write(human(settings, note, "note") + "\n")
    if not args.quiet and args.format != "json" and site.file is not None and not site.enabled:
        sys.stderr.write(
            f"note: {source_path(settings, site.file.name)} does not list the opsbook plugin; "
            "checked with the default paths\n"
        )
    if not args.quiet and args.format != "json":
        where = source_path(settings, ".")
        sys.stderr.write(summary(handbook, where, elapsed, args.verbose) + "\n")
    return 1 if handbook.problems else 0


def human(settings: Settings, item: Problem | Note, label: str = "") -> str:
    path = source_path(settings, item.file)
    where = f"{path}:{item.line}" if item.line else path
    return f"{where}: {label + ': ' if label else ''}{item.message}"


def github(level: str, settings: Settings, item: Problem | Note) -> str:
    """A GitHub Actions workflow command: ::error file=...,line=...::message (escaped as GitHub wants)."""
    props = f"file={_escape(source_path(settings, item.file), prop=True)}"
    if item.line:
        props += f",line={item.line}"
    return f"::{level} {props}::{_escape(item.message)}"


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def counts(handbook: Handbook) -> dict[str, int]:
    """How many items of each kind were read (kinds with none are left out)."""
    result: dict[str, int] = {}
    for f in fields(handbook):
        value = getattr(handbook, f.name)
        if f.name not in NOT_ITEMS and isinstance(value, tuple) and value:
            result[f.name] = len(value)
            if f.name == "services":
                result["slos"] = sum(len(s.slos) for s in handbook.services)
    return result


LABELS = {"slos": ("SLO", "SLOs"), "rfcs": ("RFC", "RFCs")}


def _label(kind: str, n: int) -> str:
    one, many = LABELS.get(kind, (kind.removesuffix("s").replace("_", " "), kind.replace("_", " ")))
    return f"{n} {one if n == 1 else many}"


def summary(handbook: Handbook, where: str, elapsed: float, verbose: bool = False) -> str:
    read = ", ".join(_label(kind, n) for kind, n in counts(handbook).items()) or "no sources found"
    extra = ""
    if handbook.notes and not verbose:
        extra = f"; {len(handbook.notes)} note{'s' if len(handbook.notes) != 1 else ''} (--verbose lists them)"
    n = len(handbook.problems)
    files = len({p.file for p in handbook.problems})
    verdict = f"{n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}" if n else "no problems"
    return f"opsbook check {where}: {verdict} ({read}{extra}; {elapsed:.2f} s)"


def as_json(settings: Settings, handbook: Handbook) -> dict[str, Any]:
    return {
        "root": str(settings.root),
        "counts": counts(handbook),
        "problems": [p.to_json() for p in handbook.problems],
        "notes": [n.to_json() for n in handbook.notes],
        "findings": [f.to_json() for f in handbook.findings],
    }
