"""Issue 18: point → district → region. A district forwards its points' packages to its region
unchanged; the region's receipts come back down (see docs/sync-format.md, "Up to the region").

- ``sync_peer.district``: at a region, the district a point belongs to (the district that
  forwarded its first package; a point claimed by another district is refused).
- ``sync_forward``: at a district, every point package forwarded to the region.
- ``sync_upstream``: at a district, what the region last said it holds of each point.

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

STATEMENTS = [
    'ALTER TABLE "sync_peer" ADD COLUMN "district" VARCHAR(32) NOT NULL DEFAULT \'\'',
    'CREATE TABLE "sync_forward" ("package_id" VARCHAR(32) NOT NULL PRIMARY KEY, "point_code" '
    'VARCHAR(32) NOT NULL, "database_id" VARCHAR(32) NOT NULL, "export_no" INTEGER NOT NULL, '
    '"region" VARCHAR(32) NOT NULL, "forwarded_at" DATETIME NOT NULL, "forwarded_by" '
    'VARCHAR(64) NOT NULL, "file_name" VARCHAR(300) NOT NULL)',
    'CREATE INDEX "sync_forward_point" ON "sync_forward" ("point_code", "export_no")',
    'CREATE TABLE "sync_upstream" ("point_code" VARCHAR(32) NOT NULL PRIMARY KEY, "region" '
    'VARCHAR(32) NOT NULL, "receipt_at" DATETIME NOT NULL, "received_at" DATETIME NOT NULL, '
    '"point_database_id" VARCHAR(32) NOT NULL, "held_export_no" INTEGER NOT NULL, "held_seq" '
    'INTEGER NOT NULL, "last_export_no" INTEGER NOT NULL, "gaps" TEXT NOT NULL, "checksum" '
    'VARCHAR(64) NOT NULL, "records" INTEGER NOT NULL, "same_as_here" INTEGER NOT NULL)',
]


def up(db) -> None:
    """Add the column and the two tables."""
    dialect = dialect_of(db)
    for statement in STATEMENTS:
        db.execute_sql(dialect.ddl(statement))
