"""A point restored from a backup: it keeps its identity and resumes where the district stands.

A backup carries the point's sync key files (``<backup>.sync-keys/``, copied as stored), so a
restore on a new PC signs as the same point. But the backup may be older than the last package
the lost PC sent: the district may hold exports, records and audit entries this copy never had.
Reusing those export numbers or audit entry ids with other content would be refused there (or
worse, mixed up), so a restore of a point that has a district:

1. appends a ``restore`` entry to the audit trail whose id skips :data:`AUDIT_GAP` ids (left to
   the entries the lost PC may have sent; the skip is allowed only at a ``restore`` entry, here
   and at the district) and still links to the last entry of the copy;
2. marks the database restored: its next export must wait until a receipt of the district has
   said how far its exports went (``receipt.last_export_no``; any receipt naming exports this
   database never wrote moves its numbering past them); that export then continues after
   that number and is full. The receipt the district wrote for the lost PC's last package
   serves (its outbox keeps every receipt; importing that package again re-issues one). An
   operator who knows nothing was sent after the backup exports with ``--after-restore``;
3. the first receipt that acknowledges an export made after the restore may hold more than the
   point (the lost PC's records stay at the district): the difference of the holdings
   checksums is kept as the point's offset, told once, and every later receipt compares
   against its own checksum plus that offset.
"""

from __future__ import annotations

from datetime import datetime

from peewee import SqliteDatabase

from inspector_app.sync import state
from inspector_app.sync.holdings import as_hex, from_hex

RESTORE_ACTION = "restore"
AUDIT_GAP = 1_000_000
"""Audit ids a restore leaves unused: more than a point writes in years (about 100 a day)."""
PENDING = "restored_pending"
"""Set at restore until a receipt has said where the district's exports of this point stand."""
EXPORT_FLOOR = "export_floor"
OFFSET_PENDING = "holdings_offset_pending"
OFFSET = "holdings_offset"


def mark_restored(connection, moment: datetime, backup_name: str) -> bool:
    """Mark a just-restored database (a DB-API connection, committed here); False when it is
    not a point with a district (nothing to resume)."""
    from inspector_app.services.records import GENESIS_HASH, new_audit_entry

    tables = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_peer'")
    if tables.fetchone() is None:
        return False  # a copy from before sync
    district = connection.execute(
        "SELECT point_code FROM sync_peer WHERE role = 'district'").fetchone()
    if district is None:
        return False
    last = connection.execute(
        'SELECT id, entry_hash FROM "audit_entry" ORDER BY id DESC LIMIT 1').fetchone()
    last_id, last_hash = last if last else (0, GENESIS_HASH)
    seq = int(_value(connection, "meta", "change_seq") or 0) + 1
    exports = connection.execute(
        'SELECT COALESCE(MAX(export_no), 0) FROM "sync_export"').fetchone()[0]
    database_id = _value(connection, "meta", "database_id") or ""
    row = new_audit_entry(last_hash, moment, "system", RESTORE_ACTION, "sync_export",
                          database_id[:32], seq, None,
                          {"backup": backup_name[:200], "last_entry": last_id,
                           "last_export_no": exports})
    connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('change_seq', ?)",
                       (str(seq),))
    connection.execute(
        'INSERT INTO "audit_entry" (id, at, actor, action, table_name, record_id, change_seq, '
        'old_values, new_values, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        (last_id + AUDIT_GAP + 1, str(row.at), *row[1:]))
    for key, value in ((PENDING, "1"), ("next_full", "1"), (OFFSET_PENDING, "1")):
        connection.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                           (key, value))
    connection.commit()
    return True


def _value(connection, table: str, key: str) -> str | None:
    row = connection.execute(f'SELECT value FROM "{table}" WHERE key = ?', (key,)).fetchone()
    return row[0] if row else None


def is_skip_allowed(action: str, entry_id: int, expected: int) -> bool:
    """Whether an audit entry may have a higher id than the one expected (a restore's skip)."""
    return action == RESTORE_ACTION and entry_id > expected


def waiting_for_receipt(db: SqliteDatabase) -> bool:
    return state.get_state(db, PENDING) == "1"


def next_export_no(db: SqliteDatabase) -> int:
    """The next export number: after this database's last and after the district's last."""
    return max(state.last_export_no(db), int(state.get_state(db, EXPORT_FLOOR, "0") or 0)) + 1


def learn_from_receipt(db: SqliteDatabase, last_export_no: int) -> int | None:
    """A receipt says how far the district's exports go. Returns that number when it is
    beyond every export this database knows of (a copy older than what was sent)."""
    if waiting_for_receipt(db):
        state.set_state(db, PENDING, "0")
    if last_export_no < next_export_no(db):
        return None
    state.set_state(db, EXPORT_FLOOR, last_export_no)
    state.set_state(db, "next_full", "1")
    return last_export_no


def expected_checksum(db: SqliteDatabase, noted: str) -> str:
    """The checksum a receipt should carry for an export noted with ``noted``."""
    offset = state.get_state(db, OFFSET)
    return noted if not offset else as_hex(from_hex(noted) + from_hex(offset))


def adopt_offset(db: SqliteDatabase, noted: str, noted_records: int, full: bool,
                 received: str, received_records: int) -> int | None:
    """After a restore: the first mismatch of a full export whose district holds more records
    is the lost PC's records staying at the district. Keeps the offset and returns how many
    records the district holds beyond the point; None when that is not the case."""
    if state.get_state(db, OFFSET_PENDING) != "1" or not full or received_records <= noted_records:
        return None
    state.set_state(db, OFFSET, as_hex(from_hex(received) - from_hex(noted)))
    state.set_state(db, OFFSET_PENDING, "0")
    return received_records - noted_records

