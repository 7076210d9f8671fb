"""The talon (талон о принятии обращения) with its stub (корешок), on one A5 sheet.

The sheet is cut along the dashed line: the right half, the talon, goes to the citizen; the
left half, the stub, stays at the point with the citizen's signature for having received
the talon. Both halves carry the talon number, date, time and the officer who took the
appeal. Printable the moment the appeal is saved.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from inspector_app.errors import NotFound
from inspector_app.messages import translate
from inspector_app.reports.documents import (
    CutLine,
    build_document,
    fields_table,
    officer_signature_name,
    officer_text,
    owner_point,
    signature_lines,
)
from inspector_app.reports.formatting import format_date, short_name
from inspector_app.reports.layout import Progress, make_styles
from inspector_app.services.context import Services
from inspector_app.services.people import full_name
from inspector_app.storage.models import Appeal, Person, Staff

PAGE = landscape(A5)
MARGIN = 7 * mm
CUT_GAP = 8 * mm
"""The strip in the middle of the sheet that holds the cut line."""


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


def sheet_half(point_name: str, number, texts: tuple[str, str, str], fields, width: float,
               lang: str, styles) -> list:
    """One half of a stub-and-slip sheet: the point, the title, subtitle and part (message
    codes), the record's number and its fields."""
    title, subtitle, part = texts
    return [Paragraph(escape(point_name), styles.heading),
            Paragraph(escape(translate(title, lang)), styles.title),
            Paragraph(escape(translate(subtitle, lang)), styles.subtitle),
            Paragraph(escape(translate(part, lang)), styles.note),
            Spacer(1, 1.5 * mm), number, Spacer(1, 2 * mm),
            fields_table(fields, lang, styles, width, label_share=0.36)]


def cut_sheet(stub: list, slip: list, width: float, height: float, lang: str) -> Table:
    """A stub kept by the police and a slip handed to the citizen, side by side on one sheet
    with the cut line between them (the talon, the КУИ notice)."""
    cut = CutLine(height - 2 * mm, translate("report.doc.cut_line", lang), upright=True)
    sheet = Table([[stub, cut, slip]], colWidths=[width, CUT_GAP, width], rowHeights=[height])
    sheet.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return sheet


def talon_report(services: Services, appeal_id: str, out: str | Path, *, lang: str = "ru",
                 progress: Progress | None = None) -> int:
    """Write the talon and stub of the appeal ``appeal_id`` to ``out``; returns 1 (pages)."""
    cats = services.catalogues
    appeal = services.appeals.get(appeal_id)
    point = owner_point(services, appeal)
    officer = Staff.get_or_none(Staff.id == appeal.officer_id)
    applicant = Person.get_or_none(Person.id == appeal.applicant_id)
    styles = make_styles(8)
    applicant_text = full_name(applicant) or translate("report.talon.anonymous", lang)
    received = [("report.talon.date", appeal.received_at.strftime("%d.%m.%Y")),
                ("report.talon.time", appeal.received_at.strftime("%H:%M")),
                ("report.talon.applicant", applicant_text),
                ("field.appeal.topic", cats.title("appeal_topics", appeal.topic, lang)),
                ("report.talon.officer", officer_text(services, officer, lang))]
    if appeal.eotinish_number:  # the official number beside the talon's
        received.insert(0, ("field.appeal.eotinish_number", appeal.eotinish_number))
    citizen_fields = [*received,
                      ("report.talon.point",
                       ", ".join(x for x in (point.name, point.address) if x)),
                      ("report.talon.hours", point.reception_hours),
                      ("report.talon.due", format_date(appeal.due_date))]
    stub_fields = [*received, ("report.talon.due", format_date(appeal.due_date))]
    number = Paragraph(f"<b>№ {escape(appeal.talon_number)}</b>", styles.subtitle)
    officer_name = officer_signature_name(officer)

    def half(title: str, subtitle: str, part: str, fields, width: float) -> list:
        return sheet_half(point.name, number, (title, subtitle, part), fields, width, lang,
                          styles)

    def story(doc) -> list:
        width = (doc.frame_width - CUT_GAP) / 2
        height = PAGE[1] - 2 * MARGIN
        stub = half("report.talon.stub_title", "report.talon.subtitle",
                    "report.talon.stub_part", stub_fields, width)
        stub += [Spacer(1, 3 * mm),
                 signature_lines([("report.talon.received",
                                   short_name(full_name(applicant))),
                                  ("report.talon.signature", officer_name)],
                                 lang, styles, width)]
        talon = half("report.talon.title", "report.talon.subtitle",
                     "report.talon.citizen_part", citizen_fields, width)
        talon += [Spacer(1, 2.5 * mm),
                  Paragraph(escape(translate("report.talon.keep", lang)), styles.small),
                  Spacer(1, 1 * mm),
                  signature_lines([("report.talon.signature", officer_name)], lang, styles,
                                  width)]
        return [cut_sheet(stub, talon, width, height, lang)]

    return build_document(out, story, progress, pagesize=PAGE, margins=(MARGIN,) * 4,
                      title=f"{translate('report.talon.title', lang)} {appeal.talon_number}",
                      author=point.name, lang=lang, numbered=False)
