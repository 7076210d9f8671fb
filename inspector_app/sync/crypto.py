"""The encrypted stream every package file is: X25519 + HKDF-SHA256 + AES-256-GCM in chunks.

File layout (all integers big-endian)::

    header  magic "INSPSYNC" | version u8 | recipient key id (32) | ephemeral X25519 key (32)
            | salt (16) | chunk size u32
    chunks  length u32 | AES-256-GCM ciphertext of one chunk (plaintext + 16-byte tag) ...

The key is HKDF-SHA256(X25519(ephemeral, recipient), salt, info = context | ephemeral |
recipient): a fresh key per file. Chunk ``i`` is sealed with nonce ``i`` (8 bytes) | 3 zero
bytes | final flag, and the header as associated data, so a reordered, replaced, truncated or
extended file fails to open. One AES-GCM call is capped at 2^31 bytes; chunks also keep memory
flat however large the package.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inspector_app.sync.errors import SyncError

MAGIC = b"INSPSYNC"
VERSION = 1
CHUNK_SIZE = 1 << 20
MAX_CHUNK_SIZE = 16 << 20
TAG_SIZE = 16
_HEADER = struct.Struct(">8sB32s32s16sI")
HEADER_SIZE = _HEADER.size
_LENGTH = struct.Struct(">I")
_HKDF_INFO = b"inspector-sync stream v1\x00"


def key_id(encryption_public: bytes) -> bytes:
    """The 32-byte id of a recipient's X25519 public key written in the header."""
    return hashlib.sha256(b"inspector-sync recipient\x00" + encryption_public).digest()


def _derive(shared: bytes, salt: bytes, ephemeral: bytes, recipient: bytes) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
               info=_HKDF_INFO + ephemeral + recipient).derive(shared)
    return AESGCM(key)


def _nonce(index: int, final: bool) -> bytes:
    return struct.pack(">Q3xB", index, 1 if final else 0)


class EncryptingWriter:
    """Encrypts what is written to ``sink`` for the holder of ``recipient`` (X25519, raw)."""

    def __init__(self, sink: BinaryIO, recipient: bytes, chunk_size: int = CHUNK_SIZE):
        ephemeral = X25519PrivateKey.generate()
        ephemeral_raw = ephemeral.public_key().public_bytes_raw()
        salt = os.urandom(16)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
        self._aead = _derive(shared, salt, ephemeral_raw, recipient)
        self._header = _HEADER.pack(MAGIC, VERSION, key_id(recipient), ephemeral_raw, salt,
                                    chunk_size)
        self._sink = sink
        self._chunk_size = chunk_size
        self._buffer = bytearray()
        self._index = 0
        self._closed = False
        sink.write(self._header)

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > self._chunk_size:
            self._seal(bytes(self._buffer[:self._chunk_size]), final=False)
            del self._buffer[:self._chunk_size]

    def close(self) -> None:
        """Seal the last chunk (always written, even empty, so truncation is detected)."""
        if not self._closed:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._closed = True

    def _seal(self, plaintext: bytes, *, final: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._index, final), plaintext, self._header)
        self._sink.write(_LENGTH.pack(len(sealed)))
        self._sink.write(sealed)
        self._index += 1


def read_header(source: BinaryIO) -> tuple[bytes, bytes, bytes, bytes, int]:
    """(header bytes, recipient key id, ephemeral key, salt, chunk size); checks magic/version."""
    header = source.read(HEADER_SIZE)
    if len(header) < len(MAGIC) or not header.startswith(MAGIC):
        raise SyncError("sync.not_a_package")
    if len(header) < HEADER_SIZE:
        raise SyncError("sync.truncated")
    _, version, recipient, ephemeral, salt, chunk_size = _HEADER.unpack(header)
    if version != VERSION:
        raise SyncError("sync.unsupported_version", version=str(version))
    if not 0 < chunk_size <= MAX_CHUNK_SIZE:
        raise SyncError("sync.damaged")
    return header, recipient, ephemeral, salt, chunk_size


class DecryptingReader:
    """Opens a stream made by :class:`EncryptingWriter` with this database's X25519 key.

    ``read(n)`` returns exactly ``n`` plaintext bytes (fewer only at the authenticated end);
    every chunk is authenticated before a byte of it is returned.
    """

    def __init__(self, source: BinaryIO, own_key: X25519PrivateKey):
        header, recipient, ephemeral, salt, chunk_size = read_header(source)
        own_public = own_key.public_key().public_bytes_raw()
        if recipient != key_id(own_public):
            raise SyncError("sync.wrong_recipient")
        try:
            shared = own_key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        except ValueError as exc:
            raise SyncError("sync.damaged") from exc
        self._aead = _derive(shared, salt, ephemeral, own_public)
        self._header = header
        self._source = source
        self._max_sealed = chunk_size + TAG_SIZE
        self._index = 0
        self._final_seen = False
        self._buffer = b""
        self._offset = 0

    def chunks(self) -> Iterator[bytes]:
        """Authenticated plaintext chunks, in order; raises on any damage or truncation."""
        while not self._final_seen:
            yield self._next_chunk()

    def _next_chunk(self) -> bytes:
        prefix = self._source.read(_LENGTH.size)
        if len(prefix) < _LENGTH.size:
            raise SyncError("sync.truncated")
        (length,) = _LENGTH.unpack(prefix)
        if not TAG_SIZE <= length <= self._max_sealed:
            raise SyncError("sync.damaged")
        sealed = self._source.read(length)
        if len(sealed) < length:
            raise SyncError("sync.truncated")
        for final in (False, True):
            try:
                plaintext = self._aead.decrypt(_nonce(self._index, final), sealed, self._header)
            except InvalidTag:
                continue
            self._index += 1
            if final:
                self._final_seen = True
                if self._source.read(1):
                    raise SyncError("sync.damaged")
            return plaintext
        raise SyncError("sync.damaged")

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes; fewer only when the authenticated stream has ended."""
        parts = []
        wanted = size
        while wanted > 0:
            available = len(self._buffer) - self._offset
            if available == 0:
                if self._final_seen:
                    break
                self._buffer, self._offset = self._next_chunk(), 0
                continue
            take = min(available, wanted)
            parts.append(self._buffer[self._offset:self._offset + take])
            self._offset += take
            wanted -= take
        return b"".join(parts)

    def at_end(self) -> bool:
        """Whether every plaintext byte has been read (reads ahead to the final chunk)."""
        while self._offset == len(self._buffer) and not self._final_seen:
            self._buffer, self._offset = self._next_chunk(), 0
        return self._final_seen and self._offset == len(self._buffer)
