"""Record forms of the desktop client: one modal dialog per record kind.

The main window, the registers and the home page open every record through
:func:`open_record_form`; :data:`FORM_KINDS` maps a record kind to its dialog class.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from inspector_app.errors import PermissionDenied
from ui.context import UiContext
from ui.errors import show_error
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

FORM_KINDS: dict[str, type[RecordForm]] = {
    "appeal": AppealForm,
    "preventive_visit": VisitForm,
    "registration": RegistrationForm,
    "offence": OffenceForm,
    "meeting": MeetingForm,
    "feedback": FeedbackForm,
    "person": PersonForm,
    "address": AddressForm,
    "organisation": OrganisationForm,
    "staff": StaffForm,
}

__all__ = ["FORM_KINDS", "RecordForm", "open_record_form"]


def open_record_form(ctx: UiContext, kind: str, record_id: str | None = None,
                     parent: QWidget | None = None, *,
                     initial: dict[str, Any] | None = None) -> str | None:
    """Open the modal form of a new (``record_id`` None) or existing record of ``kind``.

    Returns the saved record's id, or None when nothing was saved. The form tells every view
    through ``ctx.notify_changed(kind)`` after a save; a record the current user may not
    change opens read-only. ``initial`` pre-fills a new record (e.g. the registration a check
    visit is for). Problems (a record deleted meanwhile, no right to create) are shown as a
    message, never a traceback.
    """
    form_class = FORM_KINDS[kind]
    try:
        form = form_class(ctx, record_id, parent, initial=initial)
    except Exception as exc:  # NotFound and the like: a message; anything else is logged too
        show_error(parent, exc, ctx.lang)
        return None
    if record_id is None and form.read_only:
        form.deleteLater()
        show_error(parent, PermissionDenied("error.permission_denied"), ctx.lang)
        return None
    form.exec()
    saved = form.saved_id
    form.deleteLater()
    return saved
