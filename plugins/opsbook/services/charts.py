"""The error budget of an SLO over its window, as a build-time SVG (see `opsbook.svg`).

`remaining_series` is the arithmetic: at each sample instant t, the budget left in the trailing
window (t - window, t] after the incident impact inside it (weighted by each incident's share of
requests affected; overlapping incidents count once, at the larger share). `budget_chart` draws it,
with each incident that touched the window marked and linked to its page.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..svg import esc, frame, num, text

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 14, 40
SAMPLES = 61


@dataclass(frozen=True)
class Impact:
    """One incident's impact on the service: when, how much of the traffic, which page."""

    id: str
    start: datetime
    end: datetime
    weight: float  # 0..1 share of requests affected (1: full outage)
    href: str  # built URL of the incident page, relative to the page the chart is on


def _segments(impacts: Sequence[Impact]) -> list[tuple[datetime, datetime, float]]:
    """Disjoint pieces of time with the largest weight of the incidents covering each."""
    bounds = sorted({t for i in impacts for t in (i.start, i.end)})
    out = []
    for a, b in itertools.pairwise(bounds):
        w = max((i.weight for i in impacts if i.start <= a and i.end >= b), default=0.0)
        if w > 0:
            out.append((a, b, w))
    return out


def consumed_minutes(segments: Sequence[tuple[datetime, datetime, float]], start: datetime, end: datetime) -> float:
    """Full-outage minutes of the weighted segments inside [start, end]."""
    total = 0.0
    for a, b, w in segments:
        lo, hi = max(a, start), min(b, end)
        if hi > lo:
            total += (hi - lo).total_seconds() / 60 * w
    return total


def remaining_series(
    impacts: Sequence[Impact], budget_minutes: float, window_days: float, as_of: datetime, samples: int = SAMPLES
) -> list[tuple[datetime, float]]:
    """(instant, share of the budget left in the trailing window ending then), over the last window.

    The share is 1 with no impact and negative once the budget is overspent."""
    window = timedelta(days=window_days)
    segments = _segments(impacts)
    first = as_of - window
    out = []
    for k in range(samples):
        t = first + window * k / (samples - 1)
        used = consumed_minutes(segments, t - window, t)
        out.append((t, 1 - used / budget_minutes if budget_minutes > 0 else 0.0))
    return out


def budget_chart(
    title: str, impacts: Sequence[Impact], budget_minutes: float, window_days: float, as_of: datetime
) -> str:
    """The remaining budget (0-100 %, overspending drawn at 0) as the trailing window moves up to the
    as-of instant, incidents marked where they began (or at the left edge, if before it)."""
    series = remaining_series(impacts, budget_minutes, window_days, as_of)
    first, last = series[0][0], series[-1][0]
    span = (last - first).total_seconds() or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(t: datetime) -> float:
        return LEFT + plot_w * max(0.0, min(1.0, (t - first).total_seconds() / span))

    def y(share: float) -> float:
        return TOP + plot_h * (1 - max(0.0, min(1.0, share)))

    now = series[-1][1]
    low = min(s for _, s in series)
    shown = [i for i in impacts if i.end > first - timedelta(days=window_days) and i.start <= last]
    desc = (
        f"Error budget left in the trailing {num(window_days)}-day window, from {first:%Y-%m-%d} to "
        f"{last:%Y-%m-%d}: now {num(max(now, 0) * 100)} %, lowest {num(max(low, 0) * 100)} %"
        + ("; the budget is exhausted" if now <= 0 else "")
        + (f". Incidents: {', '.join(i.id for i in shown)}." if shown else ". No incidents in this time.")
    )
    out = [frame(title, desc, WIDTH, HEIGHT, "budget")]
    for k in range(5):
        share = k / 4
        yy = y(share)
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{num(yy)}" y2="{num(yy)}" stroke="currentColor" '
            f'stroke-opacity="{0.5 if k == 0 else 0.15}"/>'
        )
        out.append(text(LEFT - 6, yy + 4, f"{k * 25} %", "end"))
    points = " ".join(f"{num(x(t))},{num(y(s))}" for t, s in series)
    area = f"{num(x(first))},{num(y(0))} {points} {num(x(last))},{num(y(0))}"
    out.append(f'<polygon points="{area}" style="fill:var(--opsbook-series-5,#1e88e5)" fill-opacity="0.15"/>')
    out.append(
        f'<polyline points="{points}" fill="none" stroke-width="2.5" style="stroke:var(--opsbook-series-5,#1e88e5)"/>'
    )
    for n, i in enumerate(shown, start=1):
        xx = x(i.start)
        label = f"{i.id}: {num(i.weight * 100)} % of requests, {i.start:%Y-%m-%d %H:%M} UTC"
        out.append(
            f'<a href="{esc(i.href)}" class="opsbook-chart__mark"><title>{esc(label)}</title>'
            f'<line x1="{num(xx)}" x2="{num(xx)}" y1="{TOP}" y2="{num(TOP + plot_h)}" stroke-dasharray="3 3" '
            f'stroke-width="1.5" style="stroke:var(--opsbook-series-1,#e53935)"/>'
            f'<circle cx="{num(xx)}" cy="{TOP + 8}" r="8" style="fill:var(--opsbook-series-1,#e53935)"/>'
            f'<text x="{num(xx)}" y="{TOP + 12}" text-anchor="middle" font-size="10" style="fill:#fff">{n}</text></a>'
        )
    out.append(text(LEFT, HEIGHT - BOTTOM + 16, f"{first:%Y-%m-%d}"))
    out.append(text(WIDTH - RIGHT, HEIGHT - BOTTOM + 16, f"{last:%Y-%m-%d} (as of)", "end"))
    out.append(text(LEFT + plot_w / 2, HEIGHT - 6, "budget left in the trailing window ending that day", "middle"))
    out.append("</svg>")
    return "".join(out)
