"""Build benchmark (not a test): opsbook vs a plain mkdocs-material site of the same pages.

For each size N it generates an opsbook handbook with N items, then a plain Material site whose
docs/ holds the very Markdown opsbook generates for those items, as hand-written pages with a
small nav. Both are built by `mkdocs build` in a fresh process; the table reports whole-process
wall time and peak memory (max RSS) of the fastest of --repeat runs each, and their ratio.

    python bench/build_bench.py                 # N = 100, 1000, 5000 services
    python bench/build_bench.py --kind incidents --sizes 100 1000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNNER = """
import resource, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
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


def incidents(root: Path, n: int) -> None:
    (root / "ops").mkdir(parents=True, exist_ok=True)
    (root / "ops" / "slo.yml").write_text(services_yaml(10), "utf-8")
    folder = root / "ops" / "incidents"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        iid = f"INC-2026{month:02d}{day:02d}-{i // 336 + 1:02d}"
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
## Impact summary

Customers saw errors for a while. {"Lorem ipsum dolor sit amet. " * 20}

## Root cause

Something broke. {"Consectetur adipiscing elit. " * 20}
""",
            "utf-8",
        )


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


def run(root: Path) -> tuple[float, float]:
    """Whole-process wall time (s) and peak RSS (MiB) of one `mkdocs build`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795852800"}
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", RUNNER, str(root / "mkdocs.yml"), str(root / "site")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    elapsed = time.perf_counter() - started
    return elapsed, int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--kind", choices=["services", "incidents"], default="services")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="build each site this many times, alternating, and keep the fastest run of each",
    )
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    args = parser.parse_args()
    rows = []
    print(f"| N {args.kind} | pages | opsbook s | plain s | time ratio | opsbook MiB | plain MiB | memory ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="opsbook-bench-"))
        try:
            make_opsbook(tmp / "opsbook", args.kind, n)
            pages = make_plain(tmp / "plain", tmp / "opsbook")
            ops_runs, plain_runs = [], []
            for _ in range(max(args.repeat, 1)):  # alternate so background load hits both alike
                ops_runs.append(run(tmp / "opsbook"))
                plain_runs.append(run(tmp / "plain"))
            ops_t, ops_m = min(ops_runs)
            plain_t, plain_m = min(plain_runs)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        row = {
            "n": n,
            "pages": pages,
            "opsbook_s": ops_t,
            "plain_s": plain_t,
            "opsbook_mib": ops_m,
            "plain_mib": plain_m,
        }
        rows.append(row)
        print(
            f"| {n:,} | {pages:,} | {ops_t:.2f} | {plain_t:.2f} | {ops_t / plain_t:.2f}x | {ops_m:.0f} | "
            f"{plain_m:.0f} | {ops_m / plain_m:.2f}x |",
            flush=True,
        )
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
