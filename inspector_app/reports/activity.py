"""The activity report of a point or one inspector, each figure beside АППГ and the change.

Every number printed comes from :func:`inspector_app.queries.stats.compute` (the tables),
:func:`inspector_app.queries.stats_series.monthly_series` (the chart) and
:func:`inspector_app.queries.stats_series.overdue_checks` (the list), the same code as
``inspector-cli stats``.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from inspector_app.domain.catalogues import Catalogues
from inspector_app.messages import translate
from inspector_app.queries.stats import ActivityStats, Section, StatsScope, compute
from inspector_app.queries.stats_series import (
    OverdueCheck,
    monthly_series,
    overdue_checks,
    reference_day,
)
from inspector_app.reports.chart import activity_chart
from inspector_app.reports.fonts import CONDENSED, CONDENSED_BOLD
from inspector_app.reports.formatting import (
    DASH,
    describe_period,
    format_change,
    format_date,
    format_number,
    region_police,
    short_name,
)
from inspector_app.reports.layout import (
    GROUP_FILL,
    Progress,
    ProgressTracker,
    Styles,
    build_pdf,
    heading_minimums,
    make_styles,
    spread_widths,
)
from inspector_app.reports.tables import PADDING, grid_style
from inspector_app.services.context import Services
from inspector_app.storage.models import Point, Staff
from inspector_app.storage.territory import visible_condition

GROUP_INDENT = 10
"""How far a group's rows (articles, penalties, concerns) stand in from their group title."""
HANG = 8
"""The continuation lines' extra indent of a wrapped row without an "— " to align to."""
MARGINS = (22 * mm, 12 * mm, 14 * mm, 16 * mm)
SECTION_ROOM = 40 * mm
"""A section starts on a new page unless this much room is left (title + a few rows)."""


def _point_of(services: Services, scope: StatsScope) -> Point:
    if len(scope.point_codes) == 1:
        point = Point.get_or_none((Point.code == scope.point_codes[0])
                                  & (Point.deleted == False)  # noqa: E712
                                  & visible_condition(Point, scope.point_codes))
        if point is not None:
            return point
    return services.points.current()


def _year_label(scope: StatsScope) -> str:
    first, last = scope.date_from.year, scope.date_to.year
    return str(first) if first == last else f"{first}–{last}"


def heading_block(services: Services, point: Point, inspector: Staff | None, lang: str,
                  styles: Styles) -> list:
    """Республика Казахстан / МВД / regional police / district department / point / inspector."""
    lines = [translate("report.heading.country", lang), translate("report.heading.ministry", lang),
             region_police(services.catalogues, point.region, lang),
             point.department or point.district,
             translate("report.heading.point", lang, name=point.name, code=point.code)]
    if inspector is not None:
        lines.append(translate("report.heading.inspector", lang, name=inspector.full_name))
    return [Paragraph(escape(line), styles.heading) for line in lines if line]


def hanging_style(style: ParagraphStyle, label: str, indent: float) -> ParagraphStyle:
    """``style`` indented by ``indent``, its continuation lines under the text after "— ".

    A wrapped article name ("ст. 73 — Противоправные действия …") then reads as one item:
    the second line starts under «Противоправные», not under «ст.».
    """
    head, dash, _ = label.partition(DASH + " ")
    hang = stringWidth(head + dash, style.fontName, style.fontSize) if dash else HANG
    return ParagraphStyle(f"{style.name}-hang", parent=style, leftIndent=indent + hang,
                          firstLineIndent=-hang)


def section_table(section: Section, stats: ActivityStats, catalogues: Catalogues, lang: str,
                  styles: Styles, width: float) -> Table:
    """One section as a table: indicator, current, АППГ, change %; heading on every page."""
    number_width = 22 * mm
    widths = [width - 3 * number_width, number_width, number_width, number_width]
    heading = [translate("report.column.indicator", lang),
               translate("report.column.current", lang, year=_year_label(stats.scope)),
               translate("report.column.previous", lang,
                         year=_year_label(stats.previous_scope)),
               translate("report.column.change", lang)]
    rows: list[list] = [[Paragraph(escape(text), styles.cell_head) for text in heading]]
    style = grid_style(CONDENSED, 8.5, 10.2)
    group = None
    for row in section.rows:
        if row.group and row.group != group:
            rows.append([Paragraph(escape(translate(row.group, lang)), styles.small), "", "",
                         ""])
            index = len(rows) - 1
            style += [("SPAN", (0, index), (-1, index)),
                      ("BACKGROUND", (0, index), (-1, index), GROUP_FILL)]
        group = row.group
        label = row.text(lang, catalogues)
        cell = Paragraph(escape(label), hanging_style(styles.cell, label, GROUP_INDENT)
                         if row.group else styles.cell_bold)
        rows.append([cell, format_number(row.current, row.kind, lang),
                     format_number(row.previous, row.kind, lang),
                     format_change(row.change_pct, lang)])
    style += [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("VALIGN", (1, 1), (-1, -1), "MIDDLE")]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def overdue_table(checks: list[OverdueCheck], catalogues: Catalogues, lang: str,
                  styles: Styles, width: float) -> Table:
    """The list of overdue checks: person, category, last check, due, days, inspector."""
    heading = [translate("report.column.number", lang), translate("field.staff.full_name", lang),
               translate("field.registration.category", lang),
               translate("field.registration.last_check_on", lang),
               translate("report.column.due", lang), translate("report.column.days_overdue", lang),
               translate("field.any.inspector", lang)]
    widths = spread_widths([6, 56, 32, 19, 19, 18, 28], width,
                           heading_minimums(heading, CONDENSED_BOLD, styles.cell_head.fontSize,
                                            PADDING))
    rows: list[list] = [[Paragraph(escape(text), styles.cell_head) for text in heading]]
    for number, check in enumerate(checks, 1):
        person = escape(check.person)
        if check.address:
            person += f'<br/><font size="7" color="#505050">{escape(check.address)}</font>'

        rows.append([str(number), Paragraph(person, styles.cell),
                     Paragraph(escape(catalogues.title("registration_categories",
                                                       check.category, lang)), styles.cell),
                     format_date(check.last_check_on), format_date(check.due),
                     str(check.days_overdue), Paragraph(escape(check.inspector), styles.cell)])
    style = grid_style(CONDENSED, 8, 9.6)
    style += [("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (5, 1), (5, -1), "RIGHT")]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def signature_block(services: Services, signer: Staff | None, lang: str, styles: Styles,
                    width: float) -> Table:
    """Position and rank on the left, the line and name on the right, the date below."""
    cats = services.catalogues
    left = []
    if signer is not None:
        left.append(signer.position or cats.title("staff_roles", signer.role, lang))
        if signer.rank:
            left.append(cats.title("ranks", signer.rank, lang))
    name = short_name(signer.full_name) if signer is not None else ""
    rows = [[Paragraph("<br/>".join(escape(x) for x in left), styles.body),
             Paragraph(f"_______________ {escape(name)}", styles.body)],
            [Paragraph(escape(translate("report.signature.date", lang,
                                        date=format_date(services.clock.today()))),
                       styles.body), ""]]
    table = Table(rows, colWidths=[width * 0.6, width * 0.4])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("TOPPADDING", (0, 1), (-1, 1), 8)]))
    return table


def activity_report(services: Services, scope: StatsScope, out: str | Path, *,
                    lang: str = "ru", progress: Progress | None = None) -> int:
    """Write the activity report of ``scope`` to ``out`` (PDF); returns the page count."""
    tracker = ProgressTracker(progress, 5)
    tracker.step(0)
    cats = services.catalogues
    styles = make_styles(9)
    stats = compute(services, scope)
    tracker.step()
    series = monthly_series(services, scope)
    tracker.step()
    checks = overdue_checks(services, scope)
    tracker.step()
    point = _point_of(services, scope)
    inspector = Staff.get_or_none(Staff.id == scope.inspector_id) if scope.inspector_id \
        else None
    signer = inspector or Staff.get_or_none(Staff.id == services.current_staff_id())
    title_code = "report.activity.title_inspector" if inspector else "report.activity.title_point"
    title = translate(title_code, lang)

    def story(doc) -> list:
        width = doc.frame_width
        prev = stats.previous_scope
        flow = heading_block(services, point, inspector, lang, styles)
        flow += [Spacer(1, 4 * mm), Paragraph(escape(title), styles.title),
                 Paragraph(escape(describe_period(scope.date_from, scope.date_to, lang)),
                           styles.subtitle),
                 Paragraph(escape(translate("report.activity.compared", lang,
                                            start=format_date(prev.date_from),
                                            end=format_date(prev.date_to))), styles.note),
                 Spacer(1, 2 * mm)]
        for section in stats.sections:
            flow.append(CondPageBreak(SECTION_ROOM))
            flow.append(Paragraph(escape(translate(section.title, lang)), styles.section))
            flow.append(section_table(section, stats, cats, lang, styles, width))
        flow += [Spacer(1, 6 * mm), KeepTogether([activity_chart(series, width, lang)])]
        flow.append(CondPageBreak(SECTION_ROOM))
        flow.append(Paragraph(escape(translate(
            "report.overdue.title", lang,
            date=format_date(reference_day(services, scope)))), styles.section))
        if checks:
            flow.append(overdue_table(checks, cats, lang, styles, width))
        else:
            flow.append(Paragraph(escape(translate("report.overdue.none", lang)), styles.body))
        flow += [Spacer(1, 10 * mm),
                 KeepTogether([signature_block(services, signer, lang, styles, width)])]
        return flow

    pages = build_pdf(out, story, pagesize=A4, margins=MARGINS, title=title,
                      author=point.name, lang=lang,
                      note=f"{point.code} · {format_date(scope.date_from)}–"
                           f"{format_date(scope.date_to)}")
    tracker.step(5)
    return pages
