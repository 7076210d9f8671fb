"""An injectable clock, so deadlines (overdue checks, due dates) are testable."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


class Clock:
    """Wall-clock time; tests pass a :class:`FixedClock` instead."""

    def now_utc(self) -> datetime:
        """Current time in UTC, timezone-naive (as stored)."""
        return datetime.now(UTC).replace(tzinfo=None)

    def now_local(self) -> datetime:
        """Current local time, timezone-naive (what the inspector sees and types)."""
        return datetime.now()

    def today(self) -> date:
        return self.now_local().date()


class FixedClock(Clock):
    """A clock that stands still at ``moment`` (local time) until moved."""

    def __init__(self, moment: datetime, utc_offset_hours: int = 5):
        self.moment = moment
        self.utc_offset_hours = utc_offset_hours

    def now_local(self) -> datetime:
        return self.moment

    def now_utc(self) -> datetime:
        return self.moment - timedelta(hours=self.utc_offset_hours)

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)
