"""The ИИН (individual identification number) and the БИН (business identification number).

ИИН: 12 digits; 1-6 birth date YYMMDD; 7 century and sex (1/2 = 1800s, 3/4 = 1900s,
5/6 = 2000s; odd male, even female); 8-11 serial; 12 check digit (two weighted passes mod 11).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_FIRST_WEIGHTS = tuple(range(1, 12))
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_CENTURY = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


class IinError(ValueError):
    """An ИИН/БИН that is not valid; ``code`` names the rule for translation."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class IinInfo:
    """What an ИИН tells: the normalised number, birth date and sex ("M" or "F")."""

    iin: str
    birth_date: date
    sex: str


def check_digit(first_eleven: str) -> int | None:
    """The check digit for 11 digits, or None when no digit can be valid (both passes give 10)."""
    digits = [int(c) for c in first_eleven]
    value = sum(w * d for w, d in zip(_FIRST_WEIGHTS, digits, strict=True)) % 11
    if value == 10:
        value = sum(w * d for w, d in zip(_SECOND_WEIGHTS, digits, strict=True)) % 11
        if value == 10:
            return None
    return value


def _digits(text: str, what: str) -> str:
    cleaned = "".join(str(text).split())
    if not cleaned:
        raise IinError("iin.empty", f"{what} is empty")
    if not cleaned.isascii() or not cleaned.isdigit():
        raise IinError("iin.not_digits", f"{what} must contain digits only")
    if len(cleaned) != 12:
        raise IinError("iin.length", f"{what} must have 12 digits, not {len(cleaned)}")
    return cleaned


def _verify_check_digit(number: str, what: str) -> None:
    expected = check_digit(number[:11])
    if expected is None:
        raise IinError("iin.no_check_digit", f"{what} {number}: no check digit is possible")
    if expected != int(number[11]):
        raise IinError("iin.check_digit", f"{what} {number}: wrong check digit")


def parse_iin(text: str) -> IinInfo:
    """Validate an ИИН and return its birth date and sex; raise :class:`IinError` if invalid."""
    number = _digits(text, "IIN")
    marker = int(number[6])
    if marker not in _CENTURY:
        raise IinError("iin.century", f"IIN {number}: 7th digit must be 1-6, not {marker}")
    year = _CENTURY[marker] + int(number[0:2])
    try:
        born = date(year, int(number[2:4]), int(number[4:6]))
    except ValueError:
        raise IinError("iin.birth_date", f"IIN {number}: {number[:6]} is not a real date") from None
    _verify_check_digit(number, "IIN")
    return IinInfo(number, born, "M" if marker % 2 else "F")


def is_valid_iin(text: str) -> bool:
    try:
        parse_iin(text)
    except IinError:
        return False
    return True


def parse_bin(text: str) -> str:
    """Validate a БИН (organisations): 12 digits, 5th digit 4-6, the ИИН check digit."""
    number = _digits(text, "BIN")
    if number[4] not in "456":
        raise IinError("bin.kind", f"BIN {number}: 5th digit must be 4, 5 or 6")
    _verify_check_digit(number, "BIN")
    return number


def make_iin(birth: date, sex: str, serial: int) -> str | None:
    """Build a valid ИИН for a birth date, sex and 4-digit serial (None if no check digit fits)."""
    century = (birth.year // 100) * 100
    base = {1800: 1, 1900: 3, 2000: 5}[century] + (0 if sex == "M" else 1)
    first = f"{birth:%y%m%d}{base}{serial:04d}"
    digit = check_digit(first)
    return None if digit is None else first + str(digit)


ADULT_AGE = 18
"""Full years at which a person is no longer a minor."""


def age_on(birth_date: date, day: date) -> int:
    """Full years of someone born on ``birth_date`` on ``day``."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month,
                                                                  birth_date.day))


def is_minor(birth_date: date | None, day: date) -> bool:
    """Whether someone born on ``birth_date`` is a minor on ``day`` (False when unknown)."""
    return birth_date is not None and age_on(birth_date, day) < ADULT_AGE
