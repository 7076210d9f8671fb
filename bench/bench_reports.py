"""PDF reports and spreadsheet export: the yearly activity report of a busy point (15,000
records a year, target < 1 s) and of the whole region database (< 5 s), the district summary
of every point, and a 10,000-row register printout (< 8 s, < 300 MB peak memory, measured in a
fresh process) beside its XLSX export.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.bench_stats import busy_point_path, records_in
from bench.common import BenchContext, Figure, grouped, timed

NAME = "reports"
POINT_TARGET = 1.0
REGION_TARGET = 5.0
JOURNAL_ROWS = 10_000
JOURNAL_TARGET = 8.0
MEMORY_TARGET_MB = 300


def _journal_window(services, year: int, rows: int) -> tuple[date, date]:
    """From 1 January of ``year``, the days that hold ``rows`` appeals (the printout's period;
    up to the last appeal when a small region holds fewer)."""
    start = date(year, 1, 1)
    last, = services.db.execute_sql(
        "SELECT max(received_at) FROM (SELECT received_at FROM appeal WHERE deleted = 0 "
        "AND received_at >= ? ORDER BY received_at LIMIT ?)", [start.isoformat(), rows]
    ).fetchone()
    return start, date.fromisoformat(str(last)[:10])


def run(ctx: BenchContext) -> list[Figure]:
    from bench.floors import canvas_floor
    from inspector_app.reports import ReportRequest, generate

    figures = []
    year = ctx.clock.today().year - 1
    start, end = date(year, 1, 1), date(year, 12, 31)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        from inspector_app.services.setup import open_services

        point = open_services(busy_point_path(ctx), clock=ctx.clock)
        try:
            records = records_in(point, year)
            request = ReportRequest("activity", start, end)
            seconds, pages = timed(lambda: generate(point, request, out / "point.pdf"))
        finally:
            point.db.close()
        figures.append(Figure(f"activity report, busy point, year {year}", seconds, "s",
                              f"< {POINT_TARGET}", seconds < POINT_TARGET,
                              f"{grouped(records)} records that year, {pages} pages"))
        region = ctx.open_region()
        try:
            request = ReportRequest("activity", start, end)
            seconds, pages = timed(lambda: generate(region, request, out / "region.pdf"))
            figures.append(Figure(f"activity report, whole database, year {year}", seconds,
                                  "s", f"< {REGION_TARGET}", seconds < REGION_TARGET,
                                  f"{pages} pages"))
            request = ReportRequest("district", start, end)
            seconds, pages = timed(lambda: generate(region, request, out / "district.pdf"))
            figures.append(Figure(f"district summary PDF, year {year}", seconds, "s",
                                  note=f"every point, {pages} pages"))
            window = _journal_window(region, year, JOURNAL_ROWS)
        finally:
            region.db.close()
        child = _child(ctx, "register", window, out / "journal.pdf")
        floor = canvas_floor(str(ctx.region_path()), window[0].isoformat(),
                             window[1].isoformat(), str(out / "canvas.pdf"))
        figures.append(Figure(f"appeals journal, {grouped(child['rows'])} rows",
                              child["seconds"], "s", f"< {JOURNAL_TARGET}",
                              child["seconds"] < JOURNAL_TARGET,
                              f"{child['cpu']:.1f} s of CPU; {child['pages']} pages, "
                              f"{window[0]:%d.%m.%Y}-{window[1]:%d.%m.%Y}; floor: "
                              f"{floor['rows']} rows drawn on a canvas, {floor['pages']} pages",
                              floor=floor["seconds"], records=ctx.records,
                              key="appeals journal PDF"))
        figures.append(Figure("appeals journal, peak memory (fresh process)", child["mb"],
                              "MB", f"< {MEMORY_TARGET_MB}", child["mb"] < MEMORY_TARGET_MB,
                              floor=floor["mb"], records=ctx.records,
                              key="appeals journal PDF, peak memory"))
        child = _child(ctx, "xlsx", window, out / "appeals.xlsx")
        figures.append(Figure(f"appeals to XLSX, {grouped(child['rows'])} rows",
                              child["seconds"], "s",
                              note=f"{child['cpu']:.1f} s of CPU, peak memory "
                                   f"{child['mb']:.0f} MB"))
    return figures


def _child(ctx: BenchContext, what: str, window: tuple[date, date], out: Path) -> dict:
    """Run one printout/export in a fresh interpreter; its time, rows, pages and peak RSS."""
    argv = [sys.executable, "-m", "bench.bench_reports", what, str(ctx.region_path()),
            window[0].isoformat(), window[1].isoformat(), str(out)]
    result = subprocess.run(argv, capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[1])
    return json.loads(result.stdout.strip().splitlines()[-1])


def _peak_mb() -> float:
    """This process's peak resident memory in MB: VmHWM of its own address space (getrusage's
    maximum is carried over from the parent across exec, so it would count the bench run)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_main(what: str, db: str, first: str, last: str, out: str) -> None:
    from bench.common import BENCH_NOW
    from inspector_app.domain.clock import FixedClock
    from inspector_app.queries.registers import REGISTERS, Filters
    from inspector_app.reports import register_report
    from inspector_app.services.setup import open_services

    services = open_services(db, clock=FixedClock(BENCH_NOW))
    register = REGISTERS["appeals"]
    filters = Filters(date_from=date.fromisoformat(first), date_to=date.fromisoformat(last))
    rows = register.count(filters)
    cpu = time.process_time()
    if what == "register":
        seconds, pages = timed(lambda: register_report(services, register, filters, out))
    else:
        from inspector_app.queries.export_table import export_register

        seconds, _ = timed(lambda: export_register(services, register, filters, out))
        pages = 0
    cpu = time.process_time() - cpu
    services.db.close()
    peak = _peak_mb()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rows": rows, "pages": pages,
                      "mb": peak}))


if __name__ == "__main__":
    _child_main(*sys.argv[1:6])
