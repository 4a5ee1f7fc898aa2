"""`opsbook init DIR`: a new handbook that builds with `mkdocs build --strict` at once.

The sample incident, decision and RFC are written by the same code and templates as `opsbook new`,
so what init shows is exactly what `new` produces, filled in.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..settings import AsOfError, Settings, as_of_from_env
from ..slugs import file_slug
from ..timeparse import ParseError, parse_zone
from . import new
from .common import UsageError, shown

SERVICE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
HANDLE, PERSON, POD = "alex", "Alex Example", "core-pod"
SITE_FILES = {  # the MkDocs site around the data: only for a new handbook, never with --into
    "mkdocs.yml": "mkdocs.yml.j2",
    "docs/index.md": "index.md.j2",
    "docs/tags.md": "tags.md.j2",
    ".gitignore": "gitignore.j2",
    "requirements.txt": "requirements.txt.j2",
    ".github/workflows/handbook.yml": "workflow.yml.j2",
}
DATA_FILES = {  # target path -> template under templates/new/handbook/
    "ops/slo.yml": "slo.yml.j2",
    "ops/team.yml": "team.yml.j2",
    "ops/cadence.yml": "cadence.yml.j2",
    "ops/runbooks/{service}.md": "runbook.md.j2",
    "ROADMAP.md": "ROADMAP.md.j2",
}
ACRONYMS = {"api", "cdn", "db", "dns", "sso", "ui", "vpn", "ml", "ai", "etl", "iam", "cms", "crm", "erp", "sql"}
# What `--into` asks the user to add to an existing mkdocs.yml (it never edits the file itself).
INTO_LINES = """\
plugins:
  - search
  - tags
  - macros:              # optional: opsbook's macros ({{ on_call_now() }}) in your own pages
      on_error_fail: true
  - opsbook:
      timezone: {timezone}
nav:                     # if your mkdocs.yml has a nav, add the handbook's sections
  - Reliability:
      - Services: services/index.md
      - Incidents: incidents/index.md
      - Needs attention: attention.md
  - Decisions:
      - Decision log: decisions/index.md
      - RFCs: rfcs/index.md
      - Roadmap: roadmap.md
  - How we work:
      - Cadence: cadence.md
      - Team and on-call: team.md
  - Maturity: maturity/index.md
  - Problems: problems.md
"""


def run(args: argparse.Namespace) -> int:
    into = args.into is not None
    target = Path(args.into if into else args.dir)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} exists and is not a folder")
    if into and not any((target / name).is_file() for name in ("mkdocs.yml", "mkdocs.yaml")):
        raise UsageError(f"--into {target}: no mkdocs.yml there; to start a new handbook run: opsbook init {target}")
    if not SERVICE_ID.match(args.service):
        raise UsageError(f"--service {args.service!r}: a service id is lower-case letters, digits and dashes")
    try:
        zone = parse_zone(args.timezone)
    except ParseError as exc:
        raise UsageError(f"--timezone {exc}") from None
    written = scaffold(target, name=args.name, service=args.service, timezone=zone, into=into)
    for path in written:
        sys.stdout.write(shown(path) + "\n")
    if into:
        sys.stderr.write(
            f"\nAdded the handbook's data to {shown(target)} (existing files untouched). Now add these lines "
            "to its mkdocs.yml (merge with what is there):\n\n"
            + INTO_LINES.format(timezone=zone.key)
            + "\nThen: pip install -r requirements.txt (or add opsbook to yours), opsbook check, mkdocs serve\n"
        )
        return 0
    sys.stderr.write(
        f"\nCreated a handbook in {shown(target)}. Next:\n"
        f"  cd {shown(target)}\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        "  .venv/bin/mkdocs serve    # preview at http://127.0.0.1:8000\n"
        "  .venv/bin/opsbook check   # validate the data (CI runs it: .github/workflows/handbook.yml)\n"
        f'  .venv/bin/opsbook new incident "Checkout failed" --service {args.service}\n'
    )
    return 0


def service_title(service: str) -> str:
    """`api` -> `API`, `checkout-api` -> `Checkout API`: how people write a service's name."""
    return " ".join(w.upper() if w in ACRONYMS else w.capitalize() for w in service.split("-"))


def requirement() -> tuple[str, str | None]:
    """The pip requirement of the running opsbook, pinned, and a comment when it needs editing.

    Installed from git, the exact commit is known; from a wheel or a folder it is not, so the line
    names the version on a placeholder git URL to replace."""
    try:
        dist = metadata.distribution("opsbook")
        version, direct = dist.version, json.loads(dist.read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        version, direct = "0.1.0", {}
    vcs = direct.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return f"opsbook @ git+{direct['url']}@{vcs['commit_id']}", None
    return (
        f"opsbook @ git+https://github.com/YOUR-ORG/opsbook@v{version}",
        f"opsbook {version} was installed from a file here: point this line at where your team gets it",
    )


def scaffold(target: Path, *, name: str, service: str, timezone: ZoneInfo, into: bool = False) -> list[Path]:
    """Write the handbook; refuse (UsageError) before writing anything if a file would be replaced.

    `into`: add the data files to an existing MkDocs site, skipping every one that exists already."""
    files = DATA_FILES if into else {**SITE_FILES, **DATA_FILES}
    planned = {path.format(service=service): template for path, template in files.items()}
    # lexists: a dangling symlink (say mkdocs.yml -> elsewhere) is a file init must not replace either.
    existing = [p for p in planned if os.path.lexists(target / p)]
    if existing and not into:
        raise UsageError(
            f"{shown(target)} already has {', '.join(existing)}; init never overwrites files. Choose an empty folder, "
            f"or add opsbook to an existing MkDocs site with: opsbook init --into {shown(target)}"
        )
    planned = {path: template for path, template in planned.items() if path not in existing}
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
        "service_title": service_title(service),
        "timezone": timezone.key,
        "handle": HANDLE,
        "person": PERSON,
        "pod": POD,
        "today": today.isoformat(),
        "rotation_start": (today - timedelta(days=today.weekday())).isoformat(),
    }
    context["requirement"], context["requirement_comment"] = requirement()
    written = []
    for path, template in planned.items():
        new.create_exclusive(target / path, new.render(settings, f"new/handbook/{template}", **context))
        written.append(target / path)
    written += [c.path for c in _samples(settings, service, now, skip_existing=into)]
    return written


def _samples(settings: Settings, service: str, now: datetime, skip_existing: bool = False) -> list[new.Created]:
    """A resolved incident of last week, an accepted decision and an RFC in review (each skipped with
    `skip_existing` when its folder already holds files: an existing site keeps its own records)."""
    start = (now - timedelta(days=7)).replace(hour=10, minute=0)

    def at(minutes: int) -> str:
        return new.timestamp(start + timedelta(minutes=minutes))

    incident: dict[str, Any] = {
        "title": f"{service_title(service)} returned errors after a deploy",
        "severity": "SEV-2",
        "severity_scale": " | ".join(s.id for s in settings.severities),
        "services": [service],
        "detected_by": "monitor",
        "impact_share": "4%",
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
            (at(0), "T0 impact began: the 10:00 deploy reached every instance"),
            (at(4), "Detection: the availability page alert fired"),
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
    makers = {
        settings.incidents: lambda: new.new_incident(settings, start.date(), incident),
        settings.decisions[0]: lambda: new.new_decision(
            settings, now.date(), file_slug(decision["title"], "decision"), decision
        ),
        settings.rfcs: lambda: new.new_rfc(settings, now.date(), file_slug(rfc["title"], "rfc"), rfc),
    }
    return [
        make()
        for folder, make in makers.items()
        if not (skip_existing and settings.path(folder).is_dir() and any(settings.path(folder).iterdir()))
    ]
