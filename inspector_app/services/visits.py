"""Preventive visits: door-to-door rounds, conversations, checks of registered persons, raids."""

from __future__ import annotations

from typing import Any

from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService
from inspector_app.services.validation import Checker
from inspector_app.storage.models import Address, Person, PreventiveVisit, Registration

REGISTRATION_CHECK = "registration_check"


def visit_search_parts(values: dict[str, Any], person: Person | None) -> list[Any]:
    """What a visit is found by; ``person`` is the person met (or an object with its names)."""
    return [values.get("address_text"), values.get("flat"), full_name(person),
            values.get("persons_met"), values.get("notes")]


class VisitService(RecordService):
    model = PreventiveVisit
    kind = "preventive_visit"

    def clean(self, data: dict[str, Any], existing: PreventiveVisit | None) -> dict[str, Any]:
        services = self.services
        cats = services.catalogues
        check = Checker(self.kind, data)
        check.moment("visited_at", now=services.clock.now_local())
        kind = check.choice("kind", cats, "visit_kinds")
        check.choice("dwelling_kind", cats, "dwelling_kinds")
        address = check.reference("address", Address, required=False)
        text = check.place("address_text", 300, cats)
        if address is None and not text and not check.has_error("address"):
            check.fail("address_text", "v.required")
        if address is not None and not text:
            check.values["address_text"] = f"{address.street}, {address.house}"
        check.text("flat", 16)
        check.reference("person", Person, required=False)
        registration = check.reference("registration", Registration,
                                       required=kind == REGISTRATION_CHECK)
        if registration is not None and check.values.get("person") is None:
            check.values["person"] = registration.person_id
        check.text("persons_met", 2000, multiline=True)
        check.choices("findings", cats, "visit_findings")
        check.text("notes", 4000, multiline=True)
        self.staff_or_current(check)
        check.raise_if_errors()
        return check.values

    def check_values(self, registration_id: str) -> dict[str, Any]:
        """What a new check visit of a registered person starts with: the check, the
        registration, the person and the person's address."""
        registration = self.services.registrations.get(registration_id)
        person = Person.by_id(registration.person_id)
        values: dict[str, Any] = {"kind": REGISTRATION_CHECK, "registration": registration.id,
                                  "person": registration.person_id}
        if person is not None and person.address:
            values["address_text"] = person.address
        return values

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        person = Person.by_id(values.get("person"))
        return visit_search_parts(values, person)

    def after_save(self, record: PreventiveVisit, created: bool) -> None:
        if record.registration_id:
            self.services.registrations.refresh_schedule(record.registration_id)

    def update(self, record_id: str, data: dict[str, Any],
               expected_version: int | None = None) -> PreventiveVisit:
        """Change a visit; a check moved to another registration reschedules both."""
        with self.services.db.atomic():
            before = PreventiveVisit.get_or_none(PreventiveVisit.id == record_id)
            previous = before.registration_id if before is not None else None
            record = super().update(record_id, data, expected_version)
            if previous and previous != record.registration_id:
                self.services.registrations.refresh_schedule(previous)
        return record
