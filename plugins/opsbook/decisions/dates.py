"""Dates in the shapes real decision records use, read without guessing.

Native records use ISO dates (`opsbook.timeparse.parse_date`). Records written by other tools and
people carry `2017-07-05`, `2017-7-5`, `2020/09/24`, `20200924`, `5 July 2017`, `July 5, 2017`,
`05.07.2017`, a full timestamp, or a date followed by a remark. Each of those is read; a date that
cannot exist (`2017-02-30`) or that could mean two days (`03/04/2017`) is an error whose message
says how to write it, never a guess. A placeholder such as `YYYY-MM-DD` or `{date}` is an error too.
"""

from __future__ import annotations

import re
from datetime import date

from ..timeparse import DATE_HINT, ParseError, in_range

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_Y_M_D = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_D_M_Y_DOTS = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_YEAR_MONTH_DAY_NAMED = re.compile(r"^(\d{4})[-\s]([a-z]+)[-\s](\d{1,2})$")
_ISO_INSIDE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_PLACEHOLDER = re.compile(r"yyyy|\bdd\b|\{|\[|<!--|\bdate\b", re.I)
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
# File and folder names that start with a date: 20200924-slug, 2022-02-03-slug, 2023-03-02_slug.
_NAME_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?=[-_ .]|$)")


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        made = date(year, month, day)
    except ValueError as exc:
        raise ParseError(f"{text!r} is not a real date ({exc}); {DATE_HINT}") from None
    return in_range(made, text)


def parse_human_date(value: object) -> date:
    """Read a date as real decision records write it; raise ParseError for anything doubtful."""
    if isinstance(value, date):
        return in_range(value, value)
    text = _WEEKDAY.sub("", " ".join(str(value).split())).strip().strip("*_`").strip()
    if not text:
        raise ParseError(f"the date is empty; {DATE_HINT}")
    lower = text.lower()
    if m := _Y_M_D.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _COMPACT.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _D_M_Y_DOTS.match(text):
        return _make(int(m[3]), int(m[2]), int(m[1]), text)
    if m := _SLASHED.match(text):
        first, second = int(m[1]), int(m[2])
        if first > 12 >= second:
            return _make(int(m[3]), second, first, text)
        if second > 12 >= first:
            return _make(int(m[3]), first, second, text)
        if first == second:
            return _make(int(m[3]), first, second, text)
        raise ParseError(f"{text!r} is ambiguous (day/month or month/day?); {DATE_HINT}")
    for pattern, order in (
        (_DAY_MONTH_YEAR, "dmy"),
        (_MONTH_DAY_YEAR, "mdy"),
        (_YEAR_MONTH_DAY_NAMED, "ymd"),
    ):
        if m := pattern.match(lower):
            parts = dict(zip(order, m.groups(), strict=True))
            month = MONTHS.get(parts["m"])
            if month is None:
                raise ParseError(f"{text!r}: {parts['m']!r} is not a month name; {DATE_HINT}")
            return _make(int(parts["y"]), month, int(parts["d"]), text)
    if _PLACEHOLDER.search(lower) and not _ISO_INSIDE.search(text):
        raise ParseError(f"{text!r} is a template placeholder, not a date; {DATE_HINT}")
    # A date followed by a remark ("2017-07-05 (amended 2018-01-10)"): the first ISO date counts.
    if m := _ISO_INSIDE.search(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    raise ParseError(f"{text!r} is not a date; {DATE_HINT}")


def date_from_name(name: str) -> date | None:
    """The date a file or folder name starts with (`20200924-x`, `2022-02-03-x`), if it is real."""
    m = _NAME_DATE.match(name)
    if not m:
        return None
    try:
        return in_range(date(int(m[1]), int(m[2]), int(m[3])), name)
    except ValueError:  # not a real date, or out of range (ParseError is a ValueError)
        return None
