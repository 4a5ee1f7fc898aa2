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
