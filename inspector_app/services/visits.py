"""Preventive visits: door-to-door rounds, conversations, checks of registered persons, raids."""

from __future__ import annotations

from typing import Any

from inspector_app.domain.iin import is_minor
from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService
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
        check = self.checker(data)
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
        person = check.reference("person", Person, required=False)
        registration = check.reference("registration", Registration,
                                       required=kind == REGISTRATION_CHECK)
        if registration is not None and check.values.get("person") is None:
            check.values["person"] = registration.person_id
            person = services.resolver.by_id(Person, registration.person_id)
        persons_met = check.text("persons_met", 2000, multiline=True)
        if check.policy.entry_rules:  # older programs' records met no such rule
            self._check_kind_rules(check, kind, person, persons_met)
        check.choices("findings", cats, "visit_findings")
        check.text("notes", 4000, multiline=True)
        self.staff_or_current(check)
        check.finish()
        return check.values

    def _check_kind_rules(self, check, kind: str | None, person: Person | None,
                          persons_met: str) -> None:
        """What the visit kind's catalogue entry demands (a conversation and an official
        warning of Law 245-VIII arts. 50–51 are addressed to a person; a conversation with a
        minor needs the legal representative or a teacher present, art. 50)."""
        item = self.services.catalogues.get("visit_kinds", kind) if kind else None
        rules = item.extra if item is not None else {}
        if rules.get("person_required") and check.values.get("person") is None \
                and not check.has_error("person"):
            check.fail("person", "v.visit.person_required")
        visited_at = check.values.get("visited_at")
        if (rules.get("minor_companion_required") and not persons_met and person is not None
                and visited_at is not None and is_minor(person.birth_date, visited_at.date())):
            check.fail("persons_met", "v.visit.minor_companion")

    def check_values(self, registration_id: str) -> dict[str, Any]:
        """What a new check visit of a registered person starts with: the check, the
        registration, the person and the person's address."""
        registration = self.services.registrations.get(registration_id)
        person = self.services.resolver.by_id(Person, registration.person_id)
        values: dict[str, Any] = {"kind": REGISTRATION_CHECK, "registration": registration.id,
                                  "person": registration.person_id}
        if person is not None and person.address:
            values["address_text"] = person.address
        return values

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        person = self.services.resolver.by_id(Person, values.get("person"))
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
