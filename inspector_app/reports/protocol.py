"""Printed record documents: the offence protocol and the preventive visit record.

The protocol (протокол об административном правонарушении) lays out what the offence record
holds the way the paper form goes: who drew it up, when and where, the person, the event and
the article of the КоАП РК, the victim, the penalty; then lines for two witnesses, the
offender's explanation, the rights explained to the offender (ст. 744 КоАП РК) and the
signatures. The visit record (справка о профилактическом посещении) does the same for a
preventive visit. Both are one A4 page for an ordinary record.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from inspector_app.domain.iin import is_minor
from inspector_app.domain.sanctions import PartSanctions
from inspector_app.messages import in_language, translate
from inspector_app.reports.documents import (
    Fields,
    blank_lines,
    build_document,
    fields_table,
    local_time,
    officer_signature_name,
    officer_text,
    owner_point,
    signature_lines,
)
from inspector_app.reports.formatting import (
    format_date,
    format_number,
    group_thousands,
    region_police,
    short_name,
)
from inspector_app.reports.layout import Progress, Styles, make_styles
from inspector_app.services.context import Services
from inspector_app.services.people import full_name
from inspector_app.services.registrations import registration_title
from inspector_app.storage.models import Person, Point, Registration, Staff

MARGINS = (20 * mm, 14 * mm, 14 * mm, 14 * mm)
WITNESSES = 2


def _person_fields(person: Person | None, prefix: str, lang: str) -> Fields:
    """Name, ИИН, birth date, address and phone of ``person`` under ``prefix``'s label."""
    if person is None:
        return [(prefix, None)]
    return [(prefix, full_name(person)),
            ("field.person.iin", person.iin),
            ("field.person.birth_date", format_date(person.birth_date)),
            ("field.any.address", person.address),
            ("field.any.phone", person.phone)]


def _heading(services: Services, point: Point, lang: str, styles: Styles) -> list:
    lines = [region_police(services.catalogues, point.region, lang),
             point.department or point.district,
             translate("report.heading.point", lang, name=point.name, code=point.code)]
    return [Paragraph(escape(line), styles.heading) for line in lines if line]


def _place_and_date(point: Point, when: str, styles: Styles, width: float) -> Table:
    """Where the document is drawn up (the point's address) on the left, when on the right."""
    right = ParagraphStyle("right", parent=styles.body, alignment=TA_RIGHT)
    place = point.address or point.district
    table = Table([[Paragraph(escape(place), styles.body), Paragraph(escape(when), right)]],
                  colWidths=[width * 0.6, width * 0.4])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _penalty_text(services: Services, offence, lang: str) -> str:
    text = services.catalogues.title("penalties", offence.penalty, lang)
    amount = None
    if offence.penalty == "fine" and offence.fine_mrp is not None:
        amount = translate("report.protocol.fine", lang,
                           mrp=format_number(offence.fine_mrp, "mrp", lang),
                           tenge=group_thousands(offence.fine_tenge or 0))
        item = services.catalogues.get("offence_articles", offence.article)
        if item is not None and PartSanctions.of(item).fine_payer == "parents":
            amount = f"{amount}, {translate('sanction.parents_pay', lang)}"
    elif offence.penalty == "public_works" and offence.public_works_hours:
        amount = translate("report.protocol.hours", lang, hours=offence.public_works_hours)
    elif offence.penalty == "arrest" and offence.arrest_days:
        amount = translate("report.protocol.days", lang, days=offence.arrest_days)
    return f"{text}: {amount}" if amount else text


def _consent_fields(services: Services, offence, lang: str) -> Fields:
    """The offender's answer to public works and its day; no row where nobody was asked."""
    if not offence.works_consent:
        return []
    answer = services.catalogues.title("consent_answers", offence.works_consent, lang)
    day = format_date(offence.works_consent_on)
    return [("field.offence.works_consent", f"{answer}, {day}" if day else answer)]


def protocol_report(services: Services, offence_id: str, out: str | Path, *,
                    lang: str = "ru", progress: Progress | None = None) -> int:
    """Write the protocol of the offence ``offence_id`` to ``out``; returns the page count."""
    cats = services.catalogues
    offence = services.offences.get(offence_id)
    point = owner_point(services, offence)
    officer = Staff.get_or_none(Staff.id == offence.inspector_id)
    offender = Person.get_or_none(Person.id == offence.offender_id)
    victim = Person.get_or_none(Person.id == offence.victim_id)
    breached = Registration.get_or_none(Registration.id == offence.breached_registration_id)
    styles = make_styles(9)
    drawn_up = local_time(services, offence.created_at)
    officer_line = ", ".join(x for x in (officer.position if officer else "",
                                         officer_text(services, officer, lang)) if x)
    fields: Fields = [
        ("report.protocol.drawn_up_by", officer_line),
        *_person_fields(offender, "field.offence.offender", lang),
        ("field.offence.offender_subject",
         cats.title("offender_subjects", offence.offender_subject, lang)),
        ("report.protocol.committed_at", offence.committed_at.strftime("%d.%m.%Y %H:%M")),
        ("report.protocol.place", offence.place),
        ("field.offence.article", cats.title("offence_articles", offence.article, lang)),
        *([("field.offence.breached_registration", registration_title(breached, cats, lang))]
          if breached is not None else []),
        ("report.protocol.event", offence.description),
        ("field.offence.victim", full_name(victim) if victim else None),
        ("field.offence.penalty", _penalty_text(services, offence, lang)),
        *_consent_fields(services, offence, lang),
        ("field.offence.erap_number", offence.erap_number),
    ]
    offender_name = short_name(full_name(offender))
    title = translate("report.protocol.title", lang)

    def story(doc) -> list:
        width = doc.frame_width
        witnesses = [[Paragraph(f"{number}.", styles.body), "", ""]
                     for number in range(1, WITNESSES + 1)]
        witness_table = Table(witnesses, colWidths=[6 * mm, width * 0.62, None],
                              rowHeights=8 * mm)
        witness_table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, -1), 0.4, styles.small.textColor),
            ("LINEBELOW", (2, 0), (2, -1), 0.4, styles.small.textColor),
            ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        signers = [("report.protocol.sign_offender", offender_name),
                   ("report.protocol.drawn_up_by", officer_signature_name(officer))]
        signers += [("report.protocol.sign_witness", "")] * WITNESSES
        if victim is not None:
            signers.append(("field.offence.victim", short_name(full_name(victim))))
        return [
            *_heading(services, point, lang, styles), Spacer(1, 3 * mm),
            Paragraph(escape(f"{title} № {offence.protocol_number}"), styles.title),
            Paragraph(escape(translate("report.protocol.subtitle", lang)), styles.subtitle),
            Spacer(1, 3 * mm),
            _place_and_date(point, translate(
                "report.protocol.drawn_up_on", lang,
                date=drawn_up.strftime("%d.%m.%Y %H:%M")), styles, width),
            Spacer(1, 2 * mm), fields_table(fields, lang, styles, width),
            Spacer(1, 3 * mm),
            Paragraph(escape(translate("report.protocol.witnesses", lang)), styles.body),
            witness_table, Spacer(1, 3 * mm),
            Paragraph(escape(translate("report.protocol.explanation", lang)), styles.body),
            blank_lines(3, width), Spacer(1, 3 * mm),
            KeepTogether([
                Paragraph(escape(translate("report.protocol.rights", lang)), styles.body),
                signature_lines([("report.protocol.sign_offender", offender_name)], lang,
                                styles, width)]),
            Spacer(1, 3 * mm),
            KeepTogether([signature_lines(signers, lang, styles, width)]),
            Spacer(1, 3 * mm),
            Paragraph(escape(translate("report.protocol.copy_received", lang)), styles.body),
            signature_lines([("report.protocol.sign_offender", offender_name)], lang, styles,
                            width),
        ]

    return build_document(out, story, progress, pagesize=A4, margins=MARGINS,
                      title=f"{title} {offence.protocol_number}", author=point.name,
                      lang=lang, note=f"{point.code} · {offence.protocol_number}")


def visit_report(services: Services, visit_id: str, out: str | Path, *, lang: str = "ru",
                 progress: Progress | None = None) -> int:
    """Write the record of the preventive visit ``visit_id`` to ``out``; returns pages."""
    cats = services.catalogues
    visit = services.visits.get(visit_id)
    point = owner_point(services, visit)
    officer = Staff.get_or_none(Staff.id == visit.inspector_id)
    person = Person.get_or_none(Person.id == visit.person_id)
    registration = Registration.get_or_none(Registration.id == visit.registration_id)
    styles = make_styles(9)
    address = visit.address_text
    if visit.flat:
        address = translate("report.visit.flat", lang, address=address, flat=visit.flat)
    findings = [cats.title("visit_findings", code.strip(), lang)
                for code in visit.findings.split(",") if code.strip()]
    registration_text = None
    if registration is not None:
        registration_text = "; ".join(x for x in (
            cats.title("registration_categories", registration.category, lang),
            registration.basis_document) if x)
    fields: Fields = [
        ("report.visit.when", visit.visited_at.strftime("%d.%m.%Y %H:%M")),
        ("report.visit.kind", cats.title("visit_kinds", visit.kind, lang)),
        ("field.any.address", address),
        ("field.preventive_visit.dwelling_kind",
         cats.title("dwelling_kinds", visit.dwelling_kind, lang)),
        *_person_fields(person, "field.any.person", lang)[:3],
        ("field.preventive_visit.registration", registration_text),
        ("field.preventive_visit.persons_met", visit.persons_met),
        ("field.preventive_visit.findings", "; ".join(findings)
         or translate("report.visit.nothing_found", lang)),
        ("report.visit.done", visit.notes),
        ("field.any.inspector", officer_text(services, officer, lang)),
    ]
    # a conversation or an official warning (Law 245-VIII arts. 50-51) is its own document,
    # worded in the visit kinds catalogue
    kind_item = cats.get("visit_kinds", visit.kind)
    document = kind_item.extra.get("document") if kind_item is not None else None
    if document:
        title = in_language(document["title"], lang)
        subtitle = translate("report.visit.basis", lang,
                             basis=in_language(document["basis"], lang))
    else:
        title = translate("report.visit.title", lang)
        subtitle = translate("report.visit.subtitle", lang)
    signers = [("report.visit.sign_officer", officer_signature_name(officer)),
               ("report.visit.sign_person", short_name(full_name(person)))]
    if document and person is not None and is_minor(person.birth_date, visit.visited_at.date()):
        signers.append(("report.visit.sign_companion", ""))

    def story(doc) -> list:
        width = doc.frame_width
        statement = ([Paragraph(escape(in_language(document["acknowledgement"], lang)),
                                styles.body), Spacer(1, 2 * mm)] if document else [])
        return [
            *_heading(services, point, lang, styles), Spacer(1, 3 * mm),
            Paragraph(escape(title), styles.title),
            Paragraph(escape(subtitle), styles.subtitle),
            Spacer(1, 3 * mm),
            _place_and_date(point, format_date(visit.visited_at.date()), styles, width),
            Spacer(1, 2 * mm), fields_table(fields, lang, styles, width),
            Spacer(1, 4 * mm),
            Paragraph(escape(translate("report.visit.remarks", lang)), styles.body),
            blank_lines(3, width), Spacer(1, 4 * mm),
            KeepTogether([*statement, signature_lines(signers, lang, styles, width)]),
        ]

    return build_document(out, story, progress, pagesize=A4, margins=MARGINS, title=title,
                      author=point.name, lang=lang,
                      note=f"{point.code} · {format_date(visit.visited_at.date())}")
