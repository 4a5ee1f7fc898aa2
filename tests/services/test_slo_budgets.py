"""Error budgets and burn-rate thresholds: the chapter's table and the SRE workbook's alerts."""

from __future__ import annotations

import pytest

from opsbook.services.derive import budget_fraction, budget_minutes, burn_rate_alerts
from opsbook.timeparse import format_duration


@pytest.mark.parametrize(
    ("objective", "minutes", "text"),
    [
        (90, 72 * 60, "72 h"),
        (95, 36 * 60, "36 h"),
        (98, 14.4 * 60, "14.4 h"),
        (99, 7.2 * 60, "7.2 h"),
        (99.5, 3.6 * 60, "3.6 h"),
        (99.9, 43.2, "43.2 min"),
        (99.95, 21.6, "21.6 min"),
        (99.99, 4.32, "4.32 min"),
    ],
)
def test_budget_over_30_days_matches_the_chapter(objective: float, minutes: float, text: str) -> None:
    assert budget_minutes(objective, 30) == pytest.approx(minutes)
    assert format_duration(budget_minutes(objective, 30)) == text


def test_budget_fraction() -> None:
    assert budget_fraction(99.9) == pytest.approx(0.001)
    assert budget_fraction(95) == pytest.approx(0.05)


def test_budget_scales_with_window() -> None:
    assert budget_minutes(99.9, 28) == pytest.approx(40.32)
    assert budget_minutes(99.9, 7) == pytest.approx(10.08)


def test_burn_rate_alerts_follow_the_workbook() -> None:
    alerts = burn_rate_alerts(99.9, 30)
    assert [(a.severity, a.burn_rate, a.long_window, a.short_window) for a in alerts] == [
        ("page", 14.4, "1h", "5m"),
        ("page", 6.0, "6h", "30m"),
        ("ticket", 1.0, "3d", "6h"),
    ]
    # The error rate that triggers each alert is burn rate x budget fraction.
    assert [a.error_rate for a in alerts] == pytest.approx([0.0144, 0.006, 0.001])
    # And the share of a 30-day budget spent when each fires: 2 %, 5 %, 10 %.
    assert [a.budget_spent for a in alerts] == pytest.approx([0.02, 0.05, 0.10])


def test_loose_objective_gives_error_rate_above_one() -> None:
    # 90 % x 14.4 = 144 % errors: the page can never fire; the template says so.
    assert burn_rate_alerts(90, 30)[0].error_rate == pytest.approx(1.44)
