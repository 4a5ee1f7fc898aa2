"""Pyrra `pyrra.dev/v1alpha1` ServiceLevelObjective: `spec.target` is a percent string ("99.9").

The service is the first of the labels `service`, `pyrra.dev/service`, `app.kubernetes.io/name` and
`app`, else `metadata.name` (so each Pyrra SLO without such a label is a service of its own). A
latency indicator's threshold comes from its `le="…"` bucket or `latencyNative.latency`.
"""

from __future__ import annotations

from datetime import timedelta

from ..timeparse import THRESHOLD
from ..yamlio import LineDict
from .specs import Reader, SpecError, duration, explicit_sli, infer_sli, le_threshold, mapping, percent, text, window

API = "pyrra.dev/v1alpha1"
SERVICE_LABELS = ("service", "pyrra.dev/service", "app.kubernetes.io/name", "app")


def read(doc: LineDict, file: str, reader: Reader) -> None:
    if doc.get("kind") != "ServiceLevelObjective":
        reader.skip(file, doc.line, f"{API} kind {doc.get('kind')!r} skipped: opsbook reads ServiceLevelObjective")
        return
    meta = mapping(doc.get("metadata"))
    spec = doc.get("spec")
    if not isinstance(spec, LineDict):
        reader.problem(file, doc.line, "ServiceLevelObjective has no `spec` mapping with target and window")
        return
    labels = mapping(meta.get("labels"))
    label = next((k for k in SERVICE_LABELS if isinstance(labels.get(k), str) and labels[k].strip()), None)
    if label is not None:
        sid = reader.service(labels[label], file, labels.line_of(label), f"metadata.labels.{label}")
    else:
        sid = reader.service_from_name(meta, doc, file, "metadata.name (or a `service` label)")
    if sid is None:
        return
    objective = reader.required(spec, "target", _percent, file, 'a percent as a string, e.g. target: "99.9"')
    if objective is None:
        return
    length = reader.required(spec, "window", window, file, "e.g. window: 4w")
    if length is None:
        return
    indicator = mapping(spec.get("indicator"))
    latency = "latency" in indicator or "latencyNative" in indicator
    name = text(meta.get("name")) or sid
    sli = explicit_sli(labels, meta.get("annotations")) or infer_sli((name,), "latency" if latency else "availability")
    reader.add_slo(
        service=sid,
        sli=sli,
        objective=objective,
        window=length,
        file=file,
        line=doc.line,
        source_format="pyrra",
        name=name,
        description=text(spec.get("description")),
        threshold=_threshold(indicator) if sli == "latency" else None,
    )


def _percent(value: object) -> float:
    return percent(value, fraction_field=False)  # Pyrra writes "99.9", never a fraction


def _threshold(indicator: LineDict) -> timedelta | None:
    """The latency bound: `le="0.05"` in the success bucket selector, or latencyNative.latency."""
    native = mapping(indicator.get("latencyNative"))
    if "latency" in native:
        try:
            return duration(native["latency"], THRESHOLD)
        except SpecError:
            return None
    return le_threshold(mapping(mapping(indicator.get("latency")).get("success")).get("metric"))
