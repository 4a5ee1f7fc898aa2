"""Golden Markdown of the roadmap board and ROADMAP.md as written; the roadmap_items macro."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from test_roadmap_parse import ROADMAP

from conftest import assert_golden
from opsbook.build import load_handbook, render_pages
from opsbook.macros import functions
from opsbook.render import Renderer
from opsbook.settings import Settings

GOLDEN = Path(__file__).parent / "golden"
AS_OF = datetime(2026, 11, 28, tzinfo=UTC)
TEAM = (
    "people: [{handle: frank, name: Frank}, {handle: grace, name: Grace}, {handle: dana, name: Dana},\n"
    "         {handle: alice, name: Alice <i>A</i>}, {handle: bob, name: Bob}]\n"
)


def handbook(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "ROADMAP.md").write_text(ROADMAP, "utf-8")
    (tmp_path / "rfcs").mkdir()
    (tmp_path / "rfcs" / "2026-11-rate-limiting.md").write_text(
        "---\ntitle: Rate limiting for the public API\nstatus: review\nauthors: [frank]\ndri: frank\n"
        "review: {opens: 2026-11-02, closes: 2026-12-16}\n---\n## Summary\n",
        "utf-8",
    )
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "team.yml").write_text(TEAM, "utf-8")
    return load_handbook(Settings(root=tmp_path, as_of=AS_OF))


def test_roadmap_pages_golden(tmp_path: Path) -> None:
    hb = handbook(tmp_path)
    assert hb.problems == ()
    pages = {p.path: p for p in render_pages(hb)[0]}
    board, written = pages["roadmap.md"], pages["roadmap/as-written.md"]
    assert board.in_nav and not written.in_nav and board.source == written.source == "ROADMAP.md"
    assert_golden(GOLDEN / "roadmap.md", board.markdown())
    assert_golden(GOLDEN / "as-written.md", written.markdown())


def test_roadmap_items_macro(tmp_path: Path) -> None:
    hb = handbook(tmp_path)
    macros = functions(hb, Renderer(None, as_of=hb.as_of, hb=hb), lambda: "practices/roadmap.md")
    assert macros["roadmap_items"]("@frank") == (
        "- **Now**: [&#42;&#42;Rate limiting&#42;&#42;: protect partners.](../roadmap.md#item-9)"
    )
    assert macros["roadmap_items"]("bob") == "*@bob is not the DRI of any roadmap item.*"
    assert macros["roadmap_items"]("zed") == "*opsbook: unknown person “zed” (not in ops/team.yml)*"
