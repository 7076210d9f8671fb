"""Import of package files, one by one, whatever their kind; a report per file.

For each file: decrypt and verify it without touching the database (signature, manifest,
hashes, versions), find its sender trusted (an enrolled point at the district, the trusted
district at a point; a new point only with ``trust_new``), skip it when already imported, then
apply it in one transaction. A file that fails any of this is refused: the database is left as
it was and the file is copied aside with the reason. After a batch the district writes, for
every point it heard from, a receipt and (when the point's reference data is not current) a
reference package.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError

from inspector_app.errors import InspectorError
from inspector_app.permissions import Action
from inspector_app.services.context import Services
from inspector_app.storage.migrations import LATEST_VERSION
from inspector_app.sync import state
from inspector_app.sync.district_import import import_records
from inspector_app.sync.errors import SyncError
from inspector_app.sync.keys import KeyPair, ensure_keys
from inspector_app.sync.manifest import RECEIPT, RECORDS, Manifest
from inspector_app.sync.package import SUFFIX, PackageReader
from inspector_app.sync.receipts import apply_receipt, write_receipt
from inspector_app.sync.reference import apply_reference, reference_digest, write_reference
from inspector_app.sync.refused import keep_aside, outbox_dir
from inspector_app.sync.results import DUPLICATE, BatchResult, FileResult, Notice

TrustNew = bool | Collection[str]
Progress = Callable[[int, int, str, int], None]
"""progress(file index, file count, stage or record kind, records done)"""


def package_files(folder: str | Path) -> list[Path]:
    """The package files in a folder, by name."""
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix == SUFFIX)


def peek(services: Services, path: str | Path) -> Manifest:
    """Decrypt and verify a file without importing it (the GUI asks about new points first)."""
    reader = PackageReader(Path(path), ensure_keys(services.db.database))
    return reader.verify()


def import_files(services: Services, paths: Iterable[str | Path], *, trust_new: TrustNew = False,
                 outbox: str | Path | None = None, keep_refused: bool = True,
                 progress: Progress | None = None) -> BatchResult:
    """Import every file; then (at the district) write receipts and reference packages."""
    services.require(Action.IMPORT)
    paths = [Path(p) for p in paths]
    keys = ensure_keys(services.db.database)
    batch = BatchResult()
    heard_from: set[str] = set()
    with checkpoint_once(services.db):
        for index, path in enumerate(paths):
            def report(stage: str, done: int, index=index) -> None:
                if progress is not None:
                    progress(index, len(paths), stage, done)

            result = import_file(services, keys, path, trust_new=trust_new, progress=report)
            if not result.ok and keep_refused:
                result.kept_at = keep_aside(services.db.database, path, result.error,
                                            result.point, services.clock.now_local(),
                                            result.package_id)
            if result.ok and result.kind == RECORDS:
                heard_from.add(result.point)
            batch.files.append(result)
    if heard_from and services.is_district_office:
        folder = Path(outbox) if outbox is not None else outbox_dir(services.db.database)
        batch.written = write_outgoing(services, keys, sorted(heard_from), folder)
    return batch


@contextmanager
def checkpoint_once(db) -> Iterator[None]:
    """Copy the write-ahead log into the database file once for a whole batch.

    Each file is still its own transaction; only SQLite's automatic checkpoint (an fsync of
    several megabytes after nearly every file's commit) is postponed to the batch's end.
    """
    (previous,) = db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA wal_autocheckpoint = {int(previous):d}")
        db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")


def write_outgoing(services: Services, keys: KeyPair, points: list[str],
                   folder: Path) -> list[Path]:
    """Receipts for ``points`` and, where needed, reference packages, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    current = reference_digest(services)
    written = []
    for code in points:
        peer = state.peer(services.db, code)
        written.append(write_receipt(services, peer, keys, folder))
        if peer.reference_digest != current:
            written.append(write_reference(services, peer, keys, folder))
    return written


def import_file(services: Services, keys: KeyPair, path: Path, *, trust_new: TrustNew = False,
                progress: Callable[[str, int], None] | None = None) -> FileResult:
    """Import one file; never raises for a bad file (the result says why it was refused)."""
    result = FileResult(path)
    try:
        reader = PackageReader(path, keys)
        manifest = reader.verify()
        result.kind, result.point = manifest.kind, manifest.sender
        result.package_id = manifest.package_id
        if manifest.kind == RECORDS:
            result.export_no = manifest.get("export_no")
        _check_versions(manifest)
        known = state.inbound(services.db, manifest.package_id)
        if known is not None:
            result.status = DUPLICATE
            offset = services.clock.now_local() - services.clock.now_utc()
            result.notices.append(Notice("sync.already_imported", {
                "date": f"{known.imported_at + offset:%d.%m.%Y %H:%M}"}))
            return result
        new_peer = _trusted_sender(services, manifest, trust_new, result)
        if manifest.kind == RECORDS:
            import_records(services, reader, result, new_peer, progress)
        elif manifest.kind == RECEIPT:
            apply_receipt(services, manifest, result, path.name, reader.file_sha256)
        else:
            apply_reference(services, reader, result)
    except InspectorError as exc:
        result.error = exc
    except PeeweeDatabaseError as exc:
        result.error = SyncError("sync.conflict", reason=str(exc))
    return result


def _check_versions(manifest: Manifest) -> None:
    if manifest.schema_version > LATEST_VERSION:
        raise SyncError("sync.newer_schema", version=manifest.schema_version,
                        supported=LATEST_VERSION)


def _trusted_sender(services: Services, manifest: Manifest, trust_new: TrustNew,
                    result: FileResult) -> state.Peer | None:
    """Check the sender; returns a peer to enrol (inside the import transaction) or None."""
    db = services.db
    own = services.point_code
    if manifest.recipient != own:
        raise SyncError("sync.wrong_recipient")
    fingerprint = manifest.keys.fingerprint
    if services.is_district_office:
        if manifest.kind != RECORDS or manifest.sender_kind != "point":
            raise SyncError("sync.wrong_kind", kind=manifest.kind)
        if manifest.sender == own:
            raise SyncError("sync.foreign_record", kind="point", id="-", point=own)
        peer = state.peer(db, manifest.sender)
        if peer is not None and peer.role != state.POINT_ROLE:
            raise SyncError("sync.wrong_kind", kind=manifest.kind)
        if peer is None:
            if trust_new is True or (not isinstance(trust_new, bool)
                                     and fingerprint in trust_new):
                result.notices.append(Notice("sync.enrolled", {
                    "point": manifest.sender, "fingerprint": fingerprint}, warning=True))
                return state.Peer(manifest.sender, state.POINT_ROLE, manifest.sender_name[:200],
                                  manifest.database_id, manifest.keys, fingerprint,
                                  services.clock.now_utc().replace(microsecond=0),
                                  services.actor_login)
            raise SyncError("sync.unknown_point", point=manifest.sender,
                            fingerprint=fingerprint)
    else:
        if manifest.kind == RECORDS or manifest.sender_kind != "district":
            raise SyncError("sync.wrong_kind", kind=manifest.kind)
        peer = state.district(db)
        if peer is None or peer.point_code != manifest.sender:
            raise SyncError("sync.not_from_district", point=manifest.sender)
    if peer.keys != manifest.keys:
        raise SyncError("sync.key_mismatch", point=manifest.sender, fingerprint=fingerprint,
                        expected=peer.fingerprint)
    return None

