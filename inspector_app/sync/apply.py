"""Applying one point's records at the district office, inside the import's transaction.

For every incoming record, by id: a newer row version than the one held is written (insert or
update; a tombstone is just a newer version marked deleted); the same version is "unchanged"
when identical and a conflict when not (never overwritten silently); an older version is
"superseded" (a late file) and ignored, and so is a record its point has destroyed since
(:mod:`inspector_app.sync.destruction`). Before a record is written it must pass the services'
own ``clean`` rules, run as the sending point would (its point code, its clock at export time),
finding referenced records through the import's :class:`~inspector_app.sync.lookup.RecordLookup`
and under :data:`IMPORT_POLICY`, the import's allowances:

- references may point to tombstoned records of the point: the point may delete a meeting after
  feedback was linked to it, and the row still says so;
- catalogue codes since retired (inactive) still count as known, for older records;
- the entry rules added since records began to travel (``RulePolicy.entry_rules``: collapsed
  spaces, no control characters, a place more than its town, a registration's term) are the
  point's program's to apply: a district imports every older program's packages;
- rules that compare a record with the point's other live records (a unique ИИН, a unique
  login, talon order) are the point's to keep; the district may hold a mix of old and new
  versions while a package is missing, so they are not re-checked here (unique indexes still
  guard the database).

``search_text``, ``sort_name`` and ``sort_key`` are recomputed with the services' functions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from peewee import SqliteDatabase

from inspector_app.domain.catalogues import Catalogues
from inspector_app.domain.clock import FixedClock
from inspector_app.domain.permissions import Role
from inspector_app.domain.text import search_text
from inspector_app.errors import FieldError, ValidationError
from inspector_app.kinds import KINDS
from inspector_app.messages import translate
from inspector_app.reports.formatting import group_thousands
from inspector_app.services.context import Services
from inspector_app.services.validation import RulePolicy
from inspector_app.storage.models import Address, Person, Point, Staff
from inspector_app.sync.codec import CODECS, LOCKED_PASSWORD, Incoming, KindCodec
from inspector_app.sync.destruction import destroyed_ids
from inspector_app.sync.errors import SyncError
from inspector_app.sync.lookup import RecordLookup

BATCH = 500
REFERENCED = frozenset(target for codec in CODECS.values() for target in codec.references.values())
"""Kinds other records refer to: only these are remembered for later lookups."""
CLOCK_TOLERANCE = timedelta(days=2)


@dataclass
class KindResult:
    """What one package did to one record kind."""

    new: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    superseded: int = 0
    conflicts: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def held_rows(db: SqliteDatabase, table: str, ids: list[str]) -> dict[str, tuple]:
    """``(owner_point, row_version, deleted)`` by id, of those ``ids`` that ``table`` holds."""
    marks = ", ".join("?" for _ in ids)
    return {row[0]: row[1:] for row in db.execute_sql(
        f'SELECT id, owner_point, row_version, deleted FROM "{table}" WHERE id IN ({marks})',
        ids)}


class InvalidRecord(SyncError):
    """A record breaks the services' rules; the message lists every field problem."""

    code = "sync.invalid_record"

    def __init__(self, kind: str, record_id: str, errors: list[FieldError]):
        self.errors = errors
        super().__init__(self.code, kind=kind, id=record_id)

    def message(self, lang: str = "ru") -> str:
        head = translate(self.code, lang, **self.params)
        return "\n".join([head, *(e.message(lang) for e in self.errors)])


IMPORT_POLICY = RulePolicy(compare_with_other_records=False, tombstoned_references=True,
                           retired_codes=True, entry_rules=False)
"""The import's allowances (see the module's description)."""


def validation_services(db: SqliteDatabase, lookup: RecordLookup, sender: str,
                        local_moment: datetime, sender_kind: str = "point",
                        catalogues: Catalogues | None = None) -> Services:
    """Services that apply the rules as the sender (a point, or the district office sending
    its reference data) would, at its export time, finding records through ``lookup``, with
    ``catalogues`` when the caller holds them already read (else read anew)."""
    return Services(db, clock=FixedClock(local_moment + CLOCK_TOLERANCE), resolver=lookup,
                    policy=IMPORT_POLICY, catalogues=catalogues,
                    meta={"point_code": sender, "database_kind": sender_kind})


class _Existing:
    """The incoming record as the ``existing`` one the services' ``clean`` compares with."""

    __slots__ = ("_fields",)

    def __init__(self, fields: dict[str, Any]):
        self._fields = fields

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None


def _shown(value: Any) -> str:
    """A value as a refusal message quotes it, in every language: dates dd.MM.yyyy, whole
    numbers with their thousands grouped."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if value.__class__ is int:
        return group_thousands(value)
    return str(value)[:64]


class RecordsApplier:
    """Prepares a package's records kind by kind and hands the writes to ``writer`` (see
    :mod:`inspector_app.sync.pipeline`); keeps results and count changes. Reads go through
    ``db`` in the calling thread."""

    def __init__(self, db: SqliteDatabase, services: Services, lookup: RecordLookup,
                 sender: str, seq_from: int, seq_to: int, writer, *, fresh: bool = False):
        self.db = db
        self.fresh = fresh
        self.writer = writer
        self.services = services
        self.by_model = {k.model: services.service(k.slug) for k in KINDS.values()}
        self.lookup = lookup
        self.sender = sender
        self.seq_from = seq_from
        self.seq_to = seq_to
        self.count_delta: dict[str, list[int]] = {}
        self.conflict_ids: list[str] = []
        self.tombstones: dict[str, int] = {}
        """Tombstones sent per kind (held or not), checked against the manifest's counts."""
        self._seen: dict[str, str] = {}  # every id of the package: the kind it came in
        self.any_destroyed = db.execute_sql(
            'SELECT 1 FROM "destroyed_record" WHERE owner_point = ? LIMIT 1',
            (sender,)).fetchone() is not None
        """Whether the sender destroyed records: a late package's copies of them are
        superseded (:mod:`inspector_app.sync.destruction`)."""

    def apply(self, codec: KindCodec, lines, progress=None) -> KindResult:
        """Apply every line of one member; :class:`SyncError` on the first bad record."""
        self.writer.begin(codec.table)
        result = self._apply(codec, lines, progress)
        self.writer.end(codec.table)
        return result

    def _apply(self, codec: KindCodec, lines, progress=None) -> KindResult:
        result = KindResult()
        seen = self._seen
        table = codec.table
        done = tombstones = 0
        batch: list[Incoming] = []
        for line in lines:
            record = codec.decode(line)
            first = seen.get(record.id)
            if first is not None:
                raise (SyncError("sync.duplicate_id", kind=table, id=record.id) if first == table
                       else SyncError("sync.id_in_two_kinds", id=record.id, first=first,
                                      second=table))
            seen[record.id] = table
            self._check_stamps(codec, record)
            tombstones += record.deleted
            batch.append(record)
            done += 1
            if len(batch) >= BATCH:
                self._apply_batch(codec, batch, result)
                batch = []
                if progress is not None:
                    progress(table, done)
        self._apply_batch(codec, batch, result)
        self.tombstones[table] = tombstones
        return result

    def _check_stamps(self, codec: KindCodec, record: Incoming) -> None:
        owner = record.fields["owner_point"]
        if owner != self.sender:
            raise SyncError("sync.foreign_record", kind=codec.table, id=record.id, point=owner)
        if not self.seq_from < record.change_seq <= self.seq_to:
            raise SyncError("sync.bad_record", kind=codec.table, id=record.id,
                            field="change_seq", reason="range")
        if record.row_version > record.change_seq:
            # every version takes a change number: a version above it was never written there
            raise SyncError("sync.bad_record", kind=codec.table, id=record.id,
                            field="row_version", reason="range")
        if codec.model is Point:
            if record.fields["code"] != self.sender:
                raise SyncError("sync.foreign_record", kind=codec.table, id=record.id,
                                point=record.fields["code"])
            if record.fields["is_district_office"]:
                raise SyncError("sync.point_claims_district", point=self.sender)
        elif (codec.model is Staff and record.fields["role"] == Role.DISTRICT_OPERATOR
              and not self.services.is_district_office):  # rules as a point: its staff
            raise SyncError("sync.district_role", login=record.fields["login"][:64],
                            point=self.sender)

    def _apply_batch(self, codec: KindCodec, batch: list[Incoming], result: KindResult) -> None:
        if not batch:
            return
        held = {} if self.fresh else held_rows(self.db, codec.table, [r.id for r in batch])
        if self.any_destroyed:
            gone = destroyed_ids(self.db, self.sender, [r.id for r in batch])
            result.superseded += sum(1 for r in batch if r.id in gone)
            batch = [r for r in batch if r.id not in gone]
        inserts: list[list[Any]] = []
        updates: list[list[Any]] = []
        counts = self.count_delta.setdefault(codec.table, [0, 0])
        for record in batch:
            before = held.get(record.id)
            if before is not None:
                owner, version, was_deleted = before
                if owner != self.sender:
                    raise SyncError("sync.foreign_record", kind=codec.table, id=record.id,
                                    point=owner)
                if version > record.row_version:
                    result.superseded += 1
                    continue
                if version == record.row_version:
                    if self._same_as_held(codec, record):
                        result.unchanged += 1
                    else:
                        result.conflicts += 1
                        self.conflict_ids.append(f"{codec.table}:{record.id}")
                    continue
            params = self._validated(codec, record)
            if codec.model in REFERENCED:
                self.lookup.remember(codec.model, record.id, self.sender, record.deleted, params)
            counts[1 if record.deleted else 0] += 1
            if before is None:
                inserts.append(codec.insert_values(params))
                if record.deleted:
                    result.deleted += 1
                else:
                    result.new += 1
            else:
                counts[1 if before[2] else 0] -= 1
                updates.append((*codec.update_values(params), record.id, record.row_version))
                if record.deleted and not before[2]:
                    result.deleted += 1
                else:
                    result.updated += 1
        if inserts or updates:
            self.writer.rows(codec, inserts, updates)

    def _same_as_held(self, codec: KindCodec, record: Incoming) -> bool:
        row = self.db.execute_sql(codec.select_all_sql, (record.id,)).fetchone()
        return row is not None and codec.plain_row(row) == record.raw

    def _validated(self, codec: KindCodec, record: Incoming) -> dict[str, Any]:
        """The database values of a record that passes the services' rules."""
        service = self.by_model[codec.model]
        fields = record.fields
        data = {name: fields[name] for name in codec.data_fields}
        try:
            cleaned = service.clean(dict(data), _Existing(fields))
        except ValidationError as exc:
            raise InvalidRecord(codec.table, record.id, exc.errors) from None
        except (OverflowError, ValueError):  # a date the rules cannot count from (year 9999)
            raise SyncError("sync.bad_record", kind=codec.table, id=record.id, field="-",
                            reason="range") from None
        for name in codec.data_fields:
            if name in cleaned and cleaned[name] != fields[name]:
                raise SyncError("sync.derived_mismatch", kind=codec.table, id=record.id,
                                field=name, sent=_shown(fields[name]),
                                computed=_shown(cleaned[name]))
        params = record.params
        params["search_text"] = search_text(*service.search_parts(data))
        if codec.model is Person:
            params["sort_name"] = cleaned["sort_name"]
        elif codec.model is Address:
            params["sort_key"] = cleaned["sort_key"]
        elif codec.model is Staff:
            params["password_hash"] = LOCKED_PASSWORD
        return params
