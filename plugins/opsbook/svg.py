"""Shared pieces of the build-time SVG pictures: escaping, the frame with its title and description,
colours that follow Material's palette (links inside a picture: `render.built_url`).

Every picture is inline SVG (an `<img>` would not inherit the page's colours): text and axes use
`currentColor`, fills use CSS variables set per palette in `assets/opsbook.css`, each with a fallback.
Text from the sources goes through `esc` wherever it lands (element text and attribute values).
Pure functions over plain values: no MkDocs, no Handbook.
"""

from __future__ import annotations

import math
from html import escape

FALLBACK = ("#e53935", "#fb8c00", "#fdd835", "#43a047", "#1e88e5", "#8e24aa")

# Outcome colours (maturity grid, budget states): CSS variables with fallbacks for either palette.
PASS = "var(--opsbook-pass,#43a047)"
FAIL = "var(--opsbook-fail,#e53935)"
EXEMPT = "var(--opsbook-exempt,#1e88e5)"
NONE = "var(--opsbook-none,#9e9e9e)"


def esc(text: object) -> str:
    """Text for SVG element content or a quoted attribute value: &, <, >, " and ' escaped."""
    return escape(str(text), quote=True)


def num(x: float) -> str:
    """A coordinate or figure with at most one decimal and no trailing zeros."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def series_style(index: int, prop: str = "fill") -> str:
    """Colour of series `index` (0-based): a CSS variable with a fallback for either palette."""
    n = index % len(FALLBACK)
    return f"{prop}:var(--opsbook-series-{n + 1},{FALLBACK[n]})"


def nice_max(value: float, integer: bool = False) -> float:
    """A round axis maximum at or above value: 1, 2, 2.5, 5 or 10 times a power of ten, or for
    counts (`integer`) a multiple of 4, so the four gridlines fall on whole numbers."""
    if integer:
        return float(max(4, math.ceil(value / 4) * 4))
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def frame(title: str, desc: str, width: float, height: float, kind: str = "") -> str:
    """The opening `<svg>` with `<title>` and `<desc>` (what a screen reader says); close with `</svg>`."""
    t = esc(title)
    cls = "opsbook-chart" + (f" opsbook-chart--{kind}" if kind else "")
    return (
        f'<svg class="{cls}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width)}" height="{num(height)}" role="img" aria-label="{t}" font-family="inherit">'
        f"<title>{t}</title><desc>{esc(desc)}</desc>"
    )


def text(x: float, y: float, content: object, anchor: str = "start", size: int = 11, extra: str = "") -> str:
    """A label in the page's text colour."""
    return (
        f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" fill="currentColor" font-size="{size}"{extra}>'
        f"{esc(content)}</text>"
    )
