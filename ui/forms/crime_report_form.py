"""The КУИ form: a report or information on a criminal offence, from receipt to decision.

Left: when and how it came, who reported it, what, who received it, and by when it must be
registered in the КУИ (received + the ``kui_registration`` deadline, shown as the received
moment changes). Right: the registration (moment and КУИ number), the check's last day and its
extension, the decision (the ЕРДР number when it was registered there) and to whom the material
was handed. Print notice (Ctrl+P) previews the notice (талон-уведомление) and its stub for the
person who reported, once the report is registered.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QLabel

from inspector_app.services.crime_reports import REGISTRATION
from ui.forms.base_form import RecordForm
from ui.forms.choices import CodeCombo, StaffCombo
from ui.forms.fields import DateField, DateTimeField, LineField, TextArea
from ui.forms.person_picker import PersonPicker


class CrimeReportForm(RecordForm):
    """Receipt, reporter, substance; registration, check, decision, handed to."""

    kind = "crime_report"
    icon_name = "warning"
    columns = 2

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self.received_at = self.add_field("received_at", self.tr("Received"), DateTimeField())
        self.source = self.add_field("source", self.tr("How received"),
                                     CodeCombo(cats, "crime_report_sources", lang))
        self.reporter = PersonPicker(self.ctx)
        self.add_field("reporter", self.tr("Reported by"), self.reporter)
        self.substance = self.add_field("substance", self.tr("Substance"), TextArea(6))
        self.officer = self.add_field("officer", self.tr("Received by"),
                                      StaffCombo(self.services))
        self.registration_note = self.add_note(QLabel(self.body), self.tr("Register by"))
        hours = cats.deadline(REGISTRATION)
        self.registration_note.setToolTip(self.tr(
            "%1 hours after receipt: the team's working figure, not found in the law "
            "(unverified reference data the district corrects)").replace("%1", str(hours)))
        self.registered_at = self.add_field("registered_at", self.tr("Registered in the КУИ"),
                                            DateTimeField(), column=1)
        self.kui_number = self.add_field("kui_number", self.tr("КУИ number"), LineField(),
                                         column=1)
        self.kui_number.setMaxLength(40)
        self.check_due = self.add_field("check_due", self.tr("Check due"), DateField(),
                                        column=1)
        self.check_extended_until = self.add_field(
            "check_extended_until", self.tr("Check extended until"), DateField(), column=1)
        self.extension_reason = self.add_field(
            "extension_reason", self.tr("Grounds for the extension"), TextArea(2), column=1)
        self.decision = self.add_field(
            "decision", self.tr("Decision"),
            CodeCombo(cats, "crime_report_decisions", lang, blank=True), column=1)
        self.decided_on = self.add_field("decided_on", self.tr("Decided on"), DateField(),
                                         column=1)
        self.erdr_number = self.add_field("erdr_number", self.tr("ЕРДР number"), LineField(),
                                          column=1)
        self.erdr_number.setMaxLength(32)
        self.handed_to = self.add_field("handed_to", self.tr("Handed to"), LineField(),
                                        column=1)
        self.handed_to.setMaxLength(200)
        self.handed_to.setPlaceholderText(self.tr("unit, position, name"))
        self.handed_on = self.add_field("handed_on", self.tr("Handed on"), DateField(),
                                        column=1)
        self.received_at.edited.connect(self._show_registration_due)
        self.source.currentIndexChanged.connect(self.mark_required)
        self.decision.currentIndexChanged.connect(self.mark_required)
        self.registered_at.edited.connect(self.mark_required)
        self.body.setMinimumWidth(860)
        self.first_focus = self.source
        self.add_print_button(self.tr("Print notice"),
                              self.tr("Preview and print the notice for the person who "
                                      "reported (Ctrl+P)"))

    def defaults(self) -> dict[str, Any]:
        return {"received_at": self.now(), "source": "written_statement",
                "officer": self.current_staff_id()}

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        self._show_registration_due()

    def title(self) -> str:
        if self.record is None:
            return self.tr("New КУИ record")
        return self.tr("КУИ record of {date}").format(
            date=self.record.received_at.strftime("%d.%m.%Y %H:%M"))

    def _show_registration_due(self) -> None:
        received = self.received_at.value()
        if not isinstance(received, datetime):
            self.registration_note.setText("")
            return
        due = self.services.crime_reports.registration_due(received)
        self.registration_note.setText(due.strftime("%d.%m.%Y %H:%M"))
