"""The talon: the citizen's slip for a registered appeal (number, date, time, officer).

A small A6 page, printable the moment the appeal is saved.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from inspector_app.errors import NotFound
from inspector_app.messages import translate
from inspector_app.reports.formatting import format_date
from inspector_app.reports.layout import GRID, Progress, ProgressTracker, build_pdf, make_styles
from inspector_app.services.context import Services
from inspector_app.services.people import full_name
from inspector_app.storage.models import Appeal, Person, Point, Staff


def find_appeal(services: Services, *, appeal_id: str | None = None,
                talon_number: str | None = None) -> Appeal:
    """The live appeal with ``appeal_id`` or talon number; :class:`NotFound` otherwise."""
    if appeal_id:
        return services.appeals.get(appeal_id)
    number = (talon_number or "").strip().upper()
    appeal = services.appeals.live().where(Appeal.talon_number == number).first()
    if appeal is None:
        raise NotFound("report.talon_not_found", number=number)
    return appeal


def talon_report(services: Services, appeal_id: str, out: str | Path, *, lang: str = "ru",
                 progress: Progress | None = None) -> int:
    """Write the talon of the appeal ``appeal_id`` to ``out``; returns the page count (1)."""
    tracker = ProgressTracker(progress, 2)
    tracker.step(0)
    cats = services.catalogues
    appeal = services.appeals.get(appeal_id)
    point = Point.get_or_none(Point.code == appeal.owner_point) or services.points.current()
    officer = Staff.get_or_none(Staff.id == appeal.officer_id)
    applicant = Person.get_or_none(Person.id == appeal.applicant_id)
    styles = make_styles(8)
    officer_text = ""
    if officer is not None:
        rank = cats.title("ranks", officer.rank, lang) if officer.rank else ""
        officer_text = ", ".join(x for x in (rank, officer.full_name) if x)
    applicant_text = full_name(applicant) or translate("report.talon.anonymous", lang)
    point_text = ", ".join(x for x in (point.name, point.address) if x)
    fields = [
        ("report.talon.date", appeal.received_at.strftime("%d.%m.%Y")),
        ("report.talon.time", appeal.received_at.strftime("%H:%M")),
        ("report.talon.applicant", applicant_text),
        ("field.appeal.topic", cats.title("appeal_topics", appeal.topic, lang)),
        ("report.talon.officer", officer_text),
        ("report.talon.point", point_text),
        ("report.talon.hours", point.reception_hours),
        ("report.talon.due", format_date(appeal.due_date)),
    ]

    def story(doc) -> list:
        width = doc.frame_width
        rows = [[Paragraph(escape(translate(label, lang)), styles.small),
                 Paragraph(escape(value or "—"), styles.cell)] for label, value in fields]
        table = Table(rows, colWidths=[width * 0.36, width * 0.64])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
            ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        return [
            Paragraph(escape(point.name), styles.heading),
            Paragraph(escape(translate("report.talon.title", lang)), styles.title),
            Paragraph(escape(translate("report.talon.subtitle", lang)), styles.subtitle),
            Spacer(1, 2 * mm),
            Paragraph(f"<b>№ {escape(appeal.talon_number)}</b>", styles.subtitle),
            Spacer(1, 3 * mm), table, Spacer(1, 4 * mm),
            Paragraph(escape(translate("report.talon.keep", lang)), styles.small),
            Spacer(1, 5 * mm),
            Paragraph(escape(translate("report.talon.signature", lang)) + " _______________",
                      styles.body),
        ]

    pages = build_pdf(out, story, pagesize=A6, margins=(8 * mm, 8 * mm, 8 * mm, 8 * mm),
                      title=f"{translate('report.talon.title', lang)} {appeal.talon_number}",
                      author=point.name, lang=lang, numbered=False)
    tracker.step(2)
    return pages
