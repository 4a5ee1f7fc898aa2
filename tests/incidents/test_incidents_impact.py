"""Impact shares, budget in the current window, robust time metrics and the budget findings."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path

import pytest
from incidents_helpers import GOOD, handbook, problems_of
from test_incidents_derive import AS_OF, incident, service, ts

from opsbook.build import render_pages
from opsbook.incidents import derive
from opsbook.incidents.export import incidents_json
from opsbook.incidents.impact import ImpactError, parse_share
from opsbook.incidents.model import WindowBudget

F = "ops/incidents/INC-20261103-01.md"


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


# --- parsing a share --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fraction"),
    [("25%", 0.25), ("25 %", 0.25), (25, 0.25), (12.5, 0.125), ("100%", 1.0), (0, 0.0), ("0.5", 0.005)],
)
def test_parse_share_reads_percent(value: object, fraction: float) -> None:
    assert parse_share(value) == fraction


@pytest.mark.parametrize("value", ["120%", -5, 101, "a lot", True, None, float("nan"), float("inf"), "25%%"])
def test_parse_share_rejects_out_of_range_and_unreadable(value: object) -> None:
    with pytest.raises(ImpactError, match="0 to 100 %"):
        parse_share(value)


# --- loading: global, per service, problems at their line --------------------------------------


def test_global_impact_applies_to_every_listed_service(tmp_path: Path) -> None:
    text = _with(GOOD, "services: [api]", "services: [api, web]\nimpact: 35%")
    (i,) = handbook(tmp_path, {F: text}).incidents
    assert i.impact == (("api", 0.35), ("web", 0.35))
    assert i.impact_assumed == ()
    # 35 % x 38 min of a 43.2-minute budget, on each availability SLO.
    assert [(b.service, b.impact_fraction, b.share) for b in i.budget] == [
        ("api", 0.35, round(0.35 * 38 / 43.2, 6)),
        ("web", 0.35, round(0.35 * 38 / 43.2, 6)),
    ]


def test_per_service_impact_and_full_outage_assumed_for_the_rest(tmp_path: Path) -> None:
    text = _with(GOOD, "services: [api]", "services: [api, web]\nimpact: {api: 20}")
    hb = handbook(tmp_path, {F: text})
    (i,) = hb.incidents
    assert (i.impact_of("api"), i.impact_of("web"), i.impact_assumed) == (0.2, 1.0, ("web",))
    row = incidents_json(hb.incidents, hb.incident_metrics)["incidents"][0]
    assert row["impact_fraction"] == {"api": 0.2, "web": 1.0} and row["impact_stated"] is False
    assert row["budget_consumed"]["api"][0]["impact_fraction"] == 0.2
    assert row["budget_consumed"]["api"][0]["share"] == round(0.2 * 38 / 43.2, 6)


def test_bad_impact_is_a_problem_at_its_line_and_the_incident_stays(tmp_path: Path) -> None:
    text = _with(GOOD, "services: [api]", "services: [api]\nimpact: {api: 140%, checkout: 25%}")
    hb = handbook(tmp_path, {F: text})
    got = problems_of(hb, F)
    assert [line for line, _ in got] == [6, 6]  # a flow mapping: both keys on the `impact:` line
    assert any("impact of api: '140%' is out of range" in m for _, m in got)
    assert any("impact names service 'checkout', which the incident does not list" in m for _, m in got)
    (i,) = hb.incidents
    assert i.impact == () and i.budget[0].impact_fraction == 1.0  # full outage assumed, never dropped


def test_global_out_of_range_impact(tmp_path: Path) -> None:
    got = problems_of(handbook(tmp_path, {F: _with(GOOD, "services: [api]", "services: [api]\nimpact: 250")}), F)
    assert got == [
        (
            6,
            "impact: 250 is out of range; write the share of requests or users affected, 0 to 100 %, "
            "e.g. `impact: 25%` or `impact: {api: 25%, web: 100%}`",
        )
    ]


def test_incident_page_says_full_outage_assumed(tmp_path: Path) -> None:
    stated = _with(_with(GOOD, "INC-20261103", "INC-20261104"), "services: [api]", "services: [api]\nimpact: 20%")
    hb = handbook(tmp_path, {F: GOOD, "ops/incidents/INC-20261104-01.md": stated})
    pages = {p.path: p.body for p in render_pages(hb)[0]}
    assumed, stated = pages["incidents/INC-20261103-01.md"], pages["incidents/INC-20261104-01.md"]
    assert "full outage assumed" in assumed
    assert "<dt>Impact</dt>\n<dd>20 % of requests affected</dd>\n" in stated and "full outage assumed" not in stated
    assert "<td>20 %</td><td>17.6 %</td>" in stated  # 0.2 x 38 / 43.2


# --- budget in the current window ------------------------------------------------------------


def test_weighted_minutes_take_the_largest_share_where_incidents_overlap() -> None:
    start, end = ts("2026-11-01T00:00:00Z"), ts("2026-11-02T00:00:00Z")
    intervals = [
        (ts("2026-10-31T23:50:00Z"), ts("2026-11-01T00:10:00Z"), 0.5),  # 10 min inside at 50 %
        (ts("2026-11-01T10:00:00Z"), ts("2026-11-01T10:30:00Z"), 0.2),  # 20 min alone at 20 %, then ...
        (ts("2026-11-01T10:20:00Z"), ts("2026-11-01T10:40:00Z"), 1.0),  # ... 20 min at 100 %
    ]
    assert derive.weighted_minutes(intervals, start, end) == (50.0, 10 * 0.5 + 20 * 0.2 + 20 * 1.0)


def test_window_budget_honours_impact_and_clips_to_the_window() -> None:
    api = service("api", 99.9)
    by_id = {"api": api}
    edge = derive.derive_incident(
        incident(
            "INC-20261029-01",
            started=ts("2026-10-29T07:50:00Z"),
            mitigated=ts("2026-10-29T08:10:00Z"),
            impact=(("api", 0.5),),
        ),
        by_id,
        AS_OF,
        UTC,
        72,
    )
    late = derive.derive_incident(
        incident(
            "INC-20261120-01",
            started=ts("2026-11-20T10:00:00Z"),
            mitigated=ts("2026-11-20T11:00:00Z"),
            impact=(("api", 0.25),),
        ),
        by_id,
        AS_OF,
        UTC,
        72,
    )
    (b,) = derive.window_budgets([edge, late], [api], AS_OF)
    # 10 of edge's 20 minutes fall inside the window, at 50 %; 60 minutes of `late` at 25 %.
    assert (b.impact_minutes, b.consumed_minutes) == (70.0, 20.0)
    assert b.share == round(20 / 43.2, 6)
    assert b.remaining_minutes == 23.2


def _budget(share: float) -> WindowBudget:
    return WindowBudget(
        service="api",
        slo="Availability",
        objective=99.9,
        window_days=30,
        window_start=AS_OF,
        budget_minutes=43.2,
        impact_minutes=0,
        share=share,
        incidents=(),
        owner="platform-pod",
    )


@pytest.mark.parametrize(
    ("share", "kind"),
    [(0.5, None), (0.74, None), (0.75, "budget-at-risk"), (0.99, "budget-at-risk"), (1.0, "budget-exhausted")],
)
def test_budget_findings_at_the_thresholds(share: float, kind: str | None) -> None:
    found = derive.budget_findings([_budget(share)], 0.75)
    assert [f.kind for f in found] == ([kind] if kind else [])
    for f in found:
        assert (f.subject, f.url, f.owner) == ("api", "services/api.md", "platform-pod")


def test_budget_at_risk_threshold_is_an_option(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {F: GOOD}, budget_at_risk=0.95)  # 38 / 43.2 = 88 %
    assert [f for f in hb.findings if f.kind.startswith("budget-")] == []
    hb = handbook(tmp_path / "b", {F: GOOD})
    (f,) = [f for f in hb.findings if f.kind.startswith("budget-")]
    assert (f.kind, f.subject) == ("budget-at-risk", "api")
    assert "88.0 % of the 30-day error budget used by incidents (12.0 % left)" in f.message


def test_budget_this_window_in_ops_json(tmp_path: Path) -> None:
    text = _with(GOOD, "services: [api]", "services: [api]\nimpact: 50%")
    hb = handbook(tmp_path, {F: text})
    rows = incidents_json(hb.incidents, hb.incident_metrics)["incident_metrics"]["budget_this_window"]
    (row,) = [r for r in rows if r["service"] == "api"]
    assert row["service"] == "api" and row["impact_minutes"] == 38.0 and row["consumed_minutes"] == 19.0
    assert row["share"] == round(19 / 43.2, 6) and row["remaining_minutes"] == 24.2
    assert row["remaining_share"] == round(1 - 19 / 43.2, 6)


# --- robust metrics ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([], 50, None),
        ([None, None], 90, None),
        ([7.0], 90, 7.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([3.0, 185.0, 2.0, 4.0, 5.0], 50, 4.0),  # the outlier does not move the median
        ([10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0], 90, 91.0),
    ],
)
def test_percentile(values: list[float | None], q: float, expected: float | None) -> None:
    assert derive.percentile(values, q) == expected


def test_stats_have_median_and_p90_beside_the_mean() -> None:
    starts = ["2026-11-01T10:00:00Z", "2026-11-02T10:00:00Z", "2026-11-03T10:00:00Z", "2026-11-04T10:00:00Z"]
    ttds = [2, 4, 6, 185]
    log = [
        derive.derive_incident(
            incident(f"INC-2026110{n + 1}-01", started=ts(s), detected=ts(s) + timedelta(minutes=d)),
            {},
            AS_OF,
            UTC,
            72,
        )
        for n, (s, d) in enumerate(zip(starts, ttds, strict=True))
    ]
    s = derive.stats(log)
    assert (s.mean.ttd, s.median.ttd, s.p90.ttd) == (49.25, 5.0, round(6 + 0.7 * 179, 2))
    assert (s.mean.ttr, s.median.ttr, s.p90.ttr) == (None, None, None)
    metrics = incidents_json(tuple(log), derive.metrics(log, [], ["SEV-1"], AS_OF, UTC))
    for group in ("overall",):
        row = metrics["incident_metrics"][group]
        assert (row["mean_ttd_minutes"], row["median_ttd_minutes"], row["p90_ttd_minutes"]) == (49.25, 5.0, 131.3)
    for group in ("by_severity", "by_service"):
        (row,) = metrics["incident_metrics"][group].values()
        assert {f"{m}_{n}_minutes" for m in ("mean", "median", "p90") for n in ("ttd", "tta", "ttm", "ttr")} <= set(row)


# --- vocabularies: detection sources and follow-up statuses ---------------------------------------


@pytest.mark.parametrize("source", ["monitor", "alert", "customer", "support", "on-call", "synthetic", "other"])
def test_common_detection_sources_are_accepted(tmp_path: Path, source: str) -> None:
    hb = handbook(tmp_path, {F: _with(GOOD, "detected_by: monitor", f"detected_by: {source}")})
    assert problems_of(hb, F) == [] and hb.incidents[0].detected_by == source


def test_detection_sources_are_configurable(tmp_path: Path) -> None:
    text = _with(GOOD, "detected_by: monitor", "detected_by: PagerDuty")
    hb = handbook(tmp_path, {F: text}, detected_by=("pagerduty", "customer"))
    assert problems_of(hb, F) == [] and hb.incidents[0].detected_by == "pagerduty"
    (problem,) = problems_of(handbook(tmp_path / "b", {F: text}), F)
    assert problem[0] == 6 and "detected_by 'PagerDuty' is not a known source" in problem[1]


def test_in_progress_follow_ups_are_open_and_can_be_overdue(tmp_path: Path) -> None:
    text = _with(GOOD, "due: 2026-11-20, status: open", "due: 2026-11-20, status: in-progress")
    hb = handbook(tmp_path, {F: text})
    assert problems_of(hb, F) == []
    follow_up = hb.incidents[0].follow_ups[0]
    assert (follow_up.status, follow_up.is_open, follow_up.overdue) == ("in-progress", True, True)
    assert hb.incident_metrics is not None and hb.incident_metrics.follow_ups_open == 1
