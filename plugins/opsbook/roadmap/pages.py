"""The roadmap board with its roll-up per DRI, and ROADMAP.md as written."""

from __future__ import annotations

from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer
from .model import SECTIONS


def roadmap_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    roadmap = hb.roadmap
    if roadmap is None:
        return []
    board = r.render(
        "roadmap/board.md.j2", roadmap.page, roadmap=roadmap, sections=SECTIONS, rollup=roadmap.by_dri(), team=hb.team
    )
    written = r.render("roadmap/as_written.md.j2", roadmap.written_page, roadmap=roadmap)
    return [
        GeneratedPage(
            path=roadmap.page, title="Roadmap", body=board, tags=("roadmap",), source=roadmap.file, in_nav=True
        ),
        GeneratedPage(
            path=roadmap.written_page,
            title=f"{roadmap.file} as written",
            body=written,
            tags=("roadmap",),
            source=roadmap.file,
        ),
    ]
