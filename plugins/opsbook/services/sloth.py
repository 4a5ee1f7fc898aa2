"""Sloth: `version: prometheus/v1` files and the Kubernetes CRD `sloth.slok.dev/v1` PrometheusServiceLevel.

Both name one `service` and list `slos[]` whose `objective` is a percent (99.9). Sloth specs carry no
window: Sloth applies its default SLO period, 30 days, and so does opsbook. `kind: AlertWindows`
(custom burn-rate windows) is skipped with a note.
"""

from __future__ import annotations

from datetime import timedelta

from ..yamlio import LineDict, LineList
from .model import SloFormat
from .specs import Reader, SpecError, explicit_sli, infer_sli, le_threshold, mapping, percent, text

SLOTH_PERIOD = timedelta(days=30)
K8S_API = "sloth.slok.dev/v1"


def read(doc: LineDict, file: str, reader: Reader, k8s: bool) -> None:
    if k8s:
        if doc.get("kind") != "PrometheusServiceLevel":
            reader.skip(
                file,
                doc.line,
                f"{K8S_API} kind {doc.get('kind')!r} skipped: opsbook reads "
                "PrometheusServiceLevel (SLOs); alert windows do not change the SLOs",
            )
            return
        body = doc.get("spec")
        if not isinstance(body, LineDict):
            reader.problem(file, doc.line, "PrometheusServiceLevel has no `spec` mapping with service and slos")
            return
        source: SloFormat = "sloth-k8s"
        prefix = "spec."
    else:
        body, prefix, source = doc, "", "sloth"
    sid = reader.service(body.get("service"), file, body.line_of("service"), f"{prefix}service")
    if sid is None:
        return
    labels = mapping(body.get("labels"))
    owner = labels.get("owner") or labels.get("team")
    if isinstance(owner, str) and owner.strip() and reader.services[sid].owner is None:
        reader.services[sid].owner = owner.strip()
    slos = body.get("slos")
    if not isinstance(slos, LineList) or not slos:
        reader.problem(
            file,
            body.line_of("slos"),
            f"{prefix}slos must list at least one SLO, e.g. slos: [{{name: requests-availability, "
            "objective: 99.9, ...}]",
        )
        return
    for index, slo in enumerate(slos):
        line = slos.line_of(index)
        where = f"{prefix}slos.{index}"
        if not isinstance(slo, LineDict):
            reader.problem(file, line, f"{where} must be a mapping with name and objective")
            continue
        if "objective" not in slo:
            reader.problem(file, line, f"{where} has no objective; write a percent, e.g. objective: 99.9")
            continue
        try:
            objective = percent(slo["objective"], fraction_field=False)
        except SpecError as exc:
            reader.problem(file, slo.line_of("objective"), f"{where}.objective: {exc}")
            continue
        name = text(slo.get("name")) or f"SLO {index + 1}"
        description = text(slo.get("description"))
        sli = explicit_sli(slo.get("labels"), labels) or infer_sli(
            (name, mapping(slo.get("labels")).get("category"), description), "availability"
        )
        threshold = le_threshold(slo.get("sli")) if sli == "latency" else None
        reader.add_slo(
            service=sid,
            sli=sli,
            objective=objective,
            window=SLOTH_PERIOD,
            file=file,
            line=line,
            source_format=source,
            name=name,
            description=description,
            threshold=threshold,
        )
