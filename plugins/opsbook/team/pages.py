"""The team page: who is on call now, each rotation's next weeks, people by pod, the roles."""

from __future__ import annotations

from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer

PAGE = "team.md"


def team_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    team = hb.team
    if team is None:
        return []
    pods = [(pod, team.people_in(pod.name)) for pod in team.pod_details]
    unassigned = team.people_in(None)
    body = r.render("team/team.md.j2", PAGE, team=team, pods=pods, unassigned=unassigned)
    return [
        GeneratedPage(
            path=PAGE, title="Team and on-call", body=body, tags=("team", "on-call"), source=team.file, in_nav=True
        )
    ]
