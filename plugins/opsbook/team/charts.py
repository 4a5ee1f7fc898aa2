"""The on-call rotations over the next weeks as a build-time SVG timeline (see `opsbook.svg`):
one lane per rotation, one block per shift, each person in their own colour."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..svg import esc, frame, num, series_style, text

WIDTH = 640
LANE_H, GAP, TOP = 30, 12, 22
PALETTE = (4, 5, 0, 3, 1)  # series colours that carry white text (not the yellow one)


@dataclass(frozen=True)
class Lane:
    """A rotation: its name and its shifts as (start, end, handle), in order."""

    name: str
    shifts: tuple[tuple[datetime, datetime, str], ...]


def rotation_chart(title: str, lanes: Sequence[Lane], start: datetime, weeks: int) -> str:
    """Shifts from `start` over `weeks` weeks; a tick per week, the as-of instant marked."""
    label_w = max(90, *(7 * len(lane.name) + 12 for lane in lanes))
    end = start + timedelta(weeks=weeks)
    span = (end - start).total_seconds()
    plot_w = WIDTH - label_w - 10
    height = TOP + len(lanes) * (LANE_H + GAP) + 16
    people = sorted({h for lane in lanes for _, _, h in lane.shifts})
    colour = {h: i for i, h in enumerate(people)}

    def x(t: datetime) -> float:
        return label_w + plot_w * max(0.0, min(1.0, (t - start).total_seconds() / span))

    desc = "; ".join(
        f"{lane.name}: "
        + ", ".join(f"{h} from {a:%Y-%m-%d %H:%M} to {b:%Y-%m-%d %H:%M}" for a, b, h in lane.shifts if b > start)
        for lane in lanes
    )
    out = [frame(title, desc, WIDTH, height, "rotation")]
    for w in range(weeks + 1):
        t = start + timedelta(weeks=w)
        xx = x(t)
        out.append(
            f'<line x1="{num(xx)}" x2="{num(xx)}" y1="{TOP - 4}" y2="{height - 16}" stroke="currentColor" '
            'stroke-opacity="0.15"/>'
        )
        if w < weeks:
            out.append(text(xx + 2, TOP - 8, f"{t:%b %d}", size=10))
    for i, lane in enumerate(lanes):
        y = TOP + i * (LANE_H + GAP)
        out.append(text(label_w - 8, y + LANE_H / 2 + 4, lane.name, "end"))
        for a, b, handle in lane.shifts:
            if b <= start or a >= end:
                continue
            x0, x1 = x(a), x(b)
            out.append(
                f"<g><title>{esc(f'{lane.name}: {handle}, {a:%a %Y-%m-%d %H:%M} to {b:%a %Y-%m-%d %H:%M}')}</title>"
                f'<rect x="{num(x0 + 1)}" y="{y}" width="{num(max(x1 - x0 - 2, 1))}" height="{LANE_H}" rx="3" '
                f'style="{series_style(PALETTE[colour[handle] % len(PALETTE)])}" fill-opacity="0.8"/>'
            )
            if x1 - x0 > 7 * len(handle) + 8:
                out.append(
                    f'<text x="{num((x0 + x1) / 2)}" y="{num(y + LANE_H / 2 + 4)}" text-anchor="middle" '
                    f'font-size="11" style="fill:#fff">{esc(handle)}</text>'
                )
            out.append("</g>")
    now = x(start)
    out.append(
        f'<line x1="{num(now)}" x2="{num(now)}" y1="{TOP - 4}" y2="{height - 16}" stroke="currentColor" '
        'stroke-width="2"/>'
    )
    out.append(text(now, height - 4, f"as of {start:%Y-%m-%d %H:%M %Z}".strip(), size=10))
    out.append("</svg>")
    return "".join(out)
