"""Typed on a Russian keyboard, «жумабеков» finds «Жұмабеков» in the registers' search boxes
and the person picker, and the name is shown as it was written."""

from __future__ import annotations

import pytest
import test_ui_forms_pickers
import ui_fixtures
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_registers import open_page, wait_loaded

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx
picker = test_ui_forms_pickers.picker  # over this module's ctx: the seeded point


@pytest.fixture
def kazakh_names(ctx):
    services = ctx.services
    person = services.persons.create({"surname": "Жұмабеков", "first_name": "Нұрлан",
                                      "patronymic": "Қайратұлы", "address": "ул. Абая, 3"})
    other = services.persons.create({"surname": "Әбілқасымова", "first_name": "Айгүл"})
    services.appeals.create({"received_at": "2026-11-25 10:00", "channel": "phone",
                             "topic": "noise", "substance": "Шум во дворе",
                             "applicant": person.id})
    return person, other


def shown_cells(page) -> list[str]:
    model = page.model
    return [str(model.index(row, column).data() or "")
            for row in range(model.rowCount()) for column in range(model.columnCount())]


@pytest.mark.parametrize(("register", "typed", "name"), [
    ("persons", "жумабеков", "Жұмабеков"),
    ("persons", "абилкасымова", "Әбілқасымова"),
    ("persons", "ЖУМАБЕКОВ НУРЛАН КАЙРАТУЛЫ", "Жұмабеков"),
    ("appeals", "жумабеков", "Жұмабеков"),
])
def test_a_register_search_box_finds_kazakh_names_typed_in_russian_letters(
        qtbot, ctx, kazakh_names, register, typed, name):
    page = open_page(qtbot, ctx, register)
    type_text(page.filter_bar.search, typed)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 1
    assert any(name in cell for cell in shown_cells(page)), shown_cells(page)
    assert page.status_text() == "Найдено записей: 1"


@pytest.mark.parametrize(("typed", "shown"), [
    ("жумабеков", "Жұмабеков Нұрлан Қайратұлы"),
    ("абилкасымова айгул", "Әбілқасымова Айгүл"),
    ("жұмабеков", "Жұмабеков Нұрлан Қайратұлы"),
])
def test_the_person_picker_finds_kazakh_names_typed_in_russian_letters(
        qtbot, picker, kazakh_names, typed, shown):
    with qtbot.waitSignal(picker.sig_suggestions, timeout=5000):
        type_text(picker.edit, typed)
    suggestions = picker.suggestions()
    assert suggestions[0].startswith(shown), suggestions
    assert len(suggestions) == 2  # the person and «Новый гражданин …»
    popup = picker.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    person = {p.surname: p for p in kazakh_names}[shown.split()[0]]
    assert picker.value() == person.id
    assert picker.edit.text() == shown  # written as the record holds it, not as typed
