"""Every check of the registry on hand-built handbooks: what passes, what fails, what is not assessed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import maturity_factories as f
import pytest

from opsbook.checks import FAIL, NOT_ASSESSED, PASS, REGISTRY, run
from opsbook.incidents.model import PM_DUE, PM_LATE, PM_OVERDUE


def outcome(check: str, **kinds: object) -> str:
    hb = f.handbook(**kinds)
    return run(hb, check, hb.services[0] if REGISTRY[check].scope == "service" else None).outcome


def test_every_check_is_documented_and_registered_once() -> None:
    assert len(REGISTRY) >= 16
    for check in REGISTRY.values():
        assert check.title and check.description, check.id
        assert check.scope in ("service", "organisation")
        assert check.needs, check.id


def test_owner() -> None:
    assert outcome("owner") == PASS
    assert outcome("owner", services=(f.service(owner=None),)) == FAIL


def test_availability_and_latency_slo() -> None:
    assert outcome("availability-slo") == PASS and outcome("latency-slo") == PASS
    only_freshness = (f.service(slis=("freshness",)),)
    assert outcome("availability-slo", services=only_freshness) == FAIL
    assert outcome("latency-slo", services=only_freshness) == FAIL


def test_dashboard_evidence_links_the_dashboards() -> None:
    hb = f.handbook()
    result = run(hb, "dashboard", hb.services[0])
    assert result.outcome == PASS and result.evidence[0].url == "https://grafana.example/d/x"
    assert outcome("dashboard", services=(f.service(dashboards=()),)) == FAIL


def test_burn_rate_alerts_fail_when_the_objective_is_too_loose_to_page() -> None:
    assert outcome("burn-rate-alerts") == PASS
    # 90 %: a 14.4x burn needs a 144 % error rate, so the page alert can never fire.
    assert outcome("burn-rate-alerts", services=(f.service(objective=90),)) == FAIL
    assert outcome("burn-rate-alerts", services=(f.service(slis=()),)) == FAIL


def test_runbook_and_freshness() -> None:
    assert outcome("runbook", runbooks=(f.runbook(),)) == PASS
    assert outcome("runbook", runbooks=(f.runbook("web"),)) == FAIL
    assert outcome("runbook-fresh", runbooks=(f.runbook(),)) == PASS
    assert outcome("runbook-fresh", runbooks=(f.runbook(stale=("last reviewed 200 days ago",)),)) == FAIL
    assert outcome("runbook-fresh") == NOT_ASSESSED  # no runbook: nothing to review


def test_postmortems_on_time_looks_at_major_incidents_of_the_last_90_days() -> None:
    assert outcome("postmortems-on-time") == NOT_ASSESSED  # empty incident log
    assert outcome("postmortems-on-time", incidents=(f.incident(),)) == PASS
    assert outcome("postmortems-on-time", incidents=(f.incident(pm_state=PM_LATE),)) == FAIL
    overdue = f.incident(pm_state=PM_OVERDUE, published=None)
    assert outcome("postmortems-on-time", incidents=(overdue,)) == FAIL
    assert outcome("postmortems-on-time", incidents=(f.incident(pm_state=PM_DUE, published=None),)) == PASS
    # A SEV-3, an incident older than 90 days and one on another service do not count.
    assert outcome("postmortems-on-time", incidents=(f.incident(severity="SEV-3", pm_state=PM_LATE),)) == PASS
    old = datetime(2026, 8, 29, 23, tzinfo=UTC)  # 90 days and an hour before the as-of date
    assert outcome("postmortems-on-time", incidents=(f.incident(started=old, pm_state=PM_LATE),)) == PASS
    on_web = f.incident(services=("web",), pm_state=PM_LATE)
    assert outcome("postmortems-on-time", incidents=(on_web,)) == PASS


def test_postmortems_on_time_names_the_late_ones() -> None:
    late = f.incident("INC-20261102-01", pm_state=PM_LATE)
    hb = f.handbook(incidents=(f.incident("INC-20261101-01"), late))
    result = run(hb, "postmortems-on-time", hb.services[0])
    assert result.outcome == FAIL
    assert "1 of 2" in result.detail and "INC-20261102-01 (published late)" in result.detail
    assert [e.url for e in result.evidence] == ["incidents/INC-20261102-01.md"]


def test_follow_ups_on_time() -> None:
    ok = f.incident(follow_ups=(f.follow_up(), f.follow_up(status="done")))
    late = f.incident(follow_ups=(f.follow_up(overdue=True),))
    assert outcome("follow-ups-on-time") == NOT_ASSESSED
    assert outcome("follow-ups-on-time", incidents=(ok,)) == PASS
    assert outcome("follow-ups-on-time", incidents=(ok, late)) == FAIL
    # An overdue follow-up counts however old its incident is.
    ancient = f.incident(started=datetime(2025, 1, 1, tzinfo=UTC), follow_ups=(f.follow_up(overdue=True),))
    assert outcome("follow-ups-on-time", incidents=(ancient,)) == FAIL


def test_detected_by_monitoring() -> None:
    assert outcome("detected-by-monitoring") == NOT_ASSESSED
    assert outcome("detected-by-monitoring", incidents=(f.incident(),)) == PASS
    assert outcome("detected-by-monitoring", incidents=(f.incident(detected_by="customer"),)) == FAIL
    old = f.incident(detected_by="customer", started=datetime(2026, 5, 1, tzinfo=UTC))
    assert outcome("detected-by-monitoring", incidents=(old,)) == PASS


def test_capacity_decision_needs_both_tags_and_a_record_in_force() -> None:
    tagged = f.decision(tags=("capacity", "api"))
    assert outcome("capacity-decision", decisions=(tagged,)) == PASS
    assert outcome("capacity-decision", decisions=(f.decision(tags=("capacity",)),)) == FAIL
    proposed = f.decision(tags=("capacity", "api"), status="proposed")
    assert outcome("capacity-decision", decisions=(proposed,)) == FAIL
    lapsed = f.decision(tags=("capacity", "api"), revisit=date(2026, 11, 1))
    assert outcome("capacity-decision", decisions=(lapsed,)) == FAIL
    replaced = f.decision(tags=("capacity", "api"), superseded_by=("2026-0002",))
    assert outcome("capacity-decision", decisions=(replaced,)) == FAIL


def test_oncall_rotation() -> None:
    assert outcome("oncall-rotation", team=f.team()) == PASS
    assert outcome("oncall-rotation", team=f.team(rotation_members=())) == FAIL
    assert outcome("oncall-rotation") == FAIL  # no team file


def test_roadmap_dri() -> None:
    assert outcome("roadmap-dri", roadmap=f.roadmap("alice", "bob")) == PASS
    assert outcome("roadmap-dri", roadmap=f.roadmap("alice", None)) == FAIL
    assert outcome("roadmap-dri", roadmap=f.roadmap()) == FAIL
    assert outcome("roadmap-dri") == FAIL
    hb = f.handbook(roadmap=f.roadmap("alice", None))
    assert run(hb, "roadmap-dri").evidence[0].url == "roadmap.md#item-4"


def test_rituals_owned() -> None:
    from opsbook.cadence.model import Cadence

    owned = Cadence("ops/cadence.yml", "UTC", (f.ritual(),))
    orphan = Cadence("ops/cadence.yml", "UTC", (f.ritual(), f.ritual("Retro", owner=None)))
    assert outcome("rituals-owned", cadence=owned) == PASS
    result = run(f.handbook(cadence=orphan), "rituals-owned")
    assert result.outcome == FAIL and "Retro" in result.detail
    assert outcome("rituals-owned", cadence=Cadence("ops/cadence.yml", "UTC", ())) == FAIL
    assert outcome("rituals-owned") == FAIL


def test_postmortems_exist() -> None:
    assert outcome("postmortems-exist", incidents=(f.incident(),)) == PASS
    assert outcome("postmortems-exist", incidents=(f.incident(published=None),)) == FAIL
    assert outcome("postmortems-exist") == FAIL


def test_decisions_recorded_and_revisited() -> None:
    assert outcome("decisions-recorded", decisions=(f.decision(),)) == PASS
    assert outcome("decisions-recorded", decisions=(f.decision(status="proposed"),)) == FAIL
    assert outcome("decisions-recorded") == FAIL
    assert outcome("decisions-revisited", decisions=(f.decision(revisit=date(2027, 1, 1)),)) == PASS
    assert outcome("decisions-revisited", decisions=(f.decision(revisit=date(2026, 11, 27)),)) == FAIL
    # A superseded record's revisit date no longer matters.
    gone = f.decision(revisit=date(2026, 1, 1), status="superseded")
    assert outcome("decisions-revisited", decisions=(gone,)) == PASS
    assert outcome("decisions-revisited") == NOT_ASSESSED


def test_rfc_reviews_on_time() -> None:
    assert outcome("rfc-reviews-on-time", rfcs=(f.rfc(), f.rfc("2026-11-y", "open"))) == PASS
    assert outcome("rfc-reviews-on-time", rfcs=(f.rfc(review_state="overdue"),)) == FAIL
    assert outcome("rfc-reviews-on-time") == NOT_ASSESSED


def test_a_service_check_across_the_organisation_passes_only_when_every_service_does() -> None:
    two = (f.service("api"), f.service("web", owner=None))
    hb = f.handbook(services=two)
    result = run(hb, "owner")
    assert result.outcome == FAIL and result.detail == "1 of 2 services fail: web"
    assert [e.url for e in result.evidence] == ["services/web.md"]
    assert run(f.handbook(services=(f.service("api"), f.service("web"))), "owner").outcome == PASS
    assert run(f.handbook(services=()), "owner").outcome == NOT_ASSESSED
    assert run(f.handbook(), "postmortems-on-time").outcome == NOT_ASSESSED


@pytest.mark.parametrize("check", sorted(REGISTRY))
def test_every_check_runs_on_an_empty_handbook(check: str) -> None:
    hb = f.handbook(services=())
    assert run(hb, check).outcome in (PASS, FAIL, NOT_ASSESSED)
