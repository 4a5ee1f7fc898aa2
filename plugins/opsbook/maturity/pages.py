"""Pages of the maturity section: the organisation's scorecards, one per service, and the checks."""

from __future__ import annotations

from ..checks import REGISTRY, run
from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer, built_url
from .charts import Row, criteria_grid
from .derive import ORG_PAGE
from .model import Maturity

SYMBOLS = {"pass": "✓", "fail": "✗", "exempt": "E", "not-assessed": "?"}
CHECKS_PAGE = "checks.md"


def maturity_grid(m: Maturity, directory_urls: bool = True) -> str:
    """Services x service criteria, each cell linked to the criterion's row on the scorecard."""
    if not m.services or not m.service_criteria:
        return ""
    columns = [(c.id, c.level) for c in m.service_criteria]
    rows = []
    for card in m.services:
        url = built_url(ORG_PAGE, card.page, directory_urls)
        cells = tuple(
            (r.outcome, f"{url}#criterion-{c.id}") if (r := card.by_id.get(c.id)) is not None else None
            for c in m.service_criteria
        )
        rows.append(Row(card.title, card.level, url, cells))
    return criteria_grid("Maturity: services by criteria, coloured by outcome", columns, rows)


def maturity_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    """The scorecards index (in the nav), a scorecard per service and the checks reference."""
    m = hb.maturity
    if m is None:
        return []
    today = hb.as_of.astimezone(hb.settings.timezone).date()
    common = {"rubric": m.rubric, "today": today}
    owners = {s.id: s.owner for s in hb.services}
    pages = [
        GeneratedPage(
            path=ORG_PAGE,
            title="Maturity scorecards",
            body=r.render(
                "maturity/index.md.j2",
                ORG_PAGE,
                maturity=m,
                org=m.organisation,
                owners=owners,
                symbols=SYMBOLS,
                grid=maturity_grid(m, hb.settings.directory_urls),
                **common,
            ),
            tags=("maturity", "scorecard"),
            source=m.rubric.file,
            in_nav=True,
        )
    ]
    for card in m.services:
        service = hb.service_by_id[card.subject]
        pages.append(
            GeneratedPage(
                path=card.page,
                title=f"Maturity: {card.title}",
                body=r.render("maturity/service.md.j2", card.page, card=card, service=service, **common),
                tags=("maturity", "scorecard", card.subject, f"level-{card.level}"),
                source=m.rubric.file,
                meta={"opsbook_maturity_level": card.level},
            )
        )
    checks = sorted(REGISTRY.values(), key=lambda c: (c.scope != "service", c.id))
    pages.append(
        GeneratedPage(
            path=CHECKS_PAGE,
            title="Checks",
            body=r.render(
                "maturity/checks.md.j2", CHECKS_PAGE, checks=checks, results={c.id: run(hb, c.id) for c in checks}
            ),
            tags=("maturity", "checklist"),
        )
    )
    return pages
