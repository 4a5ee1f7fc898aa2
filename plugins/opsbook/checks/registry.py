"""The registry of checks, and running them for one service or across every service."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from .result import FAIL, NOT_ASSESSED, PASS, CheckResult, Evidence

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..services.model import Service

SERVICE: Final = "service"
ORGANISATION: Final = "organisation"


Scope = Literal["service", "organisation"]


@dataclass(frozen=True)
class Check:
    """A named check. `description` (the function's docstring) says what passes and what fails."""

    id: str
    title: str
    scope: Scope
    needs: tuple[str, ...]  # the source kinds it reads, e.g. ("incidents",)
    description: str
    func: Callable[..., CheckResult]

    def run(self, hb: Handbook, service: Service | None = None) -> CheckResult:
        if self.scope == SERVICE:
            if service is None:
                return run_for_all(hb, self.id)
            return self.func(hb, service)
        return self.func(hb)


REGISTRY: dict[str, Check] = {}


def index(hb: Handbook, name: str, build: Callable[[], Any]) -> Any:
    """A look-up table derived from the handbook, built once per handbook (checks run per service,
    so a scan per call would be quadratic). Kept on the frozen handbook like a cached_property."""
    cache: dict[str, Any] = hb.__dict__.setdefault("_check_indexes", {})
    if name not in cache:
        cache[name] = build()
    return cache[name]


def register(
    check_id: str, title: str, scope: Scope, needs: tuple[str, ...] = ()
) -> Callable[[Callable[..., CheckResult]], Callable[..., CheckResult]]:
    """Decorator: add a check function to the registry under `check_id`."""

    def wrap(func: Callable[..., CheckResult]) -> Callable[..., CheckResult]:
        if check_id in REGISTRY:
            raise ValueError(f"check {check_id!r} is registered twice")
        REGISTRY[check_id] = Check(check_id, title, scope, needs, inspect.cleandoc(func.__doc__ or ""), func)
        return func

    return wrap


def run(hb: Handbook, check_id: str, service: Service | None = None) -> CheckResult:
    """Run one check; a service check without a service runs across every service."""
    return REGISTRY[check_id].run(hb, service)


def run_for_all(hb: Handbook, check_id: str) -> CheckResult:
    """A service check across the organisation: passes when every service passes it."""
    check = REGISTRY[check_id]
    if not hb.services:
        return CheckResult(NOT_ASSESSED, (), "there are no services to check")
    results = [(s, check.func(hb, s)) for s in hb.services]
    failing = [s for s, r in results if r.outcome == FAIL]
    unknown = [s for s, r in results if r.outcome == NOT_ASSESSED]
    total = len(results)
    if failing:
        names = ", ".join(s.id for s in failing)
        return CheckResult(
            FAIL, tuple(Evidence(s.title, s.page) for s in failing), f"{len(failing)} of {total} services fail: {names}"
        )
    if len(unknown) == total and len({r.detail for _, r in results}) == 1:
        return CheckResult(NOT_ASSESSED, (), results[0][1].detail)  # e.g. the incident log is empty
    if unknown:
        names = ", ".join(s.id for s in unknown)
        return CheckResult(
            NOT_ASSESSED,
            tuple(Evidence(s.title, s.page) for s in unknown),
            f"not assessed for {len(unknown)} of {total} services: {names}",
        )
    return CheckResult(PASS, (Evidence("Services", "services/index.md"),), f"all {total} services pass")
