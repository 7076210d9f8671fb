"""Demo data writing speed: records a second into a new point database (target >= 20,000/s).

Besides the wall-clock rate, the rate per CPU second of both processes (the fill makes its
records in a child process): on a machine shared with other work it tells what free cores
would do.
"""

from __future__ import annotations

import resource
import shutil

from bench.common import BenchContext, Figure, grouped

NAME = "demo"
TARGET = 20_000


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(ctx: BenchContext) -> list[Figure]:
    from bench.bench_sync import _new_district
    from bench.floors import executemany_copy
    from inspector_app.demo import create_demo_point, discard_database, fill_demo

    ctx.cache.mkdir(parents=True, exist_ok=True)
    path = ctx.cache / "demo-point.db"
    for old in ctx.cache.glob("demo-point.db*"):
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    services = create_demo_point(path, clock=ctx.clock)
    copy = ctx.cache / "demo-floor.db"
    try:
        cpu = _cpu_seconds()
        result = fill_demo(services, ctx.demo_records, seed=ctx.seed, years=3)
        cpu = _cpu_seconds() - cpu
        _new_district(copy, ctx).db.close()
        rows, seconds = executemany_copy(path, copy, services.point_code)
    finally:
        discard_database(services, path)
        for old in ctx.cache.glob("demo-floor.db*"):
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    figures = [Figure(f"point fill, {grouped(result.total)} records",
                      result.per_second, "records/s", f">= {grouped(TARGET)}",
                      result.per_second >= TARGET, f"{result.seconds:.1f} s with audit trail; "
                      "floor: its rows copied by executemany, no audit trail",
                      floor=rows / seconds, records=result.total, key="demo fill"),
               Figure("point fill, per CPU second", result.total / cpu, "records/s",
                      note=f"{cpu:.1f} s of CPU in the writing and the producing process")]
    ctx.region_path()  # built here if missing, so the build speed is reported too
    if ctx.built is not None:
        records, seconds = ctx.built
        figures.append(Figure(f"region build, {grouped(records)} records", records / seconds,
                              "records/s", note=f"{seconds:.0f} s, sync copies, no local audit"))
    return figures
