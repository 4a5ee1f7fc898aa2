"""`opsbook export`: the second front end writes the same pages as the plugin, without MkDocs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import REPO
from opsbook.build import load_handbook, render_pages
from opsbook.cli import main
from opsbook.cli.common import handbook_settings


def test_export_writes_hand_written_and_generated_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "docs-out"
    assert main(["export", str(out), "--root", str(REPO), "--strict"]) == 0
    pages, assets = render_pages(load_handbook(handbook_settings(str(REPO))[0]))
    api = next(p for p in pages if p.path == "services/api.md")
    assert (out / "services" / "api.md").read_text("utf-8") == api.markdown()
    assert (out / "index.md").read_text("utf-8") == (REPO / "docs" / "index.md").read_text("utf-8")
    assert json.loads((out / "ops.json").read_text("utf-8"))["services"]
    assert {a.path for a in assets} <= {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert (out / "assets" / "opsbook.css").is_file() and (out / "cadence.ics").is_file()


def test_export_never_imports_mkdocs(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; from opsbook.cli import main; "
        f"rc = main(['export', {str(tmp_path / 'o')!r}, '--root', {str(REPO)!r}]); "
        "print(rc, any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False"]


def test_export_refuses_to_write_into_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(REPO / "docs" / "out"), "--root", str(REPO)]) == 2
    assert "inside the docs folder" in capsys.readouterr().err
