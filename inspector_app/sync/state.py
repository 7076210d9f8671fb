"""The sync tables of migration 0002: small typed reads and writes over plain SQL.

Every function takes the database explicitly, so it works whichever file the models are bound
to; writers expect to run inside the caller's transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from peewee import SqliteDatabase

from inspector_app.sync.keys import PublicKeys, b64, unb64

DISTRICT_ROLE = "district"
POINT_ROLE = "point"
REGION_ROLE = "region"


# -- key/value state ---------------------------------------------------------------------------
def get_state(db: SqliteDatabase, key: str, default: str | None = None) -> str | None:
    row = db.execute_sql('SELECT value FROM "sync_state" WHERE key = ?', (key,)).fetchone()
    return row[0] if row else default


def set_state(db: SqliteDatabase, key: str, value: object) -> None:
    db.execute_sql('INSERT INTO "sync_state" (key, value) VALUES (?, ?) '
                   'ON CONFLICT(key) DO UPDATE SET value = excluded.value', (key, str(value)))


def meta_value(db: SqliteDatabase, key: str) -> str | None:
    row = db.execute_sql('SELECT value FROM "meta" WHERE key = ?', (key,)).fetchone()
    return row[0] if row else None


def parse_moment(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value)


# -- peers -------------------------------------------------------------------------------------
@dataclass
class Peer:
    """A trusted other side: the district (at a point) or an enrolled point (at the district)."""

    point_code: str
    role: str
    name: str
    database_id: str
    keys: PublicKeys
    fingerprint: str
    trusted_at: datetime
    trusted_by: str
    last_export_no: int = 0
    held_export_no: int = 0
    held_seq: int = 0
    gaps: list[int] = field(default_factory=list)
    last_package_at: datetime | None = None
    last_imported_at: datetime | None = None
    counts: dict[str, list[int]] = field(default_factory=dict)
    reference_digest: str = ""
    reinstalled_at: datetime | None = None
    """When the point's current database sent its first package (UTC), if it replaced one."""
    retired_checksum: str = ""
    """The holdings checksum of what the district held of the point's former databases."""
    district: str = ""
    """At a region: the district the point belongs to (it forwarded the point's first package)."""


_PEER_COLUMNS = ("point_code", "role", "name", "database_id", "signing_key", "encryption_key",
                 "fingerprint", "trusted_at", "trusted_by", "last_export_no", "held_export_no",
                 "held_seq", "gaps", "last_package_at", "last_imported_at", "counts",
                 "reference_digest", "reinstalled_at", "retired_checksum", "district")


def _peer(row: tuple) -> Peer:
    data = dict(zip(_PEER_COLUMNS, row, strict=True))
    keys = PublicKeys(unb64(data.pop("signing_key"), 32), unb64(data.pop("encryption_key"), 32))
    data["gaps"] = json.loads(data["gaps"])
    data["counts"] = json.loads(data["counts"])
    for name in ("trusted_at", "last_package_at", "last_imported_at", "reinstalled_at"):
        data[name] = parse_moment(data[name])
    return Peer(keys=keys, **data)


def peers(db: SqliteDatabase, role: str | None = None) -> list[Peer]:
    sql = f'SELECT {_names(_PEER_COLUMNS)} FROM "sync_peer"'
    params: tuple = ()
    if role is not None:
        sql += " WHERE role = ?"
        params = (role,)
    return [_peer(row) for row in db.execute_sql(sql + " ORDER BY point_code", params)]


def peer(db: SqliteDatabase, point_code: str) -> Peer | None:
    row = db.execute_sql(f'SELECT {_names(_PEER_COLUMNS)} FROM "sync_peer" '
                         f'WHERE point_code = ?', (point_code,)).fetchone()
    return _peer(row) if row else None


def district(db: SqliteDatabase) -> Peer | None:
    """The district office a point trusts (at most one)."""
    found = peers(db, DISTRICT_ROLE)
    return found[0] if found else None


def region(db: SqliteDatabase) -> Peer | None:
    """The region office a district trusts (at most one)."""
    found = peers(db, REGION_ROLE)
    return found[0] if found else None


def save_peer(db: SqliteDatabase, p: Peer) -> None:
    """Insert or replace a peer with all its fields."""
    values = {
        "point_code": p.point_code, "role": p.role, "name": p.name,
        "database_id": p.database_id, "signing_key": b64(p.keys.signing),
        "encryption_key": b64(p.keys.encryption), "fingerprint": p.fingerprint,
        "trusted_at": str(p.trusted_at), "trusted_by": p.trusted_by,
        "last_export_no": p.last_export_no, "held_export_no": p.held_export_no,
        "held_seq": p.held_seq, "gaps": json.dumps(p.gaps),
        "last_package_at": None if p.last_package_at is None else str(p.last_package_at),
        "last_imported_at": None if p.last_imported_at is None else str(p.last_imported_at),
        "counts": json.dumps(p.counts, sort_keys=True), "reference_digest": p.reference_digest,
        "reinstalled_at": None if p.reinstalled_at is None else str(p.reinstalled_at),
        "retired_checksum": p.retired_checksum, "district": p.district,
    }
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "point_code")
    db.execute_sql(f'INSERT INTO "sync_peer" ({columns}) VALUES ({marks}) '
                   f"ON CONFLICT (point_code) DO UPDATE SET {updates}",
                   tuple(values.values()))


def _names(columns: tuple[str, ...]) -> str:
    """Quoted column names: ``full`` is a reserved word of PostgreSQL's."""
    return ", ".join(f'"{c}"' for c in columns)


# -- exports written ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ExportEntry:
    export_no: int
    package_id: str
    full: bool
    seq_from: int
    seq_to: int
    audit_from: int
    audit_to: int
    records: int
    checksum: str
    created_at: datetime
    created_by: str
    file_name: str
    counts: dict[str, Any]


_EXPORT_COLUMNS = ("export_no", "package_id", "full", "seq_from", "seq_to", "audit_from",
                   "audit_to", "records", "checksum", "created_at", "created_by", "file_name",
                   "counts")


def _export(row: tuple) -> ExportEntry:
    data = dict(zip(_EXPORT_COLUMNS, row, strict=True))
    data["full"] = bool(data["full"])
    data["created_at"] = parse_moment(data["created_at"])
    data["counts"] = json.loads(data["counts"])
    return ExportEntry(**data)


def exports(db: SqliteDatabase) -> list[ExportEntry]:
    rows = db.execute_sql(f'SELECT {_names(_EXPORT_COLUMNS)} FROM "sync_export" '
                          f'ORDER BY export_no')
    return [_export(row) for row in rows]


def export_entry(db: SqliteDatabase, export_no: int) -> ExportEntry | None:
    row = db.execute_sql(f'SELECT {_names(_EXPORT_COLUMNS)} FROM "sync_export" '
                         f'WHERE export_no = ?', (export_no,)).fetchone()
    return _export(row) if row else None


def last_export_no(db: SqliteDatabase) -> int:
    return db.execute_sql('SELECT COALESCE(MAX(export_no), 0) FROM "sync_export"').fetchone()[0]


def add_export(db: SqliteDatabase, entry: ExportEntry) -> None:
    values = [getattr(entry, name) for name in _EXPORT_COLUMNS]
    values[_EXPORT_COLUMNS.index("full")] = int(entry.full)
    values[_EXPORT_COLUMNS.index("created_at")] = str(entry.created_at)
    values[_EXPORT_COLUMNS.index("counts")] = json.dumps(entry.counts, sort_keys=True)
    marks = ", ".join("?" for _ in values)
    db.execute_sql(f'INSERT INTO "sync_export" ({_names(_EXPORT_COLUMNS)}) VALUES ({marks})',
                   tuple(values))


# -- packages imported -------------------------------------------------------------------------
@dataclass(frozen=True)
class InboundEntry:
    package_id: str
    point_code: str
    kind: str
    export_no: int
    full: bool
    seq_from: int
    seq_to: int
    created_at: datetime
    imported_at: datetime
    imported_by: str
    file_name: str
    file_sha256: str
    result: dict[str, Any]
    database_id: str = ""
    """The sending database (a re-installed point sends from a new one)."""


_INBOUND_COLUMNS = ("package_id", "point_code", "kind", "export_no", "full", "seq_from",
                    "seq_to", "created_at", "imported_at", "imported_by", "file_name",
                    "file_sha256", "result", "database_id")


def _inbound(row: tuple) -> InboundEntry:
    data = dict(zip(_INBOUND_COLUMNS, row, strict=True))
    data["full"] = bool(data["full"])
    data["created_at"] = parse_moment(data["created_at"])
    data["imported_at"] = parse_moment(data["imported_at"])
    data["result"] = json.loads(data["result"])
    return InboundEntry(**data)


def inbound(db: SqliteDatabase, package_id: str) -> InboundEntry | None:
    row = db.execute_sql(f'SELECT {_names(_INBOUND_COLUMNS)} FROM "sync_inbound" '
                         f'WHERE package_id = ?', (package_id,)).fetchone()
    return _inbound(row) if row else None


def inbound_of(db: SqliteDatabase, point_code: str, kind: str,
               database_id: str | None = None) -> list[InboundEntry]:
    """The packages imported of one point and kind (from one of its databases if given)."""
    sql = (f'SELECT {_names(_INBOUND_COLUMNS)} FROM "sync_inbound" '
           f'WHERE point_code = ? AND kind = ?')
    params: tuple = (point_code, kind)
    if database_id is not None:
        sql += " AND database_id = ?"
        params += (database_id,)
    return [_inbound(row) for row in db.execute_sql(sql + " ORDER BY export_no, created_at",
                                                    params)]


def inbound_export(db: SqliteDatabase, point_code: str, database_id: str,
                   export_no: int) -> InboundEntry | None:
    """The records package imported as export ``export_no`` of one database of a point."""
    row = db.execute_sql(f'SELECT {_names(_INBOUND_COLUMNS)} FROM "sync_inbound" '
                         f'WHERE point_code = ? AND kind = \'records\' AND export_no = ? '
                         f'AND database_id = ?', (point_code, export_no, database_id)).fetchone()
    return _inbound(row) if row else None


def database_seen(db: SqliteDatabase, point_code: str, database_id: str) -> bool:
    """Whether a records package of this database of the point was ever imported."""
    return db.execute_sql('SELECT 1 FROM "sync_inbound" WHERE point_code = ? AND kind = '
                          '\'records\' AND database_id = ? LIMIT 1',
                          (point_code, database_id)).fetchone() is not None


def add_inbound(db: SqliteDatabase, entry: InboundEntry) -> None:
    values = [getattr(entry, name) for name in _INBOUND_COLUMNS]
    values[_INBOUND_COLUMNS.index("full")] = int(entry.full)
    values[_INBOUND_COLUMNS.index("created_at")] = str(entry.created_at)
    values[_INBOUND_COLUMNS.index("imported_at")] = str(entry.imported_at)
    values[_INBOUND_COLUMNS.index("result")] = json.dumps(entry.result, ensure_ascii=False,
                                                          sort_keys=True)
    marks = ", ".join("?" for _ in values)
    db.execute_sql(f'INSERT INTO "sync_inbound" ({_names(_INBOUND_COLUMNS)}) '
                   f'VALUES ({marks})', tuple(values))


# -- forwarding to the region (migration 0017) ---------------------------------------------------
@dataclass(frozen=True)
class ForwardEntry:
    """A point package this district forwarded to its region (the latest time, if again)."""

    package_id: str
    point_code: str
    database_id: str
    export_no: int
    region: str
    forwarded_at: datetime
    forwarded_by: str
    file_name: str


_FORWARD_COLUMNS = ("package_id", "point_code", "database_id", "export_no", "region",
                    "forwarded_at", "forwarded_by", "file_name")


def save_forward(db: SqliteDatabase, entry: ForwardEntry) -> None:
    values = [getattr(entry, name) for name in _FORWARD_COLUMNS]
    values[_FORWARD_COLUMNS.index("forwarded_at")] = str(entry.forwarded_at)
    marks = ", ".join("?" for _ in values)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in _FORWARD_COLUMNS[1:])
    db.execute_sql(f'INSERT INTO "sync_forward" ({_names(_FORWARD_COLUMNS)}) VALUES ({marks}) '
                   f'ON CONFLICT (package_id) DO UPDATE SET {updates}', tuple(values))


def forwarded_of(db: SqliteDatabase, point_code: str) -> list[ForwardEntry]:
    """The packages of one point forwarded to the region, by export number."""
    rows = db.execute_sql(f'SELECT {_names(_FORWARD_COLUMNS)} FROM "sync_forward" '
                          f'WHERE point_code = ? ORDER BY export_no, forwarded_at',
                          (point_code,))
    return [ForwardEntry(*row[:5], parse_moment(row[5]), *row[6:]) for row in rows]


@dataclass(frozen=True)
class Upstream:
    """What the region last said (in its receipt) it holds of one point of this district."""

    point_code: str
    region: str
    receipt_at: datetime
    received_at: datetime
    point_database_id: str
    held_export_no: int
    held_seq: int
    last_export_no: int
    gaps: list[int]
    checksum: str
    records: int
    same_as_here: bool
    """The region's checksum equalled this district's own of the point when it arrived."""


_UPSTREAM_COLUMNS = ("point_code", "region", "receipt_at", "received_at", "point_database_id",
                     "held_export_no", "held_seq", "last_export_no", "gaps", "checksum",
                     "records", "same_as_here")


def upstream(db: SqliteDatabase, point_code: str) -> Upstream | None:
    row = db.execute_sql(f'SELECT {_names(_UPSTREAM_COLUMNS)} FROM "sync_upstream" '
                         f'WHERE point_code = ?', (point_code,)).fetchone()
    if row is None:
        return None
    data = dict(zip(_UPSTREAM_COLUMNS, row, strict=True))
    data["receipt_at"] = parse_moment(data["receipt_at"])
    data["received_at"] = parse_moment(data["received_at"])
    data["gaps"] = json.loads(data["gaps"])
    data["same_as_here"] = bool(data["same_as_here"])
    return Upstream(**data)


def save_upstream(db: SqliteDatabase, entry: Upstream) -> None:
    values = [getattr(entry, name) for name in _UPSTREAM_COLUMNS]
    for name in ("receipt_at", "received_at"):
        values[_UPSTREAM_COLUMNS.index(name)] = str(getattr(entry, name))
    values[_UPSTREAM_COLUMNS.index("gaps")] = json.dumps(entry.gaps)
    values[_UPSTREAM_COLUMNS.index("same_as_here")] = int(entry.same_as_here)
    marks = ", ".join("?" for _ in values)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in _UPSTREAM_COLUMNS[1:])
    db.execute_sql(f'INSERT INTO "sync_upstream" ({_names(_UPSTREAM_COLUMNS)}) '
                   f'VALUES ({marks}) ON CONFLICT (point_code) DO UPDATE SET {updates}',
                   tuple(values))
