"""Receipts one level up: the region tells a district what it holds of each of its points.

After a batch of forwarded packages the region writes, for every point it heard from, a
``region_receipt`` (signed by the region, encrypted to the point's district) with what a
district's receipt tells a point (held and last export, gaps, the holdings checksum, the number
of records) and the point's code. The district keeps the latest per point (``sync_upstream``)
and compares the region's checksum with its own: ``sync-status`` then shows what the region
holds of each point and which exports still need forwarding.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app.services.context import Services
from inspector_app.sync import state
from inspector_app.sync.errors import SyncError
from inspector_app.sync.export import manifest_head
from inspector_app.sync.holdings import holdings, without
from inspector_app.sync.keys import KeyPair
from inspector_app.sync.manifest import INT_LIMIT, POINT_CODE, REGION_RECEIPT, Manifest
from inspector_app.sync.package import SUFFIX, write_new
from inspector_app.sync.receipts import held_fields
from inspector_app.sync.results import IMPORTED, FileResult, Notice
from inspector_app.sync.versions import schema_for_point


def region_receipt_name(point_code: str, day, number: int) -> str:
    return f"{point_code}_region-receipt_{day:%Y-%m-%d}_{number:04d}{SUFFIX}"


def write_region_receipt(services: Services, peer: state.Peer, keys: KeyPair, out_dir: Path,
                         held_now: tuple[str, int] | None = None) -> Path:
    """At a region: the receipt for ``peer`` (a point) to its district; no database change."""
    db = services.db
    district = state.peer(db, peer.district)
    if district is None or district.role != state.DISTRICT_ROLE:
        raise SyncError("sync.forward_unknown_district", district=peer.district, fingerprint="—")
    now = services.clock.now_utc().replace(microsecond=0)
    held = held_fields(db, peer, held_now)
    manifest = {**manifest_head(services, REGION_RECEIPT, district.point_code, now,
                                schema_version=schema_for_point(db, peer.point_code)),
                **held, "point": peer.point_code}
    name = region_receipt_name(peer.point_code, services.clock.today(), held["receipt_no"])
    return write_new(
        lambda n: out_dir / (name if n == 0 else name.replace(SUFFIX, f"-{n}{SUFFIX}")),
        district.keys, lambda writer: writer.seal(manifest, keys))


def _gaps(manifest: Manifest) -> list[int]:
    gaps = manifest.get("gaps")
    if not isinstance(gaps, list) or len(gaps) > 10_000 or not all(
            g.__class__ is int and 0 < g < INT_LIMIT for g in gaps):
        raise SyncError("sync.bad_manifest", field="gaps")
    return gaps


def apply_region_receipt(services: Services, manifest: Manifest, result: FileResult,
                         file_name: str, file_sha256: str) -> None:
    """At a district: keep what the region holds of one of its points (inside the caller's
    transaction). A receipt older than the one kept changes nothing."""
    db = services.db
    point = manifest.text_field("point", POINT_CODE)
    peer = state.peer(db, point)
    if peer is None or peer.role != state.POINT_ROLE:
        raise SyncError("sync.region_receipt_unknown_point", point=point)
    held = {name: manifest.int_field(name) for name in (
        "receipt_no", "held_export_no", "held_seq", "last_export_no", "records")}
    checksum = manifest.text_field("checksum")
    gaps = _gaps(manifest)
    database_id = manifest.text_field("point_database_id")
    result.point, result.export_no = point, held["held_export_no"]
    now = services.clock.now_utc().replace(microsecond=0)
    kept = state.upstream(db, point)
    if kept is not None and manifest.created_at < kept.receipt_at:
        result.notices.append(Notice("sync.region_nothing_new", {"point": point}))
    else:
        own = without(holdings(db, point)[0], peer.retired_checksum)
        same = checksum == own and database_id == peer.database_id
        state.save_upstream(db, state.Upstream(
            point, manifest.sender, manifest.created_at, now, database_id,
            held["held_export_no"], held["held_seq"], held["last_export_no"], gaps, checksum,
            held["records"], same))
        result.notices.append(Notice("sync.region_holds", {
            "point": point, "number": held["held_export_no"], "records": held["records"]}))
        if not same:
            result.notices.append(Notice("sync.region_differs", {"point": point},
                                         warning=True))
        for gap in gaps:
            result.notices.append(Notice("sync.region_gap", {"point": point, "number": gap},
                                         warning=True))
    state.add_inbound(db, state.InboundEntry(
        manifest.package_id, manifest.sender, REGION_RECEIPT, held["receipt_no"], False, 0, 0,
        manifest.created_at, now, services.actor_login, file_name[:300], file_sha256,
        {"point": point, "held_export_no": held["held_export_no"],
         "notices": [n.code for n in result.notices]}, manifest.database_id))
    result.status = IMPORTED
