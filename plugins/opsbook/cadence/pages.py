"""The cadence page: a week grid, the table of rituals, the monthly/quarterly rules, the feed link."""

from __future__ import annotations

from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer
from .derive import days_text, rule, rule_text, week_grid, when_text
from .ics import ICS_PATH
from .model import DAY_NAMES

PAGE = "cadence.md"


def cadence_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    cadence = hb.cadence
    if cadence is None:
        return []
    days, rows = week_grid(cadence.rituals)
    body = r.render(
        "cadence/cadence.md.j2",
        PAGE,
        cadence=cadence,
        days=[DAY_NAMES[d] for d in days],
        rows=rows,
        when=when_text,
        rrule=lambda ritual: rule_text(rule(ritual)),
        days_text=days_text,
        ics=ICS_PATH,
        unowned=[x for x in cadence.rituals if not x.owner],
        team=hb.team,
    )
    return [
        GeneratedPage(
            path=PAGE, title="Operating cadence", body=body, tags=("cadence",), source=cadence.file, in_nav=True
        )
    ]
