"""`opsbook new incident|decision|rfc`: next free ids from the files on disk, never reused, loadable files."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import FIXED_EPOCH
from opsbook.build import load_handbook
from opsbook.cli import main
from opsbook.cli import new as new_mod
from opsbook.problems import ProblemLog
from opsbook.settings import Settings
from opsbook.slugs import file_slug
from opsbook.yamlio import split_front_matter

SLO = "services:\n  api:\n    slos:\n      - {sli: availability, objective: 99.9}\n  web: {}\n"
AS_OF = datetime.fromtimestamp(int(FIXED_EPOCH), UTC).isoformat().replace("+00:00", "Z")
TEAM = "people:\n  - {handle: dana, name: Dana}\n  - {handle: frank, name: Frank}\npods: {platform-pod: {}}\n"


def _new(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["new", *argv, "--root", str(root)])
    out, err = capsys.readouterr()
    return code, out.strip(), err


def _front(path: Path) -> dict:  # type: ignore[type-arg]
    front, _, _ = split_front_matter(path.read_text("utf-8"), path.name, ProblemLog())
    return dict(front)


# ---------------------------------------------------------------- next ids


def test_incident_ids_count_per_day_from_stems_and_front_matter(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(
        {
            "ops/slo.yml": SLO,
            "ops/incidents/INC-20261128-01.md": "---\nseverity: SEV-3\n---\n",
            "ops/incidents/2026/checkout-outage.md": "---\nid: INC-20261128-04\n---\n",  # id only inside
            "ops/incidents/INC-20261127-09.md": "---\n---\n",  # another day
        }
    )
    code, out, _ = _new(capsys, root, "incident", "--service", "api", "--title", "Checkout: 5xx")
    assert code == 0
    path = Path(out)
    assert path.name == "INC-20261128-05.md"  # the fixed as-of date is 2026-11-28
    front = _front(path)
    assert (front["id"], front["title"], front["services"], front["severity"]) == (
        "INC-20261128-05",
        "Checkout: 5xx",
        ["api"],
        "SEV-3",
    )
    assert front["started"] == front["detected"] == AS_OF  # now, in the handbook's zone (UTC here)
    code, out, _ = _new(capsys, root, "incident", "--service", "web", "--started", "2026-11-27T23:10:00+01:00")
    assert Path(out).name == "INC-20261127-10.md"  # the day of --started counts


def test_decision_ids_count_per_year_across_every_decision_folder(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    mkdocs = "site_name: T\nplugins:\n  - opsbook:\n      decisions: [ops/decisions, docs/adr]\n"
    root = make_site(
        {
            "ops/decisions/2026-0003-old.md": "x",
            "docs/adr/2026-0007-elsewhere.md": "x",
            "ops/decisions/2025-0042-last-year.md": "x",
            "docs/adr/0009-madr-style.md": "x",
        },
        mkdocs,
    )
    code, out, _ = _new(capsys, root, "decision", "--title", "Adopt OpenSLO: for all SLOs", "--tag", "slo")
    assert code == 0
    assert out == f"{root}/ops/decisions/2026-0008-adopt-openslo-for-all-slos.md" or out.endswith(
        "ops/decisions/2026-0008-adopt-openslo-for-all-slos.md"
    )
    front = _front(Path(out))
    assert (front["title"], front["status"], front["date"], front["tags"]) == (
        "Adopt OpenSLO: for all SLOs",
        "proposed",
        "2026-11-28",
        ["slo"],
    )


def test_rfc_slugs_are_unique_across_months(make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site({"rfcs/2026-10-rate-limiting.md": "x"})
    code, out, _ = _new(capsys, root, "rfc", "--title", "Rate limiting", "--author", "frank")
    assert code == 0 and out.endswith("rfcs/2026-11-rate-limiting-2.md")
    code, out, _ = _new(capsys, root, "rfc", "--title", "Rate limiting", "--author", "frank", "--review-days", "14")
    assert out.endswith("rfcs/2026-11-rate-limiting-3.md")
    front = _front(Path(out))
    assert (front["status"], front["review"], front["dri"]) == (
        "review",
        {"opens": "2026-11-28", "closes": "2026-12-12"},
        "frank",
    )


def test_slugify() -> None:
    assert file_slug("Adopt OpenSLO for SLOs!", "x") == "adopt-openslo-for-slos"
    assert file_slug("Überprüfung der Fehlerbudgets", "x") == "uberprufung-der-fehlerbudgets"
    assert file_slug("!!!", "decision") == "decision"
    assert len(file_slug("word " * 40, "x")) <= 60


# ---------------------------------------------------------------- never reusing an id


def test_an_existing_file_is_never_overwritten(make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site({"ops/slo.yml": SLO, "ops/incidents/INC-20261128-01.md": "KEEP ME"})
    # As if another writer created -01 after the scan: the exclusive open moves on to -02.
    monkeypatch.setattr(new_mod, "incident_numbers", lambda folder, day: set())
    settings = Settings(root=root)
    created = new_mod.new_incident(settings, date(2026, 11, 28), _incident_context())
    assert created.id == "INC-20261128-02"
    assert (root / "ops/incidents/INC-20261128-01.md").read_text() == "KEEP ME"


def test_concurrent_writers_never_share_an_id(make_site: Callable[..., Path]) -> None:
    root = make_site({"ops/slo.yml": SLO})
    settings = Settings(root=root)
    results: list[str] = []
    barrier = threading.Barrier(12)

    def decide(i: int) -> None:
        barrier.wait()
        context = {
            "title": f"D{i}",
            "status": "proposed",
            "date": "2026-11-28",
            "owner": None,
            "deciders": [],
            "supersedes": [],
            "tags": [],
            "revisit": None,
        }
        results.append(new_mod.new_decision(settings, date(2026, 11, 28), f"topic-{i}", context).id)

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Twelve distinct ids (two writers that collided both step aside, so a number may be skipped).
    assert len(set(results)) == 12
    on_disk = [p.name[:9] for p in (root / "ops/decisions").iterdir()]
    assert sorted(on_disk) == sorted(results)


def _incident_context() -> dict:  # type: ignore[type-arg]
    return {
        "title": "T",
        "severity": "SEV-2",
        "severity_scale": "",
        "services": ["api"],
        "detected_by": "monitor",
        "started": "2026-11-28T10:00:00Z",
        "detected": "2026-11-28T10:00:00Z",
        "deadline": "72 h",
        "timeline": [],
    }


# ---------------------------------------------------------------- the files load without problems


def test_new_files_load_without_problems_in_the_example_handbook(
    example_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = []
    for argv in (
        [
            "incident",
            "--title",
            'Search returned "no results"',
            "--service",
            "api",
            "--service",
            "web",
            "--severity",
            "SEV-1",
            "--coordinator",
            "carol",
            "--detected-by",
            "customer",
        ],
        ["decision", "--title", "Adopt Pyrra: dashboards", "--owner", "dana", "--tag", "slo"],
        ["rfc", "--title", "Rate limiting for the public API", "--author", "frank", "--review-days", "10"],
        ["rfc", "--title", "Another draft", "--author", "frank", "--author", "dana"],
    ):
        code, out, err = _new(capsys, example_copy, *argv)
        assert code == 0, err
        ids.append(Path(out).stem)
    hb = load_handbook(Settings(root=example_copy))
    assert hb.problems == ()
    assert ids[0] in {i.id for i in hb.incidents}
    assert ids[1][:9] in {d.id for d in hb.decisions}
    assert {ids[2], ids[3]} <= {r.id for r in hb.rfcs}
    incident = next(i for i in hb.incidents if i.id == ids[0])
    assert incident.title == 'Search returned "no results"' and incident.severity == "SEV-1"


# ---------------------------------------------------------------- options checked against the handbook


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["incident", "--service", "api", "--severity", "SEV-9"], "use one of: SEV-1, SEV-2, SEV-3"),
        (["incident", "--service", "nope"], "use one of: api, web"),
        (["incident"], "--service ID"),
        (["incident", "--service", "api", "--coordinator", "mallory"], "known handles: dana, frank"),
        (["decision", "--owner", "eve"], "'eve' is not a person or pod"),
        (["decision", "--status", "superseded"], "proposed or accepted"),
        (["rfc", "--title", "x"], "--author HANDLE"),
        (["incident", "--service", "api", "--date", "2026-02-30"], "not a real date"),
        (["incident", "--service", "api", "--started", "yesterday"], "not a timestamp"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    root = make_site({"ops/slo.yml": SLO, "ops/team.yml": TEAM})
    code, out, err = _new(capsys, root, *argv)
    assert code == 2 and message in err and out == ""
    assert not any((root / "ops" / d).exists() for d in ("incidents", "decisions")) and not (root / "rfcs").exists()


def test_dry_run_prints_and_writes_nothing(make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site({"ops/slo.yml": SLO})
    code, out, _ = _new(capsys, root, "incident", "--service", "api", "--dry-run")
    assert code == 0 and out.startswith("---\nid: INC-20261128-NN") and not (root / "ops/incidents").exists()


def test_the_site_can_override_a_template(make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    mkdocs = "site_name: T\nplugins:\n  - opsbook:\n      templates: tpl\n"
    override = "---\ntitle: {{ title | yaml }}\nstatus: {{ status }}\ndate: {{ date }}\n---\n## Our own sections\n"
    root = make_site({"tpl/new/decision.md.j2": override}, mkdocs)
    code, out, _ = _new(capsys, root, "decision", "--title", "Custom")
    assert code == 0 and Path(out).read_text().endswith("## Our own sections\n")


def test_yaml_quoting_round_trips() -> None:
    for text in [
        "plain title",
        "Colon: inside",
        'Quote "x"',
        "yes",
        "null",
        "#hash",
        "x #y",
        "3.14",
        "- dash",
        "back\\slash",
        "ends with colon:",
        "@handle",
        "{brace}",
    ]:
        front, _, _ = split_front_matter(f"---\nt: {new_mod.yaml_str(text)}\n---\n", "x", ProblemLog())
        assert front["t"] == text, text


# ---------------------------------------------------------------- manners


@pytest.mark.parametrize(
    ("kind", "own", "foreign"),
    [
        ("incident", "--severity", ("--owner", "--author", "--review-days")),
        ("decision", "--owner", ("--severity", "--service", "--author")),
        ("rfc", "--review-days", ("--severity", "--owner", "--folder")),
    ],
)
def test_help_of_one_kind_lists_that_kinds_options_only(
    capsys: pytest.CaptureFixture[str], kind: str, own: str, foreign: tuple[str, ...]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["new", kind, "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0 and own in out and "TITLE" in out
    assert not [option for option in foreign if option in out]


def test_the_title_is_accepted_as_an_argument(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site({"ops/slo.yml": SLO, "ops/team.yml": TEAM})
    code, out, _ = _new(capsys, root, "decision", "Adopt trunk-based development", "--owner", "dana")
    assert code == 0 and _front(root / out)["title"] == "Adopt trunk-based development"
    code, out, _ = _new(capsys, root, "rfc", "Rate limiting", "--author", "frank")
    assert code == 0 and out.endswith("-rate-limiting.md")
    code, _, err = _new(capsys, root, "decision", "One", "--title", "Two")
    assert code == 2 and "give the title once" in err


def test_new_incident_writes_impact_with_a_comment(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(files={"ops/slo.yml": SLO})
    code, out, _ = _new(capsys, root, "incident", "--service", "api", "--detected-by", "synthetic", "--dry-run")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("impact:"))
    assert line.startswith("impact: 100%") and "share of requests or users affected" in line
    assert "detected_by: synthetic" in out
    code, _, err = _new(capsys, root, "incident", "--service", "api", "--detected-by", "pager", "--dry-run")
    assert code == 2 and "--detected-by 'pager'" in err
