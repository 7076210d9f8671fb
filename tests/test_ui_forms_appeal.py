"""The appeal form: talon number after a save, anonymous appeals, errors, concurrent edits."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from core_factories import appeal_data, offence_data
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_forms_support import answer_box, leave, make_ctx, register_ids, show

from ui.forms.appeal_form import AppealForm


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


def new_form(qtbot, ctx) -> AppealForm:
    return show(qtbot, AppealForm(ctx))


def test_create_appeal_shows_the_talon_and_appears_in_the_register(qtbot, ctx, services,
                                                                  person):
    form = new_form(qtbot, ctx)
    assert form.received_at.value() == datetime(2026, 11, 25, 10, 30)  # now
    assert form.officer.value() == services.current_staff_id()
    assert form.channel.value() == "personal_reception"
    assert form.due_date.value() == date(2026, 12, 17)  # 15 working days: 16.12 is a holiday
    form.topic.set_value("noise")
    form.applicant.set_value(person.id)
    type_text(form.substance, "Соседи из кв. 7 шумят после 23:00")
    with qtbot.waitSignal(ctx.sig_data_changed) as changed:
        qtbot.keyClick(form.channel, Qt.Key.Key_Return)
    assert changed.args[0].written == {"appeal": {form.saved_id}}
    appeal = services.appeals.get(form.saved_id)
    assert appeal.talon_number == "ATY-017-T-2026-00001"
    assert "Талон № ATY-017-T-2026-00001 от 25.11.2026 10:30" in form.banner.text()
    assert form.windowTitle() == "Обращение, талон № ATY-017-T-2026-00001"
    assert form.isVisible()  # stays open to print the talon
    assert appeal.applicant_id == person.id and appeal.topic == "noise"
    assert register_ids("appeals", text="шумят") == [appeal.id]
    qtbot.keyClick(form.channel, Qt.Key.Key_Return)  # nothing more changed: Enter closes
    assert not form.isVisible()
    assert services.appeals.count() == 1


def test_the_due_date_follows_the_received_date_past_holidays(qtbot, ctx, tmp_path):
    form = new_form(qtbot, ctx)
    form.received_at.date_field.edit.selectAll()
    type_text(form.received_at.date_field.edit, "20.03.2026")
    # Nauryz (21-23 March, with the 24th and 25th moved off) is not counted
    assert form.due_date.value() == date(2026, 4, 15)
    form.resize(1000, 700)
    form.grab().save(str(tmp_path / "appeal-due.png"))


def test_missing_fields_are_shown_at_their_fields_and_nothing_is_saved(qtbot, ctx, services):
    form = new_form(qtbot, ctx)
    qtbot.keyClick(form.substance, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.field_errors("topic") == "Тема: обязательное поле"
    assert form.field_errors("substance") == "Суть обращения: обязательное поле"
    assert form.field_errors("applicant")
    assert form.topic.hasFocus()
    assert services.appeals.count() == 0
    assert register_ids("appeals") == []


def test_enter_in_the_substance_makes_a_new_line(qtbot, ctx, services):
    form = new_form(qtbot, ctx)
    type_text(form.substance, "Первая строка")
    qtbot.keyClick(form.substance, Qt.Key.Key_Return)
    type_text(form.substance, "вторая")
    assert form.substance.value() == "Первая строка\nвторая"
    assert services.appeals.count() == 0 and form.isVisible()


def test_errors_show_when_leaving_a_field_only_for_visited_fields(qtbot, ctx):
    form = new_form(qtbot, ctx)
    leave(qtbot, form.substance, form.erdr)
    assert form.field_errors("substance") == "Суть обращения: обязательное поле"
    assert form.field_errors("topic") == ""
    form.substance.setFocus()
    type_text(form.substance, "Текст")
    leave(qtbot, form.substance, form.erdr)
    assert form.field_errors("substance") == ""


def test_anonymous_only_for_topics_that_allow_it(qtbot, ctx, services):
    form = new_form(qtbot, ctx)
    form.topic.set_value("noise")
    assert not form.anonymous.isEnabled()
    form.topic.set_value("crime_report")
    assert form.anonymous.isEnabled()
    form.anonymous.setChecked(True)
    assert not form.applicant.isEnabled()
    type_text(form.substance, "Сообщение о краже велосипеда из подъезда")
    appeal = services.appeals.get(form.save())
    assert appeal.anonymous and appeal.applicant_id is None
    form.topic.set_value("noise")
    assert not form.anonymous.isChecked()


def test_due_date_follows_the_received_date_until_typed(qtbot, ctx):
    form = new_form(qtbot, ctx)
    form.received_at.date_field.edit.setText("20.11.2026")
    form.received_at.edited.emit()
    assert form.due_date.value() == date(2026, 12, 11)
    form.due_date.edit.setText("01.12.2026")
    form.due_date.edited.emit()
    form.received_at.date_field.edit.setText("19.11.2026")
    form.received_at.edited.emit()
    assert form.due_date.value() == date(2026, 12, 1)


def test_edit_appeal_decision_updates_and_resolves(qtbot, ctx, services, person):
    appeal = services.appeals.create(appeal_data(person))
    form = show(qtbot, AppealForm(ctx, appeal.id))
    assert form.windowTitle() == f"Обращение, талон № {appeal.talon_number}"
    assert form.applicant.value() == person.id
    form.decision.set_value("explained")
    with qtbot.waitSignal(ctx.sig_data_changed):
        form.save()
    stored = services.appeals.get(appeal.id)
    assert (stored.decision, stored.status) == ("explained", "resolved")
    assert stored.row_version == 2
    assert not form.isVisible()
    assert register_ids("appeals", status="resolved") == [appeal.id]


def test_linked_offence_by_protocol_number(qtbot, ctx, services, person):
    offence = services.offences.create(offence_data(person))
    form = new_form(qtbot, ctx)
    form.topic.set_value("noise")
    form.applicant.set_value(person.id)
    type_text(form.substance, "Шум")
    type_text(form.offence, "ATY-017-P-2026-99999")
    assert form.save() is None
    assert "не найдена" in form.field_errors("offence")
    form.offence.setText(offence.protocol_number)
    appeal = services.appeals.get(form.save())
    assert appeal.offence_id == offence.id


def test_concurrent_edit_is_refused_with_the_core_message(qtbot, ctx, services, person):
    appeal = services.appeals.create(appeal_data(person))
    form = show(qtbot, AppealForm(ctx, appeal.id))
    services.appeals.update(appeal.id, {"erdr_number": "261500031000123"})  # someone else
    form.substance.clear()
    type_text(form.substance, "Уточненная суть")
    seen = answer_box("first")
    assert form.save() is None
    assert seen.text == "Запись уже изменил system; откройте ее заново"
    assert form.isVisible() and form.substance.value() == "Уточненная суть"
    assert services.appeals.get(appeal.id).substance == "Соседи шумят по ночам"


def test_print_talon_after_saving(qtbot, ctx, services, person, monkeypatch):
    printed = []
    monkeypatch.setattr("ui.document_preview.preview_document",
                        lambda context, kind, record_id, parent:
                        printed.append(record_id) if kind == "talon" else None)
    form = new_form(qtbot, ctx)
    assert not form.print_button.isEnabled()  # nothing to print before the talon exists
    form.topic.set_value("noise")
    form.applicant.set_value(person.id)
    type_text(form.substance, "Шум")
    appeal_id = form.save()
    assert form.print_button.isEnabled()
    qtbot.keyClick(form.substance, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == [appeal_id]
    type_text(form.erdr, "261500031000777")  # a change not saved yet: saved, then printed
    form.print_button.click()
    assert printed == [appeal_id, appeal_id]
    assert services.appeals.get(appeal_id).erdr_number == "261500031000777"
    assert form.isVisible()
