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

Imports are finer (:meth:`ServerDatabase.point_transactions`): a records package takes the
lock of its *point* (:meth:`~ServerDatabase.lock_point`), so two importers of different points
write their rows at the same time while files of one point follow each other, and the write
lock only for its short tail, the district's own change sequence and audit entry
(:func:`lock_writes`, taken by whoever bumps either). Locks are always taken in that order,
point then write lock, one file per transaction: no two importers can wait for each other.
"""

from __future__ import annotations

import re
import threading
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import peewee
from peewee import PostgresqlDatabase, Psycopg3Adapter

from inspector_app.errors import DatabaseError
from inspector_app.storage.dialect import POSTGRES_DIALECT, SQLITE_FUNCTIONS
from inspector_app.storage.models import require_bound
from inspector_app.storage.territory import SETTING

SCHEMES = ("postgresql://", "postgres://")
WRITE_LOCK_KEY = 0x1A5EC7
"""The advisory lock every writing transaction holds (any number: the same in every process)."""
POINT_LOCK_CLASS = 0x1A5E
"""The first half of a point's advisory lock (the second: a hash of its code)."""

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


DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 15


@dataclass(frozen=True)
class ServerProfile:
    """Where a district's database lives: what a PC keeps to connect again (never the
    password, which :meth:`url` takes for one connection only)."""

    host: str
    port: int
    database: str
    user: str

    def url(self, password: str = "") -> str:
        """The ``postgresql://`` URL; with ``password`` inside (keep it in memory only)."""
        secret = f":{quote(password, safe='')}" if password else ""
        return (f"postgresql://{quote(self.user, safe='')}{secret}@{self.host}:{self.port}/"
                f"{quote(self.database, safe='')}")


def connect_params(url: str) -> dict:
    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    if not name or not parts.hostname:
        raise DatabaseError("error.server_url", url=describe(url))
    # TLS whenever the server offers it (libpq's default, said here so it stays so); a host
    # that never answers is given up after CONNECT_TIMEOUT_S, not waited for forever
    params = {"host": parts.hostname, "dbname": name, "sslmode": "prefer",
              "connect_timeout": CONNECT_TIMEOUT_S}
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


class DriverAdapter(Psycopg3Adapter):
    """peewee's psycopg 3 adapter with the driver imported when a server database is made.

    peewee imports psycopg with itself (0.3 s of every start-up, 20 % of a point's, which never
    talks to a server), so :mod:`inspector_app` imports peewee without it; peewee's own adapter
    then has no driver. This one brings its own.
    """

    def __init__(self):
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb

        self.driver, self.status = psycopg, TransactionStatus
        self.txn_idle = TransactionStatus.IDLE
        self.txn_inerror = TransactionStatus.INERROR
        self.txn_unknown = TransactionStatus.UNKNOWN
        super().__init__()
        self.json_type, self.jsonb_type = Json, Jsonb

    def check_driver(self) -> None:
        """The driver was imported by ``__init__`` (which raises ImportError without it)."""

    def get_binary_type(self):
        return self.driver.Binary

    def connect(self, db, **params):
        return self.driver.connect(**params)  # ``connect_params``: dbname, host, user...

    def server_side_cursor(self, conn):
        in_transaction = self.txn_status(conn) == self.status.INTRANS
        return conn.cursor(name=str(uuid.uuid1()), withhold=not in_transaction)


class ServerDatabase(PostgresqlDatabase):
    """A district database on a PostgreSQL server, speaking the core's SQLite SQL."""

    dialect = POSTGRES_DIALECT
    param = "?"
    damaged = None
    keyring = None
    serves_models = False
    psycopg2_adapter = psycopg3_adapter = DriverAdapter  # whichever peewee picks: this one

    def __init__(self, url: str):
        self.url = url
        # ``database`` names where its companion files live (keys, refused files), as a
        # file database's path does; the server's database name is a connection parameter
        super().__init__(str(local_path(url)), prefer_psycopg3=True, **connect_params(url))
        self._mode = threading.local()  # per thread, as peewee's connection state

    def __str__(self) -> str:
        return describe(self.url)

    territory_setting = ""
    """The session's territory as the row-level security policies read it (``app.points``,
    :mod:`inspector_app.storage.territory`); every connection of every thread holds it."""

    def _connect(self):
        connection = super()._connect()
        _adapt(connection)
        self._set_points(connection)
        return connection

    def set_territory(self, setting: str) -> None:
        """Limit every connection to the points of ``setting`` (this thread's now, the other
        threads' before their next statement)."""
        self.territory_setting = setting
        if not self.is_closed():
            self._set_points(self.connection())

    def _set_points(self, connection) -> None:
        # not local to a transaction: said once per connection; a rollback undoes it, so
        # :meth:`rollback` has it said again
        connection.execute("SELECT set_config(%s, %s, false)",
                           (SETTING, self.territory_setting))
        self._mode.points = self.territory_setting

    def rollback(self):
        self._mode.points = None
        return super().rollback()

    def _hold_territory(self) -> None:
        """Before a statement: this thread's connection holds the current territory."""
        if getattr(self._mode, "points", None) != self.territory_setting \
                and not self.is_closed():
            self._set_points(self.connection())

    def execute_sql(self, sql, params=None):
        self._hold_territory()
        sql, params = translate(sql, params)
        cursor = super().execute_sql(sql, params)
        if sql.startswith("ROLLBACK"):  # to a savepoint: what was said inside is undone
            self._mode.points = None
        return cursor

    def execute_many(self, sql: str, rows: list):
        """``executemany`` of SQLite-style SQL; the cursor's ``rowcount`` sums every row's."""
        self._hold_territory()
        cursor = self.cursor()
        if rows:
            cursor.executemany(translate(sql, rows[0])[0], rows)
        return cursor

    def begin(self, isolation_level=None):
        if self.serves_models:
            require_bound(self)
        if isinstance(isolation_level, str) and isolation_level.upper() in _SQLITE_LOCKS:
            isolation_level = None  # SQLite's lock types: the write lock below stands for them
        super().begin(isolation_level)
        if not getattr(self._mode, "point_transactions", False):
            self.lock_writes()

    def lock_writes(self) -> None:
        """Take the database's write lock for the rest of the current transaction (again:
        nothing more)."""
        self.cursor().execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))

    def lock_point(self, point_code: str) -> None:
        """Take the lock of one point's packages for the rest of the current transaction."""
        self.cursor().execute("SELECT pg_advisory_xact_lock(%s, %s)",
                              (POINT_LOCK_CLASS, _point_key(point_code)))

    @contextmanager
    def point_transactions(self) -> Iterator[None]:
        """Transactions begun inside take no write lock at first: an import's, which takes
        its point's lock and the write lock for its tail (see the module)."""
        self._mode.point_transactions = True
        try:
            yield
        finally:
            self._mode.point_transactions = False

    def refuse_writes(self, damage) -> None:
        self.damaged = damage

    def encrypted(self) -> bool:
        """Whether this thread's connection to the server runs over TLS."""
        return bool(self.connection().pgconn.ssl_in_use)


def _point_key(point_code: str) -> int:
    """A point's code as the second half of its advisory lock (a signed 32-bit integer)."""
    return zlib.crc32(point_code.encode()) - 2**31


def lock_writes(db) -> None:
    """Inside a transaction: hold the write lock of a server database (a file's writing
    transaction holds SQLite's from its start)."""
    if isinstance(db, ServerDatabase):
        db.lock_writes()


def open_server_database(url: str, *, create: bool = False) -> ServerDatabase:
    """Connect to the server database at ``url``, migrated to the latest schema (``create``:
    an empty database is given the schema; otherwise it must hold one)."""
    from inspector_app.storage.migrations import LATEST_VERSION, migrate

    try:
        db = ServerDatabase(url)
    except ImportError as exc:  # a point's installation: no psycopg
        raise DatabaseError("error.server_driver_missing", url=describe(url)) from exc
    try:
        db.connect()
    except peewee.OperationalError as exc:
        raise connection_refused(url, exc) from exc
    try:
        version = db.dialect.schema_version(db)
        if version > LATEST_VERSION:
            raise DatabaseError("error.db_too_new", version=version, supported=LATEST_VERSION)
        if version == 0 and not create:  # empty, or another program's database
            raise DatabaseError("error.server_not_district", url=describe(url))
        if version == 0:
            prepare(db)
        migrate(db, None)
    except BaseException:
        db.close()
        raise
    return db


_PASSWORD_REFUSED = ("password authentication failed", "no password supplied")


def connection_refused(url: str, exc: Exception) -> DatabaseError:
    """What failed when the server did not let us in, as the user can act on it: the
    password, the database's name, or reaching the server at all. libpq gives no SQLSTATE
    before a session exists, so its (English, server-side or libpq's own) text decides."""
    reason = str(exc).strip()
    params = connect_params(url)
    server = f"{params['host']}:{params.get('port', DEFAULT_PORT)}"
    if any(text in reason for text in _PASSWORD_REFUSED):
        return DatabaseError("error.server_password", user=params.get("user", ""),
                             server=server)
    if f'database "{params["dbname"]}" does not exist' in reason:
        return DatabaseError("error.server_no_database", name=params["dbname"], server=server)
    return DatabaseError("error.server_unreachable", url=describe(url), reason=reason)


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
    name = f"{params['host']}-{params.get('port', DEFAULT_PORT)}-{params['dbname']}.server"
    return user_data_dir() / "servers" / re.sub(r"[^\w.-]", "_", name)
