"""Error budgets and multi-window, multi-burn-rate alert thresholds (Google SRE workbook, ch. 5)."""

from __future__ import annotations

from datetime import timedelta

from .. import content
from ..timeparse import format_threshold
from .model import AlertSeverity, BurnRateAlert, Slo, SloFormat

# (severity, burn rate, long window, short window, long window in hours): the workbook's
# recommended starting point for a 30-day SLO.
ALERT_POLICY: tuple[tuple[AlertSeverity, float, str, str, float], ...] = tuple(
    (a["severity"], a["burn_rate"], a["long_window"], a["short_window"], a["long_window_hours"])
    for a in content.load("alert-policy")["alerts"]
)


def budget_fraction(objective: float) -> float:
    """Share of events allowed to be bad: 99.9 % -> 0.001."""
    return round(1 - objective / 100, 10)


def budget_minutes(objective: float, window_days: float) -> float:
    """The error budget as time over the window: 99.9 % over 30 d -> 43.2 minutes."""
    return round(budget_fraction(objective) * window_days * 24 * 60, 6)


def burn_rate_alerts(objective: float, window_days: float) -> tuple[BurnRateAlert, ...]:
    """The alert table; an error rate above 100 % means the alert cannot fire (objective too loose)."""
    fraction = budget_fraction(objective)
    return tuple(
        BurnRateAlert(
            severity=severity,
            burn_rate=rate,
            long_window=long_w,
            short_window=short_w,
            error_rate=round(rate * fraction, 10),
            budget_spent=round(rate * hours / (window_days * 24), 6),
        )
        for severity, rate, long_w, short_w, hours in ALERT_POLICY
    )


def make_slo(
    service: str,
    sli: str,
    objective: float,
    window: timedelta,
    threshold: timedelta | None,
    file: str,
    line: int | None,
    source_format: SloFormat = "opsbook",
    name: str = "",
    description: str = "",
    calendar: bool = False,
    budgeting_method: str | None = None,
) -> Slo:
    """Build an SLO and derive its budget and alerts once."""
    days = window.total_seconds() / 86400
    if not name:
        name = sli.replace("_", " ").replace("-", " ").capitalize()
        if threshold is not None:
            name += f" < {format_threshold(threshold)}"
    return Slo(
        service=service,
        sli=sli,
        objective=objective,
        window_days=round(days, 6),
        threshold=threshold,
        name=name,
        description=description,
        file=file,
        line=line,
        source_format=source_format,
        budget_fraction=budget_fraction(objective),
        budget_minutes=budget_minutes(objective, days),
        alerts=burn_rate_alerts(objective, days),
        calendar=calendar,
        budgeting_method=budgeting_method,
    )
