"""The aggregate statements behind :mod:`.stats`: what is counted, how it is read.

Every statement groups one register's records of a period and of the same period a year
earlier (АППГ) by a few codes, excluding tombstones; the caller folds the few hundred grouped
rows. Rows start with (period, point): the point is ``""`` unless figures per point were asked
for (the district summary).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from inspector_app.kinds import KINDS
from inspector_app.storage.dialect import dialect_of
from inspector_app.storage.territory import visible_clause

if TYPE_CHECKING:
    from inspector_app.domain.catalogues import Catalogues
    from inspector_app.services.context import Services

CURRENT, PREVIOUS = 0, 1
ROUND_KINDS = ("household_round", "apartment_round")
MINOR_TAG = "minor_pdn"
REMOVAL_SQL = ("MIN(COALESCE(r.closed_on, '9999-12-31'), "
               "COALESCE(date(r.end_date, '+1 day'), '9999-12-31'))")
"""The day a registration ``r`` stops being active: closed, or the day after its end date."""
LAST_CHECK_SQL = ("CASE WHEN r.last_check_on IS NULL OR r.last_check_on <= :ref "
                  "THEN r.last_check_on ELSE (SELECT date(MAX(v.visited_at)) "
                  "FROM preventive_visit v WHERE v.registration_id = r.id AND v.deleted = 0 "
                  "AND v.visited_at < :ref_next) END")
"""The last check of ``r`` on day ``:ref``: the stored last check (kept by the services with
every check visit) unless that came later, when the visits are read."""
DUE_SQL = (f"date(COALESCE({LAST_CHECK_SQL}, r.start_date), "
           "'+' || r.check_interval_days || ' days')")
"""The day the next check of ``r`` was due, as seen on day ``:ref``."""


def previous_year(day: date) -> date:
    """The same day a year earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class StatsScope:
    """What to count: a period, optionally one inspector and a set of points (empty: all)."""

    date_from: date
    date_to: date
    inspector_id: str | None = None
    point_codes: tuple[str, ...] = ()
    today: date | None = None

    @property
    def previous(self) -> StatsScope:
        """The same period a year earlier (АППГ)."""
        return StatsScope(previous_year(self.date_from), previous_year(self.date_to),
                          self.inspector_id, self.point_codes, self.today)




def day_after(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


def where_terms(db, table: str, inspector_column: str,
                scope: StatsScope) -> tuple[str, dict]:
    """The WHERE terms every query shares (tombstones, points, inspector), named parameters.
    The points are those of the scope within the territory of ``db``'s session."""
    clauses, params = [f"{table}.deleted = 0"], {}
    points = visible_clause(db, f"{table}.owner_point", scope.point_codes, params)
    if points is not None:
        clauses.append(points)
    if scope.inspector_id:
        clauses.append(f"{table}.{inspector_column} = :inspector")
        params["inspector"] = scope.inspector_id
    return " AND ".join(clauses), params


def _point_column(table: str, by_point: bool) -> str:
    """The owner point when figures are wanted per point, else one constant group."""
    return f"{table}.owner_point" if by_point else "CAST('' AS TEXT)"  # not a bare literal:
    # PostgreSQL refuses to GROUP BY one


def _covers_most(db, table: str, column: str, start: date, end: date) -> bool:
    """Whether [start, end] spans at least half the dates the table's live rows hold (two
    seeks in the live-row index: without ``deleted = 0`` they would read the whole table)."""
    first, last = db.execute_sql(
        f"SELECT (SELECT MIN({column}) FROM {table} WHERE deleted = 0), "
        f"(SELECT MAX({column}) FROM {table} WHERE deleted = 0)").fetchone()
    if not first:
        return False
    span = (date.fromisoformat(str(last)[:10]) - date.fromisoformat(str(first)[:10])).days
    inside = (min(end, date.fromisoformat(str(last)[:10]))
              - max(start, date.fromisoformat(str(first)[:10]))).days
    return span > 0 and inside >= span / 2


def _both_periods(db, scope: StatsScope, slug: str, select: str, group: str, by_point: bool,
                  **extra: Any) -> list[tuple]:
    """``(period, point, <select>...)`` rows of kind ``slug`` for both periods, grouped, by
    the kind's date and officer (:mod:`inspector_app.kinds`); one statement.

    Periods that overlap or touch (a year and the year before; a long span) are read in one
    pass with a flag per period, so no record is read twice; distant ones (a month and the
    same month last year) as two index ranges joined by ``UNION ALL``.
    """
    described = KINDS[slug]
    table, date_column = described.table, described.date_column
    where, params = where_terms(db, table, described.officer_column, scope)
    params.update(extra)
    point = _point_column(table, by_point)
    column = f"{table}.{date_column}"
    current, previous = scope, scope.previous
    for period, bounds in ((CURRENT, current), (PREVIOUS, previous)):
        params[f"from{period}"] = bounds.date_from.isoformat()
        params[f"to{period}"] = day_after(bounds.date_to)
    if previous.date_to >= current.date_from - timedelta(days=1):
        flags = [f"({column} >= :from{p} AND {column} < :to{p})" for p in (CURRENT, PREVIOUS)]
        # most of the table: reading it in order beats jumping through the date index
        bound = dialect_of(db).unindexed(column) if _covers_most(
            db, table, column, previous.date_from, current.date_to) else column
        sql = (f"SELECT {flags[0]} AS in0, {flags[1]} AS in1, {point}, {select} FROM {table} "
               f"WHERE {where} AND {bound} >= :from1 AND {bound} < :to0 "
               f"GROUP BY in0, in1, {point}, {group}")
        rows = []
        for in_current, in_previous, *rest in db.execute_sql(sql, params).fetchall():
            if in_current:
                rows.append((CURRENT, *rest))
            if in_previous:
                rows.append((PREVIOUS, *rest))
        return rows
    parts = [f"SELECT {p}, {point}, {select} FROM {table} WHERE {where} "
             f"AND {column} >= :from{p} AND {column} < :to{p} GROUP BY {point}, {group}"
             for p in (CURRENT, PREVIOUS)]
    return db.execute_sql(" UNION ALL ".join(parts), params).fetchall()


def _flag_sums(column: str, codes: list[str]) -> str:
    """One ``SUM`` per code of a code-list column ("a,b"); empty lists (most) cost nothing."""
    return ", ".join(f"SUM(CASE WHEN {column} = '' THEN 0 "
                     f"WHEN instr(',' || {column} || ',', ',{code},') > 0 THEN 1 ELSE 0 END)"
                     for code in codes) or "0"


def catalogue_codes(catalogues: Catalogues, name: str) -> list[str]:
    return [i.code for i in catalogues.items(name, include_inactive=True)]


@dataclass
class Raw:
    """Grouped rows of every register, each starting with (period, point or "")."""

    appeals: list[tuple]
    visits: list[tuple]
    findings: list[str]
    registrations: list[tuple]
    offences: list[tuple]
    meetings: list[tuple]
    feedback: list[tuple]
    crime_reports: list[tuple]


def query(services: Services, scope: StatsScope, by_point: bool = False) -> Raw:
    db = services.db
    today = scope.today or services.clock.today()
    appeals = _both_periods(
        db, scope, "appeal",
        "channel, topic, decision, COUNT(*), SUM(resolved_on IS NOT NULL), "
        "SUM(due_date IS NOT NULL AND COALESCE(resolved_on > due_date, due_date < :today))",
        "channel, topic, decision", by_point, today=today.isoformat())
    findings = catalogue_codes(services.catalogues, "visit_findings")
    visits = _both_periods(
        db, scope, "preventive_visit",
        "kind, dwelling_kind, COUNT(*), COUNT(DISTINCT CASE WHEN kind IN "
        f"({', '.join(repr(k) for k in ROUND_KINDS)}) THEN "
        "COALESCE(address_id, address_text) || '|' || flat END), "
        + _flag_sums("findings", findings), "kind, dwelling_kind", by_point)
    offences = _both_periods(
        db, scope, "offence",
        "article, penalty, COUNT(*), TOTAL(fine_mrp), TOTAL(fine_tenge), "
        "TOTAL(public_works_hours), TOTAL(arrest_days)", "article, penalty", by_point)
    meetings = _both_periods(db, scope, "meeting",
                             "kind, COUNT(*), TOTAL(attendance)", "kind", by_point)
    feedback = _both_periods(
        db, scope, "feedback",
        # code lists ("a,b") take few distinct values: grouped by the text, split here
        "concerns, COUNT(*), TOTAL(rating), TOTAL(trusts_police)", "concerns", by_point)
    now = services.clock.now_local()
    crime_reports = _both_periods(
        db, scope, "crime_report",
        "source, decision, COUNT(*), "
        "SUM(CASE WHEN registered_at > registration_due THEN 1 "
        "WHEN registered_at IS NULL AND registration_due < :now THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN erdr_number <> '' THEN 1 ELSE 0 END)", "source, decision", by_point,
        now=now.strftime("%Y-%m-%d %H:%M:%S"))
    registrations = []
    for period, current in ((CURRENT, scope), (PREVIOUS, scope.previous)):
        registrations += _registrations(db, current, min(current.date_to, today), period,
                                        by_point)
    return Raw(appeals, visits, findings, registrations, offences, meetings, feedback,
               crime_reports)


def _registrations(db, scope: StatsScope, ref: date, period: int,
                   by_point: bool) -> list[tuple]:
    """Registrations touching the period, by point, category and minor tag (one query).

    The registrations checked in the period are read once, as a set, from the visits' date
    index (a subquery per registration would walk each one's visits of every year)."""
    where, params = where_terms(db, "r", KINDS["registration"].officer_column, scope)
    removal = REMOVAL_SQL
    point = _point_column("r", by_point)
    due = DUE_SQL
    sql = f"""
        SELECT {period}, {point}, r.category,
               (',' || r.tags || ',' LIKE '%,{MINOR_TAG},%') AS minor,
               SUM({removal} > :to), SUM(r.start_date >= :from),
               SUM({removal} BETWEEN :from AND :to),
               SUM(r.id IN (SELECT v.registration_id FROM preventive_visit v
                            WHERE v.deleted = 0 AND v.visited_at >= :from
                            AND v.visited_at < :to_next AND v.registration_id IS NOT NULL)),
               SUM(r.start_date <= :ref AND {removal} > :ref AND {due} < :ref)
        FROM registration r
        WHERE {where} AND r.start_date <= :to AND {removal} >= :from
        GROUP BY {point}, r.category, minor"""
    params.update({"from": scope.date_from.isoformat(), "to": scope.date_to.isoformat(),
                   "to_next": day_after(scope.date_to), "ref": ref.isoformat(),
                   "ref_next": day_after(ref)})
    return db.execute_sql(sql, params).fetchall()



def split_by_point(raw: Raw) -> dict[str, Raw]:
    """The grouped rows split by their point (one pass)."""
    tables = [f.name for f in fields(Raw) if f.name != "findings"]
    parts: dict[str, Raw] = {}
    for name in tables:
        for row in getattr(raw, name):
            part = parts.get(row[1])
            if part is None:
                part = parts[row[1]] = Raw(**{t: [] for t in tables}, findings=raw.findings)
            getattr(part, name).append(row)
    return parts

