"""The meeting form: a report meeting, an assembly of residents, a meeting with a КСК."""

from __future__ import annotations

from typing import Any

from ui.forms.base_form import RecordForm
from ui.forms.choices import CodeCombo, StaffCombo
from ui.forms.fields import DateTimeField, NumberField, PlaceField, TextArea


class MeetingForm(RecordForm):
    """Date and time, kind, place, attendance, questions raised and decisions."""

    kind = "meeting"
    icon_name = "meeting"

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self.held_at = self.add_field("held_at", self.tr("Date and time"), DateTimeField())
        self.kind_combo = self.add_field("kind", self.tr("Kind"),
                                         CodeCombo(cats, "meeting_kinds", lang))
        self.place = self.add_field("place", self.tr("Place"), PlaceField(self.place_prefix()))
        self.attendance = self.add_field("attendance", self.tr("Attendance (persons)"),
                                         NumberField(6))
        self.questions = self.add_field("questions", self.tr("Questions raised"), TextArea(4))
        self.decisions = self.add_field("decisions", self.tr("Decisions"), TextArea(4))
        self.inspector = self.add_field("inspector", self.tr("Inspector"),
                                        StaffCombo(self.services))
        self.body.setMinimumWidth(520)
        self.first_focus = self.kind_combo

    def defaults(self) -> dict[str, Any]:
        return {"held_at": self.now(), "kind": "report_meeting",
                "inspector": self.current_staff_id(), "place": self.place_prefix()}

    def title(self) -> str:
        if self.record is None:
            return self.tr("New meeting with the population")
        return self.tr("Meeting of {date}").format(
            date=self.record.held_at.strftime("%d.%m.%Y"))
