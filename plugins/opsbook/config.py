"""The plugin's options in mkdocs.yml. Paths are relative to the folder of mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SeverityOption(base.Config):
    """One level of the severity scale."""

    id = c.Type(str)
    """The severity as written in incidents, e.g. `SEV-1`."""
    description = c.Type(str, default="")
    """What qualifies an incident for this level."""


class OpsbookConfig(base.Config):
    """Options of the `opsbook` plugin."""

    slo = c.Type(str, default="ops/slo.yml")
    """Services and SLOs in opsbook's native format."""
    slo_dir = c.Type(str, default="ops/slo")
    """Folder of foreign SLO specs (OpenSLO, Sloth, Pyrra), read natively."""
    incidents = c.Type(str, default="ops/incidents")
    """Folder of incidents, one Markdown file each."""
    decisions = c.ListOfItems(c.Type(str), default=["ops/decisions"])
    """Folders of decision records in any supported format (native, MADR, log4brains, Nygard)."""
    rfcs = c.Type(str, default="rfcs")
    """Folder of RFCs, `YYYY-MM-<slug>.md`."""
    runbooks = c.Type(str, default="ops/runbooks")
    """Folder of runbooks, `<service>.md`."""
    cadence = c.Type(str, default="ops/cadence.yml")
    """The operating cadence: rituals."""
    team = c.Type(str, default="ops/team.yml")
    """People, roles and on-call rotations."""
    checklists = c.Type(str, default="ops/checklists")
    """Folder of checklists, one YAML file each."""
    maturity = c.Type(str, default="ops/maturity.yml")
    """Optional maturity rubric override/extension and exemptions."""
    onboarding = c.Type(str, default="ops/onboarding.yml")
    """Onboarding reading list and 30/60/90 plan."""
    roadmap = c.Type(str, default="ROADMAP.md")
    """The roadmap: Now / Next / Later with a DRI per item."""
    timezone = c.Type(str, default="UTC")
    """IANA time zone in which timestamps written without an offset are read."""
    severities = c.ListOfItems(c.SubConfig(SeverityOption), default=[])
    """The severity scale, most severe first; empty means SEV-1..SEV-3 as the handbook defines them."""
    postmortem_deadline = c.Type(str, default="72h")
    """How long after `resolved` a postmortem is due, as a duration (e.g. `72h`, `5d`)."""
    runbook_stale_days = c.Type(int, default=180)
    """A runbook not reviewed for this many days is stale."""
    base_ref = c.Optional(c.Type(str))
    """Git ref to compare against for a "Changes in this preview" page; `OPSBOOK_BASE_REF` overrides it."""
    templates = c.Optional(c.Type(str))
    """Folder whose Markdown Jinja templates override the shipped ones of the same name."""
    edit_url = c.Optional(c.Type(str))
    """Base URL for edit links of generated pages; the source file path is appended. Default: derived
    from `repo_url` and `edit_uri` (the docs folder replaced by the repository root)."""
    repo_facts = c.Type(bool, default=False)
    """Let Material ask the GitHub/GitLab API for the repository's stars and forks on every page view.
    Off by default: the handbook then makes no request to any other host and works offline."""
