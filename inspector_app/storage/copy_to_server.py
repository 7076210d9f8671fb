"""``copy-to``: a district moves from its file onto a PostgreSQL server.

Everything the file holds is copied into an empty server database, table by table, row ids
included (registers and search break ties by them, so every answer stays the same): records
and tombstones, persons, accounts, trusted keys, sync state, packages received and receipts,
the audit chains. The district's own signing and encryption keys go where the server
database's live (:func:`inspector_app.storage.server.local_path`); the file is only read and
stays as it was. Afterwards the next packages of its points import into the server without a
gap or a refusal: their peers, export numbers and held sequences came along.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector_app.errors import DatabaseError
from inspector_app.storage.dialect import is_server
from inspector_app.storage.server import (
    ServerDatabase,
    connection_refused,
    describe,
    open_server_database,
)

BATCH = 2000


@dataclass
class CopyResult:
    url: str
    rows: dict[str, int] = field(default_factory=dict)
    keys_at: str = ""


def _server_is_empty(url: str) -> bool:
    probe = ServerDatabase(url)
    probe.connect()
    try:
        if probe.dialect.schema_version(probe) == 0:
            return True
        return probe.execute_sql('SELECT count(*) FROM "meta"').fetchone()[0] == 0
    finally:
        probe.close()


def _server_columns(target: ServerDatabase) -> dict[str, list[str]]:
    rows = target.execute_sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
        ()).fetchall()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(table, []).append(column)
    return columns


def copy_to_server(source, url: str) -> CopyResult:
    """Copy the file database of ``source`` (its services) into the empty server database at
    ``url``; returns the rows copied per table."""
    from inspector_app.sync.keys import keys_dir, keys_of, store_keys

    db = source.db
    if is_server(db):
        raise DatabaseError("copy_to.source_on_server", url=describe(url))
    try:
        empty = _server_is_empty(url)
    except Exception as exc:  # psycopg / peewee: unreachable, no such database
        raise connection_refused(url, exc) from exc
    if not empty:
        raise DatabaseError("copy_to.not_empty", url=describe(url))
    pair = keys_of(db)
    target = open_server_database(url, create=True)
    result = CopyResult(describe(url))
    try:
        if keys_dir(target.database).exists():
            raise DatabaseError("copy_to.keys_exist", path=str(keys_dir(target.database)))
        server_columns = _server_columns(target)
        tables = [name for (name,) in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
            if name in server_columns and name != "schema_version"]
        with target.atomic():
            target.execute_sql("SET CONSTRAINTS ALL DEFERRED")
            for table in tables:
                result.rows[table] = _copy_table(db, target, table, server_columns[table])
        store_keys(target.database, pair)
        result.keys_at = str(keys_dir(target.database))
    finally:
        target.close()
    return result


def _copy_table(db, target: ServerDatabase, table: str, server_columns: list[str]) -> int:
    """Copy every row of ``table``, with its row id where the server keeps one; the server's
    numbering then continues after the highest."""
    columns = [row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]
    copied = [c for c in columns if c in server_columns]
    if "rowid" in server_columns and "rowid" not in copied:
        copied = ["rowid", *copied]
    names = ", ".join(f'"{c}"' for c in copied)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in copied)})'
    order = " ORDER BY rowid" if "rowid" in copied else ""  # none in a WITHOUT ROWID table
    cursor = db.execute_sql(f'SELECT {names} FROM "{table}"{order}')
    count = 0
    while rows := cursor.fetchmany(BATCH):
        target.execute_many(insert, [tuple(row) for row in rows])
        count += len(rows)
    for column in ("rowid", "id"):
        if column not in copied:
            continue
        (sequence,) = target.execute_sql(
            "SELECT pg_get_serial_sequence(?, ?)", (f'"{table}"', column)).fetchone()
        if sequence is not None:  # a numbered column (not a text id)
            target.execute_sql(f'SELECT setval(?, COALESCE(max("{column}"), 0) + 1, false) '
                               f'FROM "{table}"', (sequence,))
    return count
