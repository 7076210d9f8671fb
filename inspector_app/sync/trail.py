"""The points' audit trails at the district office, kept apart from its own chain.

A point's audit entries travel as they are, kept per point and sending database (a re-installed
point's trail starts again at entry 1): the district checks that each entry's hash matches its
content (the core's :func:`chain_hash`), that entries follow each other by id (a point's
``restore`` entry alone may skip ids, see :mod:`inspector_app.sync.restored`) and link to the
previous entry's hash, including the last entry it already holds; an entry it already holds
must come back with the same hash. A point cannot rewrite history the district has seen.

An entry whose values the point erased when it destroyed the record (retention) no longer
matches its hash: it is accepted when the district holds it already (with that hash), or when
a later ``destroy`` entry of the same package vouches for it
(:mod:`inspector_app.services.audit_erasure`). The new ``destroy`` entries are collected
(:attr:`TrailApplier.destroyed`): the district then destroys its own copies
(:mod:`inspector_app.sync.destruction`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import SqliteDatabase

from inspector_app.services.audit_erasure import DESTROY_ACTION, ErasedEntries, is_erased
from inspector_app.services.records import GENESIS_HASH, AuditRow, chain_hash
from inspector_app.sync.codec import dump_line, load_received_line
from inspector_app.sync.errors import SyncError
from inspector_app.sync.restored import is_skip_allowed

COLUMNS = ("id", "at", "actor", "action", "table_name", "record_id", "change_seq",
           "old_values", "new_values", "prev_hash", "entry_hash")
_TEXT = {"at": 26, "actor": 64, "action": 16, "table_name": 64, "record_id": 32,
         "prev_hash": 64, "entry_hash": 64}
_BATCH = 2000
EXPORT_SQL = (f'SELECT {", ".join(COLUMNS)} FROM "audit_entry" WHERE id > ? AND id <= ? '
              f'ORDER BY id')


def last_entry_id(db: SqliteDatabase) -> int:
    """The id of this database's last audit entry (0 when none)."""
    return db.execute_sql('SELECT COALESCE(MAX(id), 0) FROM "audit_entry"').fetchone()[0]


def encode(row: tuple) -> bytes:
    """One audit entry (columns as :data:`EXPORT_SQL`) as a JSON line."""
    return dump_line(dict(zip(COLUMNS, row, strict=True)))


def _decode(line: bytes) -> dict[str, Any]:
    try:
        data = load_received_line(line)
    except ValueError:
        data = None
    if not isinstance(data, dict) or data.keys() != set(COLUMNS):
        raise SyncError("sync.bad_trail", entry="?")
    entry = data.get("id")
    ok = isinstance(entry, int) and not isinstance(entry, bool) and entry > 0
    ok = ok and isinstance(data["change_seq"], int) and not isinstance(data["change_seq"], bool)
    for name, limit in _TEXT.items():
        ok = ok and isinstance(data[name], str) and len(data[name]) <= limit
    for name in ("old_values", "new_values"):
        ok = ok and (data[name] is None or isinstance(data[name], str))
    if not ok:
        raise SyncError("sync.bad_trail", entry=str(entry)[:20])
    return data


class TrailApplier:
    """Checks one package's audit entries for ``point``; the rows go to ``writer`` (see
    :mod:`inspector_app.sync.pipeline`)."""

    def __init__(self, db: SqliteDatabase, point: str, database_id: str, first: int, last: int,
                 writer):
        self.db = db
        self.writer = writer
        self.point = point
        self.database_id = database_id
        self.first = first
        self.last = last
        self.added = 0
        self.expected = first + 1
        self.prev_hash = self._held_hash(first) if first > 0 else GENESIS_HASH
        self.erased = ErasedEntries()
        self.destroyed: list[tuple[str, str, int]] = []
        """(table, record id, entry id) of every new ``destroy`` entry, in order."""

    def _held_hash(self, entry_id: int) -> str | None:
        row = self.db.execute_sql(
            'SELECT entry_hash FROM "point_audit_entry" WHERE point_code = ? '
            'AND database_id = ? AND entry_id = ?', (self.point, self.database_id, entry_id)
        ).fetchone()
        return row[0] if row else None

    def apply(self, lines: Iterable[bytes]) -> int:
        batch: list[dict[str, Any]] = []
        for line in lines:
            batch.append(_decode(line))
            if len(batch) >= _BATCH:
                self._flush(batch)
                batch = []
        self._flush(batch)
        unvouched = self.erased.first_unvouched()
        if unvouched is not None:
            raise SyncError("sync.bad_trail", entry=str(unvouched))
        if self.expected != self.last + 1:
            raise SyncError("sync.bad_trail", entry=str(self.expected))
        following = self.db.execute_sql(
            'SELECT prev_hash FROM "point_audit_entry" WHERE point_code = ? '
            'AND database_id = ? AND entry_id = ?', (self.point, self.database_id, self.last + 1)
        ).fetchone()
        if following is not None and self.last > self.first and following[0] != self.prev_hash:
            raise SyncError("sync.trail_rewritten", entry=str(self.last + 1))
        return self.added

    def _flush(self, batch: list[dict[str, Any]]) -> None:
        if not batch:
            return
        held = dict(self.db.execute_sql(
            'SELECT entry_id, entry_hash FROM "point_audit_entry" WHERE point_code = ? '
            'AND database_id = ? AND entry_id BETWEEN ? AND ?',
            (self.point, self.database_id, batch[0]["id"], batch[-1]["id"])))
        rows = []
        for data in batch:
            entry_id = data["id"]
            if entry_id != self.expected and not is_skip_allowed(data["action"], entry_id,
                                                                 self.expected):
                raise SyncError("sync.bad_trail", entry=str(entry_id))
            if self.prev_hash is not None and data["prev_hash"] != self.prev_hash:
                raise SyncError("sync.trail_rewritten", entry=str(entry_id))
            row = AuditRow(*(data[name] for name in COLUMNS[1:]))
            known = held.get(entry_id)
            if known is not None and known != row.entry_hash:
                raise SyncError("sync.trail_rewritten", entry=str(entry_id))
            if chain_hash(row.prev_hash, row) == row.entry_hash:
                self.erased.vouch(row)
                if known is None and row.action == DESTROY_ACTION:
                    self.destroyed.append((row.table_name, row.record_id, entry_id))
            elif not (is_erased(row) if known is not None else self.erased.wait(entry_id, row)):
                raise SyncError("sync.bad_trail", entry=str(entry_id))
            if known is None:
                rows.append((self.point, self.database_id, *(data[name] for name in COLUMNS)))
            self.prev_hash = row.entry_hash
            self.expected = entry_id + 1
        if rows:
            self.writer.trail(rows)
            self.added += len(rows)
