"""Onboarding as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind, Stage
from .export import onboarding_json
from .load import load_onboarding
from .pages import onboarding_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def load(hb: Handbook, log: ProblemLog) -> Handbook:
    return replace(hb, onboarding=load_onboarding(hb, log))  # after checklists: it may list them


KIND = Kind(
    "onboarding",
    options=("onboarding",),
    stage=Stage.PRACTICE,
    load=load,
    pages=onboarding_pages,
    export=lambda hb: {"onboarding": onboarding_json(hb)},
)
