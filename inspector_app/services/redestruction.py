"""Destroyed records stay destroyed: a restore (or any open) destroys them again.

A backup made before a destruction still holds the destroyed records. The erasure ledger
(:mod:`inspector_app.protection.erasure_ledger`, beside the database and beside its backups)
lists every record destroyed. :func:`restore_keeping_erasure` is the restore every front end
calls (the desktop client's, ``inspector restore``, a new PC's): it reads the ledgers first (a
damaged one refuses the restore before anything changes, naming the file), restores the
backup, and in one transaction destroys again each listed record the restored file holds
(:func:`reapply_ledger`: the same steps as the destruction, a vouching ``destroy`` entry per
record, and one ``erased_again`` entry naming the backup), so the chain still verifies.
Every open of a database file re-applies its ledger too (:func:`reapply_at_open`): a restore
killed between putting the file in place and destroying again ends at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.clock import Clock
from inspector_app.errors import DatabaseError, FileMissing
from inspector_app.kinds import KINDS
from inspector_app.protection import backup as backups
from inspector_app.protection.erasure_ledger import (
    Erased,
    folder_ledger_path,
    ledger_path,
    merged,
    read_ledger,
    write_ledger,
)
from inspector_app.services.audit_erasure import REAPPLY_ACTION
from inspector_app.services.context import Services
from inspector_app.services.destruction import (
    destroy_row,
    ledger_of,
    merge_search_index,
    note_destroyed,
    truncate_log,
)
from inspector_app.services.records import next_change_seq, write_audit
from inspector_app.storage.database import open_database, pragma_while
from inspector_app.sync.destruction import forget_copy

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Reapplied:
    """Records a re-application destroyed again."""

    ids: tuple[str, ...]
    audit_entry: int
    ledger: Path


def still_held(services, records: list[Erased]) -> list[Erased]:
    """Those of ``records`` (of a known register) the database holds: its own records, and at
    an office its copies of a point's records owned by that point."""
    by_table: dict[str, list[Erased]] = {}
    for record in records:
        if record.table in KINDS:
            by_table.setdefault(record.table, []).append(record)
    found: set[tuple[str, str, str]] = set()
    for table, listed in by_table.items():
        for start in range(0, len(listed), 500):
            chunk = [r.record_id for r in listed[start:start + 500]]
            marks = ", ".join("?" for _ in chunk)
            found.update((table, row[0], row[1]) for row in services.db.execute_sql(
                f'SELECT id, owner_point FROM "{table}" WHERE id IN ({marks})', chunk))
    return [record for record in records
            if (record.table, record.record_id, record.owner_point) in found]


def reapply_ledger(services, records: list[Erased], ledger: Path, *, reason: str,
                   backup: str = "", progress: Progress | None = None) -> Reapplied | None:
    """Destroy again, in one transaction, the listed records the database still holds (in
    the ledger's order); None when it holds none of them."""
    db = services.db
    with pragma_while(db, "secure_delete", 1), db.atomic():
        held = still_held(services, records)
        if not held:
            return None
        now = services.clock.now_utc()
        actor = services.actor_login
        own = [record for record in held if record.owner_point == services.point_code]
        for done, record in enumerate(own, 1):
            destroy_row(services, record.table, record.record_id, now, actor)
            if progress is not None:
                progress(done, len(held))
        ids: dict[str, list[str]] = {}
        copies: dict[str, list[str]] = {}  # an office's copies of its points' records
        for record in held:
            into = ids if record.owner_point == services.point_code else copies
            into.setdefault(record.table, []).append(
                record.record_id if into is ids else f"{record.owner_point}:{record.record_id}")
        summary = write_audit(now, actor, REAPPLY_ACTION, "destroyed_record", reason[:32],
                              next_change_seq(), None, {
                                  "reason": reason, "backup": backup[:200],
                                  "ledger": ledger.name, "count": len(held), "ids": ids,
                                  **({"copies": copies} if copies else {})})
        for table, table_ids in ids.items():
            note_destroyed(services, table, table_ids, now, actor, summary.id)
        others = [record for record in held if record.owner_point != services.point_code]
        for done, record in enumerate(others, len(own) + 1):
            forget_copy(services, record.table, record.record_id, record.owner_point, now,
                        summary.id)
            if progress is not None:
                progress(done, len(held))
        for table in {record.table for record in held}:
            if KINDS[table].searchable:
                merge_search_index(db, table)
    truncate_log(db)
    return Reapplied(tuple(r.record_id for r in held), summary.id, ledger)


def reapply_at_open(services) -> Reapplied | None:
    """At every open of a database file: destroy again what its ledger lists and it still
    holds. A damaged ledger is left as it is (the next destruction or restore names it)."""
    ledger = ledger_of(services.db)
    if ledger is None or not ledger.exists() or services.db.damaged is not None:
        return None
    try:
        records = read_ledger(ledger)
    except DatabaseError as exc:
        services.erasure_problem = exc
        return None
    return reapply_ledger(services, records, ledger, reason="open")


def restore_keeping_erasure(backup: str | Path, db_path: str | Path, *,
                            clock: Clock | None = None, key: bytes | None = None,
                            progress: Progress | None = None
                            ) -> tuple[Path | None, Reapplied | None]:
    """Restore ``backup`` over ``db_path`` (:func:`~..protection.backup.restore_backup`) and
    destroy again what the ledgers (beside the database, beside the backup) list. Returns the
    kept copy of the current database and what was destroyed again."""
    backup, db_path = Path(backup), Path(db_path)
    if not backup.is_file():
        raise FileMissing(path=str(backup))
    listed = backups.read_backup(backup)
    point_code = listed.point_code if listed and listed.point_code else \
        backups.describe_backup(backup, key).point_code
    beside = ledger_path(db_path)
    own = read_ledger(beside)  # a damaged ledger refuses the restore: nothing changed yet
    records = merged(own, read_ledger(folder_ledger_path(backup.parent, point_code)))
    if len(records) != len(own):  # a new PC: its data folder keeps the ledger from now on
        write_ledger(beside, records)
    kept = backups.restore_backup(backup, db_path, clock=clock, key=key)
    if not records:
        return kept, None
    db = open_database(db_path, credentials=key)
    services = Services(db, clock=clock, keyring=db.keyring)
    try:
        return kept, reapply_ledger(services, records, beside, reason="restore",
                                    backup=backup.name, progress=progress)
    finally:
        services.db.close()
