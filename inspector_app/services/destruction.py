"""Destroying the records of a register kept past their retention period.

The administrator (or the head of the point) destroys the records of one register that
:func:`~inspector_app.services.retention.records_past` lists, or a chosen few of them. In one
transaction, per record: a ``destroy`` audit entry about it (who, when; it vouches for the
entries it erases, see :mod:`inspector_app.services.audit_erasure`), the personal values of
every earlier audit entry about it replaced by ``"erased"``, its row deleted (its search index
entries go with it: the FTS5 delete trigger), and a line in ``destroyed_record``; then one
``retention`` entry for the whole run (register, cut-off, how many, which ids). The search
index is merged (FTS5 ``optimize``: the deleted words leave its older segments too) with
``PRAGMA secure_delete`` on, so the freed bytes are overwritten with zeros, and after the
commit the write-ahead log is checkpointed and truncated: the destroyed values are no longer in
the database file (a backup made before still holds them until it rotates out).

Only records the database owns are destroyed (a district's copies of a point's records go when
that point's ``destroy`` entries arrive, :mod:`inspector_app.sync.destruction`); a record that
another record still refers to (a meeting its survey answers name, a protocol an appeal
names...) is kept and reported, as deleting it would break the reference.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from inspector_app.domain.permissions import Action
from inspector_app.errors import DatabaseError, InspectorError
from inspector_app.faults import classify
from inspector_app.kinds import KINDS
from inspector_app.protection.backup import folder_lock
from inspector_app.protection.erasure_ledger import (
    Erased,
    add_to_ledger,
    folder_ledger_path,
    ledger_path,
)
from inspector_app.services.audit_erasure import (
    DESTROY_ACTION,
    ERASED,
    erased_digest,
    erased_values,
)
from inspector_app.services.records import AuditRow, next_change_seq, write_audit
from inspector_app.services.retention import RETENTION, records_past, retention_cutoff
from inspector_app.storage.database import pragma_while
from inspector_app.storage.dialect import is_server
from inspector_app.storage.models import SYNCED_MODELS, SyncedModel

RETENTION_ACTION = "retention"
Progress = Callable[[int, int], None]
"""Called with (records done, records to destroy)."""


@dataclass(frozen=True)
class DestructionPlan:
    """What destroying one register's records past their period would do."""

    kind: str
    cutoff: date
    ids: tuple[str, ...]
    """The records that would be destroyed, oldest first."""
    kept: tuple[str, ...]
    """Past the period, but other records still refer to them: kept."""
    dated: dict[str, date]
    """The day each record's period counts from."""


@dataclass(frozen=True)
class Destruction:
    """What a destruction did."""

    plan: DestructionPlan
    audit_entry: int
    """The id of the ``retention`` audit entry that tells of it."""
    log_truncated: bool | None
    """Whether the write-ahead log (old page images) was emptied after the commit; None on a
    server database, which vacuums the tables instead (:func:`vacuum_on_server`)."""
    beside_backups: BesideBackups | None = None
    """What became of the list beside the backups (None: no backup folder was given)."""


@dataclass(frozen=True)
class BesideBackups:
    """The backup folder's list of destroyed records, written in the destruction's step."""

    path: Path
    """``erased-records-<point>.json`` in the backup folder."""
    missed: InspectorError | None = None
    """Why it was not written (the folder not reachable, busy, its list damaged): the next
    backup writes it. None: written."""


def retention_kinds(services) -> list[str]:
    """The registers with a retention period."""
    return [item.code for item in services.catalogues.items(RETENTION) if item.code in KINDS]


def referring(model: type[SyncedModel]) -> list[tuple[str, str]]:
    """(table, column) of every reference to ``model`` from a travelling record."""
    return [(other._meta.table_name, field.column_name) for other in SYNCED_MODELS
            for field in other._meta.sorted_fields
            if getattr(field, "rel_model", None) is model]


def plan_destruction(services, kind: str, ids: list[str] | None = None,
                     today: date | None = None) -> DestructionPlan:
    """What :func:`destroy_records` would destroy of ``kind`` (``ids``: only those, each of
    which must be past its period); changes nothing."""
    services.require(Action.MANAGE_ACCOUNTS)
    if kind not in retention_kinds(services):
        raise InspectorError("retention.unknown_kind", kind=kind,
                             kinds=", ".join(retention_kinds(services)))
    model = KINDS[kind].model
    field = model._meta.fields[services.catalogues.get(RETENTION, kind).extra["counted_from"]]
    dated = {record_id: day.date() if isinstance(day, datetime) else day
             for record_id, day in records_past(services, kind, today)
             .where(model.owner_point == services.point_code)
             .select(model.id, field).tuples()}
    past = list(dated)
    if ids is not None:
        known = set(past)
        for record_id in ids:
            if record_id not in known:
                raise InspectorError("retention.not_past", id=record_id, kind=kind)
        wanted = set(ids)
        past = [record_id for record_id in past if record_id in wanted]
    referred: set[str] = set()
    for table, column in referring(model):
        for start in range(0, len(past), 500):
            chunk = past[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            referred.update(row[0] for row in services.db.execute_sql(
                f'SELECT DISTINCT "{column}" FROM "{table}" WHERE "{column}" IN ({marks})',
                chunk))
    return DestructionPlan(kind, retention_cutoff(services, kind, today),
                           tuple(i for i in past if i not in referred),
                           tuple(i for i in past if i in referred),
                           {i: dated[i] for i in past})


def erase_entries(db, table: str, record_id: str) -> list[tuple[int, AuditRow]]:
    """(id, entry) of the audit entries about one record whose values are not erased yet."""
    sql = ('SELECT id, at, actor, action, table_name, record_id, change_seq, old_values, '
           'new_values, prev_hash, entry_hash FROM "audit_entry" WHERE record_id = ? AND '
           'table_name = ? AND action <> ? ORDER BY id')
    found = []
    for row in db.execute_sql(sql, (record_id, table, DESTROY_ACTION)):
        entry = AuditRow(*row[1:])
        if (entry.old_values, entry.new_values) != (erased_values(entry.old_values),
                                                    erased_values(entry.new_values)):
            found.append((row[0], entry))
    return found


def destroy_records(services, kind: str, ids: list[str] | None = None,
                    progress: Progress | None = None,
                    backup_folder: str | Path | None = None) -> Destruction:
    """Destroy the records of ``kind`` past their period (``ids``: only those); all in one
    transaction, audited. ``backup_folder``: the folder whose list of destroyed records is
    updated in the same step (:func:`list_beside_backups`). Returns what was done."""
    services.require(Action.MANAGE_ACCOUNTS)
    db = services.db
    model = KINDS[kind].model
    table = model._meta.table_name
    server = is_server(db)
    secure = contextlib.nullcontext() if server else pragma_while(db, "secure_delete", 1)
    with secure, db.atomic():
        plan = plan_destruction(services, kind, ids)
        now = services.clock.now_utc()
        actor = services.actor_login
        total = len(plan.ids)
        for done, record_id in enumerate(plan.ids, 1):
            destroy_row(services, table, record_id, now, actor)
            if progress is not None:
                progress(done, total)
        last_seq = next_change_seq()
        summary = write_audit(now, actor, RETENTION_ACTION, table, kind, last_seq, None, {
            "kind": kind, "cutoff": plan.cutoff.isoformat(), "count": total,
            "ids": list(plan.ids), "kept": list(plan.kept)})
        note_destroyed(services, table, plan.ids, now, actor, summary.id)
        beside = list_destroyed(services, [
            Erased(services.point_code, table, record_id, f"{now:%Y-%m-%d %H:%M:%S}", actor)
            for record_id in plan.ids], backup_folder)
        if plan.ids and not server and KINDS[kind].searchable:
            merge_search_index(db, table)
    if server:
        vacuum_on_server(db, [table, "audit_entry"] if plan.ids else [])
        return Destruction(plan, summary.id, None, beside)
    return Destruction(plan, summary.id, truncate_log(db), beside)


def list_destroyed(services, records: list[Erased],
                   backup_folder: str | Path | None = None) -> BesideBackups | None:
    """List just destroyed ``records`` in the erasure ledger beside the database file, inside
    the destruction's transaction (a failure to write it raises: the caller rolls back; a kill
    after it leaves the ledger ahead of the file, and the next open destroys them), then in the
    list beside the backups of ``backup_folder`` (:func:`list_beside_backups`)."""
    ledger = ledger_of(services.db)
    if ledger is None or not records:
        return None
    add_to_ledger(ledger, records)
    if backup_folder is None:
        return None
    return list_beside_backups(Path(backup_folder), services.point_code, records)


FOLDER_WAIT_SECONDS = 10.0
"""How long a destruction waits for a backup running in the folder before it leaves the
folder's list to the next backup."""


def list_beside_backups(folder: Path, point_code: str, records: list[Erased]) -> BesideBackups:
    """Add ``records`` to the list beside the backups in ``folder`` (under the folder's backup
    lock), so a new PC restoring an older backup from there destroys them too. A folder that is
    not there (a USB stick not plugged in), busy or whose list is damaged is not written: the
    destruction goes on and the next backup merges the whole ledger into the folder."""
    target = folder_ledger_path(folder, point_code)
    if not folder.is_dir():
        return BesideBackups(target, DatabaseError("retention.folder_unreachable",
                                                   folder=str(folder)))
    try:
        with folder_lock(folder, FOLDER_WAIT_SECONDS):
            add_to_ledger(target, records)
    except InspectorError as exc:
        return BesideBackups(target, exc)
    except OSError as exc:
        fault = classify(exc, path=target)
        return BesideBackups(target, fault or DatabaseError(
            "retention.folder_unreachable", folder=str(folder)))
    return BesideBackups(target)


def ledger_of(db) -> Path | None:
    """The erasure ledger of a database file (None: a server's, or one in memory)."""
    if is_server(db) or db.database in ("", ":memory:"):
        return None
    return ledger_path(db.database)


def destroy_row(services, table: str, record_id: str, now: datetime, actor: str) -> None:
    """Destroy one of the database's own records (inside the caller's transaction): its
    vouching ``destroy`` entry, its earlier entries' values erased, its row deleted."""
    db = services.db
    entries = erase_entries(db, table, record_id)
    write_audit(now, actor, DESTROY_ACTION, table, record_id, next_change_seq(), None, {
        "erased": {str(entry_id): [entry.entry_hash, erased_digest(entry)]
                   for entry_id, entry in entries}})
    if entries:
        marks = ", ".join("?" for _ in entries)
        db.execute_sql(
            f'UPDATE "audit_entry" SET old_values = CASE WHEN old_values IS NULL '
            f'THEN NULL ELSE ? END, new_values = CASE WHEN new_values IS NULL THEN '
            f'NULL ELSE ? END WHERE id IN ({marks})',
            (ERASED, ERASED, *(entry_id for entry_id, _ in entries)))
    db.execute_sql(f'DELETE FROM "{table}" WHERE id = ? AND owner_point = ?',
                   (record_id, services.point_code))
    services.recorder.written(table, record_id, deleted=True)


def note_destroyed(services, table: str, ids: tuple[str, ...] | list[str], now: datetime,
                   actor: str, audit_entry: int) -> None:
    """A ``destroyed_record`` line per destroyed record (one noted already stays as it was)."""
    marks = [(services.point_code, record_id, table, now, actor, audit_entry)
             for record_id in ids]
    if marks:
        services.db.execute_many(
            'INSERT INTO "destroyed_record" (owner_point, record_id, table_name, '
            'destroyed_at, destroyed_by, audit_entry) VALUES (?, ?, ?, ?, ?, ?) '
            'ON CONFLICT DO NOTHING', marks)


def merge_search_index(db, table: str) -> None:
    """Merge a table's FTS5 index into one segment: deleted rows' words leave it too."""
    db.execute_sql(f"""INSERT INTO "{table}_fts"("{table}_fts") VALUES ('optimize')""")


def vacuum_on_server(db, tables: list[str]) -> None:
    """On a PostgreSQL server, after the commit: ``VACUUM`` the tables a destruction changed,
    so the deleted rows' and erased values' old versions are pruned from their pages and
    indexes now rather than whenever autovacuum comes (it does not overwrite the bytes, nor
    touch the server's WAL or dumps: ``docs/retention.md``)."""
    if db.in_transaction():  # VACUUM cannot run inside one: autovacuum comes later
        return
    for table in tables:
        db.execute_sql(f'VACUUM (ANALYZE) "{table}"')


def truncate_log(db) -> bool:
    """Checkpoint the write-ahead log and empty it; False when a reader kept it busy."""
    busy, _, _ = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy
