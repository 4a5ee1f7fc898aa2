"""`opsbook export OUT`: the whole handbook as a plain MkDocs project, without MkDocs plugins.

The second front end over the core (the MkDocs plugin is the first). `OUT/docs/` holds the
hand-written pages with their macros rendered, every generated page, ops.json, cadence.ics, the
schemas and the stylesheet and script; `OUT/mkdocs.yml` is the site's config minus the opsbook and
macros plugins. `zensical build -f OUT/mkdocs.yml` or `mkdocs build -f OUT/mkdocs.yml` builds it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from ..build import load_handbook, render_pages
from ..handwritten import PageMacros
from ..problems import ProblemLog
from ..safepath import UnsafePath, write_inside
from ..settings import Settings
from ..sources import list_files, read_bytes, rel
from . import export_config
from .common import UsageError, handbook_settings, shown


def run(args: argparse.Namespace) -> int:
    settings, site = handbook_settings(args.root)
    out = Path(args.dir).resolve()
    docs = (settings.root / settings.docs_dir).resolve()
    if out == settings.root or out == docs or docs in out.parents or out in docs.parents:
        raise UsageError(f"{args.dir}: export to a folder outside the handbook's docs folder and root")
    handbook = load_handbook(settings)
    pages, assets = render_pages(handbook)
    try:
        raw = export_config.read_config(site.file) if site.file is not None else {"site_name": "Operations Handbook"}
    except (OSError, yaml.YAMLError) as exc:  # e.g. a custom tag on a mapping, which MkDocs' loader took
        raise UsageError(
            f"{shown(site.file or settings.root)}: cannot copy its config into the export: {exc}"
        ) from None
    out_docs = out / "docs"
    if out_docs.exists():
        shutil.rmtree(out_docs)  # a stale page of an earlier export must not survive
    problems = [str(p) for p in handbook.problems]
    hand_written = _copy_hand_written(
        docs,
        out_docs,
        PageMacros(handbook, extra if isinstance(extra := raw.get("extra"), dict) else {}),
        problems,
        settings,
    )
    written = 0
    for page in pages:
        if page.path in hand_written and not page.replaces_source:
            continue  # the same rule as the plugin: a hand-written page wins
        _write(out_docs, page.path, page.markdown().encode("utf-8"))
        written += 1
    for asset in assets:
        _write(out_docs, asset.path, asset.content)
    hidden = sorted(p.path for p in pages if not p.in_nav and p.path not in hand_written)
    styles = [a.path for a in assets if a.path.startswith("assets/")]
    config = export_config.exported_config(raw, root=settings.root, out=out, assets=styles, hidden=hidden)
    try:
        text = export_config.dump(config)
    except yaml.YAMLError as exc:
        raise UsageError(f"cannot write the exported mkdocs.yml: {exc}") from None
    _write(out, "mkdocs.yml", text.encode("utf-8"))
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    sys.stderr.write(
        f"opsbook export: {shown(out)}/mkdocs.yml and {written} generated pages and {len(assets)} files in "
        f"{shown(out_docs)}; {len(problems)} problem{'' if len(problems) == 1 else 's'}\n"
        f"Build it with: zensical build -f {shown(out)}/mkdocs.yml  (or mkdocs build -f ...)\n"
    )
    return 1 if problems and args.strict else 0


def _copy_hand_written(
    docs: Path, out_docs: Path, page_macros: PageMacros, problems: list[str], settings: Settings
) -> set[str]:
    """Copy docs/ into the export, with the macros of Markdown pages rendered; the copied paths."""
    copied: set[str] = set()
    refused = ProblemLog()
    for path in list_files(docs, None):
        relative = path.relative_to(docs).as_posix()
        # Only regular files inside the repository: a symlink out of it (or a FIFO) is never copied.
        content = read_bytes(path, rel(settings.root, path), refused, settings.root, limit=None)
        if content is None:
            continue
        if path.suffix == ".md":
            page = page_macros.render(content.decode("utf-8-sig"), relative)
            if page.error is not None:
                where = f"{settings.docs_dir}/{relative}" + (f":{page.line}" if page.line else "")
                problems.append(f"{where}: {page.error}")
            content = page.text.encode("utf-8")
        _write(out_docs, relative, content)
        copied.add(relative)
    problems += [str(p) for p in refused.sorted()]
    return copied


def _write(folder: Path, relative: str, content: bytes) -> None:
    """Write `relative` below `folder` (safepath.write_inside), refusing any path that would land outside it."""
    try:
        write_inside(folder, relative, content)
    except UnsafePath as exc:
        raise UsageError(str(exc)) from None
