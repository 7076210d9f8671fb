"""Encryption at rest: SQLCipher database files whose key is wrapped per account.

Encryption is a property of the file: a database ``x.db`` is encrypted exactly when its key
file ``x.db.keys`` lies beside it. That key file holds one random 256-bit database key,
wrapped (AES-256-GCM) once per account under a key derived from the account's password
(scrypt) and once under the recovery key printed for the point's safe. Adding or removing an
account, or changing a password, rewrites only that small file: the data is never re-encrypted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspector_app.domain.clock import Clock
from inspector_app.errors import AuthenticationFailed, DatabaseError
from inspector_app.protection.lockout import FileAttemptStore, LoginThrottle
from inspector_app.protection.private_files import private_files

KEY_FILE_SUFFIX = ".keys"


def key_file_path(db_path: str | Path) -> Path:
    """The key file beside a database (or a backup) file."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + KEY_FILE_SUFFIX)


def is_encrypted(db_path: str | Path) -> bool:
    """Whether the database at ``db_path`` is encrypted (its key file lies beside it)."""
    finish_interrupted_conversion(db_path)
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
    if key is not None and is_plain_file(path):
        key = None  # e.g. a backup made before the database was encrypted
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


# -- the key file -------------------------------------------------------------------------

FORMAT = 1
KDF_N, KDF_R, KDF_P = 2**15, 8, 1
_AAD_PREFIX = b"inspector-app database key v1|"
_RECOVERY_ALPHABET_GROUP = 4
PENDING_SUFFIX = ".pending"


@dataclass(frozen=True)
class Credentials:
    """An account's login and password, to unlock an encrypted database."""

    login: str
    password: str
    clock: Clock | None = None


@dataclass(frozen=True)
class RecoveryKey:
    """The recovery key from the sheet kept in the point's safe."""

    text: str


def new_database_key() -> bytes:
    return secrets.token_bytes(32)


def new_recovery_key() -> str:
    """A fresh recovery key: 32 letters and digits in groups of four (160 random bits)."""
    text = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    return "-".join(text[i:i + _RECOVERY_ALPHABET_GROUP]
                    for i in range(0, len(text), _RECOVERY_ALPHABET_GROUP))


def normal_recovery_key(text: str) -> str:
    """Upper case without dashes and spaces; O/0 and I/1 mistakes corrected (base32)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.replace("0", "O").replace("1", "I").replace("8", "B")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _kek(secret: str, salt: bytes, kdf: dict) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=int(kdf["n"]), r=int(kdf["r"]),
                          p=int(kdf["p"]), dklen=32, maxmem=256 * 1024 * 1024)


def _wrap(key: bytes, secret: str, label: str, kdf: dict) -> dict[str, str]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(_kek(secret, salt, kdf)).encrypt(nonce, key, _AAD_PREFIX + label.encode())
    return {"salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap(entry: dict[str, str], secret: str, label: str, kdf: dict) -> bytes | None:
    try:
        kek = _kek(secret, base64.b64decode(entry["salt"]), kdf)
        return AESGCM(kek).decrypt(base64.b64decode(entry["nonce"]),
                                   base64.b64decode(entry["wrapped"]),
                                   _AAD_PREFIX + label.encode())
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


class Keyring:
    """An unlocked database key and the key file it came from (kept up to date).

    ``recovery_key`` is set only right after a recovery key was made (for the sheet); it is
    never stored anywhere.
    """

    def __init__(self, db_path: str | Path, key: bytes, data: dict[str, Any]):
        self.db_path = Path(db_path)
        self.key = key
        self.data = data
        self.recovery_key: str | None = None

    @property
    def kdf(self) -> dict:
        return self.data["kdf"]

    def logins(self) -> list[str]:
        """The accounts whose password unlocks the database."""
        return sorted(self.data["accounts"])

    def add_account(self, login: str, password: str, *, save_to: Path | None = None) -> None:
        """Wrap the key for ``login`` under ``password`` (replacing an older wrap)."""
        login = login.strip().lower()
        self.data["accounts"][login] = _wrap(self.key, password, f"account:{login}", self.kdf)
        self.save(save_to)

    def remove_account(self, login: str) -> None:
        if self.data["accounts"].pop(login.strip().lower(), None) is not None:
            self.save()

    def new_recovery_key(self) -> str:
        """Replace the recovery key (the old sheet stops working); returns the new key."""
        return self.new_recovery_key_into(None)

    def new_recovery_key_into(self, path: Path | None) -> str:
        text = new_recovery_key()
        self.data["recovery"] = _wrap(self.key, normal_recovery_key(text), "recovery",
                                      self.kdf)
        self.save(path)
        self.recovery_key = text
        return text

    @private_files()
    def save(self, path: Path | None = None) -> None:
        """Write the key file atomically (temporary file, fsync, rename)."""
        target = path or key_file_path(self.db_path)
        temporary = target.with_name(target.name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(self.data, f, indent=1, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)


def new_keyring(db_path: str | Path, key: bytes | None = None) -> Keyring:
    """A key ring for a database about to be encrypted (nothing written yet)."""
    data = {"format": FORMAT, "cipher": "sqlcipher4-raw-key",
            "kdf": {"name": "scrypt", "n": KDF_N, "r": KDF_R, "p": KDF_P},
            "accounts": {}, "recovery": None}
    return Keyring(db_path, key or new_database_key(), data)


def read_key_file(db_path: str | Path) -> dict[str, Any]:
    finish_interrupted_conversion(db_path)
    try:
        data = json.loads(key_file_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatabaseError("error.key_file_unreadable", path=str(key_file_path(db_path)),
                            reason=str(exc)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DatabaseError("error.key_file_unreadable", path=str(key_file_path(db_path)),
                            reason="format")
    return data


def attempts_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".attempts")


def unlock(db_path: str | Path, credentials: Credentials | RecoveryKey | Keyring | bytes
           ) -> Keyring:
    """The key ring of an encrypted database, unlocked by an account or the recovery key.

    Wrong passwords are throttled per login like logging in (a JSON file beside the database
    keeps the count, as the database itself cannot be read yet).
    """
    if isinstance(credentials, Keyring):
        return credentials
    data = read_key_file(db_path)
    if isinstance(credentials, bytes):
        return Keyring(db_path, credentials, data)
    if isinstance(credentials, RecoveryKey):
        entry = data.get("recovery")
        key = _unwrap(entry, normal_recovery_key(credentials.text), "recovery",
                      data["kdf"]) if entry else None
        if key is None:
            raise AuthenticationFailed("error.recovery_key_wrong")
        return Keyring(db_path, key, data)
    login = credentials.login.strip().lower()
    throttle = LoginThrottle(FileAttemptStore(attempts_path(db_path)),
                             credentials.clock or Clock())

    def verify() -> bytes:
        entry = data["accounts"].get(login)
        key = _unwrap(entry, credentials.password, f"account:{login}", data["kdf"]) \
            if entry else None
        if key is None:
            raise AuthenticationFailed("error.auth_failed")
        return key

    return Keyring(db_path, throttle.attempt(login, verify), data)


def finish_interrupted_conversion(db_path: str | Path) -> None:
    """Complete (or undo) a conversion that a crash stopped between its two renames."""
    pending = key_file_path(db_path).with_name(key_file_path(db_path).name + PENDING_SUFFIX)
    if not pending.exists() or key_file_path(db_path).exists():
        return
    if is_plain_file(db_path):
        pending.unlink()  # the encrypted copy never replaced the plain file
    else:
        os.replace(pending, key_file_path(db_path))


def is_plain_file(path: str | Path) -> bool:
    """Whether the file starts with SQLite's plain-text header (so it is not encrypted)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


# -- converting a plain database in place ---------------------------------------------------


def table_counts(connection) -> dict[str, int]:
    """Rows of every table of a database (to prove a copy holds everything)."""
    names = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
            for name in names}


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@private_files()
def export_encrypted(source: str | Path, target: str | Path, key: bytes) -> None:
    """Write an encrypted copy of the plain database ``source`` (``sqlcipher_export``)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    target = Path(target)
    target.unlink(missing_ok=True)
    connection = sqlcipher.connect(str(source), isolation_level=None)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"ATTACH DATABASE {_sql_text(str(target))} AS encrypted "
                           f"KEY \"x'{key.hex()}'\"")
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute(f"PRAGMA encrypted.user_version = {int(version):d}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
