"""How the schema-7 frozen sync data in ``tests/data/frozen/schema7/`` was made (run once).

Written with the program as it stood at schema 7 (before migration 0008), the first version
whose packages every later district must still read. It refuses to run on another schema:
re-running it with newer code would freeze the newer format and prove nothing.

    python tests/data/frozen/make_schema7.py          # from a schema-7 checkout only

It makes a district ``ATY-ROP`` and a small point ``ATY-017`` (every record kind, edits and
tombstones). The point exports (1); the district imports it and answers with a receipt and a
reference package; the point applies both, records more and exports again (2); the district
imports that and answers with receipt 2. Frozen: the district database *before* any import
(with its keys), the point database just after export 2 (before receipt 2, with its keys),
both public key files, both packages, both receipts and the reference package (the
databases gzipped: 40 KB instead of 680 KB).
"""

from __future__ import annotations

import gzip
import shutil
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # tests/ (fixtures)

from core_factories import valid_iin, visit_data  # noqa: E402
from sync_fixtures import fill_point, make_district, make_point, use  # noqa: E402

from inspector_app.domain.clock import FixedClock  # noqa: E402
from inspector_app.storage.migrations import LATEST_VERSION  # noqa: E402
from inspector_app.sync.export import export_package  # noqa: E402
from inspector_app.sync.importer import import_files  # noqa: E402
from inspector_app.sync.trust import export_public_key  # noqa: E402

FROZEN_SCHEMA = 7
TARGET = HERE / f"schema{FROZEN_SCHEMA}"


def _copy_database(path: Path, target: Path) -> None:
    """The database file (checkpointed by the caller), gzipped, and its keys folder."""
    with open(path, "rb") as source, gzip.GzipFile(target / f"{path.name}.gz", "wb", 9,
                                                     mtime=0) as packed:
        shutil.copyfileobj(source, packed)
    keys = path.with_name(path.name + ".sync-keys")
    shutil.copytree(keys, target / keys.name)


def main() -> None:
    if LATEST_VERSION != FROZEN_SCHEMA:
        sys.exit(f"this program is at schema {LATEST_VERSION}, not {FROZEN_SCHEMA}: refusing")
    if TARGET.exists():
        sys.exit(f"{TARGET} exists: frozen data is never re-made")
    TARGET.mkdir()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        day1 = FixedClock(datetime(2026, 11, 25, 10, 30))
        district = make_district(work, day1)
        point = make_point(work, "ATY-017", day1, district=district)
        for services in (district, point):
            use(services)
            services.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        _copy_database(Path(district.db.database), TARGET)
        use(point)
        export_public_key(point, TARGET / "ATY-017.pub")
        shutil.copy2(work / "ATY-ROP.pub", TARGET / "ATY-ROP.pub")

        fill_point(point)
        out = work / "out"
        out.mkdir()
        first = export_package(point, out).path
        shutil.copy2(first, TARGET / first.name)
        use(district)
        answers1 = work / "answers1"
        batch = import_files(district, [first], trust_new=True, outbox=answers1)
        assert all(r.ok for r in batch.files), [r.error for r in batch.files]
        for path in batch.written:
            shutil.copy2(path, TARGET / path.name)
        use(point)
        batch = import_files(point, batch.written)
        assert all(r.ok for r in batch.files), [r.error for r in batch.files]

        point.clock = FixedClock(datetime(2026, 11, 26, 9, 15))
        person = point.persons.create({"surname": "Жұмабаев", "first_name": "Нұрлан",
                                       "iin": valid_iin(date(1985, 7, 3), "M")})
        point.visits.create(visit_data(person=person.id))
        second = export_package(point, out).path
        shutil.copy2(second, TARGET / second.name)
        point.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        _copy_database(Path(point.db.database), TARGET)

        use(district)
        district.clock = FixedClock(datetime(2026, 11, 26, 16, 0))
        batch = import_files(district, [second], outbox=work / "answers2")
        assert all(r.ok for r in batch.files), [r.error for r in batch.files]
        for path in batch.written:
            shutil.copy2(path, TARGET / path.name)
        for services in (district, point):
            services.db.close()
    for path in sorted(TARGET.rglob("*")):
        print(path.relative_to(HERE), path.stat().st_size)


if __name__ == "__main__":
    main()
