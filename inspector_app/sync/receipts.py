"""Receipts: the district tells a point what it holds; the point moves its acknowledged mark.

A receipt (a package of kind ``receipt`` with no members, signed by the district and encrypted
to the point) carries: the highest export number up to which the district holds every change,
the highest that arrived, the missing ones, and the checksum of the (id, version) pairs it holds
for the point. The point compares the checksum with the one it noted when it wrote that export:

- equal: the mark moves to that export, and the next export starts after it;
- different (records lost, a database restored from a backup on either side): the mismatch is
  reported, the mark stays, and the next export is full;
- lower than the mark already acknowledged in a receipt newer than the last one applied (the
  district restored an older copy): reported, and the next export is full. A receipt older
  than the last one applied (it travelled slowly) changes nothing;
- naming exports this database never wrote (it was restored from an older copy): the next
  export continues after the district's last number and is full (see
  :mod:`inspector_app.sync.restored`).

The district computes the checksum afresh from the records it holds when it writes the receipt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector_app.services.context import Services
from inspector_app.sync import restored, state
from inspector_app.sync.errors import SyncError
from inspector_app.sync.export import manifest_head
from inspector_app.sync.holdings import holdings, without
from inspector_app.sync.keys import KeyPair
from inspector_app.sync.manifest import INT_LIMIT, RECEIPT, Manifest
from inspector_app.sync.package import SUFFIX, write_new
from inspector_app.sync.results import IMPORTED, FileResult, Notice
from inspector_app.sync.versions import note_district_schema, schema_for_point


def receipt_name(point_code: str, day, number: int) -> str:
    return f"{point_code}_receipt_{day:%Y-%m-%d}_{number:04d}{SUFFIX}"


def write_receipt(services: Services, peer: state.Peer, keys: KeyPair, out_dir: Path,
                  held_now: tuple[str, int] | None = None) -> Path:
    """Write the receipt for ``peer`` (a point) into ``out_dir``; no database change.

    ``held_now``: the point's :func:`holdings` when already computed.
    """
    db = services.db
    now = services.clock.now_utc().replace(microsecond=0)
    held = held_fields(db, peer, held_now)
    manifest = {**manifest_head(services, RECEIPT, peer.point_code, now,
                                schema_version=schema_for_point(db, peer.point_code)), **held}
    name = receipt_name(peer.point_code, services.clock.today(), held["receipt_no"])
    return write_new(
        lambda n: out_dir / (name if n == 0 else name.replace(SUFFIX, f"-{n}{SUFFIX}")),
        peer.keys, lambda writer: writer.seal(manifest, keys))


def held_fields(db, peer: state.Peer, held_now: tuple[str, int] | None = None) -> dict:
    """What a receipt says this office holds of ``peer`` (a point): its ``receipt_no``,
    ``point_database_id``, ``held_*``, ``last_export_no``, ``gaps``, ``checksum``, ``records``
    (``held_now``: the point's :func:`holdings` when already computed)."""
    checksum, held = held_now or holdings(db, peer.point_code)
    return {
        "receipt_no": len(state.inbound_of(db, peer.point_code, "records")),
        "point_database_id": peer.database_id, "held_export_no": peer.held_export_no,
        "held_seq": peer.held_seq, "last_export_no": peer.last_export_no, "gaps": peer.gaps,
        "checksum": without(checksum, peer.retired_checksum),  # a re-installed point's former
        "records": held,                                       # data is not acknowledged
    }


@dataclass(frozen=True)
class Acknowledged:
    """The district's last acknowledgement as this point knows it."""

    export_no: int
    at: datetime
    """When the district wrote the receipt (UTC)."""
    received_at: datetime | None


def last_acknowledged(db) -> Acknowledged | None:
    """What the status bar shows: "last acknowledged by the district: date" (None if never)."""
    number = int(state.get_state(db, "ack_export_no", "0") or 0)
    if number == 0:
        return None
    return Acknowledged(number, state.parse_moment(state.get_state(db, "ack_at")),
                        state.parse_moment(state.get_state(db, "ack_received_at")))


def apply_receipt(services: Services, manifest: Manifest, result: FileResult,
                  file_name: str, file_sha256: str) -> None:
    """Apply a verified receipt at the point, inside the caller's transaction."""
    db = services.db
    number = manifest.int_field("receipt_no")
    held_no = manifest.int_field("held_export_no")
    last_no = manifest.int_field("last_export_no")
    checksum = manifest.text_field("checksum")
    gaps = manifest.get("gaps")
    if not isinstance(gaps, list) or len(gaps) > 10_000 or not all(
            g.__class__ is int and 0 < g < INT_LIMIT for g in gaps):
        raise SyncError("sync.bad_manifest", field="gaps")
    own_db = state.meta_value(db, "database_id") or ""
    if manifest.get("point_database_id") != own_db:
        raise SyncError("sync.receipt_other_database")
    result.export_no = held_no
    note_district_schema(db, manifest.schema_version)
    now = services.clock.now_utc().replace(microsecond=0)
    acknowledged = int(state.get_state(db, "ack_export_no", "0") or 0)
    latest = state.parse_moment(state.get_state(db, "receipt_at"))
    entry = state.export_entry(db, held_no) if held_no else None
    own_last = state.last_export_no(db)
    stale = latest is not None and manifest.created_at < latest
    beyond = None if stale else restored.learn_from_receipt(db, last_no)
    lost = None
    if not stale and beyond is None and entry is not None and last_no == held_no and (
            restored.expected_checksum(db, entry.checksum) != checksum):
        lost = restored.adopt_offset(db, entry.checksum, entry.records, entry.full, checksum,
                                     manifest.int_field("records"))
    if stale:
        result.notices.append(Notice("sync.receipt_nothing_new", {"number": held_no}))
        gaps = []
    elif beyond is not None or (held_no and entry is None):
        result.notices.append(Notice("sync.receipt_restored", {
            "number": last_no, "own": own_last, "next": restored.next_export_no(db)},
            warning=True))
    elif held_no and last_no == held_no and lost is None and (
            restored.expected_checksum(db, entry.checksum) != checksum):
        result.notices.append(Notice("sync.receipt_mismatch", {"number": held_no},
                                     warning=True))
        state.set_state(db, "next_full", "1")
    elif held_no < acknowledged:
        result.notices.append(Notice("sync.receipt_behind", {
            "number": held_no, "acknowledged": acknowledged}, warning=True))
        state.set_state(db, "next_full", "1")
    elif held_no > acknowledged:
        state.set_state(db, "ack_export_no", held_no)
        state.set_state(db, "ack_seq", entry.seq_to)
        state.set_state(db, "ack_audit", entry.audit_to)
        state.set_state(db, "ack_at", str(manifest.created_at))
        state.set_state(db, "ack_received_at", str(now))
        result.notices.append(Notice("sync.receipt_acknowledged", {"number": held_no}))
        if lost is not None:
            result.notices.append(Notice("sync.receipt_kept_lost", {"count": lost},
                                         warning=True))
    else:
        result.notices.append(Notice("sync.receipt_nothing_new", {"number": held_no}))
    if latest is None or manifest.created_at >= latest:
        state.set_state(db, "receipt_at", str(manifest.created_at))
        state.set_state(db, "district_gaps", json.dumps(gaps))
    for gap in gaps:
        result.notices.append(Notice("sync.receipt_gap", {"number": gap}, warning=True))
    state.add_inbound(db, state.InboundEntry(
        manifest.package_id, manifest.sender, RECEIPT, number, False, 0, 0,
        manifest.created_at, now, services.actor_login, file_name[:300], file_sha256,
        {"held_export_no": held_no, "notices": [n.code for n in result.notices]},
        manifest.database_id))
    result.status = IMPORTED
