"""Bulk writing of travelling records: exactly what the services store, many times faster.

A record made by ``RecordService.create`` gets stamps, the next number of the database's
change sequence, its ``search_text`` and a "create" entry in the audit trail's hash chain. The
:class:`BulkWriter` produces the same rows with the services' own helpers (``audit_view``,
``new_audit_entry``) and inserts them in chunks with multi-row INSERTs.

The full-text index is filled with one ``INSERT ... SELECT`` per chunk instead of its
per-row trigger (FTS5 flushes its pending terms at every trigger call, which costs more than
the rest of the insert). The trigger is dropped and re-created, word for word, inside the
same transaction, so a rollback or a crash leaves the schema as it was; the index ends up
exactly as the trigger would have made it.

Rows may be made here or by a producer process (:mod:`inspector_app.demo.point_fill`), which
hands whole chunks to :meth:`BulkWriter.take`. (A producer thread was tried first: waiting for
the GIL cost more than the overlap gained.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from peewee import SqliteDatabase

from inspector_app.services.records import GENESIS_HASH, audit_view, new_audit_entry
from inspector_app.storage.models import SYNCED_MODELS, AuditEntry, Meta, SyncedModel

_STAMPS = ("id", "owner_point", "created_at", "created_by", "updated_at", "updated_by",
           "row_version", "change_seq", "deleted", "deleted_at", "deleted_by", "search_text")
_MAX_PARAMETERS = 30000  # SQLite allows 32766 bound parameters per statement
_AUDIT_COLUMNS = ("id", "at", "actor", "action", "table_name", "record_id", "change_seq",
                  "old_values", "new_values", "prev_hash", "entry_hash")
_TRIGGER_BODY = re.compile(
    r'BEGIN\s+INSERT\s+INTO\s+("?[\w]+"?)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)\s*;\s*END\s*$',
    re.IGNORECASE | re.DOTALL)
_NEW_COLUMN = re.compile(r"^\s*new\.(\w+)\s*$", re.IGNORECASE)


class Stopped(Exception):
    """Raised in the producer when the consumer asked to stop."""


class _Table:
    """Multi-row INSERT statements of one table and how field data becomes parameters."""

    def __init__(self, table: str, fields: list):
        self.table = table
        self.fields = fields
        self.columns = ", ".join(f'"{name}"' for name in fields)
        self.rows_per_statement = max(1, _MAX_PARAMETERS // len(fields))
        self._statements: dict[int, str] = {}

    def statement(self, rows: int) -> str:
        sql = self._statements.get(rows)
        if sql is None:
            marks = "(" + ", ".join("?" for _ in self.fields) + ")"
            sql = self._statements[rows] = (
                f'INSERT INTO "{self.table}" ({self.columns}) VALUES '
                + ", ".join(marks for _ in range(rows)))
        return sql

    def insert(self, cursor, rows: list) -> None:
        step = self.rows_per_statement
        for start in range(0, len(rows), step):
            batch = rows[start:start + step]
            cursor.execute(self.statement(len(batch)), [v for row in batch for v in row])


class _ModelTable(_Table):
    """A synced model's table; a row is made of the stamps, the record's audit view and
    its derived sort keys.

    The audit view holds the other columns as JSON-ready data (dates as ISO text, decimals
    as text): exactly what SQLite's adapters make of the objects peewee would pass.
    """

    def __init__(self, model: type[SyncedModel]):
        fields = list(model._meta.sorted_fields)
        super().__init__(model._meta.table_name, [f.column_name for f in fields])
        self.model = model
        self.defaults = {f.name: f.default for f in fields if f.name not in _STAMPS
                         and f.default is not None and not callable(f.default)}
        audited = set(audit_view(model, {}))
        self.sources = [(0, _STAMPS.index(f.name)) if f.name in _STAMPS
                        else (1, f.column_name) if f.column_name in audited
                        else (2, f.name) for f in fields]

    def row(self, stamps: tuple, view: dict[str, Any], values: dict[str, Any]) -> list[Any]:
        parts = (stamps, view, values)
        return [parts[source][key] for source, key in self.sources]


class _IndexFill:
    """An insert trigger set aside, and the one statement that does its work for many rows."""

    def __init__(self, name: str, table: str, sql: str, fill: str):
        self.name, self.table, self.sql, self.fill = name, table, sql, fill

    @classmethod
    def set_aside(cls, db: SqliteDatabase) -> dict[str, _IndexFill]:
        """Drop every ``<table>_fts_insert`` trigger whose body we can replay; by table."""
        result = {}
        rows = db.execute_sql("SELECT name, tbl_name, sql FROM sqlite_master "
                              "WHERE type = 'trigger' AND name LIKE '%\\_fts\\_insert' "
                              "ESCAPE '\\'").fetchall()
        for name, table, sql in rows:
            match = _TRIGGER_BODY.search(sql or "")
            if match is None:
                continue
            target, columns, values = match.groups()
            sources = [_NEW_COLUMN.match(v) for v in values.split(",")]
            if not all(sources):
                continue
            select = ", ".join(f'"{m.group(1)}"' for m in sources)
            fill = (f"INSERT INTO {target}({columns}) SELECT {select} FROM \"{table}\" "
                    f"WHERE rowid > ? ORDER BY rowid")
            db.execute_sql(f'DROP TRIGGER "{name}"')
            result[table] = cls(name, table, sql, fill)
        return result

    def restore(self, db: SqliteDatabase) -> None:
        db.execute_sql(self.sql)


class BulkWriter:
    """Makes new records' rows and audit entries; writes them in chunks.

    Use inside ``db.atomic()`` and call :meth:`run` with the function that adds the records;
    :meth:`run` writes chunk by chunk, then restores the triggers and stores the change
    sequence reached.
    """

    def __init__(self, db: SqliteDatabase, point_code: str, chunk_size: int = 4000):
        self.db = db
        self.point_code = point_code
        self.chunk_size = chunk_size
        row = Meta.get_or_none(Meta.key == "change_seq")
        self.change_seq = int(row.value) if row else 0
        last = AuditEntry.select(AuditEntry.id, AuditEntry.entry_hash).order_by(
            AuditEntry.id.desc()).first()
        self.prev_hash = last.entry_hash if last else GENESIS_HASH
        self.next_audit_id = (last.id if last else 0) + 1
        self.tables = {model: _ModelTable(model) for model in SYNCED_MODELS}
        self.audit_table = _Table("audit_entry", list(_AUDIT_COLUMNS))
        self._buffers = self._new_buffers()
        self._stop = False
        self._progress: Callable[[int], bool] | None = None
        self._fills: dict[str, _IndexFill] = {}
        self._cursor = None
        self._pending = 0
        self.copy_seqs: dict[str, int] = {}
        self.added = 0
        self.written = 0

    # -- producer side --------------------------------------------------------------------
    def add(self, model: type[SyncedModel], record_id: str, values: dict[str, Any],
            search: str, actor: str, at: datetime, owner: str | None = None) -> None:
        """Queue one new record: ``values`` as the service's ``clean`` would return them.

        ``search`` is the record's ``search_text``; ``actor`` the login who entered it and
        ``at`` the UTC moment it was entered. A record of another ``owner`` point is stored
        as a copy received by sync: that point's own change sequence, no audit entry here
        (staff copies carry the locked password hash in ``values``). This point's staff are
        made by the services, whose audit view hides the password hash.
        """
        table = self.tables[model]
        view = audit_view(model, {**table.defaults, **values} if table.defaults else values)
        buffers = self._buffers
        stored_at = at.isoformat(" ")  # what SQLite's adapter stores, made once, not thrice
        if owner is None or owner == self.point_code:
            self.change_seq += 1
            seq = self.change_seq
            stamps = (record_id, self.point_code, stored_at, actor, stored_at, actor, 1, seq,
                      False, None, None, search)
            entry = new_audit_entry(self.prev_hash, at, actor, "create", table.table,
                                    record_id, seq, None, view)
            self.prev_hash = entry.entry_hash
            buffers[AuditEntry].append((self.next_audit_id, stored_at, *entry[1:]))
            self.next_audit_id += 1
        else:
            seq = self.copy_seqs[owner] = self.copy_seqs.get(owner, 0) + 1
            stamps = (record_id, owner, stored_at, actor, stored_at, actor, 1, seq, False, None,
                      None, search)
        buffers[model].append(table.row(stamps, view, values))
        self.added += 1
        self._pending += 1
        if self._pending >= self.chunk_size:
            self.flush()

    def _new_buffers(self) -> dict[type, list]:
        return {model: [] for model in (*SYNCED_MODELS, AuditEntry)}

    def flush(self) -> None:
        """Hand over the rows added since the last full chunk."""
        chunk, self._buffers = self._buffers, self._new_buffers()
        self._pending = 0
        self.take(chunk)

    def chain_state(self) -> tuple[int, str, int]:
        """Where the change sequence and the audit trail stand: (change_seq, last entry's
        hash, next entry's id)."""
        return self.change_seq, self.prev_hash, self.next_audit_id

    def continue_chain(self, state: tuple[int, str, int]) -> None:
        """Go on from another writer's :meth:`chain_state` (a producer process's start or end)."""
        self.change_seq, self.prev_hash, self.next_audit_id = state

    # -- writing --------------------------------------------------------------------------
    def take(self, chunk: dict[type, list]) -> None:
        """Write one chunk of rows, made here or by a producer process, during :meth:`run`.

        Raises :class:`Stopped` once the progress callback has asked to stop.
        """
        if self._stop:
            raise Stopped
        self._write(chunk)
        if self._progress is not None and self._progress(self.written) is False:
            self._stop = True

    def run(self, produce: Callable[[], None],
            progress: Callable[[int], bool] | None = None) -> bool:
        """Run ``produce`` (which calls :meth:`add` or :meth:`take`), writing as chunks fill;
        False if stopped.

        ``progress(records written)`` is called after each chunk; returning False stops the
        producer (the caller then rolls the transaction back).
        """
        self._fills = _IndexFill.set_aside(self.db)
        self._cursor = self.db.cursor()
        self._progress = progress
        try:
            produce()
            self.flush()
        except Stopped:
            return False
        finally:
            self._progress = None
        if self._stop:
            return False
        for fill in self._fills.values():
            fill.restore(self.db)
        Meta.insert(key="change_seq", value=str(self.change_seq)).on_conflict(
            conflict_target=[Meta.key], update={Meta.value: str(self.change_seq)}).execute()
        return True

    def _write(self, chunk: dict[type, list]) -> None:
        """Insert one chunk: records (referenced kinds first), their index rows, audit."""
        cursor, fills = self._cursor, self._fills
        for model in SYNCED_MODELS:
            rows = chunk[model]
            if not rows:
                continue
            table = self.tables[model]
            fill = fills.get(table.table)
            if fill is not None:
                last = cursor.execute(f'SELECT max(rowid) FROM "{table.table}"').fetchone()[0]
            table.insert(cursor, rows)
            if fill is not None:
                cursor.execute(fill.fill, (last or 0,))
            self.written += len(rows)
        self.audit_table.insert(cursor, chunk[AuditEntry])
