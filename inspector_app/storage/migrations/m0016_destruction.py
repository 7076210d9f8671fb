"""Issue 17 §6: records destroyed past their retention period.

- ``destroyed_record``: every record destroyed here (at a point: by its administrator; at the
  district: following the point's ``destroy`` audit entry), by owner and id, with when, who and
  the audit entry that tells of it. Nothing personal: the record's row is gone. At the district
  it also stops a late package from bringing a destroyed record back.
- The append-only guards of ``audit_entry`` and ``point_audit_entry`` allow one change: an
  entry's old and new values replaced by ``'"erased"'``, every other column as it was, and only
  for an entry about a record that a later ``destroy`` entry of the same chain names (see
  :mod:`inspector_app.services.audit_erasure`). Deleting entries stays refused.

Nothing new travels (the ``destroy`` entries travel in the audit trail as any other entry).

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import APPEND_ONLY_MESSAGE, dialect_of

TABLE = ('CREATE TABLE "destroyed_record" ("owner_point" VARCHAR(32) NOT NULL, "record_id" '
         'VARCHAR(32) NOT NULL, "table_name" VARCHAR(64) NOT NULL, "destroyed_at" DATETIME NOT '
         'NULL, "destroyed_by" VARCHAR(64) NOT NULL, "audit_entry" INTEGER NOT NULL, '
         'PRIMARY KEY ("owner_point", "record_id"))')

_SAME = ("{new}.at = {old}.at AND {new}.actor = {old}.actor AND {new}.action = {old}.action "
         "AND {new}.table_name = {old}.table_name AND {new}.record_id = {old}.record_id "
         "AND {new}.change_seq = {old}.change_seq AND {new}.prev_hash = {old}.prev_hash "
         "AND {new}.entry_hash = {old}.entry_hash AND {old}.action <> 'destroy' "
         "AND ({new}.old_values IS NOT DISTINCT FROM {old}.old_values "
         "OR {new}.old_values = '\"erased\"') "
         "AND ({new}.new_values IS NOT DISTINCT FROM {old}.new_values "
         "OR {new}.new_values = '\"erased\"')")
ERASURE = {
    "audit_entry": _SAME + (
        ' AND {new}.id = {old}.id AND EXISTS (SELECT 1 FROM "audit_entry" AS d '
        "WHERE d.action = 'destroy' AND d.table_name = {old}.table_name "
        "AND d.record_id = {old}.record_id AND d.id > {old}.id)"),
    "point_audit_entry": _SAME + (
        " AND {new}.point_code = {old}.point_code AND {new}.database_id = {old}.database_id "
        "AND {new}.entry_id = {old}.entry_id AND EXISTS (SELECT 1 FROM \"point_audit_entry\" "
        "AS d WHERE d.point_code = {old}.point_code AND d.database_id = {old}.database_id "
        "AND d.action = 'destroy' AND d.table_name = {old}.table_name "
        "AND d.record_id = {old}.record_id AND d.entry_id > {old}.entry_id)"),
}
"""Per audit table: the one update its guard lets through (an erasure)."""


def _sqlite(table: str) -> list[str]:
    condition = ERASURE[table].format(new="NEW", old="OLD").replace(
        "IS NOT DISTINCT FROM", "IS")
    return [f'DROP TRIGGER "{table}_no_update"',
            f'CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}" '
            f"WHEN NOT ({condition}) BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"]


def _postgres(table: str) -> list[str]:
    condition = ERASURE[table].format(new="NEW", old="OLD")
    function = f"{table}_erasure_only"
    return [f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN IF {condition} THEN RETURN NEW; END IF;
       RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END $$""",
            f'DROP TRIGGER "{table}_no_update" ON "{table}"',
            f'CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"]


def up(db) -> None:
    """Create the table of destroyed records; let the audit guards allow an erasure."""
    dialect = dialect_of(db)
    db.execute_sql(dialect.ddl(TABLE))
    guards = _postgres if dialect.name == "postgresql" else _sqlite
    for table in ERASURE:
        for statement in guards(table):
            db.execute_sql(statement)
