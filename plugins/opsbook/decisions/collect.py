"""The decision log and the RFCs loaded on their own, as the pipeline loads them (for tests and tools)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..handbook import Handbook
from ..problems import ProblemLog
from ..rfcs.kind import KIND as RFCS
from ..rfcs.model import Rfc
from ..settings import Settings
from .kind import KIND as DECISIONS
from .model import Decision

if TYPE_CHECKING:
    from ..team.model import Team


def load_decision_log(
    settings: Settings, problems: ProblemLog, team: Team | None = None
) -> tuple[tuple[Decision, ...], tuple[Rfc, ...]]:
    """(decisions, rfcs), fully derived, linked both ways."""
    hb = RFCS.load(DECISIONS.load(Handbook(settings, team=team), problems), problems)
    assert DECISIONS.derive is not None
    hb = DECISIONS.derive(hb, problems)
    return hb.decisions, hb.rfcs
