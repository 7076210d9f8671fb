"""Field checks shared by every record kind; errors are collected, then raised together."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.errors import FieldError, ValidationError

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


class Checker:
    """Collects :class:`FieldError` for one record kind; ``values`` holds the cleaned data."""

    def __init__(self, record: str, data: dict[str, Any]):
        self.record = record
        self.data = data
        self.values: dict[str, Any] = {}
        self.errors: list[FieldError] = []

    def fail(self, field: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(self.record, field, code, params))

    def has_error(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

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
        elif not catalogues.has(catalogue, value):
            self.fail(field, "v.unknown_code", value=value)
        self.values[field] = value
        return value

    def choices(self, field: str, catalogues, catalogue: str) -> list[str]:
        """A list of codes (list or comma-separated text), stored comma-separated."""
        raw = self.raw(field) or []
        codes = [c.strip() for c in (raw.split(",") if isinstance(raw, str) else raw) if c]
        for code in codes:
            if not catalogues.has(catalogue, code):
                self.fail(field, "v.unknown_code", value=code)
        self.values[field] = ",".join(dict.fromkeys(codes))
        return codes

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
        if value and not self.has_error(field) and set(words) <= locality_words(catalogues):
            self.fail(field, "v.place_only_town", value=value)
        return value

    def url(self, field: str, max_length: int) -> str:
        value = self.text(field, max_length)
        if value and not _URL.match(value):
            self.fail(field, "v.bad_link", value=value)
        return value

    def reference(self, field: str, model, *, required: bool = True, message: str = "v.not_found"):
        """The id of a live record of ``model`` (a model instance or an id may be given)."""
        raw = self.raw(field)
        if hasattr(raw, "id"):
            raw = raw.id
        if not raw:
            if required:
                self.fail(field, "v.required")
            self.values[field] = None
            return None
        record = model.get_or_none((model.id == raw) & (model.deleted == False))  # noqa: E712
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
