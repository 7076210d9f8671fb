"""Reference data from the district to its points: catalogues, the МРП table, the staff list.

The district's reference data has a digest (SHA-256 of its canonical content). A point reports
the digest it last applied in every records package; when that differs from the district's
current digest the district writes a reference package for the point, together with the
receipt. The point applies each catalogue whose version is newer than its own (the catalogue
loader's own rule), and the district's staff list as read-only copies owned by the district
(without password hashes, like every travelling staff record).
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from inspector_app.domain.catalogues import MRP_CATALOGUE, apply_catalogue
from inspector_app.services.catalogue_load import OFFENCE_CATALOGUE, offence_entry_problem
from inspector_app.services.context import Services
from inspector_app.services.records import next_change_seq, write_audit
from inspector_app.storage.models import Staff
from inspector_app.sync import state
from inspector_app.sync.apply import RecordsApplier, validation_services
from inspector_app.sync.codec import CODECS
from inspector_app.sync.errors import SyncError
from inspector_app.sync.export import manifest_head
from inspector_app.sync.keys import KeyPair
from inspector_app.sync.lookup import RecordLookup
from inspector_app.sync.manifest import REFERENCE, Manifest, canonical
from inspector_app.sync.package import SUFFIX, PackageReader, PackageWriter, write_new
from inspector_app.sync.pipeline import DirectWriter
from inspector_app.sync.results import IMPORTED, FileResult, Notice
from inspector_app.sync.versions import note_district_schema, schema_for_point

CATALOGUES_MEMBER = "catalogues.jsonl.gz"
STAFF_MEMBER = CODECS[Staff].member
STAFF_SQL = CODECS[Staff].export_sql.replace("AND change_seq > ? AND change_seq <= ? ", "")


def catalogue_documents(db) -> list[dict[str, Any]]:
    """Every catalogue the database holds, as the catalogue files write it (active items)."""
    versions = dict(db.execute_sql('SELECT catalogue, version FROM "catalogue_version"'))
    documents = []
    for name in sorted(versions):
        if name == MRP_CATALOGUE:
            items = [{"year": y, "amount": a} for y, a in db.execute_sql(
                'SELECT year, amount FROM "mrp_rate" ORDER BY year')]
        else:
            items = []
            for code, ru, kk, en, extra in db.execute_sql(
                    'SELECT code, title_ru, title_kk, title_en, extra FROM "catalogue_item" '
                    'WHERE catalogue = ? AND active = 1 ORDER BY position', (name,)):
                items.append({**json.loads(extra or "{}"), "code": code, "ru": ru, "kk": kk,
                              "en": en})
        documents.append({"catalogue": name, "version": versions[name], "items": items})
    return documents


def reference_digest(services: Services, documents: list[dict[str, Any]] | None = None) -> str:
    """The digest of what a reference package from this database would carry (``documents``:
    its :func:`catalogue_documents` when already read)."""
    db = services.db
    digest = hashlib.sha256()
    for document in documents if documents is not None else catalogue_documents(db):
        digest.update(canonical(document) + b"\n")
    for row in db.execute_sql(STAFF_SQL, (services.point_code,)):
        digest.update(CODECS[Staff].encode(row) + b"\n")
    return digest.hexdigest()


def write_reference(services: Services, peer: state.Peer, keys: KeyPair, out_dir: Path,
                    documents: list[dict[str, Any]] | None = None) -> Path:
    """Write the reference package for ``peer`` into ``out_dir``; no database change
    (``documents``: the :func:`catalogue_documents` when already read)."""
    db = services.db
    day = services.clock.today()
    schema = schema_for_point(db, peer.point_code)
    staff = CODECS[Staff].at_schema(schema)

    def write(writer: PackageWriter) -> None:
        member = writer.member(CATALOGUES_MEMBER)
        for document in documents if documents is not None else catalogue_documents(db):
            member.write_line(canonical(document))
        writer.add(member)
        member = writer.member(STAFF_MEMBER)
        for row in db.execute_sql(STAFF_SQL, (services.point_code,)):
            member.write_line(staff.encode(row))
        writer.add(member)
        now = services.clock.now_utc().replace(microsecond=0)
        writer.seal({
            **manifest_head(services, REFERENCE, peer.point_code, now, schema_version=schema),
            "digest": reference_digest(services),
        }, keys)

    stem = f"{peer.point_code}_reference_{day:%Y-%m-%d}"
    return write_new(lambda n: out_dir / (f"{stem}{SUFFIX}" if n == 0 else f"{stem}-{n}{SUFFIX}"),
                     peer.keys, write)


def _catalogue(line: bytes) -> tuple[str, int, list[dict[str, Any]]]:
    try:
        document = json.loads(line)
        name, version, items = document["catalogue"], document["version"], document["items"]
        ok = (isinstance(name, str) and 0 < len(name) <= 64 and isinstance(version, int)
              and isinstance(items, list) and all(isinstance(i, dict) for i in items))
        if ok and name == MRP_CATALOGUE:
            ok = all(isinstance(i.get("year"), int) and isinstance(i.get("amount"), int)
                     for i in items)
        elif ok:
            ok = all(isinstance(i.get("code"), str) and len(i["code"]) <= 64
                     and all(isinstance(i.get(t, ""), str) and len(i.get(t, "")) <= 300
                             for t in ("ru", "kk", "en")) and i.get("ru") for i in items)
        if ok and name == OFFENCE_CATALOGUE:  # the sanctions the point's rules apply
            ok = all(offence_entry_problem(i) is None for i in items)
    except (ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        raise SyncError("sync.bad_record", kind="catalogue", id="?", field="-", reason="shape")
    return name, version, items


def apply_reference(services: Services, reader: PackageReader, result: FileResult,
                    writer: DirectWriter) -> None:
    """Apply a verified reference package at the point, inside the caller's transaction."""
    manifest: Manifest = reader.manifest
    if [m.name for m in manifest.members] != [CATALOGUES_MEMBER, STAFF_MEMBER]:
        raise SyncError("sync.bad_manifest", field="members")
    digest = manifest.text_field("digest")
    db = services.db
    sender = manifest.sender
    now = services.clock.now_utc().replace(microsecond=0)
    local = manifest.created_at + timedelta(minutes=manifest.utc_offset_minutes)
    held = dict(db.execute_sql('SELECT catalogue, version FROM "catalogue_version"'))
    updated = []
    lookup = RecordLookup(db, {sender})
    applier = RecordsApplier(db, validation_services(db, lookup, sender, local, "district"),
                             lookup, sender, -1, 2**62, writer)
    for info, lines in reader.members():
        if info.name == CATALOGUES_MEMBER:
            for line in lines:
                name, version, items = _catalogue(line)
                if version > held.get(name, 0):
                    apply_catalogue(name, version, items, now)
                    updated.append(name)
        else:
            staff = CODECS[Staff].at_schema(manifest.schema_version)
            result.counts["staff"] = applier.apply(staff, lines).as_dict()
    state.set_state(db, "reference_digest", digest)
    note_district_schema(db, manifest.schema_version)
    state.add_inbound(db, state.InboundEntry(
        manifest.package_id, sender, REFERENCE, 0, False, 0, 0, manifest.created_at, now,
        services.actor_login, reader.path.name[:300], reader.file_sha256,
        {"catalogues": updated, "counts": result.counts}, manifest.database_id))
    write_audit(now, services.actor_login, "import", "sync_inbound", manifest.package_id,
                next_change_seq(), None, {"from": sender, "catalogues": updated})
    services.catalogues.reload()
    result.catalogues = updated
    result.status = IMPORTED
    result.notices.append(Notice("sync.reference_applied",
                                 {"catalogues": ", ".join(updated) or "—"}))
