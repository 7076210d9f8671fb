"""The district summary: one row per point with the main indicators, АППГ, and the totals.

Works for any set of points: a district office's database (every point it received), a
chosen few, or a point's own database (one row).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from inspector_app.messages import translate
from inspector_app.queries.stats import ActivityStats, StatsScope, compute_summary
from inspector_app.reports.fonts import CONDENSED
from inspector_app.reports.formatting import describe_period, format_date, format_number
from inspector_app.reports.layout import (
    HEADER_FILL,
    Progress,
    ProgressTracker,
    build_pdf,
    make_styles,
)
from inspector_app.reports.tables import grid_style
from inspector_app.services.context import Services
from inspector_app.storage.models import Point
from inspector_app.storage.territory import visible_condition

COLUMNS = (
    ("appeals.received", "count", 1.0),
    ("appeals.overdue", "count", 1.0),
    ("visits.total", "count", 1.0),
    ("registrations.at_end", "count", 1.0),
    ("offences.total", "count", 1.0),
    ("offences.fine_tenge", "tenge", 1.7),
    ("meetings.held", "count", 1.0),
    ("survey.trust_pct", "percent", 1.0),
)
"""Indicator code, value kind and relative width of the summary's columns (each with АППГ)."""
NUMBER_WIDTH = 8 * mm
POINT_WIDTH = 56 * mm


def summary_points(services: Services, codes: tuple[str, ...] = ()) -> list[Point]:
    """The points to list: those named, or every point in the database but a district office;
    of the session's territory only."""
    query = Point.select().where(Point.deleted == False)  # noqa: E712
    visible = visible_condition(Point, codes)
    if visible is not None:
        query = query.where(visible)
    if not codes:
        query = query.where(Point.is_district_office == False)  # noqa: E712
    return list(query.order_by(Point.code))


def district_report(services: Services, scope: StatsScope, out: str | Path, *,
                    lang: str = "ru", progress: Progress | None = None) -> int:
    """Write the summary of the points of ``scope`` (all when none named) to ``out``."""
    tracker = ProgressTracker(progress, 3)
    tracker.step(0)
    points = summary_points(services, scope.point_codes)
    scope = StatsScope(scope.date_from, scope.date_to, scope.inspector_id,
                       tuple(p.code for p in points), scope.today)
    total, per_point = compute_summary(services, scope) if points else (None, {})
    tracker.step()
    styles = make_styles(9)
    own = services.points.current()
    title = translate("report.district.title", lang)

    def values(stats: ActivityStats | None) -> list[str]:
        cells = []
        for code, kind, _ in COLUMNS:
            for previous in (False, True):
                value = stats.value(code, previous) if stats is not None else 0
                cells.append(format_number(value, kind, lang))
        return cells

    def story(doc) -> list:
        width = doc.frame_width
        unit = (width - NUMBER_WIDTH - POINT_WIDTH) / (2 * sum(c[2] for c in COLUMNS))
        widths = [NUMBER_WIDTH, POINT_WIDTH]
        for *_, weight in COLUMNS:
            widths += [unit * weight] * 2
        first = [translate("report.column.number", lang), translate("report.district.point",
                                                                    lang)]
        second = ["", ""]
        year = str(scope.date_from.year)
        prev_year = str(scope.date_from.year - 1)
        for code, *_ in COLUMNS:
            first += [Paragraph(escape(translate(f"report.district.{code}", lang)),
                                styles.cell_head), ""]
            second += [year, translate("report.column.appg", lang, year=prev_year)]
        rows: list[list] = [first, second]
        for number, point in enumerate(points, 1):
            name = Paragraph(f"{escape(point.name)} <font size=7>({escape(point.code)})</font>",
                             styles.cell)
            rows.append([str(number), name, *values(per_point.get(point.code))])
        rows.append(["", Paragraph(f"<b>{escape(translate('report.district.total', lang))}</b>",
                                   styles.cell), *values(total)])
        style = grid_style(CONDENSED, 8, 9.6, header_rows=2)
        style += [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
                  ("ALIGN", (2, 2), (-1, -1), "RIGHT"), ("ALIGN", (0, 2), (0, -1), "RIGHT"),
                  ("VALIGN", (2, 2), (-1, -1), "MIDDLE"),
                  ("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL)]
        style += [("SPAN", (2 + 2 * i, 0), (3 + 2 * i, 0)) for i in range(len(COLUMNS))]
        table = Table(rows, colWidths=widths, repeatRows=2)
        table.setStyle(TableStyle(style))
        return [Paragraph(escape(own.name), styles.heading),
                Paragraph(escape(title), styles.title),
                Paragraph(escape(describe_period(scope.date_from, scope.date_to, lang)),
                          styles.subtitle),
                Spacer(1, 4 * mm), table]

    pages = build_pdf(out, story, pagesize=landscape(A4),
                      margins=(12 * mm, 10 * mm, 12 * mm, 14 * mm), title=title,
                      author=own.name, lang=lang,
                      note=f"{format_date(scope.date_from)}–{format_date(scope.date_to)}")
    tracker.step(3)
    return pages
