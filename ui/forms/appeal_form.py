"""The appeal form: a citizen's visit or appeal, registered the day it arrives.

After the first save the talon number is shown in a message at the top and in the title, and
the dialog stays open so the talon can be printed at once (Print talon, Ctrl+P: a preview
of the talon and its stub with Print and Save, see :mod:`ui.document_preview`); Enter or Esc
then closes it. The
anonymous box is available only for topics whose catalogue item allows anonymous appeals
(reports of crimes).

The third column is the term as АППК art. 76 runs it: the day the term counts from (the next
working day for an appeal received on a day off), an appeal outside the body's competence
(forwarded within its own 3 working days, to whom) and the head's extension (decision day,
reasons, new term, the day the citizen was told). The due date follows the received date, the
competence box and the extended term until it is typed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtWidgets import QLabel

from inspector_app.errors import InspectorError
from inspector_app.services.appeals import FORWARDED
from ui.forms.base_form import RecordForm
from ui.forms.choices import CheckField, CodeCombo, StaffCombo
from ui.forms.fields import DateField, DateTimeField, LineField, TextArea
from ui.forms.person_picker import PersonPicker


class AppealForm(RecordForm):
    """Channel, applicant, topic, substance; decision, executor, due date, links; the term."""

    kind = "appeal"
    icon_name = "appeal"
    columns = 3

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self._due_auto = self.record is None
        self.received_at = self.add_field("received_at", self.tr("Received"), DateTimeField())
        self.channel = self.add_field("channel", self.tr("Channel"),
                                      CodeCombo(cats, "channels", lang))
        self.eotinish = self.add_field("eotinish_number", self.tr("eOtinish number"),
                                       LineField())
        self.eotinish.setMaxLength(32)
        self.eotinish.setPlaceholderText(self.tr("official number of «Электронные обращения»"))
        self.topic = self.add_field("topic", self.tr("Topic"),
                                    CodeCombo(cats, "appeal_topics", lang))
        self.applicant = PersonPicker(self.ctx)
        self.add_field("applicant", self.tr("Applicant"), self.applicant,
                       read=self._read_applicant)
        self.anonymous = self.add_field(
            "anonymous", "", CheckField(self.tr("Anonymous (only a report of a crime)")))
        self.substance = self.add_field("substance", self.tr("Substance"), TextArea(6))
        self.decision = self.add_field("decision", self.tr("Decision"),
                                       CodeCombo(cats, "appeal_decisions", lang, blank=True),
                                       column=1)
        self.executor = self.add_field("executor", self.tr("Executor"),
                                       StaffCombo(self.services, blank=True), column=1)
        self.officer = self.add_field("officer", self.tr("Received by"),
                                      StaffCombo(self.services), column=1)
        self.due_date = self.add_field("due_date", self.tr("Due date"), DateField(), column=1)
        self.resolved_on = self.add_field("resolved_on", self.tr("Resolved on"), DateField(),
                                          column=1)
        self.offence = LineField()
        self.offence.setPlaceholderText(self.tr("protocol number"))
        self.add_field("offence", self.tr("Offence protocol"), self.offence, column=1,
                       read=lambda: {"offence": self._offence_id(self.offence.value())},
                       write=self._write_offence)
        self.erdr = self.add_field("erdr_number", self.tr("ЕРДР number"), LineField(),
                                   column=1)
        self.erdr.setMaxLength(32)
        self._build_term()
        self.topic.currentIndexChanged.connect(self._topic_changed)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.received_at.edited.connect(self._received_changed)
        self.due_date.edited.connect(self._due_edited)
        self.body.setMinimumWidth(1080)
        self.first_focus = self.channel
        self.add_print_button(self.tr("Print talon"),
                              self.tr("Print the talon for the citizen (Ctrl+P)"))

    def _build_term(self) -> None:
        """The third column: registration day, competence and forwarding, extension."""
        self.registered_note = self.add_note(QLabel(self.body), self.tr("Term counts from"),
                                             column=2)
        self.registered_note.setWordWrap(True)
        self.outside = self.add_field(
            "outside_competence", "",
            CheckField(self.tr("Outside our competence: forward within 3 working days")),
            column=2)
        self.forwarded_to = self.add_field("forwarded_to", self.tr("Receiving body"),
                                           LineField(), column=2)
        self.forwarded_to.setMaxLength(300)
        self.extended_on = self.add_field("extended_on", self.tr("Extension decided on"),
                                          DateField(), column=2)
        self.extension_reason = self.add_field(
            "extension_reason", self.tr("Why extended"), TextArea(2), column=2)
        self.extended_until = self.add_field("extended_until", self.tr("New term, extended"),
                                             DateField(), column=2)
        self.extension_notified_on = self.add_field(
            "extension_notified_on", self.tr("Citizen notified (day)"), DateField(), column=2)
        self.extended_until.setToolTip(self.tr(
            "By a reasoned decision of the head, at most two months after receipt; the "
            "applicant is told within 3 working days (АППК art. 76 p. 2)"))
        self.outside.toggled.connect(self._outside_toggled)
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self.extended_until.edited.connect(self._extended_until_edited)

    def defaults(self) -> dict[str, Any]:
        now = self.now()
        return {"received_at": now, "channel": "personal_reception",
                "officer": self.current_staff_id(),
                "due_date": self.services.appeals.due_date(now.date())}

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        self._topic_changed()
        self._anonymous_toggled(self.anonymous.isChecked())
        self._outside_toggled(self.outside.isChecked())
        self._show_registration_day()

    def title(self) -> str:
        if self.record is None:
            return self.tr("New appeal")
        return self.tr("Appeal, talon № {number}").format(number=self.record.talon_number)

    def after_save(self, created: bool) -> None:
        if not created:
            self.accept()
            return
        self.show_banner(self.tr("Saved. Talon № {number} of {date}").format(
            number=self.record.talon_number,
            date=self.record.received_at.strftime("%d.%m.%Y %H:%M")), "info")
        self.rename_button(self.cancel_button, self.tr("Close"))

    # -- behaviour ------------------------------------------------------------------------
    def _read_applicant(self) -> dict[str, Any]:
        if self.anonymous.isChecked():
            return {"applicant": None}
        return {"applicant": self.applicant.value()}

    def _topic_changed(self) -> None:
        item = self.services.catalogues.get("appeal_topics", self.topic.value() or "")
        allowed = bool(item and item.extra.get("allows_anonymous"))
        if not allowed and self.anonymous.isChecked() and not self.read_only:
            self.anonymous.setChecked(False)
        self.anonymous.setEnabled(allowed and not self.read_only)

    def _anonymous_toggled(self, on: bool) -> None:
        self.applicant.setEnabled(not on)
        self.mark_required()

    def _received_changed(self) -> None:
        self._show_registration_day()
        self._recompute_due()

    def _recompute_due(self) -> None:
        received = self.received_at.value()
        if self._due_auto and isinstance(received, datetime):
            self.due_date.set_value(self.services.appeals.due_date(
                received.date(), self.outside.isChecked()))

    def _show_registration_day(self) -> None:
        received = self.received_at.value()
        if not isinstance(received, datetime):
            self.registered_note.setText("")
            return
        day = self.services.appeals.registration_day(received.date())
        text = day.strftime("%d.%m.%Y")
        if day != received.date():
            text = self.tr("%1 (received on a day off: the next working day)").replace(
                "%1", text)
        self.registered_note.setText(text)

    def _outside_toggled(self, on: bool) -> None:
        """An appeal to forward: to whom; its 3-day term is never extended."""
        editable = not self.read_only
        self.forwarded_to.setEnabled(on and editable)
        for widget in (self.extended_on, self.extension_reason, self.extended_until,
                       self.extension_notified_on):
            widget.setEnabled(not on and editable)
        self._recompute_due()
        self.mark_required()

    def _decision_changed(self) -> None:
        if self.decision.value() == FORWARDED and not self.outside.isChecked():
            self.outside.setChecked(True)

    def _extended_until_edited(self) -> None:
        until = self.extended_until.value()
        if isinstance(until, date):
            self.due_date.set_value(until)

    def _due_edited(self) -> None:
        self._due_auto = False

    def _offence_id(self, number: str | None) -> str | None:
        """The id of the offence with protocol ``number`` (the text itself when unknown)."""
        if not number:
            return None
        wanted = number.strip().casefold()
        for hit in self.services.search.records(number, kinds=("offence",), limit=20):
            try:
                offence = self.services.offences.get(hit.record_id)
            except InspectorError:
                continue
            if offence.protocol_number.casefold() == wanted:
                return offence.id
        return number

    def _write_offence(self, values: dict[str, Any]) -> None:
        offence_id = values.get("offence")
        if not offence_id:
            self.offence.clear()
            return
        try:
            self.offence.setText(self.services.offences.get(offence_id).protocol_number)
        except InspectorError:
            self.offence.setText(str(offence_id))
