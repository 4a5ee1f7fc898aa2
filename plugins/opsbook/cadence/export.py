"""The cadence's part of ops.json: `rituals`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..problems import FindingKind
from ..site import findings_by
from .derive import rule, rule_text, when_text
from .ics import uid
from .model import DAY_NAMES

if TYPE_CHECKING:
    from ..handbook import Handbook


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def rituals_json(hb: Handbook) -> list[dict[str, Any]]:
    cadence = hb.cadence
    if cadence is None:
        return []
    unowned = findings_by(hb, lambda f: f.subject if f.kind == FindingKind.RITUAL_WITHOUT_OWNER else None)
    return [
        {
            "name": r.name,
            "uid": uid(r),
            "frequency": r.frequency,
            "days": [DAY_NAMES[d].lower() for d in r.days],
            "time": r.time.strftime("%H:%M") if r.time else None,
            "duration_minutes": round(r.duration.total_seconds() / 60, 2) if r.duration else None,
            "timezone": cadence.timezone,
            "format": r.format,
            "channel": r.channel,
            "owner": r.owner,
            "purpose": r.purpose,
            "when": when_text(r),
            "rrule": rule_text(rule(r)),
            "first": _iso(r.first),
            "next": _iso(r.next),
            "findings": unowned.get(r.name, []),
        }
        for r in cadence.rituals
    ]
