"""Export at a point: one package with everything the district has not acknowledged yet.

By default a package holds every record of the point whose change sequence is above the mark
the district last acknowledged (and the audit entries after the acknowledged one); with
``full`` (or after a receipt's checksum did not match) it holds everything the point owns.
The whole export runs in one immediate transaction: the records, the export log row and the
file name all agree, and an edit made meanwhile waits for the export or goes into the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector_app import __version__
from inspector_app.domain.permissions import Action
from inspector_app.services.context import Services
from inspector_app.storage.migrations import LATEST_VERSION
from inspector_app.storage.models import SYNCED_MODELS
from inspector_app.sync import restored, state, trail
from inspector_app.sync.codec import AUDIT_MEMBER, CODECS
from inspector_app.sync.errors import SyncError
from inspector_app.sync.holdings import holdings
from inspector_app.sync.keys import keys_of
from inspector_app.sync.manifest import RECORDS, utc_text
from inspector_app.sync.package import SUFFIX, PackageWriter, new_package_id
from inspector_app.sync.trust import database_kind
from inspector_app.sync.versions import district_behind

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class ExportResult:
    """What one export wrote."""

    path: Path
    export_no: int
    full: bool
    seq_from: int
    seq_to: int
    counts: dict[str, dict[str, int]]
    audit_entries: int
    district_schema: int | None = None
    """The district's schema when its program is older than this one: the package will wait
    there until the district updates (see :mod:`inspector_app.sync.versions`)."""

    @property
    def records(self) -> int:
        return sum(c["records"] for c in self.counts.values())

    def district_notice(self) -> tuple[str, dict[str, int]] | None:
        """The message (code, parameters) telling the point its package will wait, if so."""
        if self.district_schema is None:
            return None
        return "sync.district_older", {"district": self.district_schema, "own": LATEST_VERSION}


def package_name(point_code: str, day, export_no: int) -> str:
    """``ATY-017_2026-11-25_0012.isync``: the point, the date and the export number."""
    return f"{point_code}_{day:%Y-%m-%d}_{export_no:04d}{SUFFIX}"


def utc_offset_minutes(services: Services) -> int:
    delta = services.clock.now_local() - services.clock.now_utc()
    return round(delta.total_seconds() / 60)


def manifest_head(services: Services, kind: str, recipient: str, now: datetime,
                  package_id: str | None = None,
                  schema_version: int = LATEST_VERSION) -> dict[str, Any]:
    """The fields every manifest this database writes starts with (see docs/sync-format.md);
    ``schema_version``: the shape its lines are written in (older for an older point)."""
    return {
        "kind": kind, "package_id": package_id or new_package_id(),
        "sender": services.point_code, "sender_name": services.points.current().name,
        "sender_kind": database_kind(services),
        "database_id": state.meta_value(services.db, "database_id") or "",
        "recipient": recipient, "schema_version": schema_version, "app_version": __version__,
        "created_at": utc_text(now), "utc_offset_minutes": utc_offset_minutes(services),
    }


def export_package(services: Services, out_dir: str | Path, *, full: bool = False,
                   progress: Progress | None = None, after_restore: bool = False) -> ExportResult:
    """Write the next package of this point into ``out_dir``; returns what it holds.

    A database restored from a backup waits for the district's receipt first (see
    :mod:`inspector_app.sync.restored`); ``after_restore`` says nothing was sent after the
    backup."""
    services.require(Action.EXPORT)
    if services.is_district_office:
        raise SyncError("sync.export_at_district")
    db = services.db
    district = state.district(db)
    if district is None:
        raise SyncError("sync.no_district")
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise SyncError("sync.no_folder", path=str(out_dir))
    keys = keys_of(db)
    point = services.point_code
    writer: PackageWriter | None = None
    try:
        with db.atomic("IMMEDIATE"):
            if restored.waiting_for_receipt(db):
                if not after_restore:
                    raise SyncError("sync.restored_wait", point=point)
                state.set_state(db, restored.PENDING, "0")
            forced = state.get_state(db, "next_full") == "1"
            full = full or forced
            seq_from = 0 if full else int(state.get_state(db, "ack_seq", "0"))
            audit_from = 0 if full else int(state.get_state(db, "ack_audit", "0"))
            seq_to = int(state.meta_value(db, "change_seq") or 0)
            audit_to = trail.last_entry_id(db)
            export_no = restored.next_export_no(db)
            checksum, held = holdings(db, point)
            path = out_dir / package_name(point, services.clock.today(), export_no)
            writer = PackageWriter(path, district.keys)
            counts = _write_records(db, writer, point, seq_from, seq_to, progress)
            member = writer.member(AUDIT_MEMBER)
            for row in db.execute_sql(trail.EXPORT_SQL, (audit_from, audit_to)):
                member.write_line(trail.encode(row))
            audit_entries = writer.add(member).lines
            package_id = new_package_id()
            now = services.clock.now_utc().replace(microsecond=0)
            writer.seal({
                **manifest_head(services, RECORDS, district.point_code, now, package_id),
                "export_no": export_no,
                "full": full, "seq_from": seq_from, "seq_to": seq_to, "audit_from": audit_from,
                "audit_to": audit_to, "checksum": checksum, "holdings": held, "counts": counts,
                "reference_digest": state.get_state(db, "reference_digest", "") or "",
            }, keys)
            state.add_export(db, state.ExportEntry(
                export_no, package_id, full, seq_from, seq_to, audit_from, audit_to,
                sum(c["records"] for c in counts.values()), checksum, now,
                services.actor_login, path.name, counts))
            if forced:
                state.set_state(db, "next_full", "0")
            writer.publish()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    return ExportResult(path, export_no, full, seq_from, seq_to, counts, audit_entries,
                        district_behind(db))


def _write_records(db, writer: PackageWriter, point: str, seq_from: int, seq_to: int,
                   progress: Progress | None) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for model in SYNCED_MODELS:
        codec = CODECS[model]
        member = writer.member(codec.member)
        deleted_at = codec.deleted_index
        tombstones = 0
        for row in db.execute_sql(codec.export_sql, (point, seq_from, seq_to)):
            member.write_line(codec.encode(row))
            tombstones += 1 if row[deleted_at] else 0
        info = writer.add(member)
        counts[codec.table] = {"records": info.lines, "tombstones": tombstones}
        if progress is not None:
            progress(codec.table, info.lines)
    return counts
