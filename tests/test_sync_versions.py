"""Mixed program versions: frozen packages stay readable, the district updates first, a point
that updated first waits without harm (see ``inspector_app/sync/versions.py``).

``tests/data/frozen/schema7/`` was written by the program at schema 7 (``make_schema7.py``):
every later program must import those packages and carry that point database on.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from core_factories import visit_data
from sync_fixtures import (
    PASSWORD,
    db_file_bytes,
    export_each,
    fill_point,
    keys_of,
    read_members,
    region,
    repack,
    table_rows,
    use,
)

from inspector_app.cli import main
from inspector_app.domain.clock import FixedClock
from inspector_app.services.setup import login_services
from inspector_app.storage import migrations
from inspector_app.storage.migrations import LATEST_VERSION, MIGRATIONS, migrate
from inspector_app.storage.models import SYNCED_MODELS
from inspector_app.sync import state, versions
from inspector_app.sync.codec import CODECS, DERIVED, SECRET
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.refused import refused_files, waiting_files
from inspector_app.sync.results import DUPLICATE
from inspector_app.sync.trust import trust_key_file

FROZEN = Path(__file__).parent / "data" / "frozen" / "schema7"
PACKAGES = ["ATY-017_2026-11-25_0001.isync", "ATY-017_2026-11-26_0002.isync"]


def unfreeze(name: str, folder: Path) -> Path:
    """A frozen database and its keys folder, copied into ``folder``; the database's path."""
    path = folder / name
    with gzip.open(FROZEN / f"{name}.gz", "rb") as packed, open(path, "wb") as plain:
        shutil.copyfileobj(packed, plain)
    shutil.copytree(FROZEN / f"{name}.sync-keys", folder / f"{name}.sync-keys")
    return path


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0]


@pytest.fixture
def frozen(tmp_path):
    """The frozen district (schema 7) opened by this program, with both frozen packages
    imported from the stick; the frozen point database beside it, not opened yet."""
    district_path = unfreeze("ATY-ROP.db", tmp_path)
    point_path = unfreeze("ATY-017.db", tmp_path)
    assert user_version(district_path) == user_version(point_path) == 7
    district = login_services(district_path, "operator", PASSWORD,
                              clock=FixedClock(datetime(2026, 11, 27, 11, 0)))
    assert user_version(district_path) == LATEST_VERSION  # migrated on opening
    trust_key_file(district, FROZEN / "ATY-017.pub")
    stick = tmp_path / "stick"
    stick.mkdir()
    for name in PACKAGES:
        shutil.copy2(FROZEN / name, stick / name)
    batch = import_files(district, sorted(stick.iterdir()), outbox=tmp_path / "answers")
    yield district, point_path, batch, tmp_path
    district.db.close()


def test_the_frozen_schema7_packages_import_into_this_program(frozen):
    district, _, batch, _ = frozen
    assert [r.ok for r in batch.files] == [True, True], [str(r.error) for r in batch.files]
    assert [r.export_no for r in batch.files] == [1, 2]
    assert not [n for r in batch.files for n in r.notices if n.code == "sync.gap"]
    peer = state.peer(district.db, "ATY-017")
    assert (peer.held_export_no, peer.last_export_no, peer.gaps) == (2, 2, [])
    persons = table_rows(district, "person", "ATY-017")
    assert len(persons) == 3
    assert "Жұмабаев" in {row["surname"] for row in persons.values()}
    assert any(row["deleted"] for row in table_rows(district, "meeting", "ATY-017").values())
    assert district.db.execute_sql(
        'SELECT COUNT(*) FROM "point_audit_entry" WHERE point_code = ?',
        ("ATY-017",)).fetchone()[0] > 0
    assert state.get_state(district.db, versions.peer_schema_key("ATY-017")) == "7"


def test_a_schema7_point_database_migrates_and_exports_into_the_same_history(frozen):
    district, point_path, _, tmp_path = frozen
    point = login_services(point_path, "erzhanov", PASSWORD,
                           clock=FixedClock(datetime(2026, 11, 28, 9, 0)))
    assert user_version(point_path) == LATEST_VERSION
    use(point)
    # the receipt today's district wrote for export 2 reaches the migrated point
    receipt = import_files(point, [FROZEN / "ATY-017_receipt_2026-11-26_0002.isync"])
    assert receipt.files[0].ok, receipt.files[0].error
    assert state.get_state(point.db, "ack_export_no") == "2"
    reference = import_files(point, [FROZEN / "ATY-017_reference_2026-11-25.isync"])
    assert reference.files[0].status == DUPLICATE  # read, verified, recognised
    before = len(table_rows(point, "preventive_visit"))
    point.visits.create(visit_data())
    result = export_package(point, tmp_path / "stick")
    assert (result.export_no, result.full) == (3, False)
    assert result.seq_from == int(state.get_state(point.db, "ack_seq"))
    assert result.records == 1 + 0
    # the frozen receipt came from a schema-7 district: the point is told it runs older
    assert result.district_schema == (7 if LATEST_VERSION > 7 else None)

    use(district)
    batch = import_files(district, [result.path], outbox=tmp_path / "answers3")
    assert batch.files[0].ok, batch.files[0].error
    peer = state.peer(district.db, "ATY-017")
    assert (peer.held_export_no, peer.gaps) == (3, [])
    assert len(table_rows(district, "preventive_visit", "ATY-017")) == before + 1
    use(point)
    back = import_files(point, [p for p in batch.written if "_receipt_" in p.name])
    assert [n.code for n in back.files[0].notices] == ["sync.receipt_acknowledged"]
    assert state.get_state(point.db, "next_full") != "1"  # checksums agree
    point.db.close()


def test_every_travelling_column_after_the_oldest_read_schema_is_declared(tmp_path):
    """Migrations only add travelling columns, each declared with its default."""
    def columns(version: int) -> dict[str, set[str]]:
        db = migrations.SqliteDatabase(str(tmp_path / f"v{version}.db"))
        db.connect()
        migrate(db, None, target=version)
        found = {CODECS[m].table: {row[1] for row in db.execute_sql(
            f'PRAGMA table_info("{CODECS[m].table}")')} - DERIVED - SECRET
            for m in SYNCED_MODELS}
        db.close()
        return found

    assert versions.OLDEST_READ_SCHEMA == 7
    held = columns(versions.OLDEST_READ_SCHEMA)
    for migration in MIGRATIONS:
        if migration.number <= versions.OLDEST_READ_SCHEMA:
            continue
        now = columns(migration.number)
        for table, names in now.items():
            if not held[table]:  # a table this migration creates: older packages lack it
                assert bool(names) == (table in migration.travelling_tables), (
                    f"migration {migration.number}: declare the table {table}")
                continue
            assert held[table] <= names, f"migration {migration.number} dropped {table} columns"
            assert names - held[table] == set(migration.travelling_columns.get(table, {})), (
                f"migration {migration.number}: declare the columns it adds to {table}")
        held = now
    assert held == {codec.table: set(codec.names) for codec in CODECS.values()}


def _declare(monkeypatch, table: str, column: str, default, number: int = LATEST_VERSION):
    """Pretend migration ``number`` added ``table.column`` with ``default``; the packages of
    the schema before it lack the column."""
    patched = tuple(
        migrations.Migration(m.number, m.name, m.up, {table: {column: default}})
        if m.number == number else m for m in MIGRATIONS)
    monkeypatch.setattr(versions, "MIGRATIONS", patched)
    monkeypatch.setattr(versions, "OLDEST_READ_SCHEMA", number - 1)


def without_person_phone(name: str, lines: list[bytes]) -> list[bytes]:
    """A :func:`repack` edit: person lines without their ``phone`` column."""
    if name != "person.jsonl.gz":
        return lines
    return [json.dumps({k: v for k, v in json.loads(line).items() if k != "phone"},
                       ensure_ascii=False).encode() for line in lines]


def test_an_older_package_lacking_a_later_column_gets_its_default(tmp_path, monkeypatch):
    _declare(monkeypatch, "person", "phone", "")
    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        fill_point(point)
        source = export_each([point], out)[0]
        older = repack(source, tmp_path / "older.isync", keys_of(district), keys_of(point),
                       edit=without_person_phone,
                       edit_body=lambda body: dict(body, schema_version=LATEST_VERSION - 1))
        use(district)
        batch = import_files(district, [older], trust_new=True, outbox=tmp_path / "answers")
        assert batch.files[0].ok, batch.files[0].error
        persons = table_rows(district, "person", "ATY-017")
        assert persons and {row["phone"] for row in persons.values()} == {""}
        # the district answers in the point's schema: no column the point does not know
        assert state.get_state(district.db, versions.peer_schema_key("ATY-017")) == str(
            LATEST_VERSION - 1)
        for path in batch.written:
            body, _ = read_members(path, keys_of(point))
            assert body["schema_version"] == LATEST_VERSION - 1
        _declare(monkeypatch, "staff", "phone_extension", "")
        use(district)
        written = import_files(district, [older], outbox=tmp_path / "again").written
        reference = [p for p in written if "_reference_" in p.name]
        assert reference
        _, members = read_members(reference[0], keys_of(point))
        staff = dict(members)["staff.jsonl.gz"]
        assert staff and all("phone_extension" not in json.loads(line) for line in staff)


def test_the_same_shape_without_the_older_schema_is_refused(tmp_path):
    """A line missing a column is still refused when the manifest claims the current schema."""
    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        fill_point(point)
        source = export_each([point], out)[0]
        damaged = repack(source, tmp_path / "d.isync", keys_of(district), keys_of(point),
                         edit=without_person_phone)
        use(district)
        batch = import_files(district, [damaged], trust_new=True)
        assert batch.files[0].error.code == "sync.bad_record"
        assert batch.files[0].error.params["field"] == "phone"


def test_a_package_older_than_the_oldest_read_schema_is_refused(tmp_path):
    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        source = export_each([point], out)[0]
        old = repack(source, tmp_path / "o.isync", keys_of(district), keys_of(point),
                     edit_body=lambda body: dict(body, schema_version=6))
        use(district)
        error = import_files(district, [old], trust_new=True).files[0].error
        assert error.code == "sync.older_schema"
        assert "schema 6" in error.message("en") and "7" in error.message("en")


def test_a_point_that_updated_first_waits_without_harm(tmp_path, monkeypatch, capsys):
    """Its package is refused and kept, the district unchanged; after the district updates,
    ``import --waiting`` imports it and forgets the kept copy."""
    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        fill_point(point)
        source = export_each([point], out)[0]
        newer = repack(source, tmp_path / "newer.isync", keys_of(district), keys_of(point),
                       edit_body=lambda body: dict(body, schema_version=LATEST_VERSION + 1))
        use(district)
        before = db_file_bytes(district)
        batch = import_files(district, [newer], trust_new=True)
        error = batch.files[0].error
        assert error.code == "sync.newer_schema"
        assert "import --waiting" in error.message("en")
        assert "import --waiting" in error.message("ru")
        assert db_file_bytes(district) == before
        assert [r.code for r in refused_files(district.db.database)] == ["sync.newer_schema"]
        assert waiting_files(district.db.database, versions.readable) == []
        district_path = district.db.database
        district.db.close()
        code = main(["--lang", "en", "--db", district_path, "import", "--waiting"])
        assert code == 1 and "No refused package is waiting" in capsys.readouterr().err

        monkeypatch.setattr(versions, "LATEST_VERSION", LATEST_VERSION + 1)  # updated
        assert len(waiting_files(district_path, versions.readable)) == 1
        code = main(["--lang", "en", "--db", district_path, "import", "--waiting",
                     "--trust-new", "--out", str(tmp_path / "answers")])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        assert "Total: imported 1, already imported 0, refused 0." in captured.out
        assert waiting_files(district_path, versions.readable) == []
        assert refused_files(district_path) == []
        services = login_services(district_path, "operator", PASSWORD)
        assert len(table_rows(services, "person", "ATY-017")) == 2
        assert state.get_state(services.db, versions.peer_schema_key("ATY-017")) == str(
            LATEST_VERSION + 1)
        services.db.close()


def test_a_point_is_told_at_export_that_its_district_runs_an_older_program(tmp_path, capsys):
    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        use(point)
        assert export_package(point, out).district_schema is None
        state.set_state(point.db, versions.DISTRICT_SCHEMA, LATEST_VERSION - 1)
        assert export_package(point, out).district_schema == LATEST_VERSION - 1
        path = point.db.database
        point.db.close()
        code = main(["--lang", "ru", "--db", path, "export", "--out", str(out)])
        assert code == 0
        assert f"схема {LATEST_VERSION - 1}, здесь {LATEST_VERSION}" in capsys.readouterr().err


def test_the_point_notes_the_district_schema_from_its_receipts(tmp_path):
    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        source = export_each([point], out)[0]
        use(district)
        written = import_files(district, [source], trust_new=True,
                               outbox=tmp_path / "answers").written
        use(point)
        assert all(r.ok for r in import_files(point, written).files)
        assert state.get_state(point.db, versions.DISTRICT_SCHEMA) == str(LATEST_VERSION)
        assert versions.district_behind(point.db) is None
