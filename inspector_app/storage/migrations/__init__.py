"""Numbered schema migrations, listed in code so a frozen bundle needs no folder glob.

The schema version lives in ``PRAGMA user_version`` (on a server: a ``schema_version`` table).
Each migration is written once, in SQLite's SQL; on PostgreSQL its statements pass through
:mod:`inspector_app.storage.dialect`. Before migrating an existing file the
runner copies it aside with SQLite's online backup API; each migration runs in its own
transaction together with the version bump, so a failure leaves the previous version intact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from inspector_app.errors import DatabaseError
from inspector_app.storage.dialect import dialect_of
from inspector_app.storage.migrations import (
    m0001_initial,
    m0002_sync,
    m0003_protection,
    m0004_live_indexes,
    m0005_search_prefixes,
    m0006_search_without_positions,
    m0007_one_index_per_order,
    m0008_search_folds_kazakh,
    m0010_point_databases,
    m0011_numbers_and_subject,
    m0012_paperwork,
    m0013_consent_and_breaches,
)


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    up: Callable[[SqliteDatabase], None]
    travelling_columns: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Columns this migration adds to tables that travel in sync packages, ``{table: {column:
    default}}``, the default as a package would carry it (JSON value). A district reading a
    package of an older schema fills them in (see :mod:`inspector_app.sync.versions`); a
    travelling column is only ever added, with a default, never removed or renamed
    (``tests/test_sync_versions.py`` holds every migration to this)."""
    travelling_tables: tuple[str, ...] = ()
    """Travelling tables this migration creates: a package of an older schema has no member
    for them (see :func:`inspector_app.sync.versions.tables_added_after`)."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", m0001_initial.up),
    Migration(2, "sync", m0002_sync.up),
    Migration(3, "protection", m0003_protection.up),
    Migration(4, "live_indexes", m0004_live_indexes.up),
    Migration(5, "search_prefixes", m0005_search_prefixes.up),
    Migration(6, "search_without_positions", m0006_search_without_positions.up),
    Migration(7, "one_index_per_order", m0007_one_index_per_order.up),
    Migration(8, "search_folds_kazakh", m0008_search_folds_kazakh.up),
    Migration(10, "point_databases", m0010_point_databases.up),
    Migration(11, "numbers_and_subject", m0011_numbers_and_subject.up,
              travelling_columns={"staff": {"personal_number": ""},
                                  "offence": {"offender_subject": "individual"}}),
    Migration(12, "paperwork", m0012_paperwork.up, m0012_paperwork.TRAVELLING_COLUMNS,
              m0012_paperwork.TRAVELLING_TABLES),
    Migration(13, "consent_and_breaches", m0013_consent_and_breaches.up,
              m0013_consent_and_breaches.TRAVELLING_COLUMNS),
)
LATEST_VERSION = MIGRATIONS[-1].number


def schema_version(db: SqliteDatabase) -> int:
    return dialect_of(db).schema_version(db)


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def migrate(db: SqliteDatabase, path: Path | None, target: int | None = None) -> list[int]:
    """Bring the schema up to ``target`` (default: the latest); returns the numbers applied.

    Refuses a database written by a newer version of the program.
    """
    target = LATEST_VERSION if target is None else target
    current = schema_version(db)
    if current > LATEST_VERSION:
        raise DatabaseError("error.db_too_new", version=current, supported=LATEST_VERSION)
    pending = [m for m in MIGRATIONS if current < m.number <= target]
    if not pending:
        return []
    if current > 0 and path is not None:
        copy_database(db, backup_path(path, current))
    applied = []
    for migration in pending:
        with db.atomic():  # BEGIN IMMEDIATE: a second process opening the file waits here
            dialect_of(db).lock_schema(db)
            if schema_version(db) >= migration.number:
                continue  # that process migrated meanwhile
            migration.up(db)
            dialect_of(db).set_schema_version(db, migration.number)
            applied.append(migration.number)
    return applied


def copy_database(db: SqliteDatabase, target: Path) -> None:
    """A consistent copy of the open database at ``target`` (SQLite online backup); the copy
    of an encrypted database is encrypted with the same key (its key file copied too)."""
    import shutil

    from inspector_app.protection.encryption import connect_file, key_file_path

    target.parent.mkdir(parents=True, exist_ok=True)
    key = getattr(db, "database_key", None)
    destination = connect_file(target, key)
    try:
        db.connection().backup(destination)
    finally:
        destination.close()
    if key is not None:
        shutil.copyfile(key_file_path(db.database), key_file_path(target))
