"""The notice given to the person reporting a criminal offence (талон-уведомление), with its
stub (корешок), on one A5 sheet, printable once the report is registered in the КУИ.

Its name and contents (the КУИ number, when and how the report was received and registered,
who received it, the stub signed by the person for having received the notice) follow the
practice of a receipt with a stub, as the appeal's talon; no public Kazakh form was found
(Prosecutor General's order 19.09.2014 № 89 on registration in the КУИ and the ЕРДР was not
read in full): unverified, see ``docs/legal-sources.md``.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from inspector_app.errors import InspectorError
from inspector_app.messages import translate
from inspector_app.reports.documents import (
    build_document,
    officer_signature_name,
    officer_text,
    owner_point,
    signature_lines,
)
from inspector_app.reports.formatting import short_name
from inspector_app.reports.layout import Progress, make_styles
from inspector_app.reports.talon import CUT_GAP, MARGIN, PAGE, cut_sheet, sheet_half
from inspector_app.services.context import Services
from inspector_app.services.people import full_name
from inspector_app.storage.models import Person, Staff

SUBSTANCE_CHARS = 300
"""The start of the report's substance the notice repeats (the whole text is in the КУИ)."""


def kui_notice_report(services: Services, report_id: str, out: str | Path, *,
                      lang: str = "ru", progress: Progress | None = None) -> int:
    """Write the notice and stub of the КУИ record ``report_id`` to ``out``; returns 1."""
    cats = services.catalogues
    report = services.crime_reports.get(report_id)
    if not report.kui_number or report.registered_at is None:
        raise InspectorError("report.kui_not_registered")
    point = owner_point(services, report)
    officer = Staff.get_or_none(Staff.id == report.officer_id)
    reporter = Person.get_or_none(Person.id == report.reporter_id)
    styles = make_styles(8)
    substance = report.substance
    if len(substance) > SUBSTANCE_CHARS:
        substance = substance[:SUBSTANCE_CHARS].rstrip() + "…"
    fields = [
        ("report.talon.date", report.received_at.strftime("%d.%m.%Y")),
        ("report.talon.time", report.received_at.strftime("%H:%M")),
        ("field.crime_report.source", cats.title("crime_report_sources", report.source, lang)),
        ("report.talon.applicant",
         full_name(reporter) or translate("report.talon.anonymous", lang)),
        ("field.crime_report.substance", substance),
        ("report.talon.officer", officer_text(services, officer, lang)),
        ("field.crime_report.registered_at", report.registered_at.strftime("%d.%m.%Y %H:%M")),
    ]
    citizen_fields = [*fields, ("report.talon.point",
                                ", ".join(x for x in (point.name, point.address) if x))]
    number = Paragraph(f"<b>{escape(translate('field.crime_report.kui_number', lang))} "
                       f"{escape(report.kui_number)}</b>", styles.subtitle)
    officer_name = officer_signature_name(officer)

    def half(title: str, part: str, rows, width: float) -> list:
        return sheet_half(point.name, number, (title, "report.kui_notice.subtitle", part),
                          rows, width, lang, styles)

    def story(doc) -> list:
        width = (doc.frame_width - CUT_GAP) / 2
        height = PAGE[1] - 2 * MARGIN
        stub = half("report.kui_notice.stub_title", "report.talon.stub_part", fields, width)
        stub += [Spacer(1, 3 * mm), signature_lines(
            [("report.kui_notice.received", short_name(full_name(reporter))),
             ("report.talon.signature", officer_name)], lang, styles, width)]
        notice = half("report.kui_notice.title", "report.talon.citizen_part", citizen_fields,
                      width)
        notice += [Spacer(1, 2.5 * mm),
                   Paragraph(escape(translate("report.kui_notice.keep", lang)), styles.small),
                   Spacer(1, 1 * mm),
                   signature_lines([("report.talon.signature", officer_name)], lang, styles,
                                   width)]
        return [cut_sheet(stub, notice, width, height, lang)]

    title = translate("report.kui_notice.title", lang)
    return build_document(out, story, progress, pagesize=PAGE, margins=(MARGIN,) * 4,
                          title=f"{title} {report.kui_number}", author=point.name, lang=lang,
                          numbered=False)
