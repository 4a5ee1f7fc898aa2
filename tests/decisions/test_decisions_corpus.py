"""The real-world ADR corpus (../shared/corpus/adr, see its SOURCES.md): every file yields a record
or a skip with a reason, never a crash; statuses, dates and supersedes links match what the files
say (a hand-checked sample per folder, and counts for the rest)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from corpus_table import folder_rows, format_table

from conftest import CORPUS, load_decision_log
from opsbook.decisions.load import load_decisions
from opsbook.decisions.model import Decision, DecisionSet
from opsbook.problems import ProblemLog
from opsbook.settings import Settings

ADR = CORPUS / "adr"
pytestmark = pytest.mark.skipif(not ADR.is_dir(), reason="corpus not present")


def load_folder(name: str) -> tuple[DecisionSet, dict[str, Decision], ProblemLog]:
    log = ProblemLog()
    found = load_decisions(Settings(root=ADR, decisions=(name,)), log)
    return found, found.by_id(), log


def test_corpus_table() -> None:
    rows = {r.folder: r for r in folder_rows(ADR)}
    expected = {  # folder: (files, records, problems, skipped)
        "adr-madr": (21, 19, 0, 2),
        "adr-madr-templates": (6, 1, 0, 5),
        "alphagov-govuk-aws": (38, 38, 0, 0),
        "arachne-framework": (17, 17, 0, 0),
        "eclipse-edc-connector": (109, 106, 0, 3),
        "log4brains": (15, 12, 0, 3),
        "log4brains-test-fixtures": (22, 20, 0, 2),
    }
    assert {k: (r.files, r.records, r.problems, r.skipped) for k, r in rows.items()} == expected
    for row in rows.values():  # every file is accounted for
        assert row.files == row.records + row.skipped
    assert "| **total** | 228 | 213 |" in format_table(list(rows.values()))


def test_adr_madr() -> None:
    found, records, log = load_folder("adr-madr")
    assert not log.items
    assert {s.file.rsplit("/", 1)[1] for s in found.skipped} == {"adr-template.md", "index.md"}
    assert all(r.source_format == "madr" for r in records.values())
    hold = records["0003-provide-own-madr-tools"]
    assert (hold.title, hold.status, hold.status_kind, hold.number) == (
        "Write Own MADR Tooling",
        "proposed",
        "mapped",
        3,
    )
    quoted = records["0018-use-confirmation-as-heading"]
    assert (quoted.title, quoted.status, quoted.date) == ('Use "Confirmation" as Heading', None, None)
    assert "the record states no status" in quoted.notes and "the record has no date" in quoted.notes
    assert sum(1 for r in records.values() if r.status is None) == 18
    # Images that were not copied into the corpus keep their alt text and are noted.
    assert any("0008-example-badge.png" in n for n in records["0008-add-status-field"].notes)


def test_adr_madr_templates() -> None:
    found, records, log = load_folder("adr-madr-templates")
    assert not log.items  # the canonical template's broken YAML (unclosed quote) is never parsed
    assert list(records) == ["0000-use-markdown-architectural-decision-records"]
    assert records["0000-use-markdown-architectural-decision-records"].source_format == "madr"
    reasons = {s.file.rsplit("/", 1)[1]: s.reason for s in found.skipped}
    assert reasons["README.md"].startswith("the index page")
    assert all(
        reasons[f"{t}.md"] == "a template for new records, not a decision"
        for t in ("adr-template", "adr-template-bare", "adr-template-minimal", "adr-template-bare-minimal")
    )


def test_alphagov_govuk_aws() -> None:
    _, records, log = load_folder("alphagov-govuk-aws")
    assert not log.items
    statuses = [r.status for r in records.values()]
    # 28 "Accepted", 0038's "Approved" and 0003's "Partly superseded" (still in force in part).
    assert statuses.count("accepted") == 30
    assert statuses.count("proposed") == 7  # 6 "Pending" and one "Proposed"
    d = records["0001-record-architecture-decisions"]
    assert (d.title, d.number, d.date, d.status) == (
        "Record architecture decisions",
        1,
        date(2017, 6, 30),
        "accepted",
    )
    dns = records["0004-dns-definitions-for-hosts-and-services"]
    assert (dns.status, dns.superseded_by) == ("superseded", ("0015-dns-infrastructure",))
    assert records["0015-dns-infrastructure"].supersedes == ("0004-dns-definitions-for-hosts-and-services",)
    partly = records["0003-aws-networking-outline"]
    assert (partly.status, partly.status_raw, partly.status_kind) == ("accepted", "Partly superseded", "mapped")
    assert records["0010-terraform-directory-structure"].amended_by == ("0017-terraform-data-structure",)
    assert records["0017-terraform-data-structure"].amends == ("0010-terraform-directory-structure",)
    approved = records["0038-mongo_replacement_by_documentdb"]
    assert (approved.status, approved.status_raw, approved.status_kind) == ("accepted", "Approved", "mapped")
    assert records["0036-performance-platform-and-backdrop-architecture"].status == "proposed"
    # Title numbers that disagree with the file: stripped, noted, never an id clash.
    ip = records["0033-ip-ranges"]
    assert (ip.title, ip.number, ip.date) == ("Networking Outline", 33, date(2018, 9, 26))
    assert "the title says number 3 but the file is numbered 33" in ip.notes
    assert records["0031-security-group-naming"].title == records["0012-security-groups-in-terraform"].title
    assert "0034" not in " ".join(records)
    # Dates as written, not in file order.
    assert records["0026-remove-load-balancer-tier"].date == date(2017, 8, 16)
    assert records["0025-use-elasticache-for-redis"].date == date(2017, 9, 4)
    # Whitespace-only lines between "## Status" and its value.
    assert records["0002-hosting-platforms"].status == "accepted"


def test_arachne_framework() -> None:
    _, records, log = load_folder("arachne-framework")
    assert not log.items
    assert len(records) == 17 and all(r.date is None and r.source_format == "nygard" for r in records.values())
    assert records["adr-001-use-adrs"].status == "accepted"
    assert records["adr-001-use-adrs"].title == "Use ADRs"
    assert [r.status_raw for r in records.values()].count("PROPOSED") == 12
    assert sum(r.status == "proposed" for r in records.values()) == 16
    # "adr-014-project-templates" is a decision about templates, not a template.
    assert records["adr-014-project-templates"].title == "Project Templates"
    # Links without .md and in the wrong case still reach the record's page.
    assert "(adr-006-core-runtime.md)" in records["adr-007-configuration-updates"].body
    assert "(adr-004-module-loading.md)" in records["adr-008-abstract-modules"].body


def test_eclipse_edc_connector() -> None:
    found, records, log = load_folder("eclipse-edc-connector")
    assert not log.items
    assert all(r.source_format == "markdown" and r.status is None for r in records.values())
    assert all(r.date_source == "folder name" for r in records.values())
    d = records["2022-02-03-integration-testing"]
    assert (d.title, d.date, d.file.endswith("2022-02-03-integration-testing/README.md")) == (
        "Integration testing",
        date(2022, 2, 3),
        True,
    )
    assert records["2023-03-02_entity_store_refactoring"].date == date(2023, 3, 2)
    # Three READMEs without an H1 take their title from the folder name.
    assert records["2023-12-19-token-handling-refactor"].title == "Token handling refactor"
    assert records["2023-02-22-contract-definition-validation"].title == "Contract Definition Validation"
    api = records["2022-11-09-api-refactoring"]
    assert [a.file.rsplit("/", 1)[1] for a in api.annexes] == ["documentation.md", "renaming.md"]
    assert "(2022-11-09-api-refactoring.md#annex-renaming)" in api.body
    assert [s.file.rsplit("/", 1)[1] for s in found.skipped] == [
        "documentation.md",
        "renaming.md",
        "README.md",
    ]
    # The hand-maintained index is skipped; its label "2022-06-01" does not change the folder's date.
    assert records["2022-06-02-ids-serializer"].date == date(2022, 6, 2)
    # A link to a sibling decision's README reaches that decision's page.
    assert "(2025-05-28-dataspace-profile-context.md)" in records["2025-07-25-multiple-participant-identifiers"].body


def test_log4brains() -> None:
    found, records, log = load_folder("log4brains")
    assert not log.items
    old = records["20200926-use-the-adr-number-as-its-unique-id"]
    assert (old.status, old.superseded_by, old.date) == (
        "superseded",
        ("20201016-use-the-adr-slug-as-its-unique-id",),
        date(2020, 9, 26),
    )
    assert records["20201016-use-the-adr-slug-as-its-unique-id"].supersedes == (old.id,)
    assert sum(r.status == "accepted" for r in records.values()) == 11
    assert all(r.source_format == "log4brains" and r.date_source == "metadata" for r in records.values())
    # packages-core links with the original repository's layout (../../../../docs/adr/x.md).
    core = records["20201002-use-explicit-architecture-and-ddd-for-the-core-api"]
    assert "(20200925-multi-packages-architecture-in-a-monorepo-with-yarn-and-lerna.md)" in core.body
    assert records["20201027-adr-link-resolver-in-the-domain"].title == "ADR link resolver in the domain"
    assert {s.file.rsplit("/", 1)[1] for s in found.skipped} == {"README.md", "index.md", "template.md"}


def test_log4brains_test_fixtures() -> None:
    _, records, log = load_folder("log4brains-test-fixtures")
    assert not log.items
    assert records["docs/adr/20200101-first-adr"].deciders == ("John Doe", "Foo bar")
    assert records["docs/adr/20200101-first-adr"].tags == ("foo", "bar")
    assert records["packages/package1/adr/20200101-first-adr"].title == "First ADR (in package 1)"
    assert records["20200102-adr-without-status"].status is None
    assert records["20200102-adr-without-title"].title == "Adr without title"
    assert records["20201028-adr-with-no-metadata-no-title"].date_source == "file name"
    assert records["docs/adr/20201028-adr-without-date"].date == date(2020, 10, 28)
    assert records["20201030-draft-adr"].status == "proposed"
    assert records["20201030-draft-adr"].status_raw == "draft"
    assert records["20201029-rejected-adr"].status == "rejected"
    assert records["20201028-superseded-adr"].superseded_by == ("20201029-superseder",)
    assert records["20201029-superseder"].supersedes == ("20201028-superseded-adr",)
    assert records["adr_with_a_WeIrd-filename"].title == "ADR with a weird filename"
    links = records["20201028-links"]
    assert any("20200101-first-adr-BROKEN.md" in n for n in links.notes)


def test_all_folders_at_once_have_unique_ids_and_pages() -> None:
    folders = tuple(sorted(p.name for p in ADR.iterdir() if p.is_dir()))
    log = ProblemLog()
    settings = Settings(root=ADR, decisions=folders, as_of=datetime(2026, 11, 28, tzinfo=UTC))
    decisions, _ = load_decision_log(settings, log)
    assert not log.items
    assert len(decisions) == 213
    assert len({d.id for d in decisions}) == 213 and len({d.page for d in decisions}) == 213
    ids = {d.id for d in decisions}
    # The two MADR folders share a file name: both are qualified by their folder.
    assert {
        "adr-madr/0000-use-markdown-architectural-decision-records",
        "adr-madr-templates/0000-use-markdown-architectural-decision-records",
    } <= ids
    kept = [f for d in decisions for f in d.findings if f.kind == "decision-status-unknown"]
    assert kept == []  # Pending, Partly superseded and on hold are on the documented status map


def test_corpus_script_prints_the_table(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import runpy

    monkeypatch.setattr("sys.argv", ["corpus_table.py", str(ADR)])
    runpy.run_path(str(Path(__file__).with_name("corpus_table.py")), run_name="__main__")
    assert "| alphagov-govuk-aws | 38 | 38 |" in capsys.readouterr().out
