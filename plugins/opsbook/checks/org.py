"""Checks of the organisation as a whole: roadmap, cadence, on-call, postmortems, decisions."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .registry import ORGANISATION, register
from .result import CheckResult, Evidence, failed, not_assessed, passed

if TYPE_CHECKING:
    from ..handbook import Handbook


@register("oncall-rotation", "An on-call rotation exists", ORGANISATION, needs=("team",))
def oncall_rotation(hb: Handbook) -> CheckResult:
    """Passes when the team file defines at least one on-call rotation with members."""
    team = hb.team
    if team is None:
        return failed(f"no team file: define people and `rotations:` in {hb.settings.team}")
    rotations = [r for r in team.rotations if r.members]
    if not rotations:
        return failed(
            f"no on-call rotation with members: add one under `rotations:` in {team.file}", Evidence("Team", "team.md")
        )
    names = ", ".join(f"{r.name} ({len(r.members)} people)" for r in rotations)
    return passed(names, Evidence("On-call", "team.md"))


@register("roadmap-dri", "The roadmap names a DRI for every item", ORGANISATION, needs=("roadmap",))
def roadmap_dri(hb: Handbook) -> CheckResult:
    """Passes when ROADMAP.md exists, has items under Now / Next / Later, and every item names its DRI
    (`DRI: @handle`)."""
    roadmap = hb.roadmap
    if roadmap is None:
        return failed(f"no roadmap: write {hb.settings.roadmap} with Now / Next / Later items, each naming its DRI")
    board = Evidence("Roadmap", roadmap.page)
    if not roadmap.items:
        return failed(f"{roadmap.file} has no items under Now / Next / Later", board)
    missing = [i for i in roadmap.items if not i.dri]
    if missing:
        names = "; ".join(f"{i.section}: {i.title}" for i in missing)
        return failed(
            f"{len(missing)} of {len(roadmap.items)} items have no DRI ({names})",
            *(Evidence(f"{i.section}: {i.title}", f"{roadmap.page}#{i.anchor}") for i in missing),
        )
    return passed(f"all {len(roadmap.items)} items name a DRI", board)


@register("rituals-owned", "Every ritual of the cadence has an owner", ORGANISATION, needs=("cadence",))
def rituals_owned(hb: Handbook) -> CheckResult:
    """Passes when the operating cadence defines rituals and every one names an owner (a role, a person
    or a pod)."""
    cadence = hb.cadence
    if cadence is None:
        return failed(f"no operating cadence: write {hb.settings.cadence} with the rituals and their owners")
    page = Evidence("Operating cadence", "cadence.md")
    if not cadence.rituals:
        return failed(f"{cadence.file} defines no rituals", page)
    missing = [r.name for r in cadence.rituals if not r.owner]
    if missing:
        return failed(f"{len(missing)} of {len(cadence.rituals)} rituals have no owner: {', '.join(missing)}", page)
    return passed(f"all {len(cadence.rituals)} rituals have an owner", page)


@register("postmortems-exist", "Postmortems are published", ORGANISATION, needs=("incidents",))
def postmortems_exist(hb: Handbook) -> CheckResult:
    """Passes when at least one incident of the incident log has a published postmortem."""
    if not hb.incidents:
        return failed(
            f"no incident recorded: keep one file per incident in {hb.settings.incidents}/ and publish its postmortem"
        )
    published = [i for i in hb.incidents if i.postmortem_published is not None]
    log = Evidence("Incident log", "incidents/index.md")
    if not published:
        return failed(
            f"none of {len(hb.incidents)} incidents has a published postmortem "
            "(`postmortem: {published: YYYY-MM-DD}`)",
            log,
        )
    return passed(f"{len(published)} of {len(hb.incidents)} incidents have a published postmortem", log)


def _today(hb: Handbook) -> date:
    return hb.as_of.astimezone(hb.settings.timezone).date()


DECISION_LOG = Evidence("Decision log", "decisions/index.md")


@register("decisions-recorded", "Decisions are recorded", ORGANISATION, needs=("decisions",))
def decisions_recorded(hb: Handbook) -> CheckResult:
    """Passes when the decision log holds at least one accepted decision record."""
    if not hb.decisions:
        return failed(
            f"no decision records: write them in {', '.join(hb.settings.decisions)} (context, options, decision, owner)"
        )
    accepted = [d for d in hb.decisions if d.status == "accepted"]
    if not accepted:
        return failed(f"none of {len(hb.decisions)} decision records is accepted", DECISION_LOG)
    return passed(f"{len(hb.decisions)} decision records, {len(accepted)} accepted", DECISION_LOG)


@register("decisions-revisited", "No decision record is past its revisit date", ORGANISATION, needs=("decisions",))
def decisions_revisited(hb: Handbook) -> CheckResult:
    """Passes when decision records exist and none still in force (not superseded, deprecated or
    rejected) has a `revisit` date before the as-of date. Not assessed without decision records."""
    if not hb.decisions:
        return not_assessed("no decision records")
    today = _today(hb)
    due = [d for d in hb.decisions if d.revisit is not None and d.revisit < today and not d.retired]
    if due:
        names = ", ".join(f"{d.id} ({d.revisit})" for d in due)
        return failed(
            f"{len(due)} past their revisit date: {names}", *(Evidence(f"{d.id}: {d.title}", d.page) for d in due)
        )
    with_date = sum(1 for d in hb.decisions if d.revisit is not None and not d.retired)
    return passed(f"none past its revisit date ({with_date} in force with a revisit date)", DECISION_LOG)


@register("rfc-reviews-on-time", "No RFC review is past its window", ORGANISATION, needs=("rfcs",))
def rfc_reviews_on_time(hb: Handbook) -> CheckResult:
    """Passes when RFCs exist and none is still in `review` after its review window closed. Not
    assessed without RFCs."""
    if not hb.rfcs:
        return not_assessed(f"no RFCs in {hb.settings.rfcs}/")
    overdue = [r for r in hb.rfcs if r.review_state == "overdue"]
    if overdue:
        return failed(
            f"{len(overdue)} RFC review{'s' if len(overdue) > 1 else ''} past the window: "
            f"{', '.join(f'{r.id} (closed {r.closes})' for r in overdue)}",
            *(Evidence(r.title, r.page) for r in overdue),
        )
    return passed(f"{len(hb.rfcs)} RFCs, none in review past its window", Evidence("RFCs", "rfcs/index.md"))
