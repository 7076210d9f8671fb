"""Registers to spreadsheets: XLSX (typed cells) and CSV, filtered exactly as on screen.

The rows, columns and order are the register's own (:mod:`.registers`), streamed
with ``iter_rows`` so a large register never sits in memory.

- **XLSX** (openpyxl write-only): dates and date-times are real Excel dates shown
  ``dd.mm.yyyy`` (``dd.mm.yyyy hh:mm``), numbers are numbers, codes are written as their
  titles, yes/no as words; an optional title row, a frozen bold heading, column widths from
  the register's hints; every text is a string cell, never a formula.
- **CSV**: UTF-8 with a byte-order mark and ``;`` between fields, which is what Excel with
  Russian regional settings opens correctly by double-click (``,`` is its decimal mark there);
  dates ``dd.mm.yyyy``, decimals with a comma, every field as displayed, a text that looks
  like a formula behind an apostrophe.

Both are safe to open on the office PC and robust to what an older database holds: see
:mod:`inspector_app.queries.cell_text`.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from inspector_app.errors import InspectorError
from inspector_app.faults import reported
from inspector_app.messages import translate
from inspector_app.protection.private_files import private_files
from inspector_app.queries.cell_text import csv_field, xlsx_text
from inspector_app.queries.registers import Column, Filters, Register, format_value
from inspector_app.reports.formatting import format_date
from inspector_app.reports.journal import column_title
from inspector_app.reports.layout import Progress, ProgressTracker
from inspector_app.services.context import Services

FORMATS = (".xlsx", ".csv")
CSV_DELIMITER = ";"
DATE_FORMAT = "dd.mm.yyyy"
DATETIME_FORMAT = "dd.mm.yyyy hh:mm"
HEADING_FILL = PatternFill("solid", fgColor="E6E9EE")
PROGRESS_EVERY = 500


def _typed(value: Any, column: Column, services: Services, lang: str) -> Any:
    """The cell value for XLSX: dates, numbers and text kept as their own types."""
    if value is None or value == "":
        return None
    if column.kind == "datetime" and isinstance(value, datetime):
        return value
    if column.kind == "date" and isinstance(value, date):
        return value
    if column.kind in ("int", "money") and isinstance(value, int | float | Decimal):
        return int(value)
    if isinstance(value, Decimal | float) and column.kind == "text":
        return Decimal(value)
    return xlsx_text(format_value(value, column, services.catalogues, lang))


def _csv_text(value: Any, column: Column, services: Services, lang: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal | float):
        return f"{Decimal(value).normalize():f}".replace(".", ",")
    if column.kind == "money" and isinstance(value, int):
        return str(value)
    return csv_field(format_value(value, column, services.catalogues, lang))


def _title(register: Register, filters: Filters, lang: str) -> str:
    title = translate(register.title, lang)
    if register.date_field is not None and filters.date_from and filters.date_to:
        period = translate("export.period", lang, start=format_date(filters.date_from),
                           end=format_date(filters.date_to))
        title = f"{title}. {period}"
    return title


def _rows(register: Register, filters: Filters, tracker: ProgressTracker
          ) -> Iterator[dict[str, Any]]:
    for number, row in enumerate(register.iter_rows(filters, register.default_sort or None,
                                                    False), 1):
        if number % PROGRESS_EVERY == 0:
            tracker.step(number)
        yield row


@private_files()
def export_register(services: Services, register: Register, filters: Filters,
                    out: str | Path, *, lang: str = "ru", title: bool = True,
                    progress: Progress | None = None) -> int:
    """Write ``register`` filtered by ``filters`` to ``out`` (.xlsx or .csv); returns rows.

    The file appears only when complete (written aside, then moved into place), private
    like every file with personal data (:mod:`inspector_app.protection.private_files`).
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise InspectorError("export.bad_format", path=str(out))
    tracker = ProgressTracker(progress, register.count(filters))
    tracker.step(0)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=out.parent)
    os.close(handle)
    try:
        writer = _write_xlsx if suffix == ".xlsx" else _write_csv
        with reported(out):  # a full disk names the folder, not "unexpected error"
            count = writer(services, register, filters, temp, lang, title, tracker)
            os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    tracker.step(tracker.total)
    return count


def sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: without ``: \\ / ? * [ ]``, at most 31 characters."""
    return re.sub(r"[:\\/?*\[\]]", " ", text).strip()[:31].strip()


def _write_xlsx(services: Services, register: Register, filters: Filters, path: str,
                lang: str, title: bool, tracker: ProgressTracker) -> int:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(translate(register.title, lang)))
    columns = register.columns
    for index, column in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width + 2
    sheet.freeze_panes = "A3" if title else "A2"
    if title:
        cell = WriteOnlyCell(sheet, _title(register, filters, lang))
        cell.font = Font(bold=True, size=12)
        sheet.append([cell])
    heading = []
    for column in columns:
        cell = WriteOnlyCell(sheet, column_title(column, lang))
        cell.font = Font(bold=True)
        cell.fill = HEADING_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        heading.append(cell)
    sheet.append(heading)
    count = 0
    for row in _rows(register, filters, tracker):
        cells = []
        for column in columns:
            cell = WriteOnlyCell(sheet, _typed(row.get(column.key), column, services, lang))
            if cell.data_type == "f":
                cell.data_type = "s"  # a text typed as "=...", never a live formula
            if column.kind == "datetime":
                cell.number_format = DATETIME_FORMAT
            elif column.kind == "date":
                cell.number_format = DATE_FORMAT
            cells.append(cell)
        sheet.append(cells)
        count += 1
    book.save(path)
    return count


def _write_csv(services: Services, register: Register, filters: Filters, path: str,
               lang: str, title: bool, tracker: ProgressTracker) -> int:
    columns = register.columns
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
        writer.writerow([column_title(c, lang) for c in columns])
        for row in _rows(register, filters, tracker):
            writer.writerow([_csv_text(row.get(c.key), c, services, lang) for c in columns])
            count += 1
    return count
