"""What the desktop client adds to the description of each record kind, in one table.

Keyed by the core's slugs (:mod:`inspector_app.kinds`), each named once, by its form's
``kind``; in the order of the sidebar and of the "new record" buttons: each kind's form (whose
``icon_name`` is the kind's icon) and the register columns a line of the home page's latest
records shows. The sidebar holds a page for
every kind with a register; the home page has figures, a "new" button and latest records for
every register with a date.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from inspector_app.kinds import KINDS
from ui.forms.address_form import AddressForm
from ui.forms.appeal_form import AppealForm
from ui.forms.base_form import RecordForm
from ui.forms.crime_report_form import CrimeReportForm
from ui.forms.feedback_form import FeedbackForm
from ui.forms.meeting_form import MeetingForm
from ui.forms.offence_form import OffenceForm
from ui.forms.organisation_form import OrganisationForm
from ui.forms.person_form import PersonForm
from ui.forms.registration_form import RegistrationForm
from ui.forms.staff_form import StaffForm
from ui.forms.visit_form import VisitForm


@dataclass(frozen=True)
class UiKind:
    form: type[RecordForm]
    summary: tuple[str, ...] = ()
    """Register columns of its line among the home page's latest records."""
    new_title: str = ""
    new_tip: str = ""
    """The home page's "new record" button (texts of the ``HomePage`` translation context)."""

    @property
    def slug(self) -> str:
        """The kind's slug, the one its form declares."""
        return self.form.kind

    @property
    def icon(self) -> str:
        return self.form.icon_name


UI_KINDS: dict[str, UiKind] = {ui.slug: ui for ui in (
    UiKind(
        AppealForm, ("talon_number", "applicant", "topic"),
        QT_TRANSLATE_NOOP("HomePage", "Appeal"),
        QT_TRANSLATE_NOOP("HomePage", "Receive a citizen: a new appeal with a talon")),
    UiKind(
        CrimeReportForm, ("source", "reporter", "kui_number"),
        QT_TRANSLATE_NOOP("HomePage", "КУИ"),
        QT_TRANSLATE_NOOP("HomePage", "A report of a crime: into the book of information (КУИ)")),
    UiKind(
        VisitForm, ("kind", "address_text", "person"),
        QT_TRANSLATE_NOOP("HomePage", "Visit"),
        QT_TRANSLATE_NOOP("HomePage", "A new preventive visit or door-to-door round")),
    UiKind(
        RegistrationForm, ("person", "category"),
        QT_TRANSLATE_NOOP("HomePage", "Registration"),
        QT_TRANSLATE_NOOP("HomePage", "Put a person on preventive registration")),
    UiKind(
        OffenceForm, ("protocol_number", "offender", "article"),
        QT_TRANSLATE_NOOP("HomePage", "Protocol"),
        QT_TRANSLATE_NOOP("HomePage", "A new administrative offence protocol")),
    UiKind(
        MeetingForm, ("kind", "place"),
        QT_TRANSLATE_NOOP("HomePage", "Meeting"),
        QT_TRANSLATE_NOOP("HomePage", "A new meeting with the population")),
    UiKind(
        FeedbackForm, ("rating", "concerns"),
        QT_TRANSLATE_NOOP("HomePage", "Survey answer"),
        QT_TRANSLATE_NOOP("HomePage", "A resident's answers to the survey")),
    UiKind(PersonForm),
    UiKind(AddressForm),
    UiKind(OrganisationForm),
    UiKind(StaffForm),
)}

FORM_KINDS: dict[str, type[RecordForm]] = {slug: ui.form for slug, ui in UI_KINDS.items()}
"""The form of each kind that has one (the point's own record is edited in the settings)."""

PAGE_KINDS: tuple[str, ...] = tuple(slug for slug in UI_KINDS if KINDS[slug].register)
"""Kinds with a register page, in sidebar order."""

DATED_KINDS: tuple[str, ...] = tuple(slug for slug in PAGE_KINDS if KINDS[slug].date_field)
"""Registers of records made on a day: the home page's figures, buttons and latest records."""
