"""Loading `ops/maturity.yml`: criteria added, changed or removed, exemptions and attestations."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from ..checks import REGISTRY
from ..problems import ProblemLog
from ..services.model import unknown_service
from ..sources import present, read_yaml
from ..team.model import check_person
from ..timeparse import parse_date
from ..validate import check, parsed
from ..yamlio import LineDict, LineList
from .model import ORGANISATION, SERVICE, Attestation, Criterion, Exemption, Rubric, Scope
from .rubric import BUILT_IN, LEVELS

if TYPE_CHECKING:
    from ..handbook import Handbook


def load_rubric(hb: Handbook, problems: ProblemLog) -> Rubric:
    """The built-in rubric, changed by `ops/maturity.yml` when it exists; bad entries are skipped."""
    settings = hb.settings
    path = settings.path(settings.maturity)
    if not present(path):
        return Rubric(LEVELS, BUILT_IN)
    name = settings.maturity
    data = read_yaml(path, name, problems, settings.root, "a mapping with `criteria`, `exemptions` or `attestations`")
    if data is None:
        return Rubric(LEVELS, BUILT_IN, file=name)
    if not isinstance(data, LineDict):
        problems.add(
            name,
            getattr(data, "line", 1),
            "the maturity file is a mapping with `criteria`, "
            "`exemptions` and `attestations` (and optionally `replace`, `remove`)",
        )
        return Rubric(LEVELS, BUILT_IN, file=name)
    invalid = check(data, "maturity", name, problems)
    replaced = data.get("replace") is True
    criteria: dict[str, Criterion] = {} if replaced else {c.id: c for c in BUILT_IN}
    removals = data.get("remove")
    if isinstance(removals, LineList) and not invalid.under("remove"):
        for index, cid in enumerate(removals):
            if criteria.pop(str(cid), None) is None:
                problems.add(
                    name,
                    removals.line_of(index),
                    f"remove: {cid!r} is not a built-in criterion; use one of: {', '.join(c.id for c in BUILT_IN)}",
                )
    raw_criteria = data.get("criteria")
    if isinstance(raw_criteria, LineList):
        for index, raw in enumerate(raw_criteria):
            if invalid.under("criteria", index) or not isinstance(raw, LineDict):
                continue
            crit = _criterion(hb, raw, criteria, name, raw_criteria.line_of(index), problems)
            if crit is not None:
                criteria[crit.id] = crit
    final = tuple(sorted(criteria.values(), key=lambda c: (c.scope != SERVICE, c.level, _order(c.id), c.id)))
    by_id = {c.id: c for c in final}
    exemptions = _exemptions(hb, data.get("exemptions"), by_id, invalid, name, problems)
    attestations = _attestations(hb, data.get("attestations"), by_id, invalid, name, problems)
    return Rubric(LEVELS, final, exemptions, attestations, file=name, replaced=replaced)


_BUILT_IN_ORDER = {c.id: i for i, c in enumerate(BUILT_IN)}


def _order(cid: str) -> int:
    return _BUILT_IN_ORDER.get(cid, len(_BUILT_IN_ORDER))


def _criterion(
    hb: Handbook, raw: LineDict, criteria: dict[str, Criterion], file: str, line: int, problems: ProblemLog
) -> Criterion | None:
    cid = str(raw["id"])
    base = criteria.get(cid)
    check_id = str(raw["check"]) if "check" in raw else None
    attestation = raw.get("attestation") is True
    if check_id is not None and attestation:
        problems.add(
            file,
            line,
            f"criterion {cid!r} has both `check` and `attestation: true`; a criterion "
            "is decided by a check or by an attestation",
        )
        return None
    if base is None:
        needs = [f"`{k}`" for k in ("level", "title") if k not in raw]
        if check_id is None and not attestation:
            needs.append("a `check` or `attestation: true`")
        if needs:
            problems.add(file, line, f"new criterion {cid!r} needs {', '.join(needs)}")
            return None
        base = Criterion(cid, int(raw["level"]), str(raw["title"]), SERVICE)
    if check_id is not None:
        known = REGISTRY.get(check_id)
        if known is None:
            problems.add(
                file,
                raw.line_of("check"),
                f"check {check_id!r} is not a known check; use one of: {', '.join(sorted(REGISTRY))}",
            )
            return None
        base = replace(
            base, check=check_id, attestation=False, scope=ORGANISATION if known.scope == ORGANISATION else base.scope
        )
    elif attestation:
        base = replace(base, check=None, attestation=True)
    scope = cast(Scope, str(raw.get("scope") or base.scope))  # checked by the schema
    if scope == SERVICE and base.check is not None and REGISTRY[base.check].scope == ORGANISATION:
        problems.add(
            file,
            raw.line_of("scope"),
            f"criterion {cid!r}: check {base.check!r} is about the "
            "organisation, so the criterion cannot be judged per service; use scope: organisation",
        )
        return None
    services = tuple(str(s) for s in raw.get("services") or base.services)
    for index, sid in enumerate(raw.get("services") or ()):
        if sid not in hb.service_by_id:
            problems.add(
                file,
                raw["services"].line_of(index),
                unknown_service(sid, hb.service_by_id, hb.settings.slo),
            )
    return replace(
        base,
        level=int(raw.get("level", base.level)),
        title=str(raw.get("title", base.title)),
        description=str(raw.get("description", base.description)),
        scope=scope,
        services=services,
        source=f"{file}:{line}",
    )


def _target(
    hb: Handbook,
    raw: LineDict,
    crit: Criterion | None,
    by_id: dict[str, Criterion],
    what: str,
    file: str,
    line: int,
    problems: ProblemLog,
) -> tuple[Criterion, str | None] | None:
    """The criterion and service an exemption or attestation names, or None after a problem."""
    cid = str(raw["criterion"])
    if crit is None:
        problems.add(
            file,
            raw.line_of("criterion"),
            f"{what}: criterion {cid!r} is not in the rubric; use one of: {', '.join(by_id)}",
        )
        return None
    service = str(raw["service"]) if "service" in raw else None
    if crit.scope == ORGANISATION and service is not None:
        problems.add(
            file, raw.line_of("service"), f"{what}: criterion {cid!r} is about the organisation; remove `service`"
        )
        return None
    if crit.scope == SERVICE:
        if service is None:
            problems.add(file, line, f"{what}: criterion {cid!r} is judged per service; add `service:`")
            return None
        if service not in hb.service_by_id:
            problems.add(
                file,
                raw.line_of("service"),
                f"{what}: {unknown_service(service, hb.service_by_id, hb.settings.slo)}",
            )
            return None
    return crit, service


def _exemptions(
    hb: Handbook, raw: Any, by_id: dict[str, Criterion], invalid: Any, file: str, problems: ProblemLog
) -> tuple[Exemption, ...]:
    found: dict[tuple[str, str | None], Exemption] = {}
    for entry, line in invalid.entries(raw, "exemptions"):
        crit = by_id.get(str(entry["criterion"]))
        target = _target(hb, entry, crit, by_id, "exemption", file, line, problems)
        until = parsed(entry, "until", parse_date, file, problems, "exemption: ")
        if target is None or until is None:
            continue
        crit, service = target
        key = (crit.id, service)
        if key in found:
            problems.add(
                file,
                line,
                f"exemption: {service or 'the organisation'} is already exempt from "
                f"{crit.id!r} (line {found[key].line}); keep one exemption per criterion",
            )
            continue
        found[key] = Exemption(crit.id, service, str(entry["reason"]), until, file, line)
    return tuple(found.values())


def _attestations(
    hb: Handbook, raw: Any, by_id: dict[str, Criterion], invalid: Any, file: str, problems: ProblemLog
) -> tuple[Attestation, ...]:
    found: list[Attestation] = []
    for entry, line in invalid.entries(raw, "attestations"):
        crit = by_id.get(str(entry["criterion"]))
        target = _target(hb, entry, crit, by_id, "attestation", file, line, problems)
        on = parsed(entry, "date", parse_date, file, problems, "attestation: ")
        until = parsed(entry, "until", parse_date, file, problems, "attestation: ") if "until" in entry else None
        if target is None or on is None or ("until" in entry and until is None):
            continue
        crit, service = target
        if not crit.attestation:
            problems.add(
                file,
                entry.line_of("criterion"),
                f"attestation: criterion {crit.id!r} is decided by the check {crit.check!r}, not by attestation",
            )
            continue
        check_person(hb.team, str(entry["by"]), file, entry.line_of("by"), "attestation by", problems)
        found.append(
            Attestation(
                crit.id,
                service,
                str(entry["by"]).lstrip("@"),
                on,
                str(entry["evidence"]),
                str(entry.get("note") or ""),
                until,
                file,
                line,
            )
        )
    return tuple(found)
