"""Issue 18: an account at a district or region office limited to its territory.

- ``account_territory``: the points (``kind = 'point'``) or, at a region, the districts
  (``kind = 'district'``) an office account sees; an account with no row sees every point.
  Nothing of it travels: it is the office's own business (see
  :mod:`inspector_app.services.territory`).
- On a server, row-level security on every record table: a row is read, changed or added only
  when its ``owner_point`` is in the session's ``app.points`` (empty or unset: every point;
  :mod:`inspector_app.storage.territory`). ``FORCE`` makes the policies apply to the tables'
  owner too, the role the program connects as; a superuser or a role with ``BYPASSRLS`` is
  not held (docs/territory.md).

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of, is_server

TABLE = ('CREATE TABLE "account_territory" ("staff_id" VARCHAR(32) NOT NULL, "kind" '
         'VARCHAR(16) NOT NULL, "code" VARCHAR(32) NOT NULL, '
         'PRIMARY KEY ("staff_id", "kind", "code"))')

RECORD_TABLES = ("point", "staff", "person", "organisation", "address", "registration",
                 "meeting", "offence", "appeal", "preventive_visit", "feedback", "crime_report")
"""Every table of a travelling record kind (each has ``owner_point``), as of this migration."""

ALLOWS = """CREATE OR REPLACE FUNCTION territory_allows(code text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS
    $$ SELECT COALESCE(current_setting('app.points', true), '') = ''
              OR code = ANY (string_to_array(current_setting('app.points', true), ',')) $$"""

POLICY = ['ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
          'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY',
          'CREATE POLICY "territory" ON "{table}" USING (territory_allows(owner_point)) '
          'WITH CHECK (territory_allows(owner_point))']


def up(db) -> None:
    """The table; on a server, the policies."""
    db.execute_sql(dialect_of(db).ddl(TABLE))
    if not is_server(db):
        return
    db.execute_sql(ALLOWS)
    for table in RECORD_TABLES:
        for statement in POLICY:
            db.execute_sql(statement.format(table=table))
