"""OpenSLO `openslo/v1` and `openslo/v1alpha`: kinds SLO, SLI and Service; other kinds are skipped.

v1: `spec.timeWindow: [{duration: 28d, isRolling: true}]`, `spec.indicator` (inline SLI) or
`spec.indicatorRef` (a `kind: SLI` by name, in any file), `objectives[].target` (fraction) or
`targetPercent`. v1alpha: `spec.timeWindows: [{count: 30, unit: Day}]` and `objectives[].target`.
Each objective becomes one SLO of `spec.service`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ..timeparse import format_threshold
from ..yamlio import LineDict, LineList
from .model import SloFormat
from .specs import (
    Reader,
    SpecError,
    alpha_window,
    explicit_sli,
    infer_sli,
    le_threshold,
    mapping,
    percent,
    text,
    window,
)

VERSIONS = {"openslo/v1": "v1", "openslo/v1alpha": "v1alpha"}
DEFAULT_WINDOW = timedelta(days=30)  # what Sloth uses for an OpenSLO SLO without a window


def index_sli(doc: LineDict, file: str, reader: Reader) -> None:
    """Remember a v1 `kind: SLI` by name so `indicatorRef` finds it in any file (first one wins)."""
    name = text(mapping(doc.get("metadata")).get("name"))
    if name:
        reader.slis.setdefault(name, (file, doc))


def read(doc: LineDict, file: str, reader: Reader, api: SloFormat) -> None:
    kind = doc.get("kind")
    if kind == "SLO":
        _slo(doc, file, reader, api)
    elif kind == "Service":
        _service(doc, file, reader)
    elif kind == "SLI" and api == "openslo/v1":
        pass  # indexed before reading, used through indicatorRef
    else:
        known = "SLO, SLI and Service" if api == "openslo/v1" else "SLO and Service"
        reader.skip(file, doc.line, f"{api} kind {kind!r} skipped: opsbook reads the kinds {known}")


def _service(doc: LineDict, file: str, reader: Reader) -> None:
    meta = mapping(doc.get("metadata"))
    sid = reader.service_from_name(meta, doc, file, "metadata.name of the Service")
    if sid is None:
        return
    decl = reader.services[sid]
    if not decl.declared:  # the service's own document, not an SLO naming it, is where to edit it
        decl.declared = True
        decl.file, decl.line = file, doc.line
    display = text(meta.get("displayName"))
    if display and not decl.titled:  # the first displayName wins over a name seen in an SLO
        decl.title, decl.titled = display, True
    decl.description = decl.description or text(mapping(doc.get("spec")).get("description"))
    decl.owner = decl.owner or _owner(meta)


def _owner(meta: LineDict) -> str | None:
    """A single `owner` (or `team`) label; OpenSLO v1 labels may be lists."""
    labels = mapping(meta.get("labels"))
    for key in ("owner", "team"):
        value = labels.get(key)
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _slo(doc: LineDict, file: str, reader: Reader, api: SloFormat) -> None:
    meta = mapping(doc.get("metadata"))
    spec = doc.get("spec")
    if not isinstance(spec, LineDict):
        reader.problem(
            file,
            doc.line,
            f"{api} SLO {text(meta.get('name'))!r} has no `spec` mapping; "
            "an SLO needs spec.service, spec.objectives and a time window",
        )
        return
    line = spec.key_lines.get("service") or doc.line_of("spec")  # a missing key: the line of `spec:`
    sid = reader.service(spec.get("service"), file, line, "spec.service")
    if sid is None:
        return
    length, calendar = _window(spec, file, reader, api)
    if length is None:
        return
    objectives = spec.get("objectives")
    if not isinstance(objectives, LineList) or not objectives:
        reader.problem(
            file,
            spec.line_of("objectives"),
            "spec.objectives must be a list with at least one objective, e.g. "
            "objectives: [{displayName: Good, target: 0.999}]",
        )
        return
    name = text(meta.get("name"))
    title = text(meta.get("displayName")) or name or sid
    indicator_names, default_sli, good = _indicator(spec, file, reader)
    budgeting = text(spec.get("budgetingMethod")) or None
    explicit = explicit_sli(meta.get("labels"), meta.get("annotations"))
    for index, objective in enumerate(objectives):
        line = objectives.line_of(index)
        if not isinstance(objective, LineDict):
            reader.problem(file, line, f"spec.objectives.{index} must be a mapping with a target, e.g. target: 0.999")
            continue
        target = _target(objective, file, reader, index, line)
        if target is None:
            continue
        label = text(objective.get("displayName"))
        own_names, own_default, own_good = _indicator(objective, file, reader)
        names = (name, title, label, *indicator_names, *own_names)
        sli = explicit or infer_sli(
            names,
            own_default or default_sli or ("availability" if "ratioMetrics" in objective else "latency"),
        )
        threshold = None
        if sli == "latency":  # a histogram bucket bound in the good query: le="0.4" -> 400ms
            threshold = le_threshold(own_good or mapping(objective.get("ratioMetrics")).get("good") or good)
        if len(objectives) == 1:
            slo_name = title
        elif label:
            slo_name = f"{title}: {label}"
        elif threshold:
            slo_name = f"{title} < {format_threshold(threshold)}"
        else:
            slo_name = f"{title}: objective {index + 1}"
        reader.add_slo(
            service=sid,
            sli=sli,
            objective=target,
            window=length,
            file=file,
            line=line,
            source_format=api,
            name=slo_name,
            description=text(spec.get("description")),
            threshold=threshold,
            calendar=calendar,
            budgeting_method=budgeting,
        )


def _target(objective: LineDict, file: str, reader: Reader, index: int, line: int) -> float | None:
    for key, fraction in (("target", True), ("targetPercent", False)):
        if key in objective:
            try:
                return percent(objective[key], fraction_field=fraction)
            except SpecError as exc:
                reader.problem(file, objective.line_of(key), f"spec.objectives.{index}.{key}: {exc}")
                return None
    reader.problem(
        file,
        line,
        f"spec.objectives.{index} has no target; write target: 0.999 (a fraction) or targetPercent: 99.9",
    )
    return None


def _window(spec: LineDict, file: str, reader: Reader, api: SloFormat) -> tuple[timedelta | None, bool]:
    """The SLO window and whether it is a calendar window; (None, False) after a problem."""
    key = "timeWindow" if api == "openslo/v1" else "timeWindows"
    raw = spec.get(key, spec.get("timeWindows" if key == "timeWindow" else "timeWindow"))
    if raw is None:
        reader.problems.note(file, spec.line, f"no spec.{key}; using {DEFAULT_WINDOW.days} days, as Sloth does")
        return DEFAULT_WINDOW, False
    item = raw[0] if isinstance(raw, LineList) and raw else raw
    line = raw.line_of(0) if isinstance(raw, LineList) and raw else spec.line_of(key)
    if not isinstance(item, LineDict):
        reader.problem(
            file,
            line,
            f"spec.{key} must be a list with one window, e.g. "
            "[{duration: 28d, isRolling: true}] (v1) or [{count: 30, unit: Day}] (v1alpha)",
        )
        return None, False
    try:
        if "duration" in item:
            length = window(item["duration"])
        elif "count" in item or "unit" in item:
            length = alpha_window(item.get("count"), item.get("unit"))
        else:
            raise SpecError("a window needs `duration` (e.g. 28d) or `count` and `unit` (e.g. 30, Day)")
    except SpecError as exc:
        reader.problem(file, line, f"spec.{key}: {exc}")
        return None, False
    rolling = item.get("isRolling")
    calendar = rolling is False or ("calendar" in item and rolling is not True)
    return length, calendar


def _indicator(owner: LineDict, file: str, reader: Reader) -> tuple[tuple[Any, ...], str | None, Any]:
    """Names of the SLI an SLO (or objective) uses, the SLI word its metric type suggests, and the
    `good` part of a ratio metric (where a latency bucket bound is written)."""
    inline = owner.get("indicator")
    ref = owner.get("indicatorRef")
    if isinstance(ref, str) and ref.strip():
        found = reader.slis.get(ref.strip())
        if found is None:
            known = ", ".join(sorted(reader.slis)) or "none"
            reader.problem(
                file,
                owner.line_of("indicatorRef"),
                f"indicatorRef {ref!r} names no `kind: SLI` under the SLO folder (known: {known})",
            )
            return (ref,), None, None
        inline = found[1]
    if not isinstance(inline, LineDict):
        return (), None, None
    meta = mapping(inline.get("metadata"))
    metric = mapping(inline.get("spec") if isinstance(inline.get("spec"), LineDict) else inline)
    ratio = mapping(metric.get("ratioMetric", metric.get("ratioMetrics")))
    default = "availability" if ratio else ("latency" if "thresholdMetric" in metric else None)
    return (text(meta.get("name")), text(meta.get("displayName"))), default, ratio.get("good")
