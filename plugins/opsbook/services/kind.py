"""Services and SLOs as a kind of the handbook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kind import Kind, Stage, fills
from ..team.model import check_person
from .export import services_json
from .load import load_services
from .macros import macros
from .pages import service_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def derive(hb: Handbook, log: ProblemLog) -> Handbook:
    """Owners are people of the team (once the team is loaded, in the same stage)."""
    for service in hb.services:
        check_person(hb.team, service.owner, service.file, service.line, f"owner of service {service.id!r}", log)
    return hb


KIND = Kind(
    "services",
    options=("slo", "slo_dir"),
    index=("services/index.md", "Services"),
    stage=Stage.NAMED,
    load=fills("services", lambda hb, log: load_services(hb.settings, log)),
    derive=derive,
    pages=service_pages,
    export=services_json,
    macros=macros,
)
