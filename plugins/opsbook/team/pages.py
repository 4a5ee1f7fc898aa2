"""The team page: who is on call now, each rotation's next weeks, people by pod, the roles."""

from __future__ import annotations

from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer
from .charts import Lane, rotation_chart
from .derive import SCHEDULE_WEEKS
from .model import Team

PAGE = "team.md"


def team_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    team = hb.team
    if team is None:
        return []
    pods = [(pod, team.people_in(pod.name)) for pod in team.pod_details]
    unassigned = team.people_in(None)
    body = r.render(
        "team/team.md.j2",
        PAGE,
        team=team,
        pods=pods,
        unassigned=unassigned,
        rotation_svg=rotation_picture(team, hb),
    )
    return [
        GeneratedPage(
            path=PAGE, title="Team and on-call", body=body, tags=("team", "on-call"), source=team.file, in_nav=True
        )
    ]


def rotation_picture(team: Team, hb: Handbook) -> str:
    """Every rotation over the next weeks from the as-of instant (an SVG string; empty without one)."""
    lanes = [Lane(oc.rotation.name, tuple((s.start, s.end, s.handle) for s in oc.schedule)) for oc in team.oncall]
    if not any(lane.shifts for lane in lanes):
        return ""
    start = hb.as_of.astimezone(hb.settings.timezone)
    return rotation_chart(f"On-call rotations over the next {SCHEDULE_WEEKS} weeks", lanes, start, SCHEDULE_WEEKS)
