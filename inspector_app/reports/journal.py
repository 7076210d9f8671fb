"""Register printouts (журналы): one landscape journal per register, numbered rows.

The columns, filters and order are the register's own (:mod:`inspector_app.queries.registers`), the
very definitions the screen uses; rows stream from ``Register.iter_rows`` page by page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer

from inspector_app.messages import has_message, translate
from inspector_app.queries.registers import Column, Filters, Register, format_value
from inspector_app.reports.fonts import CONDENSED, CONDENSED_BOLD
from inspector_app.reports.formatting import format_date, group_thousands
from inspector_app.reports.layout import (
    Progress,
    ProgressTracker,
    build_pdf,
    fit_widths,
    heading_minimums,
    longest_word,
    make_styles,
)
from inspector_app.reports.tables import HANG_EMS, PADDING, RowStream
from inspector_app.services.context import Services

NUMBER_WIDTH_HINT = 4
RIGHT_ALIGNED_KINDS = ("int", "money")
HANGING_CATALOGUES = ("offence_articles",)
"""Columns whose wrapped names continue under a hanging indent."""
WORD_CAP = 15
"""Catalogue words longer than this many characters may break to save the other columns."""


def column_title(column: Column, lang: str) -> str:
    """A register column's heading (``field.<record>.<key>``, else ``field.any.<key>``)."""
    if has_message(column.label):
        return translate(column.label, lang)
    generic = f"field.any.{column.key}"
    return translate(generic, lang) if has_message(generic) else column.key


def content_minimum(column: Column, cats, lang: str, size: float, unit: float) -> float:
    """The least width that keeps a column's values whole: a date never splits, nor does a
    word of a catalogue title up to :data:`WORD_CAP` characters (a longer one may break)."""
    if column.kind in ("date", "datetime"):
        return stringWidth("00.00.0000", CONDENSED, size) + 2 * PADDING + 0.5
    if not column.catalogue:
        return 0.0
    hang = size * HANG_EMS if column.catalogue in HANGING_CATALOGUES else 0.0
    widest = max((longest_word(item.title(lang).replace("-", "- "), CONDENSED, size)
                  for item in cats.items(column.catalogue)), default=0.0)
    return min(widest, WORD_CAP * unit) + hang + 2 * PADDING + 0.5


def journal_title(register: Register, filters: Filters, lang: str) -> tuple[str, str]:
    """The journal's title and its period line."""
    title = translate("report.journal.title", lang, title=translate(register.title, lang))
    if register.date_field is None or not (filters.date_from or filters.date_to):
        return title, ""
    return title, translate("report.period.range", lang, start=format_date(filters.date_from),
                            end=format_date(filters.date_to))


def register_report(services: Services, register: Register, filters: Filters,
                    out: str | Path, *, lang: str = "ru",
                    progress: Progress | None = None) -> int:
    """Print ``register`` filtered by ``filters`` to ``out``; returns the page count."""
    styles = make_styles(9)
    cats = services.catalogues
    point = services.points.current()
    total = register.count(filters)
    tracker = ProgressTracker(progress, total)
    tracker.step(0)
    columns = register.columns
    size = 7 if len(columns) >= 10 else 8
    title, period = journal_title(register, filters, lang)

    def rows():
        number = 0
        for row in register.iter_rows(filters, register.default_sort or None, False):
            number += 1
            yield [str(number), *(format_value(row.get(c.key), c, cats, lang)
                                  for c in columns)]

    def story(doc):
        unit = stringWidth("0", CONDENSED, size) * 1.1
        heading = [translate("report.column.number", lang),
                   *(column_title(c, lang) for c in columns)]
        hints = [NUMBER_WIDTH_HINT, *(c.width for c in columns)]
        minimums = heading_minimums(heading, CONDENSED_BOLD, size, PADDING)
        for index, column in enumerate(columns, 1):
            minimums[index] = max(minimums[index], content_minimum(column, cats, lang, size,
                                                                   unit))
        widths = fit_widths(hints, doc.frame_width, unit, PADDING, minimums=minimums)
        right = [0, *(i + 1 for i, c in enumerate(columns) if c.kind in RIGHT_ALIGNED_KINDS)]
        hanging = [i + 1 for i, c in enumerate(columns) if c.catalogue in HANGING_CATALOGUES]
        flow = [Paragraph(f"{point.name} ({point.code})", styles.small),
                Paragraph(title, styles.title)]
        if period:
            flow.append(Paragraph(period, styles.subtitle))
        flow.append(Paragraph(translate("report.journal.rows", lang,
                                        count=group_thousands(total)), styles.small))
        flow.append(Spacer(1, 3 * mm))
        stream = RowStream(heading, rows(), widths, size=size, align_right=right,
                           hanging=hanging, tracker=tracker)
        if stream.has_rows():
            flow.append(stream)
        else:
            flow.append(Paragraph(translate("report.journal.empty", lang), styles.body))
        return flow

    return build_pdf(out, story, pagesize=landscape(A4),
                     margins=(12 * mm, 10 * mm, 10 * mm, 14 * mm), title=title,
                     author=point.name, lang=lang,
                     note=f"{point.code} · {title}")
