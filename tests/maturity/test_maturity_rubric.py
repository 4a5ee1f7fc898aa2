"""The level rule, exemptions and attestations, and `ops/maturity.yml` with its problems."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import maturity_factories as f
import pytest

from opsbook.checks import FAIL, NOT_ASSESSED, PASS
from opsbook.maturity.derive import evaluate, judge, level_of, maturity_findings
from opsbook.maturity.load import load_rubric
from opsbook.maturity.model import EXEMPT, Attestation, Criterion, CriterionResult, Exemption
from opsbook.maturity.rubric import BUILT_IN, LEVELS
from opsbook.problems import ProblemLog


def results(*outcomes: tuple[int, str]) -> list[CriterionResult]:
    return [
        CriterionResult(Criterion(f"c{i}", level, "t", "service", "owner"), out, "")
        for i, (level, out) in enumerate(outcomes)
    ]


@pytest.mark.parametrize(
    ("outcomes", "level"),
    [
        ((), 5),  # no criteria at all: every level is met
        (((2, PASS), (3, PASS), (4, PASS), (5, PASS)), 5),
        (((2, FAIL), (3, PASS)), 1),
        (((2, PASS), (3, FAIL), (4, PASS), (5, PASS)), 2),  # a higher level never skips a missed one
        (((2, PASS), (3, EXEMPT), (4, FAIL)), 3),  # exempt counts as met
        (((2, PASS), (3, NOT_ASSESSED)), 2),  # not assessed does not
        (((2, PASS), (3, PASS), (5, FAIL)), 4),  # level 4 without criteria is met once 2..3 are
    ],
)
def test_level_rule(outcomes: tuple[tuple[int, str], ...], level: int) -> None:
    assert level_of(results(*outcomes)) == level


CRIT = Criterion("latency-slo", 3, "Has a latency SLO", "service", "latency-slo")
EXEMPTION = Exemption("latency-slo", "api", "measured by freshness", date(2026, 12, 31), "ops/maturity.yml", 3)


def test_an_active_exemption_turns_a_failure_into_exempt() -> None:
    hb = f.handbook(services=(f.service(slis=("availability",)),))
    r = judge(hb, CRIT, hb.services[0], EXEMPTION, None, f.TODAY)
    assert r.outcome == EXEMPT and r.exemption == EXEMPTION and "2026-12-31" in r.detail


def test_an_expired_exemption_counts_no_more() -> None:
    hb = f.handbook(services=(f.service(slis=("availability",)),))
    r = judge(hb, CRIT, hb.services[0], EXEMPTION, None, date(2027, 1, 1))
    assert r.outcome == FAIL and "exemption expired 2026-12-31" in r.detail
    # The last day of an exemption still counts.
    assert judge(hb, CRIT, hb.services[0], EXEMPTION, None, date(2026, 12, 31)).outcome == EXEMPT


def test_a_passing_criterion_ignores_its_exemption() -> None:
    hb = f.handbook()
    r = judge(hb, CRIT, hb.services[0], EXEMPTION, None, f.TODAY)
    assert r.outcome == PASS and r.exemption is None


def test_attestations() -> None:
    hb = f.handbook()
    crit = Criterion("ecosystem", 5, "Shared", "service", None, attestation=True)
    att = Attestation(
        "ecosystem",
        "api",
        "dana",
        date(2026, 10, 1),
        "https://status.example",
        "status page",
        date(2026, 12, 1),
        "ops/maturity.yml",
        9,
    )
    ok = judge(hb, crit, hb.services[0], None, att, f.TODAY)
    assert ok.outcome == PASS and ok.evidence[0].url == "https://status.example"
    assert ok.evidence[0].label == "attested by dana on 2026-10-01"
    assert judge(hb, crit, hb.services[0], None, att, date(2026, 12, 2)).outcome == NOT_ASSESSED
    assert judge(hb, crit, hb.services[0], None, None, f.TODAY).outcome == NOT_ASSESSED


def test_the_built_in_rubric_has_the_spec_minimum() -> None:
    by_id = {c.id: c for c in BUILT_IN}
    assert [lv.name for lv in LEVELS] == ["Heroic", "Process-driven", "Measurement-based", "Predictive", "Ecosystem"]
    for cid in ("owner", "runbook"):
        assert by_id[cid].level == 2
    for cid in ("availability-slo", "latency-slo", "postmortems-on-time", "follow-ups-on-time"):
        assert by_id[cid].level == 3
    assert all(c.attestation for c in BUILT_IN if c.level == 5)


def test_a_full_service_reaches_level_4_and_says_what_level_5_needs() -> None:
    hb = f.handbook(
        runbooks=(f.runbook(),), incidents=(f.incident(),), decisions=(f.decision(tags=("capacity", "api")),)
    )
    m = evaluate(hb, load_rubric(hb, ProblemLog()))
    card = m.by_service["api"]
    assert card.level == 4
    assert [r.criterion.id for r in card.missing] == ["ecosystem"]


def test_a_service_without_runbook_stays_at_level_1() -> None:
    hb = f.handbook(incidents=(f.incident(),))
    card = evaluate(hb, load_rubric(hb, ProblemLog())).by_service["api"]
    assert card.level == 1 and [r.criterion.id for r in card.missing] == ["runbook"]


def rubric_from(tmp_path: Path, text: str, **kinds: object) -> tuple[object, list[str]]:
    (tmp_path / "ops").mkdir(exist_ok=True)
    (tmp_path / "ops" / "maturity.yml").write_text(textwrap.dedent(text), "utf-8")
    hb = f.handbook(tmp_path, **kinds)
    log = ProblemLog()
    rubric = load_rubric(hb, log)
    return rubric, [str(p) for p in log.sorted()]


def test_maturity_file_changes_adds_removes_and_exempts(tmp_path: Path) -> None:
    rubric, problems = rubric_from(
        tmp_path,
        """\
        remove: [capacity-decision]
        criteria:
          - {id: dashboard, level: 2}
          - {id: load-tested, level: 4, title: Load-tested, attestation: true, services: [api]}
          - {id: slo-for-all, level: 3, title: Every service has a latency SLO, check: latency-slo,
             scope: organisation}
        exemptions:
          - {service: api, criterion: latency-slo, reason: later, until: 2027-01-31}
          - {criterion: roadmap-dri, reason: new roadmap format, until: 2026-11-01}
        attestations:
          - {service: api, criterion: load-tested, by: alice, date: 2026-10-01, evidence: https://x.example}
        """,
    )
    assert problems == []
    by_id = {c.id: c for c in rubric.criteria}
    assert "capacity-decision" not in by_id
    assert by_id["dashboard"].level == 2 and by_id["dashboard"].check == "dashboard"
    assert by_id["load-tested"].attestation and by_id["load-tested"].services == ("api",)
    assert by_id["slo-for-all"].scope == "organisation"
    assert len(rubric.exemptions) == 2 and len(rubric.attestations) == 1


def test_expired_exemption_is_a_finding(tmp_path: Path) -> None:
    rubric, problems = rubric_from(
        tmp_path,
        """\
        exemptions:
          - {service: api, criterion: latency-slo, reason: later, until: 2026-11-27}
          - {service: api, criterion: dashboard, reason: rebuilding, until: 2026-11-28}
        """,
    )
    assert problems == []
    hb = f.handbook(tmp_path)
    m = evaluate(hb, rubric)  # type: ignore[arg-type]
    found = maturity_findings(m)
    assert [(x.kind, x.subject, x.url) for x in found] == [("expired-exemption", "api", "maturity/api.md")]
    assert "expired on 2026-11-27" in found[0].message


def test_replace_drops_every_built_in(tmp_path: Path) -> None:
    rubric, problems = rubric_from(
        tmp_path,
        """\
        replace: true
        criteria:
          - {id: owned, level: 2, title: Owned, check: owner}
        """,
    )
    assert problems == [] and [c.id for c in rubric.criteria] == ["owned"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("criteria:\n  - {id: x, level: 3, title: X, check: nope}\n", "2: check 'nope' is not a known check"),
        ("criteria:\n  - {id: x, level: 3}\n", "2: new criterion 'x' needs `title`, a `check` or `attestation: true`"),
        ("criteria:\n  - {id: x, level: 3, title: X, check: owner, attestation: true}\n", "has both `check` and"),
        ("criteria:\n  - {id: x, level: 7, title: X, check: owner}\n", "2: criteria.0.level: 7 is greater than"),
        (
            "criteria:\n  - {id: x, level: 3, title: X, check: roadmap-dri, scope: service}\n",
            "is about the organisation, so the criterion cannot be judged per service",
        ),
        (
            "criteria:\n  - {id: x, level: 3, title: X, check: owner, services: [nope]}\n",
            "service 'nope' is not a service of ops/slo.yml",
        ),
        ("remove: [nope]\n", "1: remove: 'nope' is not a built-in criterion"),
        (
            "exemptions:\n  - {service: api, criterion: nope, reason: r, until: 2027-01-01}\n",
            "exemption: criterion 'nope' is not in the rubric",
        ),
        (
            "exemptions:\n  - {service: nope, criterion: owner, reason: r, until: 2027-01-01}\n",
            "exemption: service 'nope' is not a service",
        ),
        (
            "exemptions:\n  - {criterion: owner, reason: r, until: 2027-01-01}\n",
            "2: exemption: criterion 'owner' is judged per service; add `service:`",
        ),
        (
            "exemptions:\n  - {service: api, criterion: roadmap-dri, reason: r, until: 2027-01-01}\n",
            "criterion 'roadmap-dri' is about the organisation; remove `service`",
        ),
        (
            "exemptions:\n  - {service: api, criterion: owner, reason: r, until: 2027-02-30}\n",
            "2: exemption: until: '2027-02-30' is not a real date",
        ),
        (
            "exemptions:\n  - {service: api, criterion: owner, reason: r, until: 2027-01-01}\n"
            "  - {service: api, criterion: owner, reason: s, until: 2027-02-01}\n",
            "3: exemption: api is already exempt from 'owner' (line 2)",
        ),
        ("exemptions:\n  - {service: api, criterion: owner, until: 2027-01-01}\n", "'reason' is a required property"),
        (
            "attestations:\n  - {service: api, criterion: owner, by: alice, date: 2026-01-01, evidence: x}\n",
            "attestation: criterion 'owner' is decided by the check 'owner', not by attestation",
        ),
        (
            "attestations:\n  - {service: api, criterion: ecosystem, by: zed, date: 2026-01-01, evidence: x}\n",
            "attestation by 'zed' is not a person or pod in ops/team.yml",
        ),
        ("criteria: [\n", "YAML syntax error"),
        ("- just a list\n", "1: the maturity file is a mapping"),
    ],
)
def test_bad_maturity_file(tmp_path: Path, text: str, message: str) -> None:
    _, problems = rubric_from(tmp_path, text, team=f.team())
    assert any(message in p for p in problems), problems
    assert all(p.startswith("ops/maturity.yml") for p in problems)


def test_a_bad_entry_leaves_the_others(tmp_path: Path) -> None:
    rubric, problems = rubric_from(
        tmp_path,
        """\
        exemptions:
          - {service: nope, criterion: owner, reason: r, until: 2027-01-01}
          - {service: api, criterion: latency-slo, reason: r, until: 2027-01-01}
        """,
    )
    assert len(problems) == 1 and [e.criterion for e in rubric.exemptions] == ["latency-slo"]  # type: ignore
