"""What the foreign SLO readers (OpenSLO, Sloth, Pyrra) share: targets, windows, service ids, SLI words.

Each reader turns one YAML document into `Slo` records through `Reader`, which also collects the
services a document declares, the problems (invalid data, with file and line) and the notes
(documents skipped on purpose, such as an OpenSLO AlertPolicy).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from .. import content
from ..problems import ProblemLog
from ..timeparse import DURATION, SLO_WINDOW, THRESHOLD, OutOfRange, ParseError, Span, format_duration, parse_duration
from ..validate import parsed
from ..yamlio import LineDict, LineList
from .derive import make_slo
from .model import SERVICE_ID, Slo, SloFormat

T = TypeVar("T")

# Explicit SLI word for a foreign SLO, as a label or annotation, when the inference guesses wrong.
SLI_KEY = "opsbook.dev/sli"

MAX_OBJECTIVE = 99.9999  # six nines: 2.6 s of budget a month; the schemas say the same
TARGET_HINT = (
    'write it as a percent (99.9 or "99.9") or as a fraction (0.999), above 0 and at most 99.9999 % (six nines)'
)
WINDOW_HINT = "a window is written like 30d, 4w, 2w, 7d, 1h30m or, for calendar windows, 1M, 1Q or 1Y"

_LONG_UNITS = {
    "M": timedelta(days=30),
    "Q": timedelta(days=90),
    "Y": timedelta(days=365),
    "y": timedelta(days=365),
}
_LONG_WINDOW = re.compile(r"^(\d+(?:\.\d+)?)([MQYy])$")
_ALPHA_UNITS = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
    "month": timedelta(days=30),
    "quarter": timedelta(days=90),
    "year": timedelta(days=365),
}

# Words in an SLO's names that say what it measures; checked in this order.
_SLI_WORDS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (s["sli"], frozenset(s["words"])) for s in content.load("sli-words")["slis"]
)
_WORD = re.compile(r"[a-z0-9]+")
_LE = re.compile(r'\ble\s*=\s*"([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)"')
MIN_WINDOW = SLO_WINDOW.shortest


class SpecError(ValueError):
    """A value of a foreign spec that cannot be read; the message says what is allowed."""


class SpecRange(SpecError):
    """A value of a foreign spec that was read but lies outside what opsbook accepts."""


def percent(value: Any, fraction_field: bool) -> float:
    """A target as a percent: 0.999, 99.9 and "99.9" (also "99.9%") all mean 99.9 %.

    Values below 1 are fractions and values from 1 up are percents, whatever the format calls the
    field; only in a field that is a fraction by definition (OpenSLO `target`) does exactly 1 mean
    100 %, which leaves no error budget and is refused like 100.
    """
    if isinstance(value, bool) or value is None or isinstance(value, LineDict | LineList):
        raise SpecError(f"target {value!r} is not a number; {TARGET_HINT}")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().removesuffix("%").strip()
        try:
            number = float(text)
        except ValueError:
            raise SpecError(f"target {str(value)!r} is not a number; {TARGET_HINT}") from None
    if not math.isfinite(number) or number <= 0 or number >= 100 or (fraction_field and number == 1):
        raise SpecError(f"target {value!r} is out of range; {TARGET_HINT}")
    objective = round(number * 100, 10) if number < 1 else round(number, 10)
    if objective > MAX_OBJECTIVE:  # too many nines: no error budget left to measure
        raise SpecError(f"target {value!r} is out of range; {TARGET_HINT}")
    return objective


def duration(value: Any, span: Span = DURATION) -> timedelta:
    """A duration such as 200ms, 30s, 1h30m, 4w (Prometheus style) or 1M / 1Q / 1Y (30, 90, 365 days),
    within `span` (checked before any arithmetic, so a huge count is a problem, not an overflow)."""
    text = "" if value is None else str(value).strip()
    match = _LONG_WINDOW.match(text)
    try:
        if match:
            return span.check(float(match.group(1)) * _LONG_UNITS[match.group(2)].total_seconds(), text)
        return parse_duration(text, span)
    except OutOfRange as exc:
        raise SpecRange(str(exc)) from None
    except ParseError:
        raise SpecError(f"window {text!r} cannot be read; {WINDOW_HINT}") from None


def window(value: Any) -> timedelta:
    """An SLO window: a duration of at least one day (`1m` is a minute, so it is refused, not guessed)."""
    try:
        length = duration(value)
    except SpecRange:
        raise SpecError(f"window {str(value).strip()!r} is out of range; {SLO_WINDOW.hint}") from None
    return _at_least_a_day(length, repr(str(value).strip()))


def alpha_window(count: Any, unit: Any) -> timedelta:
    """An OpenSLO v1alpha window: `count` of a `unit` (Second .. Year)."""
    base = _ALPHA_UNITS.get(str(unit).strip().lower().removesuffix("s"))
    if base is None:
        allowed = ", ".join(u.capitalize() for u in _ALPHA_UNITS)
        raise SpecError(f"timeWindows unit {unit!r} is not allowed; use one of: {allowed}")
    if isinstance(count, bool) or not isinstance(count, int | float) or count <= 0:
        raise SpecError(f"timeWindows count {count!r} must be a positive number, e.g. 30")
    try:
        seconds = float(count) * base.total_seconds()
    except OverflowError:  # an integer beyond any float
        seconds = math.inf
    try:
        length = DURATION.check(seconds, f"{count} {unit}")
    except OutOfRange:
        raise SpecError(f"window {count} {unit} is out of range; {SLO_WINDOW.hint}") from None
    return _at_least_a_day(length, f"{count} {unit}")


def _at_least_a_day(length: timedelta, shown: str) -> timedelta:
    """An SLO window's length, between a day and SLO_WINDOW's longest."""
    if length < MIN_WINDOW:
        raise SpecError(
            f"window {shown} is only {format_duration(length)}; an SLO window is at least a day "
            "(m is minutes: a month is written 1M, four weeks 4w or 28d)"
        )
    if length > SLO_WINDOW.longest:
        raise SpecError(f"window {shown} is out of range; {SLO_WINDOW.hint}")
    return length


def le_threshold(value: Any) -> timedelta | None:
    """The latency bound of a histogram query: `le="0.4"` anywhere in the strings of `value` -> 400 ms."""
    if isinstance(value, str):
        match = _LE.search(value)
        try:
            return THRESHOLD.check(float(match.group(1)), match.group(1)) if match else None
        except OutOfRange:  # `le="0"` or `le="1e999"`: no threshold to show, the SLO itself stands
            return None
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in children:
        found = le_threshold(child)
        if found is not None:
            return found
    return None


def service_id(name: Any) -> str | None:
    """A foreign service name as an opsbook service id: lower case, other characters -> dashes."""
    if not isinstance(name, str | int | float) or isinstance(name, bool):
        return None
    sid = re.sub(r"[^a-z0-9-]+", "-", str(name).strip().lower()).strip("-")
    sid = re.sub(r"-{2,}", "-", sid)
    return sid if SERVICE_ID.fullmatch(sid) else None


def infer_sli(names: tuple[Any, ...], default: str) -> str:
    """What an SLO measures, from words in its names (`requests-latency` -> latency), else `default`."""
    for text in names:
        if not isinstance(text, str):
            continue
        words = set(_WORD.findall(text.lower().replace("response time", "responsetime")))
        for sli, keys in _SLI_WORDS:
            if words & keys:
                return sli
    return default


def explicit_sli(*mappings: Any) -> str | None:
    """The `opsbook.dev/sli` label or annotation, when a spec states its SLI explicitly."""
    for mapping in mappings:
        if isinstance(mapping, dict):
            value = mapping.get(SLI_KEY)
            if isinstance(value, str) and re.match(r"^[A-Za-z][\w-]*$", value.strip()):
                return value.strip()
    return None


def text(value: Any) -> str:
    """A free-text field, or '' when absent or not text."""
    return value.strip() if isinstance(value, str) else ""


def mapping(value: Any) -> LineDict:
    """The value when it is a mapping, else an empty mapping (so lookups never fail)."""
    if isinstance(value, LineDict):
        return value
    empty = LineDict()
    empty.line, empty.key_lines = 0, {}
    return empty


@dataclass
class ServiceDecl:
    """A service as a foreign spec names or declares it (OpenSLO `kind: Service`, Sloth labels)."""

    id: str
    title: str = ""
    description: str = ""
    owner: str | None = None
    file: str = ""
    line: int | None = None
    declared: bool = False  # by a document about the service itself (OpenSLO `kind: Service`)
    titled: bool = False  # the title is a displayName, not a name seen in an SLO


@dataclass
class Reader:
    """Collects what the documents of one load yield; shared by the OpenSLO, Sloth and Pyrra readers."""

    problems: ProblemLog
    slos: list[Slo] = field(default_factory=list)
    services: dict[str, ServiceDecl] = field(default_factory=dict)
    slis: dict[str, tuple[str, LineDict]] = field(default_factory=dict)  # OpenSLO SLI name -> (file, doc)
    skipped: int = 0

    def problem(self, file: str, line: int | None, message: str) -> None:
        self.problems.add(file, line or None, message)

    def skip(self, file: str, line: int | None, message: str) -> None:
        self.skipped += 1
        self.problems.note(file, line or None, message)

    def service_from_name(self, meta: LineDict, doc: LineDict, file: str, what: str) -> str | None:
        """The service id from a document's `metadata.name` (its line, else the document's)."""
        return self.service(meta.get("name"), file, meta.line_of("name") if "name" in meta else doc.line, what)

    def service(self, raw: Any, file: str, line: int | None, what: str) -> str | None:
        """The service id of a document, declaring the service on first sight; None after a problem."""
        sid = service_id(raw)
        if sid is None:
            shown = "nothing" if raw is None or raw == "" else repr(raw)
            self.problem(
                file,
                line,
                f"{what} is {shown}; it must name the service, e.g. checkout-api (letters, digits and dashes)",
            )
            return None
        decl = self.services.setdefault(sid, ServiceDecl(id=sid, file=file, line=line))
        if not decl.title and isinstance(raw, str) and raw.strip() != sid:
            decl.title = raw.strip()
        return sid

    def required(self, spec: LineDict, key: str, read: Callable[[Any], T], file: str, example: str) -> T | None:
        """`read` of the required field `spec.<key>`, or None after a problem at its line: that it
        is missing (and `example` of it), or what is wrong with its value."""
        if key not in spec:
            self.problem(file, spec.line_of(key), f"spec.{key} is missing; write {example}")
            return None
        return parsed(spec, key, read, file, self.problems, "spec.", SpecError)

    def add_slo(
        self,
        *,
        service: str,
        sli: str,
        objective: float,
        window: timedelta,
        file: str,
        line: int | None,
        source_format: SloFormat,
        name: str,
        description: str = "",
        threshold: timedelta | None = None,
        calendar: bool = False,
        budgeting_method: str | None = None,
    ) -> None:
        self.slos.append(
            make_slo(
                service=service,
                sli=sli,
                objective=objective,
                window=window,
                threshold=threshold,
                file=file,
                line=line,
                source_format=source_format,
                name=name,
                description=description,
                calendar=calendar,
                budgeting_method=budgeting_method,
            )
        )
