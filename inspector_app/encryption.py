"""Encryption at rest: SQLCipher database files whose key is wrapped per account.

Encryption is a property of the file: a database ``x.db`` is encrypted exactly when its key
file ``x.db.keys`` lies beside it. That key file holds one random 256-bit database key,
wrapped (AES-256-GCM) once per account under a key derived from the account's password
(scrypt) and once under the recovery key printed for the point's safe. Adding or removing an
account, or changing a password, rewrites only that small file: the data is never re-encrypted.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

KEY_FILE_SUFFIX = ".keys"


def key_file_path(db_path: str | Path) -> Path:
    """The key file beside a database (or a backup) file."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + KEY_FILE_SUFFIX)


def is_encrypted(db_path: str | Path) -> bool:
    """Whether the database at ``db_path`` is encrypted (its key file lies beside it)."""
    return key_file_path(db_path).exists()


def key_pragma(key: bytes) -> str:
    """The SQLCipher statement that opens a file with a raw 256-bit key (no passphrase KDF)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_file(path: str | Path, key: bytes | None = None, *, readonly: bool = False):
    """A plain DB-API connection to a database file: :mod:`sqlite3`, or SQLCipher with ``key``.

    With ``readonly`` the file must exist (it is never created). Used for backups, checks and
    copies, outside the peewee models.
    """
    path = Path(path)
    uri = f"{path.resolve().as_uri()}?mode=rw" if readonly else None
    if key is None:
        return sqlite3.connect(uri or str(path), uri=uri is not None)
    from sqlcipher3 import dbapi2 as sqlcipher

    connection = sqlcipher.connect(uri or str(path), uri=uri is not None)
    try:
        connection.execute(key_pragma(key))
    except Exception:
        connection.close()
        raise
    return connection
