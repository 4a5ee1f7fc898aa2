"""The semantic difference of two ops.json documents (base and working tree).

Comparing the normalised documents rather than the models keeps this module independent of how
each kind is loaded: whatever ops.json says about an item is what a reviewer sees change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from ..timeparse import format_duration
from .model import Change, ChangeKind, ChangeWhat

Doc = dict[str, Any]


def _by(items: Iterable[Doc] | None, key: str = "id") -> dict[str, Doc]:
    return {str(item[key]): item for item in items or () if isinstance(item, dict) and key in item}


def _page(item: Doc, fallback: str) -> str:
    """The Markdown page of an item from its ops.json url ("services/api/" -> "services/api.md")."""
    url = item.get("url")
    if isinstance(url, str) and url:
        return url.split("#")[0].rstrip("/") + ".md"
    return fallback


def _pct(value: Any) -> str:
    return f"{value:g} %" if isinstance(value, int | float) else str(value)


def _slo_key(slo: Doc) -> str:
    return f"{slo.get('sli')}|{slo.get('name')}"


def _slo_label(service: str, slo: Doc) -> str:
    return f"{service} {slo.get('name') or slo.get('sli')}"


def direction(before: Any, after: Any) -> str | None:
    """A lower objective loosens the SLO (more may fail), a higher one tightens it."""
    if not isinstance(before, int | float) or not isinstance(after, int | float) or before == after:
        return None
    return "loosens" if after < before else "tightens"


def slo_change(label: str, b: Doc, h: Doc) -> str:
    """One sentence naming only what changed (objective, window, the budget that follows) and whether
    the change loosens or tightens the objective."""
    parts = []
    if b.get("objective") != h.get("objective"):
        parts.append(f"objective {_pct(b.get('objective'))} -> {_pct(h.get('objective'))}")
    if b.get("window_days") != h.get("window_days"):
        parts.append(f"window {_days(b.get('window_days'))} -> {_days(h.get('window_days'))}")
    budget_b, budget_h = b.get("error_budget_minutes", 0), h.get("error_budget_minutes", 0)
    if budget_b != budget_h:
        parts.append(f"error budget {format_duration(budget_b)} -> {format_duration(budget_h)}")
    way = direction(b.get("objective"), h.get("objective"))
    verdict = f"{way} the objective" if way else "same objective"
    return f"SLO {label} {verdict}: " + ", ".join(parts)


def _days(value: Any) -> str:
    return f"{value:g} d" if isinstance(value, int | float) else str(value)


def services(base: Doc, head: Doc) -> list[Change]:
    out: list[Change] = []
    old, new = _by(base.get("services")), _by(head.get("services"))
    for sid in sorted(new.keys() - old.keys()):
        out.append(
            Change(
                "service",
                sid,
                "added",
                f"New service {sid} with {len(new[sid].get('slos', []))} SLO(s)",
                _page(new[sid], f"services/{sid}.md"),
            )
        )
    for sid in sorted(old.keys() - new.keys()):
        out.append(Change("service", sid, "removed", f"Service {sid} was removed"))
    for sid in sorted(old.keys() & new.keys()):
        page = _page(new[sid], f"services/{sid}.md")
        b_slos = {_slo_key(s): s for s in old[sid].get("slos", [])}
        h_slos = {_slo_key(s): s for s in new[sid].get("slos", [])}
        for key in sorted(h_slos.keys() - b_slos.keys()):
            s = h_slos[key]
            out.append(
                Change(
                    "slo",
                    sid,
                    "added",
                    f"New SLO {_slo_label(sid, s)}: {_pct(s.get('objective'))}, "
                    f"budget {format_duration(s.get('error_budget_minutes', 0))}",
                    page,
                )
            )
        for key in sorted(b_slos.keys() - h_slos.keys()):
            out.append(Change("slo", sid, "removed", f"SLO {_slo_label(sid, b_slos[key])} was removed", page))
        for key in sorted(b_slos.keys() & h_slos.keys()):
            b, h = b_slos[key], h_slos[key]
            if (b.get("objective"), b.get("window_days")) != (h.get("objective"), h.get("window_days")):
                out.append(Change("slo", sid, "changed", slo_change(_slo_label(sid, h), b, h), page))
        if old[sid].get("owner") != new[sid].get("owner"):
            out.append(
                Change(
                    "service",
                    sid,
                    "changed",
                    f"Owner of {sid}: {old[sid].get('owner')} -> {new[sid].get('owner')}",
                    page,
                )
            )
        b_level = (old[sid].get("maturity") or {}).get("level")
        h_level = (new[sid].get("maturity") or {}).get("level")
        if b_level != h_level:
            maturity_page = _page(new[sid].get("maturity") or {}, f"maturity/{sid}.md")
            out.append(
                Change("maturity", sid, "changed", f"Maturity of {sid}: level {b_level} -> {h_level}", maturity_page)
            )
    return out


def _status_changes(kind: str, label: str, base: Doc, head: Doc, fields: tuple[str, ...]) -> list[Change]:
    out: list[Change] = []
    old, new = _by(base.get(kind)), _by(head.get(kind))
    singular = cast(ChangeKind, kind.rstrip("s"))  # decisions -> decision, rfcs -> rfc, ...
    for iid in sorted(new.keys() - old.keys()):
        item = new[iid]
        out.append(
            Change(
                singular,
                iid,
                "added",
                f"New {label} {iid} \u201c{item.get('title', '')}\u201d ({item.get('status')})",
                _page(item, f"{kind}/{iid}.md"),
            )
        )
    for iid in sorted(old.keys() - new.keys()):
        out.append(Change(singular, iid, "removed", f"{label.capitalize()} {iid} was removed"))
    for iid in sorted(old.keys() & new.keys()):
        for field in fields:
            b, h = old[iid].get(field), new[iid].get(field)
            if b != h:
                show = ", ".join(map(str, b)) if isinstance(b, list) else b
                now = ", ".join(map(str, h)) if isinstance(h, list) else h
                summary = f"{label.capitalize()} {iid}: {field.replace('_', ' ')} {show or '–'} -> {now or '–'}"
                out.append(Change(singular, iid, "changed", summary, _page(new[iid], f"{kind}/{iid}.md")))
    return out


def decisions(base: Doc, head: Doc) -> list[Change]:
    return _status_changes("decisions", "decision", base, head, ("status", "superseded_by"))


def rfcs(base: Doc, head: Doc) -> list[Change]:
    return _status_changes("rfcs", "RFC", base, head, ("status", "review_state", "decision"))


def incidents(base: Doc, head: Doc) -> list[Change]:
    out = _status_changes("incidents", "incident", base, head, ("severity", "status", "services", "postmortem_state"))
    old, new = _by(base.get("incidents")), _by(head.get("incidents"))
    for iid in sorted(old.keys() & new.keys()):
        page = _page(new[iid], f"incidents/{iid}.md")
        b_fu = {str(f.get("action")): f for f in old[iid].get("follow_ups", [])}
        h_fu = {str(f.get("action")): f for f in new[iid].get("follow_ups", [])}
        for action in sorted(h_fu.keys() - b_fu.keys()):
            out.append(
                Change(
                    "follow-up",
                    iid,
                    "added",
                    f"{iid}: new follow-up \u201c{action}\u201d "
                    f"({h_fu[action].get('owner')}, due {h_fu[action].get('due')})",
                    page,
                )
            )
        for action in sorted(h_fu.keys() & b_fu.keys()):
            b, h = b_fu[action].get("status"), h_fu[action].get("status")
            if b != h:
                what: ChangeWhat = "closed" if h in ("done", "wont-do") else "changed"
                summary = f"{iid}: follow-up \u201c{action}\u201d {b} -> {h}"
                out.append(Change("follow-up", iid, what, summary, page))
    return out


def roadmap(base: Doc, head: Doc) -> list[Change]:
    def where(doc: Doc) -> dict[str, str]:
        sections = (doc.get("roadmap") or {}).get("sections") or {}
        return {str(item): str(section) for section, items in sections.items() for item in items or ()}

    old, new = where(base), where(head)
    page = _page(head.get("roadmap") or {}, "roadmap.md")
    out = [
        Change("roadmap", item, "added", f"Roadmap: new in {new[item]}: {item}", page)
        for item in sorted(new.keys() - old.keys())
    ]
    out += [
        Change("roadmap", item, "removed", f"Roadmap: removed from {old[item]}: {item}", page)
        for item in sorted(old.keys() - new.keys())
    ]
    out += [
        Change("roadmap", item, "moved", f"Roadmap: {old[item]} -> {new[item]}: {item}", page)
        for item in sorted(old.keys() & new.keys())
        if old[item] != new[item]
    ]
    return out


COMPARISONS: tuple[Callable[[Doc, Doc], list[Change]], ...] = (
    services,
    decisions,
    rfcs,
    incidents,
    roadmap,
)


def compare(base: Doc, head: Doc) -> tuple[Change, ...]:
    """Every semantic change from `base` to `head`, in a stable order."""
    return tuple(change for comparison in COMPARISONS for change in comparison(base, head))
