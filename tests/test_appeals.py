"""Citizen visits and appeals: required fields, anonymity, dates, due date, talon numbers."""

from __future__ import annotations

import re
from datetime import date

import pytest
from core_factories import appeal_data, errors_of, make_person, snapshot

from inspector_app.errors import ValidationError
from inspector_app.services.setup import open_services


def refused(services, data, record_id=None) -> set[tuple[str, str]]:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        if record_id:
            services.appeals.update(record_id, data)
        else:
            services.appeals.create(data)
    assert snapshot() == before
    return errors_of(caught.value)


def test_a_complete_appeal_is_registered_with_a_talon(services, person):
    appeal = services.appeals.create(appeal_data(person))
    assert re.fullmatch(r"ATY-017-T-2026-\d{5}", appeal.talon_number)
    assert appeal.talon_number == "ATY-017-T-2026-00001"
    assert appeal.status == "registered"
    assert appeal.officer_id == services.staff.by_login("erzhanov").id
    assert appeal.anonymous is False


def test_required_fields(services):
    errors = refused(services, {"received_at": "", "channel": "", "topic": "", "substance": " "})
    assert errors == {("received_at", "v.required"), ("channel", "v.required"),
                      ("topic", "v.required"), ("substance", "v.required"),
                      ("applicant", "v.required")}


def test_codes_must_come_from_the_catalogues(services, person):
    errors = refused(services, appeal_data(person, channel="telegraph", topic="ufo",
                                           decision="ignored"))
    assert errors == {("channel", "v.unknown_code"), ("topic", "v.unknown_code"),
                      ("decision", "v.unknown_code")}


def test_substance_length(services, person):
    assert refused(services, appeal_data(person, substance="х" * 4001)) == {
        ("substance", "v.too_long")}
    services.appeals.create(appeal_data(person, substance="х" * 4000))


def test_unknown_applicant_is_refused(services):
    class Ghost:
        id = "0" * 32

    assert refused(services, appeal_data(Ghost())) == {("applicant", "v.not_found")}


def test_a_deleted_applicant_is_refused(services):
    ghost = make_person(services, "Удалённый")
    services.persons.delete(ghost.id)
    assert refused(services, appeal_data(ghost)) == {("applicant", "v.not_found")}


def test_anonymous_appeal_only_for_crime_reports(services):
    assert refused(services, appeal_data(None, anonymous=True)) == {
        ("anonymous", "v.anonymous_not_allowed")}
    appeal = services.appeals.create(appeal_data(None, anonymous=True, topic="crime_report",
                                                 substance="Во дворе продают наркотики"))
    assert appeal.anonymous is True and appeal.applicant_id is None


def test_an_appeal_with_an_applicant_is_not_anonymous(services, person):
    appeal = services.appeals.create(appeal_data(person, anonymous=True, topic="crime_report"))
    assert appeal.anonymous is False


@pytest.mark.parametrize("moment", ["2026-11-25 10:31", "2026-11-26 09:00", "2027-01-01"])
def test_no_appeal_in_the_future(services, person, moment):
    assert refused(services, appeal_data(person, received_at=moment)) == {
        ("received_at", "v.future_date")}


def test_now_is_not_the_future(services, person):
    services.appeals.create(appeal_data(person, received_at="25.11.2026 10:30"))


def test_bad_date_text(services, person):
    assert refused(services, appeal_data(person, received_at="вчера")) == {
        ("received_at", "v.bad_datetime")}


def test_due_date_is_fifteen_working_days_later(services, person):
    appeal = services.appeals.create(appeal_data(person, received_at="2026-10-01 16:00"))
    assert appeal.due_date == date(2026, 10, 22)  # Thursday + 15 weekdays


def test_due_date_skips_nauryz_and_the_days_it_moved(services, person):
    # 21-23 March 2026: Saturday, Sunday, Monday, so the 24th and 25th are off too
    appeal = services.appeals.create(appeal_data(person, received_at="2026-03-20 10:00"))
    assert appeal.due_date == date(2026, 4, 15)  # weekends alone would give 10 April


def test_due_date_before_the_appeal_is_refused(services, person):
    assert refused(services, appeal_data(person, received_at="2026-11-20 09:00",
                                         due_date="19.11.2026")) == {
        ("due_date", "v.end_before_start")}


def test_a_resolving_decision_closes_the_appeal_today(services, person):
    appeal = services.appeals.create(appeal_data(person, decision="explained"))
    assert appeal.status == "resolved"
    assert appeal.resolved_on == date(2026, 11, 25)


def test_in_progress_decision_and_no_decision(services, person):
    appeal = services.appeals.create(appeal_data(person, decision="in_progress",
                                                 resolved_on="2026-11-24"))
    assert (appeal.status, appeal.resolved_on) == ("in_progress", None)
    reopened = services.appeals.update(appeal.id, {"decision": None})
    assert reopened.status == "registered"


def test_resolution_date_rules(services, person):
    data = appeal_data(person, received_at="2026-11-20 09:00", decision="satisfied")
    assert refused(services, {**data, "resolved_on": "2026-11-19"}) == {
        ("resolved_on", "v.end_before_start")}
    assert refused(services, {**data, "resolved_on": "2026-11-26"}) == {
        ("resolved_on", "v.future_date")}
    appeal = services.appeals.create({**data, "resolved_on": "2026-11-20"})
    assert appeal.resolved_on == date(2026, 11, 20)


def test_overdue_list(services, person, clock):
    old = services.appeals.create(appeal_data(person, received_at="2026-10-01 10:00"))
    done = services.appeals.create(appeal_data(person, received_at="2026-10-02 10:00",
                                               decision="satisfied"))
    services.appeals.create(appeal_data(person, received_at="2026-11-20 10:00"))
    assert [a.id for a in services.appeals.overdue()] == [old.id]
    # due 22.10.2026: not overdue on the due date itself, overdue the day after
    assert list(services.appeals.overdue(date(2026, 10, 22))) == []
    assert [a.id for a in services.appeals.overdue(date(2026, 10, 23))] == [old.id]
    services.appeals.update(old.id, {"decision": "explained"})
    assert list(services.appeals.overdue()) == []
    assert done.status == "resolved"


def test_talon_numbers_run_per_year(services, person):
    first = services.appeals.create(appeal_data(person, received_at="2026-01-05 10:00"))
    second = services.appeals.create(appeal_data(person, received_at="2026-02-05 10:00"))
    assert (first.talon_number, second.talon_number) == (
        "ATY-017-T-2026-00001", "ATY-017-T-2026-00002")


def test_a_late_appeal_of_last_year_takes_last_years_sequence(services, person):
    services.appeals.create(appeal_data(person, received_at="2025-12-10 10:00"))
    services.appeals.create(appeal_data(person, received_at="2026-01-05 10:00"))
    late = services.appeals.create(appeal_data(person, received_at="2025-12-29 17:00"))
    assert late.talon_number == "ATY-017-T-2025-00002"


def test_talon_dates_must_be_in_order_within_a_year(services, person):
    last = services.appeals.create(appeal_data(person, received_at="2026-11-20 10:00"))
    with pytest.raises(ValidationError) as caught:
        services.appeals.create(appeal_data(person, received_at="2026-11-19 10:00"))
    [error] = caught.value.errors
    assert (error.field, error.code) == ("received_at", "v.talon_out_of_order")
    assert error.params["number"] == last.talon_number
    assert "20.11.2026" in error.message("ru")
    # the same day, an earlier hour, keeps the paper order of the day
    services.appeals.create(appeal_data(person, received_at="2026-11-20 08:00"))


def test_moving_a_talon_before_its_predecessor_is_refused(services, person):
    services.appeals.create(appeal_data(person, received_at="2026-11-10 10:00"))
    second = services.appeals.create(appeal_data(person, received_at="2026-11-12 10:00"))
    services.appeals.create(appeal_data(person, received_at="2026-11-14 10:00"))
    assert refused(services, {"received_at": "2026-11-09 10:00"}, second.id) == {
        ("received_at", "v.talon_out_of_order")}
    assert refused(services, {"received_at": "2026-11-15 10:00"}, second.id) == {
        ("received_at", "v.talon_after_next")}
    assert refused(services, {"received_at": "2025-11-12 10:00"}, second.id) == {
        ("received_at", "v.talon_year_fixed")}
    moved = services.appeals.update(second.id, {"received_at": "2026-11-13 09:00"})
    assert moved.talon_number == second.talon_number


def test_deleted_talons_do_not_give_their_number_again(services, person):
    first = services.appeals.create(appeal_data(person))
    services.appeals.delete(first.id)
    again = services.appeals.create(appeal_data(person))
    assert again.talon_number == "ATY-017-T-2026-00002"


def test_talon_numbers_are_unique_per_point(services, person):
    services.appeals.create(appeal_data(person))
    services.db.execute_sql("CREATE TEMP TABLE twin AS SELECT * FROM appeal")
    services.db.execute_sql("UPDATE twin SET id = 'x' || substr(id, 2)")
    with pytest.raises(Exception, match="UNIQUE"):
        services.db.execute_sql("INSERT INTO appeal SELECT * FROM twin")


def test_talon_numbers_continue_after_reopening(services, person, db_path, clock):
    services.appeals.create(appeal_data(person, received_at="2026-11-01 10:00"))
    services.appeals.create(appeal_data(person, received_at="2026-11-02 10:00"))
    services.db.close()
    again = open_services(db_path, clock=clock)
    try:
        third = again.appeals.create(appeal_data(person, received_at="2026-11-03 10:00"))
        assert third.talon_number == "ATY-017-T-2026-00003"
    finally:
        again.db.close()


def test_offence_link_and_erdr_number(services, person):
    offence = services.offences.create({
        "committed_at": "2026-11-20 23:00", "place": "двор", "offender": person.id,
        "article": "437-1", "description": "шум", "penalty": "fine", "fine_mrp": 5})
    appeal = services.appeals.create(appeal_data(person, offence=offence.id,
                                                 erdr_number="261500031000123",
                                                 decision="protocol_drawn_up"))
    assert appeal.offence_id == offence.id
    assert refused(services, appeal_data(person, offence="f" * 32)) == {
        ("offence", "v.not_found")}
    assert refused(services, appeal_data(person, erdr_number="1" * 33)) == {
        ("erdr_number", "v.too_long")}


def test_the_appeals_register_shows_the_applicants_phone(services, person):
    from inspector_app.queries.registers import REGISTER_OF_KIND, Filters

    services.persons.update(person.id, {"phone": "8 701 123 45 67"})
    appeal = services.appeals.create(appeal_data(person))
    register = REGISTER_OF_KIND["appeal"]
    row = register.page(Filters())[0]
    assert row["id"] == appeal.id
    column = register.column("applicant_phone")
    assert register.display(row, column, services.catalogues) == "+7 701 123 45 67"
    assert column.label == "field.appeal.applicant_phone"
