"""Golden Markdown of the team page and the macros (OPSBOOK_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import assert_golden
from opsbook.build import load_handbook, render_pages
from opsbook.macros import functions
from opsbook.render import Renderer
from opsbook.settings import Settings

GOLDEN = Path(__file__).parent / "golden"
AS_OF = datetime(2026, 11, 28, tzinfo=UTC)
TEAM = """\
pods:
  web-pod: {title: Web, description: The web app <and> its edge.}
people:
  - {handle: alice, name: Alice <b>Novak</b>, pod: web-pod, roles: [EM/TPM, DRI], timezone: Europe/Berlin}
  - {handle: bob, name: Bob | Okafor, pod: web-pod, roles: [On-Call], joined: 2024-06-17}
  - {handle: erin, name: Erin Walsh, roles: [On-Call]}
rotations:
  - {name: Primary on-call, start: 2026-11-02, handoff: mon 10:00, timezone: Europe/Berlin,
     members: [bob, erin], pager: "https://pager.example/primary"}
  - {name: Later, start: 2027-01-04, handoff: mon 10:00, members: [alice]}
"""


def handbook(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "team.yml").write_text(textwrap.dedent(TEAM), "utf-8")
    return load_handbook(Settings(root=tmp_path, as_of=AS_OF, timezone=ZoneInfo("Europe/Berlin")))


def test_team_page_golden(tmp_path: Path) -> None:
    hb = handbook(tmp_path)
    assert hb.problems == ()
    pages = {p.path: p for p in render_pages(hb)[0]}
    page = pages["team.md"]
    assert page.in_nav and page.source == "ops/team.yml"
    assert "<b>" not in page.body and "&lt;b&gt;" in page.body  # names are escaped
    assert_golden(GOLDEN / "team.md", page.markdown())


def test_on_call_now_macro(tmp_path: Path) -> None:
    hb = handbook(tmp_path)
    macros = functions(hb, Renderer(None, as_of=hb.as_of, hb=hb), lambda: "practices/oncall.md")
    assert macros["on_call_now"]("primary on-call") == (
        '<span data-oncall-now="primary-on-call">[Erin Walsh](../team.md#person-erin) (@erin)</span>, '
        'Primary on-call until <span data-oncall-until="primary-on-call">Mon 2026-11-30 10:00 CET</span> '
        '<small class="opsbook-now-asof">(as of 2026-11-28)</small>'
    )
    assert macros["on_call_now"]("Later").startswith("nobody yet (Later starts Mon 2027-01-04 10:00 CET)")
    assert macros["on_call_now"]("nope") == ("*opsbook: unknown rotation “nope” (known: Primary on-call, Later)*")
    assert_golden(GOLDEN / "on_call_now.md", macros["on_call_now"]() + "\n")
