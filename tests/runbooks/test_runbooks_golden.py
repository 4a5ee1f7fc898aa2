"""Golden Markdown of a runbook page and the runbooks index."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

from conftest import assert_golden
from opsbook.build import load_handbook, render_pages
from opsbook.settings import Settings

GOLDEN = Path(__file__).parent / "golden"
AS_OF = datetime(2026, 11, 28, tzinfo=UTC)
FILES = {
    "ops/slo.yml": """\
        services:
          api: {title: Public API, owner: platform-pod, slos: [{sli: availability, objective: 99.9}]}
          jobs: {title: Jobs, owner: platform-pod, slos: [{sli: freshness, objective: 90}]}
        """,
    "ops/runbooks/api.md": """\
        ---
        owner: carol
        last_reviewed: 2026-03-02
        pager: https://pager.example/api?x=<script>
        ---
        # Public API runbook

        <script>alert(1)</script> Raw HTML is shown as text.

        ## Pager
        Page the **Primary on-call**.

        ## Playbooks
        1. Look at the [database runbook](alerts/db.md).
        """,
    "ops/runbooks/alerts/db.md": "---\ntitle: DB alert\nweight: 3\n---\n# DbDown\n\n## Meaning\n",
}


def test_runbook_pages_golden(tmp_path: Path) -> None:
    for rel, text in FILES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(textwrap.dedent(text), "utf-8")
    hb = load_handbook(Settings(root=tmp_path, as_of=AS_OF))
    assert hb.problems == ()
    pages = {p.path: p for p in render_pages(hb)[0]}
    api = pages["runbooks/api.md"]
    assert "<script>" not in api.body
    assert api.tags == ("runbook", "api", "stale") and api.source == "ops/runbooks/api.md"
    assert "[Public API runbook](../../runbooks/api.md)" not in api.body
    assert "[Public API runbook](../runbooks/api.md)" in pages["services/api.md"].body  # service page link
    assert_golden(GOLDEN / "runbook-api.md", api.markdown())
    assert_golden(GOLDEN / "index.md", pages["runbooks/index.md"].markdown())
    assert_golden(GOLDEN / "runbook-alert.md", pages["runbooks/alerts/db.md"].markdown())
