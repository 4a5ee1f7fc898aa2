"""The example handbook builds with --strict."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, mkdocs_build


def test_example_handbook_builds_strict(tmp_path: Path) -> None:
    site = mkdocs_build(REPO, strict=True, site_dir=tmp_path / "site")
    assert (site / "services" / "api" / "index.html").is_file()
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["problems"] == []
