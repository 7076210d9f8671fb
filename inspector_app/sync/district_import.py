"""Import of a point's records package at the district office: one transaction, all or nothing.

Called once the package has been decrypted and its signature, manifest and hashes checked
(:meth:`PackageReader.verify`) and its sender found trusted. Inside the importer's immediate
transaction it streams every member again (:func:`prepare_records`: records kind by kind,
referenced kinds first, then the audit trail), writes what that prepares; then it updates
what the district knows of the point (coverage, gaps, counts), follows the point's
destruction of records past their retention period (:mod:`.destruction`), logs the package and
adds an "import" entry to the district's own audit chain. Any error rolls the file back.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from inspector_app.services.context import Services
from inspector_app.services.records import next_change_seq, write_audit
from inspector_app.storage.models import SYNCED_MODELS
from inspector_app.sync import state
from inspector_app.sync.codec import AUDIT_MEMBER, BY_MEMBER, CODECS
from inspector_app.sync.coverage import Coverage, coverage
from inspector_app.sync.destruction import follow_destruction
from inspector_app.sync.errors import SyncError
from inspector_app.sync.holdings import holdings
from inspector_app.sync.manifest import Manifest
from inspector_app.sync.package import PackageReader
from inspector_app.sync.pipeline import DirectWriter, Worker
from inspector_app.sync.prepare import Job, Prepared, prepare_records
from inspector_app.sync.rekey import Rekey, apply_rekey
from inspector_app.sync.results import IMPORTED, FileResult, Notice
from inspector_app.sync.versions import peer_schema_key, tables_added_after

WORKER_RECORDS = 2_000
"""Packages at least this large are prepared in a worker process (see pipeline)."""


def expected_members(schema_version: int) -> list[str]:
    """The members of a records package of ``schema_version``, in order (the kinds its
    schema had, then the audit trail)."""
    newer = tables_added_after(schema_version)
    return [CODECS[m].member for m in SYNCED_MODELS if CODECS[m].table not in newer] + [
        AUDIT_MEMBER]


_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def check_records_manifest(manifest: Manifest) -> dict[str, int]:
    """The records-specific fields of a manifest, checked; :class:`SyncError` otherwise."""
    fields = {name: manifest.int_field(name) for name in (
        "export_no", "seq_from", "seq_to", "audit_from", "audit_to")}
    if fields["export_no"] < 1 or fields["seq_to"] < fields["seq_from"] or (
            fields["audit_to"] < fields["audit_from"]):
        raise SyncError("sync.bad_manifest", field="range")
    full = manifest.get("full")
    if not isinstance(full, bool) or (full and (fields["seq_from"] or fields["audit_from"])):
        raise SyncError("sync.bad_manifest", field="full")
    manifest.text_field("checksum", _HEX64)
    if [m.name for m in manifest.members] != expected_members(manifest.schema_version):
        raise SyncError("sync.bad_manifest", field="members")
    counts = manifest.get("counts")
    if not isinstance(counts, dict):
        raise SyncError("sync.bad_manifest", field="counts")
    if counts.keys() != {BY_MEMBER[m.name].table for m in manifest.members[:-1]}:
        raise SyncError("sync.bad_manifest", field="counts")
    for member in manifest.members[:-1]:
        declared = counts.get(BY_MEMBER[member.name].table)
        if (not isinstance(declared, dict) or declared.keys() != {"records", "tombstones"}
                or declared["records"] != member.lines
                or declared["tombstones"].__class__ is not int
                or not 0 <= declared["tombstones"] <= member.lines):
            raise SyncError("sync.bad_manifest", field="counts")
    if manifest.members[-1].lines > fields["audit_to"] - fields["audit_from"]:  # fewer: a restore
        raise SyncError("sync.bad_manifest", field="audit")
    return fields


def preparing_job(services: Services, reader: PackageReader) -> Job:
    """What preparing a verified records package takes (the same job every time)."""
    manifest = reader.manifest
    fields = check_records_manifest(manifest)
    peer = state.peer(services.db, manifest.sender)
    return Job(str(reader.path), (reader._trailer.manifest, reader._trailer.signature),
               reader.file_sha256, manifest.sender, manifest.database_id, services.point_code,
               fields["seq_from"],
               fields["seq_to"], fields["audit_from"], fields["audit_to"],
               manifest.created_at + timedelta(minutes=manifest.utc_offset_minutes),
               tombstones={table: c["tombstones"] for table, c in manifest.get("counts").items()},
               fresh=peer is None or not any(any(pair) for pair in peer.counts.values()),
               schema_version=manifest.schema_version, forward=reader.forward_frame)


def for_worker(manifest: Manifest) -> bool:
    """Whether a package is large enough for the worker process."""
    return sum(m.lines for m in manifest.members) >= WORKER_RECORDS


def apply_records(services: Services, reader: PackageReader, result: FileResult,
                  new_peer: state.Peer | Rekey | None, writer: DirectWriter, progress=None,
                  worker: Worker | None = None) -> None:
    """Apply a verified records package inside the caller's (immediate) transaction; fills
    ``result``. Raises on anything wrong: the caller rolls back. A package of at least
    :data:`WORKER_RECORDS` records is prepared by ``worker`` when one is given."""
    manifest = reader.manifest
    fields = check_records_manifest(manifest)
    db = services.db
    sender = manifest.sender
    job = preparing_job(services, reader)
    if isinstance(new_peer, Rekey):
        if apply_rekey(services, new_peer):
            result.notices.append(Notice("sync.key_followed", {
                "point": sender, "district": new_peer.chain[-1].district,
                "old": new_peer.held, "fingerprint": new_peer.keys.fingerprint,
                "by": new_peer.chain[-1].accepted_by}, warning=True))
    elif new_peer is not None:
        enrolled = state.peer(db, sender)  # by a file before it in the batch
        if enrolled is not None and enrolled.district != new_peer.district:
            raise SyncError("sync.point_other_district", point=sender,
                            district=enrolled.district, claimed=new_peer.district)
        state.save_peer(db, new_peer)
    peer = state.peer(db, sender)
    if peer.database_id and peer.database_id != manifest.database_id:
        retire_former_database(db, peer, manifest)
        offset = services.clock.now_local() - services.clock.now_utc()
        result.notices.append(Notice("sync.reinstalled", {
            "point": sender, "date": f"{manifest.created_at + offset:%d.%m.%Y}"}, warning=True))
    if worker is not None and worker.available and for_worker(manifest):
        prepared = worker.run(job, writer, progress)
    else:
        services.catalogues.reload_if_changed()  # another process may have loaded one
        prepared = prepare_records(db, reader, job, writer, progress, services.catalogues)
    result.counts.update(prepared.counts)
    now = services.clock.now_utc().replace(microsecond=0)
    destroyed = follow_destruction(services, sender, manifest.database_id, prepared.destroyed,
                                   now, prepared.count_delta) if prepared.destroyed else []
    state.add_inbound(db, state.InboundEntry(
        manifest.package_id, sender, manifest.kind, fields["export_no"],
        bool(manifest.get("full")), fields["seq_from"], fields["seq_to"],
        manifest.created_at, now, services.actor_login, reader.path.name[:300],
        reader.identity, {"counts": result.counts}, manifest.database_id))
    held = _update_peer(db, peer, manifest, prepared, now)
    write_audit(now, services.actor_login, "import", "sync_inbound", manifest.package_id,
                next_change_seq(), None,
                {"point": sender, "export_no": fields["export_no"],
                 "file": reader.path.name, "counts": result.totals(),
                 **({"destroyed": destroyed} if destroyed else {})})
    result.status = IMPORTED
    if destroyed:
        result.notices.append(Notice("sync.destroyed", {"count": len(destroyed),
                                                        "point": sender}))
    result.notices.extend(coverage_notices(sender, held))
    if prepared.conflict_ids:
        result.notices.append(Notice("sync.conflicts", {
            "count": len(prepared.conflict_ids), "ids": ", ".join(prepared.conflict_ids[:5])},
            warning=True))


def _update_peer(db, peer: state.Peer, manifest: Manifest, prepared: Prepared,
                 now: datetime) -> Coverage:
    peer.name = manifest.sender_name[:200]
    peer.database_id = manifest.database_id
    digest = manifest.get("reference_digest")
    if isinstance(digest, str) and len(digest) <= 64:
        peer.reference_digest = digest
    if peer.last_package_at is None or manifest.created_at > peer.last_package_at:
        peer.last_package_at = manifest.created_at
        state.set_state(db, peer_schema_key(peer.point_code), manifest.schema_version)
    peer.last_imported_at = now
    for kind, (live, deleted) in prepared.count_delta.items():
        held = peer.counts.setdefault(kind, [0, 0])
        peer.counts[kind] = [held[0] + live, held[1] + deleted]
    held = coverage((e.export_no, e.seq_from, e.seq_to) for e in state.inbound_of(
        db, peer.point_code, manifest.kind, manifest.database_id))
    peer.last_export_no = held.last_export_no
    peer.held_export_no = held.held_export_no
    peer.held_seq = held.held_seq
    peer.gaps = held.gaps
    state.save_peer(db, peer)
    return held


RETIRED_UNIQUE = (("staff", "login"), ("appeal", "talon_number"),
                  ("offence", "protocol_number"))
"""Columns unique per point that a re-installed point's new database uses again."""


def retire_former_database(db, peer: state.Peer, manifest: Manifest) -> None:
    """A point re-installed: its new database continues the point's history.

    What the district holds of the former database stays, frozen (that database's packages
    are refused from now on): its point profile becomes a tombstone under the code
    ``<code>~<5 hex digits of the former database id>``, and its staff logins, talon and
    protocol numbers get the same suffix, so the new database's profile, first account and
    numbers (same code, same login, numbering from 1 again) find their places. (The paper
    talon keeps its number; the suffix tells the two databases' talons apart, and the
    search text, left as it was, still finds the paper number.) The checksum of everything
    held then is set aside, so that receipts acknowledge exactly what the new database sent
    (``retired_checksum``).
    """
    suffix = "~" + peer.database_id[:5]
    now = str(manifest.created_at)
    db.execute_sql('UPDATE "point" SET code = substr(code, 1, 26) || ?, deleted = 1, '
                   'deleted_at = COALESCE(deleted_at, ?) WHERE owner_point = ? AND code = ?',
                   (suffix, now, peer.point_code, peer.point_code))
    for table, column in RETIRED_UNIQUE:
        db.execute_sql(f'UPDATE "{table}" SET "{column}" = "{column}" || ? WHERE owner_point = ? '
                       f'AND "{column}" NOT LIKE \'%~%\'', (suffix, peer.point_code))
    peer.retired_checksum = holdings(db, peer.point_code)[0]
    peer.reinstalled_at = manifest.created_at
    state.save_peer(db, peer)


def coverage_notices(point: str, held: Coverage) -> list[Notice]:
    """Report lines for the exports of ``point`` that have not arrived."""
    notices = [Notice("sync.gap", {"number": n, "point": point}, warning=True)
               for n in held.gaps]
    notices += [Notice("sync.break", {"number": n, "point": point}, warning=True)
                for n in held.breaks]
    notices += [Notice("sync.skipped", {"number": n, "point": point}) for n in held.skipped]
    return notices
