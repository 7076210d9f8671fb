"""Preventive visits and preventive registration: rules, the schedule of checks, overdue."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import errors_of, make_person, registration_data, snapshot, visit_data

from inspector_app.errors import ValidationError
from inspector_app.queries.registers import REGISTERS, Filters


def refused(service, data, record_id=None) -> set[tuple[str, str]]:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        if record_id:
            service.update(record_id, data)
        else:
            service.create(data)
    assert snapshot() == before
    return errors_of(caught.value)


# -- preventive visits ------------------------------------------------------------------


def test_a_visit_is_recorded_for_the_current_inspector(services):
    visit = services.visits.create(visit_data(findings=["alcohol_abuse", "family_conflict"]))
    assert visit.inspector_id == services.staff.by_login("erzhanov").id
    assert visit.findings == "alcohol_abuse,family_conflict"


def test_visit_required_fields(services):
    assert refused(services.visits, {"visited_at": None, "kind": "", "dwelling_kind": ""}) == {
        ("visited_at", "v.required"), ("kind", "v.required"),
        ("dwelling_kind", "v.required"), ("address_text", "v.required")}


def test_visit_codes_come_from_catalogues(services):
    assert refused(services.visits, visit_data(kind="tea_party", dwelling_kind="yurt",
                                               findings="aliens,alcohol_abuse")) == {
        ("kind", "v.unknown_code"), ("dwelling_kind", "v.unknown_code"),
        ("findings", "v.unknown_code")}


def test_visit_lengths_and_future(services):
    assert refused(services.visits, visit_data(flat="1" * 17, address_text="у" * 301,
                                               visited_at="2026-11-25 12:00")) == {
        ("flat", "v.too_long"), ("address_text", "v.too_long"),
        ("visited_at", "v.future_date")}


def test_an_address_of_the_area_fills_the_address_text(services):
    address = services.addresses.create({"street": "ул. Махамбета", "house": "7",
                                         "dwelling_kind": "flat", "flats": 40})
    visit = services.visits.create(visit_data(address=address.id, address_text=""))
    assert visit.address_text == "ул. Махамбета, 7"


def test_a_registration_check_needs_a_registration(services):
    assert refused(services.visits, visit_data(kind="registration_check")) == {
        ("registration", "v.required")}


def test_a_registration_check_names_the_registered_person(services, person):
    reg = services.registrations.create(registration_data(person))
    visit = services.visits.create(visit_data(kind="registration_check", registration=reg.id))
    assert visit.person_id == person.id


def test_a_check_visit_starts_prefilled_and_saved_as_is_records_the_check(services, person):
    reg = services.registrations.create(registration_data(person))
    values = services.visits.check_values(reg.id)
    assert values == {"kind": "registration_check", "registration": reg.id,
                      "person": person.id, "address_text": "г. Атырау, ул. Абая, 12"}
    services.visits.create({**values, "visited_at": "2026-11-24 10:00",
                            "dwelling_kind": "flat"})
    assert services.registrations.get(reg.id).last_check_on == date(2026, 11, 24)


# -- registration rules -----------------------------------------------------------------


def test_registration_required_fields(services):
    assert refused(services.registrations, {"check_interval_days": 30}) == {
        ("person", "v.required"), ("category", "v.required"), ("start_date", "v.required"),
        ("basis_document", "v.required"), ("end_date", "v.required")}


def test_a_registration_needs_its_basis_and_end_date(services, person):
    """A registration rests on a document (court decision, protective order) and has a term."""
    assert refused(services.registrations, registration_data(
        person, basis_document="   ", end_date=None)) == {
        ("basis_document", "v.required"), ("end_date", "v.required")}


def test_registration_codes_and_lengths(services, person):
    assert refused(services.registrations, registration_data(
        person, category="bad_guy", tags=["alcohol_abuser", "vampire"],
        basis_document="д" * 301, check_interval_days=30)) == {
        ("category", "v.unknown_code"), ("tags", "v.unknown_code"),
        ("basis_document", "v.too_long")}


def test_registration_dates(services, person):
    assert refused(services.registrations, registration_data(person, start_date="2026-11-26")) \
        == {("start_date", "v.future_date")}
    assert refused(services.registrations, registration_data(person, end_date="2026-09-30")) \
        == {("end_date", "v.end_before_start")}
    assert refused(services.registrations, registration_data(
        person, closed_on="2026-09-30", close_reason="Снят с учета")) == {
        ("closed_on", "v.end_before_start")}
    assert refused(services.registrations, registration_data(person, closed_on="2026-11-26",
                                                             close_reason="x")) == {
        ("closed_on", "v.future_date")}
    assert refused(services.registrations, registration_data(person, closed_on="2026-11-20")) \
        == {("close_reason", "v.required")}
    # an end date in the future is the normal case (a protective order until a date)
    reg = services.registrations.create(registration_data(person, end_date="2027-03-01"))
    assert reg.end_date == date(2027, 3, 1)


@pytest.mark.parametrize("interval", [0, 366, "раз в месяц", 2.5])
def test_check_interval_range(services, person, interval):
    errors = refused(services.registrations,
                     registration_data(person, check_interval_days=interval))
    assert errors in ({("check_interval_days", "v.out_of_range")},
                      {("check_interval_days", "v.not_integer")})


def test_interval_defaults_from_the_category(services, person):
    reg = services.registrations.create(registration_data(person, category="protective_order",
                                                          start_date="2026-11-01"))
    assert reg.check_interval_days == 7
    assert reg.next_check_due == date(2026, 11, 8)


def test_next_check_due_counts_from_the_start(services, person):
    reg = services.registrations.create(registration_data(person, start_date="2026-10-01",
                                                          check_interval_days=30))
    assert (reg.last_check_on, reg.next_check_due) == (None, date(2026, 10, 31))


def test_a_registration_check_moves_the_schedule(services, person):
    reg = services.registrations.create(registration_data(person, start_date="2026-10-01",
                                                          check_interval_days=30))
    visit = services.visits.create(visit_data(kind="registration_check", registration=reg.id,
                                              visited_at="2026-11-20 18:30"))
    stored = services.registrations.get(reg.id)
    assert (stored.last_check_on, stored.next_check_due) == (date(2026, 11, 20),
                                                            date(2026, 12, 20))
    assert stored.row_version == 2
    assert stored.change_seq > visit.change_seq
    # an earlier check does not move the schedule back
    services.visits.create(visit_data(kind="registration_check", registration=reg.id,
                                      visited_at="2026-11-02 10:00"))
    assert services.registrations.get(reg.id).next_check_due == date(2026, 12, 20)
    # deleting the latest check falls back to the one before
    services.visits.delete(visit.id)
    stored = services.registrations.get(reg.id)
    assert (stored.last_check_on, stored.next_check_due) == (date(2026, 11, 2),
                                                            date(2026, 12, 2))


def test_changing_the_interval_recomputes_the_due_date(services, person):
    reg = services.registrations.create(registration_data(person, start_date="2026-10-01",
                                                          check_interval_days=30))
    services.visits.create(visit_data(kind="registration_check", registration=reg.id,
                                      visited_at="2026-11-20 18:30"))
    updated = services.registrations.update(reg.id, {"check_interval_days": 14})
    assert (updated.last_check_on, updated.next_check_due) == (date(2026, 11, 20),
                                                              date(2026, 12, 4))


def test_moving_a_check_to_another_registration_moves_both_schedules(services, person):
    other_person = make_person(services, "Петров", "Пётр")
    first = services.registrations.create(registration_data(person, start_date="2026-10-01",
                                                            check_interval_days=30))
    second = services.registrations.create(registration_data(other_person,
                                                             start_date="2026-10-01",
                                                             check_interval_days=30))
    visit = services.visits.create(visit_data(kind="registration_check",
                                              registration=first.id,
                                              visited_at="2026-11-20 18:30"))
    services.visits.update(visit.id, {"registration": second.id, "person": other_person.id})
    assert services.registrations.get(first.id).next_check_due == date(2026, 10, 31)
    assert services.registrations.get(first.id).last_check_on is None
    assert services.registrations.get(second.id).next_check_due == date(2026, 12, 20)


def test_a_schedule_move_is_audited(services, person):
    from inspector_app.protection.integrity import check_database

    reg = services.registrations.create(registration_data(person))
    services.visits.create(visit_data(kind="registration_check", registration=reg.id))
    assert check_database(services.db) == []


def test_overdue_checks(services, person, clock):
    late = services.registrations.create(registration_data(person, start_date="2026-10-01",
                                                           check_interval_days=30))
    soon = services.registrations.create(registration_data(
        make_person(services, "Сидоров"), start_date="2026-11-20", check_interval_days=7))
    services.registrations.create(registration_data(
        make_person(services, "Козлов"), start_date="2026-11-20", check_interval_days=30))
    closed = services.registrations.create(registration_data(
        make_person(services, "Орлов"), start_date="2026-09-01", check_interval_days=7,
        closed_on="2026-11-01", close_reason="Снят по решению суда"))
    ended = services.registrations.create(registration_data(
        make_person(services, "Ершов"), start_date="2026-09-01", check_interval_days=7,
        end_date="2026-11-01"))
    assert [r.id for r in services.registrations.due(within_days=0)] == [late.id]
    assert [r.id for r in services.registrations.due(within_days=7)] == [late.id, soon.id]
    active = {r.id for r in services.registrations.active()}
    assert closed.id not in active and ended.id not in active
    overdue = REGISTERS["registrations"].page(Filters(status="overdue", today=clock.today()))
    assert [row["id"] for row in overdue] == [late.id]
    # the check done today clears it
    services.visits.create(visit_data(kind="registration_check", registration=late.id,
                                      visited_at="2026-11-25 09:00"))
    assert list(services.registrations.due(within_days=0)) == []
