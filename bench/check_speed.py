"""How long `opsbook check` takes over a large generated handbook (a measurement, not a test).

    python bench/check_speed.py                     # 5,000 items, a mix of kinds, 3 runs
    python bench/check_speed.py --shape incidents   # 5,000 incidents
    python bench/check_speed.py --items 20000 --runs 1

The handbook is written to a temporary folder with the same templates `opsbook new` uses, so every
file is valid; each run is a fresh `opsbook check` process (interpreter start and imports included),
as CI runs it. Target: under 3 s for 5,000 items.
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

SERVICES = [f"svc-{i:03d}" for i in range(40)]
PEOPLE = [f"person{i:02d}" for i in range(30)]
# Shares of the mix (the rest of the items are incidents).
MIX = {"decisions": 0.2, "rfcs": 0.1, "slos": 0.1, "runbooks": 0.008}


def write_handbook(root: Path, items: int, shape: str) -> dict[str, int]:
    settings = Settings(root=root)
    files = {
        "mkdocs.yml": "site_name: Bench\ntheme: {name: material, font: false}\nplugins: [search, opsbook]\n",
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
            new.render(settings, "new/incident.md.j2", id=f"INC-{day:%Y%m%d}-{i % 5 + 1:02d}", **ctx),
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
            new.render(settings, "new/decision.md.j2", id=f"{year}-{seq:04d}", **ctx),
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
            new.render(settings, "new/rfc.md.j2", id=f"2026-01-rfc-{i}", **ctx),
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--shape", choices=["mix", "incidents"], default="mix")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="opsbook-bench-") as tmp:
        root = Path(tmp)
        counts = write_handbook(root, args.items, args.shape)
        # As a user runs it: bytecode caches allowed (a warm-up run writes them), no preview base ref.
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "OPSBOOK_BASE_REF")}
        command = [sys.executable, "-m", "opsbook.cli", "check", str(root)]
        subprocess.run(command, capture_output=True, env=env)
        times, cpu = [], []
        for _ in range(args.runs):
            before = os.times()
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True, env=env)
            times.append(time.perf_counter() - started)
            after = os.times()
            cpu.append(after.children_user - before.children_user + after.children_system - before.children_system)
            if result.returncode != 0:
                print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
                return 1
        print(f"items: {args.items} ({', '.join(f'{v} {k}' for k, v in counts.items() if v)})")
        print(
            f"opsbook check: median {statistics.median(times):.2f} s, min {min(times):.2f} s "
            f"over {args.runs} "
            f"runs (fresh process each; target < 3 s)"
        )
        print(
            f"CPU time of the check process: median {statistics.median(cpu):.2f} s "
            "(what an idle machine's wall time comes close to)"
        )
        print(result.stderr.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
