"""`opsbook init DIR`: a new handbook that passes `opsbook check` and `mkdocs build --strict` at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import mkdocs_build
from opsbook.build import load_handbook
from opsbook.cli import main
from opsbook.settings import Settings


def test_init_scaffolds_a_handbook_that_builds_strict_and_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "handbook"
    assert (
        main(
            [
                "init",
                str(target),
                "--name",
                "Acme Ops",
                "--service",
                "checkout",
                "--timezone",
                "Europe/Berlin",
            ]
        )
        == 0
    )
    out, err = capsys.readouterr()
    written = {Path(line).relative_to(target).as_posix() for line in out.splitlines()}
    assert {
        "mkdocs.yml",
        "docs/index.md",
        "ops/slo.yml",
        "ops/team.yml",
        "ops/runbooks/checkout.md",
        "ROADMAP.md",
        "ops/decisions/2026-0001-keep-the-operations-handbook-as-code.md",
        "rfcs/2026-11-error-budget-policy.md",
    } <= written
    assert any(w.startswith("ops/incidents/INC-2026112") for w in written)
    assert "mkdocs serve" in err and "opsbook check" in err

    assert main(["check", str(target)]) == 0
    assert "no problems" in capsys.readouterr().err

    hb = load_handbook(Settings(root=target))
    assert [s.id for s in hb.services] == ["checkout"]
    assert len(hb.incidents) == len(hb.decisions) == len(hb.rfcs) == 1

    site = mkdocs_build(target, strict=True, site_dir=tmp_path / "site")
    assert (site / "index.html").is_file() and (site / "services" / "checkout" / "index.html").is_file()
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["problems"] == [] and data["incidents"][0]["services"] == ["checkout"]
    assert "fonts.googleapis.com" not in (site / "index.html").read_text("utf-8")

    # `new` works in the fresh handbook and keeps it clean.
    assert main(["new", "incident", "--root", str(target), "--service", "checkout", "--title", "Second"]) == 0
    capsys.readouterr()
    assert main(["check", str(target)]) == 0


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "repo"
    (target / "docs").mkdir(parents=True)
    (target / "docs" / "index.md").write_text("# Mine\n")
    (target / "src.py").write_text("print()\n")
    assert main(["init", str(target)]) == 2
    assert "already has docs/index.md" in capsys.readouterr().err
    assert (target / "docs" / "index.md").read_text() == "# Mine\n"
    assert sorted(p.name for p in target.rglob("*")) == ["docs", "index.md", "src.py"]  # nothing written


def test_init_into_an_existing_folder_without_collisions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.md").write_text("# Our service\n")
    assert main(["init", str(tmp_path), "--service", "api"]) == 0
    assert (tmp_path / "README.md").read_text() == "# Our service\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--service", "Bad Id"], "lower-case letters"),
        (["--timezone", "Moon/Base"], "IANA time zone"),
    ],
)
def test_init_bad_options_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["init", str(tmp_path / "x"), *argv]) == 2
    assert message in capsys.readouterr().err and not (tmp_path / "x").exists()


def test_init_over_a_dangling_symlink_refuses_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "handbook"
    target.mkdir()
    (target / "mkdocs.yml").symlink_to(tmp_path / "nowhere.yml")
    assert main(["init", str(target)]) == 2
    assert "mkdocs.yml" in capsys.readouterr().err and not (tmp_path / "nowhere.yml").exists()


def test_init_looks_finished(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Explicit nav by reader task, a dashboard home through the macros, named services, a correct
    timeline, every extension the generated pages use, and CI that installs opsbook as the README says."""
    target = tmp_path / "handbook"
    assert main(["init", str(target), "--service", "checkout-api"]) == 0
    capsys.readouterr()
    config = (target / "mkdocs.yml").read_text("utf-8")
    assert "nav:" in config and "- Reliability:" in config and "macros:" in config
    assert "pymdownx.details" in config and "def_list" in config
    hb = load_handbook(Settings(root=target))
    assert hb.services[0].title == "Checkout API"
    incident = hb.incidents[0]
    timeline = (target / incident.file).read_text("utf-8").split("## Timeline", 1)[1]
    assert f"| {incident.started.isoformat().replace('+00:00', 'Z')} | T0 impact began" in timeline
    workflow = (target / ".github" / "workflows" / "handbook.yml").read_text("utf-8")
    assert "pip install -r requirements.txt" in workflow and "opsbook check" in workflow
    assert "opsbook" in (target / "requirements.txt").read_text("utf-8")

    site = mkdocs_build(target, strict=True, site_dir=tmp_path / "site")
    home = (site / "index.html").read_text("utf-8")
    assert "{{" not in home and "On call now" in home and "Alex Example" in home and incident.id in home
    assert not [page for page in site.rglob("*.html") if "??? " in page.read_text("utf-8")]  # no raw admonitions


def test_init_into_an_existing_site_adds_data_and_prints_the_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site_src = tmp_path / "docs-site"
    (site_src / "docs").mkdir(parents=True)
    (site_src / "docs" / "index.md").write_text("# Our docs\n", "utf-8")
    mkdocs_yml = "site_name: Our docs\ntheme: {name: material, font: false}\n"
    (site_src / "mkdocs.yml").write_text(mkdocs_yml, "utf-8")
    (site_src / "ROADMAP.md").write_text("# Roadmap\n\n## Now\n\n- Ship it. DRI: @alex\n", "utf-8")
    assert main(["init", "--into", str(site_src)]) == 0
    out, err = capsys.readouterr()
    assert (site_src / "mkdocs.yml").read_text("utf-8") == mkdocs_yml  # never edited
    assert (site_src / "ROADMAP.md").read_text("utf-8").endswith("DRI: @alex\n")  # never overwritten
    assert (site_src / "ops" / "slo.yml").is_file() and "ROADMAP.md" not in out
    assert "- opsbook:" in err and "mkdocs.yml" in err
    # Following the printed lines gives a site that builds strict.
    (site_src / "mkdocs.yml").write_text(mkdocs_yml + "plugins: [search, tags, opsbook]\n", "utf-8")
    built = mkdocs_build(site_src, strict=True, site_dir=tmp_path / "site")
    assert (built / "services" / "api" / "index.html").is_file()
    assert "Our docs" in (built / "index.html").read_text("utf-8")  # their home page stays


def test_init_into_needs_an_mkdocs_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--into", str(tmp_path)]) == 2
    assert "no mkdocs.yml" in capsys.readouterr().err and list(tmp_path.iterdir()) == []
