"""Members, manifest and signature inside the encrypted stream of a package.

Plaintext layout (integers big-endian)::

    "ISPK" | format version u8
    member*   "M" | name length u8 | name (ASCII) | block* | empty block
              block = length u32 | bytes (gzip-compressed JSON lines)
    trailer   "E" | manifest length u32 | manifest (UTF-8 JSON) | Ed25519 signature (64)

Members are streamed: their sizes and SHA-256 are known only once written, so the manifest
that lists them comes last. The signature covers the manifest (context-prefixed), and the
manifest the SHA-256 of every member, so one signature authenticates the whole package.
Member names are never used as paths: nothing is ever extracted to disk, and a name outside
``[a-z_]+.jsonl.gz`` is refused before anything else is read.
"""

from __future__ import annotations

import hashlib
import re
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from inspector_app.sync.errors import SyncError

PLAIN_MAGIC = b"ISPK"
PLAIN_VERSION = 1
SIGN_CONTEXT = b"inspector-sync manifest v1\x00"
MEMBER_NAME = re.compile(r"^[a-z_]{1,40}\.jsonl\.gz$")
BLOCK_SIZE = 256 * 1024
MAX_BLOCK = 4 << 20
MAX_MANIFEST = 4 << 20
MAX_LINE = 4 << 20
MAX_RATIO = 200
MAX_RAW_SIZE = 16 << 30
COMPRESS_LEVEL = 1
_U32 = struct.Struct(">I")


class Sink(Protocol):
    def write(self, data: bytes) -> None: ...


class Source(Protocol):
    def read(self, size: int) -> bytes: ...


@dataclass(frozen=True)
class MemberInfo:
    """What the manifest says of one member (filled by the writer, checked by the reader)."""

    name: str
    sha256: str
    size: int
    raw_size: int
    lines: int

    def as_json(self) -> dict:
        return {"name": self.name, "sha256": self.sha256, "size": self.size,
                "raw_size": self.raw_size, "lines": self.lines}


def signed_bytes(manifest: bytes) -> bytes:
    return SIGN_CONTEXT + manifest


# -- writing -----------------------------------------------------------------------------------
class _Background:
    """One thread that compresses, hashes, encrypts and writes blocks in the order given.

    zlib and AES release the interpreter lock, so this runs beside the thread encoding JSON
    (a package is written in about two thirds of the time). At most :data:`IN_FLIGHT` blocks
    wait, so memory stays flat; the first error is raised at the next :meth:`wait`.
    """

    IN_FLIGHT = 8

    def __init__(self):
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-write")
        self._slots = threading.BoundedSemaphore(self.IN_FLIGHT)
        self._futures: list[Future] = []

    def submit(self, function: Callable[..., Any], *arguments: Any) -> None:
        self._slots.acquire()

        def run() -> Any:
            try:
                return function(*arguments)
            finally:
                self._slots.release()

        self._futures.append(self._executor.submit(run))
        if len(self._futures) > 64:
            self._collect(done_only=True)

    def _collect(self, *, done_only: bool = False) -> None:
        keep = []
        for future in self._futures:
            if done_only and not future.done():
                keep.append(future)
            else:
                future.result()
        self._futures = keep

    def wait(self) -> None:
        """Until everything submitted is written (raising its first error)."""
        self._collect()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class MemberWriter:
    """Compresses JSON lines into one member, hashing what goes out."""

    def __init__(self, sink: Sink, name: str, background: _Background):
        if not MEMBER_NAME.match(name):
            raise ValueError(f"bad member name {name!r}")
        self.name = name
        self._sink = sink
        self._background = background
        self._compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, 31)
        self._hash = hashlib.sha256()
        self._pending: list[bytes] = []
        self._pending_size = 0
        self.size = 0
        self.raw_size = 0
        self.lines = 0
        encoded = name.encode("ascii")
        background.submit(sink.write, b"M" + bytes([len(encoded)]) + encoded)

    def write_line(self, line: bytes) -> None:
        """One record: a JSON text without newline."""
        self.lines += 1
        self.raw_size += len(line) + 1
        self._pending.append(line)
        self._pending.append(b"\n")
        self._pending_size += len(line) + 1
        if self._pending_size >= BLOCK_SIZE:
            self._background.submit(self._compress, b"".join(self._pending))
            self._pending.clear()
            self._pending_size = 0

    def close(self) -> MemberInfo:
        self._background.submit(self._compress, b"".join(self._pending), True)
        self._pending.clear()
        self._background.wait()
        return MemberInfo(self.name, self._hash.hexdigest(), self.size, self.raw_size,
                          self.lines)

    def _compress(self, data: bytes, last: bool = False) -> None:
        out = self._compressor.compress(data)
        if last:
            out += self._compressor.flush()
        for start in range(0, len(out), MAX_BLOCK):
            block = out[start:start + MAX_BLOCK]
            self._sink.write(_U32.pack(len(block)))
            self._sink.write(block)
            self._hash.update(block)
            self.size += len(block)
        if last:
            self._sink.write(_U32.pack(0))


class ContainerWriter:
    """Writes the plaintext of a package into ``sink`` (an :class:`EncryptingWriter`)."""

    def __init__(self, sink: Sink):
        self._sink = sink
        self._background = _Background()
        self.members: list[MemberInfo] = []
        self._background.submit(sink.write, PLAIN_MAGIC + bytes([PLAIN_VERSION]))

    def member(self, name: str) -> MemberWriter:
        return MemberWriter(self._sink, name, self._background)

    def add(self, info: MemberInfo) -> None:
        self.members.append(info)

    def finish(self, manifest: bytes, sign: Callable[[bytes], bytes]) -> None:
        """Write the manifest and its signature (``sign`` is the sender's Ed25519 signer)."""
        signature = sign(signed_bytes(manifest))
        self._background.submit(self._sink.write,
                                b"E" + _U32.pack(len(manifest)) + manifest + signature)
        try:
            self._background.wait()
        finally:
            self._background.close()

    def abort(self) -> None:
        """Stop the writing thread without waiting for what is queued."""
        self._background.close()


# -- reading -----------------------------------------------------------------------------------
def read_exact(source: Source, size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise SyncError("sync.truncated")
    return data


def _check_name(raw: bytes) -> str:
    try:
        name = raw.decode("ascii")
    except UnicodeDecodeError:
        name = raw.decode("latin-1")
        raise SyncError("sync.bad_member_name", name=name) from None
    if not MEMBER_NAME.match(name):
        raise SyncError("sync.bad_member_name", name=name)
    return name


def _blocks(source: Source) -> Iterator[bytes]:
    while True:
        (length,) = _U32.unpack(read_exact(source, 4))
        if length == 0:
            return
        if length > MAX_BLOCK:
            raise SyncError("sync.damaged")
        yield read_exact(source, length)


@dataclass
class Trailer:
    manifest: bytes
    signature: bytes


def read_start(source: Source) -> None:
    check_start(read_exact(source, len(PLAIN_MAGIC) + 1))


def check_start(start: bytes) -> None:
    """The plaintext's first five bytes: ``ISPK`` and the version."""
    if start[:len(PLAIN_MAGIC)] != PLAIN_MAGIC:
        raise SyncError("sync.not_a_package")
    if start[-1] != PLAIN_VERSION:
        raise SyncError("sync.unsupported_version", version=str(start[-1]))


def next_frame(source: Source) -> str:
    kind = read_exact(source, 1)
    if kind == b"M":
        return "member"
    if kind == b"E":
        return "trailer"
    raise SyncError("sync.damaged")


def read_member_name(source: Source) -> str:
    (length,) = read_exact(source, 1)
    return _check_name(read_exact(source, length))


def read_trailer(source: Source) -> Trailer:
    (length,) = _U32.unpack(read_exact(source, 4))
    if length > MAX_MANIFEST:
        raise SyncError("sync.manifest_too_large", limit=MAX_MANIFEST >> 20)
    manifest = read_exact(source, length)
    return Trailer(manifest, read_exact(source, 64))


def hash_member(source: Source, name: str) -> MemberInfo:
    """Pass one: hash a member's compressed bytes without decompressing them."""
    digest = hashlib.sha256()
    size = 0
    for block in _blocks(source):
        digest.update(block)
        size += len(block)
    return MemberInfo(name, digest.hexdigest(), size, -1, -1)


def check_declared(info: MemberInfo) -> None:
    """Refuse a member whose declared uncompressed size means a decompression bomb."""
    if info.raw_size > MAX_RAW_SIZE or info.raw_size > MAX_RATIO * info.size + 65536:
        raise SyncError("sync.too_large", name=info.name)


def member_lines(source: Source, expected: MemberInfo) -> Iterator[bytes]:
    """Pass two: the member's JSON lines, decompressed in bounded steps.

    Stops with :class:`SyncError` as soon as the output would exceed the declared size (a
    decompression bomb), a line is longer than :data:`MAX_LINE`, or the member's bytes or line
    count differ from the manifest's.
    """
    decompressor = zlib.decompressobj(31)
    digest = hashlib.sha256()
    produced = 0
    lines = 0
    tail = b""
    for block in _blocks(source):
        digest.update(block)
        data = block
        while data:
            try:
                out = decompressor.decompress(data, BLOCK_SIZE)
            except zlib.error as exc:
                raise SyncError("sync.damaged") from exc
            data = decompressor.unconsumed_tail
            produced += len(out)
            if produced > expected.raw_size:
                raise SyncError("sync.too_large", name=expected.name)
            if not out:
                if data:
                    raise SyncError("sync.damaged")
                break
            chunk = tail + out if tail else out
            parts = chunk.split(b"\n")
            tail = parts.pop()
            if len(tail) > MAX_LINE or (parts and len(parts[0]) > MAX_LINE):  # only the first
                # part carries an earlier tail; the others fit in one step's output
                raise SyncError("sync.line_too_long", name=expected.name,
                                limit=MAX_LINE >> 20)
            lines += len(parts)
            yield from parts
        if decompressor.eof and decompressor.unused_data:
            raise SyncError("sync.damaged")
    if (tail or not decompressor.eof or produced != expected.raw_size
            or lines != expected.lines or digest.hexdigest() != expected.sha256):
        raise SyncError("sync.hash_mismatch", name=expected.name)
