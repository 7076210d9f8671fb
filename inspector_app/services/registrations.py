"""Preventive registration: persons the inspector watches, and the schedule of their checks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from peewee import fn

from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService, json_value
from inspector_app.storage.models import Person, PreventiveVisit, Registration


def next_due(start: date, last_check: date | None, interval_days: int) -> date:
    return (last_check or start) + timedelta(days=interval_days)


def registration_search_parts(values: dict[str, Any], person: Person | None,
                              catalogues) -> list[Any]:
    """What a registration is found by; ``person`` is the registered person (or its names)."""
    return [full_name(person), person.iin if person else None, values.get("basis_document"),
            catalogues.title("registration_categories", values.get("category")),
            values.get("notes")]


class RegistrationService(RecordService):
    model = Registration
    kind = "registration"

    def clean(self, data: dict[str, Any], existing: Registration | None) -> dict[str, Any]:
        services = self.services
        cats = services.catalogues
        today = services.clock.today()
        check = self.checker(data)
        check.reference("person", Person)
        category = check.choice("category", cats, "registration_categories")
        check.choices("tags", cats, "registration_tags")
        check.text("basis_document", 300, required=check.policy.entry_rules)
        start = check.date("start_date", required=True, today=today)
        check.date("end_date", required=check.policy.entry_rules)
        check.order("start_date", "end_date")
        interval = data.get("check_interval_days")
        if interval in (None, "") and category and cats.get("registration_categories", category):
            data["check_interval_days"] = cats.get("registration_categories", category).extra.get(
                "default_check_interval_days", 30)
        interval = check.integer("check_interval_days", 1, 365, required=True)
        closed = check.date("closed_on", today=today)
        check.order("start_date", "closed_on")
        check.text("close_reason", 300)
        if closed is not None and not check.values["close_reason"]:
            check.fail("close_reason", "v.required")
        check.text("notes", 4000, multiline=True)
        self.staff_or_current(check)
        last = existing.last_check_on if existing is not None else None
        if last is not None and last > today:  # checks are done, not planned: a sign of a forgery
            check.fail("last_check_on", "v.future_date", value=last.strftime("%d.%m.%Y"))
        check.raise_if_errors()
        check.values["last_check_on"] = last
        check.values["next_check_due"] = next_due(start, last, interval)
        return check.values

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        person = self.services.resolver.by_id(Person, values.get("person"))
        return registration_search_parts(values, person, self.services.catalogues)

    def refresh_schedule(self, registration_id: str) -> None:
        """Recompute last check and next due date from the checks done (same transaction)."""
        record = Registration.get_by_id(registration_id)
        last = (PreventiveVisit.select(fn.MAX(PreventiveVisit.visited_at))
                .where((PreventiveVisit.registration == registration_id)
                       & (PreventiveVisit.deleted == False))  # noqa: E712
                .scalar())
        last_date = last.date() if last else None
        due = next_due(record.start_date, last_date, record.check_interval_days)
        if (record.last_check_on, record.next_check_due) == (last_date, due):
            return
        old = {"last_check_on": json_value(record.last_check_on),
               "next_check_due": json_value(record.next_check_due)}
        record.last_check_on, record.next_check_due = last_date, due
        self.store(record, "update", old, {"last_check_on": json_value(last_date),
                                           "next_check_due": json_value(due)})

    def active(self, on: date | None = None):
        """Registrations open on ``on`` (today by default)."""
        on = on or self.services.clock.today()
        return self.live().where(
            (Registration.start_date <= on) & Registration.closed_on.is_null()
            & (Registration.end_date.is_null() | (Registration.end_date >= on))
        )

    def due(self, within_days: int = 7, on: date | None = None):
        """Open registrations whose next check is due within ``within_days`` or overdue."""
        on = on or self.services.clock.today()
        return (self.active(on).where(Registration.next_check_due <= on + timedelta(within_days))
                .order_by(Registration.next_check_due))
