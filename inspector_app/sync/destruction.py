"""At the district office: a point's destruction of records, followed on the district's copies.

A point destroys records past their retention period (:mod:`inspector_app.services.destruction`);
each destroyed record leaves a ``destroy`` entry in its audit trail, and the trail travels in
the next records package. After the package's records and trail are prepared (the trail
applier checked the entries' hashes and collected the new ``destroy`` entries), the district
destroys its copy of each record, inside the import's transaction, only when:

- the record is one of the sending point's (a package signed with a point's real key cannot
  touch another point's records);
- its register has a retention period in the **district's** catalogue, and by that catalogue
  and the district's own clock the record is past it (a point cannot destroy a record early by
  shipping a shorter period or a clock set ahead; the district's periods come from the same
  reference data the point received).

Otherwise the whole package is refused with a message naming the record, and nothing changes.
The district then deletes its copy (its search index words go with it), erases the values of
its copies of the point's audit entries about the record (the point's ``destroy`` entry, held
now too, vouches for them), and notes the id in ``destroyed_record`` so that a late package
cannot bring the record back. A destroyed record the district never received is only noted.
In the same step (before the import's transaction commits) every destroyed record is listed in
the district's own erasure ledger (:func:`~inspector_app.services.destruction.list_destroyed`),
so that a restore of an older backup of the district, and every open, destroys its copies
again (:func:`forget_copy`, called by :mod:`inspector_app.services.redestruction`).
"""

from __future__ import annotations

from datetime import date, datetime

from inspector_app.kinds import KINDS
from inspector_app.protection.erasure_ledger import Erased
from inspector_app.services.audit_erasure import DESTROY_ACTION, ERASED
from inspector_app.services.destruction import list_destroyed, merge_search_index, referring
from inspector_app.services.retention import RETENTION, cutoff_for
from inspector_app.storage.database import pragma_while
from inspector_app.storage.dialect import is_server
from inspector_app.sync import state
from inspector_app.sync.errors import SyncError


def destroyed_ids(db, owner: str, ids: list[str]) -> set[str]:
    """Those of ``ids`` that ``owner`` destroyed (a late package must not bring them back)."""
    marks = ", ".join("?" for _ in ids)
    return {row[0] for row in db.execute_sql(
        f'SELECT record_id FROM "destroyed_record" WHERE owner_point = ? '
        f'AND record_id IN ({marks})', (owner, *ids))}


def follow_destruction(services, sender: str, database_id: str,
                       destroyed: list[tuple[str, str, int]], at: datetime,
                       count_delta: dict[str, list[int]]) -> list[str]:
    """Destroy the district's copies of the records ``sender``'s new ``destroy`` entries name;
    :class:`SyncError` (the caller rolls back) when one may not be. Returns the ids destroyed
    here; ``count_delta`` gets the change of the point's counts."""
    db = services.db
    if is_server(db):
        return _follow(services, sender, database_id, destroyed, at, count_delta)
    with pragma_while(db, "secure_delete", 1):  # the freed bytes are overwritten
        done = _follow(services, sender, database_id, destroyed, at, count_delta)
    # in the same step: a restored older backup of the district destroys them again
    list_destroyed(services, [Erased(sender, table, record_id, f"{at:%Y-%m-%d %H:%M:%S}",
                                     services.actor_login)
                              for table, record_id, _ in destroyed])
    return done


def _follow(services, sender: str, database_id: str, destroyed: list[tuple[str, str, int]],
            at: datetime, count_delta: dict[str, list[int]]) -> list[str]:
    db = services.db
    today = services.clock.today()
    done: list[str] = []
    touched: set[str] = set()
    for table, record_id, entry_id in destroyed:
        held = _held(services, table, record_id, sender, today)
        if held is not None:
            # checked here: an import runs with SQLite's foreign-key check off
            if any(db.execute_sql(f'SELECT 1 FROM "{other}" WHERE "{column}" = ? LIMIT 1',
                                  (record_id,)).fetchone()
                   for other, column in referring(KINDS[table].model)):
                raise SyncError("sync.destroy_referenced", point=sender, id=record_id,
                                kind=table)
            db.execute_sql(f'DELETE FROM "{table}" WHERE id = ?', (record_id,))
            counts = count_delta.setdefault(table, [0, 0])
            counts[1 if held else 0] -= 1
            touched.add(table)
            done.append(record_id)
        db.execute_sql(
            'UPDATE "point_audit_entry" SET old_values = CASE WHEN old_values IS NULL THEN '
            'NULL ELSE ? END, new_values = CASE WHEN new_values IS NULL THEN NULL ELSE ? END '
            'WHERE point_code = ? AND database_id = ? AND table_name = ? AND record_id = ? '
            'AND entry_id < ? AND action <> ? AND (old_values IS NOT NULL OR new_values IS '
            'NOT NULL)', (ERASED, ERASED, sender, database_id, table, record_id, entry_id,
                          DESTROY_ACTION))
        db.execute_sql(
            'INSERT INTO "destroyed_record" (owner_point, record_id, table_name, destroyed_at, '
            'destroyed_by, audit_entry) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
            (sender, record_id, table, at, services.actor_login, entry_id))
    if not is_server(db):
        for table in touched:
            if KINDS[table].searchable:
                merge_search_index(db, table)
    return done


def _held(services, table: str, record_id: str, sender: str, today: date) -> bool | None:
    """Whether the held copy is a tombstone (None: not held); :class:`SyncError` when the
    sender may not destroy it."""
    item = services.catalogues.get(RETENTION, table) if table in KINDS else None
    if item is None:
        raise SyncError("sync.destroy_not_kept", point=sender, id=record_id[:32],
                        kind=table[:64])
    model = KINDS[table].model
    counted_from = item.extra["counted_from"]
    row = (model.select(model.owner_point, model.deleted, model._meta.fields[counted_from])
           .where(model.id == record_id).tuples().first())
    if row is None:
        return None
    owner, deleted, dated = row
    if owner != sender:
        raise SyncError("sync.destroy_foreign", point=sender, id=record_id, owner=owner)
    years = int(item.extra["years"])
    cutoff = cutoff_for(years, today)
    day = dated.date() if isinstance(dated, datetime) else dated
    if day is None or day >= cutoff:
        until = "—" if day is None else f"{cutoff_for(-years, day):%d.%m.%Y}"
        raise SyncError("sync.destroy_too_early", point=sender, id=record_id,
                        date="—" if day is None else f"{day:%d.%m.%Y}", years=years,
                        until=until)
    return bool(deleted)


def forget_copy(services, table: str, record_id: str, owner: str, now: datetime,
                audit_entry: int) -> None:
    """Destroy again the office's copy of a point's record its erasure ledger lists (inside
    the caller's transaction): the row deleted, the point's counts lowered, the id noted in
    ``destroyed_record``, and the values of the point's entries about it erased where the
    point's ``destroy`` entry is held (an older backup may not hold it yet: those entries are
    erased when the point's trail brings it again, :func:`follow_destruction`)."""
    db = services.db
    row = db.execute_sql(f'SELECT deleted FROM "{table}" WHERE id = ? AND owner_point = ?',
                         (record_id, owner)).fetchone()
    if row is not None:
        db.execute_sql(f'DELETE FROM "{table}" WHERE id = ? AND owner_point = ?',
                       (record_id, owner))
        peer = state.peer(db, owner)
        if peer is not None and table in peer.counts:
            peer.counts[table][1 if row[0] else 0] -= 1
            state.save_peer(db, peer)
    db.execute_sql(
        'UPDATE "point_audit_entry" SET old_values = CASE WHEN old_values IS NULL THEN '
        'NULL ELSE ? END, new_values = CASE WHEN new_values IS NULL THEN NULL ELSE ? END '
        'WHERE point_code = ? AND table_name = ? AND record_id = ? AND action <> ? '
        'AND (old_values IS NOT NULL OR new_values IS NOT NULL) AND EXISTS (SELECT 1 FROM '
        '"point_audit_entry" AS d WHERE d.point_code = point_audit_entry.point_code AND '
        'd.database_id = point_audit_entry.database_id AND d.action = ? AND d.table_name = '
        'point_audit_entry.table_name AND d.record_id = point_audit_entry.record_id AND '
        'd.entry_id > point_audit_entry.entry_id)',
        (ERASED, ERASED, owner, table, record_id, DESTROY_ACTION, DESTROY_ACTION))
    db.execute_sql(
        'INSERT INTO "destroyed_record" (owner_point, record_id, table_name, destroyed_at, '
        'destroyed_by, audit_entry) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        (owner, record_id, table, now, services.actor_login, audit_entry))
