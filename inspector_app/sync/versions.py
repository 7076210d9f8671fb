"""Mixed program versions in the field: who reads whose packages.

Points update their program at different times (by USB stick), so packages of several schema
versions are in service at once. The rule (``docs/sync-format.md``, "Versions"):

- **The district updates first.** It reads records packages of every schema from
  :data:`OLDEST_READ_SCHEMA` (the first frozen one: ``tests/data/frozen/``) up to its own. A
  column that a later migration added to a travelling table is absent from an older package;
  the district fills in the default that migration declares (``Migration.travelling_columns``).
  Travelling columns are only ever added, never removed or renamed.
  A travelling table a later migration created has no member in an older package at all.
- **What the district sends back** (receipts, reference packages) is written in the point's
  schema as the point last reported it: the manifest's ``schema_version`` is the older of the
  two, and staff lines leave out the columns the point does not know yet.
- **A point that updated first** sends packages of a schema newer than the district reads: the
  district refuses them with "update the program" and keeps the file in its refused folder
  (nothing else changes); ``import --waiting`` imports them once the district has updated.
  The point is told at export that its district runs an older program (the schema of the last
  package it received from the district), and its later packages, which start at the same
  acknowledged mark, cover the waiting one anyway.
"""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase

from inspector_app.storage.migrations import LATEST_VERSION, MIGRATIONS
from inspector_app.sync import state
from inspector_app.sync.errors import SyncError

OLDEST_READ_SCHEMA = 7
"""The oldest schema whose packages this program reads (the first one in service)."""
DISTRICT_SCHEMA = "district_schema"


def added_after(table: str, schema_version: int) -> dict[str, Any]:
    """The travelling columns of ``table`` added after ``schema_version``, with their defaults."""
    found: dict[str, Any] = {}
    for migration in MIGRATIONS:
        if migration.number > schema_version:
            found.update(migration.travelling_columns.get(table, {}))
    return found


def tables_added_after(schema_version: int) -> frozenset[str]:
    """The travelling tables created after ``schema_version``: its packages carry no member
    for them."""
    return frozenset(table for migration in MIGRATIONS if migration.number > schema_version
                     for table in migration.travelling_tables)


def readable(schema_version: int) -> bool:
    """Whether this program reads packages written at ``schema_version``."""
    return OLDEST_READ_SCHEMA <= schema_version <= LATEST_VERSION


def check_readable(schema_version: int) -> None:
    """Refuse a package whose records this program cannot read, saying which side to update."""
    if schema_version > LATEST_VERSION:
        raise SyncError("sync.newer_schema", version=schema_version, supported=LATEST_VERSION)
    if schema_version < OLDEST_READ_SCHEMA:
        raise SyncError("sync.older_schema", version=schema_version,
                        oldest=OLDEST_READ_SCHEMA)


def peer_schema_key(point_code: str) -> str:
    """The ``sync_state`` key under which the district keeps a point's last schema version."""
    return f"schema_version:{point_code}"


def schema_for_point(db: SqliteDatabase, point_code: str) -> int:
    """The schema the district writes in for a point: the point's, as its newest package said."""
    held = state.get_state(db, peer_schema_key(point_code))
    if held is None:
        return LATEST_VERSION
    return max(OLDEST_READ_SCHEMA, min(LATEST_VERSION, int(held)))


def note_district_schema(db: SqliteDatabase, schema_version: int) -> None:
    """At a point: note the schema of the district's last package (:func:`district_behind`)."""
    state.set_state(db, DISTRICT_SCHEMA, schema_version)


def district_behind(db: SqliteDatabase) -> int | None:
    """At a point: the district's schema when it is older than this program's (its packages
    will wait there until it updates), else None."""
    held = state.get_state(db, DISTRICT_SCHEMA)
    return int(held) if held is not None and int(held) < LATEST_VERSION else None
