"""Meetings with the population and the residents' feedback gathered at them."""

from __future__ import annotations

from typing import Any

from inspector_app.services.records import RecordService
from inspector_app.storage.models import Feedback, Meeting


class MeetingService(RecordService):
    model = Meeting
    kind = "meeting"

    def clean(self, data: dict[str, Any], existing: Meeting | None) -> dict[str, Any]:
        services = self.services
        check = self.checker(data)
        check.moment("held_at", now=services.clock.now_local())
        check.choice("kind", services.catalogues, "meeting_kinds")
        check.place("place", 300, services.catalogues, required=True)
        check.integer("attendance", 0, 100_000, required=True)
        check.text("questions", 4000, multiline=True)
        check.text("decisions", 4000, multiline=True)
        self.staff_or_current(check)
        check.finish()
        return check.values

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        return [values.get("place"), values.get("questions"), values.get("decisions")]

    def check_can_delete(self, record: Meeting) -> None:
        """Feedback collected at a deleted meeting keeps its answers, without the link."""


class FeedbackService(RecordService):
    model = Feedback
    kind = "feedback"

    def clean(self, data: dict[str, Any], existing: Feedback | None) -> dict[str, Any]:
        services = self.services
        check = self.checker(data)
        check.moment("collected_at", now=services.clock.now_local())
        check.reference("meeting", Meeting, required=False)
        check.choice("channel", services.catalogues, "channels", required=False)
        check.values["channel"] = check.values["channel"] or ""
        check.integer("rating", 1, 5, required=True)
        trusts = data.get("trusts_police")
        if trusts is None or trusts == "":
            check.fail("trusts_police", "v.required")
        check.values["trusts_police"] = bool(trusts)
        check.choices("concerns", services.catalogues, "security_concerns")
        check.text("comment", 2000, multiline=True)
        self.staff_or_current(check)
        check.finish()
        return check.values

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        return [values.get("comment")]
