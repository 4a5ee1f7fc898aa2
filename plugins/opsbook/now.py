"""Schedule data for the live "now" in the reader's browser (`assets/opsbook-now.json`).

Pages show who is on call and the next ritual at the as-of date (deterministic builds). The script
in `assets/opsbook.js` reads this file and updates those elements to the reader's clock: every
rotation's shifts and every ritual's occurrences over the next months, as instants with offsets.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .cadence.derive import recurrence
from .handbook import Handbook
from .pages import GeneratedAsset
from .team.derive import oncall

PATH = "assets/opsbook-now.json"
WEEKS = 26  # how far ahead the shipped schedule reaches; past it the build-time value stays
MAX_OCCURRENCES = 400  # per ritual (a daily ritual over 26 weeks is 182)


def now_data(hb: Handbook) -> dict[str, Any]:
    """{as_of, rotations: {slug: {name, shifts: [{start, end, handle, name}]}},
    rituals: {slug: {name, next: [instants]}}}."""
    rotations: dict[str, Any] = {}
    if hb.team is not None:
        people = hb.team.person_by_handle
        for oc in hb.team.oncall:
            schedule = oncall(oc.rotation, hb.as_of, weeks=WEEKS).schedule
            rotations[oc.rotation.slug] = {
                "name": oc.rotation.name,
                "shifts": [
                    {
                        "start": s.start.isoformat(),
                        "end": s.end.isoformat(),
                        "handle": s.handle,
                        "name": people[s.handle].name if s.handle in people else s.handle,
                    }
                    for s in schedule
                ],
            }
    rituals: dict[str, Any] = {}
    if hb.cadence is not None:
        tz = ZoneInfo(hb.cadence.timezone)
        horizon = hb.as_of + timedelta(weeks=WEEKS)
        for ritual in hb.cadence.rituals:
            times = []
            for when in recurrence(ritual, tz).xafter(hb.as_of, count=MAX_OCCURRENCES, inc=True):
                if when > horizon:
                    break
                times.append(when.isoformat())
            rituals[ritual.slug] = {"name": ritual.name, "next": times}
    return {"as_of": hb.as_of.isoformat(), "rotations": rotations, "rituals": rituals}


def asset(hb: Handbook) -> GeneratedAsset:
    """The schedule as strict, stable JSON."""
    text = json.dumps(now_data(hb), sort_keys=True, ensure_ascii=False, allow_nan=False, indent=1)
    return GeneratedAsset(PATH, text.encode("utf-8"))
