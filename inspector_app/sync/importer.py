"""Import of package files, one by one, whatever their kind; a report per file.

For each file: decrypt and verify it without touching the database (signature, manifest,
hashes, versions), find its sender trusted (an enrolled point at the district, the trusted
district at a point; a new point only with ``trust_new``), skip it when already imported, then
apply it. A file that fails any of this is refused: nothing of it stays in the database, and
the file is copied aside with the reason. After a batch the district writes, for every point
it heard from, a receipt and (when the point's reference data is not current) a reference
package.

Transactions: consecutive files of different points are applied in one immediate transaction
(a *group*), committed when a point comes again, when the group holds
:data:`GROUP_RECORDS` records, and at the end. Committing once per group instead of once per
file writes each index page to the log once, not once per file: at the district's scale the
difference is a third of the time. A file still applies all or nothing: when one fails, the
group is rolled back and the files applied before it in the group are applied again (they are
deterministic), so the refused file leaves no trace. Points never share records, so a file's
checks never depend on another point's uncommitted rows.

A group that brings a large share of the rows the district holds (its first consolidation) sets
aside the indexes its rows would scatter and builds them again before it commits
(:mod:`~inspector_app.sync.bulk_indexes`); such a group is not cut at :data:`GROUP_RECORDS`,
since each commit would rebuild them, so a file refused late in it has all the files before it
applied again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError

from inspector_app.domain.permissions import Action
from inspector_app.errors import InspectorError
from inspector_app.services.context import Services
from inspector_app.storage.database import pragma_while
from inspector_app.storage.dialect import is_server
from inspector_app.storage.territory import territory_of
from inspector_app.sync import bulk_indexes, state
from inspector_app.sync.district_import import apply_records, for_worker, preparing_job
from inspector_app.sync.errors import FILE_FAULTS, OutsideTerritory, SyncError, unexpected
from inspector_app.sync.forward_note import ForwardNote
from inspector_app.sync.holdings import BackgroundHoldings
from inspector_app.sync.keys import KeyPair, keys_of
from inspector_app.sync.manifest import RECEIPT, RECORDS, REFERENCE, REGION_RECEIPT, Manifest
from inspector_app.sync.package import SUFFIX, PackageReader
from inspector_app.sync.pipeline import RECORD_TABLES, WRITTEN_TABLES, DirectWriter, Worker
from inspector_app.sync.prepare import Job
from inspector_app.sync.receipts import apply_receipt, write_receipt
from inspector_app.sync.reference import (
    apply_reference,
    catalogue_documents,
    reference_digest,
    write_reference,
)
from inspector_app.sync.refused import keep_aside, outbox_dir
from inspector_app.sync.rekey import Rekey, followed
from inspector_app.sync.results import DUPLICATE, REFUSED, BatchResult, FileResult, Notice
from inspector_app.sync.upstream import apply_region_receipt, write_region_receipt
from inspector_app.sync.versions import check_readable

TrustNew = bool | Collection[str]
Progress = Callable[[int, int, str, int], bool | None]
"""progress(file index, file count, stage or record kind, records done); returning False
before a file ("file" stage) cancels the rest of the batch (files done so far stay). Once the
files are applied, ``progress(count, count, FINISHING, 0)``: the last commit (with any index
rebuilt), the checkpoint and the points' receipts follow, seconds at the district's scale."""
FINISHING = "finishing"
GROUP_RECORDS = 400_000


def package_files(folder: str | Path) -> list[Path]:
    """The package files in a folder, by name."""
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix == SUFFIX)


def peek(services: Services, path: str | Path) -> Manifest:
    """Decrypt and verify a file without importing it (the GUI asks about new points first)."""
    reader = PackageReader(Path(path), keys_of(services.db))
    return reader.verify()


@dataclass
class _Job:
    """A verified file ready to apply (again, if its group is rolled back)."""

    result: FileResult
    run: Callable[[DirectWriter], None]
    point: str
    records: int
    reader: PackageReader
    notices_before: int = 0
    ahead: Job | None = None
    """The worker's job for this file, when it may be prepared ahead (see :func:`_lookahead`)."""


def import_files(services: Services, paths: Iterable[str | Path], *, trust_new: TrustNew = False,
                 outbox: str | Path | None = None, keep_refused: bool = True,
                 progress: Progress | None = None) -> BatchResult:
    """Import every file; then (at the district) write receipts and reference packages."""
    services.require(Action.IMPORT)
    paths = [Path(p) for p in paths]
    keys = keys_of(services.db)
    batch = BatchResult()
    held = None
    with batch_settings(services.db), point_transactions(services.db):
        with Worker(services.db) as worker, _Groups(services) as groups:
            _import_each(services, keys, paths, batch, trust_new, progress, worker, groups)
            if progress is not None:
                progress(len(paths), len(paths), FINISHING, 0)
        heard_from = sorted({r.point for r in batch.files if r.ok and r.kind == RECORDS})
        if heard_from and services.is_district_office:  # hashed while the log is copied
            held = BackgroundHoldings(services.db, heard_from)
    for result in batch.files:
        if not result.ok and keep_refused and not isinstance(result.error, OutsideTerritory):
            result.kept_at = keep_aside(services.db.database, result.path, result.error,
                                        result.point, services.clock.now_local(),
                                        result.package_id)
    if held is not None:
        folder = Path(outbox) if outbox is not None else outbox_dir(services.db.database)
        batch.written = write_outgoing(services, keys, heard_from, folder, held.result())
    return batch


def _import_each(services: Services, keys: KeyPair, paths: list[Path], batch: BatchResult,
                 trust_new: TrustNew, progress: Progress | None, worker: Worker,
                 groups: _Groups) -> None:
    """Verify and apply each file in order (cancelled when ``progress`` says so)."""
    verified = None  # the next file's reader, verified ahead
    for index, path in enumerate(paths):
        def report(stage: str, done: int, index=index) -> None:
            if progress is not None:
                progress(index, len(paths), stage, done)

        if progress is not None and progress(index, len(paths), "file", 0) is False:
            return  # cancelled: the files not reached are not imported
        result = FileResult(path)
        batch.files.append(result)
        job = _verified(services, keys, path, result, trust_new, report, worker, verified)
        verified = None
        if job is not None:
            verified, ahead = _lookahead(services, keys, paths[index + 1:index + 2], trust_new,
                                         groups, job)
            worker.expect_next(ahead)
            groups.apply(job)


class _Groups:
    """The group transactions of a batch (see the module's description)."""

    def __init__(self, services: Services):
        self.services = services
        self.db = services.db
        self.on_server = is_server(self.db)
        self.jobs: list[_Job] = []
        self.records = 0
        self.writer = DirectWriter(self.db)
        self._transaction = None
        self._held: int | None = None  # rows the tables held when the group began
        self._set_aside: bulk_indexes.SetAside | None = None

    def __enter__(self) -> _Groups:
        self._context = self.db.atomic("IMMEDIATE")
        self._transaction = self._context.__enter__()
        return self

    def __exit__(self, *exc_info) -> bool | None:
        if exc_info[0] is None:
            try:
                self._complete()
            except BaseException as exc:  # a full disk while building indexes: roll back
                self._forget()
                self._context.__exit__(type(exc), exc, exc.__traceback__)
                raise
        else:
            self._forget()
        return self._context.__exit__(*exc_info)

    def _forget(self) -> None:
        """What the group kept beside its transaction, for a rollback (which brings back the
        deferred search triggers and the indexes set aside)."""
        self.writer.forget()
        self._set_aside = self._held = None

    def apply(self, job: _Job) -> None:
        if self.on_server or job.point in {j.point for j in self.jobs} \
                or job.result.kind != RECORDS or (
                self.records + job.records > GROUP_RECORDS and self.jobs
                and self._set_aside is None):
            self._commit()
        if job.result.kind == RECORDS and self._set_aside is None:
            self._consider_setting_aside(self.records + job.records)
        if self._run(job):
            self.jobs.append(job)
            self.records += job.records
            if job.result.kind != RECORDS:
                self._commit()
            return
        self._transaction.rollback()
        self._forget()
        survivors = self.jobs
        self.jobs, self.records = [], 0
        for earlier in survivors:
            earlier.result.counts.clear()
            earlier.result.notices[:] = earlier.result.notices[:earlier.notices_before]
            self.apply(earlier)

    def _consider_setting_aside(self, incoming: int) -> None:
        if self._held is None:
            self._held = bulk_indexes.rows_held(self.db, RECORD_TABLES)
        if bulk_indexes.worth_setting_aside(incoming, self._held):
            self._set_aside = bulk_indexes.SetAside(self.db, WRITTEN_TABLES)

    def _run(self, job: _Job) -> bool:
        job.notices_before = len(job.result.notices)
        try:
            if self.on_server and not self._locked(job):
                return True  # another importer applied it meanwhile: reported as such
            job.run(self.writer)
            self.writer.finish()  # its search index now, while the worker prepares the next
            return True
        except InspectorError as exc:
            job.result.error = exc
        except PeeweeDatabaseError as exc:
            job.result.error = SyncError("sync.conflict", reason=str(exc))
        except FILE_FAULTS as exc:  # refused alone; the group is rolled back
            job.result.error = unexpected(exc)
        job.result.status = REFUSED
        job.result.counts.clear()
        return False

    def _locked(self, job: _Job) -> bool:
        """On a server, one file per transaction: a records package takes its point's lock
        (files of one point follow each other, other points' import beside it), anything
        else the write lock. Returns False when the file turns out imported meanwhile."""
        if job.result.kind != RECORDS:
            self.db.lock_writes()
            return True
        self.db.lock_point(job.point)
        return not _already_imported(self.services, job.reader, job.result)

    def _complete(self) -> None:
        """The group's work before it commits: search indexes, then any indexes set aside."""
        self.writer.finish()
        if self._set_aside is not None:
            self._set_aside.restore()
            self._set_aside = None

    def _commit(self) -> None:
        if self.jobs:
            self._complete()
            self._transaction.commit()
        self.jobs, self.records = [], 0
        self._held = None


def _verified(services: Services, keys: KeyPair, path: Path, result: FileResult,
              trust_new: TrustNew, progress, worker: Worker | None = None,
              reader: PackageReader | None = None) -> _Job | None:
    """Pass one (no database writes): None when refused or already imported. ``reader``: the
    file's reader, verified already (the checks that read the database run again)."""
    try:
        if reader is None:
            reader = PackageReader(path, keys)
            reader.verify()
        manifest = reader.manifest
        result.kind, result.point = manifest.kind, manifest.sender
        result.package_id = manifest.package_id
        if manifest.kind == RECORDS:
            result.export_no = manifest.get("export_no")
        _check_versions(manifest)
        if manifest.kind == RECORDS:
            _check_territory(services, manifest, reader.forward)
        new_peer = _trusted_sender(services, keys, manifest, trust_new, result,
                                   reader.forward)
        if manifest.kind == RECORDS:
            _widen_territory(services, manifest.sender)
        if _already_imported(services, reader, result):
            return None
    except InspectorError as exc:
        result.error = exc
        return None
    except FILE_FAULTS as exc:  # a fault of one file refuses that file only
        result.error = unexpected(exc)
        return None
    ahead = None
    if manifest.kind == RECORDS:
        def run(writer: DirectWriter) -> None:
            apply_records(services, reader, result, new_peer, writer, progress, worker)

        try:
            ahead = preparing_job(services, reader) if for_worker(manifest) else None
        except InspectorError:  # refused when applied
            pass
    elif manifest.kind == RECEIPT:
        def run(writer: DirectWriter) -> None:
            apply_receipt(services, manifest, result, path.name, reader.file_sha256)
    elif manifest.kind == REGION_RECEIPT:
        def run(writer: DirectWriter) -> None:
            apply_region_receipt(services, manifest, result, path.name, reader.file_sha256)
    else:
        def run(writer: DirectWriter) -> None:
            apply_reference(services, reader, result, writer)
    return _Job(result, run, manifest.sender, sum(m.lines for m in manifest.members), reader,
                ahead=ahead)


def _already_imported(services: Services, reader: PackageReader, result: FileResult) -> bool:
    """Whether an authenticated file was imported before (then reported so, nothing changes);
    the same package id with other content, or from another sender, is refused."""
    manifest = reader.manifest
    known = state.inbound(services.db, manifest.package_id)
    if known is None:
        return False
    offset = services.clock.now_local() - services.clock.now_utc()
    date = f"{known.imported_at + offset:%d.%m.%Y %H:%M}"
    if known.point_code != manifest.sender or known.file_sha256 != reader.identity:
        raise SyncError("sync.package_id_reused", date=date)
    result.status = DUPLICATE
    result.notices.append(Notice("sync.already_imported", {"date": date}))
    return True


def _lookahead(services: Services, keys: KeyPair, following: list[Path], trust_new: TrustNew,
               groups: _Groups, current: _Job) -> tuple[PackageReader | None, Job | None]:
    """The file after ``current``, verified now (its reader is used again in its turn), and
    the worker's job for it if the worker may prepare it while ``current`` is finished: a
    large records package, not yet imported, of a point with nothing uncommitted in the
    transaction (the worker reads what is committed)."""
    if not following:
        return None, None
    upcoming = _verified(services, keys, following[0], FileResult(following[0]), trust_new,
                         None)
    if upcoming is None:
        return None, None
    if upcoming.point in {job.point for job in groups.jobs} | {current.point}:
        return upcoming.reader, None
    return upcoming.reader, upcoming.ahead


@contextmanager
def point_transactions(db) -> Iterator[None]:
    """A server database's import transactions lock per point (see :class:`_Groups`)."""
    if not is_server(db):
        yield
        return
    with db.point_transactions():
        yield


@contextmanager
def batch_settings(db) -> Iterator[None]:
    """The connection's settings for a batch of imports, as they were afterwards.

    - The write-ahead log is copied into the database file once, at the end (SQLite's automatic
      checkpoint would fsync several megabytes after nearly every commit); that checkpoint also
      makes the batch durable before receipts acknowledge it.
    - SQLite's foreign-key check is off: every reference of every imported record is already
      checked by the services' rules (see :mod:`inspector_app.sync.apply`), and looking each
      one up a second time cost a sixth of a large import.

    A server database has neither (its log is its own; its foreign keys stay checked); after
    the batch its planner's statistics of the tables written are taken again (a bulk import
    left without them made a year's stats 4 times slower until autovacuum came round).
    """
    if is_server(db):
        yield
        tables = ", ".join(f'"{table}"' for table in WRITTEN_TABLES)
        db.execute_sql(f"ANALYZE {tables}")
        return
    try:
        with pragma_while(db, "wal_autocheckpoint", 0), pragma_while(db, "foreign_keys", 0):
            yield
    finally:
        db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")


def write_outgoing(services: Services, keys: KeyPair, points: list[str], folder: Path,
                   held: dict[str, tuple[str, int]] | None = None) -> list[Path]:
    """Receipts for ``points`` and, where needed, reference packages, into ``folder``
    (``held``: the points' holdings when already computed). At a region: a receipt per point
    for the point's district, which forwarded its packages."""
    folder.mkdir(parents=True, exist_ok=True)
    if services.is_region:
        return [write_region_receipt(services, state.peer(services.db, code), keys, folder,
                                     (held or {}).get(code))
                for code in points if state.peer(services.db, code) is not None]
    documents = catalogue_documents(services.db)  # the same for every point: read once
    current = reference_digest(services, documents)
    written = []
    for code in points:
        peer = state.peer(services.db, code)
        if peer is None:  # its file was not applied (nothing is owed to an unenrolled sender)
            continue
        written.append(write_receipt(services, peer, keys, folder, (held or {}).get(code)))
        if peer.reference_digest != current:
            written.append(write_reference(services, peer, keys, folder, documents))
    return written


def _check_versions(manifest: Manifest) -> None:
    check_readable(manifest.schema_version)


def _check_territory(services: Services, manifest: Manifest,
                     forward: ForwardNote | None) -> None:
    """Refuse a point's package outside the session's territory (at a region, a point of a
    district the territory holds is in it), before anything else: nor is it enrolled."""
    district = forward.district if forward is not None else None
    if not territory_of(services.db).allows(manifest.sender, district):
        raise OutsideTerritory("sync.outside_territory", point=manifest.sender)


def _widen_territory(services: Services, point_code: str) -> None:
    """A trusted package of a point new to a region account's territory (a point of one of
    its districts, :func:`_check_territory`): from now on the session reads and writes that
    point's rows too (on a server the row-level security lets them in)."""
    session = services.session
    if session is not None and session.territory.including(point_code) != session.territory:
        services.session = replace(session, territory=session.territory.including(point_code))


def _confirmed(trust_new: TrustNew, fingerprint: str) -> bool:
    """Whether the operator confirmed enrolling the point of this fingerprint."""
    return trust_new is True or (not isinstance(trust_new, bool) and fingerprint in trust_new)


def _trusted_sender(services: Services, keys: KeyPair, manifest: Manifest,
                    trust_new: TrustNew, result: FileResult,
                    forward: ForwardNote | None = None) -> state.Peer | Rekey | None:
    """Check the sender; returns a peer to enrol or (at a region) a point's new keys to take,
    both inside the import transaction, or None."""
    db = services.db
    own = services.point_code
    if services.is_region:
        return _trusted_forward(services, keys, manifest, trust_new, result, forward)
    if forward is not None:  # a region's file
        raise SyncError("sync.wrong_recipient")
    if manifest.recipient != own:
        raise SyncError("sync.wrong_recipient")
    fingerprint = manifest.keys.fingerprint
    if manifest.sender == own or manifest.keys == keys.public:
        raise SyncError("sync.own_package")
    if services.is_district_office and manifest.kind == REGION_RECEIPT:
        peer = state.region(db)
        if (manifest.sender_kind != state.REGION_ROLE or peer is None
                or peer.point_code != manifest.sender):
            raise SyncError("sync.not_from_region", point=manifest.sender)
    elif services.is_district_office:
        if manifest.kind != RECORDS or manifest.sender_kind != "point":
            raise SyncError("sync.wrong_kind", kind=manifest.kind)
        peer = state.peer(db, manifest.sender)
        if peer is not None and peer.role != state.POINT_ROLE:
            raise SyncError("sync.wrong_kind", kind=manifest.kind)
        if peer is None:
            if _confirmed(trust_new, fingerprint):
                result.notices.append(Notice("sync.enrolled", {
                    "point": manifest.sender, "fingerprint": fingerprint}, warning=True))
                return state.Peer(manifest.sender, state.POINT_ROLE, manifest.sender_name[:200],
                                  manifest.database_id, manifest.keys, fingerprint,
                                  services.clock.now_utc().replace(microsecond=0),
                                  services.actor_login)
            raise SyncError("sync.unknown_point", point=manifest.sender,
                            fingerprint=fingerprint)
    else:
        if manifest.kind not in (RECEIPT, REFERENCE) or manifest.sender_kind != "district":
            raise SyncError("sync.wrong_kind", kind=manifest.kind)
        peer = state.district(db)
        if peer is None or peer.point_code != manifest.sender:
            raise SyncError("sync.not_from_district", point=manifest.sender)
    if peer.keys != manifest.keys:
        raise SyncError("sync.key_mismatch", point=manifest.sender, fingerprint=fingerprint,
                        expected=peer.fingerprint)
    if manifest.kind == RECORDS:
        _check_database(services, peer, manifest)
    return None


def _trusted_forward(services: Services, keys: KeyPair, manifest: Manifest,
                     trust_new: TrustNew, result: FileResult,
                     forward: ForwardNote | None) -> state.Peer | Rekey | None:
    """At a region: a point's records package forwarded by one of the region's districts, the
    district the point belongs to (the first package's district, or the one the operator
    confirms for a new point). Returns a point to enrol, the point's new keys that its
    district's note vouches for, or None."""
    db = services.db
    if forward is None or manifest.kind != RECORDS or manifest.sender_kind != "point":
        raise SyncError("sync.region_takes_forwarded", kind=manifest.kind)
    if forward.region != services.point_code:
        raise SyncError("sync.wrong_recipient")
    if manifest.sender == services.point_code or manifest.keys == keys.public:
        raise SyncError("sync.own_package")
    district = state.peer(db, forward.district)
    if (district is None or district.role != state.DISTRICT_ROLE
            or district.keys != forward.district_keys):
        raise SyncError("sync.forward_unknown_district", district=forward.district,
                        fingerprint=forward.district_keys.fingerprint)
    fingerprint = manifest.keys.fingerprint
    peer = state.peer(db, manifest.sender)
    if peer is None:
        if not _confirmed(trust_new, fingerprint):
            raise SyncError("sync.unknown_point", point=manifest.sender,
                            fingerprint=fingerprint)
        result.notices.append(Notice("sync.enrolled_via", {
            "point": manifest.sender, "fingerprint": fingerprint,
            "district": forward.district}, warning=True))
        return state.Peer(manifest.sender, state.POINT_ROLE, manifest.sender_name[:200],
                          manifest.database_id, manifest.keys, fingerprint,
                          services.clock.now_utc().replace(microsecond=0),
                          services.actor_login, district=forward.district)
    if peer.role != state.POINT_ROLE:
        raise SyncError("sync.wrong_kind", kind=manifest.kind)
    if peer.district != forward.district and forward.key_changes:
        raise SyncError("sync.key_change_other_district", point=peer.point_code,
                        district=peer.district, claimed=forward.district)
    if peer.district != forward.district:
        raise SyncError("sync.point_other_district", point=peer.point_code,
                        district=peer.district, claimed=forward.district)
    rekey = None
    if peer.keys != manifest.keys:
        rekey = followed(peer, manifest.keys, forward.key_changes, forward.district)
    _check_database(services, peer, manifest)
    return rekey


def _check_database(services: Services, peer: state.Peer, manifest: Manifest) -> None:
    """Refuse a package of a point's former database, and an export number of its current
    one that came before with other content."""
    db = services.db
    if (peer.database_id and manifest.database_id != peer.database_id
            and state.database_seen(db, peer.point_code, manifest.database_id)):
        when = peer.reinstalled_at
        offset = services.clock.now_local() - services.clock.now_utc()
        raise SyncError("sync.old_database", point=peer.point_code,
                        date=f"{when + offset:%d.%m.%Y}" if when else "?")
    export_no = manifest.int_field("export_no")
    known = state.inbound_export(db, peer.point_code, manifest.database_id, export_no)
    if known is not None and known.package_id != manifest.package_id:
        raise SyncError("sync.export_no_reused", number=export_no, point=peer.point_code)
