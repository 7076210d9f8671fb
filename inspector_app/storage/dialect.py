"""What differs between the two engines, in one place: SQLite (points, small districts) and
PostgreSQL (a district or region office on a server).

The schema, the queries and the migrations are written once, in SQLite's SQL. On PostgreSQL
the same statements run because the server database is made to hold and answer exactly what
the file holds and answers:

- **the same values.** Dates and moments are stored as SQLite stores them, ISO text
  (``2026-11-25``, ``2026-11-25 10:30:00``); integers (flags too) as 64-bit integers; Python
  ``True``/``False`` are sent as 1/0 (see :mod:`inspector_app.storage.server`). So raw queries
  return the same strings and numbers on both engines, text dates compare and sort alike, and
  the stats, registers and search give identical answers;
- **the same row ids.** Every table made by a migration gets a ``rowid`` column filled from a
  sequence, as SQLite's implicit one (registers break ties by it, search walks it);
- **the same functions.** The few SQLite functions the queries use (``date``, ``strftime``,
  ``julianday``, ``instr``, ``total``, two-argument ``min``/``max``, ``sum`` of a
  comparison) are defined on the server with SQLite's meaning (:data:`SQLITE_FUNCTIONS`);
- **what SQLite does with its own machinery** is done by :class:`Dialect`: the schema version
  (``PRAGMA user_version`` / a ``schema_version`` table), the append-only guards (trigger
  with ``RAISE`` / a trigger function), the search index (FTS5 table / a trigram index on the
  folded copy, :func:`inspector_app.queries.search`).
"""

from __future__ import annotations

import re
import sqlite3
import sys

SQLITE = "sqlite"
POSTGRES = "postgresql"


def is_integrity_error(exc: BaseException) -> bool:
    """Whether a raw cursor's error says a unique or foreign key refused a row (sqlite3 or
    psycopg; psycopg is not imported for this: its error can only exist once it is loaded)."""
    if isinstance(exc, sqlite3.IntegrityError):
        return True
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(exc, psycopg.IntegrityError)

APPEND_ONLY_MESSAGE = "audit trail is append-only"

SQLITE_FUNCTIONS = [
    # date(value[, '+N days' / '+1 day']): the day as ISO text, as SQLite's date() gives it
    """CREATE OR REPLACE FUNCTION date(value text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT CASE WHEN value IS NULL OR value = '' THEN NULL
                      ELSE to_char(left(value, 10)::date, 'YYYY-MM-DD') END $$""",
    """CREATE OR REPLACE FUNCTION date(value text, modifier text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT CASE WHEN value IS NULL OR value = '' OR modifier IS NULL THEN NULL
                      ELSE to_char(left(value, 10)::date + modifier::interval, 'YYYY-MM-DD')
                 END $$""",
    """CREATE OR REPLACE FUNCTION julianday(value text) RETURNS double precision
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT extract(epoch FROM value::timestamp) / 86400.0 + 2440587.5 $$""",
    # strftime('%Y-%m', value): the only format the queries use
    """CREATE OR REPLACE FUNCTION strftime(format text, value text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT CASE WHEN value IS NULL THEN NULL
                      ELSE replace(replace(replace(format, '%Y', substr(value, 1, 4)),
                                           '%m', substr(value, 6, 2)),
                                   '%d', substr(value, 9, 2)) END $$""",
    """CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS bigint
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT strpos(haystack, needle) $$""",
    """CREATE OR REPLACE FUNCTION min(a anyelement, b anyelement) RETURNS anyelement
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT LEAST(a, b) $$""",
    """CREATE OR REPLACE FUNCTION max(a anyelement, b anyelement) RETURNS anyelement
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT GREATEST(a, b) $$""",
    # SUM over a comparison counts the rows where it holds, as SQLite's 0/1 do
    """CREATE OR REPLACE FUNCTION bool_add(total bigint, value boolean) RETURNS bigint
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT COALESCE(total, 0) + CASE WHEN value THEN 1 ELSE 0 END $$""",
    """DO $$ BEGIN
         CREATE AGGREGATE sum(boolean) (SFUNC = bool_add, STYPE = bigint);
       EXCEPTION WHEN duplicate_function THEN NULL; END $$""",
    # TOTAL(x): SQLite's sum that is 0.0, not NULL, over no rows, and always a float
    """CREATE OR REPLACE FUNCTION total_add(total double precision, value numeric)
       RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT total + COALESCE(value, 0) $$""",
    """DO $$ BEGIN
         CREATE AGGREGATE total(numeric) (SFUNC = total_add, STYPE = double precision,
                                          INITCOND = '0');
       EXCEPTION WHEN duplicate_function THEN NULL; END $$""",
    """CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN RAISE EXCEPTION 'audit trail is append-only'; END $$""",
]
"""SQLite's functions as the queries use them, and the guard of append-only tables."""

_TYPES = (
    (re.compile(r"\bDATETIME\b"), "TEXT"),
    (re.compile(r"\bDATE\b(?!\s*\()"), "TEXT"),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
)
_REFERENCES = re.compile(r'(REFERENCES "\w+" \("\w+"\))')
_CREATE_TABLE = re.compile(r'^\s*CREATE TABLE\s+("[^"]+")\s*\(', re.IGNORECASE)
_WITHOUT_ROWID = re.compile(r"\)\s*WITHOUT ROWID\s*$", re.IGNORECASE)
_INTEGER_KEY = re.compile(r'"(\w+)" INTEGER NOT NULL PRIMARY KEY')


class Dialect:
    """The SQLite side: every statement as written."""

    name = SQLITE

    def schema_version(self, db) -> int:
        return db.execute_sql("PRAGMA user_version").fetchone()[0]

    def set_schema_version(self, db, version: int) -> None:
        db.execute_sql(f"PRAGMA user_version = {int(version):d}")

    def lock_schema(self, db) -> None:
        """Inside a migration's transaction: a second process migrating waits (SQLite's
        ``BEGIN IMMEDIATE`` already did it)."""

    def ddl(self, statement: str) -> str:
        return statement

    def nulls(self, descending: bool) -> str | None:
        """Where an ORDER BY puts NULLs to sort as SQLite does (None: the engine's default,
        which SQLite's is: first when ascending, last when descending)."""
        return None

    def unindexed(self, column: str) -> str:
        """``column`` in a WHERE term that must not pick its index (SQLite's unary plus)."""
        return f"+{column}"

    def append_only(self, table: str) -> list[str]:
        return [
            f"""CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}"
       BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END""",
            f"""CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}"
       BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END""",
        ]

    def search_index(self, table: str, sqlite_statements: list[str]) -> list[str]:
        return sqlite_statements

    def trigger_sql(self, db, name: str) -> str | None:
        row = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                             (name,)).fetchone()
        return row[0] if row else None


class PostgresDialect(Dialect):
    """The PostgreSQL side: the same schema with SQLite's values, functions and row ids."""

    name = POSTGRES

    def schema_version(self, db) -> int:
        (table,) = db.execute_sql("SELECT to_regclass('schema_version')").fetchone()
        if table is None:  # an empty database
            return 0
        row = db.execute_sql('SELECT max("version") FROM "schema_version"').fetchone()
        return row[0] or 0

    def set_schema_version(self, db, version: int) -> None:
        db.execute_sql('CREATE TABLE IF NOT EXISTS "schema_version" ("version" BIGINT NOT NULL)')
        db.execute_sql('DELETE FROM "schema_version"')
        db.execute_sql(f'INSERT INTO "schema_version" ("version") VALUES ({int(version):d})')

    def lock_schema(self, db) -> None:
        db.execute_sql("SELECT pg_advisory_xact_lock(0)")

    def ddl(self, statement: str) -> str:
        """A ``CREATE TABLE`` / ``ALTER TABLE`` of SQLite's as the server takes it: text dates,
        64-bit integers, a ``rowid`` column where SQLite has an implicit one, deferrable
        foreign keys."""
        if not statement.lstrip().upper().startswith(("CREATE TABLE", "ALTER TABLE")):
            return statement
        integer_key = _INTEGER_KEY.search(statement)
        without_rowid = _WITHOUT_ROWID.search(statement)
        statement = _WITHOUT_ROWID.sub(")", statement)
        if integer_key:  # SQLite's rowid is that column: the server numbers it
            column = integer_key.group(1)
            statement = statement.replace(
                integer_key.group(0),
                f'"{column}" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
        for pattern, replacement in _TYPES:
            statement = pattern.sub(replacement, statement)
        # checked at once as on a file; deferrable so ``copy-to`` may copy in any table order
        statement = _REFERENCES.sub(r"\1 DEFERRABLE INITIALLY IMMEDIATE", statement)
        create = _CREATE_TABLE.match(statement)
        if create and not integer_key and not without_rowid:
            statement = statement[:create.end()] + '"rowid" BIGSERIAL UNIQUE, ' \
                + statement[create.end():]
        return statement

    def nulls(self, descending: bool) -> str | None:
        return "LAST" if descending else "FIRST"

    def unindexed(self, column: str) -> str:
        return column  # the planner weighs the index by its statistics

    def append_only(self, table: str) -> list[str]:
        return [f'CREATE TRIGGER "{table}_no_{what}" BEFORE {what.upper()} ON "{table}" '
                "FOR EACH ROW EXECUTE FUNCTION refuse_change()" for what in ("update", "delete")]

    def search_index(self, table: str, sqlite_statements: list[str]) -> list[str]:
        return [f'CREATE INDEX "{table}_search" ON "{table}" '
                "USING gin (search_text gin_trgm_ops)"]

    def trigger_sql(self, db, name: str) -> str | None:
        return None


SQLITE_DIALECT = Dialect()
POSTGRES_DIALECT = PostgresDialect()


def dialect_of(db) -> Dialect:
    """The dialect of an open peewee database."""
    return getattr(db, "dialect", SQLITE_DIALECT)


def is_server(db) -> bool:
    return dialect_of(db).name == POSTGRES
