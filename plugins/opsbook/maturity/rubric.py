"""The built-in rubric (`content/rubric.yml`): the five levels of the operating model and their criteria."""

from __future__ import annotations

from .. import content
from .model import SERVICE, Criterion, Level, Scope

LEVELS: tuple[Level, ...] = tuple(Level(**level) for level in content.load("rubric")["levels"])


def _c(
    id: str,
    level: int,
    title: str,
    scope: Scope = SERVICE,
    check: str | None = None,
    attestation: bool = False,
    description: str = "",
) -> Criterion:
    decided_by = None if attestation else (check or id)
    return Criterion(id, level, title, scope, decided_by, attestation, description)


BUILT_IN: tuple[Criterion, ...] = tuple(_c(**criterion) for criterion in content.load("rubric")["criteria"])
