"""Register printouts (журналы): one landscape journal per register, numbered rows.

The columns, filters and order are the register's own (:mod:`inspector_app.registers`), the
very definitions the screen uses; rows stream from ``Register.iter_rows`` page by page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer

from inspector_app.messages import has_message, translate
from inspector_app.registers import Column, Filters, Register, format_value
from inspector_app.reports.fonts import CONDENSED, CONDENSED_BOLD
from inspector_app.reports.formatting import format_date, group_thousands
from inspector_app.reports.layout import (
    Progress,
    ProgressTracker,
    build_pdf,
    fit_widths,
    heading_minimums,
    make_styles,
)
from inspector_app.reports.tables import PADDING, RowStream
from inspector_app.services.context import Services

NUMBER_WIDTH_HINT = 4
RIGHT_ALIGNED_KINDS = ("int", "money")


def column_title(column: Column, lang: str) -> str:
    """A register column's heading (``field.<record>.<key>``, else ``field.any.<key>``)."""
    if has_message(column.label):
        return translate(column.label, lang)
    generic = f"field.any.{column.key}"
    return translate(generic, lang) if has_message(generic) else column.key


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
        widths = fit_widths(hints, doc.frame_width, unit, PADDING, minimums=minimums)
        right = [0, *(i + 1 for i, c in enumerate(columns) if c.kind in RIGHT_ALIGNED_KINDS)]
        flow = [Paragraph(f"{point.name} ({point.code})", styles.small),
                Paragraph(title, styles.title)]
        if period:
            flow.append(Paragraph(period, styles.subtitle))
        flow.append(Paragraph(translate("report.journal.rows", lang,
                                        count=group_thousands(total)), styles.small))
        flow.append(Spacer(1, 3 * mm))
        stream = RowStream(heading, rows(), widths, size=size, align_right=right,
                           tracker=tracker)
        if stream.has_rows():
            flow.append(stream)
        else:
            flow.append(Paragraph(translate("report.journal.empty", lang), styles.body))
        return flow

    return build_pdf(out, story, pagesize=landscape(A4),
                     margins=(12 * mm, 10 * mm, 10 * mm, 14 * mm), title=title,
                     author=point.name, lang=lang,
                     note=f"{point.code} · {title}")
