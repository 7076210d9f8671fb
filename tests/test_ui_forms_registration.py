"""The preventive registration form: default interval by category, dates, closing."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import registration_data
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_forms_support import answer_box, make_ctx, register_ids, show

from ui.forms.registration_form import RegistrationForm


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


def test_register_a_person_with_the_category_default_interval(qtbot, ctx, services, person):
    form = show(qtbot, RegistrationForm(ctx))
    assert form.start_date.value() == date(2026, 11, 25)
    assert form.interval.value() == "7"  # protective order
    form.category.set_value("parole")
    assert form.interval.value() == "30"
    form.person.set_value(person.id)
    form.tags.set_checked("alcohol_abuser")
    type_text(form.basis, "Постановление суда № 2-345 от 01.11.2026")
    qtbot.mouseClick(form.end_date.edit, Qt.MouseButton.LeftButton)  # empty: cursor at start
    qtbot.waitUntil(lambda: form.end_date.edit.cursorPosition() == 0)
    type_text(form.end_date.edit, "25112027")
    with qtbot.waitSignal(ctx.sig_data_changed):
        registration_id = form.save()
    stored = services.registrations.get(registration_id)
    assert (stored.category, stored.check_interval_days, stored.tags) == (
        "parole", 30, "alcohol_abuser")
    assert stored.end_date == date(2027, 11, 25)
    assert stored.next_check_due == date(2026, 12, 25)
    assert register_ids("registrations", status="active") == [registration_id]


def test_a_typed_interval_is_kept_when_the_category_changes(qtbot, ctx):
    form = show(qtbot, RegistrationForm(ctx))
    form.interval.clear()
    type_text(form.interval, "10")
    form.category.set_value("parole")
    assert form.interval.value() == "10"


def test_closing_needs_a_reason_and_nothing_is_saved_without_it(qtbot, ctx, services, person):
    registration = services.registrations.create(registration_data(person))
    form = show(qtbot, RegistrationForm(ctx, registration.id))
    assert "следующая до 31.10.2026" in form.schedule.text()
    qtbot.mouseClick(form.closed_on.edit, Qt.MouseButton.LeftButton)  # empty: cursor at start
    qtbot.waitUntil(lambda: form.closed_on.edit.cursorPosition() == 0)
    type_text(form.closed_on.edit, "24112026")
    assert form.closed_on.value() == date(2026, 11, 24)
    qtbot.keyClick(form.closed_on.edit, Qt.Key.Key_Return)
    assert "обязательное поле" in form.field_errors("close_reason")
    assert services.registrations.get(registration.id).closed_on is None
    type_text(form.close_reason, "Снят с учета по истечении срока")
    form.save()
    stored = services.registrations.get(registration.id)
    assert stored.closed_on == date(2026, 11, 24)
    assert register_ids("registrations", status="closed") == [registration.id]


def test_bad_date_is_reported_and_kept_as_typed(qtbot, ctx, services, person):
    form = show(qtbot, RegistrationForm(ctx))
    form.person.set_value(person.id)
    form.end_date.edit.setText("31.02.2027")
    assert form.save() is None
    assert form.field_errors("end_date")
    assert form.end_date.edit.text() == "31.02.2027"
    assert services.registrations.count() == 0


def test_escape_with_a_new_person_chosen_asks(qtbot, ctx, person):
    form = show(qtbot, RegistrationForm(ctx))
    form.person.set_value(person.id)
    seen = answer_box("Не сохранять")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert seen.text and not form.isVisible()


def test_the_support_centre_referral_is_typed_and_saved_by_clicking(qtbot, ctx, services,
                                                                   person):
    registration = services.registrations.create(registration_data(
        person, category="protective_order", start_date="2026-11-20", end_date="2026-12-20"))
    form = show(qtbot, RegistrationForm(ctx, registration.id))
    type_text(form.support_referral, "потерпевшая Сейтқалиева Ә. Н. — кризисный центр «Шаңырақ»")
    qtbot.mouseClick(form.support_referred_on.edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.support_referred_on.edit.cursorPosition() == 0)
    type_text(form.support_referred_on.edit, "21112026")
    with qtbot.waitSignal(ctx.sig_data_changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = services.registrations.get(registration.id)
    assert stored.support_referral == "потерпевшая Сейтқалиева Ә. Н. — кризисный центр «Шаңырақ»"
    assert stored.support_referred_on == date(2026, 11, 21)
