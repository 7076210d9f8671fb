"""Numbers as people read them: thousands grouped with a no-break space (``12 345``) and, in
Russian and Kazakh, a decimal comma (``4,2``). One place for the GUI, the CLI, the reports and
the message catalogue.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

NBSP = "\u00a0"
DECIMAL_COMMA_LANGUAGES = ("ru", "kk")
IDENTIFIER_PARAMS = frozenset({
    "year", "number", "export", "first", "last", "entry", "rowid", "id", "version", "record",
    "supported", "expected", "page", "month", "quarter", "half", "code",
})
"""Message parameters that name something (a year, an export or entry number) rather than
count it: never grouped (``2026``, not ``2 026``)."""


def group_thousands(value: int) -> str:
    """``12345`` -> ``12 345`` (a no-break space between the groups)."""
    return f"{value:,}".replace(",", NBSP)


def decimal_mark(text: str, lang: str) -> str:
    """A number written with a point, with the decimal mark of ``lang``."""
    return text.replace(".", ",") if lang in DECIMAL_COMMA_LANGUAGES else text


def format_quantity(value: int | float | Decimal, lang: str) -> str:
    """An amount for a sentence: ``12 345``, ``1 234,5`` (ru, kk) or ``1 234.5`` (en)."""
    if isinstance(value, int):
        return group_thousands(value)
    number = Decimal(str(value)) if isinstance(value, float) else value  # the shortest digits
    if not number.is_finite():
        return str(value)
    whole, _, fraction = f"{abs(number):f}".partition(".")
    fraction = fraction.rstrip("0")
    text = ("-" if number < 0 else "") + group_thousands(int(whole))
    return decimal_mark(f"{text}.{fraction}", lang) if fraction else text


def message_params(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """The parameters of a message with every quantity written for ``lang``."""
    return {name: format_quantity(value, lang)
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool)
            and name not in IDENTIFIER_PARAMS else value
            for name, value in params.items()}
