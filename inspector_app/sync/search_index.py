"""Bulk indexing of imported rows for free-text search.

Each searchable table has an FTS5 index kept current by triggers (migration 0001). Fed one row
at a time by the insert trigger, FTS5 costs about 30 µs a row; the same rows indexed with one
``INSERT ... SELECT`` after a bulk insert cost a seventh of that. While an import inserts rows
into a table, :func:`defer` therefore drops that table's insert trigger, and :func:`finish`
indexes the rows inserted meanwhile (rowid above the old maximum) and recreates the trigger
from its own stored SQL, all inside the import's transaction (SQLite's DDL is transactional: a
failure or a kill rolls the trigger back with everything else). The update and delete triggers
stay. When the trigger is not the one this module knows, nothing is deferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import SqliteDatabase

from inspector_app.storage.dialect import dialect_of


@dataclass(frozen=True)
class Deferred:
    table: str
    trigger_sql: str
    top_rowid: int


def _normalised(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def _expected(table: str) -> str:
    return _normalised(
        f'CREATE TRIGGER "{table}_fts_insert" AFTER INSERT ON "{table}" BEGIN '
        f'INSERT INTO "{table}_fts"(rowid, search_text) VALUES (new.rowid, new.search_text); '
        f'END')


def defer(db: SqliteDatabase, table: str) -> Deferred | None:
    """Stop indexing rows inserted into ``table`` one by one (inside a transaction)."""
    trigger = f"{table}_fts_insert"
    sql = dialect_of(db).trigger_sql(db, trigger)  # a server database indexes without one
    if sql is None or _normalised(sql) != _expected(table):
        return None
    top = db.execute_sql(f'SELECT COALESCE(MAX(rowid), 0) FROM "{table}"').fetchone()[0]
    db.execute_sql(f'DROP TRIGGER "{trigger}"')
    return Deferred(table, sql, top)


def finish(db: SqliteDatabase, deferred: Deferred | None) -> None:
    """Index the rows inserted since :func:`defer` and put the insert trigger back."""
    if deferred is None:
        return
    table = deferred.table
    db.execute_sql(f'INSERT INTO "{table}_fts"(rowid, search_text) '
                   f'SELECT rowid, search_text FROM "{table}" WHERE rowid > ?',
                   (deferred.top_rowid,))
    db.execute_sql(deferred.trigger_sql)
