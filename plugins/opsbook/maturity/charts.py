"""The maturity overview at a glance: services x criteria, each cell coloured by its outcome and
linked to the evidence on the service's scorecard (build-time SVG, see `opsbook.svg`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..svg import EXEMPT, FAIL, NONE, PASS, esc, frame, num, text

CELL, GAP = 22, 3
LABEL_W, HEADER_H, LEGEND_H = 120, 150, 30
FILL = {"pass": PASS, "fail": FAIL, "exempt": EXEMPT, "not-assessed": NONE}
MARK = {"pass": "✓", "fail": "✗", "exempt": "E", "not-assessed": "?"}


@dataclass(frozen=True)
class Row:
    """A service: its label, level, and per criterion (same order as the columns) the outcome and
    the URL of its evidence, or None where the criterion does not apply."""

    label: str
    level: int
    href: str
    cells: tuple[tuple[str, str] | None, ...]


def criteria_grid(title: str, columns: Sequence[tuple[str, int]], rows: Sequence[Row]) -> str:
    """`columns`: (criterion id, level). Headers are written upwards; a legend sits underneath."""
    label_w = max(LABEL_W, *(7 * len(f"{r.label} · L{r.level}") + 12 for r in rows))
    width = label_w + len(columns) * (CELL + GAP) + 40
    height = HEADER_H + len(rows) * (CELL + GAP) + LEGEND_H
    counts: dict[str, int] = {}
    for r in rows:
        for c in r.cells:
            if c is not None:
                counts[c[0]] = counts.get(c[0], 0) + 1
    desc = (
        f"{len(rows)} services by {len(columns)} criteria. "
        + ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
        + ". "
        + "; ".join(
            f"{r.label} (level {r.level}): "
            + (
                ", ".join(f"{cid} {c[0]}" for (cid, _), c in zip(columns, r.cells, strict=True) if c and c[0] != "pass")
                or "all pass"
            )
            for r in rows
        )
    )
    out = [frame(title, desc, width, height, "grid")]
    for j, (cid, level) in enumerate(columns):
        cx = label_w + j * (CELL + GAP) + CELL / 2 + 4
        out.append(
            f'<text transform="translate({num(cx)},{HEADER_H - 6}) rotate(-60)" fill="currentColor" '
            f'font-size="11">{esc(f"{level}: {cid}")}</text>'
        )
    for i, r in enumerate(rows):
        y = HEADER_H + i * (CELL + GAP)
        out.append(
            f'<a href="{esc(r.href)}">{text(label_w - 8, y + CELL / 2 + 4, f"{r.label} · L{r.level}", "end")}</a>'
        )
        for j, c in enumerate(r.cells):
            if c is None:
                continue
            outcome, href = c
            x = label_w + j * (CELL + GAP)
            cid = columns[j][0]
            out.append(
                f'<a href="{esc(href)}"><title>{esc(f"{r.label}: {cid} {outcome}")}</title>'
                f'<rect x="{num(x)}" y="{num(y)}" width="{CELL}" height="{CELL}" rx="3" '
                f'style="fill:{FILL.get(outcome, NONE)}"/>'
                f'<text x="{num(x + CELL / 2)}" y="{num(y + CELL / 2 + 4)}" text-anchor="middle" font-size="12" '
                f'style="fill:#fff">{esc(MARK.get(outcome, "?"))}</text></a>'
            )
    lx = 0.0
    ly = height - 10
    for outcome in ("pass", "fail", "exempt", "not-assessed"):
        out.append(f'<rect x="{num(lx)}" y="{ly - 11}" width="12" height="12" rx="2" style="fill:{FILL[outcome]}"/>')
        out.append(text(lx + 16, ly, outcome))
        lx += 16 + 8 * len(outcome) + 16
    out.append(text(lx, ly, "blank: does not apply"))
    out.append("</svg>")
    return "".join(out)
