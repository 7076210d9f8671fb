"""Text that is safe in a spreadsheet cell: never a formula, never a character that breaks it.

A citizen's statement may begin with ``=``, ``+``, ``-`` or ``@`` (``=HYPERLINK(...)``,
``+7 701 ...``); Excel and LibreOffice run such a cell as a formula (CSV injection). The
exports follow the OWASP CSV-injection rule:

- **XLSX**: every text is written as a string cell (``data_type "s"``), so it shows exactly as
  typed and is never evaluated; no prefix is added. Line breaks are written as LF (an XML
  reader turns a bare CR into LF anyway).
- **CSV**: a field that begins with ``= + - @``, a TAB or a CR gets a leading apostrophe
  (``'=1+1``), which spreadsheets show as text; so does a field that begins with an
  apostrophe itself, so that reading the file back is exact: drop one leading apostrophe
  when the rest begins with one of those characters or an apostrophe (:func:`csv_original`).

Both formats also replace characters a worksheet cannot hold (the C0 controls but TAB, LF
and CR, DEL, lone surrogates, U+FFFE/U+FFFF) with U+FFFD: the services refuse them at the
field, but an older database may still hold them.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TEXT_MARK = "'"
_MARKED_STARTS = (*FORMULA_STARTS, CSV_TEXT_MARK)
REPLACEMENT = "\ufffd"
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` with every character a worksheet cannot hold replaced by U+FFFD."""
    return _UNPRINTABLE.sub(REPLACEMENT, text)


def xlsx_text(text: str) -> str:
    """A text for a worksheet string cell: printable, line breaks as LF."""
    return printable(text).replace("\r\n", "\n").replace("\r", "\n")


def csv_field(text: str) -> str:
    """A text field for CSV: printable, with an apostrophe before a formula-like start."""
    text = printable(text)
    return CSV_TEXT_MARK + text if text.startswith(_MARKED_STARTS) else text


def csv_original(field: str) -> str:
    """The text :func:`csv_field` was given (its own apostrophe removed)."""
    if field.startswith(CSV_TEXT_MARK) and field[1:].startswith(_MARKED_STARTS):
        return field[1:]
    return field
