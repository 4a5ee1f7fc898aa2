"""`opsbook init DIR`: a new handbook that builds with `mkdocs build --strict` at once.

The sample incident, decision and RFC are written by the same code and templates as `opsbook new`,
so what init shows is exactly what `new` produces, filled in.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..settings import AsOfError, Settings, as_of_from_env
from . import new
from .common import UsageError, shown

SERVICE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
HANDLE, PERSON, POD = "alex", "Alex Example", "core-pod"
FILES = {  # target path -> template under templates/new/handbook/
    "mkdocs.yml": "mkdocs.yml.j2",
    "docs/index.md": "index.md.j2",
    "docs/tags.md": "tags.md.j2",
    "ops/slo.yml": "slo.yml.j2",
    "ops/team.yml": "team.yml.j2",
    "ops/cadence.yml": "cadence.yml.j2",
    "ops/runbooks/{service}.md": "runbook.md.j2",
    "ROADMAP.md": "ROADMAP.md.j2",
    ".gitignore": "gitignore.j2",
}


def run(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} exists and is not a folder")
    if not SERVICE_ID.match(args.service):
        raise UsageError(f"--service {args.service!r}: a service id is lower-case letters, digits and dashes")
    try:
        zone = ZoneInfo(args.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"--timezone {args.timezone!r} is not an IANA time zone such as UTC or Europe/Berlin"
        ) from None
    written = scaffold(target, name=args.name, service=args.service, timezone=zone)
    for path in written:
        sys.stdout.write(shown(path) + "\n")
    sys.stderr.write(
        f"\nCreated a handbook in {shown(target)}. Next:\n"
        f"  cd {shown(target)}\n"
        "  mkdocs serve              # preview at http://127.0.0.1:8000\n"
        "  opsbook check             # validate the data (run it in CI too)\n"
        f'  opsbook new incident --title "..." --service {args.service}\n'
    )
    return 0


def scaffold(target: Path, *, name: str, service: str, timezone: ZoneInfo) -> list[Path]:
    """Write the handbook; refuse (UsageError) before writing anything if a file would be replaced."""
    planned = {path.format(service=service): template for path, template in FILES.items()}
    # lexists: a dangling symlink (say mkdocs.yml -> elsewhere) is a file init must not replace either.
    existing = [p for p in planned if os.path.lexists(target / p)]
    if existing:
        raise UsageError(
            f"{shown(target)} already has {', '.join(existing)}; init never overwrites files. Choose an empty folder."
        )
    try:
        as_of = as_of_from_env()
    except AsOfError as exc:
        raise UsageError(str(exc)) from None
    settings = Settings(root=target.resolve(), as_of=as_of, timezone=timezone)
    now = new.local_now(settings)
    today = now.date()
    context: dict[str, Any] = {
        "name": name,
        "service": service,
        "service_title": service.replace("-", " ").title(),
        "timezone": timezone.key,
        "handle": HANDLE,
        "person": PERSON,
        "pod": POD,
        "today": today.isoformat(),
        "rotation_start": (today - timedelta(days=today.weekday())).isoformat(),
    }
    written = []
    for path, template in planned.items():
        new.create_exclusive(target / path, new.render(settings, f"new/handbook/{template}", **context))
        written.append(target / path)
    written += [c.path for c in _samples(settings, service, now)]
    return written


def _samples(settings: Settings, service: str, now: datetime) -> list[new.Created]:
    """A resolved incident of last week, an accepted decision and an RFC in review."""
    start = (now - timedelta(days=7)).replace(hour=10, minute=0)

    def at(minutes: int) -> str:
        return new.timestamp(start + timedelta(minutes=minutes))

    incident: dict[str, Any] = {
        "title": f"{service} returned errors after a deploy",
        "severity": "SEV-2",
        "severity_scale": " | ".join(s.id for s in settings.severities),
        "services": [service],
        "detected_by": "monitor",
        "started": at(0),
        "detected": at(4),
        "acknowledged": at(6),
        "mitigated": at(31),
        "resolved": at(75),
        "deadline": f"{settings.postmortem_deadline_hours:g} h",
        "roles": {"coordinator": HANDLE, "comms": HANDLE, "tech_lead": HANDLE},
        "postmortem_published": (start + timedelta(days=1)).date().isoformat(),
        "follow_ups": [
            {
                "action": "Canary deploys with automatic rollback",
                "owner": HANDLE,
                "due": (now + timedelta(days=14)).date().isoformat(),
                "status": "open",
            }
        ],
        "timeline": [
            (at(4), "T0 detection: the availability page alert fired"),
            (at(15), "Diagnosis: errors started with the 10:00 deploy"),
            (at(31), "Mitigation: rolled back to the previous release"),
            (at(75), "Resolved: the fix was deployed behind a flag"),
        ],
        "impact": "About 4 % of requests failed for 31 minutes.",
        "root_cause": "A configuration key was renamed in the release but not in production.",
        "mitigations": "Rollback to the previous release.",
        "evidence": "The service dashboard.",
        "comms": "A status page update at 10:10 and the all-clear at 10:35.",
        "lessons": "Deploys need a canary stage: the error showed within a minute.",
    }
    decision: dict[str, Any] = {
        "title": "Keep the operations handbook as code",
        "status": "accepted",
        "date": now.date().isoformat(),
        "owner": HANDLE,
        "deciders": [HANDLE],
        "supersedes": [],
        "tags": ["process"],
        "revisit": None,
        "context": "Operational knowledge lived in chat threads and wikis nobody updated.",
        "options": "1. A wiki.\n2. Files in the repository, built into a handbook by opsbook.",
        "decision": "Files in the repository: reviewed in pull requests, validated in CI.",
        "consequences": "Every change to an SLO, incident or decision is a pull request.",
    }
    review = {"opens": now.date().isoformat(), "closes": (now + timedelta(days=14)).date().isoformat()}
    rfc: dict[str, Any] = {
        "title": "Error budget policy",
        "status": "review",
        "authors": [HANDLE],
        "dri": HANDLE,
        "review": review,
        "date": now.date().isoformat(),
        "log_entry": "Review opened",
        "summary": "What we do when a service spends its error budget: freeze risky launches until it recovers.",
    }
    return [
        new.new_incident(settings, start.date(), incident),
        new.new_decision(settings, now.date(), new.slugify(decision["title"], "decision"), decision),
        new.new_rfc(settings, now.date(), new.slugify(rfc["title"], "rfc"), rfc),
    ]
