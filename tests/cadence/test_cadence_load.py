"""Bad cadence input: every problem names its file and line; one bad ritual leaves the others."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

from opsbook.build import load_handbook
from opsbook.cadence.derive import ritual_findings
from opsbook.settings import Settings

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)


def handbook(tmp_path: Path, cadence: str, team: str | None = None):  # type: ignore[no-untyped-def]
    (tmp_path / "ops").mkdir(exist_ok=True)
    (tmp_path / "ops" / "cadence.yml").write_text(textwrap.dedent(cadence), "utf-8")
    if team is not None:
        (tmp_path / "ops" / "team.yml").write_text(textwrap.dedent(team), "utf-8")
    return load_handbook(Settings(root=tmp_path, as_of=AS_OF))


def test_bad_rituals(tmp_path: Path) -> None:
    hb = handbook(
        tmp_path,
        """\
        timezone: Europe/Atlantis
        rituals:
          - {name: Triage, frequency: weekly, days: [mon], time: "09:30", owner: EM/TPM}
          - {name: No days, frequency: weekly, time: "09:30"}
          - {name: Often, frequency: hourly}
          - {name: Late, frequency: daily, time: "25:00"}
          - {name: Someday, frequency: weekly, days: [funday]}
          - {name: triage, frequency: weekly, days: [tue]}
          - {name: Owned, frequency: weekly, days: [wed], owner: mallory}
          - {name: Both, frequency: monthly, day: 3, days: [mon]}
          - {name: Long, frequency: weekly, days: [fri], duration: forever}
          - {frequency: weekly, days: [fri]}
        """,
        team="people: [{handle: alice, name: Alice}]\n",
    )
    problems = [str(p) for p in hb.problems]
    expected = [
        "ops/cadence.yml:1: timezone: 'Europe/Atlantis' is not an IANA time zone",
        "ops/cadence.yml:4: a weekly ritual needs `days`",
        "ops/cadence.yml:5: rituals.2.frequency: 'hourly' is not allowed; use one of: daily, weekly",
        "ops/cadence.yml:6: rituals.3.time: '25:00' is not allowed; a 24-hour local time",
        "ops/cadence.yml:7: rituals.4.days.0: 'funday' is not allowed; a weekday is written mon",
        "ops/cadence.yml:8: ritual 'triage' has the same name as the ritual on line 3",
        "ops/cadence.yml:9: owner of ritual 'Owned' 'mallory' is not a person, pod or role in ops/team.yml",
        "ops/cadence.yml:10: give either `day` (day of the month) or `days` with `week`, not both",
        "ops/cadence.yml:11: rituals.8.duration: 'forever' is not allowed; a duration is written",
        "ops/cadence.yml:12: rituals.9: 'name' is a required property",
    ]
    assert len(problems) == len(expected), "\n".join(problems)
    for want, got in zip(expected, problems, strict=True):
        assert got.startswith(want), got
    assert hb.cadence is not None
    assert [r.name for r in hb.cadence.rituals] == ["Triage", "Owned"]
    assert hb.cadence.timezone == "UTC"  # the plugin's zone when the file's is unknown


def test_ritual_without_owner_is_a_finding_not_a_problem(tmp_path: Path) -> None:
    hb = handbook(
        tmp_path,
        """\
        rituals:
          - {name: Retro, frequency: monthly, days: [thu], week: last}
          - {name: Triage, frequency: weekly, days: [mon], owner: EM/TPM}
        """,
    )
    assert hb.problems == ()
    assert hb.cadence is not None
    found = ritual_findings(hb.cadence)
    assert [(f.kind, f.subject, f.url) for f in found] == [("ritual-without-owner", "Retro", "cadence.md")]
    assert found[0] in hb.findings  # collected for the Needs-attention page


def test_role_person_and_pod_owners_are_fine(tmp_path: Path) -> None:
    hb = handbook(
        tmp_path,
        """\
        rituals:
          - {name: A, frequency: weekly, days: [mon], owner: EM/TPM}
          - {name: B, frequency: weekly, days: [mon], owner: "@alice"}
          - {name: C, frequency: weekly, days: [mon], owner: web-pod}
          - {name: D, frequency: weekly, days: [mon], owner: qa/release captain}
        """,
        team="people: [{handle: alice, name: Alice, pod: web-pod}]\n",
    )
    assert hb.problems == ()
