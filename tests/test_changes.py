"""Every write says what it changed, side effects included; an import's result does too."""

from __future__ import annotations

import pytest
from core_factories import appeal_data, make_person, registration_data, visit_data
from sync_fixtures import fill_point, make_district, make_point, use

from inspector_app.changes import Changes
from inspector_app.errors import ValidationError
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files


def ids(**by_kind: object) -> dict[str, frozenset[str]]:
    return {kind: frozenset(v if isinstance(v, set) else {v}) for kind, v in by_kind.items()}


def test_a_check_visit_changes_its_registrations_dates(services, person):
    registration = services.registrations.create(registration_data(person))
    visit, changes = services.run(services.visits.create, visit_data(
        kind="registration_check", registration=registration.id))
    assert changes.written == ids(preventive_visit=visit.id, registration=registration.id)
    assert changes.kinds == {"preventive_visit", "registration"}
    assert not changes.deleted
    assert services.registrations.get(registration.id).last_check_on is not None


def test_moving_a_check_to_another_registration_changes_both(services, person):
    first = services.registrations.create(registration_data(person))
    second = services.registrations.create(registration_data(person, start_date="2026-09-01"))
    visit = services.visits.create(visit_data(kind="registration_check",
                                              registration=first.id))
    _visit, changes = services.run(services.visits.update, visit.id,
                                   {"registration": second.id})
    assert changes.written == ids(preventive_visit=visit.id,
                                  registration={first.id, second.id})


def test_deleting_a_check_tombstones_it_and_reschedules_the_registration(services, person):
    registration = services.registrations.create(registration_data(person))
    visit = services.visits.create(visit_data(kind="registration_check",
                                              registration=registration.id))
    _none, changes = services.run(services.visits.delete, visit.id)
    assert changes.deleted == ids(preventive_visit=visit.id)
    assert changes.written == ids(preventive_visit=visit.id, registration=registration.id)
    assert services.registrations.get(registration.id).last_check_on is None


def test_a_persons_new_name_reindexes_the_records_that_show_it(services, person):
    appeal = services.appeals.create(appeal_data(person))
    registration = services.registrations.create(registration_data(person))
    other = services.appeals.create(appeal_data(make_person(services, "Петров")))
    _person, changes = services.run(services.persons.update, person.id, {"surname": "Ахметова"})
    assert changes.written == ids(person=person.id)
    assert changes.reindexed == ids(appeal=appeal.id, registration=registration.id)
    assert other.id not in changes.ids("appeal")
    assert changes.shows("offence")  # an offence register shows persons' names too


def test_an_update_that_changes_nothing_says_so(services, person):
    _person, changes = services.run(services.persons.update, person.id,
                                    {"surname": person.surname})
    assert not changes
    assert changes == Changes()


def test_staff_writes_say_what_they_changed(services):
    staff, changes = services.run(services.staff.create, {
        "login": "assist", "full_name": "Помощник Бек", "role": "assistant",
        "password": "Another-Secret-1"})
    assert changes.written == ids(staff=staff.id)
    _staff, changes = services.run(services.staff.deactivate, staff.id)
    assert changes.written == ids(staff=staff.id)


def test_writes_run_together_merge_and_a_refused_one_passes_nothing(services, person):
    def receive_twice():
        first = services.appeals.create(appeal_data(person))
        with pytest.raises(ValidationError):
            services.run(services.appeals.create, appeal_data(person, topic="no-such-topic"))
        _second, inner = services.run(services.appeals.create, appeal_data(person))
        return first, inner

    (first, inner), changes = services.run(receive_twice)
    assert len(inner.ids("appeal")) == 1
    assert changes.ids("appeal") == {first.id} | inner.ids("appeal")


def test_a_write_outside_run_is_noted_nowhere(services, person):
    services.appeals.create(appeal_data(person))
    _result, changes = services.run(lambda: None)
    assert not changes


def test_an_import_result_carries_the_kinds_it_wrote(tmp_path):
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    try:
        fill_point(point)
        use(point)
        exported = export_package(point, tmp_path)
        use(district)
        batch = import_files(district, [exported.path], trust_new=True)
        changes = batch.changes
        assert changes.sync
        assert changes.bulk == {"person", "organisation", "address", "registration",
                                "preventive_visit", "offence", "appeal", "meeting", "feedback",
                                "crime_report", "staff", "point"}
        assert changes.ids("appeal") is None  # an import's ids are not listed
        assert changes.shows("appeal") and not changes.catalogues
        again = import_files(district, [exported.path])
        assert again.changes == Changes(sync=True)  # a duplicate changes no record
    finally:
        point.db.close()
        district.db.close()
