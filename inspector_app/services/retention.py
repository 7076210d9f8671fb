"""Personal data kept no longer than needed: each register's retention period.

The periods are reference data (the ``retention_periods`` catalogue): per record kind, how many
years a record is kept, counted from which of its fields (a closed registration from its
closing day), each with its source; no public list of the МВД's periods was found, so every
period is marked as the point's decision (*unverified*) and the district corrects it by
shipping a newer version. The administrator (or the head of the point) lists the records past
their period, tombstones too (a deleted record still holds its values);
:mod:`inspector_app.services.destruction` destroys them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from peewee import DateTimeField

from inspector_app.domain.permissions import Action
from inspector_app.kinds import KINDS
from inspector_app.services.appeals import add_months

RETENTION = "retention_periods"


@dataclass(frozen=True)
class PastRetention:
    """One register's records kept longer than its period."""

    kind: str
    years: int
    counted_from: str
    """The field the period counts from."""
    cutoff: date
    """Records dated before this day are past the period."""
    count: int
    oldest: date | None
    status: str
    """The period's source status (``unverified``: the point's decision)."""


def _condition(kind: str, counted_from: str, cutoff: date):
    field = KINDS[kind].model._meta.fields[counted_from]
    limit = datetime.combine(cutoff, datetime.min.time()) if isinstance(
        field, DateTimeField) else cutoff
    return field.is_null(False) & (field < limit)


def _held(services, kind: str):
    """Every record of ``kind`` the database holds, tombstones too."""
    services.check_bound()
    return KINDS[kind].model.select()


def cutoff_for(years: int, today: date) -> date:
    """Records dated before this day are kept longer than ``years``."""
    return add_months(today, -12 * years)


def retention_cutoff(services, kind: str, today: date | None = None) -> date:
    """The cut-off of ``kind`` by the services' catalogue and clock; KeyError without one."""
    item = services.catalogues.get(RETENTION, kind)
    if item is None:
        raise KeyError(kind)
    return cutoff_for(int(item.extra["years"]), today or services.clock.today())


def records_past(services, kind: str, today: date | None = None):
    """The records of ``kind`` past their retention period, tombstones too, oldest first."""
    services.require(Action.MANAGE_ACCOUNTS)
    item = services.catalogues.get(RETENTION, kind)
    if item is None:
        raise KeyError(kind)
    cutoff = retention_cutoff(services, kind, today)
    field = KINDS[kind].model._meta.fields[item.extra["counted_from"]]
    return (_held(services, kind)
            .where(_condition(kind, item.extra["counted_from"], cutoff)).order_by(field))


def past_retention(services, today: date | None = None) -> list[PastRetention]:
    """Per register with a period: how many records (tombstones too) are past it and the
    oldest date (the administrator's list)."""
    services.require(Action.MANAGE_ACCOUNTS)
    today = today or services.clock.today()
    found = []
    for item in services.catalogues.items(RETENTION):
        if item.code not in KINDS:
            continue
        years, counted_from = int(item.extra["years"]), item.extra["counted_from"]
        cutoff = cutoff_for(years, today)
        field = KINDS[item.code].model._meta.fields[counted_from]
        query = _held(services, item.code).where(_condition(item.code, counted_from, cutoff))
        first = query.order_by(field).first()
        oldest = getattr(first, counted_from) if first is not None else None
        if isinstance(oldest, datetime):
            oldest = oldest.date()
        found.append(PastRetention(item.code, years, counted_from, cutoff, query.count(),
                                   oldest, item.extra.get("source", {}).get("status", "")))
    return found
