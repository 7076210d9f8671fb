"""The write path every travelling record takes: stamps, change sequence, audit, tombstones.

A :class:`RecordService` subclass declares its model and its :meth:`clean` rules; create,
update and delete each run in one transaction that also writes the audit entry.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from json.encoder import c_make_encoder, encode_basestring
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from inspector_app.domain.permissions import Action
from inspector_app.domain.text import search_text
from inspector_app.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    StaleRecord,
    ValidationError,
)
from inspector_app.services.validation import Checker
from inspector_app.storage.models import AuditEntry, Meta, Staff, SyncedModel
from inspector_app.storage.server import lock_writes
from inspector_app.storage.territory import visible_condition

if TYPE_CHECKING:
    from inspector_app.services.context import Services

GENESIS_HASH = "0" * 64
_DERIVED_FIELDS = frozenset({"sort_name", "sort_key"})
_STAMP_FIELDS = frozenset(
    {"id", "owner_point", "created_at", "created_by", "updated_at", "updated_by", "row_version",
     "change_seq", "deleted", "deleted_at", "deleted_by", "search_text"}
)
_AUDIT_SKIPPED = _STAMP_FIELDS | _DERIVED_FIELDS


def next_change_seq() -> int:
    """Take the next number of this database's change sequence (inside a transaction)."""
    lock_writes(Meta._meta.database)  # a server database's importers take it only here
    row = Meta.get_or_none(Meta.key == "change_seq")
    value = (int(row.value) if row else 0) + 1
    Meta.insert(key="change_seq", value=str(value)).on_conflict(
        conflict_target=[Meta.key], update={Meta.value: str(value)}).execute()
    return value


_PLAIN_TYPES = frozenset({str, int, bool, float, type(None)})


def _encoder(item_separator: str, key_separator: str) -> Callable[[Any], str]:
    """``json.dumps(value, ensure_ascii=False, sort_keys=True, separators=...)``, built once.

    ``JSONEncoder.encode`` makes a new C encoder at every call, a fifth of the cost of
    encoding an audit entry; this one is made once (no cycle check: audited values are
    plain data). Same text as ``json.dumps`` (see tests/test_records_audit.py).
    """
    encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=True,
                               separators=(item_separator, key_separator))
    if c_make_encoder is None:  # a Python without the C accelerator
        return encoder.encode
    make = c_make_encoder(None, encoder.default, encode_basestring, None, key_separator,
                          item_separator, True, False, True)
    return lambda value: "".join(make(value, 0))


audit_json = _encoder(", ", ": ")
"""The audit trail's JSON of a record's audited values (``old_values``, ``new_values``)."""
_CANONICAL_JSON = _encoder(",", ":")


def json_value(value: Any) -> Any:
    if value.__class__ in _PLAIN_TYPES:
        return value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record_values(record: SyncedModel) -> dict[str, Any]:
    """A record's stored values as JSON-ready data, keyed by column name."""
    return {f.column_name: json_value(record.__data__.get(f.name))
            for f in record._meta.sorted_fields}


_audited_fields: dict[type, list[tuple[str, str]]] = {}


def audit_view(model: type[SyncedModel], data: dict[str, Any]) -> dict[str, Any]:
    """The audited values of a record's field data (no stamps, no derived fields)."""
    fields = _audited_fields.get(model)
    if fields is None:
        fields = _audited_fields[model] = [
            (f.name, f.column_name) for f in model._meta.sorted_fields
            if f.column_name not in _AUDIT_SKIPPED]
    view = {}
    for name, column in fields:
        value = data.get(name)
        view[column] = value if value.__class__ in _PLAIN_TYPES else json_value(value)
    return view


def _json_text(value: Any) -> str:
    if value is None:
        return "null"
    if value.__class__ is str:
        return encode_basestring(value)
    if value.__class__ is int:
        return str(value)
    return _CANONICAL_JSON(value)


def audit_entry_text(entry: AuditEntry | AuditRow) -> str:
    """The hashed content of an audit entry: the canonical JSON (sorted keys, no spaces) of
    ``{"action", "actor", "at", "change_seq", "new", "old", "record_id", "table"}``.

    Written out key by key in that order: twice as fast as encoding a dict, the same text
    (tests/test_records_audit.py compares the two).
    """
    return ('{"action":' + _json_text(entry.action) + ',"actor":' + _json_text(entry.actor)
            + ',"at":' + _json_text(json_value(entry.at))
            + ',"change_seq":' + _json_text(entry.change_seq)
            + ',"new":' + _json_text(entry.new_values) + ',"old":' + _json_text(entry.old_values)
            + ',"record_id":' + _json_text(entry.record_id)
            + ',"table":' + _json_text(entry.table_name) + "}")


def chain_hash(prev_hash: str, entry: AuditEntry | AuditRow) -> str:
    """Hash of one audit entry chained to the previous entry's hash."""
    return hashlib.sha256((prev_hash + audit_entry_text(entry)).encode("utf-8")).hexdigest()


class AuditRow(NamedTuple):
    """The column values of one audit entry (what :func:`new_audit_entry` builds)."""

    at: datetime
    actor: str
    action: str
    table_name: str
    record_id: str
    change_seq: int
    old_values: str | None
    new_values: str | None
    prev_hash: str
    entry_hash: str


def new_audit_entry(prev_hash: str, at: datetime, actor: str, action: str, table: str,
                    record_id: str, change_seq: int, old: dict | None,
                    new: dict | None) -> AuditRow:
    """An audit entry chained to ``prev_hash`` and hashed, not saved (bulk writers save it)."""
    row = AuditRow(
        at, actor, action, table, record_id, change_seq,
        None if old is None else audit_json(old),
        None if new is None else audit_json(new),
        prev_hash, "",
    )
    return row._replace(entry_hash=chain_hash(prev_hash, row))


def write_audit(at: datetime, actor: str, action: str, table: str, record_id: str,
                change_seq: int, old: dict | None, new: dict | None) -> AuditEntry:
    """Append one entry to the audit trail, chained to the last one."""
    lock_writes(AuditEntry._meta.database)
    last = AuditEntry.select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).first()
    row = new_audit_entry(last.entry_hash if last else GENESIS_HASH, at, actor, action, table,
                          record_id, change_seq, old, new)
    entry = AuditEntry(**row._asdict())
    entry.save(force_insert=True)
    return entry


def changed_only(old: dict, new: dict) -> tuple[dict, dict]:
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


class RecordService(ABC):
    """Create, read, update and tombstone one kind of travelling record."""

    model: ClassVar[type[SyncedModel]]
    kind: ClassVar[str]

    def __init__(self, services: Services):
        self.services = services

    # -- hooks for subclasses -------------------------------------------------------------
    @abstractmethod
    def clean(self, data: dict[str, Any], existing: SyncedModel | None) -> dict[str, Any]:
        """Validate ``data`` and return the field values to store; raise ValidationError."""

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        """The texts a free-text search should find this record by (records it names are
        found through ``services.resolver``)."""
        return []

    def checker(self, data: dict[str, Any]) -> Checker:
        """A :class:`Checker` of ``data`` with the services' resolver and rule policy."""
        return Checker(self.kind, data, self.services.resolver, self.services.policy,
                       self.model)

    def before_insert(self, values: dict[str, Any]) -> None:
        """Fill derived values of a new record (human numbers...)."""

    def after_save(self, record: SyncedModel, created: bool) -> None:
        """Follow-up writes in the same transaction (e.g. a registration's next check)."""

    def staff_or_current(self, check: Checker, field: str = "inspector") -> None:
        """Check that ``field`` names a staff member; when empty, the current officer."""
        check.reference(field, Staff, required=False)
        if not check.values[field]:
            check.values[field] = self.services.current_staff_id()

    def owned_by_actor(self, record: SyncedModel) -> bool:
        return record.created_by == self.services.actor_login

    def authorize(self, action: Action, record: SyncedModel | None,
                  data: dict[str, Any] | None) -> None:
        """Raise :class:`PermissionDenied` unless the current user may do ``action``."""
        own = record is None or self.owned_by_actor(record)
        self.services.require(action, self.kind, own_record=own)

    # -- queries --------------------------------------------------------------------------
    def get(self, record_id: str, *, include_deleted: bool = False) -> SyncedModel:
        """The record with ``record_id``; :class:`NotFound` if absent, deleted or of a point
        outside the session's territory."""
        self.services.require(Action.READ, self.kind)
        condition = self.model.id == record_id
        visible = visible_condition(self.model)
        record = self.model.get_or_none(condition if visible is None else condition & visible)
        if record is None or (record.deleted and not include_deleted):
            raise NotFound("error.not_found", kind=self.kind, id=record_id)
        return record

    def live(self):
        """Select query of this kind's records that are not tombstoned (of the session's
        territory)."""
        self.services.check_bound()
        query = self.model.select().where(self.model.not_deleted())
        visible = visible_condition(self.model)
        return query if visible is None else query.where(visible)

    def count(self) -> int:
        return self.live().count()

    def validate(self, data: dict[str, Any], record_id: str | None = None) -> list[FieldError]:
        """The problems ``data`` would meet on save (nothing is written); [] when valid."""
        existing = self.get(record_id) if record_id else None
        merged = dict(data)
        if existing is not None:
            current = {k: v for k, v in existing.__data__.items() if k not in _STAMP_FIELDS}
            merged = {**current, **data}
        try:
            with self.services.db.atomic() as transaction:
                self.clean(merged, existing)
                transaction.rollback()
        except ValidationError as exc:
            return exc.errors
        return []

    # -- writes ---------------------------------------------------------------------------
    def create(self, data: dict[str, Any]) -> SyncedModel:
        """Validate and store a new record; returns it with its id and human number."""
        services = self.services
        self.authorize(Action.CREATE, None, data)
        with services.db.atomic():
            values = self.clean(dict(data), None)
            self.before_insert(values)
            record = self.model(owner_point=services.point_code, created_by=services.actor_login,
                                row_version=0, deleted=False, **values)
            record.search_text = search_text(*self.search_parts(values))
            self.store(record, "create", None, self._audit_view(record))
            self.after_save(record, True)
        return record

    def update(self, record_id: str, data: dict[str, Any],
               expected_version: int | None = None) -> SyncedModel:
        """Change fields of a record (only those in ``data``); one transaction, audited."""
        services = self.services
        # Authorised before the transaction, so that a refusal stays in the audit chain.
        self.authorize(Action.EDIT, self.get(record_id), data)
        with services.db.atomic():
            record = self.get(record_id)
            if record.owner_point != services.point_code:
                raise PermissionDenied("error.not_owner", point=record.owner_point)
            if expected_version is not None and record.row_version != expected_version:
                raise StaleRecord("error.stale_record", by=record.updated_by)
            current = {k: v for k, v in record.__data__.items() if k not in _STAMP_FIELDS}
            merged = {**current, **data}
            values = self.clean(merged, record)
            before = self._audit_view(record)
            for name, value in values.items():
                setattr(record, name, value)
            record.search_text = search_text(*self.search_parts({**current, **values}))
            after = self._audit_view(record)
            if after == before:
                return record
            self.store(record, "update", *changed_only(before, after))
            self.after_save(record, False)
        return record

    def delete(self, record_id: str) -> None:
        """Tombstone a record: it stays in the file (and travels) marked deleted."""
        services = self.services
        self.authorize(Action.DELETE, self.get(record_id), None)  # outside: see update
        with services.db.atomic():
            record = self.get(record_id)
            if record.owner_point != services.point_code:
                raise PermissionDenied("error.not_owner", point=record.owner_point)
            self.check_can_delete(record)
            record.deleted, record.deleted_by = True, services.actor_login
            self.store(record, "delete", {"deleted": False}, {"deleted": True})
            self.after_save(record, False)

    def store(self, record: SyncedModel, action: str, old: dict | None,
              new: dict | None) -> None:
        """Write one version of ``record`` (inside the caller's transaction): the next change
        number, the time and author stamps, a row version, the audit entry of ``action``
        (``create``, ``update``, ``delete``) with ``old`` and ``new`` values, and a note in
        the services' :class:`~inspector_app.changes.ChangeRecorder`. The one way a record
        is written, follow-up writes too (:mod:`inspector_app.changes`)."""
        services = self.services
        now = services.clock.now_utc()
        seq = next_change_seq()
        if action == "create":
            record.created_at = now
        elif action == "delete":
            record.deleted_at = now
        record.updated_at, record.updated_by = now, services.actor_login
        record.row_version += 1
        record.change_seq = seq
        record.save(force_insert=action == "create")
        write_audit(now, services.actor_login, action, self.model._meta.table_name, record.id,
                    seq, old, new)
        services.recorder.written(self.kind, record.id, deleted=action == "delete")

    def check_can_delete(self, record: SyncedModel) -> None:
        """Refuse deleting a record others still refer to (subclasses override)."""

    # -- helpers --------------------------------------------------------------------------
    def _audit_view(self, record: SyncedModel) -> dict[str, Any]:
        return audit_view(self.model, record.__data__)

