"""Maturity scorecards as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind, Stage
from .derive import evaluate, maturity_findings
from .export import maturity_json
from .load import load_rubric
from .pages import maturity_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def load(hb: Handbook, log: ProblemLog) -> Handbook:
    return replace(hb, maturity=evaluate(hb, load_rubric(hb, log)))  # last: checks read every kind


KIND = Kind(
    "maturity",
    options=("maturity",),
    stage=Stage.PRACTICE,
    load=load,
    findings=lambda hb: maturity_findings(hb.maturity),
    pages=maturity_pages,
    export=lambda hb: {"maturity": maturity_json(hb)},
)
