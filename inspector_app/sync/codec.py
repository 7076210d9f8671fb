"""Records as JSON lines and back: one codec per travelling record kind.

A record travels as one JSON object per line, keyed by column name, with every column of its
table except the derived ones (``search_text``, ``sort_name``, ``sort_key``: the importer
recomputes them with the services' own code) and ``staff.password_hash`` (a password hash
would let whoever holds the district's copy try passwords offline and log in at the point;
the district never needs it). Values: text, integers, ``true``/``false``, dates as
``YYYY-MM-DD``, moments (UTC or local as stored) as ``YYYY-MM-DD HH:MM:SS[.ffffff]``, amounts as
decimal text, references as the 32-hex id, ``null`` where the column allows it.

Decoding checks exactly that shape: the same set of columns, the right type in each, lengths
within the column's limit. A package of an older schema lacks the travelling columns added
since; :meth:`KindCodec.at_schema` reads (and writes) that shape, filling in the defaults the
migrations declare (see :mod:`inspector_app.sync.versions`). The services' rules (catalogue
codes, ИИН, dates...) come after, in :mod:`inspector_app.sync.apply`.
"""

from __future__ import annotations

import copy
import json
import operator
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import orjson
from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from inspector_app.storage.models import SYNCED_MODELS, Staff, SyncedModel
from inspector_app.sync.errors import SyncError
from inspector_app.sync.versions import added_after

DERIVED = frozenset({"search_text", "sort_name", "sort_key"})
SECRET = frozenset({"password_hash"})
LOCKED_PASSWORD = "!"
"""Stored as the password hash of staff received by sync: it never matches any password."""
STAMPS = frozenset({"id", "owner_point", "created_at", "created_by", "updated_at", "updated_by",
                    "row_version", "change_seq", "deleted", "deleted_at", "deleted_by"})
_HEX_ID = re.compile(r"^[0-9a-f]{32}$")


def dump_line(value: dict[str, Any]) -> bytes:
    """One JSON line of a member: compact UTF-8 (orjson: a district decodes millions of lines,
    four times faster than with the standard library)."""
    return orjson.dumps(value)


def load_line(line: bytes) -> Any:
    """The value of one JSON line; ``ValueError`` when it is not strict JSON in UTF-8."""
    return orjson.loads(line)


def load_received_line(line: bytes) -> Any:
    """A received line's value; ``ValueError`` also when an object names a key twice.

    A line as this program writes it encodes back to the same bytes, which proves it has no
    duplicate key (one ``orjson.dumps``); any other line is parsed again, slowly, to look.
    """
    value = orjson.loads(line)
    if len(orjson.dumps(value)) != len(line):
        json.loads(line, object_pairs_hook=unique_object)
    return value


class DuplicateKey(ValueError):
    """A JSON object names one key twice (which value counts would be the reader's guess)."""


def unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for :func:`json.loads`: :class:`DuplicateKey` on a repeated key."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        raise DuplicateKey(next(k for k, _ in pairs if k in seen or seen.add(k)))
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"not JSON: {name}")  # NaN, Infinity


def strict_json(raw: bytes) -> Any:
    """The value of a signed document (a manifest, a forward's note): strict JSON in UTF-8;
    :class:`DuplicateKey` for a key named twice, ``ValueError`` for anything else not JSON."""
    return json.loads(raw.decode("utf-8"), object_pairs_hook=unique_object,
                      parse_constant=_no_constant)


_INT_LIMIT = 2**63


@dataclass(frozen=True)
class Column:
    name: str
    field: str
    kind: str
    nullable: bool
    max_length: int | None
    target: type[SyncedModel] | None = None


def _column(field) -> Column:
    kind = ("ref" if isinstance(field, ForeignKeyField)
            else "bool" if isinstance(field, BooleanField)
            else "datetime" if isinstance(field, DateTimeField)
            else "date" if isinstance(field, DateField)
            else "decimal" if isinstance(field, DecimalField)
            else "int" if isinstance(field, IntegerField)
            else "text" if isinstance(field, CharField | TextField)
            else None)
    if kind is None:
        raise TypeError(f"no sync codec for {field!r}")
    if field.primary_key:
        kind = "id"
    max_length = getattr(field, "max_length", None) if isinstance(field, CharField) else None
    target = field.rel_model if isinstance(field, ForeignKeyField) else None
    return Column(field.column_name, field.name, kind, field.null, max_length, target)


@dataclass
class Incoming:
    """One decoded record: typed field values (by field name) and database values."""

    id: str
    row_version: int
    change_seq: int
    deleted: bool
    fields: dict[str, Any]
    params: dict[str, Any]
    raw: dict[str, Any]


class BadValue(Exception):
    def __init__(self, column: str, reason: str):
        super().__init__(column, reason)
        self.column = column
        self.reason = reason


_TEXT, _ID, _INT, _BOOL, _DATE, _DATETIME, _DECIMAL = range(7)
_KIND_CODES = {"text": _TEXT, "id": _ID, "ref": _ID, "int": _INT, "bool": _BOOL,
               "date": _DATE, "datetime": _DATETIME, "decimal": _DECIMAL}


def _typed(plan: list[tuple], data: dict[str, Any]) -> dict[str, Any]:
    """Typed values (by field name) of a decoded JSON object; :class:`BadValue` when wrong.

    One loop over the columns with the checks inlined: this runs for every imported record.
    """
    fields: dict[str, Any] = {}
    for name, field, kind, nullable, max_length in plan:
        value = data[name]
        if value is None:
            if not nullable:
                raise BadValue(name, "null")
            fields[field] = None
        elif kind == _TEXT:
            if value.__class__ is not str or (max_length is not None and len(value) > max_length):
                raise BadValue(name, "type" if value.__class__ is not str else "length")
            fields[field] = value
        elif kind == _ID:
            if value.__class__ is not str or len(value) != 32 or not _HEX_ID.match(value):
                raise BadValue(name, "id")
            fields[field] = value
        elif kind == _INT:
            if value.__class__ is not int or not -_INT_LIMIT <= value < _INT_LIMIT:
                raise BadValue(name, "type")
            fields[field] = value
        elif kind == _BOOL:
            if value.__class__ is not bool:
                raise BadValue(name, "type")
            fields[field] = value
        elif kind == _DATE:
            if value.__class__ is not str or len(value) != 10:
                raise BadValue(name, "date")
            try:
                fields[field] = date.fromisoformat(value)
            except ValueError:
                raise BadValue(name, "date") from None
        elif kind == _DATETIME:
            if value.__class__ is not str or len(value) not in (19, 26) or value[10] != " ":
                raise BadValue(name, "datetime")
            try:
                fields[field] = datetime.fromisoformat(value)
            except ValueError:
                raise BadValue(name, "datetime") from None
        else:
            if value.__class__ is not str or len(value) > 32:
                raise BadValue(name, "decimal")
            try:
                number = Decimal(value)
            except InvalidOperation:
                raise BadValue(name, "decimal") from None
            if not number.is_finite():
                raise BadValue(name, "decimal")
            fields[field] = number
    return fields


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


class KindCodec:
    """How one record kind is written to and read from a package member."""

    def __init__(self, model: type[SyncedModel]):
        meta = model._meta
        self.model = model
        self.table = meta.table_name
        self.member = f"{self.table}.jsonl.gz"
        all_columns = [_column(f) for f in meta.sorted_fields]
        self.columns = [c for c in all_columns if c.name not in DERIVED | SECRET]
        self.names = frozenset(c.name for c in self.columns)
        self.sent_names = self.names
        """The columns a line carries (fewer for an older schema, see :meth:`at_schema`)."""
        self.missing: dict[str, Any] = {}
        """The columns an older schema's lines lack, with the values they take."""
        self.derived = [c.name for c in all_columns if c.name in DERIVED]
        self.references = {c.field: c.target for c in self.columns if c.kind == "ref"}
        self._bools = [i for i, c in enumerate(self.columns) if c.kind == "bool"]
        self._decimals = [i for i, c in enumerate(self.columns) if c.kind == "decimal"]
        self._names = [c.name for c in self.columns]
        self._plan = [(c.name, c.field, _KIND_CODES[c.kind], c.nullable, c.max_length)
                      for c in self.columns]
        self._bool_names = [c.name for c in self.columns if c.kind == "bool"]
        self.data_fields = [c.field for c in self.columns if c.name not in STAMPS]
        self.deleted_index = self._names.index("deleted")
        quoted = _quoted(self._names)
        self.export_sql = (f'SELECT {quoted} FROM "{self.table}" WHERE owner_point = ? '
                           f'AND change_seq > ? AND change_seq <= ? ORDER BY change_seq')
        self.select_all_sql = f'SELECT {quoted} FROM "{self.table}" WHERE id = ?'
        written = self._names + self.derived + (["password_hash"] if model is Staff else [])
        self.insert_columns = written
        marks = ", ".join("?" for _ in written)
        self.insert_sql = f'INSERT INTO "{self.table}" ({_quoted(written)}) VALUES ({marks})'
        updated = self._names[1:] + self.derived
        self.update_columns = updated
        self.insert_values = operator.itemgetter(*written)
        self.update_values = operator.itemgetter(*updated)
        assignments = ", ".join(f'"{c}" = ?' for c in updated)
        self.update_sql = (f'UPDATE "{self.table}" SET {assignments} '
                           f'WHERE id = ? AND row_version < ?')

    # -- export ---------------------------------------------------------------------------
    def _values(self, row: tuple) -> dict[str, Any]:
        values = list(row)
        for i in self._bools:
            values[i] = bool(values[i])
        for i in self._decimals:
            if values[i] is not None:
                values[i] = str(Decimal(str(values[i])))
        return dict(zip(self._names, values, strict=True))

    def encode(self, row: tuple) -> bytes:
        """A database row (columns as in :attr:`export_sql`) as one JSON line."""
        data = self._values(row)
        for name in self.missing:
            del data[name]
        return dump_line(data)

    def plain_row(self, row: tuple) -> dict[str, Any]:
        """A database row as JSON-ready values, every column (compared with a decoded line)."""
        return load_line(dump_line(self._values(row)))

    def at_schema(self, schema_version: int) -> KindCodec:
        """This codec for lines of ``schema_version``: without the columns added since (this
        codec itself when there are none)."""
        missing = {name: value for name, value in added_after(self.table, schema_version).items()
                   if name in self.names}
        if not missing:
            return self
        older = copy.copy(self)
        older.missing = missing
        older.sent_names = self.names - missing.keys()
        return older

    # -- import ---------------------------------------------------------------------------
    def decode(self, line: bytes) -> Incoming:
        """One JSON line as an :class:`Incoming` record; :class:`SyncError` when malformed."""
        try:
            data = load_received_line(line)
        except ValueError:
            raise SyncError("sync.bad_record", kind=self.table, id="?", field="-",
                            reason="json") from None
        if not isinstance(data, dict):
            raise SyncError("sync.bad_record", kind=self.table, id="?", field="-", reason="json")
        record_id = data.get("id")
        record_id = record_id if isinstance(record_id, str) else "?"
        if data.keys() != self.sent_names:
            extra = sorted(set(data) - self.sent_names) or sorted(self.sent_names - set(data))
            raise SyncError("sync.bad_record", kind=self.table, id=record_id[:32],
                            field=str(extra[0])[:64], reason="columns")
        if self.missing:
            data = {**data, **self.missing}
        try:
            fields = _typed(self._plan, data)
        except BadValue as exc:
            raise SyncError("sync.bad_record", kind=self.table, id=record_id[:32],
                            field=exc.column, reason=exc.reason) from None
        params = dict(data)
        for name in self._bool_names:
            params[name] = int(data[name])
        if fields["row_version"] < 1 or (fields["deleted"] and fields["deleted_at"] is None):
            raise SyncError("sync.bad_record", kind=self.table, id=record_id,
                            field="row_version", reason="stamps")
        return Incoming(record_id, fields["row_version"], fields["change_seq"], fields["deleted"],
                        fields, params, data)


CODECS: dict[type[SyncedModel], KindCodec] = {model: KindCodec(model) for model in SYNCED_MODELS}
BY_MEMBER: dict[str, KindCodec] = {codec.member: codec for codec in CODECS.values()}
AUDIT_MEMBER = "audit.jsonl.gz"
