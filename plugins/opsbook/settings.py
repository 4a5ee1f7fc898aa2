"""Build settings: everything the pure core needs to know, independent of MkDocs."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .timeparse import MAX_DATE, POSTMORTEM_DEADLINE, ParseError, parse_duration


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


# Numeric options and the values they may take (checked like every number opsbook reads).
_NUMBER_RANGES: dict[str, tuple[int, int, str]] = {
    "runbook_stale_days": (1, 3650, "days, e.g. 180"),
}


# Options whose value is converted, not copied; every other Settings field is copied from the option
# of the same name after a type check against its default, so a new option needs no code here.
_CONVERTED = frozenset(
    {
        "root",
        "as_of",
        "timezone",
        "severities",
        "postmortem_deadline_hours",
        "decisions",
        "templates",
        "base_ref",
        "docs_dir",
        "directory_urls",
    }
)


def settings_from_options(
    root: Path,
    options: Mapping[str, Any],
    *,
    docs_dir: str = "docs",
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Settings from the options of the `opsbook` plugin in mkdocs.yml.

    One function for both front ends: the MkDocs plugin passes its validated config, the command line
    passes the options read from mkdocs.yml as plain YAML, so both read a handbook the same way.
    Absent or null options keep their defaults; paths stay relative to `root` (the folder of
    mkdocs.yml). Raises OptionError for a value that cannot be used.
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for f in fields(Settings):
        value = options.get(f.name)
        if f.name in _CONVERTED or value is None:
            continue
        default = f.default if f.default is not MISSING else None
        values[f.name] = _checked(f.name, value, default)
    if options.get("timezone") is not None:
        try:
            values["timezone"] = ZoneInfo(str(options["timezone"]))
        except (ZoneInfoNotFoundError, ValueError):
            raise OptionError(
                f"timezone {options['timezone']!r} is not an IANA time zone such as UTC or Europe/Berlin"
            ) from None
    if options.get("postmortem_deadline") is not None:
        try:
            deadline = parse_duration(options["postmortem_deadline"], POSTMORTEM_DEADLINE)
        except ParseError as exc:
            raise OptionError(f"postmortem_deadline: {exc}") from None
        values["postmortem_deadline_hours"] = deadline.total_seconds() / 3600
    decisions = options.get("decisions")
    if decisions is not None:
        folders = [decisions] if isinstance(decisions, str) else decisions
        values["decisions"] = _checked("decisions", folders, ())
    severities = _severities(options.get("severities"))
    if severities:
        values["severities"] = severities
    if options.get("templates"):
        values["templates"] = root / _checked("templates", options["templates"], "")
    base_ref = env.get("OPSBOOK_BASE_REF") or options.get("base_ref")
    values["base_ref"] = _checked("base_ref", base_ref, "") if base_ref else None
    return Settings(root=root, as_of=as_of_from_env(env), docs_dir=docs_dir, **values)


def _checked(name: str, value: Any, default: Any) -> Any:
    """The option's value when it has the type of the field's default (lists become tuples)."""
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int | float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif isinstance(default, tuple):
        ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    else:
        ok = isinstance(value, str)
    if ok and name in _NUMBER_RANGES:
        low, high, unit = _NUMBER_RANGES[name]
        if not low <= value <= high:  # NaN compares false both ways: refused too
            raise OptionError(f"option {name}: {value!r} is out of range; use {low} to {high} {unit}")
    if not ok:
        wanted = (
            "true or false"
            if isinstance(default, bool)
            else "a number"
            if isinstance(default, int | float)
            else "a list of paths"
            if isinstance(default, tuple)
            else "text, e.g. a path"
        )
        raise OptionError(f"option {name}: {value!r} is not allowed; use {wanted}")
    return value


def _severities(raw: Any) -> tuple[Severity, ...]:
    """`[{id: SEV-1, description: ...}, ...]` (or plain ids) as the severity scale; empty -> default."""
    if raw is None:
        return ()
    if not isinstance(raw, list | tuple):
        raise OptionError("option severities: use a list such as [{id: SEV-1, description: Major outage}]")
    scale = []
    for item in raw:
        if isinstance(item, str):
            scale.append(Severity(item, ""))
        elif isinstance(item, Mapping) and isinstance(item.get("id"), str):
            scale.append(Severity(item["id"], str(item.get("description") or "")))
        else:
            raise OptionError(
                f"option severities: {item!r} is not allowed; each level is {{id: SEV-1, description: ...}}"
            )
    return tuple(scale)
