"""Build settings: everything the pure core needs to know, independent of MkDocs."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .timeparse import MAX_DATE


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

# Where incidents are first noticed (`detected_by:`); the plugin option `detected_by` replaces the list.
DETECTED_BY: tuple[str, ...] = ("monitor", "alert", "customer", "support", "on-call", "synthetic", "other")


# The largest as-of: 2**32 - 1 (2106-02-07T06:28:15Z), the last second a 32-bit timestamp holds,
# such as the gzip header of MkDocs' sitemap.xml.gz; well before MAX_DATE, so derived dates fit too.
MAX_EPOCH = min(2**32 - 1, int(datetime.combine(MAX_DATE, datetime.max.time(), UTC).timestamp()))


def as_of_from_env(environ: Mapping[str, str] | None = None) -> datetime:
    """The one as-of instant: SOURCE_DATE_EPOCH when set (reproducible builds), else now.

    A value that is not whole seconds from 1970 to the end of MAX_DATE is an AsOfError: the
    reproducible-builds specification asks tools to fail on a malformed value rather than guess.
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not (epoch.isascii() and epoch.isdigit()) or int(epoch) > MAX_EPOCH:
            shown = epoch if len(epoch) <= 40 else epoch[:40] + "..."
            raise AsOfError(
                f"SOURCE_DATE_EPOCH={shown!r} is not allowed; use whole seconds since 1970-01-01T00:00:00Z "
                f"up to {MAX_EPOCH} ({datetime.fromtimestamp(MAX_EPOCH, UTC):%Y-%m-%dT%H:%M:%SZ}), "
                "e.g. the last commit's: git log -1 --format=%ct"
            )
        return datetime.fromtimestamp(int(epoch), tz=UTC)
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
    budget_at_risk: float = 0.75  # share of an error budget used this window that is a finding
    detected_by: tuple[str, ...] = DETECTED_BY
    # Extra status words of foreign decision records, (phrase, status), on top of the documented map.
    decision_statuses: tuple[tuple[str, str], ...] = ()
    base_ref: str | None = None
    templates: Path | None = None
    docs_dir: str = "docs"  # hand-written pages; their `onboarding:` front matter joins the reading list
    directory_urls: bool = True  # MkDocs' use_directory_urls: links inside SVG pictures need built URLs

    def path(self, relative: str) -> Path:
        return self.root / relative

    @property
    def today(self) -> date:
        """The as-of date in the handbook's time zone: the one "today" of every derivation."""
        return self.as_of.astimezone(self.timezone).date()


class OptionError(ValueError):
    """A plugin option opsbook cannot use; the message names the option and what is allowed."""


class AsOfError(OptionError):
    """SOURCE_DATE_EPOCH holds a value opsbook cannot use as the as-of date."""
