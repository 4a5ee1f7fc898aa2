"""`opsbook export DIR`: the handbook as a plain docs folder, without MkDocs.

The second front end over the core (the MkDocs plugin is the first): the hand-written pages of
docs/ plus every generated Markdown page, ops.json, cadence.ics, the schemas and the stylesheet
and script, so any static-site generator that reads a folder of Markdown (Zensical, MkDocs 2, a
plain Material build without the plugin) can build the handbook.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from ..build import load_handbook, render_pages
from .common import UsageError, handbook_settings


def run(args: argparse.Namespace) -> int:
    settings, _site = handbook_settings(args.root)
    out = Path(args.dir).resolve()
    docs = (settings.root / settings.docs_dir).resolve()
    if out == docs or docs in out.parents:
        raise UsageError(f"{args.dir} is inside the docs folder {settings.docs_dir}; export to another folder")
    handbook = load_handbook(settings)
    pages, assets = render_pages(handbook)
    if docs.is_dir():
        shutil.copytree(docs, out, dirs_exist_ok=True)
    hand_written = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()} if docs.is_dir() else set()
    written = 0
    for page in pages:
        if page.path in hand_written and not page.replaces_source:
            continue  # the same rule as the plugin: a hand-written page wins
        _write(out / page.path, page.markdown().encode("utf-8"))
        written += 1
    for asset in assets:
        _write(out / asset.path, asset.content)
    for problem in handbook.problems:
        sys.stderr.write(f"{problem}\n")
    sys.stderr.write(
        f"opsbook export: {written} generated pages and {len(assets)} files in {out}; "
        f"{len(handbook.problems)} problems\n"
    )
    return 1 if handbook.problems and args.strict else 0


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
