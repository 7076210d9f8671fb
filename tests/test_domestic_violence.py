"""Domestic violence on the registrations: a protective order's term and extension, special
requirements' term and reporting schedule driving the checks, breaches (КоАП art. 461) linked.

The clock stands at 25.11.2026.
"""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import errors_of, offence_data, registration_data

from inspector_app.errors import ValidationError


def refused(services, data, record_id=None) -> set[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        if record_id:
            services.registrations.update(record_id, data)
        else:
            services.registrations.create(data)
    return errors_of(caught.value)


def order(person, **extra):
    return registration_data(person, category="protective_order", start_date="2026-11-02",
                             end_date=None, basis_document="Защитное предписание № 17",
                             **extra)


def requirements(person, **extra):
    data = registration_data(person, category="special_requirements", start_date="2026-11-02",
                             end_date="2027-05-02", basis_document="Постановление суда № 2-88",
                             reports_per_month=2)
    data.update(extra)
    return data


def test_a_protective_order_runs_for_the_term_of_the_deadlines_catalogue(services, person):
    registration = services.registrations.create(order(person))
    term = services.catalogues.get("deadlines", "protective_order_term").extra
    assert term["value"] == 30 and term["source"]["status"] == "unverified"
    assert registration.end_date == date(2026, 12, 2)  # issued 02.11 + 30 days


def test_an_extended_protective_order_runs_to_its_new_day_with_its_basis(services, person):
    registration = services.registrations.create(order(person))
    assert refused(services, {"extended_until": "2027-01-02"}, registration.id) == {
        ("extension_basis", "v.required")}
    extended = services.registrations.update(registration.id, {
        "extended_until": "2027-01-02", "extension_basis": "Постановление о продлении № 4"})
    assert (extended.end_date, extended.extended_until) == (date(2027, 1, 2), date(2027, 1, 2))
    assert services.registrations.active(date(2026, 12, 20)).where(
        services.registrations.model.id == registration.id).exists()
    other = services.registrations.create(registration_data(person))
    assert refused(services, {"extended_until": "2028-01-02", "extension_basis": "x"},
                   other.id) == {("extended_until", "v.extension_protective_order_only")}


def test_special_requirements_last_three_months_to_a_year(services, person):
    assert refused(services, requirements(person, end_date="2027-01-31")) == {
        ("end_date", "v.special_requirements_term")}
    assert refused(services, requirements(person, end_date="2027-11-03")) == {
        ("end_date", "v.special_requirements_term")}
    assert services.registrations.create(requirements(person, end_date="2027-02-02"))
    assert services.registrations.create(requirements(person, end_date="2027-11-02"))


@pytest.mark.parametrize(("reports", "interval", "next_check"), [
    (1, 30, date(2026, 12, 2)), (2, 15, date(2026, 11, 17)), (4, 7, date(2026, 11, 9))])
def test_the_reporting_the_court_set_drives_the_check_schedule(services, person, reports,
                                                                interval, next_check):
    registration = services.registrations.create(requirements(
        person, reports_per_month=reports, check_interval_days=60))
    assert registration.check_interval_days == interval
    assert registration.next_check_due == next_check


def test_reporting_is_required_and_from_one_to_four_times_a_month(services, person):
    assert refused(services, requirements(person, reports_per_month=None)) == {
        ("reports_per_month", "v.required")}
    assert refused(services, requirements(person, reports_per_month=5)) == {
        ("reports_per_month", "v.out_of_range")}
    parole = services.registrations.create(registration_data(person, reports_per_month=3))
    assert parole.reports_per_month is None  # only special requirements set it


def test_breaches_of_article_461_are_linked_to_the_order(services, person):
    registration = services.registrations.create(order(person))
    other = services.registrations.create(requirements(person))
    breach = services.offences.create(offence_data(person, committed_at="2026-11-20 21:00",
                                                   article="461-1", penalty="court_referral",
                                                   breached_registration=registration.id))
    services.offences.create(offence_data(person, committed_at="2026-11-21 21:00",
                                          article="461-1", penalty="court_referral",
                                          breached_registration=other.id))
    services.offences.create(offence_data(person, committed_at="2026-11-21 21:00"))  # 437
    found = [o.id for o in services.registrations.breaches(registration)]
    assert found == [breach.id]


# -- the registration form ------------------------------------------------------------------
@pytest.fixture
def ctx(services, tmp_path, qapp):
    from test_ui_forms_support import make_ctx

    return make_ctx(services, tmp_path)


def test_the_form_takes_the_reporting_and_shows_the_schedule_it_sets(qtbot, ctx, services,
                                                                     person):
    from PySide6.QtCore import Qt
    from qt_helpers import type_text
    from test_ui_forms_support import show

    from ui.forms.registration_form import RegistrationForm

    form = show(qtbot, RegistrationForm(ctx))
    assert form.extended_until.isEnabled() and not form.reports.isEnabled()  # an order
    form.person.set_value(person.id)
    form.category.set_value("special_requirements")
    assert form.reports.isEnabled() and not form.extended_until.isEnabled()
    type_text(form.basis, "Постановление суда № 2-88")
    form.end_date.edit.selectAll()
    type_text(form.end_date.edit, "25.05.2027")
    type_text(form.reports, "4")
    assert form.interval.value() == "7"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = services.registrations.get(form.saved_id)
    assert (stored.reports_per_month, stored.check_interval_days) == (4, 7)
    assert stored.next_check_due == date(2026, 12, 2)


def test_the_form_lists_the_breaches_of_an_order(qtbot, ctx, services, person, tmp_path):
    import os

    from test_ui_forms_support import show

    from ui.forms.registration_form import RegistrationForm

    registration = services.registrations.create(order(person))
    breach = services.offences.create(offence_data(person, committed_at="2026-11-20 21:00",
                                                   article="461-1", penalty="court_referral",
                                                   breached_registration=registration.id))
    form = show(qtbot, RegistrationForm(ctx, registration.id))
    assert form.breaches.text() == f"{breach.protocol_number} (20.11.2026)"
    os.makedirs("/tmp/law-paperwork", exist_ok=True)
    form.grab().save("/tmp/law-paperwork/registration-order-ru.png")
