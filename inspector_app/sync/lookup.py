"""Fast reference lookups while the services' rules validate an imported package.

The importer validates every incoming record with the services' own ``clean`` (no second
validator). Those rules look referenced records up through ``Checker.reference`` (a live record
``Model.get_or_none((Model.id == x) & (Model.deleted == False))``) and, for search texts,
``Model.by_id(x)``: one ORM query each, about 250 µs, far too slow for 1.5M records. While an
import runs, :func:`active` answers exactly those lookups (and ``get_or_none`` by id) from a
:class:`RecordLookup` instead: records of the package (remembered as they are written) and
records already in the database (one plain indexed SELECT, then cached). ``Checker.reference``
keeps its messages (a missing record fails the field) with one allowance: a tombstoned record
counts (see :func:`_reference`). Any other query shape, any other thread and any time outside an
import go to peewee unchanged.

A lookup sees only records owned by the sending point or by the district office itself: a
point's record may not refer to another point's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from peewee import OP, Expression, Model, SqliteDatabase

from inspector_app.services.validation import Checker
from inspector_app.storage.models import Address, Person, Registration, SyncedModel

KEPT: dict[type[SyncedModel], tuple[str, ...]] = {
    Person: ("surname", "first_name", "patronymic", "iin"),
    Address: ("street", "house"),
    Registration: ("person_id",),
}
"""Columns the services read from a referenced record (names, address, registered person)."""

_active: ContextVar[RecordLookup | None] = ContextVar("sync_record_lookup", default=None)
_MISS = object()
_installed = False


class Ref:
    """The few values of a referenced record that the services' rules read."""

    __slots__ = ("id", "owner_point", "deleted", "__dict__")

    def __init__(self, record_id: str, owner_point: str, deleted: bool, **values: Any):
        self.id = record_id
        self.owner_point = owner_point
        self.deleted = deleted
        self.__dict__.update(values)


class RecordLookup:
    """Records visible to one import: the package's and the database's, by kind and id."""

    def __init__(self, db: SqliteDatabase, owners: set[str]):
        self.db = db
        self.owners = owners
        self._cache: dict[type[SyncedModel], dict[str, Ref | None]] = {}

    def get(self, model: type[SyncedModel], record_id: str) -> Ref | None:
        """The record (live or tombstoned) of an allowed owner, or None."""
        cache = self._cache.setdefault(model, {})
        if record_id in cache:
            return cache[record_id]
        kept = KEPT.get(model, ())
        columns = ", ".join(f'"{c}"' for c in ("owner_point", "deleted", *kept))
        row = self.db.execute_sql(
            f'SELECT {columns} FROM "{model._meta.table_name}" WHERE id = ?', (record_id,)
        ).fetchone()
        ref = None
        if row is not None and row[0] in self.owners:
            ref = Ref(record_id, row[0], bool(row[1]), **dict(zip(kept, row[2:], strict=True)))
        cache[record_id] = ref
        return ref

    def remember(self, model: type[SyncedModel], record_id: str, owner: str, deleted: bool,
                 params: dict[str, Any]) -> None:
        """Note a record just written by the import (``params`` by column name)."""
        kept = KEPT.get(model, ())
        self._cache.setdefault(model, {})[record_id] = Ref(
            record_id, owner, deleted, **{c: params.get(c) for c in kept})

    def resolve(self, model: type[SyncedModel], expression: Any) -> Any:
        """The answer to ``get_or_none(expression)`` or ``_MISS`` for other query shapes."""
        live_only = False
        if isinstance(expression, Expression) and expression.op == OP.AND:
            right = expression.rhs
            if not (isinstance(right, Expression) and right.op == OP.EQ
                    and right.lhs is model._meta.fields.get("deleted") and right.rhs is False):
                return _MISS
            expression, live_only = expression.lhs, True
        if (isinstance(expression, Expression) and expression.op == OP.IS
                and expression.lhs is model._meta.primary_key and expression.rhs is None):
            return None  # ``Model.id == None``: no record has no id
        if not (isinstance(expression, Expression) and expression.op == OP.EQ
                and expression.lhs is model._meta.primary_key
                and isinstance(expression.rhs, str)):
            return _MISS
        ref = self.get(model, expression.rhs)
        if ref is not None and live_only and ref.deleted:
            return None
        return ref


def _get_or_none(cls, *query, **filters):
    lookup = _active.get()
    if lookup is not None and len(query) == 1 and not filters:
        found = lookup.resolve(cls, query[0])
        if found is not _MISS:
            return found
    return Model.get_or_none.__func__(cls, *query, **filters)


_original_by_id = SyncedModel.by_id.__func__


def _by_id(cls, record_id: str | None):
    """``Model.by_id`` answered from the active lookup (no query, no expression built)."""
    lookup = _active.get()
    if lookup is not None and isinstance(record_id, str) and record_id:
        return lookup.get(cls, record_id)
    return _original_by_id(cls, record_id)


_original_reference = Checker.reference


def _reference(self: Checker, field: str, model, *, required: bool = True,
               message: str = "v.not_found"):
    """``Checker.reference`` answered from the active lookup (same messages), with the
    import's one allowance: the record named may be a tombstone (the point deleted a meeting
    after feedback named it, and the feedback still says so), so the rules run to the end
    and every derived value is compared."""
    lookup = _active.get()
    raw = self.raw(field)
    if lookup is None or not isinstance(raw, str) or not raw:
        return _original_reference(self, field, model, required=required, message=message)
    ref = lookup.get(model, raw)
    if ref is None:
        self.fail(field, message)
    self.values[field] = raw
    return ref


def _install() -> None:
    global _installed
    if not _installed:
        SyncedModel.get_or_none = classmethod(_get_or_none)
        SyncedModel.by_id = classmethod(_by_id)
        Checker.reference = _reference
        _installed = True


@contextmanager
def active(lookup: RecordLookup) -> Iterator[RecordLookup]:
    """Answer reference lookups of this thread from ``lookup`` for the block's duration."""
    _install()
    token = _active.set(lookup)
    try:
        yield lookup
    finally:
        _active.reset(token)
