"""Opening a database file: pragmas, the migration check, binding the models.

The peewee models are bound to one database at a time per process (the last opened one);
the GUI, the CLI and the importer each work on one file, and tests reopen as they switch.
"""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from inspector_app.errors import DatabaseError
from inspector_app.storage import migrations, models
from inspector_app.storage.migrations import migrate, schema_version

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -32000,
    "busy_timeout": 10000,
    "temp_store": "memory",
}


def open_database(path: str | Path, *, create: bool = False) -> SqliteDatabase:
    """Open (and with ``create`` make) the database at ``path``, migrated to the latest schema.

    Raises :class:`DatabaseError` when the file is missing (and ``create`` is false), is not a
    database, or was written by a newer version of the program.
    """
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError("error.db_missing", path=str(path))
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        refuse_newer(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        db.connect()
        migrate(db, path)
    except DatabaseError:
        db.close()
        raise
    except Exception as exc:  # sqlite3.DatabaseError: not a database, damaged header...
        db.close()
        raise DatabaseError("error.db_unreadable", path=str(path), reason=str(exc)) from exc
    db.bind(models.ALL_MODELS, bind_refs=False, bind_backrefs=False)
    return db


def refuse_newer(path: Path) -> None:
    """Raise before anything touches the file when it was written by a newer version.

    Checked on a plain connection without pragmas: switching a newer file to WAL would
    already change its header, and the user's file must stay exactly as it was.
    """
    import sqlite3

    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError("error.db_unreadable", path=str(path), reason=str(exc)) from exc
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        raise DatabaseError("error.db_unreadable", path=str(path), reason=str(exc)) from exc
    finally:
        connection.close()
    if version > migrations.LATEST_VERSION:
        raise DatabaseError("error.db_too_new", version=version,
                            supported=migrations.LATEST_VERSION)


def open_memory_database() -> SqliteDatabase:
    """A fresh in-memory database with the full schema (tests and scratch work)."""
    db = SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    db.connect()
    migrate(db, None)
    db.bind(models.ALL_MODELS, bind_refs=False, bind_backrefs=False)
    return db


def is_current(db: SqliteDatabase) -> bool:
    return schema_version(db) == migrations.LATEST_VERSION
