"""Citizen visits and appeals: registered the day they arrive, with a talon for the citizen."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService
from inspector_app.services.validation import Checker
from inspector_app.storage.models import Appeal, Offence, Person, Staff

CONSIDERATION_WORKING_DAYS = 15
"""An appeal is due this many working days after the day it was received."""


def appeal_search_parts(values: dict[str, Any], applicant: Person | None,
                        catalogues) -> list[Any]:
    """What an appeal is found by; ``applicant`` is the person (or any object with its names)."""
    return [values.get("talon_number"), full_name(applicant),
            applicant.iin if applicant else None, values.get("substance"),
            values.get("erdr_number"), catalogues.title("appeal_topics", values.get("topic"))]


class AppealService(RecordService):
    model = Appeal
    kind = "appeal"

    def due_date(self, received_on: date) -> date:
        """When an appeal received on ``received_on`` is due: working days skip weekends, public
        holidays and the days moved off (the ``days_off`` catalogue)."""
        return self.services.catalogues.work_calendar.add_working_days(
            received_on, CONSIDERATION_WORKING_DAYS)

    def clean(self, data: dict[str, Any], existing: Appeal | None) -> dict[str, Any]:
        services = self.services
        cats = services.catalogues
        check = Checker(self.kind, data)
        received = check.moment("received_at", now=services.clock.now_local())
        check.choice("channel", cats, "channels")
        topic = check.choice("topic", cats, "appeal_topics")
        check.text("substance", 4000, required=True, multiline=True)
        anonymous = check.flag("anonymous")
        applicant = check.reference("applicant", Person, required=False)
        if not check.values["applicant"] and not check.has_error("applicant"):
            item = cats.get("appeal_topics", topic) if topic else None
            if not anonymous:
                check.fail("applicant", "v.required")
            elif item is not None and not item.extra.get("allows_anonymous"):
                check.fail("anonymous", "v.anonymous_not_allowed")
        if applicant is not None:
            check.values["anonymous"] = False
        decision = check.choice("decision", cats, "appeal_decisions", required=False)
        self.staff_or_current(check, "officer")
        check.reference("executor", Staff, required=False)
        due = check.date("due_date")
        if due is None and received is not None:
            check.values["due_date"] = self.due_date(received.date())
        check.order("received_at", "due_date")
        resolved_on = check.date("resolved_on", today=services.clock.today())
        check.order("received_at", "resolved_on")
        check.reference("offence", Offence, required=False)
        check.text("erdr_number", 32)
        item = cats.get("appeal_decisions", decision) if decision else None
        if item is not None and item.extra.get("resolved"):
            if resolved_on is None and not check.has_error("resolved_on"):
                check.values["resolved_on"] = services.clock.today()
            status = "resolved"
        else:
            check.values["resolved_on"] = None
            status = "in_progress" if decision else "registered"
        check.values["status"] = status
        if received is not None and (existing is None or received != existing.received_at):
            self._check_talon_order(check, received, existing)
        check.raise_if_errors()
        return check.values

    def _check_talon_order(self, check: Checker, received: datetime,
                           existing: Appeal | None) -> None:
        """Talon dates follow their numbers within the talon's year (the paper journal's order).

        A new talon may not be dated before the last talon of its year; an edited one stays in
        its number's year, between the talons numbered before and after it.
        """
        if existing is not None and received.year != existing.received_at.year:
            check.fail("received_at", "v.talon_year_fixed", number=existing.talon_number,
                       year=existing.received_at.year)
            return
        year_start = datetime(received.year, 1, 1)
        same_year = self.live().where(
            (Appeal.owner_point == self.services.point_code)
            & (Appeal.received_at >= year_start)
            & (Appeal.received_at < year_start.replace(year=received.year + 1)))
        earlier = same_year
        if existing is not None:
            earlier = same_year.where(Appeal.talon_number < existing.talon_number)
        last = earlier.order_by(Appeal.received_at.desc()).first()
        if last is not None and last.received_at.date() > received.date():
            check.fail("received_at", "v.talon_out_of_order", number=last.talon_number,
                       date=last.received_at.strftime("%d.%m.%Y"))
        if existing is None:
            return
        following = (same_year.where(Appeal.talon_number > existing.talon_number)
                     .order_by(Appeal.received_at).first())
        if following is not None and following.received_at.date() < received.date():
            check.fail("received_at", "v.talon_after_next", number=following.talon_number,
                       date=following.received_at.strftime("%d.%m.%Y"))

    def before_insert(self, values: dict[str, Any]) -> None:
        values["talon_number"] = self.services.next_number("talon", values["received_at"].year)

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        applicant = Person.by_id(values.get("applicant"))
        return appeal_search_parts(values, applicant, self.services.catalogues)

    def overdue(self, today: date | None = None):
        """Appeals not yet resolved whose due date has passed, oldest first."""
        today = today or self.services.clock.today()
        return (self.live().where((Appeal.status != "resolved") & (Appeal.due_date < today))
                .order_by(Appeal.due_date))
