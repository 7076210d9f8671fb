"""Opening a database file: pragmas, the migration check, binding the models.

One binding per process. peewee keeps the database of a model on the model class, so every
thread of the process queries through the same one; the GUI, the CLI and the importer each
work on one file. The rule (:func:`bind_models`, :func:`require_bound`):

- :func:`open_database` binds the models to the database it opened (the last opened wins);
- a database that was bound once and is not bound now refuses at once, with
  :class:`~inspector_app.errors.DatabaseNotBound` naming both files, to begin a transaction
  (every writing use case), and the services refuse their reads the same way
  (:meth:`Services.check_bound <inspector_app.services.context.Services.check_bound>`):
  nothing silently queries another file, and no write waits 10 s for the write lock its own
  process holds through the other database object. Whoever opens a second file in the same
  process (a test, a second officer's login beside the window) binds the first one back with
  :func:`bind_models` before using it again.

Rebinding per use case (``db.bind_ctx``) was measured and rejected: it rewrites the model
classes, so a GUI worker thread's use case would rebind the GUI thread's queries too, and it
costs 42 µs per use case against 0.1 µs for the check.

Several writers at once. The GUI, ``inspector-cli`` commands (an import, a backup, a demo
fill) and a second officer's CLI may write one file at the same time; SQLite serialises them
and nobody's write is lost or refused:

- every ``db.atomic()`` is a writing transaction (one per use case) and starts with ``BEGIN
  IMMEDIATE``: it takes the write lock up front and waits for it up to the busy timeout
  (``BUSY_TIMEOUT_MS``). A deferred ``BEGIN`` that reads first (the change sequence) and then
  writes fails at once with "database is locked" when another process wrote meanwhile; the
  busy timeout never applies to it;
- reads run outside transactions (or in a read snapshot, as the backup copy does): in WAL
  mode they never block a writer, nor a writer them;
- a writer that waited longer than the busy timeout gets "the database is busy"
  (:class:`~inspector_app.errors.DatabaseBusy`), never a half-done write.

The instance lock (:mod:`inspector_app.protection.instance_lock`) is about something else: one *GUI*
per database (two windows would each cache what the other changes) and exclusive use for
the commands that replace the whole file (``restore``, ``encrypt``); ordinary writing
commands run beside the GUI.

Faults. A full disk, a read-only folder, a damaged page or a busy database raised by SQLite
become the translated errors of :mod:`inspector_app.faults`. SQLite rolls a transaction back
by itself on some of them (``SQLITE_FULL``): the rollback that follows is then skipped
instead of failing with "cannot rollback - no transaction is active". After damage was seen
(:meth:`refuse_writes`), the connection is read-only and every write is refused with a
message until the file is restored.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from inspector_app.errors import DatabaseDamaged, DatabaseError, FaultError
from inspector_app.faults import classify, record_damage, recorded_damage, reported
from inspector_app.protection.encryption import (
    Credentials,
    Keyring,
    RecoveryKey,
    connect_file,
    is_encrypted,
    is_plain_file,
    key_file_path,
    key_pragma,
    unlock,
)
from inspector_app.storage import migrations, models
from inspector_app.storage.migrations import migrate
from inspector_app.storage.models import require_bound
from inspector_app.storage.server import is_server_url, open_server_database

UnlockWith = Credentials | RecoveryKey | Keyring | bytes

BUSY_TIMEOUT_MS = 10000
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -32000,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "temp_store": "memory",
}
WRITE_LOCK = "IMMEDIATE"
SQLCIPHER_PAGE_MULTIPLE = 1024
_SKIPPED_WITHOUT_TRANSACTION = ("ROLLBACK TO SAVEPOINT", "RELEASE SAVEPOINT")


class WriterRules:
    """The rules of every file database the app opens (plain and SQLCipher): writing
    transactions wait for the write lock, faults are reported as such, a rollback after
    SQLite's own is skipped, writes are refused once damage was seen."""

    damaged: DatabaseDamaged | None = None
    serves_models = False
    """Set once the models were bound to this database (:func:`bind_models`)."""

    def refuse_writes(self, damage: DatabaseDamaged) -> None:
        """From now on this connection only reads: the file is damaged."""
        self.damaged = damage
        if not self.is_closed():
            super().execute_sql("PRAGMA query_only = 1")

    def _initialize_connection(self, conn) -> None:
        super()._initialize_connection(conn)
        if self.damaged is not None:
            conn.execute("PRAGMA query_only = 1")

    def _refused(self) -> DatabaseError:
        return DatabaseError("error.fault.writes_refused", path=str(self.database),
                             detail=self.damaged.params.get("detail", ""))

    def _fault(self, exc: Exception) -> FaultError | None:
        if self.damaged is not None and "readonly" in str(exc).lower():
            return self._refused()
        fault = classify(exc, path=self.database)
        if isinstance(fault, DatabaseDamaged) and self.damaged is None:
            record_damage(self.database, fault.params.get("detail", ""))
            self.refuse_writes(fault)
        return fault

    def _in_transaction(self) -> bool:
        return not self.is_closed() and self.connection().in_transaction

    @contextmanager
    def _faults_reported(self) -> Iterator[None]:
        try:
            yield
        except peewee.DatabaseError as exc:
            fault = self._fault(exc)
            if fault is None:
                raise
            raise fault from exc

    def execute_many(self, sql: str, rows: list):
        """``executemany`` on this connection (the server database has the same call)."""
        cursor = self.cursor()
        cursor.executemany(sql, rows)
        return cursor

    def begin(self, lock_type=None):
        if self.damaged is not None:
            raise self._refused()
        if self.serves_models:
            require_bound(self)
        with self._faults_reported():
            return super().begin(lock_type)

    def execute_sql(self, sql, params=None):
        if sql.startswith(_SKIPPED_WITHOUT_TRANSACTION) and not self._in_transaction():
            return None  # SQLite already rolled the whole transaction back
        with self._faults_reported():
            return super().execute_sql(sql, params)

    def commit(self):
        with self._faults_reported():
            return super().commit()

    def rollback(self):
        if not self._in_transaction():
            return None  # SQLite rolled back by itself (disk full, I/O error)
        return super().rollback()


class PlainDatabase(WriterRules, SqliteDatabase):
    """An unencrypted database file."""


def plain_database(path: str | Path) -> SqliteDatabase:
    return PlainDatabase(str(path), pragmas=PRAGMAS, lock_type=WRITE_LOCK,
                         timeout=BUSY_TIMEOUT_MS / 1000)


def open_database(path: str | Path, *, create: bool = False,
                  credentials: UnlockWith | None = None) -> SqliteDatabase:
    """Open (and with ``create`` make) the database at ``path``, migrated to the latest schema.

    ``path`` may be a server database's URL, ``postgresql://USER@HOST[:PORT]/NAME``
    (:mod:`inspector_app.storage.server`); ``create`` then gives an empty one the schema.

    A database with a key file beside it is encrypted (SQLCipher): ``credentials`` unlock it
    (:class:`~inspector_app.protection.encryption.Credentials` of an account, a
    :class:`~..protection.encryption.RecoveryKey`, an unlocked ``Keyring`` or the raw key);
    the returned database then carries ``db.keyring``. A plain file ignores ``credentials``.

    Raises :class:`DatabaseError` when the file is missing (and ``create`` is false), is not a
    database, is encrypted and no credentials were given, or was written by a newer version;
    :class:`AuthenticationFailed` when the credentials do not unlock it.
    """
    if is_server_url(path):
        db = open_server_database(path, create=create)
        bind_models(db)
        return db
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError("error.db_missing", path=str(path))
    if create:
        with reported(path.parent):
            path.parent.mkdir(parents=True, exist_ok=True)
    keyring = None
    if is_encrypted(path):
        if credentials is None:
            raise DatabaseError("error.db_encrypted", path=str(path))
        keyring = unlock(path, credentials)
    elif looks_encrypted(path):
        raise DatabaseError("error.fault.key_file_missing", path=str(path),
                            keys=str(key_file_path(path)))
    version = refuse_newer(path, keyring.key if keyring else None) if path.exists() else 0
    if version == 0 and not create:
        # Opening never writes a schema into a file the user named: only ``init``, the
        # first-run wizard and ``demo --create`` make databases.
        raise DatabaseError("error.fault.db_empty", path=str(path))
    if keyring is not None:
        db = encrypted_database(path, keyring.key)
    else:
        db = plain_database(path)
    db.keyring = keyring
    try:
        db.connect()
        migrate(db, path)
    except DatabaseError:
        db.close()
        raise
    except Exception as exc:  # sqlite3.DatabaseError: not a database, damaged header...
        db.close()
        fault = classify(exc, path=path)
        if isinstance(fault, DatabaseDamaged) and version > 0:  # our file, damaged inside
            record_damage(path, str(exc))
        if fault is not None and (version > 0 or not isinstance(fault, DatabaseDamaged)):
            raise fault from exc
        raise DatabaseError("error.db_unreadable", path=str(path), reason=str(exc)) from exc
    damage = recorded_damage(path)
    if damage is not None:
        db.refuse_writes(damage)
    bind_models(db)
    return db


def bind_models(db: SqliteDatabase) -> None:
    """Bind every model to ``db``; from now on any other database that was bound refuses
    (see the rule above)."""
    db.serves_models = True
    db.bind(models.ALL_MODELS, bind_refs=False, bind_backrefs=False)


def database_target(db) -> str:
    """What :func:`open_database` opens ``db`` again with: its file, or its server's URL."""
    return getattr(db, "url", None) or str(db.database)




def looks_encrypted(path: Path) -> bool:
    """A file without SQLite's plain header made of whole pages, as SQLCipher writes them:
    an encrypted database whose key file is missing (a text or zip file is no such thing)."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > 0 and size % SQLCIPHER_PAGE_MULTIPLE == 0 and not is_plain_file(path)


def refuse_newer(path: Path, key: bytes | None = None) -> int:
    """Raise before anything touches the file when it was written by a newer version;
    returns the file's schema version (0: an empty file, no schema of ours).

    Checked on a plain connection without pragmas: switching a newer file to WAL would
    already change its header, and the user's file must stay exactly as it was.
    """
    try:
        connection = connect_file(path, key, readonly=True)
    except Exception as exc:  # sqlite3 / sqlcipher3 errors
        raise DatabaseError("error.db_unreadable", path=str(path), reason=str(exc)) from exc
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except Exception as exc:  # sqlite3 / sqlcipher3: not a database, wrong key
        raise DatabaseError("error.db_unreadable", path=str(path), reason=str(exc)) from exc
    finally:
        connection.close()
    if version > migrations.LATEST_VERSION:
        raise DatabaseError("error.db_too_new", version=version,
                            supported=migrations.LATEST_VERSION)
    return version


_ENCRYPTED_CLASS = None


def encrypted_database(path: str | Path, key: bytes) -> SqliteDatabase:
    """A peewee SQLCipher database (``playhouse.sqlcipher_ext``) opened with a raw 256-bit key
    (``PRAGMA key = "x'..'"`` first on every connection, before the other pragmas)."""
    global _ENCRYPTED_CLASS
    if _ENCRYPTED_CLASS is None:
        from playhouse.sqlcipher_ext import SqlCipherDatabase
        from sqlcipher3 import dbapi2 as sqlcipher

        class RawKeySqlCipherDatabase(WriterRules, SqlCipherDatabase):
            def _connect(self):
                params = dict(self.connect_params)
                params.pop("passphrase", None)
                conn = sqlcipher.connect(self.database, timeout=self._timeout,
                                         isolation_level=None, **params)
                try:
                    conn.execute(key_pragma(self.database_key))
                    self._add_conn_hooks(conn)
                except Exception:
                    conn.close()
                    raise
                return conn

        _ENCRYPTED_CLASS = RawKeySqlCipherDatabase
    db = _ENCRYPTED_CLASS(str(path), pragmas=PRAGMAS, lock_type=WRITE_LOCK,
                          timeout=BUSY_TIMEOUT_MS / 1000)
    db.database_key = key
    return db


@contextmanager
def pragma_while(db: SqliteDatabase, name: str, value: str | int) -> Iterator[None]:
    """``PRAGMA name = value`` on this connection while the block runs; then as it was."""
    (previous,) = db.execute_sql(f"PRAGMA {name}").fetchone()
    db.execute_sql(f"PRAGMA {name} = {value}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA {name} = {previous}")
