"""A district or region database on a PostgreSQL server (psycopg 3 through peewee).

``--db postgresql://USER@HOST[:PORT]/NAME`` names one. The password comes from the URL, the
``PGPASSWORD`` environment variable or ``~/.pgpass`` (libpq's own rules); TLS is used when the
server offers it (libpq's ``sslmode=prefer``). The SQL the core writes is SQLite's: this
module passes it to the server with SQLite's placeholders (``?``, ``:name``) turned into
psycopg's, and sends Python values as the file would hold them (see
:mod:`inspector_app.storage.dialect`).

Writers. As on a file, every ``db.atomic()`` is a writing transaction that first takes the
database's write lock (a transaction-level advisory lock, released at commit or rollback):
the change sequence and the numbering a use case reads and bumps stay one writer's at a
time, exactly as SQLite's ``BEGIN IMMEDIATE`` makes them. Readers never wait (MVCC).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import peewee
from peewee import PostgresqlDatabase

from inspector_app.errors import DatabaseError
from inspector_app.storage.dialect import POSTGRES_DIALECT, SQLITE_FUNCTIONS

SCHEMES = ("postgresql://", "postgres://")
WRITE_LOCK_KEY = 0x1A5EC7
"""The advisory lock every writing transaction holds (any number: the same in every process)."""

_SQLITE_LOCKS = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")
_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|\?|(?<![:\w]):([A-Za-z_]\w*)|%""")


def is_server_url(target: str | Path | None) -> bool:
    return isinstance(target, str) and target.startswith(SCHEMES)


def describe(url: str) -> str:
    """The URL without a password, for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    user = f"{unquote(parts.username)}@" if parts.username else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


def connect_params(url: str) -> dict:
    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    if not name or not parts.hostname:
        raise DatabaseError("error.server_url", url=describe(url))
    params = {"host": parts.hostname, "dbname": name}
    if parts.port:
        params["port"] = parts.port
    if parts.username:
        params["user"] = unquote(parts.username)
    if parts.password:
        params["password"] = unquote(parts.password)
    return params


def translate(sql: str, params) -> tuple[str, object]:
    """SQLite's placeholders as psycopg's: ``?`` → ``%s``, ``:name`` → ``%(name)s``, ``%`` →
    ``%%`` (literals and quoted names kept). SQL given parameters but none of SQLite's
    placeholders is psycopg's already (peewee's own catalogue queries) and stays."""
    placeholders = 0

    def replace(match: re.Match) -> str:
        nonlocal placeholders
        token = match.group(0)
        if token == "?":
            placeholders += 1
            return "%s"
        if token == "%":
            return "%%"
        if match.group(1):
            placeholders += 1
            return f"%({match.group(1)})s"
        return token.replace("%", "%%")

    translated = _TOKENS.sub(replace, sql)
    if params and not placeholders:
        return sql, params
    return translated, params or ()


def _adapt(connection) -> None:
    """Send values as the file holds them: dates as ISO text, flags as 1/0."""
    from psycopg.adapt import Dumper
    from psycopg.postgres import types

    text_oid = types["text"].oid
    int_oid = types["int8"].oid

    class MomentDumper(Dumper):
        oid = text_oid

        def dump(self, obj):
            return obj.isoformat(" ").encode()

    class DayDumper(Dumper):
        oid = text_oid

        def dump(self, obj):
            return obj.isoformat().encode()

    class FlagDumper(Dumper):
        oid = int_oid

        def dump(self, obj):
            return b"1" if obj else b"0"

    connection.adapters.register_dumper(datetime, MomentDumper)
    connection.adapters.register_dumper(date, DayDumper)
    connection.adapters.register_dumper(bool, FlagDumper)


class ServerDatabase(PostgresqlDatabase):
    """A district database on a PostgreSQL server, speaking the core's SQLite SQL."""

    dialect = POSTGRES_DIALECT
    param = "?"
    damaged = None
    keyring = None
    serves_models = False

    def __init__(self, url: str):
        self.url = url
        # ``database`` names where its companion files live (keys, refused files), as a
        # file database's path does; the server's database name is a connection parameter
        super().__init__(str(local_path(url)), prefer_psycopg3=True, **connect_params(url))

    def __str__(self) -> str:
        return describe(self.url)

    def _connect(self):
        connection = super()._connect()
        _adapt(connection)
        return connection

    def execute_sql(self, sql, params=None):
        sql, params = translate(sql, params)
        return super().execute_sql(sql, params)

    def execute_many(self, sql: str, rows: list):
        """``executemany`` of SQLite-style SQL; the cursor's ``rowcount`` sums every row's."""
        cursor = self.cursor()
        if rows:
            cursor.executemany(translate(sql, rows[0])[0], rows)
        return cursor

    def begin(self, isolation_level=None):
        from inspector_app.storage.database import require_bound

        if self.serves_models:
            require_bound(self)
        if isinstance(isolation_level, str) and isolation_level.upper() in _SQLITE_LOCKS:
            isolation_level = None  # SQLite's lock types: the write lock below stands for them
        super().begin(isolation_level)
        self.cursor().execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))

    def refuse_writes(self, damage) -> None:
        self.damaged = damage


def open_server_database(url: str, *, create: bool = False) -> ServerDatabase:
    """Connect to the server database at ``url``, migrated to the latest schema (``create``:
    an empty database is given the schema; otherwise it must hold one)."""
    from inspector_app.storage.migrations import LATEST_VERSION, migrate

    db = ServerDatabase(url)
    try:
        db.connect()
    except peewee.OperationalError as exc:
        raise DatabaseError("error.server_unreachable", url=describe(url),
                            reason=str(exc).strip()) from exc
    try:
        version = db.dialect.schema_version(db)
        if version > LATEST_VERSION:
            raise DatabaseError("error.db_too_new", version=version, supported=LATEST_VERSION)
        if version == 0 and not create:
            raise DatabaseError("error.fault.db_empty", path=describe(url))
        if version == 0:
            prepare(db)
        migrate(db, None)
    except BaseException:
        db.close()
        raise
    return db


def prepare(db: ServerDatabase) -> None:
    """What an empty server database needs before the first migration: the trigram search
    extension and SQLite's functions (:data:`SQLITE_FUNCTIONS`)."""
    with db.atomic():
        db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for statement in SQLITE_FUNCTIONS:
            db.execute_sql(statement)


def local_path(url: str) -> Path:
    """Where the files a database keeps beside itself live for a server database (its
    signing and encryption keys, its refused-files folder): the data folder of this PC,
    one name per server database."""
    from inspector_app.paths import user_data_dir

    params = connect_params(url)
    name = f"{params['host']}-{params.get('port', 5432)}-{params['dbname']}.server"
    return user_data_dir() / "servers" / re.sub(r"[^\w.-]", "_", name)
