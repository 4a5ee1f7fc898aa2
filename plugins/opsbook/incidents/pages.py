"""Pages of the incidents section: the incident log, reliability metrics and a page per incident."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from functools import partial
from typing import Any

from markupsafe import Markup, escape

from ..handbook import Handbook
from ..links import rewrite_links
from ..markdown import demote
from ..pages import GeneratedPage
from ..render import Renderer, person_html, plain
from ..reuse import rows
from ..sourcemap import resolver
from ..timeparse import format_duration
from . import charts
from .derive import month_of, newest_first, percentile
from .model import Incident, Metrics

MAX_BUDGET_ROWS = 25  # bars in the budget chart
# Badge flavour (assets/opsbook.css) of each status and postmortem state.
STATUS_BADGE = {"ongoing": "bad", "mitigated": "warn", "resolved": "good"}
POSTMORTEM_BADGE = {"on-time": "good", "late": "warn", "due": "info", "overdue": "bad", "pending": "neutral"}


def demote_headings(markdown: str) -> str:
    """One level deeper (# -> ##): the postmortem body sits under the page's own sections."""
    return demote(markdown, 1)


def local_time(tz: tzinfo) -> Callable[[datetime | None], str]:
    """Timestamps shown in the handbook's timezone, with its abbreviation (CET, CEST, UTC)."""
    return lambda dt: "" if dt is None else dt.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")


def severity_badge(hb: Handbook) -> Callable[[str], str]:
    """Badge flavour by rank on the scale: the top level is bad, the next warn, the rest info."""
    rank = {s.id: n for n, s in enumerate(hb.settings.severities)}
    return lambda sev: {0: "bad", 1: "warn"}.get(rank.get(sev, 99), "info")


def badge(flavour: str, text: object) -> Markup:
    return Markup(f'<span class="opsbook-badge opsbook-badge--{escape(flavour)}">{escape(text)}</span>')


def minutes(value: float | None) -> str:
    return "–" if value is None else format_duration(value)


def service_links(hb: Handbook) -> Callable[[Incident, Callable[[str], str]], Markup]:
    """The incident's services as raw HTML, each linked (`url`: the template's built URL) when the
    handbook has its page."""

    def links(incident: Incident, url: Callable[[str], str]) -> Markup:
        return Markup(", ").join(
            Markup(f'<a href="{url(hb.service_by_id[sid].page)}">{plain(sid)}</a>')  # f-string: Markup.format is slow
            if sid in hb.service_by_id
            else plain(sid)
            for sid in incident.services
        )

    return links


def person(hb: Handbook) -> Callable[[str | None, str], Markup]:
    """A handle as the person's name linked to the team page (`team_url`, built), else as written."""
    people = getattr(hb.team, "person_by_handle", None) or {}

    def show(handle: str | None, team_url: str) -> Markup:
        return person_html(handle, people, team_url)

    return show


def _context(hb: Handbook) -> dict[str, Any]:
    """Helpers shared by the incident templates: plain Python, far cheaper per page than Jinja macros."""
    tz = hb.settings.timezone
    return {
        "local": local_time(tz),
        "month": lambda i: month_of(i, tz) or "",
        "badge": badge,
        "minutes": minutes,
        "service_links": service_links(hb),
        "person": person(hb),
        "sev_badge": severity_badge(hb),
        "status_badge": STATUS_BADGE,
        "pm_badge": POSTMORTEM_BADGE,
        "services": hb.service_by_id,
        "tz_name": str(tz),
        "deadline_hours": hb.settings.postmortem_deadline_hours,
    }


def incident_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    """The incident log and metrics (in the nav) and a page per incident (out of the nav)."""
    folder = hb.settings.incidents
    if not hb.incidents and not hb.settings.path(folder).exists():
        return []
    metrics: Metrics = hb.incident_metrics or Metrics()
    ctx = _context(hb)
    log = newest_first(hb.incidents)
    # Serving, a row of the log is rendered again only when its incident or what every row reads changed.
    log_reuse = None if r.overridden(LOG_TEMPLATE) else hb.reuse
    if log_reuse is not None:
        log_reuse.same("incident-log-row", (hb.settings, hb.services, r.directory_urls, r.sources(LOG_TEMPLATE)))
    pages = [
        GeneratedPage(
            path="incidents/index.md",
            title="Incidents",
            body=r.render(
                LOG_TEMPLATE,
                "incidents/index.md",
                incidents=log,
                metrics=metrics,
                folder=folder,
                rows=rows(log_reuse, "incident-log-row"),
                **ctx,
            ),
            tags=("incident",),
            in_nav=True,
        ),
        GeneratedPage(
            path="incidents/metrics.md",
            title="Reliability metrics",
            body=r.render(
                "incidents/metrics.md.j2",
                "incidents/metrics.md",
                metrics=metrics,
                charts=metric_charts(metrics, hb),
                **ctx,
            ),
            tags=("incident", "metrics"),
            in_nav=True,
        ),
    ]
    resolve = resolver(hb)
    runbooks: dict[str, Any] = getattr(hb, "runbook_by_service", {}) or {}
    descriptions = {s.id: s.description for s in hb.settings.severities}
    decisions: dict[str, list[Any]] = {}
    for d in hb.decisions:
        for iid in dict.fromkeys(d.incidents):
            decisions.setdefault(iid, []).append(d)
    # Serving, an incident page is rendered again only when what its template reads changed: these
    # values and the page's own (below). Not for a site that overrides the template: it may read more.
    reuse = None if r.overridden(*ITEM_TEMPLATES) else hb.reuse
    if reuse is not None:
        reuse.same("incident-page", (hb.settings, hb.team, hb.services, r.directory_urls, r.sources(*ITEM_TEMPLATES)))
    for incident in hb.incidents:
        body = rewrite_links(
            incident.body,
            incident.file,
            incident.page,
            # A missing record keeps its words (recordlinks.py reports the link as a problem).
            lambda p: found[0] if (found := resolve(p)) and hb.settings.path(p).is_file() else None,
        )
        values = {
            "incident": incident,
            "body": body,
            "runbooks": [runbooks[s] for s in incident.services if s in runbooks],
            "decisions": decisions.get(incident.id, []),
            "severity_description": descriptions.get(incident.severity, ""),
        }
        render = partial(_incident_body, r, incident.page, values, ctx)
        markdown = render() if reuse is None else reuse.get("incident-page", incident.page, values, render)
        pages.append(GeneratedPage(incident.page, markdown, incident.heading, incident_tags(incident), incident.file))
    return pages


LOG_TEMPLATE = "incidents/index.md.j2"
ITEM_TEMPLATES = ("incidents/incident.md.j2", "site/_as_of.md.j2")  # an incident page's template and its include


def _incident_body(r: Renderer, page: str, values: dict[str, Any], ctx: dict[str, Any]) -> str:
    """The Markdown of one incident's page: `values` are its own, `ctx` the helpers every page shares."""
    return r.render(ITEM_TEMPLATES[0], page, **{**values, "body": demote_headings(values["body"])}, **ctx)


def incident_tags(incident: Incident) -> tuple[str, ...]:
    """Material tags: the kind, severity, services and status, then the incident's own tags."""
    tags = ["incident", incident.severity, *incident.services, incident.status, *incident.tags]
    return tuple(dict.fromkeys(t for t in tags if t))


def time_chart(hb: Handbook, months: list[str]) -> str:
    """Time to detect, mitigate and resolve per month (by start, in the handbook's zone): median and p90."""
    tz = hb.settings.timezone
    panels = []
    for name, attr in (
        ("Time to detect", "ttd_minutes"),
        ("Time to mitigate", "ttm_minutes"),
        ("Time to resolve", "ttr_minutes"),
    ):
        by_month: dict[str, list[float]] = {m: [] for m in months}
        for i in hb.incidents:
            value, month = getattr(i, attr), month_of(i, tz)
            if value is not None and month in by_month:
                by_month[month].append(value)
        panels.append((name, [(percentile(v, 50), percentile(v, 90)) for v in by_month.values()]))
    return charts.percentile_panels(
        "Time to detect, mitigate and resolve per month: median and 90th percentile", months, panels
    )


def metric_charts(metrics: Metrics, hb: Handbook) -> dict[str, str]:
    """The three SVG charts of the metrics page (empty strings when there is nothing to draw)."""
    months = [m for m, _, _ in metrics.by_month]
    severities = [s for s, _ in metrics.by_severity]
    out = {"per_month": "", "mttr": "", "times": "", "budget": ""}
    if months:
        series = [(sev, [dict(counts).get(sev, 0) for _, counts, _ in metrics.by_month]) for sev in severities]
        out["per_month"] = charts.stacked_bars("Incidents per month by severity", months, series)
        mttr = [None if v is None else round(v / 60, 2) for _, _, v in metrics.by_month]
        out["mttr"] = charts.line_chart("Mean time to resolve per month (hours)", months, [("MTTR", mttr)], unit=" h")
        out["times"] = time_chart(hb, months)
    # Most consumed first; a handbook with hundreds of services shows the top ones only.
    ranked = sorted(metrics.window_budgets, key=lambda b: (-b.share, b.service, b.slo))
    rows = [(f"{b.service} {b.objective:g} %", round(b.share * 100, 1)) for b in ranked[:MAX_BUDGET_ROWS]]
    if rows:
        title = "Error budget consumed by incidents this window"
        if len(ranked) > MAX_BUDGET_ROWS:
            title += f" (the {MAX_BUDGET_ROWS} highest of {len(ranked)})"
        out["budget"] = charts.horizontal_bars(title, rows)
    return out
