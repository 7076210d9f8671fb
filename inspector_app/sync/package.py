"""Writing and reading whole package files: encryption, container and manifest together.

Reading takes two passes over the file. :meth:`PackageReader.verify` decrypts everything,
hashes every member and checks the signature and the manifest, touching no database.
:meth:`PackageReader.members` then decrypts again and yields each member's lines, checking the
bytes against the verified manifest once more (the file may have changed in between: a USB
stick is not ours).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app.sync import container
from inspector_app.sync.crypto import DecryptingReader, EncryptingWriter
from inspector_app.sync.errors import SyncError
from inspector_app.sync.keys import KeyPair, PublicKeys, b64
from inspector_app.sync.manifest import FORMAT, FORMAT_VERSION, Manifest, canonical, parse_manifest

SUFFIX = ".isync"
MAX_PACKAGE_SIZE = 64 << 30


def new_package_id() -> str:
    return uuid.uuid4().hex


class PackageWriter:
    """Streams one package into ``path`` (via a hidden temporary file renamed at the end)."""

    def __init__(self, path: Path, recipient: PublicKeys):
        self.path = Path(path)
        if self.path.exists():
            raise SyncError("sync.file_exists", path=str(self.path))
        # one temporary name per process: two importers may write the same name at once
        self._temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
        self._file = open(self._temp, "wb")  # noqa: SIM115 - closed in finish/abort
        self._recipient = recipient
        self._crypt = EncryptingWriter(self._file, recipient.encryption)
        self._container = container.ContainerWriter(self._crypt)
        self.members: list[container.MemberInfo] = []
        self._published = False

    def member(self, name: str) -> container.MemberWriter:
        return self._container.member(name)

    def add(self, writer: container.MemberWriter) -> container.MemberInfo:
        info = writer.close()
        self.members.append(info)
        return info

    def seal(self, body: dict[str, Any], keys: KeyPair) -> bytes:
        """Complete the manifest, sign and seal the temporary file; returns the manifest."""
        manifest = dict(body, format=FORMAT, format_version=FORMAT_VERSION,
                        recipient_fingerprint=self._recipient.fingerprint,
                        signing_key=b64(keys.public.signing),
                        encryption_key=b64(keys.public.encryption),
                        members=[m.as_json() for m in self.members])
        raw = canonical(manifest)
        try:
            self._container.finish(raw, keys.sign)
            self._crypt.close()
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        except BaseException:
            self.abort()
            raise
        return raw

    def publish(self) -> Path:
        """Move the sealed file to its name (never over an existing file)."""
        try:
            os.link(self._temp, self.path)
        except FileExistsError:
            self.abort()
            raise SyncError("sync.file_exists", path=str(self.path)) from None
        except OSError:
            if self.path.exists():
                self.abort()
                raise SyncError("sync.file_exists", path=str(self.path)) from None
            os.replace(self._temp, self.path)
        self._temp.unlink(missing_ok=True)
        self._published = True
        return self.path

    def abort(self) -> None:
        """Drop the unfinished file (or the published one, when its caller failed after)."""
        self._container.abort()
        if not self._file.closed:
            self._file.close()
        self._temp.unlink(missing_ok=True)
        if self._published:
            self.path.unlink(missing_ok=True)
            self._published = False



def write_new(names: Callable[[int], Path], recipient: PublicKeys,
              write: Callable[[PackageWriter], object]) -> Path:
    """Write a package (``write`` fills and seals it) under the first free name of the series
    ``names(0)``, ``names(1)``...; another process writing the same series at the same moment
    (two importers answering one point) takes the next name, nothing is overwritten."""
    for counter in range(10_000):
        path = names(counter)
        if path.exists():
            continue
        try:
            writer = PackageWriter(path, recipient)
        except SyncError as exc:
            if exc.code == "sync.file_exists":
                continue
            raise
        try:
            write(writer)
        except BaseException:
            writer.abort()
            raise
        try:
            return writer.publish()
        except SyncError as exc:
            if exc.code != "sync.file_exists":
                raise
    raise SyncError("sync.file_exists", path=str(names(0)))

class _HashingFile:
    """A read-only file wrapper that hashes everything read through it."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.digest.update(data)
        return data


class PackageReader:
    """Reads a package addressed to the holder of ``keys``."""

    def __init__(self, path: Path, keys: KeyPair):
        self.path = Path(path)
        self.keys = keys
        self.manifest: Manifest | None = None
        self.file_sha256 = ""
        self._trailer: container.Trailer | None = None

    def _open(self) -> tuple[BinaryIO, _HashingFile, DecryptingReader]:
        try:
            size = self.path.stat().st_size
            raw = open(self.path, "rb")  # noqa: SIM115 - closed by the callers
        except FileNotFoundError as exc:
            raise SyncError("sync.file_not_found", path=str(self.path)) from exc
        except PermissionError as exc:
            raise SyncError("sync.file_denied", path=str(self.path)) from exc
        except IsADirectoryError as exc:
            raise SyncError("sync.not_a_file", path=str(self.path)) from exc
        except OSError as exc:
            raise SyncError("sync.cannot_read", path=str(self.path), reason=exc.strerror) from exc
        if size > MAX_PACKAGE_SIZE:
            raw.close()
            raise SyncError("sync.too_large", name=self.path.name)
        hashing = _HashingFile(raw)
        try:
            return raw, hashing, DecryptingReader(hashing, self.keys.encryption)
        except BaseException:
            raw.close()
            raise

    def verify(self) -> Manifest:
        """Pass one: decrypt, hash members, check signature and manifest; no database use."""
        raw, hashing, plain = self._open()
        try:
            container.read_start(plain)
            seen: list[container.MemberInfo] = []
            while container.next_frame(plain) == "member":
                name = container.read_member_name(plain)
                seen.append(container.hash_member(plain, name))
            trailer = container.read_trailer(plain)
            if not plain.at_end():
                raise SyncError("sync.damaged")
            self.file_sha256 = hashing.digest.hexdigest()
        finally:
            raw.close()
        manifest = self._signed_manifest(trailer)
        if [(m.name, m.sha256, m.size) for m in seen] != [
                (m.name, m.sha256, m.size) for m in manifest.members]:
            raise SyncError("sync.hash_mismatch", name=_first_difference(seen, manifest.members))
        self.manifest, self._trailer = manifest, trailer
        return manifest

    def _signed_manifest(self, trailer: container.Trailer) -> Manifest:
        """The trailer's manifest, signed by the key it names and addressed to this reader."""
        manifest = parse_manifest(trailer.manifest)
        if not manifest.keys.verify(trailer.signature, container.signed_bytes(trailer.manifest)):
            raise SyncError("sync.bad_signature")
        if manifest.recipient_fingerprint != self.keys.public.fingerprint:
            raise SyncError("sync.wrong_recipient")
        return manifest

    @classmethod
    def verified_before(cls, path: Path, keys: KeyPair, trailer: tuple[bytes, bytes],
                        file_sha256: str) -> PackageReader:
        """A reader of a file another reader verified (its manifest, signature and SHA-256),
        without pass one: :meth:`members` refuses the file unless it still has those bytes."""
        reader = cls(path, keys)
        reader._trailer = container.Trailer(*trailer)
        reader.manifest = reader._signed_manifest(reader._trailer)
        reader.file_sha256 = file_sha256
        return reader

    @staticmethod
    def file_changed(path: str | Path, file_sha256: str) -> bool:
        """Whether the file no longer has the SHA-256 it was verified with (or is gone): a
        refusal while reading it then says so, not what its new bytes looked like."""
        try:
            with open(path, "rb") as file:
                return hashlib.file_digest(file, "sha256").hexdigest() != file_sha256
        except OSError:
            return True

    def members(self) -> Iterator[tuple[container.MemberInfo, Iterator[bytes]]]:
        """Pass two: each member with its lines; the caller must exhaust each line iterator."""
        if self.manifest is None or self._trailer is None:
            raise RuntimeError("verify() first")
        raw, hashing, plain = self._open()
        try:
            container.read_start(plain)
            for expected in self.manifest.members:
                if container.next_frame(plain) != "member":
                    raise SyncError("sync.hash_mismatch", name=expected.name)
                if container.read_member_name(plain) != expected.name:
                    raise SyncError("sync.hash_mismatch", name=expected.name)
                yield expected, container.member_lines(plain, expected)
            if container.next_frame(plain) != "trailer":
                raise SyncError("sync.damaged")
            trailer = container.read_trailer(plain)
            if trailer != self._trailer or not plain.at_end():
                raise SyncError("sync.changed_while_reading", path=str(self.path))
            if hashing.digest.hexdigest() != self.file_sha256:
                raise SyncError("sync.changed_while_reading", path=str(self.path))
        finally:
            raw.close()


def _first_difference(seen: list[container.MemberInfo],
                      declared: tuple[container.MemberInfo, ...]) -> str:
    for a, b in zip(seen, declared, strict=False):
        if (a.name, a.sha256, a.size) != (b.name, b.sha256, b.size):
            return b.name
    longer = seen if len(seen) > len(declared) else declared
    return longer[min(len(seen), len(declared))].name
