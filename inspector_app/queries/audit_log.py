"""Reading the audit trail: one record's history and the administrator's filtered log.

Queries return entry ids first (cheap, indexed) so a view can load rows lazily; entries are
turned into per-field changes with human labels (:func:`inspector_app.messages.field_label`),
references shown as names, times in local time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from peewee import ForeignKeyField

from inspector_app.domain.clock import Clock
from inspector_app.domain.permissions import Action
from inspector_app.kinds import KINDS
from inspector_app.messages import field_label, has_message, translate
from inspector_app.services.audit_erasure import DESTROY_ACTION, REAPPLY_ACTION, is_erased
from inspector_app.services.breach_links import LINK_ACTION
from inspector_app.storage.models import AuditEntry, Person, Staff

_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")
HIDDEN_COLUMNS = frozenset({"search_text", "sort_name", "sort_key"})


@dataclass(frozen=True)
class AuditFilter:
    """What the administrator's log shows: by user, record kind (table) and local dates."""

    actor: str | None = None
    table: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class FieldChange:
    column: str
    label: str
    old: str
    new: str


def _model_of(table: str):
    """The model of a kind's table (the audit trail names records by table), or None."""
    described = KINDS.get(table)
    return described.model if described else None


def kind_title(table: str, lang: str = "ru") -> str:
    """The record kind's name for a table, e.g. ``appeal`` -> "Обращение"."""
    code = f"kind.{table}"
    return translate(code, lang) if has_message(code) else table


def action_title(action: str, lang: str = "ru") -> str:
    code = f"audit.action.{action}"
    return translate(code, lang) if has_message(code) else action


def utc_offset(clock: Clock) -> timedelta:
    """Local time minus UTC, rounded to minutes (the stored times are UTC)."""
    seconds = (clock.now_local() - clock.now_utc()).total_seconds()
    return timedelta(minutes=round(seconds / 60))


def local_time(entry: AuditEntry, clock: Clock) -> datetime:
    return entry.at + utc_offset(clock)


def require_log_access(services) -> None:
    """The whole log is the administrator's (and the file owner's without a session)."""
    services.require(Action.MANAGE_ACCOUNTS, "audit")


def log_ids(services, filters: AuditFilter) -> list[int]:
    """Ids of the entries matching ``filters``, newest first."""
    require_log_access(services)
    query = AuditEntry.select(AuditEntry.id)
    if filters.actor:
        query = query.where(AuditEntry.actor == filters.actor)
    if filters.table:
        query = query.where(AuditEntry.table_name == filters.table)
    offset = utc_offset(services.clock)
    if filters.date_from:
        start = datetime.combine(filters.date_from, datetime.min.time()) - offset
        query = query.where(AuditEntry.at >= start)
    if filters.date_to:
        end = datetime.combine(filters.date_to + timedelta(days=1), datetime.min.time()) - offset
        query = query.where(AuditEntry.at < end)
    return [row[0] for row in query.order_by(AuditEntry.id.desc()).tuples()]


def record_history_ids(table: str, record_id: str) -> list[int]:
    """Ids of every entry about one record, oldest first."""
    query = (AuditEntry.select(AuditEntry.id)
             .where((AuditEntry.record_id == record_id) & (AuditEntry.table_name == table))
             .order_by(AuditEntry.id))
    return [row[0] for row in query.tuples()]


def load_entries(ids: list[int]) -> dict[int, AuditEntry]:
    """The entries with ``ids`` (in chunks, for long pages)."""
    found: dict[int, AuditEntry] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for entry in AuditEntry.select().where(AuditEntry.id.in_(chunk)):
            found[entry.id] = entry
    return found


def actors() -> list[str]:
    """Every login that appears in the trail (for the log's user filter)."""
    query = AuditEntry.select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)
    return [row[0] for row in query.tuples()]


def tables() -> list[str]:
    """Every record table that appears in the trail (for the log's kind filter)."""
    query = AuditEntry.select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name)
    return [row[0] for row in query.tuples()]


def _values(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _reference(model, column: str):
    for field in model._meta.sorted_fields:
        if field.column_name == column:
            return field
    return None


def display_value(table: str, column: str, value: Any, lang: str = "ru") -> str:
    """A stored value as a person reads it: names for references, yes/no for flags."""
    if value is None or value == "":
        return ""
    model = _model_of(table)
    field = _reference(model, column) if model is not None else None
    if isinstance(field, ForeignKeyField):
        return record_label(field.rel_model._meta.table_name, str(value), lang)
    if isinstance(value, bool):
        return translate("audit.yes" if value else "audit.no", lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        moment = datetime.fromisoformat(value)
        return moment.strftime("%d.%m.%Y" if len(value) == 10 else "%d.%m.%Y %H:%M")
    return str(value)


def _field_name(table: str, column: str) -> str:
    model = _model_of(table)
    field = _reference(model, column) if model is not None else None
    return field.name if field is not None else column


def field_changes(entry: AuditEntry, lang: str = "ru") -> list[FieldChange]:
    """What one entry changed, field by field (all fields for a creation; nothing for a
    destruction or an entry erased by one)."""
    if entry.action in (DESTROY_ACTION, REAPPLY_ACTION, LINK_ACTION):
        return []
    old, new = _values(entry.old_values), _values(entry.new_values)
    changes = []
    for column in sorted(set(old) | set(new)):
        if column in HIDDEN_COLUMNS:
            continue
        name = _field_name(entry.table_name, column)
        changes.append(FieldChange(
            column, field_label(entry.table_name, name, lang),
            display_value(entry.table_name, column, old.get(column), lang),
            display_value(entry.table_name, column, new.get(column), lang)))
    return changes


def changed_labels(entry: AuditEntry, lang: str = "ru") -> str:
    """The fields an entry touched, as one short line (the log's summary column)."""
    if entry.action == DESTROY_ACTION:
        return translate("audit.destroyed_summary", lang)
    if entry.action == REAPPLY_ACTION:
        values = _values(entry.new_values)
        return translate("audit.erased_again_summary", lang, count=values.get("count", "?"),
                         backup=values.get("backup") or "—")
    if entry.action == LINK_ACTION:
        values = _values(entry.new_values)
        return translate("audit.breaches_linked_summary", lang,
                         linked=len(values.get("linked", {})),
                         left=len(values.get("left_unlinked", [])))
    if is_erased(entry):
        return translate("audit.erased_summary", lang)
    if entry.action == "create":
        return translate("audit.created_summary", lang)
    return ", ".join(change.label for change in field_changes(entry, lang))


def record_label(table: str, record_id: str, lang: str = "ru") -> str:
    """How people name a record: a person's or officer's name, a talon or protocol number."""
    model = _model_of(table)
    record = model.get_or_none(model.id == record_id) if model is not None else None
    if record is None:
        return record_id[:8]
    if isinstance(record, Person):
        return " ".join(p for p in (record.surname, record.first_name, record.patronymic) if p)
    if isinstance(record, Staff):
        return f"{record.full_name} ({record.login})"
    for name in ("talon_number", "protocol_number", "code", "name", "address_text", "street"):
        value = getattr(record, name, None)
        if value:
            return str(value)
    moment = next((getattr(record, n) for n in ("visited_at", "held_at", "collected_at",
                                                   "start_date") if getattr(record, n, None)),
                  None)
    return f"{kind_title(table, lang)} {moment:%d.%m.%Y}" if moment else record_id[:8]


def actor_label(login: str) -> str:
    """``login`` with the officer's name when it is one of this database's accounts."""
    staff = Staff.get_or_none(Staff.login == login)
    return f"{staff.full_name} ({login})" if staff else login
