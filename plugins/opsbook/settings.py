"""Build settings: everything the pure core needs to know, independent of MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Severity:
    """One level of the incident severity scale."""

    id: str
    description: str


DEFAULT_SEVERITIES: tuple[Severity, ...] = (
    Severity("SEV-1", "Customer or data loss, security breach, or a major outage."),
    Severity("SEV-2", "Degraded service with material impact; a workaround is available."),
    Severity("SEV-3", "Limited impact and no data loss."),
)


def as_of_from_env(environ: dict[str, str] | None = None) -> datetime:
    """The one as-of instant: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            pass  # an unusable value falls back to now, like other reproducible-build tools
    return datetime.now(tz=UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Settings:
    """Where the sources are (relative to `root`) and the knobs of derivation."""

    root: Path
    as_of: datetime = field(default_factory=as_of_from_env)
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    slo: str = "ops/slo.yml"
    slo_dir: str = "ops/slo"
    incidents: str = "ops/incidents"
    decisions: tuple[str, ...] = ("ops/decisions",)
    rfcs: str = "rfcs"
    runbooks: str = "ops/runbooks"
    cadence: str = "ops/cadence.yml"
    team: str = "ops/team.yml"
    checklists: str = "ops/checklists"
    maturity: str = "ops/maturity.yml"
    onboarding: str = "ops/onboarding.yml"
    roadmap: str = "ROADMAP.md"
    severities: tuple[Severity, ...] = DEFAULT_SEVERITIES
    postmortem_deadline_hours: float = 72.0
    runbook_stale_days: int = 180
    base_ref: str | None = None
    templates: Path | None = None

    def path(self, relative: str) -> Path:
        return self.root / relative
