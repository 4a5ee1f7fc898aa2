"""Small handbooks for the incident tests: services, an incident writer and a loader."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from opsbook.build import load_handbook
from opsbook.handbook import Handbook
from opsbook.settings import Settings, Severity

AS_OF = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)  # conftest.FIXED_EPOCH

SLO = """\
window: 30d
services:
  api:
    title: Public API
    owner: platform-pod
    slos:
      - {sli: availability, objective: 99.9}
  web:
    title: Web App
    owner: web-pod
    slos:
      - {sli: availability, objective: 99.9}
      - {sli: latency, objective: 99, threshold: 1s}
  jobs:
    title: Background Jobs
    slos:
      - {sli: freshness, objective: 90, threshold: 5m}
"""

GOOD = """\
---
id: INC-20261103-01
title: Checkout API returned 5xx
severity: SEV-1
services: [api]
detected_by: monitor
started: 2026-11-03T09:12:00Z
detected: 2026-11-03T09:15:00Z
acknowledged: 2026-11-03T09:17:00Z
mitigated: 2026-11-03T09:50:00Z
resolved: 2026-11-03T10:40:00Z
roles: {coordinator: alice, comms: bob, tech_lead: carol}
postmortem: {published: 2026-11-05}
follow_ups:
  - {action: Alert on pool saturation, owner: carol, due: 2026-11-20, status: open}
  - {action: Move analytics to the replica, owner: frank, due: 2026-11-13, status: done, closed: 2026-11-12}
---
## Impact summary

Checkout failed for 38 minutes.
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    return root


def handbook(
    root: Path,
    files: dict[str, str] | None = None,
    tz: str = "UTC",
    with_slo: bool = True,
    severities: tuple[Severity, ...] | None = None,
    **settings: object,
) -> Handbook:
    """Write the files (plus ops/slo.yml) under root and load the handbook at AS_OF."""
    write(root, ({"ops/slo.yml": SLO} if with_slo else {}) | (files or {}))
    extra = {"severities": severities} if severities else {}
    return load_handbook(Settings(root=root, as_of=AS_OF, timezone=ZoneInfo(tz), **extra, **settings))  # type: ignore[arg-type]


def problems_of(hb: Handbook, file: str) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in hb.problems if p.file == file]
