"""Hostile numbers, dates, durations and YAML: each is a problem at its file and line, never a traceback,
and the lenient build still publishes every valid item (issue 10, deliverable 3).

One handbook holds a hostile value of every class next to valid items; it goes through `opsbook check`
(the CLI entry function) and through a real in-process MkDocs build. Settings that cannot be used
(options, SOURCE_DATE_EPOCH) are configuration errors: exit status 2 or a PluginError, with the message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import MINIMAL_MKDOCS, mkdocs_build
from opsbook.cli import main

RANGE = "is out of range; dates and timestamps lie between 1970-01-01 and 2200-12-31"
NAN = "is not allowed: NaN and infinities are not numbers opsbook can use; write a finite number"

SLO = """\
window: 30d
services:
  api:
    title: Public API
    slos:
      - {sli: availability, objective: 99.9}
      - {sli: availability, objective: 99.5, window: 99999999999d}
      - {sli: latency, objective: 99, threshold: 99999999999d}
      - {sli: availability, objective: 99, window: 0.0001ms}
      - {sli: availability, objective: .nan}
      - {sli: availability, objective: -.inf}
      - {sli: availability, objective: 99.99999}
  web:
    title: Web App
    slos:
      - {sli: availability, objective: 99.5}
  web:
    title: Second web
    slos: []
"""

OPENSLO = """\
apiVersion: openslo/v1
kind: SLO
metadata: {name: checkout-availability}
spec:
  service: api
  indicator:
    metadata: {name: checkout-ok}
    spec:
      ratioMetric:
        counter: true
        good: {metricSource: {type: Prometheus, spec: {query: good}}}
        total: {metricSource: {type: Prometheus, spec: {query: total}}}
  timeWindow:
    - {duration: 99999999999d, isRolling: true}
  budgetingMethod: Occurrences
  objectives:
    - {target: 0.99}
"""

PYRRA = """\
apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata: {name: web}
spec:
  target: "99"
  window: 99999999999d
  indicator: {ratio: {errors: {metric: a}, total: {metric: b}}}
"""


def _incident(iid: str, **times: str) -> str:
    fields = {
        "started": f"{iid[4:8]}-{iid[8:10]}-{iid[10:12]}T09:00:00Z",
        "detected": f"{iid[4:8]}-{iid[8:10]}-{iid[10:12]}T09:05:00Z",
    } | times
    lines = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\ntitle: Incident {iid}\nseverity: SEV-2\nseverity: SEV-1\nservices: [api]\n{lines}---\nBody.\n"


TEAM = """\
people:
  - {handle: alice, name: Alice}
rotations:
  - {name: Primary, cadence: weekly, start: 2026-11-02, handoff: mon 10:00, members: [alice]}
  - {name: Far future, cadence: weekly, start: 9999-12-31, handoff: mon 10:00, members: [alice]}
"""

CADENCE = """\
rituals:
  - {name: Standup, frequency: daily, time: "10:00", duration: 15m}
  - {name: Forever, frequency: weekly, days: [mon], time: "11:00", duration: 99999999999d}
"""

# One 100 KB anchored string referenced 1,000 times: 1,001 nodes, 100 MB once expanded.
BIG = "x" * 100_000
BOMB = "title: Bomb\nitems:\n  - &a " + BIG + "\n" + "".join("  - *a\n" for _ in range(1000))

FILES = {
    "ops/slo.yml": SLO,
    "ops/slo/checkout.yaml": OPENSLO,
    "ops/slo/web.yaml": PYRRA,
    "ops/incidents/INC-20261104-01.md": _incident("INC-20261104-01", resolved="2026-11-04T10:00:00Z"),
    "ops/incidents/INC-20261105-01.md": _incident("INC-20261105-01", started="0001-01-01T00:00:00Z"),
    "ops/incidents/INC-20261106-01.md": _incident("INC-20261106-01", resolved="9999-12-31T23:59:59-05:00"),
    # Europe/Berlin skips 02:00-03:00 that night: 02:30 does not exist (not "before started").
    "ops/incidents/INC-20260329-01.md": _incident(
        "INC-20260329-01", started="2026-03-29T01:50:00", detected="2026-03-29T02:30:00"
    ),
    "ops/team.yml": TEAM,
    "ops/cadence.yml": CADENCE,
    "ops/checklists/bomb.yml": BOMB,
    "ops/checklists/fine.yml": "title: Fine\nitems: [Check the pager]\n",
}

MKDOCS = MINIMAL_MKDOCS.replace("  - opsbook\n", "  - opsbook:\n      timezone: Europe/Berlin\n")

EXPECTED = [
    f"ops/incidents/INC-20260329-01.md:4: duplicate key 'severity': line 3 has it already; {'the first value'}",
    "ops/incidents/INC-20260329-01.md:7: detected: '2026-03-29T02:30:00' does not exist in Europe/Berlin: "
    "that night the clocks jump forward from 02:00 to 03:00",
    f"ops/incidents/INC-20261105-01.md:6: started: '0001-01-01T00:00:00Z' {RANGE}",
    f"ops/incidents/INC-20261106-01.md:8: resolved: '9999-12-31T23:59:59-05:00' {RANGE}",
    "ops/slo.yml:7: window: '99999999999d' is out of range; an SLO window is between 1d and 400d",
    "ops/slo.yml:8: threshold: '99999999999d' is out of range; an SLO threshold is between 1ms and 30d",
    "ops/slo.yml:9: window: '0.0001ms' is out of range; an SLO window is between 1d and 400d",
    f"ops/slo.yml:10: '.nan' {NAN}",
    f"ops/slo.yml:11: '-.inf' {NAN}",
    "ops/slo.yml:12: services.api.slos.6.objective: 99.99999 is greater than the maximum of 99.9999 (a percent "
    "above 0 and at most 99.9999 (six nines",
    "ops/slo.yml:17: duplicate key 'web': line 13 has it already; the first value is kept",
    "ops/slo/checkout.yaml:14: spec.timeWindow: window '99999999999d' is out of range; an SLO window is between "
    "1d and 400d",
    "ops/slo/web.yaml:6: spec.window: window '99999999999d' is out of range; an SLO window is between 1d and 400d",
    f"ops/team.yml:5: start: '9999-12-31' {RANGE}",
    "ops/cadence.yml:3: duration: '99999999999d' is out of range; a ritual's duration is between 1m and 7d",
]


def _strict_json(text: str) -> object:
    """json.loads that refuses NaN and Infinity, as JavaScript's JSON.parse does."""

    def refuse(name: str) -> object:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _assert_expected(lines: list[str]) -> None:
    for expected in EXPECTED:
        assert any(line.startswith(expected) for line in lines), f"missing: {expected}\n" + "\n".join(lines)
    # The bomb is refused at the alias that goes over the budget (its line in the file), nothing more.
    bomb = [line for line in lines if line.startswith("ops/checklists/bomb.yml:")]
    assert len(bomb) == 1 and "aliases expand this document by more than" in bomb[0], bomb
    alias_line = int(bomb[0].split(":")[1])
    assert BOMB.splitlines()[alias_line - 1] == "  - *a"
    # The misleading message of the old reading of a DST-gap time is gone.
    assert not any("INC-20260329-01" in line and "before started" in line for line in lines)


def test_opsbook_check_reports_every_hostile_value_at_its_line(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(FILES, MKDOCS)
    monkeypatch.chdir(root)
    code = main(["check"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    _assert_expected(_lines(out))


def test_check_as_json_is_strict_json(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(FILES, MKDOCS)
    monkeypatch.chdir(root)
    assert main(["check", "--format", "json"]) == 1
    report = _strict_json(capsys.readouterr().out)
    assert isinstance(report, dict) and report["problems"]


@pytest.mark.warnings_expected
def test_lenient_build_publishes_the_valid_items_and_strict_json(make_site: Callable[..., Path]) -> None:
    root = make_site(FILES, MKDOCS)
    site = mkdocs_build(root, strict=False)
    ops = _strict_json((site / "ops.json").read_text("utf-8"))
    assert isinstance(ops, dict)
    _assert_expected([f"{p['file']}:{p['line']}: {p['message']}" for p in ops["problems"]])
    # Valid items survive next to the hostile ones, with the first of two duplicate keys.
    services = {s["id"]: s for s in ops["services"]}
    assert [slo["objective"] for slo in services["api"]["slos"]] == [99.9]
    assert services["web"]["title"] == "Web App" and [s["objective"] for s in services["web"]["slos"]] == [99.5]
    assert "INC-20261104-01" in {i["id"] for i in ops["incidents"]}
    assert (site / "incidents" / "INC-20261104-01" / "index.html").is_file()
    incident = next(i for i in ops["incidents"] if i["id"] == "INC-20261104-01")
    assert incident["severity"] == "SEV-2"  # the first `severity:` wins, the second is the problem
    assert [r["rotation"] for r in ops["oncall"]] == ["Primary"]
    assert [r["name"] for r in ops["rituals"]] == ["Standup"]
    assert [c["id"] for c in ops["checklists"]] == ["fine"]
    # No amplification: the whole site is a few MB, not the 100 MB the aliases would expand to.
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert size < 20_000_000


def _build_refused(root: Path, caplog: pytest.LogCaptureFixture) -> str:
    """The error MkDocs logs when the plugin refuses its configuration (PluginError -> Abort)."""
    with pytest.raises(Abort):
        mkdocs_build(root, strict=False)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")


@pytest.mark.warnings_expected
@pytest.mark.parametrize("epoch", ["253402300799", "-1", "yesterday", "4294967296"])
def test_unusable_source_date_epoch_is_a_clear_error(
    epoch: str,
    make_site: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_site({"ops/slo.yml": "services:\n  api:\n    slos:\n      - {sli: availability, objective: 99.9}\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert main(["check", str(root)]) == 2
    err = capsys.readouterr().err
    assert f"SOURCE_DATE_EPOCH={epoch!r} is not allowed; use whole seconds since 1970-01-01T00:00:00Z" in err
    assert "up to 4294967295 (2106-02-07T06:28:15Z)" in err
    assert f"opsbook: SOURCE_DATE_EPOCH={epoch!r} is not allowed" in _build_refused(root, caplog)


@pytest.mark.warnings_expected
def test_the_last_usable_as_of_builds_with_dates_at_the_end_of_the_range(
    make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(FILES | {"ops/incidents/INC-22001231-01.md": _incident("INC-22001231-01")}, MKDOCS)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4294967295")
    site = mkdocs_build(root, strict=False)
    ops = _strict_json((site / "ops.json").read_text("utf-8"))
    assert isinstance(ops, dict) and ops["as_of"] == "2106-02-07T06:28:15Z"
    assert "INC-22001231-01" in {i["id"] for i in ops["incidents"]}


@pytest.mark.warnings_expected
@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("postmortem_deadline: 99999999999d", "postmortem_deadline: '99999999999d' is out of range; "),
        ("runbook_stale_days: 99999999999", "option runbook_stale_days: 99999999999 is out of range; use 1 to 3650"),
    ],
)
def test_options_out_of_range_are_a_configuration_error(
    option: str,
    message: str,
    make_site: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    mkdocs_yml = MINIMAL_MKDOCS.replace("  - opsbook\n", f"  - opsbook:\n      {option}\n")
    root = make_site({}, mkdocs_yml)
    assert main(["check", str(root)]) == 2
    assert message in capsys.readouterr().err
    assert message in _build_refused(root, caplog)
