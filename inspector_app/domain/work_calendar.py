"""Working days in Kazakhstan: weekends, public holidays and the days moved off or on.

The days come from the ``days_off`` catalogue: reference data, so a newer version the district
office holds reaches its points in its reference packages. Its item codes are dates:

- ``MM-DD``: a holiday every year. With ``"moves": true`` (the national and state holidays),
  one that falls on a Saturday or Sunday gives the next working day off instead (Labour Code
  of the Republic of Kazakhstan, art. 85);
- ``YYYY-MM-DD``: a day off that year only (the first day of Kurban Ait, a day the Government
  moved); with ``"working": true``, a Saturday or Sunday made a working day instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector_app.domain.catalogues import Item

DAYS_OFF = "days_off"
"""The catalogue the calendar is made of."""


class WorkCalendar:
    """Which days are working days, from ``days_off`` catalogue items."""

    def __init__(self, items: Iterable[Item] = ()):
        self._annual: dict[tuple[int, int], bool] = {}  # (month, day) -> moves
        self._dated_off: set[date] = set()
        self._dated_working: set[date] = set()
        for item in items:
            try:
                parts = [int(part) for part in item.code.split("-")]
                day = date(*parts) if len(parts) == 3 else date(2001, *parts)  # every year's
            except (TypeError, ValueError):
                continue  # not a date: no day off (the shipped file is checked by the tests)
            if len(parts) == 2:
                self._annual[(parts[0], parts[1])] = bool(item.extra.get("moves"))
            elif item.extra.get("working"):
                self._dated_working.add(day)
            else:
                self._dated_off.add(day)
        self._by_year: dict[int, frozenset[date]] = {}

    def is_working_day(self, day: date) -> bool:
        return day not in self.days_off(day.year)

    def add_working_days(self, start: date, days: int) -> date:
        """The day ``days`` working days after ``start`` (``start`` itself not counted)."""
        current = start
        while days > 0:
            current += timedelta(days=1)
            if current not in self.days_off(current.year):
                days -= 1
        return current

    def days_off(self, year: int) -> frozenset[date]:
        """Every day off of ``year``: weekends and holidays, with the days they moved."""
        if year not in self._by_year:
            self._by_year[year] = self._count_days_off(year)
        return self._by_year[year]

    def _count_days_off(self, year: int) -> frozenset[date]:
        holidays = {date(year, month, day): moves for (month, day), moves in self._annual.items()}
        off = {d for d in _days_of(year) if d.weekday() >= 5} | set(holidays)
        off |= {d for d in self._dated_off if d.year == year}
        for holiday, moves in sorted(holidays.items()):
            if moves and holiday.weekday() >= 5:
                moved = holiday + timedelta(days=1)
                while moved in off:
                    moved += timedelta(days=1)
                if moved.year == year:  # a move past 31 December lands on 1 January anyway
                    off.add(moved)
        off -= self._dated_working
        return frozenset(off)


def _days_of(year: int) -> Iterable[date]:
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)
