"""Real runbooks (prometheus-operator/runbooks, Hugo content with front matter) render strictly."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CORPUS, mkdocs_build

SOURCE = CORPUS / "runbooks" / "prometheus-operator-runbooks"

MKDOCS = """\
site_name: Corpus runbooks
theme: {name: material, font: false}
plugins:
  - search
  - opsbook:
      runbooks: imported/runbooks
"""


@pytest.mark.skipif(not SOURCE.is_dir(), reason="shared corpus not available")
def test_prometheus_operator_runbooks_build_strict(make_site: Callable[..., Path]) -> None:
    root = make_site(
        {
            "ops/slo.yml": """\
        services:
          prometheus: {title: Prometheus, owner: sre-pod, slos: [{sli: availability, objective: 99.9}]}
        """
        },
        MKDOCS,
    )
    shutil.copytree(SOURCE, root / "imported" / "runbooks")
    site = mkdocs_build(root, strict=True)  # any MkDocs warning (a broken link) fails here
    count = len(list(SOURCE.rglob("*.md")))
    pages = list((site / "runbooks").rglob("index.html"))
    assert len(pages) == count + 1  # every file is a page, plus the index
    pages_dir = site / "runbooks" / "runbooks"
    crash = (pages_dir / "kubernetes" / "KubePodCrashLooping" / "index.html").read_text("utf-8")
    assert "<h1" in crash and "KubePodCrashLooping" in crash
    assert "Meaning" in crash and "Mitigation" in crash
    # Hugo ref shortcodes became links to the sibling runbook's page.
    fs = (pages_dir / "node" / "NodeFilesystemAlmostOutOfFiles" / "index.html").read_text("utf-8")
    assert "{{&lt;" not in fs and "{{<" not in fs
    assert 'href="../NodeFilesystemFilesFillingUp/"' in fs
    index = (site / "runbooks" / "index.html").read_text("utf-8")
    assert "Other runbooks" in index and "KubePodCrashLooping" in index
    # The runbooks of no service are not judged; the top-level Hugo section page is no finding either;
    # the one service has no runbook, which is a finding.
    import json

    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["problems"] == []
    assert {(f["kind"], f["subject"]) for f in data["findings"]} == {("missing-runbook", "prometheus")}
    assert len(data["runbooks"]) == count and all(rb["service"] is None for rb in data["runbooks"])
