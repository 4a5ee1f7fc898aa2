"""Charts rendered at build time as inline SVG: no JavaScript, no CDN, readable in both palettes.

Text and axes use `currentColor`, so they follow Material's light or dark text colour; series use
CSS variables (`--opsbook-series-1` ...) that `assets/opsbook.css` sets per palette, with fallbacks
that read on either background. The SVG is meant to be inlined in the page (an `<img>` would not
inherit the page's colours), inside a `<figure>` so Markdown leaves it alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..svg import nice_max, series_style
from ..svg import num as _num

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 56


def _open(title: str, desc: str, height: int = HEIGHT) -> list[str]:
    t = escape(title)
    return [
        f'<svg class="opsbook-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{t}" font-family="inherit">',
        f"<title>{t}</title><desc>{escape(desc)}</desc>",
    ]


def _y_axis(top: float, maximum: float, unit: str = "") -> list[str]:
    """Four gridlines with labels, from 0 to maximum."""
    out = []
    plot_h = HEIGHT - TOP - BOTTOM
    for k in range(5):
        value = maximum * k / 4
        y = TOP + plot_h - plot_h * k / 4
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor" '
            f'stroke-opacity="{0.5 if k == 0 else 0.15}"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="currentColor" '
            f'font-size="11">{_num(value)}{escape(unit)}</text>'
        )
    return out


def _x_labels(labels: Sequence[str], centers: Sequence[float]) -> list[str]:
    return [
        f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" fill="currentColor" '
        f'font-size="11">{escape(label)}</text>'
        for label, x in zip(labels, centers, strict=True)
    ]


def _legend(names: Sequence[str], y: float, swatch: str = "rect") -> list[str]:
    out: list[str] = []
    x = float(LEFT)
    for index, name in enumerate(names):
        if swatch == "rect":
            out.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" style="{series_style(index)}"/>')
        else:
            out.append(
                f'<line x1="{x:.1f}" x2="{x + 10:.1f}" y1="{y - 4:.1f}" y2="{y - 4:.1f}" '
                f'stroke-width="3" style="{series_style(index, "stroke")}"/>'
            )
        out.append(f'<text x="{x + 14:.1f}" y="{y:.1f}" fill="currentColor" font-size="11">{escape(name)}</text>')
        x += 14 + 7 * len(name) + 18
    return out


def stacked_bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    unit: str = "",
    integer: bool = True,
) -> str:
    """Bars per category, stacked by series (e.g. incidents per month by severity)."""
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    maximum = nice_max(max(totals, default=0), integer)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(categories), 1)
    bar = min(48.0, slot * 0.6)
    desc = "; ".join(
        f"{c}: " + ", ".join(f"{name} {_num(values[i])}" for name, values in series) for i, c in enumerate(categories)
    )
    out = _open(title, desc) + _y_axis(TOP, maximum, unit)
    centers = [LEFT + slot * (i + 0.5) for i in range(len(categories))]
    for i, x in enumerate(centers):
        base = float(TOP + plot_h)
        for index, (name, values) in enumerate(series):
            value = values[i]
            if value <= 0:
                continue
            h = plot_h * value / maximum
            base -= h
            out.append(
                f'<rect x="{x - bar / 2:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'style="{series_style(index)}"><title>{escape(categories[i])} {escape(name)}: '
                f"{_num(value)}</title></rect>"
            )
    out += _x_labels(categories, centers)
    out += _legend([name for name, _ in series], HEIGHT - 12)
    out.append("</svg>")
    return "".join(out)


def line_chart(
    title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], unit: str = ""
) -> str:
    """Lines over categories with a dot per value; a missing value breaks the line (e.g. MTTR trend)."""
    values = [v for _, vs in series for v in vs if v is not None]
    maximum = nice_max(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(categories), 1)
    centers = [LEFT + slot * (i + 0.5) for i in range(len(categories))]
    desc = "; ".join(
        f"{name}: " + ", ".join(f"{c} {'none' if v is None else _num(v)}" for c, v in zip(categories, vs, strict=True))
        for name, vs in series
    )
    out = _open(title, desc) + _y_axis(TOP, maximum, unit)
    for index, (name, vs) in enumerate(series):
        segments: list[list[tuple[float, float]]] = [[]]
        for x, v in zip(centers, vs, strict=True):
            if v is None:
                segments.append([])
                continue
            segments[-1].append((x, TOP + plot_h - plot_h * v / maximum))
        for points in segments:
            if len(points) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
                out.append(
                    f'<polyline points="{path}" fill="none" stroke-width="2.5" '
                    f'style="{series_style(index, "stroke")}"/>'
                )
        for c, x, v in zip(categories, centers, vs, strict=True):
            if v is not None:
                y = TOP + plot_h - plot_h * v / maximum
                out.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" style="{series_style(index)}">'
                    f"<title>{escape(c)} {escape(name)}: {_num(v)}{escape(unit)}</title></circle>"
                )
    out += _x_labels(categories, centers)
    out += _legend([name for name, _ in series], HEIGHT - 12, swatch="line")
    out.append("</svg>")
    return "".join(out)


def horizontal_bars(title: str, rows: Sequence[tuple[str, float]], limit: float = 100.0, unit: str = " %") -> str:
    """One bar per row with a dashed line at `limit` (e.g. budget consumed per service, 100 % = all of it)."""
    row_h, label_w = 26, 150
    height = TOP + row_h * max(len(rows), 1) + 40
    maximum = nice_max(max([limit, *(v for _, v in rows)]))
    plot_w = WIDTH - label_w - RIGHT - 60
    desc = "; ".join(f"{label}: {_num(v)}{unit}" for label, v in rows)
    out = _open(title, desc, height)
    for i, (label, value) in enumerate(rows):
        y = TOP + row_h * i
        w = plot_w * value / maximum
        index = 0 if value > limit else (1 if value > limit / 2 else 3)
        out.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" fill="currentColor" '
            f'font-size="11">{escape(label)}</text>'
        )
        out.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 10}" '
            f'style="{series_style(index)}"><title>{escape(label)}: {_num(value)}{escape(unit)}'
            "</title></rect>"
        )
        out.append(
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" fill="currentColor" '
            f'font-size="11">{_num(value)}{escape(unit)}</text>'
        )
    x = label_w + plot_w * limit / maximum
    bottom = TOP + row_h * max(len(rows), 1)
    out.append(
        f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{bottom}" stroke="currentColor" '
        f'stroke-dasharray="4 3" stroke-opacity="0.7"/>'
    )
    out.append(
        f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" fill="currentColor" '
        f'font-size="11">{_num(limit)}{escape(unit)}</text>'
    )
    out.append(
        f'<line x1="{label_w}" x2="{label_w}" y1="{TOP}" y2="{bottom}" stroke="currentColor" stroke-opacity="0.5"/>'
    )
    out.append("</svg>")
    return "".join(out)


def percentile_panels(
    title: str, categories: Sequence[str], panels: Sequence[tuple[str, Sequence[tuple[float | None, float | None]]]]
) -> str:
    """Small multiples, one panel per figure (e.g. time to detect / mitigate / resolve), each with its
    own scale: per category a bar up to the 90th percentile and a dot at the median. Values are
    minutes; a panel whose p90 tops three hours is drawn in hours."""
    panel_h, gap, head = 110, 26, 8
    height = head + len(panels) * (panel_h + gap) + 30
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / max(len(categories), 1)
    centers = [LEFT + slot * (i + 0.5) for i in range(len(categories))]
    desc = "; ".join(
        f"{name}: "
        + ", ".join(
            f"{c} median {'none' if m is None else _num(m)} p90 {'none' if p is None else _num(p)} min"
            for c, (m, p) in zip(categories, vs, strict=True)
        )
        for name, vs in panels
    )
    out = _open(title, desc, height)
    for k, (name, values) in enumerate(panels):
        top = head + k * (panel_h + gap) + 16
        peak = max([v for pair in values for v in pair if v is not None], default=0.0)
        hours = peak > 180
        scale = 60.0 if hours else 1.0
        unit = " h" if hours else " min"
        maximum = nice_max(peak / scale)
        out.append(
            f'<text x="{LEFT}" y="{top - 4}" fill="currentColor" font-size="12" font-weight="700">{escape(name)}</text>'
        )
        for g in range(3):
            y = top + panel_h - panel_h * g / 2
            out.append(
                f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor" '
                f'stroke-opacity="{0.5 if g == 0 else 0.15}"/>'
            )
            out.append(
                f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="currentColor" font-size="10">'
                f"{_num(maximum * g / 2)}{unit}</text>"
            )
        bar = min(28.0, slot * 0.5)
        for c, x, (median, p90) in zip(categories, centers, values, strict=True):
            if p90 is not None:
                h = panel_h * min(p90 / scale / maximum, 1)
                out.append(
                    f'<rect x="{x - bar / 2:.1f}" y="{top + panel_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'style="{series_style(k + 4)}" fill-opacity="0.35"><title>{escape(c)} {escape(name)} p90: '
                    f"{_num(p90 / scale)}{unit}</title></rect>"
                )
            if median is not None:
                y = top + panel_h - panel_h * min(median / scale / maximum, 1)
                out.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" style="{series_style(k + 4)}"><title>{escape(c)} '
                    f"{escape(name)} median: {_num(median / scale)}{unit}</title></circle>"
                )
    y_labels = height - 22
    out += [
        f'<text x="{x:.1f}" y="{y_labels}" text-anchor="middle" fill="currentColor" font-size="11">{escape(c)}</text>'
        for c, x in zip(categories, centers, strict=True)
    ]
    out.append(
        f'<circle cx="{LEFT + 5}" cy="{height - 8}" r="4.5" style="{series_style(4)}"/>'
        f'<text x="{LEFT + 14}" y="{height - 4}" fill="currentColor" font-size="11">median</text>'
        f'<rect x="{LEFT + 80}" y="{height - 14}" width="12" height="12" style="{series_style(4)}" '
        'fill-opacity="0.35"/>'
        f'<text x="{LEFT + 96}" y="{height - 4}" fill="currentColor" font-size="11">90th percentile (nine in ten '
        "were faster)</text>"
    )
    out.append("</svg>")
    return "".join(out)
