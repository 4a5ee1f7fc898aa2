"""`opsbook export OUT`: the second front end writes a plain MkDocs project that builds the same pages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXED_EPOCH, REPO, mkdocs_build
from opsbook.build import load_handbook, render_pages
from opsbook.cli import main
from opsbook.cli.common import UsageError, handbook_settings
from opsbook.cli.export import _write

BIN = Path(sys.executable).parent


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "out"
    with pytest.MonkeyPatch.context() as env:  # the autouse as-of fixture is per test; this one is per module
        env.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        assert main(["export", str(out), "--root", str(REPO), "--strict"]) == 0
    return out


def test_export_writes_generated_pages_assets_and_a_config(exported: Path) -> None:
    docs = exported / "docs"
    pages, assets = render_pages(load_handbook(handbook_settings(str(REPO))[0]))
    api = next(p for p in pages if p.path == "services/api.md")
    assert (docs / "services" / "api.md").read_text("utf-8") == api.markdown()
    assert json.loads((docs / "ops.json").read_text("utf-8"))["services"]
    assert {a.path for a in assets} <= {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    config = yaml.safe_load((exported / "mkdocs.yml").read_text("utf-8"))
    assert config["docs_dir"] == "docs" and config["plugins"] == ["search", "tags"]
    assert "pymdownx.details" in config["markdown_extensions"] and "assets/opsbook.css" in config["extra_css"]
    assert "/incidents/INC-20261119-01.md" in config["not_in_nav"].splitlines()  # item pages stay out of the nav


def test_hand_written_pages_have_their_macros_rendered(exported: Path) -> None:
    home = (exported / "docs" / "index.md").read_text("utf-8")
    assert "{{" not in home and "On call now" in home and "INC-20261127-01" in home
    # A page that shows macro syntax on purpose keeps it as text, as mkdocs-macros renders it.
    assert "{{ services_table() }}" in (exported / "docs" / "how-it-works.md").read_text("utf-8")


def test_the_export_builds_the_same_pages_with_plain_mkdocs(exported: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    done = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", str(exported / "mkdocs.yml"), "-d", str(plain)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert _pages(plain) == _pages(mkdocs_build(_copy_of_example(tmp_path), site_dir=tmp_path / "plugin"))


@pytest.mark.skipif(shutil.which("zensical", path=str(BIN)) is None, reason="the optional extra zensical is absent")
def test_the_export_builds_the_same_pages_with_zensical(exported: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(BIN / "zensical"), "build", "-f", str(exported / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=exported,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = _pages(exported / "site")
    assert built == _pages(mkdocs_build(_copy_of_example(tmp_path), site_dir=tmp_path / "plugin"))
    service = (exported / "site" / "services" / "api" / "index.html").read_text("utf-8")
    assert "{{" not in service and "Error budget" in service


def test_strict_exits_1_on_problems_and_lenient_exits_0(make_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_site({"ops/slo.yml": "services:\n  api:\n    slos: [{sli: availability, objective: 120}]\n"})
    assert main(["export", str(tmp_path / "a"), "--root", str(root), "--strict"]) == 1
    assert main(["export", str(tmp_path / "b"), "--root", str(root)]) == 0
    assert (tmp_path / "b" / "mkdocs.yml").is_file() and (tmp_path / "b" / "docs" / "problems.md").is_file()


def test_a_macro_error_is_a_problem_with_file_and_line(make_site, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_site({"ops/slo.yml": "services:\n  api: {}\n"})
    (root / "docs" / "index.md").write_text("---\ntitle: Home\n---\n# Home\n\n{{ nope( }}\n", "utf-8")
    assert main(["export", str(tmp_path / "o"), "--root", str(root), "--strict"]) == 1
    assert "docs/index.md:6: macro syntax error" in capsys.readouterr().err


def test_export_never_runs_mkdocs(tmp_path: Path) -> None:
    """Export reads mkdocs.yml with MkDocs' own config loading (one option schema), but never loads
    MkDocs' build, its pages or its plugins' machinery."""
    code = (
        "import sys; from opsbook.cli import main; "
        f"rc = main(['export', {str(tmp_path / 'o')!r}, '--root', {str(REPO)!r}]); "
        "print(rc, any(m.startswith(('mkdocs.commands', 'mkdocs.structure', 'material')) for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False"]


def test_export_refuses_to_write_into_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(REPO / "docs" / "out"), "--root", str(REPO)]) == 2
    assert "outside the handbook's docs folder" in capsys.readouterr().err


def test_no_write_lands_outside_the_export_folder(tmp_path: Path) -> None:
    for evil in ("../evil.md", "/etc/evil.md", "a/../../evil.md"):
        with pytest.raises(UsageError, match="outside"):
            _write(tmp_path / "out", evil, b"x")
    assert list(tmp_path.iterdir()) == []


def _copy_of_example(tmp_path: Path) -> Path:
    dest = tmp_path / "example"
    ignore = shutil.ignore_patterns(".git", "site", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", "bench")
    shutil.copytree(REPO, dest, ignore=ignore)
    return dest


def test_a_config_the_export_cannot_copy_is_a_usage_error(make_site, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = make_site({"ops/slo.yml": "services:\n  api: {}\n"})
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("extra: !custom {a: 1}\n")  # MkDocs' loader keeps unknown tags; ours cannot copy a mapping
    assert main(["export", str(tmp_path / "o"), "--root", str(root)]) == 2
    assert "cannot copy its config" in capsys.readouterr().err
