"""Storage: migrations from an empty file and from version 1, refusals, the copy aside, pragmas."""

from __future__ import annotations

import sqlite3

import pytest

from inspector_app.errors import DatabaseError
from inspector_app.services.setup import open_services
from inspector_app.storage import migrations
from inspector_app.storage.database import open_database
from inspector_app.storage.migrations import (
    LATEST_VERSION,
    Migration,
    m0001_initial,
    m0007_one_index_per_order,
)
from inspector_app.storage.models import Appeal, Person


def user_version(path) -> int:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def columns(path, table: str) -> list[str]:
    con = sqlite3.connect(str(path))
    try:
        return [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
    finally:
        con.close()


def first_version_file(path) -> None:
    """A database as version 1 of the program wrote it, with one person, made without peewee."""

    class Raw:
        def __init__(self, con):
            self.con = con

        def execute_sql(self, sql, params=()):
            return self.con.execute(sql, params)

    con = sqlite3.connect(str(path))
    with con:
        m0001_initial.up(Raw(con))
        con.execute("PRAGMA user_version = 1")
        con.execute(
            "INSERT INTO person (id, owner_point, created_at, created_by, updated_at, updated_by,"
            " row_version, change_seq, deleted, surname, first_name, patronymic, iin, address,"
            " phone, notes, sort_name, search_text) VALUES ('p1', 'ATY-017', '2026-01-05 10:00:00',"
            " 'erzhanov', '2026-01-05 10:00:00', 'erzhanov', 1, 1, 0, 'Әлиев', 'Марат', '',"
            " '900215400102', 'ул. Абая, 1', '', '', 'x', 'әлиев марат 900215400102')")
        con.execute("INSERT INTO person_fts(rowid, search_text) SELECT rowid, search_text "
                    "FROM person")
    con.close()


def test_an_empty_file_gets_the_whole_schema(tmp_path):
    path = tmp_path / "new.db"
    db = open_database(path, create=True)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        tables = {row[0] for row in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
        for name in ("person", "appeal", "preventive_visit", "registration", "offence", "meeting",
                     "feedback", "audit_entry", "person_fts", "audit_entry_no_update"):
            assert name in tables
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()
    assert not list(tmp_path.glob("*.bak")), "a new file needs no copy aside"


def test_foreign_keys_are_enforced(services):
    with pytest.raises(Exception, match="FOREIGN KEY"):
        services.db.execute_sql(
            "INSERT INTO registration (id, owner_point, created_at, created_by, updated_at,"
            " updated_by, row_version, change_seq, deleted, person_id, category, tags,"
            " basis_document, start_date, check_interval_days, next_check_due, inspector_id,"
            " close_reason, notes, search_text) VALUES ('r1', 'ATY-017', '2026-01-01', 'x',"
            " '2026-01-01', 'x', 1, 1, 0, 'nobody', 'parole', '', '', '2026-01-01', 30,"
            " '2026-01-31', 'nobody', '', '', '')")


def test_a_missing_file_is_refused_without_creating_it(tmp_path):
    path = tmp_path / "absent.db"
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.code == "error.db_missing"
    assert "init" in caught.value.message("ru")
    assert not path.exists()


def test_a_database_of_the_first_version_opens_with_its_data_intact(tmp_path):
    path = tmp_path / "v1.db"
    first_version_file(path)
    db = open_database(path)
    try:
        person = Person.get_by_id("p1")
        assert (person.surname, person.iin) == ("Әлиев", "900215400102")
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        found = db.execute_sql("SELECT rowid FROM person_fts WHERE person_fts MATCH ?",
                               ('"алиев"*',)).fetchall()  # folded by migration 0008
        assert len(found) == 1
    finally:
        db.close()


def test_search_tables_get_prefix_indexes_lose_positions_and_keep_their_rows(tmp_path):
    path = tmp_path / "v1.db"
    first_version_file(path)
    db = open_database(path)
    try:
        tables = dict(db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                     "AND sql LIKE 'CREATE VIRTUAL TABLE%'").fetchall())
        from inspector_app.kinds import searchable

        assert len(tables) == len(searchable())  # every searchable kind, the КУИ's too
        assert all("prefix='1 2'" in sql and "detail=none" in sql for sql in tables.values())
        for query in ('"а"*', '"ал"*', '"9"*', '"алиев"*', '"ма"* AND "90"*'):  # folded
            found = db.execute_sql("SELECT rowid FROM person_fts WHERE person_fts MATCH ?",
                                   (query,)).fetchall()
            assert len(found) == 1, query
        assert not db.execute_sql("SELECT rowid FROM person_fts WHERE person_fts MATCH ?",
                                  ('"б"*',)).fetchall()
    finally:
        db.close()


def test_an_initialised_database_reopens_with_its_records(services, db_path, clock):
    person = services.persons.create({"surname": "Ким", "first_name": "Ольга"})
    services.db.close()
    again = open_services(db_path, clock=clock)
    try:
        assert again.persons.get(person.id).surname == "Ким"
        assert again.point_code == "ATY-017"
    finally:
        again.db.close()


def _add_test_migration(monkeypatch, up) -> int:
    number = LATEST_VERSION + 1
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        (*migrations.MIGRATIONS, Migration(number, "test_only", up)))
    monkeypatch.setattr(migrations, "LATEST_VERSION", number)
    return number


def _add_column(db):
    db.execute_sql('ALTER TABLE "person" ADD COLUMN "nickname" VARCHAR(50) NOT NULL DEFAULT \'\'')


def test_an_existing_file_is_copied_aside_before_migrating(tmp_path, monkeypatch):
    path = tmp_path / "v1.db"
    first_version_file(path)
    number = _add_test_migration(monkeypatch, _add_column)
    db = open_database(path)
    db.close()
    assert user_version(path) == number
    assert "nickname" in columns(path, "person")
    backup = tmp_path / "v1.db.v1.bak"  # named after the version it holds
    assert backup.exists()
    # The copy holds the file as it was before the migration, data included.
    assert user_version(backup) == 1
    assert "nickname" not in columns(backup, "person")
    con = sqlite3.connect(str(backup))
    assert con.execute("SELECT surname FROM person").fetchall() == [("Әлиев",)]
    con.close()


def test_a_failing_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "v1.db"
    first_version_file(path)

    def broken(db):
        _add_column(db)
        db.execute_sql("THIS IS NOT SQL")

    _add_test_migration(monkeypatch, broken)
    with pytest.raises(DatabaseError):
        open_database(path)
    assert user_version(path) == LATEST_VERSION
    assert "nickname" not in columns(path, "person")
    assert (tmp_path / "v1.db.v1.bak").exists()


def _newer_file(path, journal_mode: str = "delete") -> bytes:
    con = sqlite3.connect(str(path))
    con.execute(f"PRAGMA journal_mode = {journal_mode}")
    with con:
        con.execute("CREATE TABLE future_thing (x INTEGER)")
        con.execute("INSERT INTO future_thing VALUES (42)")
        con.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path, journal_mode):
    path = tmp_path / "newer.db"
    before = _newer_file(path, journal_mode)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.code == "error.db_too_new"
    assert caught.value.params["version"] == LATEST_VERSION + 1
    assert "newer version" in caught.value.message("en")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.db"]


def test_open_services_refuses_a_newer_database_too(tmp_path):
    path = tmp_path / "newer.db"
    before = _newer_file(path)
    with pytest.raises(DatabaseError) as caught:
        open_services(path)
    assert caught.value.code == "error.db_too_new"
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"hello, this is a text file\n" * 50,
                                     b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_file_that_is_not_a_database_is_refused(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content or b"PK\x03\x04 zip archive pretending")
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.code == "error.db_unreadable"
    assert str(path) in caught.value.message("en")
    assert path.read_bytes() == before


def test_an_uninitialised_database_is_refused_by_open_services(tmp_path):
    path = tmp_path / "blank.db"
    open_database(path, create=True).close()
    with pytest.raises(DatabaseError) as caught:
        open_services(path)
    assert caught.value.code == "error.db_not_initialised"


def _plan(db, query) -> str:
    sql, params = query.sql()
    return " | ".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))


def test_live_queries_walk_the_live_indexes_that_replaced_the_plain_ones(services):
    db = services.db
    names = {row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type = "
                                              "'index'")}
    assert not names & set(m0007_one_index_per_order.DROPPED)
    assert "person_live_sort_name" in _plan(db, services.persons.live().order_by(
        Person.sort_name).limit(50))
    assert "registration_live_next_check" in _plan(db, services.registrations.due())
    assert "appeal_live_received" in _plan(db, services.appeals.live().order_by(
        Appeal.received_at.desc()).limit(50))


def test_the_home_pages_appeal_lists_are_found_by_index(services, clock):
    """A large office's open and extended appeals are a few among many (migration 0018)."""
    db, today = services.db, clock.today()
    assert "appeal_due_date" in _plan(db, services.appeals.overdue(today))
    assert "appeal_live_extended" in _plan(db, services.appeals.live().where(
        Appeal.extended_on.is_null(False)).order_by(Appeal.extended_on))
