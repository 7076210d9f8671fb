"""Opening a database file: pragmas, the migration check, binding the models.

The peewee models are bound to one database at a time per process (the last opened one);
the GUI, the CLI and the importer each work on one file, and tests reopen as they switch.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import SqliteDatabase

from inspector_app.encryption import (
    Credentials,
    Keyring,
    RecoveryKey,
    connect_file,
    is_encrypted,
    key_pragma,
    unlock,
)
from inspector_app.errors import DatabaseError
from inspector_app.storage import migrations, models
from inspector_app.storage.migrations import migrate, schema_version

UnlockWith = Credentials | RecoveryKey | Keyring | bytes

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -32000,
    "busy_timeout": 10000,
    "temp_store": "memory",
}


def open_database(path: str | Path, *, create: bool = False,
                  credentials: UnlockWith | None = None) -> SqliteDatabase:
    """Open (and with ``create`` make) the database at ``path``, migrated to the latest schema.

    A database with a key file beside it is encrypted (SQLCipher): ``credentials`` unlock it
    (:class:`~inspector_app.encryption.Credentials` of an account, a
    :class:`~inspector_app.encryption.RecoveryKey`, an unlocked ``Keyring`` or the raw key);
    the returned database then carries ``db.keyring``. A plain file ignores ``credentials``.

    Raises :class:`DatabaseError` when the file is missing (and ``create`` is false), is not a
    database, is encrypted and no credentials were given, or was written by a newer version;
    :class:`AuthenticationFailed` when the credentials do not unlock it.
    """
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError("error.db_missing", path=str(path))
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    keyring = None
    if is_encrypted(path):
        if credentials is None:
            raise DatabaseError("error.db_encrypted", path=str(path))
        keyring = unlock(path, credentials)
    if path.exists():
        refuse_newer(path, keyring.key if keyring else None)
    if keyring is not None:
        db = encrypted_database(path, keyring.key)
    else:
        db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    db.keyring = keyring
    try:
        db.connect()
        migrate(db, path)
    except DatabaseError:
        db.close()
        raise
    except Exception as exc:  # sqlite3.DatabaseError: not a database, damaged header...
        db.close()
        raise DatabaseError("error.db_unreadable", path=str(path), reason=str(exc)) from exc
    db.bind(models.ALL_MODELS, bind_refs=False, bind_backrefs=False)
    return db


def refuse_newer(path: Path, key: bytes | None = None) -> None:
    """Raise before anything touches the file when it was written by a newer version.

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


_ENCRYPTED_CLASS = None


def encrypted_database(path: str | Path, key: bytes) -> SqliteDatabase:
    """A peewee SQLCipher database (``playhouse.sqlcipher_ext``) opened with a raw 256-bit key
    (``PRAGMA key = "x'..'"`` first on every connection, before the other pragmas)."""
    global _ENCRYPTED_CLASS
    if _ENCRYPTED_CLASS is None:
        from playhouse.sqlcipher_ext import SqlCipherDatabase
        from sqlcipher3 import dbapi2 as sqlcipher

        class RawKeySqlCipherDatabase(SqlCipherDatabase):
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
    db = _ENCRYPTED_CLASS(str(path), pragmas=PRAGMAS)
    db.database_key = key
    return db


def open_memory_database() -> SqliteDatabase:
    """A fresh in-memory database with the full schema (tests and scratch work)."""
    db = SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    db.connect()
    migrate(db, None)
    db.bind(models.ALL_MODELS, bind_refs=False, bind_backrefs=False)
    return db


def is_current(db: SqliteDatabase) -> bool:
    return schema_version(db) == migrations.LATEST_VERSION


@contextmanager
def pragma_while(db: SqliteDatabase, name: str, value: str | int) -> Iterator[None]:
    """``PRAGMA name = value`` on this connection while the block runs; then as it was."""
    (previous,) = db.execute_sql(f"PRAGMA {name}").fetchone()
    db.execute_sql(f"PRAGMA {name} = {value}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA {name} = {previous}")
