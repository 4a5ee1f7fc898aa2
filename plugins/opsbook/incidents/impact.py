"""`impact:` of an incident: the share of a service's requests (or users) that were affected.

Written `25%`, `"25 %"` or a bare number (percent, so `25` is 25 % and `0.5` is half a percent), for
every listed service at once or per service (`{checkout: 25%, web: 100%}`). Absent means 100 %: a
full outage is assumed, and pages say so. Budget consumed = share x impact minutes / budget minutes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..problems import ProblemLog
from ..yamlio import LineDict

HINT = (
    "write the share of requests or users affected, 0 to 100 %, e.g. `impact: 25%` or `impact: {api: 25%, web: 100%}`"
)
_PERCENT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$")


class ImpactError(ValueError):
    """A share opsbook cannot read; the message says what is allowed."""


def parse_share(value: object) -> float:
    """`25%`, `"25 %"`, `25` or `25.5` -> 0.25 / 0.255: a fraction of 1, range-checked (0..100 %)."""
    if isinstance(value, bool) or value is None:
        raise ImpactError(f"{value!r} is not a share; {HINT}")
    if isinstance(value, int | float):
        percent = float(value)
    elif isinstance(value, str) and (m := _PERCENT.match(value)):
        percent = float(m.group(1))
    else:
        raise ImpactError(f"{value!r} is not a share; {HINT}")
    if math.isnan(percent) or not 0 <= percent <= 100:
        raise ImpactError(f"{value!r} is out of range; {HINT}")
    return round(percent / 100, 6)


def read_impact(
    front: LineDict, services: Sequence[str], name: str, problems: ProblemLog
) -> tuple[tuple[str, float], ...]:
    """The stated share per listed service (global: every service), in the order of `services`.

    A value out of 0..100 % or unreadable, and a service the incident does not list, are problems at
    their line; the rest of the incident (and the rest of the map) is kept.
    """
    if "impact" not in front or front["impact"] is None:
        return ()
    raw = front["impact"]
    if isinstance(raw, LineDict):
        stated: dict[str, float] = {}
        for key, value in raw.items():
            sid = str(key)
            if sid not in services:
                listed = ", ".join(services) or "none"
                problems.add(
                    name,
                    raw.line_of(key),
                    f"impact names service {sid!r}, which the incident does not list in `services:` "
                    f"({listed}); give a share only for listed services",
                )
                continue
            try:
                stated[sid] = parse_share(value)
            except ImpactError as exc:
                problems.add(name, raw.line_of(key), f"impact of {sid}: {exc}")
        return tuple((s, stated[s]) for s in services if s in stated)
    try:
        share = parse_share(raw)
    except ImpactError as exc:
        problems.add(name, front.line_of("impact"), f"impact: {exc}")
        return ()
    return tuple((s, share) for s in services)
