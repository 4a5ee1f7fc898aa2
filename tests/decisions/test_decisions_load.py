"""Loading native and foreign decision records: ids, relations both ways, every problem class."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import load_decision_log
from opsbook.decisions.load import load_decisions
from opsbook.problems import ProblemLog
from opsbook.settings import Settings
from opsbook.team.load import load_team

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")


def native(title: str = "T", status: str = "accepted", day: str = "2026-01-05", extra: str = "") -> str:
    return f"---\ntitle: {title}\nstatus: {status}\ndate: {day}\n{extra}---\n## Context\n\nWhy.\n"


def load(root: Path, folders: tuple[str, ...] = ("ops/decisions",), team: bool = False):  # type: ignore[no-untyped-def]
    settings = Settings(root=root, as_of=AS_OF, decisions=folders)
    log = ProblemLog()
    members = load_team(settings, log) if team else None
    decisions, _ = load_decision_log(settings, log, members)
    return {d.id: d for d in decisions}, log


def messages(log: ProblemLog) -> list[str]:
    return [f"{p.file}:{p.line}: {p.message}" for p in log.sorted()]


def test_native_record(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "ops/decisions/2026-0003-adopt-openslo.md": native(
                "Adopt OpenSLO",
                "Accepted",
                extra="owner: dana\ndeciders: [dana, erin]\ntags: [slo]\nrevisit: 2027-03-01\n",
            )
        },
    )
    records, log = load(tmp_path)
    assert not log.items
    d = records["2026-0003"]
    assert (d.title, d.status, d.source_format, d.owner, d.deciders, d.tags) == (
        "Adopt OpenSLO",
        "accepted",
        "opsbook",
        "dana",
        ("dana", "erin"),
        ("slo",),
    )
    assert (str(d.date), str(d.revisit), d.page, d.file) == (
        "2026-01-05",
        "2027-03-01",
        "decisions/2026-0003.md",
        "ops/decisions/2026-0003-adopt-openslo.md",
    )
    assert d.body.startswith("## Context")


def test_supersedes_both_ways_and_several_successors(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "ops/decisions/2025-0001-a.md": native("A", "superseded"),
            "ops/decisions/2025-0002-b.md": native("B", extra="supersedes: [2025-0001]\n"),
            "ops/decisions/2026-0001-c.md": native("C", extra="supersedes: 2025-0001\namends: [2025-0002]\n"),
        },
    )
    records, log = load(tmp_path)
    assert not log.items
    assert records["2025-0001"].superseded_by == ("2025-0002", "2026-0001")
    assert records["2025-0002"].supersedes == ("2025-0001",)
    assert records["2025-0002"].amended_by == ("2026-0001",)
    assert records["2026-0001"].amends == ("2025-0002",)
    assert records["2025-0001"].retired and not records["2026-0001"].retired


def test_duplicate_ids_keep_both_records(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "ops/decisions/2026-0003-adopt-openslo.md": native("A"),
            "ops/decisions/2026-0003-rate-limits.md": native("B"),
            "ops/decisions/2026-0004-other.md": native("C"),
        },
    )
    records, log = load(tmp_path)
    assert messages(log) == [
        "ops/decisions/2026-0003-rate-limits.md:None: duplicate decision id 2026-0003: "
        "ops/decisions/2026-0003-adopt-openslo.md has it too (two branches picked the same number), "
        "so this record is shown as 2026-0003-rate-limits; renumber this file, e.g. to 2026-0005"
    ]
    assert records["2026-0003"].title == "A" and records["2026-0003-rate-limits"].title == "B"


def test_dangling_supersedes_names_the_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "ops/decisions/2026-0001-a.md": native(extra="supersedes:\n  - 2025-0001\n  - 2025-0009\n"),
            "ops/decisions/2025-0001-old.md": native("Old"),
        },
    )
    records, log = load(tmp_path)
    assert messages(log) == [
        "ops/decisions/2026-0001-a.md:7: supersedes: '2025-0009' is not the id of any decision "
        "record; native ids are YYYY-NNNN from the file name (2025-0004-topic.md -> 2025-0004)"
    ]
    assert records["2025-0001"].superseded_by == ("2026-0001",)


def test_self_supersession(tmp_path: Path) -> None:
    write(tmp_path, {"ops/decisions/2026-0001-a.md": native(extra="supersedes: [2026-0001]\n")})
    _, log = load(tmp_path)
    assert "the record names itself" in messages(log)[0]


def test_unknown_native_status_is_a_problem_and_the_record_stays(tmp_path: Path) -> None:
    write(tmp_path, {"ops/decisions/2026-0001-a.md": native(status="Approved")})
    records, log = load(tmp_path)
    assert messages(log) == [
        "ops/decisions/2026-0001-a.md:3: unknown status 'Approved' (did you mean accepted?); "
        "use one of: proposed, accepted, rejected, deprecated, superseded"
    ]
    assert records["2026-0001"].status is None and records["2026-0001"].status_raw == "Approved"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("title: T\nstatus: accepted\ndate: 2026-02-30\n", "4: date: '2026-02-30' is not a real date"),
        ("title: T\nstatus: accepted\ndate: 5 March\n", "4: date: '5 March' is not allowed"),
        ("title: T\nstatus: accepted\n", "2: 'date' is a required property"),
        (
            "title: T\nstatus: accepted\ndate: 2026-03-01\nrevisit: 2026-01-01\n",
            "5: revisit 2026-01-01 is before the decision's date 2026-03-01",
        ),
        ("title: T\nstatus: accepted\ndate: 2026-03-01\nrevist: 2027-01-01\n", "5: unknown key 'revist'"),
        (
            "title: T\nstatus: [accepted]\ndate: 2026-03-01\n",
            "3: status: ['accepted'] is not of type 'string'",
        ),
    ],
)
def test_native_schema_and_date_problems(tmp_path: Path, front: str, expected: str) -> None:
    write(tmp_path, {"ops/decisions/2026-0001-a.md": f"---\n{front}---\nBody\n"})
    records, log = load(tmp_path)
    assert len(log.items) == 1 and expected in messages(log)[0], messages(log)
    assert "2026-0001" in records  # one bad field never drops the record


def test_yaml_syntax_error(tmp_path: Path) -> None:
    write(tmp_path, {"ops/decisions/2026-0001-a.md": "---\ntitle: [unclosed\nstatus: accepted\n---\nBody\n"})
    _, log = load(tmp_path)
    assert any("YAML syntax error" in m for m in messages(log))


def test_unreadable_file_is_a_problem_and_others_load(tmp_path: Path) -> None:
    write(tmp_path, {"ops/decisions/2026-0002-b.md": native("B")})
    (tmp_path / "ops/decisions/2026-0001-a.md").write_bytes(b"---\ntitle: \xff\n---\n")
    records, log = load(tmp_path)
    assert messages(log) == ["ops/decisions/2026-0001-a.md:2: invalid UTF-8 byte 0xff; sources must be UTF-8 text"]
    assert list(records) == ["2026-0002"]


def test_people_are_checked_against_the_team_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "ops/team.yml": "people:\n  - {handle: dana, name: Dana Weiss}\n",
            "ops/decisions/2026-0001-a.md": native(extra="owner: dan\ndeciders: [dana, eve]\n"),
        },
    )
    _, log = load(tmp_path, team=True)
    text = "\n".join(messages(log))
    assert "2026-0001-a.md:5: owner 'dan' is not a person" in text
    assert "2026-0001-a.md:6: decider 'eve' is not a person" in text
    assert "'dana'" not in text


def test_no_team_file_means_no_people_check(tmp_path: Path) -> None:
    write(tmp_path, {"ops/decisions/2026-0001-a.md": native(extra="owner: anybody\n")})
    _, log = load(tmp_path)
    assert not log.items


# --- foreign records ----------------------------------------------------------------------------


def test_formats_are_detected_per_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "docs/adr/0001-nygard.md": "# 1. Nygard\n\nDate: 2017-06-30\n\n## Status\n\nAccepted\n",
            "docs/adr/20200924-l4b.md": "# L4b\n\n- Status: proposed\n- Date: 2020-09-24\n",
            "docs/adr/0003-madr.md": "---\nstatus: rejected\ndate: 2024-01-02\n---\n# MADR\n",
            "docs/adr/notes.md": "# Just notes\n\nNo metadata.\n",
            "docs/adr/2026-0001-native.md": native("Native"),
        },
    )
    records, log = load(tmp_path, ("docs/adr",))
    assert not log.items
    formats = {k: (v.source_format, v.status) for k, v in records.items()}
    assert formats == {
        "0001-nygard": ("nygard", "accepted"),
        "20200924-l4b": ("log4brains", "proposed"),
        "0003-madr": ("madr", "rejected"),
        "notes": ("markdown", None),
        "2026-0001": ("opsbook", "accepted"),
    }
    # Inside docs/ a record's page takes its source's place.
    assert records["0001-nygard"].page == "adr/0001-nygard.md" and records["0001-nygard"].replaces_source


def test_foreign_impossible_date_is_a_problem_not_a_guess(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "adr/0001-x.md": "# 1. X\n\nDate: 2017-02-30\n\n## Status\n\nAccepted\n",
            "adr/0002-y.md": "# 2. Y\n\nDate: 03/04/2017\n\n## Status\n\nAccepted\n",
        },
    )
    records, log = load(tmp_path, ("adr",))
    assert messages(log) == [
        "adr/0001-x.md:3: date: '2017-02-30' is not a real date (day is out of range for month); "
        "a date is written YYYY-MM-DD, e.g. 2026-11-04",
        "adr/0002-y.md:3: date: '03/04/2017' is ambiguous (day/month or month/day?); "
        "a date is written YYYY-MM-DD, e.g. 2026-11-04",
    ]
    assert records["0001-x"].date is None and records["0001-x"].status == "accepted"


def test_foreign_relations_resolve_by_link_number_and_spelling(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "adr/0001-old.md": "# 1. Old\n\nDate: 2017-01-01\n\n## Status\n\nSuperceded by [2. New](./0002-new.md)\n",
            "adr/0002-new.md": "# 2. New\n\nDate: 2017-02-01\n\n## Status\n\nAccepted; supersedes ADR-0003\n",
            "adr/0003-older.md": "# 3. Older\n\nDate: 2016-01-01\n\n## Status\n\nAccepted\n\n"
            "Amended by [4](0004-amend)\n",
            "adr/0004-amend.md": "# 4. Amend\n\nDate: 2016-02-01\n\n## Status\n\nAccepted\n",
        },
    )
    records, log = load(tmp_path, ("adr",))
    assert not log.items
    assert records["0002-new"].supersedes == ("0003-older", "0001-old")  # by date
    assert records["0001-old"].superseded_by == ("0002-new",)
    assert records["0003-older"].superseded_by == ("0002-new",)
    assert records["0004-amend"].amends == ("0003-older",)


def test_foreign_relation_to_nowhere_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, {"adr/0001-old.md": "# 1. Old\n\n## Status\n\nSuperseded by [x](0009-missing.md)\n"})
    _, log = load(tmp_path, ("adr",))
    assert messages(log) == [
        "adr/0001-old.md:5: superseded by '0009-missing.md': no decision record found there; "
        "link the record's file, e.g. [12. Title](0012-title.md)"
    ]


def test_kept_status_is_a_finding_not_a_problem(tmp_path: Path) -> None:
    write(tmp_path, {"adr/0006-puppet.md": "# 6. Puppet\n\nDate: 2017-07-04\n\n## Status\n\nOn ice (see #12)\n"})
    records, log = load(tmp_path, ("adr",))
    assert not log.items
    d = records["0006-puppet"]
    assert (d.status, d.status_raw, d.status_kind, d.status_qualifier) == (
        "on ice",
        "On ice (see #12)",
        "kept",
        "see #12",
    )
    assert [(f.kind, f.subject) for f in d.findings] == [("decision-status-unknown", "0006-puppet")]


def test_revisit_due_is_a_finding_unless_retired(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "ops/decisions/2025-0001-a.md": native("A", extra="revisit: 2026-10-15\nowner: dana\n"),
            "ops/decisions/2025-0002-b.md": native("B", "deprecated", extra="revisit: 2026-10-15\n"),
            "ops/decisions/2025-0003-c.md": native("C", extra="revisit: 2026-11-28\n"),
        },
    )
    records, _ = load(tmp_path)
    [finding] = records["2025-0001"].findings
    assert (finding.kind, finding.url, finding.owner) == (
        "decision-revisit-due",
        "decisions/2025-0001.md",
        "dana",
    )
    assert "passed 44 days ago" in finding.message
    assert not records["2025-0002"].findings and not records["2025-0003"].findings  # due today: not past


def test_skipped_files_have_reasons(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "adr/README.md": "# Decisions\n",
            "adr/index.md": "# Index\n",
            "adr/adr-template.md": '---\nstatus: "{proposed | accepted\n---\n# {title}\n',
            "adr/0000-use-madr.md": "# {short title of solved problem}\n\n## Context and Problem Statement\n",
            "adr/adr-014-project-templates.md": "# ADR: Project Templates\n\n## Status\n\nProposed\n",
            "adr/2022-11-09-api/README.md": "Consists of [Renaming](renaming.md).\n",
            "adr/2022-11-09-api/renaming.md": "# Decision\n\nRename.\n",
        },
    )
    settings = Settings(root=tmp_path, as_of=AS_OF, decisions=("adr",))
    log = ProblemLog()
    found = load_decisions(settings, log)
    assert not log.items  # the template's broken YAML is never parsed
    assert {s.file: s.reason for s in found.skipped} == {
        "adr/README.md": "the index page (README.md) of its folder, not a decision",
        "adr/index.md": "the index page (index.md) of its folder, not a decision",
        "adr/adr-template.md": "a template for new records, not a decision",
        "adr/0000-use-madr.md": "a template: its title '# {short title of solved problem}' is a placeholder".replace(
            "'# ", "'"
        ),
        "adr/2022-11-09-api/renaming.md": "an annex of decision 2022-11-09-api, shown on its page",
    }
    records = found.by_id()
    assert set(records) == {"adr-014-project-templates", "2022-11-09-api"}
    api = records["2022-11-09-api"]
    assert (str(api.date), api.date_source, api.title) == ("2022-11-09", "folder name", "Api")
    [annex] = api.annexes
    assert annex.anchor == "annex-renaming" and annex.body.startswith("Rename")
    assert "(decisions/2022-11-09-api.md#annex-renaming)" in api.body.replace("](", "](decisions/")


def test_ids_are_unique_across_folders_and_subfolders(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a/0001-use-adrs.md": "# 1. Use ADRs\n\n## Status\n\nAccepted\n",
            "b/0001-use-adrs.md": "# 1. Use ADRs\n\n## Status\n\nProposed\n",
            "b/pkg/adr/0001-use-adrs.md": "# 1. Use ADRs in pkg\n\n## Status\n\nProposed\n",
        },
    )
    records, log = load(tmp_path, ("a", "b"))
    assert not log.items
    assert set(records) == {"a/0001-use-adrs", "b/0001-use-adrs", "b/pkg/adr/0001-use-adrs"}
    assert len({r.page for r in records.values()}) == 3


def test_body_links_are_retargeted_or_kept_as_text(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "adr/0001-a.md": "# 1. A\n\n## Status\n\nAccepted\n\nSee [B](0002-b.md), [C](0003-C.md), "
            "![diagram](img/d.png), [gone](missing.md) and [web](https://example.com).\n",
            "adr/0002-b.md": "# 2. B\n\n## Status\n\nAccepted\n",
            "adr/0003-c.md": "# 3. C\n\n## Status\n\nAccepted\n",
            "adr/img/d.png": "png",
        },
    )
    records, _ = load(tmp_path, ("adr",))
    body = records["0001-a"].body
    assert "[B](0002-b.md)" in body and "[C](0003-c.md)" in body  # pages live side by side
    assert "![diagram](_files/adr/img/d.png)" in body and records["0001-a"].attachments == (
        ("decisions/_files/adr/img/d.png", str((tmp_path / "adr/img/d.png").resolve())),
    )
    assert " gone " in body and "[web](https://example.com)" in body
    assert any("missing.md" in n for n in records["0001-a"].notes)


# --- real decision logs: qualifiers, templates and index pages under other names ----------------


def _nygard(number: int, title: str, status: str) -> str:
    return f"# {number}. {title}\n\nDate: 2024-01-0{number}\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n"


REAL_LOG = {
    "adr/0000-new-decision.md": "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nThe issue.\n",
    "adr/decision-log.md": (
        "# Architecture decisions\n\n| # | Decision | Status |\n|---|---|---|\n"
        "| 1 | [Use gRPC](0001-use-grpc.md) | Accepted |\n| 2 | [Use REST](0002-use-rest.md) | Rejected |\n"
        "| 3 | [Queue](0003-queue.md) | Accepted |\n"
    ),
    "adr/0001-use-grpc.md": _nygard(1, "Use gRPC", "Accepted ([PR #2897](https://github.com/o/r/pull/2897))"),
    "adr/0002-use-rest.md": _nygard(2, "Use REST", "Rejected in favour of [ADR 1](0001-use-grpc.md)"),
    "adr/0003-queue.md": _nygard(3, "Queue", "Shipped (v2.1)"),
}


def test_real_logs_read_with_qualifiers_and_without_templates_or_indexes(tmp_path: Path) -> None:
    write(tmp_path, REAL_LOG)
    log = ProblemLog()
    found = load_decisions(Settings(root=tmp_path, as_of=AS_OF, decisions=("adr",)), log)
    assert not log.items
    reasons = {s.file: s.reason for s in found.skipped}
    assert reasons["adr/0000-new-decision.md"].startswith("a template: its title, status or date are placeholders")
    assert reasons["adr/decision-log.md"] == "an index of 3 records of its folder, not a decision"
    records = found.by_id()
    assert set(records) == {"0001-use-grpc", "0002-use-rest", "0003-queue"}
    grpc, rest = records["0001-use-grpc"], records["0002-use-rest"]
    assert (grpc.status, grpc.status_qualifier) == ("accepted", "PR #2897")
    assert (rest.status, rest.status_qualifier, rest.in_favour_of) == (
        "rejected",
        "in favour of ADR 1",
        ("0001-use-grpc",),
    )
    assert records["0003-queue"].status == "shipped"  # not on the map: kept, a finding


def test_the_option_extends_the_status_map(tmp_path: Path) -> None:
    write(tmp_path, REAL_LOG)
    settings = Settings(root=tmp_path, as_of=AS_OF, decisions=("adr",), decision_statuses=(("shipped", "accepted"),))
    queue = load_decisions(settings, ProblemLog()).by_id()["0003-queue"]
    assert (queue.status, queue.status_kind, queue.status_qualifier) == ("accepted", "mapped", "v2.1")


def test_status_qualifier_is_shown_beside_the_badge(tmp_path: Path) -> None:
    from opsbook.build import load_handbook, render_pages

    write(tmp_path, REAL_LOG)
    hb = load_handbook(Settings(root=tmp_path, as_of=AS_OF, decisions=("adr",)))
    pages = {p.path: p.body for p in render_pages(hb)[0]}
    (grpc,) = [b for path, b in pages.items() if path.endswith("0001-use-grpc.md")]
    assert 'opsbook-badge--good">accepted</span> PR &#35;2897\n' in grpc  # plain text: # is inert
    (rest,) = [b for path, b in pages.items() if path.endswith("0002-use-rest.md")]
    assert "In favour of\n:   [Use gRPC](" in rest


def test_status_map_and_budget_options_are_checked(tmp_path: Path) -> None:
    from opsbook.config import settings_from_options
    from opsbook.settings import OptionError

    s = settings_from_options(
        tmp_path, {"decision_statuses": {"On Ice": "Proposed"}, "budget_at_risk": 0.5}, environ={}
    )
    assert (s.decision_statuses, s.budget_at_risk) == ((("on ice", "proposed"),), 0.5)
    with pytest.raises(OptionError, match="map a phrase to one of proposed, accepted"):
        settings_from_options(tmp_path, {"decision_statuses": {"shipped": "done"}}, environ={})
    with pytest.raises(OptionError, match="budget_at_risk"):
        settings_from_options(tmp_path, {"budget_at_risk": 75}, environ={})
