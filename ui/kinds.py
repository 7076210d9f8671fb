"""What the desktop client adds to the description of each record kind, in one table.

Keyed by the core's slugs (:mod:`inspector_app.kinds`), in the order of the sidebar and of
the "new record" buttons: each kind's form (whose ``icon_name`` is the kind's icon) and the
register columns a line of the home page's latest records shows. The sidebar holds a page for
every kind with a register; the home page has figures, a "new" button and latest records for
every register with a date.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector_app.kinds import KINDS
from ui.forms.address_form import AddressForm
from ui.forms.appeal_form import AppealForm
from ui.forms.base_form import RecordForm
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

    @property
    def icon(self) -> str:
        return self.form.icon_name


UI_KINDS: dict[str, UiKind] = {
    "appeal": UiKind(AppealForm, ("talon_number", "applicant", "topic")),
    "preventive_visit": UiKind(VisitForm, ("kind", "address_text", "person")),
    "registration": UiKind(RegistrationForm, ("person", "category")),
    "offence": UiKind(OffenceForm, ("protocol_number", "offender", "article")),
    "meeting": UiKind(MeetingForm, ("kind", "place")),
    "feedback": UiKind(FeedbackForm, ("rating", "concerns")),
    "person": UiKind(PersonForm),
    "address": UiKind(AddressForm),
    "organisation": UiKind(OrganisationForm),
    "staff": UiKind(StaffForm),
}

FORM_KINDS: dict[str, type[RecordForm]] = {slug: ui.form for slug, ui in UI_KINDS.items()}
"""The form of each kind that has one (the point's own record is edited in the settings)."""

PAGE_KINDS: tuple[str, ...] = tuple(slug for slug in UI_KINDS if KINDS[slug].register)
"""Kinds with a register page, in sidebar order."""

DATED_KINDS: tuple[str, ...] = tuple(slug for slug in PAGE_KINDS if KINDS[slug].date_field)
"""Registers of records made on a day: the home page's figures, buttons and latest records."""
