"""Numbered schema migrations: every module ``mNNNN_name`` of this package, in number order.

A migration is one new module (``up(db)``, and ``TRAVELLING_COLUMNS`` /
``TRAVELLING_TABLES`` when it changes what travels); nothing else lists it. The installer
bundles every module of the package (``build_installer.spec``), and the modules are found
through the import system, so a frozen bundle finds them too.

The schema version lives in ``PRAGMA user_version`` (on a server: a ``schema_version`` table).
Each migration is written once, in SQLite's SQL; on PostgreSQL its statements pass through
:mod:`inspector_app.storage.dialect`. Before migrating an existing file the
runner copies it aside with SQLite's online backup API; each migration runs in its own
transaction together with the version bump, so a failure leaves the previous version intact.
"""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from inspector_app.errors import DatabaseError
from inspector_app.storage.dialect import dialect_of


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


def _discover() -> tuple[Migration, ...]:
    found: dict[int, Migration] = {}
    for module_info in pkgutil.iter_modules(__path__):
        named = re.fullmatch(r"m(\d{4})_(\w+)", module_info.name)
        if named is None:
            continue
        number = int(named[1])
        assert number not in found, f"two migrations numbered {number}"
        module = import_module(f"{__name__}.{module_info.name}")
        found[number] = Migration(number, named[2], module.up,
                                  getattr(module, "TRAVELLING_COLUMNS", {}),
                                  getattr(module, "TRAVELLING_TABLES", ()))
    return tuple(found[number] for number in sorted(found))


MIGRATIONS: tuple[Migration, ...] = _discover()
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
