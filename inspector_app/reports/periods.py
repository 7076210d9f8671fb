"""Report periods: the presets the Reports page offers (Qt-free, so they are easy to test).

Reports usually cover a finished period, so each calendar preset comes in two forms: the one
containing today and the one before it. Operation «Участок» runs 1 September – 1 November;
before 1 September the preset means last year's operation.
"""

from __future__ import annotations

from datetime import date, timedelta

MONTH = "month"
PREVIOUS_MONTH = "previous_month"
QUARTER = "quarter"
PREVIOUS_QUARTER = "previous_quarter"
HALF_YEAR = "half_year"
PREVIOUS_HALF_YEAR = "previous_half_year"
YEAR = "year"
PREVIOUS_YEAR = "previous_year"
OPERATION = "operation"
CUSTOM = "custom"

PRESETS = (MONTH, PREVIOUS_MONTH, QUARTER, PREVIOUS_QUARTER, HALF_YEAR, PREVIOUS_HALF_YEAR,
           YEAR, PREVIOUS_YEAR, OPERATION, CUSTOM)


def _months(first_month: int, year: int, count: int) -> tuple[date, date]:
    """``count`` calendar months from ``first_month`` of ``year`` (inclusive range)."""
    start = date(year, first_month, 1)
    month_after = first_month + count
    end = date(year + (month_after - 1) // 12, (month_after - 1) % 12 + 1, 1)
    return start, end - timedelta(days=1)


def period_range(preset: str, today: date) -> tuple[date, date] | None:
    """The inclusive range of ``preset`` seen from ``today``; None for :data:`CUSTOM`."""
    if preset == MONTH:
        return _months(today.month, today.year, 1)
    if preset == PREVIOUS_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return _months(last.month, last.year, 1)
    if preset in (QUARTER, PREVIOUS_QUARTER, HALF_YEAR, PREVIOUS_HALF_YEAR):
        size = 3 if preset in (QUARTER, PREVIOUS_QUARTER) else 6
        first = size * ((today.month - 1) // size) + 1
        year = today.year
        if preset in (PREVIOUS_QUARTER, PREVIOUS_HALF_YEAR):
            first -= size
            if first < 1:
                first, year = first + 12, year - 1
        return _months(first, year, size)
    if preset == YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if preset == PREVIOUS_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if preset == OPERATION:
        year = today.year if today >= date(today.year, 9, 1) else today.year - 1
        return date(year, 9, 1), date(year, 11, 1)
    return None
