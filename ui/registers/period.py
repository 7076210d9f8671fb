"""Period presets of the registers' filter bar (Qt-free, so the ranges are easy to test)."""

from __future__ import annotations

from datetime import date, timedelta

ALL = "all"
TODAY = "today"
WEEK = "week"
MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
OPERATION = "operation"  # operation «Участок»: 1 September – 1 November every year
CUSTOM = "custom"

PRESETS = (ALL, TODAY, WEEK, MONTH, QUARTER, YEAR, OPERATION, CUSTOM)


def preset_range(preset: str, today: date) -> tuple[date | None, date | None]:
    """The inclusive date range of ``preset`` around ``today`` (None, None: no limit).

    Week, month, quarter and year are the calendar ones containing ``today``.
    """
    if preset == TODAY:
        return today, today
    if preset == WEEK:
        start = today - timedelta(days=today.weekday())
        return start, start + timedelta(days=6)
    if preset == MONTH:
        start = today.replace(day=1)
        return start, _month_end(start)
    if preset == QUARTER:
        start = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
        end_month = start.replace(month=start.month + 2)
        return start, _month_end(end_month)
    if preset == YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if preset == OPERATION:
        return date(today.year, 9, 1), date(today.year, 11, 1)
    return None, None


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)
