"""Sync speed: a point's export (100k records, < 3 s) and the district's import of packages
totalling the region's records from 92 points (< 60 s, < 300 MB), each next to a raw
``sqlite3.executemany`` of the same rows into the same empty schema, as a ratio.

The import packages are made from the cached region database: for each of its 92 points, every
record it owns, signed with a key of its own and encrypted to a new district office. The import
runs in a child process so its peak memory (``ru_maxrss``) is its own.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

from bench.common import BenchContext, Figure, grouped, timed

NAME = "sync"
EXPORT_RECORDS = 100_000
EXPORT_TARGET = 3.0
IMPORT_TARGET = 60.0
MEMORY_TARGET = 300
ROOT = Path(__file__).resolve().parents[1]


def run(ctx: BenchContext) -> list[Figure]:
    folder = ctx.cache / "sync"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        return export_figures(ctx, folder) + import_figures(ctx, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- export ------------------------------------------------------------------------------------
def export_figures(ctx: BenchContext, folder: Path) -> list[Figure]:
    from inspector_app.demo import create_demo_point, fill_demo
    from inspector_app.storage.database import bind_models
    from inspector_app.sync.export import export_package
    from inspector_app.sync.trust import export_public_key, trust_key_file

    district = _new_district(folder / "district-keys.db", ctx)
    export_public_key(district, folder / "district.pub")
    district.db.close()
    point = create_demo_point(folder / "point.db", clock=ctx.clock)
    ctx.say(f"filling a demo point with {grouped(EXPORT_RECORDS)} records")
    fill_demo(point, EXPORT_RECORDS, seed=ctx.seed, years=3)
    bind_models(point.db)
    trust_key_file(point, folder / "district.pub")
    out = folder / "out"
    out.mkdir()
    seconds, result = timed(lambda: export_package(point, out, full=True))
    point_path, code = point.db.database, point.point_code
    point.db.close()
    _rows, raw = _raw_copy(folder / "raw-export.db", point_path, code, ctx)
    size = result.path.stat().st_size / 2**20
    return [
        Figure(f"export, {grouped(result.records)} records", seconds, "s",
               f"< {EXPORT_TARGET:g} s", seconds < EXPORT_TARGET,
               f"{size:.1f} MB file, {grouped(result.audit_entries)} audit entries"),
        Figure("  tuned executemany of the same rows", raw, "s", note="same empty schema"),
        Figure("  export / executemany", seconds / raw, "ratio"),
    ]


# -- import ------------------------------------------------------------------------------------
def import_figures(ctx: BenchContext, folder: Path) -> list[Figure]:
    region = ctx.region_path()
    district = _new_district(folder / "district.db", ctx)
    district_path = Path(district.db.database)
    district.db.close()
    ctx.say("writing one package per point of the region database")
    seconds_packing, (files, records) = timed(
        lambda: make_region_packages(region, district_path, folder / "packages", ctx))
    os.sync()  # the packages' own writing to disk is not the import's to wait for
    child = subprocess.run(
        [sys.executable, "-c", "import sys; from bench.bench_sync import child_import; "
         "child_import(sys.argv[1], sys.argv[2:])", str(district_path), *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, check=False)
    if child.returncode != 0:
        raise RuntimeError(child.stderr[-2000:])
    report = json.loads(child.stdout.strip().splitlines()[-1])
    raw_rows, raw = _raw_copy(folder / "raw-import.db", region, None, ctx)
    seconds = report["seconds"]
    return [
        Figure("import rate", records / seconds, "records/s", note=f"{len(files)} packages",
               floor=raw_rows / raw, records=records, key="district import rate"),
        Figure(f"import, {grouped(records)} records, {len(files)} points", seconds, "s",
               f"< {IMPORT_TARGET:g} s", seconds < IMPORT_TARGET and report["refused"] == 0,
               f"{grouped(records / seconds)} records/s, {report['refused']} refused, "
               f"{report['written']} receipts/reference files"),
        Figure("  import peak memory", report["max_rss_mb"], "MB", f"< {MEMORY_TARGET} MB",
               report["max_rss_mb"] < MEMORY_TARGET,
               f"importer {report['own_mb']:.0f} MB + worker {report['worker_mb']:.0f} MB"),
        Figure("  tuned executemany of the same rows", raw, "s",
               note=f"same empty schema; packages written in {seconds_packing:.0f} s "
                    "(not counted)"),
    ]


def child_import(district_path: str, files: list[str]) -> None:
    """Run in a child process: import ``files`` into the district; print a JSON report.

    Memory is the peak resident size of this process (``VmHWM``: ``ru_maxrss`` would include
    the parent's size at fork) plus the peak of the import's worker process, sampled.
    """
    from bench.common import BENCH_NOW
    from inspector_app.domain.clock import FixedClock
    from inspector_app.services.setup import open_services
    from inspector_app.sync.importer import import_files

    services = open_services(district_path, clock=FixedClock(BENCH_NOW))
    outbox = Path(district_path).with_name("outbox")
    watcher = _ChildMemory()
    watcher.start()
    seconds, batch = timed(lambda: import_files(services, files, trust_new=True, outbox=outbox))
    watcher.stop()
    services.db.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    own = _status_kb("self", "VmHWM") / 1024
    refused = [f.summary("en") for f in batch.refused]
    print(json.dumps({"seconds": seconds, "max_rss_mb": own + watcher.peak_mb,
                      "own_mb": own, "worker_mb": watcher.peak_mb,
                      "cpu_seconds": usage.ru_utime + usage.ru_stime, "refused": len(refused),
                      "reasons": refused[:3], "written": len(batch.written)}))


def _status_kb(pid: str, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _ChildMemory:
    """Samples the resident size of this process's children (the import's worker)."""

    def __init__(self):
        import threading

        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import os

        me = os.getpid()
        while not self._stop.wait(0.1):
            try:
                with open(f"/proc/{me}/task/{me}/children") as f:
                    children = f.read().split()
            except OSError:
                children = []
            total = sum(_status_kb(pid, "VmRSS") for pid in children) / 1024
            self.peak_mb = max(self.peak_mb, total)


def make_region_packages(region: Path, district_path: Path, out: Path,
                         ctx: BenchContext) -> tuple[list[Path], int]:
    """One records package per point of ``region`` (a full export), addressed to the district."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from inspector_app.storage.migrations import LATEST_VERSION
    from inspector_app.storage.models import SYNCED_MODELS
    from inspector_app.sync.codec import AUDIT_MEMBER, CODECS
    from inspector_app.sync.holdings import as_hex, pair_value
    from inspector_app.sync.keys import KeyPair, ensure_keys
    from inspector_app.sync.manifest import RECORDS, utc_text
    from inspector_app.sync.package import PackageWriter

    out.mkdir()
    recipient = ensure_keys(district_path).public
    db = sqlite3.connect(region)
    points = db.execute("SELECT code, name FROM point WHERE is_district_office = 0 "
                        "ORDER BY code").fetchall()
    created = utc_text(ctx.clock.now_utc())
    files, total = [], 0
    for code, name in points:
        keys = KeyPair(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
        path = out / f"{code}_2026-11-25_0001.isync"
        writer = PackageWriter(path, recipient)
        counts, checksum, top = {}, 0, 0
        for model in SYNCED_MODELS:
            codec = CODECS[model]
            member = writer.member(codec.member)
            names = [c.name for c in codec.columns]
            version, seq = names.index("row_version"), names.index("change_seq")
            tombstones = 0
            for row in db.execute(codec.export_sql, (code, 0, 2**62)):
                member.write_line(codec.encode(row))
                tombstones += row[codec.deleted_index]
                checksum += pair_value(row[0], row[version])
                top = max(top, row[seq])
            info = writer.add(member)
            counts[codec.table] = {"records": info.lines, "tombstones": tombstones}
            total += info.lines
        writer.add(writer.member(AUDIT_MEMBER))
        writer.seal({
            "kind": RECORDS, "package_id": uuid.uuid4().hex, "sender": code, "sender_name": name,
            "sender_kind": "point", "database_id": uuid.uuid4().hex, "recipient": "ATY-ROP",
            "schema_version": LATEST_VERSION, "app_version": "bench", "created_at": created,
            "utc_offset_minutes": 300, "export_no": 1, "full": True, "seq_from": 0,
            "seq_to": top, "audit_from": 0, "audit_to": 0, "checksum": as_hex(checksum),
            "holdings": sum(c["records"] for c in counts.values()), "counts": counts,
            "reference_digest": "",
        }, keys)
        files.append(writer.publish())
    db.close()
    return files, total


# -- shared ------------------------------------------------------------------------------------
def _new_district(path: Path, ctx: BenchContext):
    from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database

    return create_database(path, PointProfile(code="ATY-ROP", name="ОП", district="Атырау"),
                           FirstAccount("operator", "Оператор", "Bench-Secret-1"),
                           kind=DISTRICT, clock=ctx.clock)


def _raw_copy(path: Path, source: str | Path, owner: str | None, ctx: BenchContext
              ) -> tuple[int, float]:
    """Rows and seconds of the floor copy (``bench.floors.executemany_copy``) of ``source``'s
    travelling rows (of ``owner``, or of every point) into a new district database."""
    from bench.floors import executemany_copy

    _new_district(path, ctx).db.close()
    return executemany_copy(source, path, owner)
