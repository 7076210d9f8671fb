"""The person form: create, ИИН fills birth date and sex, phone normalised, errors at fields."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_forms_support import answer_box, leave, make_ctx, register_ids, show

from ui.forms.person_form import PersonForm


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


def test_create_person_appears_in_register(qtbot, ctx, services):
    form = show(qtbot, PersonForm(ctx))
    assert form.windowTitle() == "Новый гражданин"
    assert form.address.text() == "Атырау, "  # the point's district starts the address
    type_text(form.surname, "Сейтқалиева")
    type_text(form.first_name, "Әйгерім")
    type_text(form.patronymic, "Нұрланқызы")
    type_text(form.iin, "900215400102")
    assert form.birth_date.value() == date(1990, 2, 15)
    assert form.sex.value() == "F"
    type_text(form.address, "ул. Абая, 12")
    with qtbot.waitSignal(ctx.sig_data_changed) as changed:
        person_id = form.save()
    assert changed.args[0].written == {"person": {person_id}}
    person = services.persons.get(person_id)
    assert (person.surname, person.first_name, person.iin) == ("Сейтқалиева", "Әйгерім",
                                                               "900215400102")
    assert person.address == "Атырау, ул. Абая, 12"
    assert person_id in register_ids("persons", text="Сейтқалиева")
    assert form.result() == form.DialogCode.Accepted


def test_iin_fills_birth_date_and_sex_only_when_valid(qtbot, ctx):
    form = show(qtbot, PersonForm(ctx))
    type_text(form.iin, "85061230012")  # 11 digits: nothing yet
    assert form.birth_date.value() is None and form.sex.value() is None
    type_text(form.iin, "2")
    assert form.birth_date.value() == date(1985, 6, 12)
    assert form.sex.value() == "M"


def test_phone_is_normalised_when_leaving_the_field(qtbot, ctx):
    form = show(qtbot, PersonForm(ctx))
    form.phone.setFocus()
    type_text(form.phone, "8 (701) 123-45-67")
    leave(qtbot, form.phone, form.address)
    assert form.phone.text() == "+7 701 123 45 67"


def test_bad_iin_is_shown_at_the_field_on_leave_and_save_keeps_everything(qtbot, ctx,
                                                                          services):
    before = services.persons.count()
    form = show(qtbot, PersonForm(ctx))
    type_text(form.surname, "Ёлкин")
    type_text(form.first_name, "Пётр")
    form.iin.setFocus()
    type_text(form.iin, "900215400103")
    leave(qtbot, form.iin, form.phone)
    assert "контрольная цифра" in form.field_errors("iin")
    assert form.field_errors("phone") == ""  # not visited yet: no message
    form.phone.setFocus()
    assert form.save() is None
    assert services.persons.count() == before
    assert form.iin.hasFocus()  # focus moved to the first bad field
    assert (form.surname.text(), form.first_name.text(), form.iin.text()) == (
        "Ёлкин", "Пётр", "900215400103")
    assert form.isVisible()


def test_required_names_reported_on_save(qtbot, ctx, services):
    form = show(qtbot, PersonForm(ctx))
    qtbot.keyClick(form.patronymic, Qt.Key.Key_Return)  # Enter saves: here it fails
    assert form.field_errors("surname").startswith("Фамилия: обязательное поле")
    assert form.field_errors("first_name")
    assert form.surname.hasFocus()
    assert services.persons.count() == 0


def test_edit_person_updates_the_record(qtbot, ctx, services, person):
    form = show(qtbot, PersonForm(ctx, person.id))
    assert form.windowTitle() == "Гражданин: Сейтқалиева Әйгерім Нұрланқызы"
    assert form.phone.text() == "+7 701 123 45 67"
    form.address.clear()
    type_text(form.address, "г. Атырау, мкр. Нурсая, 5")
    qtbot.keyClick(form.address, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert services.persons.get(person.id).address == "г. Атырау, мкр. Нурсая, 5"
    assert services.persons.get(person.id).row_version == 2
    assert not form.isVisible()


def test_escape_with_changes_asks_before_closing(qtbot, ctx, services):
    form = show(qtbot, PersonForm(ctx))
    type_text(form.surname, "Иванова")
    seen = answer_box("Продолжить")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert seen.text == "Не сохранять внесенные изменения?"
    assert form.isVisible() and form.surname.text() == "Иванова"
    seen = answer_box("Не сохранять")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert seen.text is not None
    assert not form.isVisible()
    assert form.result() == form.DialogCode.Rejected
    assert services.persons.count() == 0


def test_escape_without_changes_closes_at_once(qtbot, ctx, person):
    form = show(qtbot, PersonForm(ctx, person.id))
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
