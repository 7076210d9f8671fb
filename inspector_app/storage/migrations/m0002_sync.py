"""Sync by file: what each database remembers about the packages it wrote and read.

- ``sync_state``: key/value facts of this database's sync (a point's acknowledged mark, whether
  the next export must be full, the reference data last applied).
- ``sync_export``: every package this database wrote (export number, change-sequence and audit
  ranges, the checksum of its records at that moment).
- ``sync_peer``: the other side's trusted keys. At a point: its district office. At the district:
  every enrolled point, with what the district holds of it (highest contiguous export and change
  sequence, gaps, counts per kind, the reference data the point last reported applied).
- ``sync_inbound``: every package imported, by package id, with its result.
- ``point_audit_entry``: the points' own audit trails as they sent them, kept apart from the
  district's own hash chain (``audit_entry``) so each chain stays verifiable as written;
  append-only like ``audit_entry``.

Refused files are not recorded here (a refused file must leave the database byte-for-byte
unchanged): they are copied aside with a reason file, see ``inspector_app/sync/refused.py``.

Frozen SQL: later model changes never alter what this migration creates.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

STATEMENTS = [
    'CREATE TABLE "sync_state" ("key" VARCHAR(64) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "sync_export" ("export_no" INTEGER NOT NULL PRIMARY KEY, "package_id" VARCHAR(32) NOT NULL, "full" INTEGER NOT NULL, "seq_from" INTEGER NOT NULL, "seq_to" INTEGER NOT NULL, "audit_from" INTEGER NOT NULL, "audit_to" INTEGER NOT NULL, "records" INTEGER NOT NULL, "checksum" VARCHAR(64) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "file_name" VARCHAR(300) NOT NULL, "counts" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "sync_export_package" ON "sync_export" ("package_id")',
    'CREATE TABLE "sync_peer" ("point_code" VARCHAR(32) NOT NULL PRIMARY KEY, "role" VARCHAR(16) NOT NULL, "name" VARCHAR(200) NOT NULL, "database_id" VARCHAR(32) NOT NULL, "signing_key" VARCHAR(64) NOT NULL, "encryption_key" VARCHAR(64) NOT NULL, "fingerprint" VARCHAR(64) NOT NULL, "trusted_at" DATETIME NOT NULL, "trusted_by" VARCHAR(64) NOT NULL, "last_export_no" INTEGER NOT NULL DEFAULT 0, "held_export_no" INTEGER NOT NULL DEFAULT 0, "held_seq" INTEGER NOT NULL DEFAULT 0, "gaps" TEXT NOT NULL DEFAULT \'[]\', "last_package_at" DATETIME, "last_imported_at" DATETIME, "counts" TEXT NOT NULL DEFAULT \'{}\', "reference_digest" VARCHAR(64) NOT NULL DEFAULT \'\')',
    'CREATE TABLE "sync_inbound" ("package_id" VARCHAR(32) NOT NULL PRIMARY KEY, "point_code" VARCHAR(32) NOT NULL, "kind" VARCHAR(16) NOT NULL, "export_no" INTEGER NOT NULL, "full" INTEGER NOT NULL, "seq_from" INTEGER NOT NULL, "seq_to" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "imported_at" DATETIME NOT NULL, "imported_by" VARCHAR(64) NOT NULL, "file_name" VARCHAR(300) NOT NULL, "file_sha256" VARCHAR(64) NOT NULL, "result" TEXT NOT NULL)',
    'CREATE INDEX "sync_inbound_point" ON "sync_inbound" ("point_code", "kind", "export_no")',
    'CREATE TABLE "point_audit_entry" ("point_code" VARCHAR(32) NOT NULL, "entry_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(64) NOT NULL, "action" VARCHAR(16) NOT NULL, "table_name" VARCHAR(64) NOT NULL, "record_id" VARCHAR(32) NOT NULL, "change_seq" INTEGER NOT NULL, "old_values" TEXT, "new_values" TEXT, "prev_hash" VARCHAR(64) NOT NULL, "entry_hash" VARCHAR(64) NOT NULL, PRIMARY KEY ("point_code", "entry_id")) WITHOUT ROWID',
    'CREATE INDEX "point_audit_entry_record" ON "point_audit_entry" ("record_id")',
]


def up(db) -> None:
    """Create the sync tables."""
    dialect = dialect_of(db)
    for statement in STATEMENTS + dialect.append_only("point_audit_entry"):
        db.execute_sql(dialect.ddl(statement))
