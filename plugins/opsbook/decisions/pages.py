"""Pages of the decision log: the index (a timeline, filterable by status and tag) and a page per
record. Records whose source lies in docs/ get their page at the source's own path."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..handbook import Handbook
from ..pages import GeneratedAsset, GeneratedPage, item_page
from ..render import Renderer
from .model import SKIP_NOTE, Decision, Skipped
from .status import BADGE, STATUSES

FORMATS = {
    "opsbook": "opsbook",
    "madr": "MADR",
    "log4brains": "log4brains / MADR 2",
    "nygard": "Nygard / adr-tools",
    "markdown": "plain Markdown",
}


def timeline(records: tuple[Decision, ...]) -> list[Decision]:
    """Newest first; undated records last, by id."""
    dated = sorted((d for d in records if d.date), key=lambda d: (d.date, d.id), reverse=True)
    return dated + sorted((d for d in records if not d.date), key=lambda d: d.id)


def status_counts(records: tuple[Decision, ...]) -> list[tuple[str, int]]:
    counts = Counter(d.status or "not stated" for d in records)
    order = [*STATUSES, *sorted(k for k in counts if k not in STATUSES and k != "not stated"), "not stated"]
    return [(k, counts[k]) for k in order if counts.get(k)]


def context(hb: Handbook) -> dict[str, Any]:
    """What every decision template needs besides its own record."""
    return {"badges": BADGE, "formats": FORMATS, "by_id": {d.id: d for d in hb.decisions}}


def decision_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    s = hb.settings
    skipped = [Skipped(n.file, n.message.removeprefix(SKIP_NOTE)) for n in hb.notes if n.message.startswith(SKIP_NOTE)]
    if not hb.decisions and not any(s.path(f).is_dir() for f in s.decisions):
        return []
    ctx = context(hb)
    findings = sorted((f for d in hb.decisions for f in d.findings), key=lambda f: (f.kind, f.subject))
    pages = [
        GeneratedPage(
            path="decisions/index.md",
            title="Decision log",
            body=r.render(
                "decisions/index.md.j2",
                "decisions/index.md",
                records=timeline(hb.decisions),
                counts=status_counts(hb.decisions),
                attention=findings,
                skipped=skipped,
                folders=list(s.decisions),
                **ctx,
            ),
            tags=("decision",),
            source=s.decisions[0] if s.decisions else None,
            in_nav=True,
        )
    ]
    rfcs_by_id = {rfc.id: rfc for rfc in hb.rfcs}
    for d in hb.decisions:
        tags = ("decision", *([d.status] if d.status else []), *d.tags)
        values = {"d": d, "rfcs": [rfcs_by_id[i] for i in d.rfcs if i in rfcs_by_id], **ctx}
        pages.append(item_page(r, d, "decisions/record.md.j2", dict.fromkeys(tags), values, d.replaces_source))
    return pages


def decision_assets(hb: Handbook) -> list[GeneratedAsset]:
    """Images and files that record bodies link to, published beside the decision pages."""
    assets: dict[str, GeneratedAsset] = {}
    for d in hb.decisions:
        for site, source in d.attachments:
            try:
                assets[site] = GeneratedAsset(site, Path(source).read_bytes())
            except OSError:
                continue
    return [assets[k] for k in sorted(assets)]
