"""`check`: SQLite integrity, foreign keys and the audit trail's hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peewee import SqliteDatabase

from inspector_app.faults import classify
from inspector_app.services.audit_erasure import ErasedEntries
from inspector_app.services.records import GENESIS_HASH, chain_hash
from inspector_app.storage.dialect import is_server
from inspector_app.storage.models import SYNCED_MODELS, AuditEntry
from inspector_app.sync.restored import is_skip_allowed


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def check_database(db: SqliteDatabase) -> list[Problem]:
    """Every problem found; an empty list means the database is sound."""
    problems: list[Problem] = []
    if is_server(db):
        # the server checks its own pages and enforces the foreign keys on every write;
        # what is ours to check is the audit chain and that every record has its entry
        return _audit_problems()
    try:
        details = [row[0] for row in db.execute_sql("PRAGMA integrity_check").fetchall()]
    except Exception as exc:  # sqlite3 / SQLCipher: a page too damaged to walk
        if classify(exc, path=db.database) is None:
            raise
        return [Problem("check.integrity", {"detail": str(exc)})]
    for detail in details:
        if detail != "ok":
            problems.append(Problem("check.integrity", {"detail": detail}))
    if problems:
        return problems  # the other checks read the damaged pages too
    for table, rowid, parent, _ in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(Problem("check.foreign_key",
                                {"table": table, "rowid": rowid, "parent": parent}))
    return problems + _audit_problems()


def _audit_problems() -> list[Problem]:
    problems = []
    broken = first_broken_audit_entry()
    if broken is not None:
        problems.append(Problem("check.audit_broken", {"entry": broken[0], "reason": broken[1]}))
    problems.extend(records_without_audit())
    return problems


def first_broken_audit_entry() -> tuple[int, str] | None:
    """(entry id, reason) of the first entry whose hash or link is wrong, or None.

    An entry erased by a destruction counts as sound when a later ``destroy`` entry vouches
    for it (:mod:`inspector_app.services.audit_erasure`)."""
    previous = GENESIS_HASH
    expected_id = None
    erased = ErasedEntries()
    query = AuditEntry.select().order_by(AuditEntry.id)
    for entry in query.iterator():
        if expected_id is not None and entry.id != expected_id and not is_skip_allowed(
                entry.action, entry.id, expected_id):
            return expected_id, "entry missing"
        if entry.prev_hash != previous:
            return entry.id, "link to the previous entry does not match"
        if chain_hash(entry.prev_hash, entry) == entry.entry_hash:
            erased.vouch(entry)
        elif not erased.wait(entry.id, entry):
            return entry.id, "content does not match its hash"
        previous, expected_id = entry.entry_hash, entry.id + 1
    unvouched = erased.first_unvouched()
    if unvouched is not None:
        return unvouched, "content does not match its hash"
    return None


def records_without_audit(limit: int = 20) -> list[Problem]:
    """Records written at this database that have no audit entry for their last change.

    Copies of other points' records (received by sync) carry their owner's trail, not this
    database's: only records owned by this database's point are checked.
    """
    problems = []
    for model in SYNCED_MODELS:
        table = model._meta.table_name
        sql = (f'SELECT r.id FROM "{table}" r WHERE r.owner_point = (SELECT value FROM meta '
               f"WHERE key = 'point_code') AND NOT EXISTS (SELECT 1 FROM audit_entry a "
               f'WHERE a.record_id = r.id AND a.change_seq = r.change_seq) LIMIT {limit:d}')
        for (record_id,) in model._meta.database.execute_sql(sql).fetchall():
            problems.append(Problem("check.audit_missing", {"table": table, "record": record_id}))
    return problems


def audit_entry_count() -> int:
    return AuditEntry.select().count()
