"""The team's part of ops.json: `team` (people, pods, roles) and `oncall` (per rotation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import fields_json
from .model import Shift, Team

if TYPE_CHECKING:
    from ..handbook import Handbook


def _shift(shift: Shift | None) -> dict[str, Any] | None:
    if shift is None:
        return None
    return {
        "handle": shift.handle,
        "start": shift.start.isoformat(),
        "end": shift.end.isoformat(),
        "index": shift.index,
    }


def oncall_json(hb: Handbook) -> list[dict[str, Any]]:
    if hb.team is None:
        return []
    return [
        {
            "rotation": oc.rotation.name,
            "cadence": oc.rotation.cadence,
            "handoff": oc.rotation.handoff,
            "timezone": oc.rotation.timezone,
            "start": oc.rotation.start.isoformat(),
            "members": list(oc.rotation.members),
            "pager": oc.rotation.pager,
            "current": _shift(oc.current),
            "schedule": [_shift(s) for s in oc.schedule],
        }
        for oc in hb.team.oncall
    ]


def team_json(team: Team) -> dict[str, Any]:
    return {
        "file": team.file,
        "people": [fields_json(p, "handle", "name", "roles", "pod", "timezone", "joined") for p in team.people],
        "pods": [
            {
                "name": pod.name,
                "title": pod.title or None,
                "description": pod.description or None,
                "people": [p.handle for p in team.people_in(pod.name)],
            }
            for pod in team.pod_details
        ],
        "roles": [
            {
                **fields_json(r, "name", "description", "responsibilities"),
                "holders": [p.handle for p in team.holders(r.name)],
            }
            for r in team.roles
        ],
    }
