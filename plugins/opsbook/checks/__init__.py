"""Named, documented checks over the handbook: the evidence behind scorecards and checklists.

A check is a pure function of the handbook (and, for a service check, one service) that returns a
`CheckResult`: pass, fail or not-assessed, with evidence links and a one-line detail. The maturity
rubric and checklist items refer to checks by id; `REGISTRY` holds them all.
"""

from __future__ import annotations

from . import org, service  # noqa: F401  (importing registers the checks)
from .registry import REGISTRY, Check, run, run_for_all
from .result import FAIL, NOT_ASSESSED, PASS, CheckResult, Evidence

__all__ = [
    "FAIL",
    "NOT_ASSESSED",
    "PASS",
    "REGISTRY",
    "Check",
    "CheckResult",
    "Evidence",
    "run",
    "run_for_all",
]
