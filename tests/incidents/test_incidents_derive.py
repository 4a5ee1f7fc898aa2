"""Unit tests of every derived incident figure, with hand-computed expectations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from opsbook.incidents import derive
from opsbook.incidents.model import FollowUp, Incident
from opsbook.services.derive import make_slo
from opsbook.services.model import Service
from opsbook.timeparse import minutes_between, parse_timestamp

BERLIN = ZoneInfo("Europe/Berlin")
AS_OF = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def ts(text: str, tz: ZoneInfo | timezone = UTC) -> datetime:
    return parse_timestamp(text, tz)


def service(sid: str, *objectives: float, window_days: int = 30) -> Service:
    slos = tuple(
        make_slo(sid, "availability", o, timedelta(days=window_days), None, "ops/slo.yml", 1) for o in objectives
    )
    return Service(id=sid, title=sid, owner=None, description="", dashboards=(), slos=slos, file="ops/slo.yml", line=1)


def incident(iid: str = "INC-20261103-01", **kw: object) -> Incident:
    base: dict[str, object] = {
        "id": iid,
        "title": "t",
        "severity": "SEV-1",
        "services": ("api",),
        "file": "f.md",
    }
    return Incident(**(base | kw))  # type: ignore[arg-type]


# --- minutes: exact across offsets, naive timestamps and DST ---------------------------------


def test_minutes_across_offsets() -> None:
    # 10:12 at +01:00 is 09:12Z: three minutes before 09:15Z.
    assert derive.minutes(ts("2026-11-03T10:12:00+01:00"), ts("2026-11-03T09:15:00Z")) == 3.0


def test_minutes_naive_timestamps_read_in_the_handbook_timezone() -> None:
    started = ts("2026-11-03 10:12", BERLIN)  # naive: Berlin, CET (+01:00)
    assert started.utcoffset() == timedelta(hours=1)
    assert derive.minutes(started, ts("2026-11-03T09:50:00Z")) == 38.0


def test_minutes_across_the_dst_change() -> None:
    # 2026-10-25 03:00 CEST becomes 02:00 CET: 01:30 -> 03:30 wall clock is 3 hours, not 2.
    assert derive.minutes(ts("2026-10-25T01:30:00", BERLIN), ts("2026-10-25T03:30:00", BERLIN)) == 180.0


def test_core_minutes_between_across_the_dst_change() -> None:
    assert minutes_between(ts("2026-10-25T01:30:00", BERLIN), ts("2026-10-25T03:30:00", BERLIN)) == 180.0


def test_minutes_missing_or_out_of_order_is_none() -> None:
    a = ts("2026-11-03T09:00:00Z")
    assert derive.minutes(a, None) is None
    assert derive.minutes(None, a) is None
    assert derive.minutes(a, a - timedelta(minutes=1)) is None
    assert derive.minutes(a, a + timedelta(seconds=30)) == 0.5


# --- status ---------------------------------------------------------------------------------


def test_status() -> None:
    t = ts("2026-11-03T09:00:00Z")
    assert derive.status(None, None) == "ongoing"
    assert derive.status(t, None) == "mitigated"
    assert derive.status(t, t) == "resolved"
    assert derive.status(None, t) == "resolved"


# --- postmortem deadline and the 72 h boundary -------------------------------------------

RESOLVED = ts("2026-11-03T10:40:00Z")


def test_postmortem_deadline_is_72h_after_resolved() -> None:
    assert derive.postmortem_deadline(RESOLVED, 72) == ts("2026-11-06T10:40:00Z")
    assert derive.postmortem_deadline(RESOLVED, 120) == ts("2026-11-08T10:40:00Z")
    assert derive.postmortem_deadline(None, 72) is None


@pytest.mark.parametrize(
    ("published", "state"),
    [
        (ts("2026-11-06T10:40:00Z"), "on-time"),  # exactly 72 h: met
        (ts("2026-11-06T10:41:00Z"), "late"),  # one minute later: missed
        (ts("2026-11-06T11:40:00+01:00"), "on-time"),  # the same instant at another offset
        (date(2026, 11, 6), "on-time"),  # a date on the deadline's day counts as met
        (date(2026, 11, 7), "late"),
        (date(2026, 11, 4), "on-time"),
    ],
)
def test_postmortem_published(published: date | datetime, state: str) -> None:
    deadline = derive.postmortem_deadline(RESOLVED, 72)
    assert derive.postmortem_state(deadline, published, AS_OF, UTC) == state


def test_postmortem_date_uses_the_deadline_day_in_the_handbook_timezone() -> None:
    # Deadline 2026-11-06T23:30Z is already 2026-11-07 00:30 in Berlin: a 7 November date is on time there.
    deadline = ts("2026-11-06T23:30:00Z")
    assert derive.postmortem_state(deadline, date(2026, 11, 7), AS_OF, UTC) == "late"
    assert derive.postmortem_state(deadline, date(2026, 11, 7), AS_OF, BERLIN) == "on-time"


def test_postmortem_unpublished_due_then_overdue_at_the_boundary() -> None:
    deadline = derive.postmortem_deadline(RESOLVED, 72)
    assert deadline is not None
    assert derive.postmortem_state(deadline, None, deadline - timedelta(minutes=1), UTC) == "due"
    assert derive.postmortem_state(deadline, None, deadline, UTC) == "due"
    assert derive.postmortem_state(deadline, None, deadline + timedelta(minutes=1), UTC) == "overdue"
    assert derive.postmortem_state(None, None, AS_OF, UTC) == "pending"


def test_postmortem_on_time_flag() -> None:
    assert incident(postmortem_state="on-time").postmortem_on_time is True
    assert incident(postmortem_state="late").postmortem_on_time is False
    assert incident(postmortem_state="overdue").postmortem_on_time is False
    assert incident(postmortem_state="due").postmortem_on_time is None
    assert incident(postmortem_state="pending").postmortem_on_time is None


# --- follow-ups --------------------------------------------------------------------------

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("fu", "overdue", "days", "on_time"),
    [
        (FollowUp("a", "carol", date(2026, 11, 27)), True, 1, False),  # due yesterday, open
        (FollowUp("a", "carol", date(2026, 11, 28)), False, 0, None),  # due today: not yet overdue
        (FollowUp("a", "carol", date(2026, 12, 5)), False, 0, None),
        (FollowUp("a", "carol", date(2026, 11, 1), "done", closed=date(2026, 11, 1)), False, 0, True),
        (FollowUp("a", "carol", date(2026, 11, 1), "done", closed=date(2026, 11, 2)), False, 0, False),
        (FollowUp("a", "carol", date(2026, 11, 1), "wont-do", closed=date(2026, 10, 20)), False, 0, True),
        (FollowUp("a", "carol", date(2026, 11, 1), "done"), False, 0, None),  # closed date unknown
        (FollowUp("a", None, None), False, 0, None),
    ],
)
def test_follow_up_figures(fu: FollowUp, overdue: bool, days: int, on_time: bool | None) -> None:
    out = derive.follow_up_figures(fu, TODAY)
    assert (out.overdue, out.days_overdue, out.on_time) == (overdue, days, on_time)


def test_overdue_uses_the_as_of_day_in_the_handbook_timezone() -> None:
    # 2026-11-27T23:30Z is already 28 November in Berlin: a follow-up due on the 27th is overdue there.
    as_of = ts("2026-11-27T23:30:00Z")
    inc = incident(follow_ups=(FollowUp("a", "carol", date(2026, 11, 27)),), started=ts("2026-11-01T00:00:00Z"))
    assert not derive.derive_incident(inc, {}, as_of, UTC, 72).follow_ups[0].overdue
    assert derive.derive_incident(inc, {}, as_of, BERLIN, 72).follow_ups[0].overdue


# --- error budget -------------------------------------------------------------------------


def test_budget_impacts_per_availability_slo() -> None:
    services = {"api": service("api", 99.9), "db": service("db", 99.95, 99.99)}
    out = derive.budget_impacts(38.0, ["api", "db", "unknown"], services)
    # 99.9 % over 30 d = 43.2 min; 99.95 % = 21.6 min; 99.99 % = 4.32 min.
    assert [(b.service, b.budget_minutes, round(b.share, 4)) for b in out] == [
        ("api", 43.2, round(38 / 43.2, 4)),
        ("db", 21.6, round(38 / 21.6, 4)),
        ("db", 4.32, round(38 / 4.32, 4)),
    ]
    assert derive.budget_impacts(None, ["api"], services) == ()


def test_derive_incident_figures() -> None:
    inc = incident(
        started=ts("2026-11-03T10:12:00+01:00"),
        detected=ts("2026-11-03T09:15:00Z"),
        acknowledged=ts("2026-11-03T09:17:00Z"),
        mitigated=ts("2026-11-03T09:50:00Z"),
        resolved=ts("2026-11-03T10:40:00Z"),
        postmortem_published=date(2026, 11, 5),
    )
    out = derive.derive_incident(inc, {"api": service("api", 99.9)}, AS_OF, UTC, 72)
    assert (out.ttd_minutes, out.tta_minutes, out.ttm_minutes, out.ttr_minutes) == (3, 2, 38, 88)
    assert out.status == "resolved" and out.postmortem_state == "on-time"
    assert out.postmortem_due == ts("2026-11-06T10:40:00Z")
    assert out.budget[0].share == round(38 / 43.2, 6)


def test_resolved_without_mitigated_counts_resolution_as_mitigation() -> None:
    inc = incident(
        started=ts("2026-11-03T09:00:00Z"),
        detected=ts("2026-11-03T09:05:00Z"),
        resolved=ts("2026-11-03T09:30:00Z"),
    )
    out = derive.derive_incident(inc, {"api": service("api", 99.9)}, AS_OF, UTC, 72)
    assert (out.ttm_minutes, out.ttr_minutes, out.impact_minutes) == (30, 30, 30)


def test_ongoing_incident_consumes_budget_up_to_as_of() -> None:
    inc = incident(started=ts("2026-11-28T07:00:00Z"), detected=ts("2026-11-28T07:10:00Z"))
    out = derive.derive_incident(inc, {"api": service("api", 99.9)}, AS_OF, UTC, 72)
    assert out.status == "ongoing"
    assert out.ttm_minutes is None and out.ttr_minutes is None
    assert out.impact_minutes == 60
    assert out.postmortem_state == "pending" and out.postmortem_due is None
    assert out.budget[0].impact_minutes == 60


# --- budget in the current window ---------------------------------------------------------


def test_merged_minutes_counts_overlaps_once_and_clips_to_the_window() -> None:
    start, end = ts("2026-11-01T00:00:00Z"), ts("2026-11-02T00:00:00Z")
    intervals = [
        (ts("2026-10-31T23:50:00Z"), ts("2026-11-01T00:10:00Z")),  # 10 min inside
        (ts("2026-11-01T10:00:00Z"), ts("2026-11-01T10:30:00Z")),  # 30 min ...
        (ts("2026-11-01T10:20:00Z"), ts("2026-11-01T10:40:00Z")),  # ... overlapping: +10 min
        (ts("2026-11-01T23:55:00Z"), ts("2026-11-02T00:30:00Z")),  # 5 min inside
        (ts("2026-11-03T00:00:00Z"), ts("2026-11-03T01:00:00Z")),  # outside
    ]
    assert derive.merged_minutes(intervals, start, end) == 55.0


def test_window_budgets() -> None:
    api = service("api", 99.9)
    old = derive.derive_incident(
        incident("INC-20261001-01", started=ts("2026-10-01T10:00:00Z"), mitigated=ts("2026-10-01T11:00:00Z")),
        {"api": api},
        AS_OF,
        UTC,
        72,
    )
    edge = derive.derive_incident(
        incident("INC-20261029-01", started=ts("2026-10-29T07:50:00Z"), mitigated=ts("2026-10-29T08:10:00Z")),
        {"api": api},
        AS_OF,
        UTC,
        72,
    )
    now = derive.derive_incident(
        incident("INC-20261128-01", started=ts("2026-11-28T07:30:00Z")), {"api": api}, AS_OF, UTC, 72
    )
    (b,) = derive.window_budgets([old, edge, now], [api], AS_OF)
    # Window 2026-10-29T08:00Z .. AS_OF: 10 min of `edge` and 30 min (so far) of `now`.
    assert b.window_start == ts("2026-10-29T08:00:00Z")
    assert b.impact_minutes == 40.0
    assert b.share == round(40 / 43.2, 6)
    assert b.incidents == ("INC-20261029-01", "INC-20261128-01")
    assert round(b.remaining_share, 6) == round(1 - 40 / 43.2, 6)


# --- aggregates -----------------------------------------------------------------------------


def _log() -> list[Incident]:
    api, web = service("api", 99.9), service("web", 99.9)
    by_id = {"api": api, "web": web}
    raw = [
        incident(
            "INC-20261001-01",
            severity="SEV-1",
            services=("api",),
            started=ts("2026-10-01T10:00:00Z"),
            detected=ts("2026-10-01T10:04:00Z"),
            acknowledged=ts("2026-10-01T10:05:00Z"),
            mitigated=ts("2026-10-01T10:30:00Z"),
            resolved=ts("2026-10-01T11:00:00Z"),
            postmortem_published=date(2026, 10, 2),
            follow_ups=(
                FollowUp("x", "carol", date(2026, 10, 20), "done", closed=date(2026, 10, 19)),
                FollowUp("y", "dana", date(2026, 11, 1)),
            ),
        ),
        incident(
            "INC-20261015-01",
            severity="SEV-2",
            services=("api", "web"),
            started=ts("2026-10-15T10:00:00Z"),
            detected=ts("2026-10-15T10:10:00Z"),
            mitigated=ts("2026-10-15T10:20:00Z"),
            resolved=ts("2026-10-15T12:00:00Z"),
            postmortem_published=date(2026, 10, 30),
            follow_ups=(FollowUp("z", "erin", date(2026, 12, 1)),),
        ),
        incident(
            "INC-20261120-01",
            severity="SEV-2",
            services=("web",),
            started=ts("2026-11-20T10:00:00Z"),
            detected=ts("2026-11-20T10:02:00Z"),
            mitigated=ts("2026-11-20T10:12:00Z"),
            resolved=ts("2026-11-20T11:00:00Z"),
        ),
        incident(
            "INC-20261128-01",
            severity="SEV-3",
            services=("web",),
            started=ts("2026-11-28T07:00:00Z"),
            detected=ts("2026-11-28T07:20:00Z"),
        ),
    ]
    return [derive.derive_incident(i, by_id, AS_OF, UTC, 72) for i in raw]


def test_stats_means_over_incidents_that_have_the_figure() -> None:
    s = derive.stats(_log())
    assert s.count == 4
    assert s.mean.ttd == round((4 + 10 + 2 + 20) / 4, 2)
    assert s.mean.tta == 1.0  # only one incident was acknowledged
    assert s.mean.ttm == round((30 + 20 + 12) / 3, 2)
    assert s.mean.ttr == round((60 + 120 + 60) / 3, 2)


def test_metrics() -> None:
    log = _log()
    m = derive.metrics(log, [service("api", 99.9), service("web", 99.9)], ["SEV-1", "SEV-2", "SEV-3"], AS_OF, UTC)
    assert [(sev, s.count) for sev, s in m.by_severity] == [("SEV-1", 1), ("SEV-2", 2), ("SEV-3", 1)]
    assert dict(m.by_severity)["SEV-2"].mean.ttr == 90.0
    assert [(sid, s.count) for sid, s in m.by_service] == [("api", 2), ("web", 3)]
    assert dict(m.by_service)["api"].mean.ttm == 25.0
    assert m.by_status == (("ongoing", 1), ("mitigated", 0), ("resolved", 3))
    # Postmortems: on time (10-02), late (10-30 > 10-18), overdue (11-23 passed), ongoing pending.
    assert (m.postmortems_on_time, m.postmortems_missed, m.postmortem_on_time_rate) == (1, 2, round(1 / 3, 4))
    # Follow-ups: x on time, y overdue (late), z not yet due.
    assert (m.follow_ups_total, m.follow_ups_open, m.follow_ups_overdue) == (3, 2, 1)
    assert (m.follow_ups_on_time, m.follow_ups_late, m.follow_up_on_time_rate) == (1, 1, 0.5)
    assert [(month, dict(counts)) for month, counts, _ in m.by_month] == [
        ("2026-10", {"SEV-1": 1, "SEV-2": 1, "SEV-3": 0}),
        ("2026-11", {"SEV-1": 0, "SEV-2": 1, "SEV-3": 1}),
    ]
    assert [mttr for _, _, mttr in m.by_month] == [90.0, 60.0]
    assert [i.id for i in m.service_incidents["web"]] == [
        "INC-20261128-01",
        "INC-20261120-01",
        "INC-20261015-01",
    ]
    web = m.budgets_of("web")[0]
    assert web.impact_minutes == 12 + 60 and web.incidents == ("INC-20261120-01", "INC-20261128-01")


def test_metrics_keep_unknown_severities_after_the_scale() -> None:
    log = [incident("INC-20261001-01", severity="P1"), incident("INC-20261002-01", severity="SEV-2")]
    m = derive.metrics(log, [], ["SEV-1", "SEV-2"], AS_OF, UTC)
    assert [sev for sev, _ in m.by_severity] == ["SEV-1", "SEV-2", "P1"]
    assert m.postmortem_on_time_rate is None and m.follow_up_on_time_rate is None


def test_months_fill_quiet_months_across_a_year_end() -> None:
    assert derive._months(["2026-11", "2027-02"]) == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert derive._months([]) == []


def test_newest_first() -> None:
    log = [
        incident("INC-20261001-01", started=ts("2026-10-01T00:00:00Z")),
        incident("INC-20261002-01"),
        incident("INC-20261005-01", started=ts("2026-10-05T00:00:00Z")),
    ]
    assert [i.id for i in derive.newest_first(log)] == [
        "INC-20261005-01",
        "INC-20261001-01",
        "INC-20261002-01",
    ]


# --- findings --------------------------------------------------------------------------------


def test_findings() -> None:
    found = derive.findings(_log(), AS_OF, UTC)
    kinds = sorted((f.kind, f.subject, f.owner) for f in found)
    assert kinds == [
        ("ongoing-incident", "INC-20261128-01", None),
        ("overdue-follow-up", "INC-20261001-01", "dana"),
        ("postmortem-overdue", "INC-20261120-01", None),
    ]
    messages = {f.kind: f.message for f in found}
    assert messages["overdue-follow-up"] == "y: due 2026-11-01, 27 days overdue"
    assert messages["ongoing-incident"] == "SEV-3 on web: ongoing, started 60 min ago"
    assert messages["postmortem-overdue"] == "Postmortem of SEV-2 on web was due 2026-11-23 11:00, 5 days ago"
    assert all(f.url == f"incidents/{f.subject}.md" for f in found)


def test_postmortem_due_finding_names_the_coordinator() -> None:
    inc = incident(
        started=ts("2026-11-27T10:00:00Z"),
        detected=ts("2026-11-27T10:01:00Z"),
        resolved=ts("2026-11-27T12:00:00Z"),
        roles=(("coordinator", "alice"),),
    )
    (f,) = derive.findings([derive.derive_incident(inc, {}, AS_OF, UTC, 72)], AS_OF, UTC)
    assert (f.kind, f.owner) == ("postmortem-due", "alice")
    assert f.message == "Postmortem of SEV-1 on api is due 2026-11-30 12:00, in 2 days"
