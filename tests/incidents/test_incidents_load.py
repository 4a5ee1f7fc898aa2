"""Loading incidents, and one bad-input test for every problem the incident loader reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from incidents_helpers import GOOD, handbook, problems_of

from conftest import CORPUS
from opsbook.settings import Severity

F = "ops/incidents/INC-20261103-01.md"
OTHER = "ops/incidents/INC-20261104-01.md"


def _with(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def test_good_incident_loads(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {F: GOOD})
    assert hb.problems == ()
    (i,) = hb.incidents
    assert (i.id, i.title, i.severity, i.services, i.detected_by) == (
        "INC-20261103-01",
        "Checkout API returned 5xx",
        "SEV-1",
        ("api",),
        "monitor",
    )
    assert i.role == {"coordinator": "alice", "comms": "bob", "tech_lead": "carol"}
    assert [f.owner for f in i.follow_ups] == ["carol", "frank"]
    assert i.body.startswith("## Impact summary")
    assert (i.file, i.page, i.line) == (F, "incidents/INC-20261103-01.md", 2)  # the first key


def test_id_from_the_file_stem_and_title_from_the_h1(tmp_path: Path) -> None:
    text = _with(_with(GOOD, "id: INC-20261103-01\n", ""), "title: Checkout API returned 5xx\n", "")
    text = _with(text, "## Impact summary", "# Checkout broke\n\n## Impact summary")
    hb = handbook(tmp_path, {F: text})
    assert hb.problems == ()
    assert (hb.incidents[0].id, hb.incidents[0].title) == ("INC-20261103-01", "Checkout broke")
    assert hb.incidents[0].body.startswith("## Impact summary")


def test_naive_timestamps_are_read_in_the_timezone(tmp_path: Path) -> None:
    text = _with(GOOD, "started: 2026-11-03T09:12:00Z", "started: 2026-11-03T10:12:00")
    hb = handbook(tmp_path, {F: text}, tz="Europe/Berlin")
    assert hb.problems == ()
    assert hb.incidents[0].ttd_minutes == 3 and hb.incidents[0].ttr_minutes == 88


# --- problems: each names file, line and what is allowed; the other incident stays ----------


def _bad(tmp_path: Path, text: str, **kw: object) -> list[tuple[int | None, str]]:
    other = _with(GOOD, "INC-20261103-01", "INC-20261104-01")
    hb = handbook(tmp_path, {F: text, OTHER: other}, **kw)  # type: ignore[arg-type]
    assert "INC-20261104-01" in [i.id for i in hb.incidents], "a bad incident dropped another one"
    assert problems_of(hb, OTHER) == []
    return problems_of(hb, F)


def test_unknown_severity(tmp_path: Path) -> None:
    got = _bad(tmp_path, _with(GOOD, "severity: SEV-1", "severity: SEV-0"))
    assert got == [
        (
            4,
            "severity 'SEV-0' is not on the severity scale; use one of: SEV-1, SEV-2, SEV-3 "
            "(plugin option `severities` sets the scale)",
        )
    ]


def test_severity_matches_case_insensitively(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {F: _with(GOOD, "severity: SEV-1", "severity: sev-1")})
    assert hb.problems == () and hb.incidents[0].severity == "SEV-1"


def test_configured_pagerduty_scale(tmp_path: Path) -> None:
    scale = tuple(Severity(f"SEV-{n}", "") for n in range(1, 6))
    hb = handbook(tmp_path, {F: _with(GOOD, "severity: SEV-1", "severity: SEV-5")}, severities=scale)
    assert hb.problems == () and hb.incidents[0].severity == "SEV-5"
    got = _bad(tmp_path / "b", _with(GOOD, "severity: SEV-1", "severity: SEV-6"), severities=scale)
    assert got and "use one of: SEV-1, SEV-2, SEV-3, SEV-4, SEV-5" in got[0][1]


def test_unknown_service(tmp_path: Path) -> None:
    text = _with(GOOD, "services: [api]", "services:\n  - api\n  - checkout")
    got = _bad(tmp_path, text)
    assert got == [(7, "service 'checkout' is not a service of ops/slo.yml; use one of: api, jobs, web")]


def test_services_are_not_checked_without_any_services_source(tmp_path: Path) -> None:
    # No ops/slo.yml and no ops/slo/: a missing source is absent, not an error.
    hb = handbook(tmp_path, {F: GOOD}, with_slo=False)
    assert problems_of(hb, F) == []
    assert hb.incidents[0].services == ("api",)


def test_unknown_service_with_an_empty_services_file(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {F: GOOD, "ops/slo.yml": "services: {}\n"}, with_slo=False)
    assert problems_of(hb, F) == [
        (
            5,
            "service 'api' is not a service of ops/slo.yml; use one of: none yet (define services in ops/slo.yml)",
        )
    ]
    assert len(hb.incidents) == 1


TEAM = """\
pods: {platform-pod: {title: Platform}}
people:
  - {handle: alice, name: Alice}
  - {handle: bob, name: Bob}
  - {handle: carol, name: Carol}
"""


def test_unknown_people_when_a_team_file_exists(tmp_path: Path) -> None:
    text = _with(GOOD, "owner: frank", "owner: platform-pod")  # a pod counts as an owner
    text = _with(text, "tech_lead: carol", "tech_lead: mallory")
    text = _with(text, "owner: carol", "owner: zed")
    hb = handbook(tmp_path, {F: text, "ops/team.yml": TEAM})
    got = problems_of(hb, F)
    assert got == [
        (
            12,
            "role tech_lead: 'mallory' is not a person or pod in ops/team.yml; use a handle or pod defined there",
        ),
        (
            15,
            "owner of follow-up 1 ('Alert on pool saturation'): 'zed' is not a person or pod in "
            "ops/team.yml; "
            "use a handle or pod defined there",
        ),
    ]


def test_people_are_not_checked_without_a_team_file(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {F: _with(GOOD, "tech_lead: carol", "tech_lead: mallory")})
    assert problems_of(hb, F) == []


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            "detected: 2026-11-03T09:15:00Z",
            "detected: 2026-11-03T09:00:00Z",
            8,
            "detected (2026-11-03T09:00:00Z) is before started (2026-11-03T09:12:00Z)",
        ),
        (
            "acknowledged: 2026-11-03T09:17:00Z",
            "acknowledged: 2026-11-03T09:14:00Z",
            9,
            "acknowledged (2026-11-03T09:14:00Z) is before detected (2026-11-03T09:15:00Z)",
        ),
        (
            "resolved: 2026-11-03T10:40:00Z",
            "resolved: 2026-11-03T09:40:00Z",
            11,
            "resolved (2026-11-03T09:40:00Z) is before mitigated (2026-11-03T09:50:00Z)",
        ),
        (
            "mitigated: 2026-11-03T09:50:00Z",
            "mitigated: 2026-11-03T10:12:00+02:00",
            10,  # 08:12Z
            "mitigated (2026-11-03T10:12:00+02:00) is before started (2026-11-03T09:12:00Z)",
        ),
    ],
)
def test_timestamps_out_of_order(tmp_path: Path, old: str, new: str, line: int, message: str) -> None:
    got = _bad(tmp_path, _with(GOOD, old, new))
    assert got == [
        (
            line,
            message + "; timestamps go forward: started ≤ detected ≤ acknowledged, and started ≤ mitigated ≤ resolved",
        )
    ]


def test_resolved_before_started_without_mitigated(tmp_path: Path) -> None:
    text = _with(
        _with(GOOD, "mitigated: 2026-11-03T09:50:00Z\n", ""),
        "resolved: 2026-11-03T10:40:00Z",
        "resolved: 2026-11-03T09:10:00Z",
    )
    got = _bad(tmp_path, text)
    assert [m.split(";")[0] for _, m in got] == [
        "resolved (2026-11-03T09:10:00Z) is before detected (2026-11-03T09:15:00Z)",
        "resolved (2026-11-03T09:10:00Z) is before started (2026-11-03T09:12:00Z)",
    ]


@pytest.mark.parametrize("value", ["yesterday at noon", "2026-11-31T10:00:00Z", "2026-11-03"])
def test_unparseable_timestamps(tmp_path: Path, value: str) -> None:
    got = _bad(tmp_path, _with(GOOD, "detected: 2026-11-03T09:15:00Z", f"detected: {value}"))
    assert len(got) == 1 and got[0][0] == 8
    assert got[0][1].startswith("detected: ") and "ISO 8601, e.g. 2026-11-04T09:12:00Z" in got[0][1]


def test_unparseable_dates(tmp_path: Path) -> None:
    text = _with(GOOD, "due: 2026-11-20", "due: 2026-02-30")
    text = _with(text, "postmortem: {published: 2026-11-05}", "postmortem: {published: next week}")
    got = _bad(tmp_path, text)
    assert [line for line, _ in got] == [13, 15]
    assert got[0][1].startswith("postmortem.published: 'next week' is not a timestamp")
    assert got[1][1].startswith("due of follow-up 1 ('Alert on pool saturation'): '2026-02-30' is not a real date")


def test_postmortem_published_before_the_incident(tmp_path: Path) -> None:
    got = _bad(tmp_path, _with(GOOD, "published: 2026-11-05", "published: 2026-11-01"))
    assert got == [
        (
            13,
            "postmortem.published 2026-11-01 is before the incident started (2026-11-03); "
            "a postmortem is published after the incident",
        )
    ]


def test_duplicate_ids(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {F: GOOD, "ops/incidents/zz-copy.md": GOOD})
    assert [i.file for i in hb.incidents] == [F]  # the first file by path keeps the id
    assert problems_of(hb, "ops/incidents/zz-copy.md") == [
        (
            2,
            f"duplicate incident id INC-20261103-01: {F} has it already, so this file is not published; "
            "give this incident its own id, e.g. INC-20261103-02",
        )
    ]


def test_follow_ups_without_owner_or_due_date(tmp_path: Path) -> None:
    text = _with(
        GOOD,
        "{action: Alert on pool saturation, owner: carol, due: 2026-11-20, status: open}",
        "{action: Alert on pool saturation, status: open}",
    )
    text = _with(text, "owner: frank, due: 2026-11-13, ", "due: 2026-11-13, owner: frank, ")
    text = _with(text, "due: 2026-11-13, owner: frank, ", "owner: frank, ")
    got = _bad(tmp_path, text)
    assert got == [
        (15, "follow-up 1 ('Alert on pool saturation') has no due date; add `due: YYYY-MM-DD`"),
        (
            15,
            "follow-up 1 ('Alert on pool saturation') has no owner; add `owner:` with a person's handle or a pod",
        ),
        (16, "follow-up 2 ('Move analytics to the replica') has no due date; add `due: YYYY-MM-DD`"),
    ]
    (i,) = [i for i in handbook(tmp_path / "again", {F: text}).incidents]
    assert [(f.owner, f.due) for f in i.follow_ups][:1] == [(None, None)]  # kept, shown, not overdue


def test_schema_problems_name_the_line_and_the_allowed_values(tmp_path: Path) -> None:
    text = _with(GOOD, "detected_by: monitor", "detected_by: pager")
    text = _with(text, "resolved: 2026-11-03T10:40:00Z", "resolved: 2026-11-03T10:40:00Z\nmitigaed: soon")
    text = _with(text, "status: open}", "status: later}")
    got = _bad(tmp_path, text)
    assert (
        6,
        "detected_by 'pager' is not a known source; use one of: monitor, alert, customer, support, on-call, "
        "synthetic, other (plugin option `detected_by` sets the list)",
    ) in got
    assert any(line == 12 and "'mitigaed'" in m and "allowed keys: acknowledged, detected" in m for line, m in got)
    assert (16, "follow_ups.0.status: 'later' is not allowed; use one of: open, in-progress, done, wont-do") in got


def test_missing_required_fields(tmp_path: Path) -> None:
    text = "---\nid: INC-20261103-01\ntitle: Something broke\n---\nBody\n"
    got = _bad(tmp_path, text)
    assert sorted(m for _, m in got) == sorted(
        f"'{k}' is a required property" for k in ("severity", "services", "started", "detected")
    )


def test_bad_and_impossible_ids(tmp_path: Path) -> None:
    got = _bad(tmp_path, _with(GOOD, "id: INC-20261103-01", "id: INC-2026-11-03"))
    assert got == [
        (
            2,
            "id: 'INC-2026-11-03' is not allowed; an incident id is INC-YYYYMMDD-NN, e.g. "
            "INC-20261104-01; omit it when the file is named after the id",
        )
    ]
    got = _bad(tmp_path / "b", _with(GOOD, "id: INC-20261103-01", "id: INC-20261340-01"))
    assert got == [
        (
            2,
            "id INC-20261340-01 does not match the file name INC-20261103-01; rename the file or fix the id "
            "so both say the same",
        ),
        (
            2,
            "id INC-20261340-01 has no real date in it; "
            "an incident id is INC-YYYYMMDD-NN, e.g. INC-20261104-01 "
            "(the day it started)",
        ),
    ]


def test_no_id_at_all(tmp_path: Path) -> None:
    name = "ops/incidents/checkout-outage.md"
    hb = handbook(tmp_path, {name: _with(GOOD, "id: INC-20261103-01\n", "")})
    assert problems_of(hb, name) == [
        (
            2,
            "no incident id: add `id:` to the front matter or name the file after "
            "the id (an incident id is INC-YYYYMMDD-NN, e.g. INC-20261104-01, "
            "file INC-20261104-01.md)",
        )
    ]
    assert hb.incidents == ()


def test_yaml_syntax_error_is_one_problem(tmp_path: Path) -> None:
    got = _bad(tmp_path, _with(GOOD, "services: [api]", "services: [api"))
    assert len(got) == 1 and got[0][1].startswith("YAML syntax error")


def test_no_front_matter(tmp_path: Path) -> None:
    got = _bad(tmp_path, "# Checkout broke\n\n## Summary\n\nIt broke.\n")
    assert got == [
        (
            1,
            "no front matter: an incident file starts with a `---` block giving at least id, title, "
            "severity, services, started and detected (see the incident template)",
        )
    ]


def test_readme_and_templates_are_not_incidents(tmp_path: Path) -> None:
    hb = handbook(
        tmp_path,
        {
            F: GOOD,
            "ops/incidents/README.md": "# Incidents\n",
            "ops/incidents/_template.md": "---\ntitle: x\n---\n",
        },
    )
    assert hb.problems == () and len(hb.incidents) == 1


# --- real postmortems written without our front matter -------------------------------------

PM_DIR = CORPUS / "postmortems"


@pytest.mark.skipif(not PM_DIR.is_dir(), reason="shared corpus not present")
def test_corpus_postmortems_yield_clear_problems_and_no_crash(tmp_path: Path) -> None:
    dest = tmp_path / "ops" / "incidents"
    files = []
    for folder in sorted(p for p in PM_DIR.iterdir() if p.is_dir()):
        shutil.copytree(folder, dest / folder.name)
        files += [
            f"ops/incidents/{folder.name}/{p.name}"
            for p in folder.iterdir()
            if p.suffix == ".md" and p.name.lower() != "readme.md"
        ]
    hb = handbook(tmp_path, {F: GOOD})
    assert [i.id for i in hb.incidents] == ["INC-20261103-01"]  # the real incident survives
    by_file = {p.file for p in hb.problems}
    assert len(files) >= 45
    for name in files:
        assert name in by_file, f"{name}: no problem reported"
    no_front = [p for p in hb.problems if p.message.startswith("no front matter")]
    assert {p.file for p in no_front} == set(files)  # none of them has front matter
    assert all(p.line == 1 for p in no_front)
    # The file without a .md extension is not read at all.
    assert not any("PM2022-009" in p.file for p in hb.problems)


@pytest.mark.skipif(not PM_DIR.is_dir(), reason="shared corpus not present")
def test_corpus_postmortem_with_partial_front_matter(tmp_path: Path) -> None:
    real = (PM_DIR / "dfds" / "PM2021-006 - All services returning 503 in Kubernetes.md").read_text("utf-8")
    partial = "---\ntitle: All services returning 503\nseverity: SEV-2\nservices: [kubernetes]\n---\n" + real
    name = "ops/incidents/INC-20210630-01.md"
    hb = handbook(tmp_path, {name: partial})
    got = problems_of(hb, name)
    assert sorted(m for _, m in got) == sorted(
        [
            "'detected' is a required property",
            "'started' is a required property",
            "service 'kubernetes' is not a service of ops/slo.yml; use one of: api, jobs, web",
        ]
    )
    (i,) = hb.incidents  # shown with what it has, so the reader sees the problem in context
    assert i.title == "All services returning 503" and i.body.startswith("## Summary")
    assert i.status == "ongoing" and i.impact_minutes is None
