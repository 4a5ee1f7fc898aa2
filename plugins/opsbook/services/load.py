"""Loading `ops/slo.yml`, the native services and SLOs file."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ..problems import ProblemLog
from ..settings import Settings
from ..sources import present, read_yaml
from ..timeparse import SLO_WINDOW, THRESHOLD, ParseError, Span, parse_duration
from ..validate import check
from ..yamlio import LineDict
from .derive import make_slo
from .foreign import load_foreign, merge
from .model import SERVICE_ID, SERVICE_ID_HINT, Service, Slo

DEFAULT_WINDOW = timedelta(days=30)


def has_service_sources(settings: Settings) -> bool:
    """Whether the handbook defines services at all (ops/slo.yml or foreign specs under ops/slo/).

    Without them a service named elsewhere cannot be checked, and is not a problem: a missing
    source is simply absent from the handbook.
    """
    return present(settings.path(settings.slo)) or settings.path(settings.slo_dir).is_dir()


def load_services(settings: Settings, problems: ProblemLog) -> tuple[Service, ...]:
    """Services of `ops/slo.yml` with the foreign specs of `ops/slo/` merged in by service id."""

    return merge(load_native_services(settings, problems), load_foreign(settings, problems))


def load_native_services(settings: Settings, problems: ProblemLog) -> tuple[Service, ...]:
    """Services from `ops/slo.yml`; absent file -> no services; bad SLOs are dropped one by one."""
    path = settings.path(settings.slo)
    if not present(path):
        return ()
    name = settings.slo
    data = read_yaml(path, name, problems, settings.root, "a mapping with `window` and `services`")
    if data is None:
        return ()
    if not isinstance(data, LineDict):
        problems.add(name, getattr(data, "line", 1), "the file must be a mapping with `window` and `services`")
        return ()
    invalid = check(data, "slo", name, problems)
    default_window = DEFAULT_WINDOW
    if "window" in data and not invalid.under("window"):
        default_window = _duration(data, "window", SLO_WINDOW, name, problems) or DEFAULT_WINDOW
    services_data = data.get("services")
    if not isinstance(services_data, LineDict):
        return ()
    services: list[Service] = []
    for sid, raw in services_data.items():
        line = services_data.line_of(sid)
        if not isinstance(sid, str) or not SERVICE_ID.fullmatch(sid):
            if not invalid.under("services", sid):  # the schema has not said so already
                problems.add(name, line, f"services: {sid!r} is not allowed; {SERVICE_ID_HINT}")
            continue  # the id would become a page path: the service is left out, the others stay
        if invalid.under("services", sid) and not isinstance(raw, LineDict):
            continue
        entry: LineDict = raw if isinstance(raw, LineDict) else LineDict()
        slos = _slos(sid, entry.get("slos"), default_window, name, invalid, problems)
        dashboards = _strings(entry.get("dashboards"))
        if isinstance(entry.get("dashboard"), str):
            dashboards = (entry["dashboard"], *dashboards)
        services.append(
            Service(
                id=sid,
                title=_str(entry.get("title")) or sid,
                owner=_str(entry.get("owner")),
                description=_str(entry.get("description")) or "",
                dashboards=dashboards,
                slos=slos,
                file=name,
                line=line,
                stage=_str(entry.get("stage")),
                tier=_str(entry.get("tier")),
            )
        )
    return tuple(services)


def _duration(item: LineDict, key: str, span: Span, file: str, problems: ProblemLog) -> timedelta | None:
    """A duration within its span, or None after a problem at its line (the schema checked the form)."""
    try:
        return parse_duration(item[key], span)
    except ParseError as exc:
        problems.add(file, item.line_of(key), f"{key}: {exc}")
        return None


def _slos(
    sid: str, raw: Any, default_window: timedelta, file: str, invalid: Any, problems: ProblemLog
) -> tuple[Slo, ...]:
    slos = []
    for item, line in invalid.entries(raw, "services", sid, "slos"):  # the other SLOs stay
        window = _duration(item, "window", SLO_WINDOW, file, problems) if "window" in item else default_window
        threshold = _duration(item, "threshold", THRESHOLD, file, problems) if "threshold" in item else None
        if window is None or ("threshold" in item and threshold is None):
            continue
        slos.append(
            make_slo(
                service=sid,
                sli=str(item["sli"]),
                objective=float(item["objective"]),
                window=window,
                threshold=threshold,
                file=file,
                line=line,
                name=_str(item.get("name")) or "",
                description=_str(item.get("description")) or "",
            )
        )
    return tuple(slos)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()
