"""Opening the region database: ``open_services`` with its migration check (target < 0.2 s)."""

from __future__ import annotations

import statistics

from bench.common import BenchContext, Figure, grouped, timed

NAME = "open"
TARGET = 0.2
RUNS = 10


def run(ctx: BenchContext) -> list[Figure]:
    from inspector_app.services.setup import open_services

    path = ctx.region_path()
    size_mb = path.stat().st_size / 2**20
    times = []
    for _ in range(RUNS):
        seconds, services = timed(lambda: open_services(path, clock=ctx.clock))
        services.db.close()
        times.append(seconds)
    first, median, worst = times[0], statistics.median(times), max(times)
    note = f"{grouped(size_mb)} MB file; first {first:.3f} s, page cache warm"
    return [Figure(f"open_services, median of {RUNS}", median, "s", f"< {TARGET}",
                   median < TARGET, note),
            Figure("open_services, slowest", worst, "s", f"< {TARGET}", worst < TARGET)]
