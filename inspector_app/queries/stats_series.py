"""Companions of :mod:`.stats`: the monthly activity series and the overdue list.

Both use the scope and the SQL definitions of the indicator figures, so the chart and the list of
overdue checks printed in a report agree with the table beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from inspector_app.kinds import KINDS, charted
from inspector_app.queries.stats_sql import (
    LAST_CHECK_SQL,
    REMOVAL_SQL,
    StatsScope,
    day_after,
    where_terms,
)

if TYPE_CHECKING:
    from inspector_app.services.context import Services

SERIES = tuple((k.series, k.table, k.date_column, k.officer_column) for k in charted())
"""Series name, table, date column, inspector column (see :func:`inspector_app.kinds.charted`)."""


@dataclass(frozen=True)
class MonthlySeries:
    """Records per calendar month of the period: ``values[name][i]`` is month ``months[i]``."""

    months: tuple[tuple[int, int], ...]
    values: dict[str, tuple[int, ...]]


def months_between(start: date, end: date) -> list[tuple[int, int]]:
    """Every (year, month) from ``start``'s month to ``end``'s month."""
    result, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        result.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def monthly_series(services: Services, scope: StatsScope) -> MonthlySeries:
    """Appeals, preventive visits, offences and meetings per month (one statement)."""
    parts, params = [], {"from": scope.date_from.isoformat(),
                         "to": day_after(scope.date_to)}
    for name, table, column, inspector in SERIES:
        where, extra = where_terms(services.db, table, inspector, scope)
        params.update(extra)
        parts.append(f"SELECT '{name}', strftime('%Y-%m', {column}) AS month, COUNT(*) "
                     f"FROM {table} WHERE {where} AND {column} >= :from AND {column} < :to "
                     "GROUP BY month")
    rows = services.db.execute_sql(" UNION ALL ".join(parts), params).fetchall()
    months = months_between(scope.date_from, scope.date_to)
    index = {f"{y:04d}-{m:02d}": i for i, (y, m) in enumerate(months)}
    values = {name: [0] * len(months) for name, *_ in SERIES}
    for name, month, count in rows:
        if month in index:
            values[name][index[month]] = count
    return MonthlySeries(tuple(months), {k: tuple(v) for k, v in values.items()})


@dataclass(frozen=True)
class OverdueCheck:
    """An active registration whose check was due before the reference day."""

    registration_id: str
    person: str
    iin: str
    address: str
    category: str
    last_check_on: date | None
    due: date
    days_overdue: int
    inspector: str


def reference_day(services: Services, scope: StatsScope) -> date:
    """The day overdue checks are counted on: the period's end, or today if that is earlier."""
    return min(scope.date_to, scope.today or services.clock.today())


def overdue_checks(services: Services, scope: StatsScope) -> list[OverdueCheck]:
    """Overdue checks on :func:`reference_day`, longest overdue first (the report's list).

    Counted exactly as ``registrations.overdue`` of :func:`inspector_app.queries.stats.compute`.
    """
    ref = reference_day(services, scope)
    where, params = where_terms(services.db, "r", KINDS["registration"].officer_column, scope)
    params.update({"ref": ref.isoformat(), "ref_next": day_after(ref)})
    removal = REMOVAL_SQL
    sql = f"""
        SELECT id, person, iin, address, category, last_check, due,
               CAST(julianday(:ref) - julianday(due) AS INTEGER), inspector
        FROM (SELECT base.*, date(COALESCE(last_check, start_date),
                                  '+' || check_interval_days || ' days') AS due
              FROM (SELECT r.id, r.category, r.start_date, r.check_interval_days,
                           TRIM(p.surname || ' ' || p.first_name || ' ' || p.patronymic)
                               AS person,
                           COALESCE(p.iin, '') AS iin, p.address,
                           COALESCE(s.full_name, '') AS inspector,
                           {LAST_CHECK_SQL} AS last_check
                    FROM registration r JOIN person p ON p.id = r.person_id
                    LEFT JOIN staff s ON s.id = r.inspector_id
                    WHERE {where} AND r.start_date <= :ref AND {removal} > :ref) AS base)
              AS checks
        WHERE due < :ref
        ORDER BY due, person"""
    rows = services.db.execute_sql(sql, params).fetchall()
    return [OverdueCheck(rid, person, iin, address, category,
                         date.fromisoformat(last) if last else None, date.fromisoformat(due),
                         days, inspector)
            for rid, person, iin, address, category, last, due, days, inspector in rows]
