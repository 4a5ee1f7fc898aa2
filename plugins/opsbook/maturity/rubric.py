"""The built-in rubric: the five levels of the operating model and their criteria."""

from __future__ import annotations

from .model import ORGANISATION, SERVICE, Criterion, Level, Scope

LEVELS: tuple[Level, ...] = (
    Level(
        1,
        "Heroic",
        "Things work because individuals work hard. Knowledge lives in heads; incidents are handled ad hoc.",
    ),
    Level(
        2,
        "Process-driven",
        "Each service has an owner and a runbook; on-call rotates; priorities and decisions are written down.",
    ),
    Level(
        3,
        "Measurement-based",
        "Availability and latency SLOs with error budgets and dashboards; "
        "postmortems on time; follow-ups closed on time.",
    ),
    Level(
        4,
        "Predictive",
        "Alerts fire before the budget is gone, runbooks are reviewed, capacity is "
        "planned, and monitoring catches problems before customers do.",
    ),
    Level(
        5,
        "Ecosystem",
        "Reliability practice is shared with partners and customers (status page, "
        "SLAs, public postmortems). Attested with evidence, not computed.",
    ),
)


def _c(
    cid: str,
    level: int,
    title: str,
    scope: Scope = SERVICE,
    check: str | None = None,
    attestation: bool = False,
    description: str = "",
) -> Criterion:
    decided_by = None if attestation else (check or cid)
    return Criterion(cid, level, title, scope, decided_by, attestation, description)


BUILT_IN: tuple[Criterion, ...] = (
    # Services
    _c("owner", 2, "Has an owner"),
    _c("runbook", 2, "Has a runbook"),
    _c("availability-slo", 3, "Has an availability SLO"),
    _c("latency-slo", 3, "Has a latency SLO"),
    _c("dashboard", 3, "Links a dashboard"),
    _c("postmortems-on-time", 3, "SEV-1/SEV-2 postmortems of the last 90 days published on time"),
    _c("follow-ups-on-time", 3, "No overdue incident follow-up"),
    _c("runbook-fresh", 4, "Runbook reviewed recently and since the last major incident"),
    _c("burn-rate-alerts", 4, "Burn-rate page alerts can fire for every SLO"),
    _c("detected-by-monitoring", 4, "Incidents of the last 90 days detected by monitoring, not customers"),
    _c("capacity-decision", 4, "A capacity decision is on record"),
    _c(
        "ecosystem",
        5,
        "Reliability shared with partners and customers",
        attestation=True,
        description="A public status page, a published SLA or shared postmortems for this service, "
        "attested in ops/maturity.yml with a link to the evidence.",
    ),
    # The organisation
    _c("roadmap-dri", 2, "A roadmap with a DRI for every item", ORGANISATION),
    _c("rituals-owned", 2, "Every ritual of the cadence has an owner", ORGANISATION),
    _c("oncall-rotation", 2, "An on-call rotation exists", ORGANISATION),
    _c("decisions-recorded", 2, "Decisions are recorded", ORGANISATION),
    _c("postmortems-exist", 3, "Postmortems are published", ORGANISATION),
    _c("slo-coverage", 3, "Every service has an availability SLO", ORGANISATION, check="availability-slo"),
    _c("decisions-revisited", 4, "No decision is past its revisit date", ORGANISATION),
    _c("rfc-reviews-on-time", 4, "No RFC review is past its window", ORGANISATION),
    _c(
        "ecosystem-org",
        5,
        "Reliability practice shared beyond the company",
        ORGANISATION,
        attestation=True,
        description="Public postmortems, a public status page or reliability commitments in contracts, "
        "attested in ops/maturity.yml with a link to the evidence.",
    ),
)
