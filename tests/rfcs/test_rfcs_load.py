"""RFCs: loading, every problem class, review windows at the as-of date and the overdue finding."""

from __future__ import annotations

import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import load_decision_log
from opsbook.problems import ProblemLog
from opsbook.rfcs.derive import review_state
from opsbook.rfcs.pages import days, open_for_review
from opsbook.settings import Settings
from opsbook.team.load import load_team

AS_OF = datetime(2026, 11, 28, 9, tzinfo=UTC)
DECISION = "---\ntitle: Blue-green\nstatus: accepted\ndate: 2026-02-02\n---\nBody\n"


def rfc(status: str = "review", review: str = "{opens: 2026-11-16, closes: 2026-12-04}", extra: str = "") -> str:
    return (
        f"---\ntitle: Rate limiting\nstatus: {status}\nauthors: [frank]\ndri: frank\n"
        f"review: {review}\n{extra}---\n## Summary\n\nText.\n"
    )


def load(root: Path, files: dict[str, str], team: bool = False):  # type: ignore[no-untyped-def]
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    settings = Settings(root=root, as_of=AS_OF)
    log = ProblemLog()
    decisions, rfcs = load_decision_log(settings, log, load_team(settings, log) if team else None)
    return {r.id: r for r in rfcs}, {d.id: d for d in decisions}, log


def problems(log: ProblemLog) -> list[str]:
    return [f"{p.file}:{p.line}: {p.message}" for p in log.sorted()]


@pytest.mark.parametrize(
    ("status", "opens", "closes", "expected"),
    [
        ("review", date(2026, 12, 1), date(2026, 12, 14), ("upcoming", None)),
        ("draft", date(2026, 12, 1), date(2026, 12, 14), ("upcoming", None)),
        ("review", date(2026, 11, 16), date(2026, 12, 4), ("open", 6)),
        ("review", date(2026, 11, 16), date(2026, 11, 28), ("open", 0)),
        ("review", date(2026, 11, 1), date(2026, 11, 27), ("overdue", -1)),
        ("accepted", date(2026, 11, 1), date(2026, 11, 27), ("closed", None)),
        ("withdrawn", date(2026, 11, 16), date(2026, 12, 4), ("closed", None)),
        ("draft", None, None, ("unscheduled", None)),
    ],
)
def test_review_state(status: str, opens: date | None, closes: date | None, expected: tuple[str, int | None]) -> None:
    assert review_state(status, opens, closes, date(2026, 11, 28)) == expected


def test_rfc_that_produced_a_decision(tmp_path: Path) -> None:
    rfcs, decisions, log = load(
        tmp_path,
        {
            "ops/decisions/2026-0001-blue-green.md": DECISION,
            "rfcs/2026-01-blue-green.md": rfc(
                "Accepted",
                "{opens: 2026-01-12, closes: 2026-01-26}",
                "decision: 2026-0001\nlog:\n  - {date: 2026-01-28, entry: Accepted}\n"
                "  - {date: 2026-01-12, entry: Opened, by: frank}\n",
            ),
        },
    )
    assert not log.items
    r = rfcs["2026-01-blue-green"]
    assert (r.status, r.review_state, r.decision, r.decision_page) == (
        "accepted",
        "closed",
        "2026-0001",
        "decisions/2026-0001.md",
    )
    assert [e.entry for e in r.log] == ["Opened", "Accepted"]  # by date
    assert decisions["2026-0001"].rfcs == ("2026-01-blue-green",)


def test_open_and_overdue(tmp_path: Path) -> None:
    rfcs, _, log = load(
        tmp_path,
        {
            "rfcs/2026-11-open.md": rfc(),
            "rfcs/2026-10-late.md": rfc(review="{opens: 2026-10-26, closes: 2026-11-09}"),
        },
    )
    assert not log.items
    assert (rfcs["2026-11-open"].review_state, rfcs["2026-11-open"].days_left) == ("open", 6)
    late = rfcs["2026-10-late"]
    assert (late.review_state, late.days_left) == ("overdue", -19)
    [finding] = late.findings
    assert (finding.kind, finding.url, finding.owner) == ("rfc-overdue", "rfcs/2026-10-late.md", "frank")
    assert "2026-11-09 (19 days ago)" in finding.message
    assert [r.id for r in open_for_review(tuple(rfcs.values()))] == ["2026-11-open", "2026-10-late"]
    assert (days(rfcs["2026-11-open"]), days(late)) == ("6 days left", "overdue by 19 days")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            rfc(status="approved"),
            "3: unknown RFC status 'approved'; use one of: draft, review, accepted, rejected, withdrawn, implemented",
        ),
        (
            rfc(review="{opens: 2026-11-16, closes: 2026-11-02}"),
            "6: review closes 2026-11-02 before it opens",
        ),
        (
            rfc(review="{opens: 2026-11-16, closes: 2026-11-31}"),
            "6: review.closes: '2026-11-31' is not a real date",
        ),
        (rfc(review="{opens: 2026-11-16}"), "6: review: 'closes' is a required property"),
        (rfc(extra="decision: 2026-0099\n"), "7: decision '2026-0099' is not the id of any decision record"),
        (rfc(extra="log:\n  - {date: 13 March, entry: x}\n"), "8: log.0.date: '13 March' is not allowed"),
        (
            rfc(extra="log:\n  - {date: 2026-02-30, entry: x}\n"),
            "8: log[0].date: '2026-02-30' is not a real date",
        ),
        (
            rfc(extra="reviewers: [bob]\n"),
            "7: unknown key 'reviewers'; allowed keys: authors, decision",
        ),
        (
            "---\ntitle: T\nstatus: review\nauthors: [frank]\ndri: frank\n---\n",
            "3: an RFC in review needs a review window",
        ),
        ("## Just Markdown\n", "1: an RFC starts with front matter"),
    ],
)
def test_bad_input(tmp_path: Path, text: str, expected: str) -> None:
    _, _, log = load(tmp_path, {"rfcs/2026-11-rate-limiting.md": text})
    assert len(log.items) == 1 and expected in problems(log)[0], problems(log)


def test_file_name_problem_keeps_the_rfc(tmp_path: Path) -> None:
    rfcs, _, log = load(tmp_path, {"rfcs/Rate Limiting.md": rfc()})
    assert problems(log) == [
        "rfcs/Rate Limiting.md:None: file name 'Rate Limiting' is not YYYY-MM-<slug>.md "
        "(e.g. 2026-11-rate-limiting.md); the slug is lower-case letters, digits and dashes"
    ]
    assert "Rate Limiting" in rfcs


def test_people_checked_against_team(tmp_path: Path) -> None:
    _, _, log = load(
        tmp_path,
        {
            "ops/team.yml": "people:\n  - {handle: frank, name: Frank}\n",
            "rfcs/2026-11-x.md": rfc(extra="log:\n  - {date: 2026-11-20, entry: x, by: zed}\n").replace(
                "authors: [frank]", "authors: [frank, yan]"
            ),
        },
        team=True,
    )
    text = "\n".join(problems(log))
    assert "4: author 'yan' is not a person" in text and "8: log entry author 'zed'" in text


def test_readme_and_template_are_skipped_with_a_note(tmp_path: Path) -> None:
    rfcs, _, log = load(tmp_path, {"rfcs/README.md": "# RFCs\n", "rfcs/template.md": "---\ntitle: x\n---\n"})
    assert not rfcs and not log.items
    assert [n.file for n in log.sorted_notes()] == ["rfcs/README.md", "rfcs/template.md"]


def test_home_lists_an_rfc_past_its_window_apart_from_the_open_ones(tmp_path: Path) -> None:
    from opsbook.build import load_handbook
    from opsbook.macros import functions
    from opsbook.render import Renderer

    load(
        tmp_path,
        {
            "rfcs/2026-11-open.md": rfc(),
            "rfcs/2026-10-late.md": rfc(review="{opens: 2026-10-26, closes: 2026-11-09}"),
            "ops/team.yml": "people:\n  - {handle: frank, name: Frank}\n",
        },
    )
    hb = load_handbook(Settings(root=tmp_path, as_of=AS_OF))
    text = functions(hb, Renderer(hb=hb), lambda: "index.md")["open_rfcs"]()
    table, _, late = text.partition("Past their review window")
    assert "2026-11-open" in table and "2026-10-late" not in table  # never listed as in its window
    assert "rfcs/2026-10-late.md" in late and "overdue by 19 days" in late
    assert "[Frank](team.md#person-frank) (@frank)" in table  # people as name with handle
