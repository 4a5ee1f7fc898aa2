"""Maturity scorecards as a kind of the handbook."""

from __future__ import annotations

from ..kind import Kind, Stage, fills
from .derive import evaluate, maturity_findings
from .export import maturity_json
from .load import load_rubric
from .pages import maturity_pages

KIND = Kind(
    "maturity",
    index=("maturity/index.md", "Maturity scorecards"),
    stage=Stage.PRACTICE,
    load=fills("maturity", lambda hb, log: evaluate(hb, load_rubric(hb, log))),  # last: checks read every kind
    findings=lambda hb: maturity_findings(hb.maturity),
    pages=maturity_pages,
    export=lambda hb: {"maturity": maturity_json(hb)},
)
