"""The plugin's options in mkdocs.yml: the one schema both front ends validate against.

The MkDocs plugin gets them validated by MkDocs; the command line validates the options it reads
from mkdocs.yml with the same classes (`validated`), and both turn them into `Settings` with
`settings_from_config`. Paths are relative to the folder of mkdocs.yml. Custom option types check
and convert what MkDocs has no type for (a time zone, a duration, the severity scale), with a
message that says what is allowed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import fields
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from mkdocs.config import base
from mkdocs.config import config_options as c

from .settings import DEFAULT_SEVERITIES, DETECTED_BY, OptionError, Settings, Severity, as_of_from_env
from .timeparse import POSTMORTEM_DEADLINE, ParseError, parse_duration, parse_zone

DECISION_STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")

T = TypeVar("T")


class _Named(c.BaseConfigOption[T]):
    """An option whose messages start with `option NAME:`, the same in MkDocs' log and the CLI."""

    name = "?"

    def __init__(self, default: Any = None) -> None:
        super().__init__()
        self.default = default

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.name = key_name

    def fail(self, message: str) -> base.ValidationError:
        return base.ValidationError(f"option {self.name}: {message}")


class Path_(_Named[str]):
    """A path relative to the folder of mkdocs.yml."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise self.fail(f"{value!r} is not allowed; use text, e.g. a path")
        return value


class Paths(_Named[tuple[str, ...]]):
    """One path or a list of paths."""

    def run_validation(self, value: object) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(v, str) for v in items):
            raise self.fail(f"{value!r} is not allowed; use a list of paths")
        return tuple(items)


class Number(_Named[int]):
    """A number within a range (checked like every number opsbook reads)."""

    def __init__(self, default: int, low: int, high: int, unit: str) -> None:
        super().__init__(default)
        self.low, self.high, self.unit = low, high, unit

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{value!r} is not allowed; use a number")
        if not self.low <= value <= self.high:  # NaN compares false both ways: refused too
            raise self.fail(f"{value!r} is out of range; use {self.low} to {self.high} {self.unit}")
        return int(value)


class _Parsed(_Named[T]):
    """An option read by a `timeparse` parser, whose message says what is allowed."""

    def parse(self, value: object) -> T:
        raise NotImplementedError

    def run_validation(self, value: object) -> T:
        try:
            return self.parse(value)
        except ParseError as exc:
            raise self.fail(str(exc)) from None


class Timezone(_Parsed[ZoneInfo]):
    """An IANA time zone name, as a ZoneInfo."""

    def parse(self, value: object) -> ZoneInfo:
        return value if isinstance(value, ZoneInfo) else parse_zone(value)


class Duration(_Parsed[timedelta]):
    """A duration such as `72h` or `5d`."""

    def parse(self, value: object) -> timedelta:
        return value if isinstance(value, timedelta) else parse_duration(value, POSTMORTEM_DEADLINE)


class Severities(_Named[tuple[Severity, ...]]):
    """The severity scale, most severe first: `[{id: SEV-1, description: ...}, ...]` or plain ids."""

    def run_validation(self, value: object) -> tuple[Severity, ...]:
        if not isinstance(value, list | tuple):
            raise self.fail("use a list such as [{id: SEV-1, description: Major outage}]")
        scale = []
        for item in value:
            if isinstance(item, Severity):
                scale.append(item)
            elif isinstance(item, str):
                scale.append(Severity(item, ""))
            elif isinstance(item, Mapping) and isinstance(item.get("id"), str):
                scale.append(Severity(item["id"], str(item.get("description") or "")))
            else:
                raise self.fail(f"{item!r} is not allowed; each level is {{id: SEV-1, description: ...}}")
        return tuple(scale)


class Share(_Named[float]):
    """A share of 1 (0 excluded), e.g. 0.75."""

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
            raise self.fail(f"{value!r} is not allowed; use a share between 0 and 1, e.g. 0.75")
        return float(value)


class Words(_Named[tuple[str, ...]]):
    """A list of words, e.g. the sources an incident's `detected_by:` may name."""

    def run_validation(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list | tuple) or not value or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{value!r} is not allowed; use a list of words, e.g. [monitor, customer]")
        return tuple(value)


class StatusMap(_Named[tuple[tuple[str, str], ...]]):
    """`{shipped: accepted, on ice: proposed}`: extra leading phrases of foreign decision statuses."""

    def run_validation(self, value: object) -> tuple[tuple[str, str], ...]:
        if isinstance(value, tuple):
            return value
        if not isinstance(value, Mapping):
            raise self.fail("use a mapping such as {shipped: accepted, on ice: proposed}")
        out = []
        for phrase, status in value.items():
            word = str(status).strip().lower()
            if not isinstance(phrase, str) or not phrase.strip() or word not in DECISION_STATUSES:
                raise self.fail(
                    f"{phrase!r}: {status!r} is not allowed; map a phrase to one of " + ", ".join(DECISION_STATUSES)
                )
            out.append((" ".join(phrase.lower().split()), word))
        return tuple(out)


class OpsbookConfig(base.Config):
    """Options of the `opsbook` plugin."""

    slo = Path_("ops/slo.yml")
    """Services and SLOs in opsbook's native format."""
    slo_dir = Path_("ops/slo")
    """Folder of foreign SLO specs (OpenSLO, Sloth, Pyrra), read natively."""
    incidents = Path_("ops/incidents")
    """Folder of incidents, one Markdown file each."""
    decisions = Paths(("ops/decisions",))
    """Folders of decision records in any supported format (native, MADR, log4brains, Nygard)."""
    rfcs = Path_("rfcs")
    """Folder of RFCs, `YYYY-MM-<slug>.md`."""
    runbooks = Path_("ops/runbooks")
    """Folder of runbooks, `<service>.md`."""
    cadence = Path_("ops/cadence.yml")
    """The operating cadence: rituals."""
    team = Path_("ops/team.yml")
    """People, roles and on-call rotations."""
    checklists = Path_("ops/checklists")
    """Folder of checklists, one YAML file each."""
    maturity = Path_("ops/maturity.yml")
    """Optional maturity rubric override/extension and exemptions."""
    onboarding = Path_("ops/onboarding.yml")
    """Onboarding reading list and 30/60/90 plan."""
    roadmap = Path_("ROADMAP.md")
    """The roadmap: Now / Next / Later with a DRI per item."""
    timezone = Timezone("UTC")
    """IANA time zone in which timestamps written without an offset are read."""
    severities = Severities(())
    """The severity scale, most severe first; empty means SEV-1..SEV-3 as the handbook defines them."""
    postmortem_deadline = Duration("72h")
    """How long after `resolved` a postmortem is due, as a duration (e.g. `72h`, `5d`)."""
    runbook_stale_days = Number(180, 1, 3650, "days, e.g. 180")
    """A runbook not reviewed for this many days is stale."""
    budget_at_risk = Share(0.75)
    """Share of an SLO's error budget used in the current window (0 to 1) from which the service is
    listed as `budget-at-risk`; at 1 it is `budget-exhausted`."""
    detected_by = Words(DETECTED_BY)
    """The sources an incident's `detected_by:` may name (replaces the default list)."""
    decision_statuses = StatusMap(())
    """Extra status phrases of foreign decision records mapped onto the vocabulary, e.g.
    `{shipped: accepted, on ice: proposed}`; added to the documented status map."""
    base_ref = c.Optional(Path_())
    """Git ref to compare against for a "Changes in this preview" page; `OPSBOOK_BASE_REF` overrides it."""
    templates = c.Optional(Path_())
    """Folder whose Markdown Jinja templates override the shipped ones of the same name."""
    edit_url = c.Optional(c.Type(str))
    """Base URL for edit links of generated pages; the source file path is appended. Default: derived
    from `repo_url` and `edit_uri` (the docs folder replaced by the repository root)."""
    repo_facts = c.Type(bool, default=False)
    """Let Material ask the GitHub/GitLab API for the repository's stars and forks on every page view.
    Off by default: the handbook then makes no request to any other host and works offline."""


def validated(options: Mapping[str, Any]) -> OpsbookConfig:
    """The options as MkDocs validates them for the plugin; OptionError names the first bad one.
    Null options keep their defaults, as in mkdocs.yml."""
    config = OpsbookConfig()
    config.load_dict({k: v for k, v in options.items() if v is not None})
    errors, _ = config.validate()  # unknown keys are warnings, which MkDocs reports for the plugin
    if errors:
        raise OptionError(str(errors[0][1]))
    return config


# Options whose Settings field has another name or type; every other option of the same name as a
# Settings field is copied as validated, so a new option needs no code here.
_CONVERTED = frozenset({"timezone", "severities", "postmortem_deadline", "templates", "base_ref"})


def settings_from_config(
    root: Path, config: OpsbookConfig, *, docs_dir: str = "docs", environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from validated options; `OPSBOOK_BASE_REF` in the environment overrides base_ref."""
    env = os.environ if environ is None else environ
    names = {f.name for f in fields(Settings)} - _CONVERTED
    values: dict[str, Any] = {name: config[name] for name in names if name in config}
    deadline: timedelta = config["postmortem_deadline"]
    base_ref = env.get("OPSBOOK_BASE_REF") or config["base_ref"]
    return Settings(
        root=root,
        as_of=as_of_from_env(env),
        docs_dir=docs_dir,
        timezone=config["timezone"],
        severities=config["severities"] or DEFAULT_SEVERITIES,
        postmortem_deadline_hours=deadline.total_seconds() / 3600,
        templates=root / config["templates"] if config["templates"] else None,
        base_ref=base_ref or None,
        **values,
    )


def settings_from_options(
    root: Path, options: Mapping[str, Any], *, docs_dir: str = "docs", environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from options as written in mkdocs.yml (the command line); raises OptionError."""
    return settings_from_config(root, validated(options), docs_dir=docs_dir, environ=environ)
