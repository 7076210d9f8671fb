"""A point's databases at the district: a re-installed point continues its history.

A point re-installed (a new database, its keys kept or trusted again with ``keys trust
--replace``) sends packages with a new ``database_id``, export numbers from 1 again and an
audit trail from entry 1 again. So the district keeps, per package, the database it came from
(``sync_inbound.database_id``), keys the points' trails by point *and* database
(``point_audit_entry`` rebuilt with ``database_id`` in its primary key), and remembers per point
when it was re-installed and the checksum of what it held of the former databases
(``sync_peer.reinstalled_at``, ``sync_peer.retired_checksum``: receipts acknowledge only what
the current database sent). Existing rows get the database id their peer holds now.

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

STATEMENTS = [
    'ALTER TABLE "sync_inbound" ADD COLUMN "database_id" VARCHAR(32) NOT NULL DEFAULT \'\'',
    'UPDATE "sync_inbound" SET "database_id" = COALESCE((SELECT p."database_id" FROM '
    '"sync_peer" AS p WHERE p."point_code" = "sync_inbound"."point_code"), \'\')',
    'ALTER TABLE "sync_peer" ADD COLUMN "reinstalled_at" DATETIME',
    'ALTER TABLE "sync_peer" ADD COLUMN "retired_checksum" VARCHAR(64) NOT NULL DEFAULT \'\'',
    'CREATE TABLE "point_audit_entry_new" ("point_code" VARCHAR(32) NOT NULL, "database_id" '
    'VARCHAR(32) NOT NULL, "entry_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "actor" '
    'VARCHAR(64) NOT NULL, "action" VARCHAR(16) NOT NULL, "table_name" VARCHAR(64) NOT NULL, '
    '"record_id" VARCHAR(32) NOT NULL, "change_seq" INTEGER NOT NULL, "old_values" TEXT, '
    '"new_values" TEXT, "prev_hash" VARCHAR(64) NOT NULL, "entry_hash" VARCHAR(64) NOT NULL, '
    'PRIMARY KEY ("point_code", "database_id", "entry_id")) WITHOUT ROWID',
    'INSERT INTO "point_audit_entry_new" SELECT a."point_code", COALESCE((SELECT '
    'p."database_id" FROM "sync_peer" AS p WHERE p."point_code" = a."point_code"), \'\'), '
    'a."entry_id", a."at", a."actor", a."action", a."table_name", a."record_id", '
    'a."change_seq", a."old_values", a."new_values", a."prev_hash", a."entry_hash" '
    'FROM "point_audit_entry" AS a',
    'DROP TABLE "point_audit_entry"',  # its triggers go with it; DROP fires none
    'ALTER TABLE "point_audit_entry_new" RENAME TO "point_audit_entry"',
    'CREATE INDEX "point_audit_entry_record" ON "point_audit_entry" ("record_id")',
]


def up(db) -> None:
    """Add the database columns and rebuild the points' trail table (copies every entry)."""
    dialect = dialect_of(db)
    for statement in STATEMENTS + dialect.append_only("point_audit_entry"):
        db.execute_sql(dialect.ddl(statement))
