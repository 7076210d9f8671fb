"""What the point and the district demo share: the result, errors, the period, staff, numbers."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.demo.generator import DemoStaff, Period
from inspector_app.domain.clock import Clock
from inspector_app.domain.permissions import Role
from inspector_app.errors import InspectorError
from inspector_app.storage.models import SYNCED_MODELS, NumberSequence, Point, Staff

if TYPE_CHECKING:
    from inspector_app.services.context import Services

STAFF_ROLES = (Role.INSPECTOR, Role.SENIOR_INSPECTOR, Role.ASSISTANT)


class DemoError(InspectorError):
    code = "error.demo_not_empty"


class DemoCancelled(InspectorError):
    """The progress callback asked to stop; nothing was kept."""

    code = "demo.cancelled"


class Cancelled(Exception):
    """Raised inside the transaction when the progress callback asks to stop."""


@dataclass
class DemoResult:
    """What a demo fill wrote: records per table, seconds taken, whether cancelled."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    cancelled: bool = False
    first_day: date | None = None
    last_day: date | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0


def make_period(clock: Clock, years: int) -> Period:
    """The last ``years`` years up to the clock's now (local time, to the minute)."""
    if years < 1:
        raise ValueError("years must be >= 1")
    now = clock.now_local().replace(second=0, microsecond=0)
    offset = timedelta(minutes=round((clock.now_local() - clock.now_utc()).total_seconds() / 60))
    days = [now.date() - timedelta(days=n) for n in range(365 * years - 1, -1, -1)]
    return Period(days, now, offset)


def refuse_used_database() -> None:
    """Demo data must never mix with real citizens' data: only points and staff may exist."""
    if any(model.select().exists() for model in SYNCED_MODELS if model not in (Point, Staff)):
        raise DemoError("error.demo_not_empty")


def point_staff(point_code: str) -> list[DemoStaff]:
    """The point's active officers and assistants, the longest-serving first."""
    query = (Staff.select().where((Staff.owner_point == point_code)
                                  & (Staff.deleted == False)  # noqa: E712
                                  & (Staff.active == True)  # noqa: E712
                                  & Staff.role.in_([str(r) for r in STAFF_ROLES]))
             .order_by(Staff.created_at, Staff.change_seq))
    staff = [DemoStaff(s.id, s.login, s.role, s.full_name) for s in query]
    if not staff:
        raise DemoError("error.demo_no_staff")
    return staff


def load_sequences(point_code: str, kind: str) -> dict[int, int]:
    query = NumberSequence.select().where((NumberSequence.point_code == point_code)
                                          & (NumberSequence.kind == kind))
    return {row.year: row.last for row in query}


def store_sequences(point_code: str, kind: str, values: dict[int, int]) -> None:
    """Keep ``number_sequence`` where the demo left it, so the next real number follows."""
    for year, last in values.items():
        NumberSequence.insert(point_code=point_code, kind=kind, year=year, last=last).on_conflict(
            conflict_target=[NumberSequence.point_code, NumberSequence.kind,
                             NumberSequence.year],
            update={NumberSequence.last: last}).execute()


def discard_database(services: Services, path: str | Path) -> None:
    """Close and delete a database this module created, with every file named after it
    (WAL, key files kept beside it, backups)."""
    services.db.close()
    remove_files_of(Path(path))


def remove_files_of(path: Path) -> None:
    """Delete ``path`` and the files and folders named after it (``path-wal``, ``path.keys``...)."""
    for sibling in path.parent.glob(f"{path.name}*"):
        if sibling != path and sibling.name[len(path.name)] not in ".-":
            continue
        if sibling.is_dir():
            shutil.rmtree(sibling, ignore_errors=True)
        else:
            sibling.unlink(missing_ok=True)
