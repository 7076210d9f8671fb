"""Activity statistics (with АППГ): one year of a point (target < 0.3 s: a busy point with
15,000 records a year, and a point of the region database) and one year of the whole
1.5M-record region database (target < 2 s); also, without targets, the whole ten years of the
region, the chart series and overdue list, and the district summary's per-point figures.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from bench.common import BenchContext, Figure, grouped, timed

NAME = "stats"
POINT_TARGET = 0.3
WHOLE_TARGET = 2.0
REGION_POINT = "ATY-001"
BUSY_RECORDS_PER_YEAR = 15_000
BUSY_YEARS = 3


def busy_point_path(ctx: BenchContext) -> Path:
    """A cached point database with 15,000 records a year (built once by the demo, under the
    cache's build lock; a ``.done`` file says the build finished)."""
    from bench.common import _source_digest, build_lock

    name = f"point-{BUSY_RECORDS_PER_YEAR}x{BUSY_YEARS}-seed{ctx.seed}-{_source_digest()}.db"
    path, done = ctx.cache / name, ctx.cache / (name + ".done")
    ctx.cache.mkdir(parents=True, exist_ok=True)
    with build_lock(ctx.cache):
        if done.exists() and path.exists() and not ctx.rebuild:
            return path
        for old in ctx.cache.glob(f"point-{BUSY_RECORDS_PER_YEAR}x{BUSY_YEARS}-seed{ctx.seed}-*"):
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        from inspector_app.demo import create_demo_database

        ctx.say(f"building {path.name} (once; reused afterwards)")
        services = create_demo_database(path, BUSY_RECORDS_PER_YEAR * BUSY_YEARS, ctx.seed,
                                        years=BUSY_YEARS, clock=ctx.clock)
        services.db.close()
        done.write_text("built\n")
    return path


def records_in(services, year: int, point: str | None = None) -> int:
    """Register records dated in ``year`` (of ``point``, or all)."""
    total = 0
    for table, column in (("appeal", "received_at"), ("preventive_visit", "visited_at"),
                          ("offence", "committed_at"), ("meeting", "held_at"),
                          ("feedback", "collected_at"), ("registration", "start_date")):
        sql = f"SELECT COUNT(*) FROM {table} WHERE {column} >= ? AND {column} < ?"
        params = [f"{year}-01-01", f"{year + 1}-01-01"]
        if point:
            sql += " AND owner_point = ?"
            params.append(point)
        total += services.db.execute_sql(sql, params).fetchone()[0]
    return total


def run(ctx: BenchContext) -> list[Figure]:
    from bench.floors import group_by_floor
    from inspector_app.queries.stats import StatsScope, compute, compute_summary
    from inspector_app.queries.stats_series import monthly_series, overdue_checks
    from inspector_app.services.setup import open_services

    today = ctx.clock.today()
    year = today.year - 1
    start, end = date(year, 1, 1), date(year, 12, 31)
    figures = []
    busy = open_services(busy_point_path(ctx), clock=ctx.clock)
    try:
        scope = StatsScope(start, end, today=today)
        compute(busy, scope)  # warm the statement cache like a second report would
        seconds, _ = timed(lambda: compute(busy, scope))
        figures.append(Figure(f"stats, busy point, year {year}", seconds, "s",
                              f"< {POINT_TARGET}", seconds < POINT_TARGET,
                              f"{grouped(records_in(busy, year))} records that year"))
    finally:
        busy.db.close()
    services = ctx.open_region()
    try:
        point = StatsScope(start, end, point_codes=(REGION_POINT,), today=today)
        compute(services, point)
        seconds, _ = timed(lambda: compute(services, point))
        figures.append(Figure(f"stats, {REGION_POINT} of the region, year {year}", seconds, "s",
                              f"< {POINT_TARGET}", seconds < POINT_TARGET,
                              f"{grouped(records_in(services, year, REGION_POINT))} records"))
        region = StatsScope(start, end, today=today)
        seconds, _ = timed(lambda: compute(services, region))
        figures.append(Figure(f"stats, whole database, year {year}", seconds, "s",
                              f"< {WHOLE_TARGET}", seconds < WHOLE_TARGET,
                              f"{grouped(records_in(services, year))} records that year",
                              floor=group_by_floor(ctx.region_path(), year, by_point=False),
                              records=ctx.records, key="stats, whole database, one year"))
        first = services.db.execute_sql("SELECT MIN(received_at) FROM appeal").fetchone()[0]
        every = StatsScope(date.fromisoformat(str(first)[:10]), today, today=today)
        seconds, _ = timed(lambda: compute(services, every))
        figures.append(Figure(f"stats, whole database, {every.date_from:%Y}-{today:%Y}",
                              seconds, "s", note="all records, and a year earlier beside"))
        seconds, _ = timed(lambda: (monthly_series(services, region),
                                    overdue_checks(services, region)))
        figures.append(Figure(f"chart series and overdue list, region, year {year}", seconds,
                              "s"))
        seconds, (_, per_point) = timed(lambda: compute_summary(services, region))
        figures.append(Figure(f"district summary figures, {len(per_point)} points", seconds,
                              "s", note="totals and a row per point, one year",
                              floor=group_by_floor(ctx.region_path(), year, by_point=True),
                              records=ctx.records, key="district summary figures"))
    finally:
        services.db.close()
    return figures
