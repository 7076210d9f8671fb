"""The preventive visit form: area addresses or free text, findings, registration checks."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import registration_data, visit_data
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_forms_support import answer_box, make_ctx, register_ids, show

from ui.forms.visit_form import VisitForm


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


@pytest.fixture
def house(services):
    return services.addresses.create({"street": "ул. Сатпаева", "house": "5",
                                      "dwelling_kind": "private_house"})


def test_visit_to_an_area_address_with_findings(qtbot, ctx, services, house):
    form = show(qtbot, VisitForm(ctx))
    assert form.kind_combo.value() == "household_round"
    assert not form.registration.isEnabled()
    index = form.address.findData(house.id)
    assert form.address.itemData(index, Qt.ItemDataRole.ToolTipRole) == "еще не посещали"
    form.address.setCurrentIndex(index)
    form.address.activated.emit(index)
    assert form.dwelling_kind.value() == "private_house"
    form.findings.set_checked("weapon_storage_checked")
    form.findings.set_checked("unregistered_residents")
    type_text(form.persons_met, "Хозяин дома Ахметов Б.")
    with qtbot.waitSignal(ctx.sig_data_changed):
        visit_id = form.save()
    visit = services.visits.get(visit_id)
    assert visit.address_id == house.id and visit.address_text == "ул. Сатпаева, 5"
    assert set(visit.findings.split(",")) == {"weapon_storage_checked", "unregistered_residents"}
    assert visit.inspector_id == services.current_staff_id()
    assert register_ids("preventive-visits", text="Сатпаева") == [visit_id]
    assert not form.isVisible()


def test_free_text_address_without_one_is_refused(qtbot, ctx, services):
    form = show(qtbot, VisitForm(ctx))
    assert form.save() is None
    assert form.field_errors("address") == "Адрес: обязательное поле"
    form.address.setFocus()
    type_text(form.address.lineEdit(), "пос. Жумыскер, ул. Новая, 3")
    assert form.save() is not None
    visit = services.visits.live().get()
    assert visit.address_id is None and visit.address_text == "пос. Жумыскер, ул. Новая, 3"


def test_registration_check_links_the_registration_and_its_person(qtbot, ctx, services,
                                                                 person):
    registration = services.registrations.create(registration_data(person))
    form = show(qtbot, VisitForm(ctx))
    form.kind_combo.set_value("registration_check")
    assert form.registration.isEnabled()
    assert form.save() is None
    assert form.field_errors("registration")
    form.registration.set_value(registration.id)
    assert form.person.value() == person.id
    type_text(form.address.lineEdit(), "ул. Абая, 12")
    form.save()
    stored = services.registrations.get(registration.id)
    assert stored.last_check_on == date(2026, 11, 25)


def test_edit_visit_notes(qtbot, ctx, services):
    visit = services.visits.create(visit_data())
    form = show(qtbot, VisitForm(ctx, visit.id))
    assert form.address.currentText() == "ул. Сатпаева, 5"
    assert form.flat.text() == "14"
    type_text(form.notes, "Повторная беседа")
    form.save()
    assert services.visits.get(visit.id).notes == "Повторная беседа"


def test_escape_after_ticking_a_finding_asks(qtbot, ctx):
    form = show(qtbot, VisitForm(ctx))
    form.findings.set_checked("alcohol_abuse")
    seen = answer_box("Продолжить")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert seen.text and form.isVisible()
