"""Activity statistics (with АППГ) of the region database: one point for one year
(target < 0.3 s) and the whole database (target < 2 s)."""

from __future__ import annotations

from datetime import date

from bench.common import BenchContext, Figure, timed

NAME = "stats"
POINT_TARGET = 0.3
WHOLE_TARGET = 2.0
POINT = "ATY-001"


def run(ctx: BenchContext) -> list[Figure]:
    from inspector_app.stats import StatsScope, compute, compute_summary

    services = ctx.open_region()
    today = ctx.clock.today()
    try:
        first = services.db.execute_sql("SELECT min(received_at) FROM appeal").fetchone()[0]
        start = date.fromisoformat(str(first)[:10])
        year = StatsScope(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31),
                          point_codes=(POINT,), today=today)
        whole = StatsScope(start, today, today=today)
        compute(services, year)  # warm the statement cache like a second report would
        point_seconds, _ = timed(lambda: compute(services, year))
        whole_seconds, _ = timed(lambda: compute(services, whole))
        region_year = StatsScope(year.date_from, year.date_to, today=today)
        summary_seconds, (_, per_point) = timed(lambda: compute_summary(services, region_year))
    finally:
        services.db.close()
    return [
        Figure(f"stats, {POINT}, year {today.year - 1}", point_seconds, "s",
               f"< {POINT_TARGET}", point_seconds < POINT_TARGET),
        Figure(f"stats, whole database ({start:%Y}-{today:%Y})", whole_seconds, "s",
               f"< {WHOLE_TARGET}", whole_seconds < WHOLE_TARGET),
        Figure(f"district summary, {len(per_point)} points, one year", summary_seconds, "s",
               note="compute_summary: totals and a row per point"),
    ]
