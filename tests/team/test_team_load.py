"""Loading ops/team.yml: people, pods, roles, rotations; every bad input is a problem with its line."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

from opsbook.build import load_handbook
from opsbook.problems import ProblemLog
from opsbook.settings import Settings
from opsbook.team.load import DEFAULT_ROLES, load_team
from opsbook.team.model import Team, check_person, check_person_or_role

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)

GOOD = """\
timezone: Europe/Berlin
pods:
  web-pod: {title: Web}
  data-pod: {}
people:
  - {handle: alice, name: Alice, pod: web-pod, roles: [EM/TPM, dri], timezone: Europe/Berlin,
     joined: 2024-02-05}
  - {handle: bob, name: Bob, pod: web-pod, roles: [On-Call]}
  - {handle: erin, name: Erin, pod: data-pod, roles: [On-Call, Incident Coordinator]}
roles:
  - name: Incident Coordinator
    description: Leads major incidents.
  - name: DRI
    description: Our own words for the DRI.
rotations:
  - {name: Primary, start: 2026-11-02, handoff: mon 10:00, members: [bob, erin]}
"""


def load(tmp_path: Path, text: str) -> tuple[Team | None, list[str]]:
    (tmp_path / "ops").mkdir(exist_ok=True)
    (tmp_path / "ops" / "team.yml").write_text(textwrap.dedent(text), "utf-8")
    log = ProblemLog()
    team = load_team(Settings(root=tmp_path, as_of=AS_OF), log)
    return team, [str(p) for p in log.sorted()]


def test_a_good_team_file(tmp_path: Path) -> None:
    team, problems = load(tmp_path, GOOD)
    assert problems == []
    assert team is not None
    assert [p.handle for p in team.people] == ["alice", "bob", "erin"]
    assert team.pods == frozenset({"web-pod", "data-pod"})
    assert [p.name for p in team.pod_details] == ["web-pod", "data-pod"]  # the file's order
    assert team.person_by_handle["alice"].roles == ("EM/TPM", "DRI")  # role names as defined
    # The four built-in roles stay; one is redefined, one is added.
    names = [r.name for r in team.roles]
    assert names == ["DRI", "On-Call", "EM/TPM", "QA/Release Captain", "Incident Coordinator"]
    assert team.role_by_name["dri"].description == "Our own words for the DRI."
    assert team.rotations[0].timezone == "Europe/Berlin"  # the file's zone
    assert team.oncall[0].current is not None and team.oncall[0].current.handle == "erin"  # shift 3


def test_knows_handles_with_at_and_pods_and_roles(tmp_path: Path) -> None:
    team, _ = load(tmp_path, GOOD)
    assert team is not None
    assert team.knows("alice") and team.knows("@alice") and team.knows("web-pod")
    assert not team.knows("mallory") and not team.knows("EM/TPM")
    assert team.knows_role("em/tpm") and team.holders("On-Call") == (team.people[1], team.people[2])
    log = ProblemLog()
    check_person(team, "mallory", "x.md", 3, "owner", log)
    check_person(team, "web-pod", "x.md", 4, "owner", log)
    check_person_or_role(team, "EM/TPM", "x.md", 5, "owner", log)
    check_person_or_role(team, "nobody", "x.md", 6, "owner", log)
    check_person(None, "anyone", "x.md", 7, "owner", log)  # no team file: nothing is checked
    assert [(p.line, p.message.split(" is ")[0]) for p in log.sorted()] == [
        (3, "owner 'mallory'"),
        (6, "owner 'nobody'"),
    ]


def test_no_team_file_means_no_team(tmp_path: Path) -> None:
    assert load_team(Settings(root=tmp_path, as_of=AS_OF), ProblemLog()) is None


def test_default_roles_without_a_roles_key(tmp_path: Path) -> None:
    team, problems = load(tmp_path, "people: [{handle: a, name: A, roles: [QA/Release Captain]}]\n")
    assert problems == [] and team is not None and team.roles == DEFAULT_ROLES


def test_bad_inputs_each_name_file_and_line_and_keep_the_rest(tmp_path: Path) -> None:
    team, problems = load(
        tmp_path,
        """\
        timezone: Mars/Olympus
        pods:
          web-pod: {}
        people:
          - {handle: alice, name: Alice, pod: web-pod, roles: [Wizard]}
          - {handle: alice, name: Alice again}
          - {handle: bob, name: Bob, pod: moon-pod, timezone: Nowhere/Land, joined: 2026-02-30}
          - {name: No Handle}
          - {handle: carol, name: Carol}
        rotations:
          - {name: A, start: 2026-11-02, handoff: someday, members: [alice]}
          - {name: B, start: 2026-11-02, handoff: mon 10:00, members: [alice, mallory, web-pod]}
          - {name: C, start: 2026-13-01, handoff: mon 10:00, members: [alice]}
          - {name: D, start: 2026-11-02, handoff: mon 10:00, members: [carol], cadence: monthly}
          - {name: E, start: 2026-11-02, handoff: mon 10:00, members: [carol]}
          - {name: E, start: 2026-11-02, handoff: mon 10:00, members: [alice]}
        """,
    )
    expected = [
        ("ops/team.yml:1:", "timezone: 'Mars/Olympus' is not an IANA time zone"),
        ("ops/team.yml:5:", "role 'Wizard' is not defined"),
        ("ops/team.yml:6:", "handle 'alice' is used twice"),
        ("ops/team.yml:7:", "joined: '2026-02-30' is not a real date"),
        ("ops/team.yml:7:", "pod 'moon-pod' is not one of the pods"),
        ("ops/team.yml:7:", "timezone: 'Nowhere/Land' is not an IANA time zone"),
        ("ops/team.yml:8:", "'handle' is a required property"),
        ("ops/team.yml:11:", "handoff: 'someday' is not a handoff"),
        ("ops/team.yml:12:", "rotation member 'mallory' is not a person"),
        ("ops/team.yml:12:", "rotation member 'web-pod' is not a person"),
        ("ops/team.yml:13:", "'2026-13-01' is not a real date"),
        ("ops/team.yml:14:", "'monthly' is not allowed; use one of: weekly, biweekly"),
        ("ops/team.yml:16:", "rotation 'E' is defined twice"),
    ]
    assert len(problems) == len(expected), "\n".join(problems)
    for (where, what), problem in zip(expected, sorted(problems, key=_order), strict=True):
        assert problem.startswith(where) and what in problem, problem
    assert team is not None
    assert [p.handle for p in team.people] == ["alice", "bob", "carol"]  # the bad ones do not hide others
    assert [r.name for r in team.rotations] == ["E"]  # a rotation with a bad field is left out


def _order(problem: str) -> tuple[int, str]:
    return int(problem.split(":")[1]), problem


def test_not_a_mapping_and_yaml_errors(tmp_path: Path) -> None:
    team, problems = load(tmp_path, "- just\n- a list\n")
    assert team is None  # one problem, not one more for every name checked against an empty team
    assert problems == ["ops/team.yml:1: the file must be a mapping with `people`, `pods`, `roles` and `rotations`"]
    _, problems = load(tmp_path, "people: [\n")
    assert len(problems) == 1 and "YAML syntax error" in problems[0]


def test_service_owners_are_checked_against_the_team(tmp_path: Path) -> None:
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "team.yml").write_text("people: [{handle: alice, name: A, pod: web-pod}]\n", "utf-8")
    (tmp_path / "ops" / "slo.yml").write_text(
        textwrap.dedent("""\
        services:
          web: {owner: web-pod}
          api: {owner: alice}
          jobs: {owner: platform-pod}
        """),
        "utf-8",
    )
    hb = load_handbook(Settings(root=tmp_path, as_of=AS_OF))
    assert [str(p) for p in hb.problems] == [
        "ops/slo.yml:4: owner of service 'jobs' 'platform-pod' is not a person or pod in ops/team.yml; "
        "use a handle or pod defined there"
    ]
