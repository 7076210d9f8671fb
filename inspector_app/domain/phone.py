"""Kazakhstan phone numbers: accept the common ways of typing them, store one form."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s()\-.]")


class PhoneError(ValueError):
    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


def normalize_phone(text: str) -> str:
    """Return ``+7 7xx xxx xx xx`` for a Kazakhstan mobile or city number typed any usual way.

    Accepts ``+7 701 123 45 67``, ``87011234567``, ``8 (701) 123-45-67``, ``7011234567``.
    Kazakhstan numbers start with 6 or 7 after the country code (7xx mobile, 7xxx city).
    """
    raw = _SEPARATORS.sub("", text.strip())
    if not raw:
        raise PhoneError("phone.empty", "phone is empty")
    if raw.startswith("+"):
        if not raw.startswith("+7"):
            raise PhoneError("phone.country", f"{text}: not a Kazakhstan number")
        digits = raw[2:]
    elif len(raw) == 11 and raw[0] in "78":
        digits = raw[1:]
    else:
        digits = raw
    if not digits.isascii() or not digits.isdigit():
        raise PhoneError("phone.characters", f"{text}: only digits, spaces, +, -, ( ) allowed")
    if len(digits) != 10:
        raise PhoneError("phone.length", f"{text}: expected 10 digits after +7")
    if digits[0] not in "67":
        raise PhoneError("phone.operator", f"{text}: Kazakhstan numbers start with +7 6 or +7 7")
    return f"+7 {digits[0:3]} {digits[3:6]} {digits[6:8]} {digits[8:10]}"
