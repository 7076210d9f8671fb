"""This database's own key pairs, their fingerprints and public key files.

Every database has an Ed25519 pair (it signs what the database sends) and an X25519 pair
(others encrypt to it). They are made when the database is created and kept beside it in
``<database>.sync-keys/`` (folder 0700, files 0600). For an encrypted database each private
key is stored *wrapped*: AES-256-GCM under a key derived from the database's own key
(``<database>.keys``, see :mod:`..protection.encryption`), so whoever copies the folder can
neither sign as the point nor decrypt what is sent to it; the keys unlock with the database,
at login. Only an unencrypted database keeps them as 32 raw bytes. Plain keys of an encrypted
database (made before it was encrypted) are wrapped when it is encrypted and whenever they are
read with the database's key.
A fingerprint is a short hash of both public keys, printed in groups of four so two people can
compare it over the phone.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspector_app.sync.errors import SyncError

KEYS_SUFFIX = ".sync-keys"
SIGNING_FILE = "signing.key"
ENCRYPTION_FILE = "encryption.key"
PUBLIC_KEY_FORMAT = "inspector-sync-public-key"
PUBLIC_KEY_VERSION = 1
MAX_PUBLIC_KEY_FILE = 64 * 1024
_FINGERPRINT_CONTEXT = b"inspector-sync key fingerprint v1\x00"
_PUBLIC_FILE_CONTEXT = b"inspector-sync public key file v1\x00"
PRIVATE_KEY_LENGTH = 32
WRAPPED_MAGIC = b"ISK1"  # then a 12-byte nonce and the AES-GCM ciphertext of the raw key
_WRAP_CONTEXT = b"inspector-sync private key wrap v1"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, length: int) -> bytes:
    """Raw bytes of a base64 text of exactly ``length`` bytes; ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError("not text")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != length:
        raise ValueError("wrong length")
    return raw


@dataclass(frozen=True)
class PublicKeys:
    """The two public keys of a database, raw 32 bytes each."""

    signing: bytes
    encryption: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing, self.encryption)

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.signing).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class KeyPair:
    """This database's private keys."""

    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(self.signing.public_key().public_bytes_raw(),
                          self.encryption.public_key().public_bytes_raw())

    def sign(self, message: bytes) -> bytes:
        return self.signing.sign(message)


def fingerprint(signing: bytes, encryption: bytes) -> str:
    """``"3F9A 21C4 ..."``: 32 hex digits in 8 groups, over both public keys."""
    digest = hashlib.sha256(_FINGERPRINT_CONTEXT + signing + encryption).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def keys_dir(db_path: str | Path) -> Path:
    """The folder beside the database that holds its private keys."""
    path = Path(db_path)
    return path.with_name(path.name + KEYS_SUFFIX)


def _wrapping_key(database_key: bytes) -> bytes:
    """A key for the private keys only, derived from the database's key."""
    return hmac.new(database_key, _WRAP_CONTEXT, hashlib.sha256).digest()


def _wrap(raw: bytes, name: str, database_key: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_wrapping_key(database_key)).encrypt(nonce, raw, name.encode())
    return WRAPPED_MAGIC + nonce + sealed


def is_wrapped(stored: bytes) -> bool:
    return stored.startswith(WRAPPED_MAGIC)


def _unwrap(stored: bytes, name: str, database_key: bytes | None, folder: Path) -> bytes:
    if not is_wrapped(stored):
        return stored
    if database_key is None:
        raise SyncError("sync.keys_locked", path=str(folder))
    nonce, sealed = stored[4:16], stored[16:]
    try:
        return AESGCM(_wrapping_key(database_key)).decrypt(nonce, sealed, name.encode())
    except (InvalidTag, ValueError) as exc:
        raise SyncError("sync.keys_damaged", path=str(folder), reason="wrapped") from exc


def _write_private(path: Path, content: bytes, *, replace: bool = False) -> None:
    """Write a key file 0600 (beside, then moved into place when ``replace``)."""
    target = path.with_name(path.name + ".tmp") if replace else path
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    fd = os.open(target, flags, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())
    if replace:
        os.replace(target, path)


def _stored(raw: bytes, name: str, database_key: bytes | None) -> bytes:
    return raw if database_key is None else _wrap(raw, name, database_key)


def create_keys(db_path: str | Path, database_key: bytes | None = None) -> KeyPair:
    """Make both key pairs and store them beside the database (refuses to overwrite); with
    ``database_key`` (an encrypted database) they are stored wrapped."""
    pair = KeyPair(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    return store_keys(db_path, pair, database_key)


def store_keys(db_path: str | Path, pair: KeyPair, database_key: bytes | None = None) -> KeyPair:
    """Store ``pair`` as the keys of the database at ``db_path`` (refuses to overwrite)."""
    folder = keys_dir(db_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    for name, raw in ((SIGNING_FILE, pair.signing.private_bytes_raw()),
                      (ENCRYPTION_FILE, pair.encryption.private_bytes_raw())):
        _write_private(folder / name, _stored(raw, name, database_key))
    return pair


def ensure_keys(db_path: str | Path, database_key: bytes | None = None) -> KeyPair:
    """The database's keys, made now if it has none yet (``database_key``: the key of an
    encrypted database, which unlocks them).

    Called when a database is created, and before each sync operation for databases made
    before sync existed (or whose folder of keys was lost: a point with new keys is refused by
    its district until the new fingerprint is confirmed there).
    """
    folder = keys_dir(db_path)
    if (folder / SIGNING_FILE).exists() or (folder / ENCRYPTION_FILE).exists():
        return load_keys(db_path, database_key)
    return create_keys(db_path, database_key)


def keys_of(db) -> KeyPair:
    """The keys of an open database (unlocked by its key when it is encrypted)."""
    keyring = getattr(db, "keyring", None)
    return ensure_keys(db.database, keyring.key if keyring is not None else None)


def load_keys(db_path: str | Path, database_key: bytes | None = None) -> KeyPair:
    """The database's keys; :class:`SyncError` when the folder is missing or damaged, or the
    keys are wrapped and no ``database_key`` was given. Plain keys read with a
    ``database_key`` are wrapped now."""
    folder = keys_dir(db_path)
    try:
        stored = {name: (folder / name).read_bytes() for name in (SIGNING_FILE, ENCRYPTION_FILE)}
        raw = {name: _unwrap(content, name, database_key, folder)
               for name, content in stored.items()}
        pair = KeyPair(Ed25519PrivateKey.from_private_bytes(raw[SIGNING_FILE]),
                       X25519PrivateKey.from_private_bytes(raw[ENCRYPTION_FILE]))
    except FileNotFoundError as exc:
        raise SyncError("sync.keys_missing", path=str(folder)) from exc
    except (OSError, ValueError) as exc:
        raise SyncError("sync.keys_damaged", path=str(folder), reason=str(exc)) from exc
    if database_key is not None:
        for name, content in stored.items():
            if not is_wrapped(content):
                _write_private(folder / name, _wrap(raw[name], name, database_key),
                               replace=True)
    return pair


def protect_keys(db_path: str | Path, database_key: bytes) -> None:
    """Wrap the plain private keys of a database that is (now) encrypted; none: nothing."""
    folder = keys_dir(db_path)
    if (folder / SIGNING_FILE).exists() and (folder / ENCRYPTION_FILE).exists():
        load_keys(db_path, database_key)


# -- public key files --------------------------------------------------------------------------
@dataclass(frozen=True)
class PublicKeyFile:
    """What ``keys export-public`` writes: who the keys belong to, and the keys."""

    point_code: str
    name: str
    kind: str
    keys: PublicKeys


def _canonical(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def write_public_key_file(path: str | Path, pair: KeyPair, point_code: str, name: str,
                          kind: str) -> PublicKeyFile:
    """Write this database's public keys, self-signed, to ``path`` (a small JSON file)."""
    public = pair.public
    body = {"format": PUBLIC_KEY_FORMAT, "version": PUBLIC_KEY_VERSION,
            "point_code": point_code, "name": name, "kind": kind,
            "signing_key": b64(public.signing), "encryption_key": b64(public.encryption),
            "fingerprint": public.fingerprint}
    document = dict(body, signature=b64(pair.sign(_PUBLIC_FILE_CONTEXT + _canonical(body))))
    Path(path).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    return PublicKeyFile(point_code, name, kind, public)


def read_public_key_file(path: str | Path) -> PublicKeyFile:
    """Read and check a public key file (its format and its self-signature)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PUBLIC_KEY_FILE:
            raise ValueError("too large")
        document = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(document, dict) or document.get("format") != PUBLIC_KEY_FORMAT:
            raise ValueError("not a public key file")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise SyncError("sync.bad_key_file", path=str(path)) from exc
    if document.get("version") != PUBLIC_KEY_VERSION:
        raise SyncError("sync.unsupported_version", version=str(document.get("version")))
    try:
        keys = PublicKeys(unb64(document["signing_key"], 32),
                          unb64(document["encryption_key"], 32))
        signature = unb64(document["signature"], 64)
        point_code, name, kind = document["point_code"], document["name"], document["kind"]
        if not all(isinstance(v, str) for v in (point_code, name, kind)):
            raise ValueError("bad field")
    except (KeyError, ValueError) as exc:
        raise SyncError("sync.bad_key_file", path=str(path)) from exc
    body = {k: v for k, v in document.items() if k != "signature"}
    if not keys.verify(signature, _PUBLIC_FILE_CONTEXT + _canonical(body)):
        raise SyncError("sync.bad_key_file", path=str(path))
    return PublicKeyFile(point_code, name, kind, keys)
