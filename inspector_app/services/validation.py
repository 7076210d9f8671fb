"""Field checks shared by every record kind; errors are collected, then raised together.

The rules never query a record they refer to themselves: they ask the :class:`Resolver` their
services were given (:meth:`Checker.reference`, and ``services.resolver.by_id`` for search
texts). Services use a :class:`DatabaseResolver`; an import passes one that also knows the
records of the package written so far (:class:`inspector_app.sync.lookup.RecordLookup`), and
the :class:`RulePolicy` of an import (what it may skip, see :mod:`inspector_app.sync.apply`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Protocol

from peewee import BooleanField, CharField, DateField, IntegerField, TextField

from inspector_app.errors import FieldError, ValidationError
from inspector_app.storage.models import PLAIN_INTEGER_MAX, PLAIN_TEXT_LENGTH

# Control characters (Unicode category Cc), lone surrogates and the two non-characters.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_UNPRINTABLE_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_URL = re.compile(r"^(https?://|wa\.me/|t\.me/|chat\.whatsapp\.com/)\S+$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_TOWN_WORDS = frozenset({"г", "гор", "город", "қ", "қала", "қаласы", "city", "town", "of",
                         "район", "ауданы", "district", "обл", "область", "облысы", "region"})
"""Words that name a kind of settlement, not a place in it (г., қаласы, район...)."""


def collapse_spaces(text: str) -> str:
    """Runs of spaces and tabs made one space, each line trimmed; line breaks are kept."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def locality_words(catalogues) -> frozenset[str]:
    """Every word of the districts' names and centres, in every language, casefolded."""
    words = set(_TOWN_WORDS)
    for item in catalogues.items("districts", include_inactive=True):
        names = [*item.titles.values(), *(str(v) for k, v in item.extra.items()
                                          if k.startswith("centre_"))]
        for name in names:
            words.update(_WORD.findall(name.casefold()))
    return frozenset(words)


def parse_date(value: Any) -> date | None:
    """A date from a ``date``, ``datetime``, ISO ``YYYY-MM-DD`` or ``dd.MM.yyyy`` text."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValueError(text)


def parse_datetime(value: Any) -> datetime | None:
    """A datetime from a ``datetime``, a ``date`` (midnight) or ISO / ``dd.MM.yyyy HH:mm`` text."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M",
                "%d.%m.%Y %H:%M", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    raise ValueError(text)


def unprintable_character(text: str, *, multiline: bool = False) -> str | None:
    """The first control character (but LF and TAB in a ``multiline`` text), lone surrogate or
    non-character in ``text``, or None: such characters cannot be shown, printed or exported."""
    found = (_UNPRINTABLE_MULTILINE if multiline else _UNPRINTABLE).search(text)
    return found.group() if found else None


class Resolver(Protocol):
    """Finds the records that the rules read through a reference."""

    def by_id(self, model: type, record_id: str | None) -> Any | None:
        """The record of ``model`` with this id, live or tombstoned (an object with its
        ``id``, ``deleted`` and the fields the rules read); None when none (or no id)."""


class DatabaseResolver:
    """A :class:`Resolver` that asks the database (one query by primary key)."""

    def by_id(self, model: type, record_id: str | None) -> Any | None:
        return model.get_or_none(model.id == record_id) if record_id else None


@dataclass(frozen=True)
class RulePolicy:
    """What the rules check beyond the record itself; the defaults are a point's own saves."""

    compare_with_other_records: bool = True
    """Check the rules that compare a record with the point's other live records (a unique
    ИИН, a unique login, talon dates in number order)."""
    tombstoned_references: bool = False
    """A reference may name a tombstoned record."""
    retired_codes: bool = False
    """A catalogue code since retired (inactive) still counts as known."""
    entry_rules: bool = True
    """Check the rules an officer's entry has met since they were added, which records written
    by an older program need not meet: runs of spaces collapsed, control characters refused, a
    place that says more than its town, a registration's basis and end date. A district imports
    the packages of every older program still in service (``docs/sync-format.md``)."""


EVERY_RULE = RulePolicy()
"""The policy of a point's own saves: every rule is checked, nothing more is allowed."""


@cache
def plain_fields(model: type) -> tuple:
    """The model's fields marked :func:`~inspector_app.storage.models.plain`."""
    return tuple(f for f in model._meta.sorted_fields if getattr(f, "plain", False))


class Checker:
    """Collects :class:`FieldError` for one record kind; ``values`` holds the cleaned data.

    Referenced records are found through ``resolver`` only, under ``policy``.
    """

    def __init__(self, record: str, data: dict[str, Any], resolver: Resolver,
                 policy: RulePolicy, model: type | None = None):
        self.record = record
        self.model = model
        """The record's model, whose :func:`~inspector_app.storage.models.plain` fields
        :meth:`finish` checks."""
        self.data = data
        self.resolver = resolver
        self.policy = policy
        self.values: dict[str, Any] = {}
        self.errors: list[FieldError] = []

    def fail(self, field: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(self.record, field, code, params))

    def has_error(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def finish(self) -> None:
        """The end of a kind's rules: check the model's plain fields no rule has checked (by
        their type alone), then raise :class:`ValidationError` if anything failed."""
        for field in plain_fields(self.model) if self.model is not None else ():
            if field.name not in self.values:
                self._plain(field)
        if self.errors:
            raise ValidationError(self.errors)

    def _plain(self, field) -> None:
        if isinstance(field, CharField):
            self.text(field.name, field.max_length)
        elif isinstance(field, TextField):
            self.text(field.name, PLAIN_TEXT_LENGTH, multiline=True)
        elif isinstance(field, DateField):
            self.date(field.name)
        elif isinstance(field, BooleanField):
            self.flag(field.name)
        elif isinstance(field, IntegerField):
            self.integer(field.name, 0, PLAIN_INTEGER_MAX)
        else:
            raise TypeError(f"no plain check for {type(field).__name__} {field.name}")

    def raw(self, field: str) -> Any:
        value = self.data.get(field)
        return value.strip() if isinstance(value, str) else value

    def text(self, field: str, max_length: int, *, required: bool = False,
             multiline: bool = False) -> str:
        """Text with its runs of spaces collapsed (see :func:`collapse_spaces`); control
        characters are refused (a ``multiline`` text may hold line breaks, stored as LF)."""
        value = self.raw(field)
        value = "" if value is None else str(value)
        if multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        bad = None
        if self.policy.entry_rules:
            value = collapse_spaces(value)
            bad = unprintable_character(value, multiline=multiline)
        if required and not value:
            self.fail(field, "v.required")
        elif bad is not None:
            self.fail(field, "v.control_character", character=f"U+{ord(bad):04X}")
        elif len(value) > max_length:
            self.fail(field, "v.too_long", max=max_length, length=len(value))
        self.values[field] = value
        return value

    def choice(self, field: str, catalogues, catalogue: str, *,
               required: bool = True) -> str | None:
        value = self.raw(field) or None
        if value is None:
            if required:
                self.fail(field, "v.required")
        elif not self._known(catalogues, catalogue, value):
            self.fail(field, "v.unknown_code", value=value)
        self.values[field] = value
        return value

    def choices(self, field: str, catalogues, catalogue: str) -> list[str]:
        """A list of codes (list or comma-separated text), stored comma-separated."""
        raw = self.raw(field) or []
        codes = [c.strip() for c in (raw.split(",") if isinstance(raw, str) else raw) if c]
        for code in codes:
            if not self._known(catalogues, catalogue, code):
                self.fail(field, "v.unknown_code", value=code)
        self.values[field] = ",".join(dict.fromkeys(codes))
        return codes

    def _known(self, catalogues, catalogue: str, code: str) -> bool:
        if self.policy.retired_codes:
            return catalogues.get(catalogue, code) is not None
        return catalogues.has(catalogue, code)

    def date(self, field: str, *, required: bool = False, today: date | None = None) -> date | None:
        try:
            value = parse_date(self.raw(field))
        except ValueError:
            self.fail(field, "v.bad_date", value=str(self.raw(field)))
            return None
        if value is None and required:
            self.fail(field, "v.required")
        elif value is not None and today is not None and value > today:
            self.fail(field, "v.future_date", value=value.strftime("%d.%m.%Y"))
        elif value is not None and value.year < 1900:
            self.fail(field, "v.bad_date", value=value.strftime("%d.%m.%Y"))
        self.values[field] = value
        return value

    def moment(self, field: str, *, required: bool = True, now: datetime | None = None):
        try:
            value = parse_datetime(self.raw(field))
        except ValueError:
            self.fail(field, "v.bad_datetime", value=str(self.raw(field)))
            return None
        if value is None and required:
            self.fail(field, "v.required")
        elif value is not None and now is not None and value > now:
            self.fail(field, "v.future_date", value=value.strftime("%d.%m.%Y %H:%M"))
        elif value is not None and value.year < 2000:
            self.fail(field, "v.bad_datetime", value=value.strftime("%d.%m.%Y"))
        self.values[field] = value
        return value

    def integer(self, field: str, low: int, high: int, *, required: bool = False) -> int | None:
        raw = self.raw(field)
        if raw in (None, ""):
            if required:
                self.fail(field, "v.required")
            self.values[field] = None
            return None
        try:
            value = int(raw)
            if isinstance(raw, float) and raw != value:
                raise ValueError
        except (TypeError, ValueError):
            self.fail(field, "v.not_integer", value=str(raw))
            return None
        if not low <= value <= high:
            self.fail(field, "v.out_of_range", low=low, high=high, value=value)
        self.values[field] = value
        return value

    def decimal(self, field: str, low: Decimal, high: Decimal, *, required: bool = False):
        raw = self.raw(field)
        if raw in (None, ""):
            if required:
                self.fail(field, "v.required")
            self.values[field] = None
            return None
        try:
            value = Decimal(str(raw).replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():  # "NaN", "Infinity" parse as decimals
            self.fail(field, "v.not_number", value=str(raw))
            self.values[field] = None
            return None
        if not low <= value <= high or value != value.quantize(Decimal("0.01")):
            self.fail(field, "v.out_of_range", low=low, high=high, value=value)
        self.values[field] = value
        return value

    def flag(self, field: str) -> bool:
        value = bool(self.raw(field))
        self.values[field] = value
        return value

    def place(self, field: str, max_length: int, catalogues, *, required: bool = False) -> str:
        """An address or place: refused when it names only the town («Атырау,», «г. Атырау»).

        Forms start a place with the point's town; a place saved as just that says nothing.
        """
        value = self.text(field, max_length, required=required)
        words = _WORD.findall(value.casefold())
        if value and self.policy.entry_rules and not self.has_error(field) \
                and set(words) <= locality_words(catalogues):
            self.fail(field, "v.place_only_town", value=value)
        return value

    def url(self, field: str, max_length: int) -> str:
        value = self.text(field, max_length)
        if value and not _URL.match(value):
            self.fail(field, "v.bad_link", value=value)
        return value

    def reference(self, field: str, model, *, required: bool = True, message: str = "v.not_found"):
        """The id of a live record of ``model`` (a model instance or an id may be given), or
        of a tombstoned one when the policy allows; returns the record the resolver found."""
        raw = self.raw(field)
        if raw.__class__ is not str and hasattr(raw, "id"):
            raw = raw.id
        if not raw:
            if required:
                self.fail(field, "v.required")
            self.values[field] = None
            return None
        record = self.resolver.by_id(model, raw) if raw.__class__ is str else None
        if record is not None and record.deleted and not self.policy.tombstoned_references:
            record = None
        if record is None:
            self.fail(field, message)
        self.values[field] = raw
        return record

    def order(self, first: str, second: str, code: str = "v.end_before_start") -> None:
        """``second`` must not be before ``first`` (both already checked)."""
        a, b = self.values.get(first), self.values.get(second)
        if a is not None and b is not None and _as_date(b) < _as_date(a):
            self.fail(second, code, start=_as_date(a).strftime("%d.%m.%Y"))


def _as_date(value):
    return value.date() if isinstance(value, datetime) else value
