"""Data protection: local state that never travels (login attempts, forced password changes,
backup log) and indexes for the administrator's audit log filters.

Frozen SQL: later model changes never alter what this migration creates.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

STATEMENTS = [
    'CREATE TABLE "login_attempt" ("login" VARCHAR(64) NOT NULL PRIMARY KEY, "failures" INTEGER NOT NULL, "last_failure_at" DATETIME, "locked_until" DATETIME)',
    'CREATE TABLE "password_reset" ("staff_id" VARCHAR(32) NOT NULL PRIMARY KEY, "reset_at" DATETIME NOT NULL, "reset_by" VARCHAR(64) NOT NULL)',
    'CREATE TABLE "backup_log" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "reason" VARCHAR(16) NOT NULL, "path" TEXT NOT NULL, "size" INTEGER NOT NULL, "verified" INTEGER NOT NULL, "detail" TEXT NOT NULL)',
    'CREATE INDEX "backup_log_at" ON "backup_log" ("at")',
    'CREATE INDEX "audit_entry_at" ON "audit_entry" ("at")',
    'CREATE INDEX "audit_entry_actor_at" ON "audit_entry" ("actor", "at")',
    'CREATE INDEX "audit_entry_table_at" ON "audit_entry" ("table_name", "at")',
]


def up(db) -> None:
    """Create the protection tables and the audit log indexes."""
    dialect = dialect_of(db)
    for statement in STATEMENTS:
        db.execute_sql(dialect.ddl(statement))
