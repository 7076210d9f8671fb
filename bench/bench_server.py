"""A district office on PostgreSQL (issue 18): the region's packages imported into a server
database beside the same import into a SQLite file and a raw ``COPY`` of the same rows into
the same server tables (the floor); two importers at once against one; one year's region
statistics on both engines.

The server is a throw-away PostgreSQL cluster (``tests/pg_server.py``: Debian's server
programs, run as the ``postgres`` user when the bench runs as root), started and removed by
this benchmark. Without the server programs or psycopg the benchmark reports why and measures
nothing. The server district is the SQLite district moved by ``copy-to`` before any import, so
both hold the same keys and the same packages import into each.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.common import BenchContext, Figure, grouped, timed

NAME = "server"
ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
POSTGRES_TARGET = 2.0
"""PostgreSQL import time at most this many times the SQLite import's (issue 18)."""
COPY_TARGET = 0.3
"""PostgreSQL import throughput at least this share of the COPY floor's (issue 18)."""


def _pg_server():
    """The tests' throw-away cluster helper (``tests/pg_server.py``)."""
    sys.path.insert(0, str(TESTS))
    try:
        import pg_server
    finally:
        sys.path.remove(str(TESTS))
    return pg_server


def run(ctx: BenchContext) -> list[Figure]:
    pg_server = _pg_server()
    reason = pg_server.missing_reason()
    if reason:
        ctx.say(f"server benchmark skipped: {reason}")
        return []
    folder = ctx.cache / "server"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    server = pg_server.PgServer().start()
    try:
        return _figures(ctx, folder, server)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _figures(ctx: BenchContext, folder: Path, server) -> list[Figure]:
    from bench.bench_sync import _new_district, make_region_packages

    district = _new_district(folder / "district.db", ctx)
    district_path = Path(district.db.database)
    district.db.close()
    ctx.say("writing one package per point of the region database")
    files, records = make_region_packages(ctx.region_path(), district_path,
                                          folder / "packages", ctx)
    on_server, copy_floor, two_at_once = (_empty_server_district(district_path, server)
                                          for _ in range(3))
    ctx.say(f"importing {grouped(records)} records into SQLite, then PostgreSQL")
    sqlite_seconds = _import(str(district_path), files, folder / "out-sqlite")
    pg_seconds = _import(on_server, files, folder / "out-pg")
    ctx.say("COPY of the same rows into the same server tables")
    copied, copy_seconds = _copy_floor(ctx.region_path(), copy_floor)
    ctx.say("two importers at once, each with half the points")
    halves = (files[0::2], files[1::2])
    started = time.perf_counter()
    children = [_start_import(two_at_once, half, folder / f"out-two-{n}")
                for n, half in enumerate(halves)]
    for child in children:
        _finish_import(child)
    both_seconds = time.perf_counter() - started
    sqlite_stats, pg_stats = (_year_stats(ctx, target) for target in (district_path, on_server))
    return [
        Figure(f"server import, {grouped(records)} records, {len(files)} points",
               pg_seconds, "s", f"<= {POSTGRES_TARGET:g}x SQLite",
               pg_seconds <= POSTGRES_TARGET * sqlite_seconds,
               f"{pg_seconds / sqlite_seconds:.2f}x the SQLite import"),
        Figure("  the same import into a SQLite file", sqlite_seconds, "s",
               note=f"{grouped(records / sqlite_seconds)} records/s"),
        Figure("server import rate", records / pg_seconds, "records/s",
               f">= {COPY_TARGET:g}x COPY", records / pg_seconds >= COPY_TARGET * copied
               / copy_seconds, f"COPY: {grouped(copied)} rows in {copy_seconds:.1f} s",
               floor=copied / copy_seconds, records=records, key="server import rate"),
        Figure("  two importers at once, half the points each", both_seconds, "s",
               note=f"{pg_seconds / both_seconds:.2f}x the throughput of one"),
        Figure("stats, whole server database, one year", pg_stats, "s",
               note=f"SQLite: {sqlite_stats:.3f} s", floor=sqlite_stats, records=records,
               key="server stats, one year"),
    ]


def _empty_server_district(district_path: Path, server) -> str:
    """A new server database holding the empty district (``copy-to``); returns its URL."""
    from inspector_app.services.setup import open_services
    from inspector_app.storage.copy_to_server import copy_to_server

    url = server.new_database()
    services = open_services(district_path)
    try:
        copy_to_server(services, url)
    finally:
        services.db.close()
    return url


def _import(target: str, files: list[Path], outbox: Path) -> float:
    """Seconds of one importer (a child process) importing ``files`` into ``target``."""
    return _finish_import(_start_import(target, files, outbox))


def _start_import(target: str, files: list[Path], outbox: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "import sys; from bench.bench_server import child_import; "
         "child_import(sys.argv[1], sys.argv[2], sys.argv[3:])", target, str(outbox),
         *map(str, files)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def _finish_import(child: subprocess.Popen) -> float:
    out, err = child.communicate()
    if child.returncode != 0:
        raise RuntimeError(err[-2000:])
    report = json.loads(out.strip().splitlines()[-1])
    if report["refused"]:
        raise RuntimeError(f"packages refused: {report['reasons']}")
    return report["seconds"]


def child_import(target: str, outbox: str, files: list[str]) -> None:
    """Run in a child process: import ``files`` into ``target``; print a JSON report."""
    from bench.common import BENCH_NOW
    from inspector_app.domain.clock import FixedClock
    from inspector_app.services.setup import open_services
    from inspector_app.sync.importer import import_files

    services = open_services(target, clock=FixedClock(BENCH_NOW))
    seconds, batch = timed(lambda: import_files(services, files, trust_new=True,
                                                outbox=Path(outbox)))
    services.db.close()
    refused = [f.summary("en") for f in batch.refused]
    print(json.dumps({"seconds": seconds, "refused": len(refused), "reasons": refused[:3]}))


def _copy_floor(region: Path, url: str) -> tuple[int, float]:
    """Rows and seconds of a ``COPY`` of every point's travelling rows of ``region`` into the
    server district at ``url`` (the columns an import writes; one transaction)."""
    import sqlite3

    import psycopg

    from inspector_app.storage.models import SYNCED_MODELS
    from inspector_app.storage.server import connect_params
    from inspector_app.sync.codec import CODECS

    source = sqlite3.connect(region)
    points = "SELECT code FROM point WHERE is_district_office = 0"
    rows = 0
    with psycopg.connect(**connect_params(url)) as conn:
        started = time.perf_counter()
        with conn.transaction():
            conn.execute("SET CONSTRAINTS ALL DEFERRED")
            for model in SYNCED_MODELS:
                codec = CODECS[model]  # the columns an import writes, derived ones included
                names = ", ".join(f'"{name}"' for name in codec.insert_columns)
                with conn.cursor().copy(f'COPY "{codec.table}" ({names}) FROM STDIN') as copy:
                    for row in source.execute(f'SELECT {names} FROM "{codec.table}" '
                                              f"WHERE owner_point IN ({points})"):
                        copy.write_row(row)
                        rows += 1
        seconds = time.perf_counter() - started
    source.close()
    return rows, seconds


def _year_stats(ctx: BenchContext, target) -> float:
    """Seconds of one year's statistics of the whole database (warm, as a second report)."""
    from inspector_app.queries.stats import StatsScope, compute
    from inspector_app.services.setup import open_services

    year = ctx.clock.today().year - 1
    scope = StatsScope(date(year, 1, 1), date(year, 12, 31), today=ctx.clock.today())
    services = open_services(target, clock=ctx.clock)
    try:
        compute(services, scope)
        seconds, _ = timed(lambda: compute(services, scope))
    finally:
        services.db.close()
    return seconds
