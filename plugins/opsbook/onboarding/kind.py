"""Onboarding as a kind of the handbook."""

from __future__ import annotations

from ..kind import Kind, Stage, fills
from .export import onboarding_json
from .load import load_onboarding
from .pages import onboarding_pages

KIND = Kind(
    "onboarding",
    index=("onboarding/index.md", "Onboarding"),
    stage=Stage.PRACTICE,
    load=fills("onboarding", load_onboarding),  # after checklists: it may list them
    pages=onboarding_pages,
    export=lambda hb: {"onboarding": onboarding_json(hb.onboarding) if hb.onboarding is not None else None},
)
