"""Demo data writing speed: records a second into a new point database (target >= 20,000/s).

Besides the wall-clock rate, the rate per second of this process's CPU time: on a machine
shared with other work it tells what one free core would do.
"""

from __future__ import annotations

import shutil
import time

from bench.common import CACHE, BenchContext, Figure, grouped

NAME = "demo"
TARGET = 20_000


def run(ctx: BenchContext) -> list[Figure]:
    from inspector_app.demo import create_demo_point, discard_database, fill_demo

    CACHE.mkdir(exist_ok=True)
    path = CACHE / "demo-point.db"
    for old in CACHE.glob("demo-point.db*"):
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    services = create_demo_point(path, clock=ctx.clock)
    try:
        cpu = time.process_time()
        result = fill_demo(services, ctx.demo_records, seed=ctx.seed, years=3)
        cpu = time.process_time() - cpu
    finally:
        discard_database(services, path)
    figures = [Figure(f"point fill, {grouped(result.total)} records",
                      result.per_second, "records/s", f">= {grouped(TARGET)}",
                      result.per_second >= TARGET, f"{result.seconds:.1f} s with audit trail"),
               Figure("point fill, per CPU second", result.total / cpu, "records/s",
                      note=f"{cpu:.1f} s of CPU")]
    ctx.region_path()  # built here if missing, so the build speed is reported too
    if ctx.built is not None:
        records, seconds = ctx.built
        figures.append(Figure(f"region build, {grouped(records)} records", records / seconds,
                              "records/s", note=f"{seconds:.0f} s, sync copies, no local audit"))
    return figures
