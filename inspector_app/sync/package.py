"""Writing and reading whole package files: encryption, container and manifest together.

Reading takes two passes over the file. :meth:`PackageReader.verify` decrypts everything,
hashes every member and checks the signature and the manifest, touching no database.
:meth:`PackageReader.members` then decrypts again and yields each member's lines, checking the
bytes against the verified manifest once more (the file may have changed in between: a USB
stick is not ours). A region reads the files its districts forwarded the same way: the point's
own plaintext inside, the district's signed note after it (:mod:`.forward_note`).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app.sync import container, forward_note
from inspector_app.sync.crypto import DecryptingReader, EncryptingWriter
from inspector_app.sync.errors import SyncError
from inspector_app.sync.forward_note import ForwardNote, parse_note
from inspector_app.sync.keys import KeyPair, PublicKeys, b64
from inspector_app.sync.manifest import FORMAT, FORMAT_VERSION, Manifest, canonical, parse_manifest

SUFFIX = ".isync"
MAX_PACKAGE_SIZE = 64 << 30
_ALTERED = frozenset({"sync.bad_signature", "sync.hash_mismatch", "sync.damaged",
                      "sync.bad_manifest", "sync.not_a_package", "sync.unsupported_version"})
"""What a forwarded point package that fails the point's own checks refuses with: altered."""


def new_package_id() -> str:
    return uuid.uuid4().hex


class SealedFile:
    """A package file written as a hidden ``.NAME.<pid>.part``, fsynced, then linked into
    place (never over an existing file); an encrypted stream to ``recipient``."""

    def __init__(self, path: Path, recipient: PublicKeys):
        self.path = Path(path)
        if self.path.exists():
            raise SyncError("sync.file_exists", path=str(self.path))
        # one temporary name per process: two importers may write the same name at once
        self._temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
        self._file = open(self._temp, "wb")  # noqa: SIM115 - closed in seal/abort
        self._recipient = recipient
        self._crypt = EncryptingWriter(self._file, recipient.encryption)
        self._published = False

    def _close_synced(self) -> None:
        """Seal the stream's last chunk and make the temporary file durable."""
        self._crypt.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

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
        if not self._file.closed:
            self._file.close()
        self._temp.unlink(missing_ok=True)
        if self._published:
            self.path.unlink(missing_ok=True)
            self._published = False


class PackageWriter(SealedFile):
    """Streams one package into ``path`` (via a hidden temporary file renamed at the end)."""

    def __init__(self, path: Path, recipient: PublicKeys):
        super().__init__(path, recipient)
        self._container = container.ContainerWriter(self._crypt)
        self.members: list[container.MemberInfo] = []

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
            self._close_synced()
        except BaseException:
            self.abort()
            raise
        return raw

    def abort(self) -> None:
        self._container.abort()
        super().abort()



def write_new(names: Callable[[int], Path], recipient: PublicKeys,
              write: Callable[[Any], object],
              kind: type[SealedFile] = PackageWriter) -> Path:
    """Write a package (``write`` fills and seals it) under the first free name of the series
    ``names(0)``, ``names(1)``...; another process writing the same series at the same moment
    (two importers answering one point) takes the next name, nothing is overwritten."""
    for counter in range(10_000):
        path = names(counter)
        if path.exists():
            continue
        try:
            writer = kind(path, recipient)
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

class HashingFile:
    """A read-only file wrapper that hashes everything read through it."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


class PackageReader:
    """Reads a package addressed to the holder of ``keys``: a package of the sender's own, or
    (at a region) a point's package that its district forwarded (:mod:`.forward_note`)."""

    def __init__(self, path: Path, keys: KeyPair):
        self.path = Path(path)
        self.keys = keys
        self.manifest: Manifest | None = None
        self.file_sha256 = ""
        self.forward: ForwardNote | None = None
        """The forwarding district's note, when the file is a forwarded one."""
        self.point_sha256 = ""
        """SHA-256 of the point's own plaintext inside a forwarded file."""
        self._trailer: container.Trailer | None = None

    @property
    def identity(self) -> str:
        """The SHA-256 that tells this package's bytes: the file's, or for a forwarded file
        the point's own plaintext (the same package forwarded twice is one package)."""
        return self.point_sha256 if self.forward is not None else self.file_sha256

    def _open(self) -> tuple[BinaryIO, HashingFile, DecryptingReader]:
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
        hashing = HashingFile(raw)
        try:
            return raw, hashing, DecryptingReader(hashing, self.keys.encryption)
        except BaseException:
            raw.close()
            raise

    @staticmethod
    def _start(plain: DecryptingReader) -> HashingFile | None:
        """Read the plaintext's start; for a forwarded file, returns the source of the point's
        own plaintext (hashed as it is read), positioned after its ``ISPK`` start."""
        start = container.read_exact(plain, 5)
        if start[:4] != forward_note.MAGIC:
            container.check_start(start)
            return None
        if start[4] != forward_note.VERSION:
            raise SyncError("sync.unsupported_version", version=f"F{start[4]}")
        inner = HashingFile(plain)
        container.read_start(inner)
        return inner

    @staticmethod
    def _read_note(plain: DecryptingReader) -> tuple[bytes, bytes]:
        """The forwarding note's frame after the point's plaintext: ``F``, note, signature."""
        if container.read_exact(plain, 1) != b"F":
            raise SyncError("sync.damaged")
        length = int.from_bytes(container.read_exact(plain, 4), "big")
        if length > forward_note.MAX_NOTE:
            raise SyncError("sync.bad_forward", field="size")
        return container.read_exact(plain, length), container.read_exact(plain, 64)

    def verify(self) -> Manifest:
        """Pass one: decrypt, hash members, check signature and manifest; no database use."""
        raw, hashing, plain = self._open()
        note = None
        try:
            inner = self._start(plain)
            source = inner or plain
            seen: list[container.MemberInfo] = []
            while container.next_frame(source) == "member":
                name = container.read_member_name(source)
                seen.append(container.hash_member(source, name))
            trailer = container.read_trailer(source)
            if inner is not None:
                self.point_sha256, point_size = inner.digest.hexdigest(), inner.size
                note = self._read_note(plain)
            if not plain.at_end():
                raise SyncError("sync.damaged")
            self.file_sha256 = hashing.digest.hexdigest()
        finally:
            raw.close()
        if note is not None:
            self.forward = self._checked_note(note)
            if self.forward.point_size != point_size:
                raise SyncError("sync.forward_altered", district=self.forward.district,
                                point=self.forward.point)
        try:
            manifest = self._signed_manifest(trailer)
            if [(m.name, m.sha256, m.size) for m in seen] != [
                    (m.name, m.sha256, m.size) for m in manifest.members]:
                raise SyncError("sync.hash_mismatch",
                                name=_first_difference(seen, manifest.members))
        except SyncError as exc:
            raise self._altered(exc) from exc
        self.manifest, self._trailer = manifest, trailer
        return manifest

    def _checked_note(self, note: tuple[bytes, bytes]) -> ForwardNote:
        """A forwarding note signed by the district it names, for this reader, naming exactly
        the point's bytes the file carries."""
        checked = parse_note(*note)
        if checked.region_fingerprint != self.keys.public.fingerprint:
            raise SyncError("sync.wrong_recipient")
        if self.point_sha256 and checked.point_sha256 != self.point_sha256:
            raise SyncError("sync.forward_altered", district=checked.district,
                            point=checked.point)
        return checked

    def _altered(self, exc: SyncError) -> SyncError:
        """A forwarded point package that fails the point's own checks was altered after the
        point signed it: said so, naming the district that forwarded it."""
        note = self.forward
        if note is None or exc.code not in _ALTERED:
            return exc
        if exc.code == "sync.hash_mismatch":
            return SyncError("sync.forward_altered_member", district=note.district,
                             point=note.point, name=exc.params.get("name", "?"))
        return SyncError("sync.forward_altered", district=note.district, point=note.point)

    def _signed_manifest(self, trailer: container.Trailer) -> Manifest:
        """The trailer's manifest, signed by the key it names and addressed to this reader (a
        forwarded point package: to the district that forwarded it, which the note names)."""
        manifest = parse_manifest(trailer.manifest)
        if not manifest.keys.verify(trailer.signature, container.signed_bytes(trailer.manifest)):
            raise SyncError("sync.bad_signature")
        note = self.forward
        addressee = self.keys.public if note is None else note.district_keys
        if manifest.recipient_fingerprint != addressee.fingerprint:
            if note is not None:
                raise SyncError("sync.forward_not_addressed", district=note.district,
                                point=note.point)
            raise SyncError("sync.wrong_recipient")
        if note is not None and (
                manifest.package_id, manifest.sender, manifest.keys.fingerprint,
                manifest.recipient) != (note.package_id, note.point, note.point_fingerprint,
                                        note.district):
            raise SyncError("sync.forward_mismatch", district=note.district, point=note.point)
        return manifest

    @classmethod
    def verified_before(cls, path: Path, keys: KeyPair, trailer: tuple[bytes, bytes],
                        file_sha256: str,
                        forward: tuple[bytes, bytes] | None = None) -> PackageReader:
        """A reader of a file another reader verified (its manifest, signature, forwarding
        note and SHA-256), without pass one: :meth:`members` refuses the file unless it still
        has those bytes."""
        reader = cls(path, keys)
        reader._trailer = container.Trailer(*trailer)
        if forward is not None:
            reader.forward = reader._checked_note(forward)
            reader.point_sha256 = reader.forward.point_sha256
        reader.manifest = reader._signed_manifest(reader._trailer)
        reader.file_sha256 = file_sha256
        return reader

    @property
    def forward_frame(self) -> tuple[bytes, bytes] | None:
        """The verified forwarding note and its signature (for :meth:`verified_before`)."""
        return None if self.forward is None else (self.forward.raw, self.forward.signature)

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
            inner = self._start(plain)
            if (inner is None) != (self.forward is None):
                raise SyncError("sync.changed_while_reading", path=str(self.path))
            source = inner or plain
            for expected in self.manifest.members:
                if container.next_frame(source) != "member":
                    raise SyncError("sync.hash_mismatch", name=expected.name)
                if container.read_member_name(source) != expected.name:
                    raise SyncError("sync.hash_mismatch", name=expected.name)
                yield expected, container.member_lines(source, expected)
            if container.next_frame(source) != "trailer":
                raise SyncError("sync.damaged")
            trailer = container.read_trailer(source)
            if inner is not None and self._read_note(plain) != self.forward_frame:
                raise SyncError("sync.changed_while_reading", path=str(self.path))
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
