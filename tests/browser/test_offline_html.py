"""Pages request nothing from other hosts: Material's repository facts fetch is off by default."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import mkdocs_build

SITE = """\
site_name: Test handbook
repo_url: https://github.com/example/handbook
theme: {{name: material, font: false}}
plugins:
  - search
  - opsbook{options}
"""


@pytest.mark.parametrize(("options", "fetches"), [("", False), (":\n      repo_facts: true", True)])
def test_repository_facts_are_not_fetched_unless_asked(
    make_site: Callable[..., Path], tmp_path: Path, options: str, fetches: bool
) -> None:
    root = make_site({}, mkdocs_yml=SITE.format(options=options))
    site = mkdocs_build(root, strict=True, site_dir=tmp_path / "out")
    for page in ("index.html", "404.html"):
        html = (site / page).read_text("utf-8")
        assert 'href="https://github.com/example/handbook"' in html  # the link stays
        assert ('data-md-component="source"' in html) is fetches, page
