"""Golden Markdown of the cadence page, and the next_ritual macro."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from test_cadence_ics import CADENCE

from conftest import assert_golden
from opsbook.build import load_handbook, render_pages
from opsbook.macros import functions
from opsbook.render import Renderer
from opsbook.settings import Settings

GOLDEN = Path(__file__).parent / "golden"
AS_OF = datetime(2026, 11, 28, tzinfo=UTC)


def handbook(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "cadence.yml").write_text(CADENCE, "utf-8")
    (tmp_path / "ops" / "team.yml").write_text("people: [{handle: alice, name: Alice}]\n", "utf-8")
    return load_handbook(Settings(root=tmp_path, as_of=AS_OF))


def test_cadence_page_golden(tmp_path: Path) -> None:
    hb = handbook(tmp_path)
    assert hb.problems == ()
    pages, assets = render_pages(hb)
    page = next(p for p in pages if p.path == "cadence.md")
    assert "](cadence.ics)" in page.body  # the subscribe link
    assert [a.path for a in assets if a.path.endswith(".ics")] == ["cadence.ics"]
    assert_golden(GOLDEN / "cadence.md", page.markdown())


def test_next_ritual_macro(tmp_path: Path) -> None:
    hb = handbook(tmp_path)
    macros = functions(hb, Renderer(None, as_of=hb.as_of, hb=hb), lambda: "practices/cadence.md")
    assert macros["next_ritual"]("triage") == (
        '[Triage](../cadence.md): <span data-ritual-next="triage">Mon 2026-11-30 09:30 (Europe/Berlin)</span>'
    )
    assert macros["next_ritual"]("Product council") == (
        '[Product council](../cadence.md): <span data-ritual-next="product-council">'
        "Tue 2026-12-08 15:00 (Europe/Berlin)</span>"
    )
    unknown = macros["next_ritual"]("Standup")
    assert unknown.startswith("*opsbook: unknown ritual “Standup” (known: Daily standup,")
