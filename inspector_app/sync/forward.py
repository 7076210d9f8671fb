"""A district forwards its points' packages to its region, unchanged (``inspector-cli forward``).

For each package file the district imported: decrypt it (pass one: every check of an import's
first pass, so only a point's authentic package of this district goes on), then decrypt it
again and stream its plaintext, byte for byte, into a new file encrypted to the region's key,
followed by the district's signed note (:mod:`.forward_note`). The point's members, manifest
and signature are untouched: the region checks them as the district did, so nothing the
district does can alter a point's records unseen. Memory stays flat whatever the size: one
chunk at a time. The file is written as a hidden ``.part``, fsynced, then linked into place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.permissions import Action
from inspector_app.errors import InspectorError
from inspector_app.services.context import Services
from inspector_app.storage.territory import territory_of
from inspector_app.sync import forward_note, rekey, state
from inspector_app.sync.crypto import DecryptingReader
from inspector_app.sync.errors import FILE_FAULTS, OutsideTerritory, SyncError, unexpected
from inspector_app.sync.keys import KeyPair, b64, keys_of
from inspector_app.sync.manifest import RECORDS, utc_text
from inspector_app.sync.package import SUFFIX, HashingFile, PackageReader, SealedFile, write_new


@dataclass
class ForwardResult:
    """One file: the forwarded file written, or why not."""

    path: Path
    point: str | None = None
    export_no: int | None = None
    written: Path | None = None
    error: InspectorError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class ForwardWriter(SealedFile):
    """A forwarded file: ``ISFW`` 01, the point's plaintext as given, the signed note."""

    def __init__(self, path: Path, recipient):
        super().__init__(path, recipient)
        self._crypt.write(forward_note.MAGIC + bytes([forward_note.VERSION]))

    def write(self, data: bytes) -> None:
        self._crypt.write(data)

    def seal(self, note: bytes, keys: KeyPair) -> None:
        signature = keys.sign(forward_note.SIGN_CONTEXT + note)
        self._crypt.write(b"F" + len(note).to_bytes(4, "big") + note + signature)
        self._close_synced()


def forward_name(point: str, created_at, export_no: int, district: str) -> str:
    """``ATY-017_2026-11-25_0012_via_ATY-ROP.isync``."""
    return f"{point}_{created_at:%Y-%m-%d}_{export_no:04d}_via_{district}{SUFFIX}"


def forwarding_to(services: Services, out_dir: Path) -> state.Peer:
    """The region this database forwards to, once it is checked that it may (a district
    with a trusted region, the *import* right, an existing folder)."""
    services.require(Action.IMPORT)
    if not services.is_district_office or services.is_region:
        raise SyncError("sync.forward_not_district")
    region = state.region(services.db)
    if region is None:
        raise SyncError("sync.no_region")
    if not Path(out_dir).is_dir():
        raise SyncError("sync.no_folder", path=str(out_dir))
    return region


def forward_files(services: Services, paths: list[Path], out_dir: Path) -> list[ForwardResult]:
    """Forward each file to the region into ``out_dir``; a result per file (a refused file
    is named with its reason, the others go on)."""
    region = forwarding_to(services, out_dir)
    keys = keys_of(services.db)
    results = []
    for path in paths:
        result = ForwardResult(Path(path))
        results.append(result)
        try:
            _forward_one(services, keys, region, result, Path(out_dir))
        except InspectorError as exc:
            result.error = exc
        except FILE_FAULTS as exc:
            result.error = unexpected(exc)
    return results


def _forward_one(services: Services, keys: KeyPair, region: state.Peer, result: ForwardResult,
                 out_dir: Path) -> None:
    db = services.db
    reader = PackageReader(result.path, keys)
    manifest = reader.verify()
    result.point = manifest.sender
    if manifest.kind != RECORDS or manifest.sender_kind != "point" or reader.forward:
        raise SyncError("sync.wrong_kind", kind=manifest.kind)
    if not territory_of(db).allows(manifest.sender):
        raise OutsideTerritory("sync.forward_outside_territory", point=manifest.sender)
    result.export_no = manifest.int_field("export_no")
    peer = state.peer(db, manifest.sender)
    if peer is None or peer.role != state.POINT_ROLE:
        raise SyncError("sync.unknown_point", point=manifest.sender,
                        fingerprint=manifest.keys.fingerprint)
    if peer.keys != manifest.keys:
        raise SyncError("sync.key_mismatch", point=manifest.sender,
                        fingerprint=manifest.keys.fingerprint, expected=peer.fingerprint)
    imported = state.inbound(db, manifest.package_id)
    if imported is None or imported.file_sha256 != reader.file_sha256:
        raise SyncError("sync.forward_not_imported", point=manifest.sender,
                        number=result.export_no)
    now = services.clock.now_utc().replace(microsecond=0)
    name = forward_name(manifest.sender, manifest.created_at, result.export_no,
                        services.point_code)

    def write(writer: ForwardWriter) -> None:
        point_sha256, point_size = _copy_plaintext(reader, keys, writer)
        public = keys.public
        note = forward_note.note_body(
            package_id=manifest.package_id, point=manifest.sender,
            point_fingerprint=manifest.keys.fingerprint, point_sha256=point_sha256,
            point_size=point_size, point_file_sha256=reader.file_sha256,
            district=services.point_code, district_name=services.points.current().name,
            signing_key=b64(public.signing), encryption_key=b64(public.encryption),
            region=region.point_code, region_fingerprint=region.fingerprint,
            forwarded_at=utc_text(now),
            key_changes=rekey.note_entries(db, manifest.sender, manifest.keys.fingerprint))
        writer.seal(note, keys)

    written = write_new(
        lambda n: out_dir / (name if n == 0 else name.replace(SUFFIX, f"-{n}{SUFFIX}")),
        region.keys, write, ForwardWriter)
    try:
        with db.atomic("IMMEDIATE"):
            state.save_forward(db, state.ForwardEntry(
                manifest.package_id, manifest.sender, manifest.database_id, result.export_no,
                region.point_code, now, services.actor_login, written.name[:300]))
    except BaseException:
        written.unlink(missing_ok=True)
        raise
    result.written = written


def _copy_plaintext(reader: PackageReader, keys: KeyPair, writer: ForwardWriter) -> tuple[str,
                                                                                         int]:
    """Pass two: the point's plaintext, chunk by authenticated chunk, into ``writer``; the
    file must still be the one verified. Returns the plaintext's SHA-256 and length."""
    digest, size = hashlib.sha256(), 0
    try:
        raw = open(reader.path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise SyncError("sync.changed_while_reading", path=str(reader.path)) from exc
    with raw:
        hashing = HashingFile(raw)
        for chunk in DecryptingReader(hashing, keys.encryption).chunks():
            digest.update(chunk)
            size += len(chunk)
            writer.write(chunk)
    if hashing.digest.hexdigest() != reader.file_sha256:
        raise SyncError("sync.changed_while_reading", path=str(reader.path))
    return digest.hexdigest(), size
