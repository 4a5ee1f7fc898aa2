"""How long `opsbook check` takes over a large generated handbook (a measurement, not a test).

    python bench/check_speed.py                          # 1,000 and 5,000 items, a mix of kinds, 5 runs
    python bench/check_speed.py --shape incidents        # only incidents
    python bench/check_speed.py --shape build-incidents  # build_bench.py's incidents (same front matter)
    python bench/check_speed.py --sizes 20000 --repeat 1

The handbook is written to a temporary folder with the same templates `opsbook new` uses, so every
file is valid; each run is a fresh `opsbook check` process (interpreter start and imports included),
as CI runs it. It reports whole-process wall time and the process's CPU time (user + system: what a
quiet machine's wall time comes close to) as median [min-max] over the repeats, the time per item,
and how the time per item at the largest size compares with the smallest (linearity). Target: under
3 s for 5,000 items.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from opsbook.cli import new
from opsbook.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))
import build_bench  # bench/ is not a package

SERVICES = [f"svc-{i:03d}" for i in range(40)]
PEOPLE = [f"person{i:02d}" for i in range(30)]
MKDOCS_YML = "site_name: Bench\ntheme: {name: material, font: false}\nplugins: [search, opsbook]\n"
# Shares of the mix (the rest of the items are incidents).
MIX = {"decisions": 0.2, "rfcs": 0.1, "slos": 0.1, "runbooks": 0.008}


def write_handbook(root: Path, items: int, shape: str) -> dict[str, int]:
    if shape == "build-incidents":
        _write(root / "mkdocs.yml", MKDOCS_YML)
        build_bench.incidents(root, items)
        return {"incidents": items}
    env = new.environment(Settings(root=root))  # one template environment, not one per file

    def render(template: str, **context: object) -> str:
        return env.get_template(template).render(**context)

    files = {
        "mkdocs.yml": MKDOCS_YML,
        "docs/index.md": "# Bench\n",
    }
    slo_lines = ["window: 30d", "services:"]
    for sid in SERVICES:
        slo_lines += [
            f"  {sid}:",
            "    owner: core-pod",
            "    slos:",
            "      - {sli: availability, objective: 99.9}",
            "      - {sli: latency, objective: 99, threshold: 300ms}",
        ]
    files["ops/slo.yml"] = "\n".join(slo_lines) + "\n"
    people = "\n".join(f"  - {{handle: {h}, name: Person {h[-2:]}, pod: core-pod}}" for h in PEOPLE)
    files["ops/team.yml"] = f"pods: {{core-pod: {{}}}}\npeople:\n{people}\n"
    counts = {k: int(items * share) for k, share in MIX.items()} if shape == "mix" else {}
    counts["incidents"] = items - sum(counts.values())
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    start = date(2024, 1, 1)
    for i in range(counts["incidents"]):
        day = start + timedelta(days=i // 5)
        t = f"{day}T10:{i % 50:02d}:00Z"
        ctx = {
            "title": f"Incident {i}",
            "severity": f"SEV-{1 + i % 3}",
            "severity_scale": "",
            "services": [SERVICES[i % 40]],
            "detected_by": "monitor",
            "started": t,
            "detected": t,
            "mitigated": f"{day}T11:00:00Z",
            "resolved": f"{day}T12:00:00Z",
            "deadline": "72 h",
            "roles": {"coordinator": PEOPLE[i % 30]},
            "postmortem_published": str(day + timedelta(days=1)),
            "follow_ups": [
                {
                    "action": "Fix it",
                    "owner": PEOPLE[(i + 1) % 30],
                    "due": str(day + timedelta(days=14)),
                    "status": "done" if i % 4 else "open",
                }
            ],
            "timeline": [(t, "T0 detection")],
        }
        _write(
            root / f"ops/incidents/INC-{day:%Y%m%d}-{i % 5 + 1:02d}.md",
            render("new/incident.md.j2", id=f"INC-{day:%Y%m%d}-{i % 5 + 1:02d}", **ctx),
        )
    for i in range(counts.get("decisions", 0)):
        year, seq = 2020 + i // 9000, i % 9000 + 1
        ctx = {
            "title": f"Decision {i}",
            "status": "accepted",
            "date": f"{year}-06-01",
            "owner": PEOPLE[i % 30],
            "deciders": [PEOPLE[i % 30]],
            "supersedes": [f"{year}-{seq - 1:04d}"] if seq > 1 and i % 10 == 0 else [],
            "tags": ["bench"],
            "revisit": None,
        }
        _write(
            root / f"ops/decisions/{year}-{seq:04d}-decision-{i}.md",
            render("new/decision.md.j2", id=f"{year}-{seq:04d}", **ctx),
        )
    for i in range(counts.get("rfcs", 0)):
        ctx = {
            "title": f"RFC {i}",
            "status": "draft",
            "authors": [PEOPLE[i % 30]],
            "dri": PEOPLE[i % 30],
            "review": None,
            "date": "2026-01-15",
            "log_entry": "Draft started",
        }
        _write(
            root / f"rfcs/2026-01-rfc-{i}.md",
            render("new/rfc.md.j2", id=f"2026-01-rfc-{i}", **ctx),
        )
    for i in range(counts.get("slos", 0)):
        _write(
            root / f"ops/slo/openslo-{i}.yaml",
            f"apiVersion: openslo/v1\nkind: SLO\nmetadata: {{name: slo-{i}}}\nspec:\n"
            f"  service: {SERVICES[i % 40]}\n  timeWindow: [{{duration: 28d, isRolling: true}}]\n"
            "  objectives: [{displayName: Good, target: 0.995}]\n",
        )
    for i in range(counts.get("runbooks", 0)):
        if i < len(SERVICES):
            _write(
                root / f"ops/runbooks/{SERVICES[i]}.md",
                "---\nowner: core-pod\nlast_reviewed: 2026-10-01\n---\n"
                "# Runbook\n\n## Pager\n\nx\n\n## Playbooks\n\nx\n\n## Rollback\n\nx\n",
            )
    return counts


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def spread(values: list[float], fmt: str = ".2f") -> str:
    """median [min-max]: the machine may be shared, one run says little."""
    return f"{statistics.median(values):{fmt}} [{min(values):{fmt}}-{max(values):{fmt}}]"


def measure(root: Path, repeat: int) -> tuple[list[float], list[float], str] | None:
    """Wall and CPU seconds of `repeat` fresh `opsbook check` processes, and the last summary line."""
    # As a user runs it: bytecode caches allowed (a warm-up run writes them), no preview base ref.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "OPSBOOK_BASE_REF")}
    command = [sys.executable, "-m", "opsbook.cli", "check", str(root)]
    subprocess.run(command, capture_output=True, env=env)
    wall, cpu = [], []
    for _ in range(repeat):
        before = os.times()
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        wall.append(time.perf_counter() - started)
        after = os.times()
        cpu.append(after.children_user - before.children_user + after.children_system - before.children_system)
        if result.returncode != 0:
            print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
            return None
    return wall, cpu, result.stderr.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--shape", choices=["mix", "incidents", "build-incidents"], default="mix")
    parser.add_argument("--repeat", "--runs", type=int, default=5, help="fresh processes per size")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} (2-core machine: above ~0.5 means other work is running)")
    print(f"| {args.shape} items | wall s | CPU s | wall ms/item | CPU ms/item |")
    print("|---|---|---|---|---|")
    per_item: list[list[float]] = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="opsbook-bench-") as tmp:
            counts = write_handbook(Path(tmp), n, args.shape)
            measured = measure(Path(tmp), max(args.repeat, 1))
        if measured is None:
            return 1
        wall, cpu, summary = measured
        per_item.append([c / n * 1000 for c in cpu])
        print(
            f"| {n:,} ({', '.join(f'{v} {k}' for k, v in counts.items() if v)}) | {spread(wall)} | {spread(cpu)} "
            f"| {spread([w / n * 1000 for w in wall], '.3f')} | {spread(per_item[-1], '.3f')} |",
            flush=True,
        )
    print(summary)
    if len(args.sizes) > 1:
        ratio = statistics.median(per_item[-1]) / statistics.median(per_item[0])
        print(
            f"CPU time per item at {args.sizes[-1]:,} / at {args.sizes[0]:,}: {ratio:.2f}x "
            "(1.0 = linear; start-up and imports make small sizes dearer per item)"
        )
    print("target: opsbook check of 5,000 items under 3 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
