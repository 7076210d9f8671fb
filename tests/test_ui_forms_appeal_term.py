"""The appeal form's term column (АППК art. 76): day-off registration, forwarding, extension,
the eOtinish number; Russian and Kazakh renders."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import appeal_data
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_forms_support import make_ctx, show

from ui.forms.appeal_form import AppealForm
from ui.i18n import install_language

SHOTS = "/tmp/law-paperwork"


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


def fill_required(qtbot, form, person) -> None:
    form.topic.set_value("noise")
    form.applicant.set_value(person.id)
    type_text(form.substance, "Во дворе сломаны качели")


def retype(edit, text: str) -> None:
    edit.selectAll()
    type_text(edit, text)


def test_an_appeal_received_on_a_saturday_counts_from_monday(qtbot, ctx, services, person):
    form = show(qtbot, AppealForm(ctx))
    retype(form.received_at.date_field.edit, "21.11.2026")
    assert form.registered_note.text().startswith("23.11.2026")
    assert form.due_date.value() == date(2026, 12, 14)
    fill_required(qtbot, form, person)
    type_text(form.eotinish, "ZhT-2026-0000042")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    appeal = services.appeals.get(form.saved_id)
    assert (appeal.registered_on, appeal.due_date) == (date(2026, 11, 23), date(2026, 12, 14))
    assert appeal.eotinish_number == "ZhT-2026-0000042"


def test_outside_competence_forwards_within_three_working_days(qtbot, ctx, services, person):
    form = show(qtbot, AppealForm(ctx))
    assert not form.forwarded_to.isEnabled() and form.extended_until.isEnabled()
    qtbot.mouseClick(form.outside, Qt.MouseButton.LeftButton)
    assert form.outside.isChecked()
    assert form.due_date.value() == date(2026, 11, 30)  # 25.11 + 3 working days
    assert form.forwarded_to.isEnabled() and not form.extended_until.isEnabled()
    fill_required(qtbot, form, person)
    form.decision.set_value("forwarded")
    type_text(form.forwarded_to, "Акимат города Атырау")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    appeal = services.appeals.get(form.saved_id)
    assert appeal.outside_competence is True and appeal.forwarded_to == "Акимат города Атырау"
    assert (appeal.status, appeal.due_date) == ("resolved", date(2026, 11, 30))


def test_choosing_forwarded_ticks_outside_competence_and_asks_to_whom(qtbot, ctx, person):
    form = show(qtbot, AppealForm(ctx))
    fill_required(qtbot, form, person)
    form.decision.set_value("forwarded")
    assert form.outside.isChecked()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.saved_id is None
    assert form.field_errors("forwarded_to")


def test_an_extension_moves_the_due_date(qtbot, ctx, services, person, tmp_path):
    appeal = services.appeals.create(appeal_data(person, received_at="2026-11-20 09:00"))
    form = show(qtbot, AppealForm(ctx, appeal.id))
    assert form.due_date.value() == date(2026, 12, 11)
    retype(form.extended_on.edit, "25.11.2026")
    type_text(form.extension_reason, "Запрошены сведения в акимате")
    retype(form.extended_until.edit, "21.01.2027")
    form.extended_until.edited.emit()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "20.01.2027" in form.field_errors("extended_until")  # two months after receipt
    retype(form.extended_until.edit, "20.01.2027")
    form.extended_until.edited.emit()
    assert form.due_date.value() == date(2027, 1, 20)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = services.appeals.get(appeal.id)
    assert (stored.due_date, stored.extended_on) == (date(2027, 1, 20), date(2026, 11, 25))
    assert stored.extension_reason == "Запрошены сведения в акимате"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_term_column_renders(qtbot, services, person, tmp_path, qapp, lang):
    import os

    os.makedirs(SHOTS, exist_ok=True)
    ctx = make_ctx(services, tmp_path, lang)
    try:
        appeal = services.appeals.create(appeal_data(
            person, received_at="2026-11-21 10:00", eotinish_number="ЖТ-2026-0000042",
            extended_on="2026-11-25", extension_reason="Запрошены сведения в акимате",
            extended_until="2027-01-15"))
        form = show(qtbot, AppealForm(ctx, appeal.id))
        assert "23.11.2026" in form.registered_note.text()
        form.resize(1240, 720)
        form.grab().save(f"{SHOTS}/appeal-term-{lang}.png")
        captions = {b.caption.replace("&", "") for b in form.bindings if b.caption}
        if lang == "kk":
            assert "Ұзартылған мерзім" in captions
    finally:
        install_language("ru")
