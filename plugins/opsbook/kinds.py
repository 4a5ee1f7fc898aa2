"""The registry: every kind of source, in the order its pages appear in the handbook.

The pipeline (build.py), ops.json, the macros, `mkdocs serve` and preview builds iterate this
tuple; adding a kind is one package with a `kind.py` and one line here.
"""

from __future__ import annotations

from .cadence.kind import KIND as CADENCE
from .checklists.kind import KIND as CHECKLISTS
from .decisions.kind import KIND as DECISIONS
from .incidents.kind import KIND as INCIDENTS
from .kind import Kind
from .maturity.kind import KIND as MATURITY
from .onboarding.kind import KIND as ONBOARDING
from .recordlinks.kind import KIND as RECORD_LINKS
from .rfcs.kind import KIND as RFCS
from .roadmap.kind import KIND as ROADMAP
from .runbooks.kind import KIND as RUNBOOKS
from .services.kind import KIND as SERVICES
from .settings import Settings
from .team.kind import KIND as TEAM

KINDS: tuple[Kind, ...] = (
    SERVICES,
    INCIDENTS,
    CHECKLISTS,
    ONBOARDING,
    MATURITY,
    RUNBOOKS,
    CADENCE,
    TEAM,
    ROADMAP,
    DECISIONS,
    RFCS,
    RECORD_LINKS,  # links between records of every kind, checked once all are loaded
)


def source_paths(settings: Settings) -> list[str]:
    """Every configured source path of every kind, relative to the handbook root, in registry order."""
    return [path for kind in KINDS for path in kind.paths(settings)]
