"""Build benchmark (not a test): opsbook vs a plain mkdocs-material site of the same pages.

For each size N it generates an opsbook handbook with N items, then a plain Material site whose
docs/ holds the very Markdown opsbook generates for those items, as hand-written pages with a
small nav. With `--kind incidents` a third site holds the same incidents written by hand as simple
pages (facts table, follow-ups table, the same postmortem text): the cost a team would pay without
opsbook. Each site is built by `mkdocs build` in a fresh process; the table reports whole-process
wall time and peak memory (max RSS) as median [min-max] over --repeat alternating runs, ratios paired
per repeat. "core share" is opsbook's own loading and rendering (`load_handbook`, `render_pages`, the
pages' front matter) as a share of the build process's CPU time. "serve edit" is a rebuild inside one
serve-like process after one incident's title changed, against that process's first build, in wall
and in CPU time.

    python bench/build_bench.py                 # N = 100, 1000, 5000 services
    python bench/build_bench.py --kind incidents --sizes 100 1000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Prints peak RSS (KiB), the CPU seconds spent in opsbook's core (loading and rendering: timed around
# the two calls plugin.py makes and each page's front matter) and the whole process's CPU seconds.
RUNNER = """
import resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
core = [0.0]
def timed(f):
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return f(*args, **kwargs)
        finally:
            core[0] += time.process_time() - started
    return wrapper
config = load_config(sys.argv[1], site_dir=sys.argv[2])
if "opsbook" in config.plugins:  # only then: importing opsbook would add its modules to a plain site's peak
    import opsbook.pages as pages, opsbook.plugin as plugin
    plugin.load_handbook, plugin.render_pages = timed(plugin.load_handbook), timed(plugin.render_pages)
    pages.GeneratedPage.markdown_and_blocks = timed(pages.GeneratedPage.markdown_and_blocks)  # front matter
build(config)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_maxrss, core[0], usage.ru_utime + usage.ru_stime)
"""

# What `mkdocs serve` does: a first build, then one incident's title edited and the site rebuilt with a
# fresh config (MkDocs keeps the plugin instances between rebuilds). Prints both build times.
SERVE_RUNNER = """
import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
cfg = lambda: load_config(sys.argv[1], site_dir=sys.argv[2])
config = cfg()
config.plugins.on_startup(command="serve", dirty=False)
started, cpu = time.perf_counter(), time.process_time()
build(config, serve_url="http://127.0.0.1:8000/")
full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
edited = Path(sys.argv[3])
edited.write_text(edited.read_text("utf-8").replace("title: Incident number", "title: Edited incident"), "utf-8")
started, cpu = time.perf_counter(), time.process_time()
build(cfg(), serve_url="http://127.0.0.1:8000/")
print(full, time.perf_counter() - started, full_cpu, time.process_time() - cpu)
"""

MKDOCS_YML = """\
site_name: Bench
theme: {name: material, font: false}
# The extensions opsbook switches on, listed for both sites so they parse the same Markdown.
markdown_extensions: [tables, attr_list, md_in_html, admonition, pymdownx.tasklist]
plugins:
  - search
  - tags
%s
nav:
  - Home: index.md
%s
"""


def services_yaml(n: int) -> str:
    lines = ["window: 30d", "services:"]
    for i in range(n):
        lines += [
            f"  svc-{i:05d}:",
            f"    title: Service {i}",
            f"    owner: pod-{i % 7}",
            f"    dashboard: https://grafana.example.com/d/svc-{i}",
            "    slos:",
            "      - {sli: availability, objective: 99.9}",
            "      - {sli: latency, objective: 99, threshold: 300ms}",
        ]
    return "\n".join(lines) + "\n"


def incident_ids(n: int) -> list[tuple[str, int, int]]:
    """(id, month, day) of the i-th bench incident."""
    out = []
    for i in range(n):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        out.append((f"INC-2026{month:02d}{day:02d}-{i // 336 + 1:02d}", month, day))
    return out


POSTMORTEM = f"""## Impact summary

Customers saw errors for a while. {"Lorem ipsum dolor sit amet. " * 20}

## Root cause

Something broke. {"Consectetur adipiscing elit. " * 20}
"""


def incidents(root: Path, n: int) -> None:
    (root / "ops").mkdir(parents=True, exist_ok=True)
    (root / "ops" / "slo.yml").write_text(services_yaml(10), "utf-8")
    folder = root / "ops" / "incidents"
    folder.mkdir(parents=True, exist_ok=True)
    for i, (iid, month, day) in enumerate(incident_ids(n)):
        (folder / f"{iid}.md").write_text(
            f"""---
id: {iid}
title: Incident number {i}
severity: SEV-{1 + i % 3}
services: [svc-{i % 10:05d}]
detected_by: monitor
started: 2026-{month:02d}-{day:02d}T09:00:00Z
detected: 2026-{month:02d}-{day:02d}T09:05:00Z
mitigated: 2026-{month:02d}-{day:02d}T09:40:00Z
resolved: 2026-{month:02d}-{day:02d}T10:30:00Z
roles: {{coordinator: alice, comms: bob, tech_lead: carol}}
postmortem: {{published: 2026-{month:02d}-{day:02d}}}
follow_ups:
  - {{action: Fix the thing, owner: carol, due: 2026-12-01, status: open}}
---
{POSTMORTEM}""",
            "utf-8",
        )


def make_handwritten(root: Path, n: int) -> int:
    """The same incidents as a team would write them by hand: a facts table, a follow-ups table and
    the postmortem text per page, plus an index listing them (the `--kind incidents` baseline)."""
    docs = root / "docs" / "incidents"
    docs.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", "utf-8")
    rows = []
    for i, (iid, month, day) in enumerate(incident_ids(n)):
        date = f"2026-{month:02d}-{day:02d}"
        rows.append(f"| [{iid}]({iid}.md) | Incident number {i} | SEV-{1 + i % 3} | {date} |")
        (docs / f"{iid}.md").write_text(
            f"""# {iid}: Incident number {i}

| Field | Value |
|---|---|
| Severity | SEV-{1 + i % 3} |
| Services | svc-{i % 10:05d} |
| Detected by | monitor |
| Started | {date} 09:00 UTC |
| Detected | {date} 09:05 UTC |
| Mitigated | {date} 09:40 UTC |
| Resolved | {date} 10:30 UTC |
| Coordinator | alice |
| Comms | bob |
| Tech lead | carol |

## Follow-ups

| Action | Owner | Due | Status |
|---|---|---|---|
| Fix the thing | carol | 2026-12-01 | open |

{POSTMORTEM}""",
            "utf-8",
        )
    index = "# Incidents\n\n| Incident | Title | Severity | Date |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
    (docs / "index.md").write_text(index, "utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML % ("", "  - Incidents: incidents/index.md"), "utf-8")
    return n + 2


def make_opsbook(root: Path, kind: str, n: int) -> None:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", "utf-8")
    if kind == "services":
        (root / "ops").mkdir()
        (root / "ops" / "slo.yml").write_text(services_yaml(n), "utf-8")
    else:
        incidents(root, n)
    (root / "mkdocs.yml").write_text(MKDOCS_YML % ("  - opsbook", ""), "utf-8")


def make_plain(root: Path, opsbook_root: Path) -> int:
    """A Material site whose docs/ holds opsbook's generated Markdown as hand-written pages."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
    from opsbook.build import load_handbook, render_pages
    from opsbook.settings import Settings

    pages, _ = render_pages(load_handbook(Settings(root=opsbook_root)))
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", "utf-8")
    nav = []
    for page in pages:
        path = root / "docs" / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown(), "utf-8")
        if page.in_nav:
            nav.append(f"  - {page.title}: {page.path}")
    (root / "mkdocs.yml").write_text(MKDOCS_YML % ("", "\n".join(nav)), "utf-8")
    return len(pages)


ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795852800"}


def build_process(runner: str, root: Path) -> tuple[float, list[float]]:
    """One `mkdocs build` of the site at `root` in a fresh process running `runner`: its wall time (s)
    and the numbers `runner` printed on its last line."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", runner, str(root / "mkdocs.yml"), str(root / "site")],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    elapsed = time.perf_counter() - started
    return elapsed, [float(v) for v in out.stdout.strip().splitlines()[-1].split()]


def run(root: Path) -> tuple[float, float, float]:
    """Whole-process wall time (s), peak RSS (MiB) and opsbook's core share of the process's CPU time
    (0 for a site without opsbook) of one `mkdocs build`."""
    elapsed, (rss, core, cpu) = build_process(RUNNER, root)
    return elapsed, rss / 1024, core / cpu


def serve_edit(root: Path) -> tuple[float, float, float, float]:
    """Wall and CPU seconds of the first build and of the rebuild after one incident's title changed,
    inside one serve-like process: (full, edit, full CPU, edit CPU)."""
    copy = root.parent / "serve"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site"))
    edited = sorted((copy / "ops" / "incidents").glob("*.md"))[0]
    out = subprocess.run(
        [sys.executable, "-c", SERVE_RUNNER, str(copy / "mkdocs.yml"), str(copy / "site"), str(edited)],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    full, edit, full_cpu, edit_cpu = map(float, out.stdout.strip().splitlines()[-1].split())
    return full, edit, full_cpu, edit_cpu


def spread(values: list[float], fmt: str = ".2f") -> str:
    """median [min-max]: the machine is shared, one run says little."""
    if len(values) == 1:
        return format(values[0], fmt)
    return f"{statistics.median(values):{fmt}} [{min(values):{fmt}}-{max(values):{fmt}}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--kind", choices=["services", "incidents"], default="services")
    parser.add_argument(
        "--repeat", type=int, default=1, help="build each site this many times, alternating; report median [min-max]"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the serve-edit measurement")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    args = parser.parse_args()
    rows = []
    hand = args.kind == "incidents"
    print(
        f"| N {args.kind} | pages | opsbook s | ms per item | plain s | hand-written s | vs plain | vs hand-written | "
        "opsbook MiB | baseline MiB | memory ratio | core share | serve full s | serve edit s | edit / full | "
        "edit / full (CPU) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="opsbook-bench-"))
        try:
            make_opsbook(tmp / "opsbook", args.kind, n)
            pages = make_plain(tmp / "plain", tmp / "opsbook")
            if hand:
                make_handwritten(tmp / "hand", n)
            runs: dict[str, list[tuple[float, ...]]] = {"opsbook": [], "plain": [], "hand": [], "serve": []}
            for _ in range(max(args.repeat, 1)):  # alternate so background load hits every site alike
                runs["opsbook"].append(run(tmp / "opsbook"))
                runs["plain"].append(run(tmp / "plain"))
                if hand:
                    runs["hand"].append(run(tmp / "hand"))
                if not args.no_serve:
                    runs["serve"].append(serve_edit(tmp / "opsbook"))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        row = {"n": n, "pages": pages, **{k: v for k, v in runs.items() if v}}
        rows.append(row)
        # Ratios pair the runs of one repeat (same background load), then take min/median/max.
        t = {k: [r[0] for r in v] for k, v in runs.items()}
        m = {k: [r[1] for r in v] for k, v in runs.items()}
        base = "hand" if hand else "plain"
        cells = [
            f"{n:,}",
            f"{pages:,}",
            spread(t["opsbook"]),
            spread([v / n * 1000 for v in t["opsbook"]], ".1f"),  # linear scaling: flat across sizes
            spread(t["plain"]),
            spread(t["hand"]) if hand else "-",
            spread([a / b for a, b in zip(t["opsbook"], t["plain"], strict=True)]) + "x",
            spread([a / b for a, b in zip(t["opsbook"], t["hand"], strict=True)]) + "x" if hand else "-",
            spread(m["opsbook"], ".0f"),
            spread(m[base], ".0f"),
            spread([a / b for a, b in zip(m["opsbook"], m[base], strict=True)]) + "x",
            spread([r[2] * 100 for r in runs["opsbook"]], ".1f") + " %",  # opsbook's load + render, of CPU
            spread(t["serve"]) if t["serve"] else "-",
            spread(m["serve"]) if m["serve"] else "-",
            spread([r[1] / r[0] for r in runs["serve"]]) + "x" if runs["serve"] else "-",
            # CPU time: the wall time of a rebuild also waits for the disk, which other work on the machine slows
            spread([r[3] / r[2] for r in runs["serve"]]) + "x" if runs["serve"] else "-",
        ]
        print("| " + " | ".join(cells) + " |", flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
