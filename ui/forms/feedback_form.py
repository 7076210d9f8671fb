"""The population feedback form: one resident's short survey on police work."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from inspector_app.queries.registers import REGISTER_OF_KIND, Filters
from ui.forms.base_form import RecordForm
from ui.forms.choices import CheckList, ChoiceCombo, CodeCombo, RadioChoice, StaffCombo
from ui.forms.fields import DateTimeField, TextArea

RECENT_MEETING_DAYS = 120


class FeedbackForm(RecordForm):
    """Rating 1–5, trust yes/no, the area's top concerns, at a meeting or a reception."""

    kind = "feedback"
    icon_name = "feedback"

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self.collected_at = self.add_field("collected_at", self.tr("Date and time"),
                                           DateTimeField())
        self.meeting = ChoiceCombo(blank=True)
        self.meeting.set_choices(self._recent_meetings())
        self.add_field("meeting", self.tr("At the meeting"), self.meeting)
        self.channel = self.add_field("channel", self.tr("Channel"),
                                      CodeCombo(cats, "channels", lang, blank=True))
        self.rating = self.add_field("rating", self.tr("Rating of police work"),
                                     RadioChoice([(n, str(n)) for n in range(1, 6)]))
        self.trusts = self.add_field("trusts_police", self.tr("Trusts the police"),
                                     RadioChoice([(True, self.tr("yes")),
                                                  (False, self.tr("no"))]))
        self.concerns = self.add_field("concerns", self.tr("Main security concerns"),
                                       CheckList(cats, "security_concerns", lang, columns=2))
        self.comment = self.add_field("comment", self.tr("Comment"), TextArea(3))
        self.inspector = self.add_field("inspector", self.tr("Inspector"),
                                        StaffCombo(self.services))
        self.body.setMinimumWidth(560)
        self.first_focus = self.rating

    def _recent_meetings(self) -> list[tuple[str, str]]:
        """Meetings of the last months, newest first, as "date — kind, place"."""
        today = self.services.clock.today()
        register = REGISTER_OF_KIND["meeting"]
        filters = Filters(date_from=today - timedelta(days=RECENT_MEETING_DAYS), date_to=today)
        choices = []
        for row in register.page(filters, sort="held_at", descending=True, limit=100):
            kind = self.services.catalogues.title("meeting_kinds", row["kind"], self.lang)
            choices.append((row["id"], f"{row['held_at']:%d.%m.%Y} — {kind}, {row['place']}"))
        return choices

    def defaults(self) -> dict[str, Any]:
        return {"collected_at": self.now(), "inspector": self.current_staff_id()}

    def title(self) -> str:
        if self.record is None:
            return self.tr("New survey answer")
        return self.tr("Survey answer of {date}").format(
            date=self.record.collected_at.strftime("%d.%m.%Y"))
