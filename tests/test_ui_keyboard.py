"""Keyboard and screen readers: Tab order, accessible names, mnemonics, required marks,
shortcuts of the main window and the registers. Every key here is a real key press."""

from __future__ import annotations

import ui_fixtures
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from qt_helpers import type_text
from test_ui_forms_support import answer_box, make_ctx, on_modal, show

from ui.forms.base_form import RecordForm
from ui.forms.choices import RadioChoice
from ui.forms.keyboard import mnemonic_letter, plain_caption
from ui.forms.offence_form import OffenceForm
from ui.forms.registration_form import RegistrationForm
from ui.help_dialog import HelpDialog
from ui.kinds import FORM_KINDS
from ui.main_window import MainWindow

seeded, settings = ui_fixtures.seeded, ui_fixtures.settings


def visual_order(form: RecordForm) -> list[str]:
    """Fields that Tab can stop on, column by column, top to bottom, as drawn on screen."""
    starts = sorted(layout.geometry().x() for layout in form.form_columns)

    def place(binding) -> tuple[int, int]:
        corner = binding.container.mapTo(form.body, QPoint(0, 0))
        return sum(start <= corner.x() for start in starts[1:]), corner.y()

    reachable = [b for b in form.bindings
                 if any(w.isEnabled() and w.isVisibleTo(form) for w in form.inputs(b))]
    return [b.name for b in sorted(reachable, key=place)]


def tab_walk(qtbot, form: RecordForm, presses: int = 80) -> list[QWidget]:
    """Press Tab from the first field until focus comes back; the widgets visited."""
    start = next(w for b in form.bindings for w in form.inputs(b) if w.isEnabled())
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited = [start]
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        if current is start:
            return visited
        visited.append(current)
    raise AssertionError(f"Tab never came back to the first field: {visited}")


def stops(form: RecordForm, visited: list[QWidget]) -> list[str]:
    """The visited widgets as field names (consecutive stops in one field once) and buttons."""
    names: list[str] = []
    for widget in visited:
        binding = form.binding_of_widget(widget)
        name = binding.name if binding else f"button:{widget.text().replace('&', '')}"
        if not names or names[-1] != name:
            names.append(name)
    return names


def test_tab_visits_every_field_in_visual_order_then_the_buttons(qtbot, services, tmp_path):
    ctx = make_ctx(services, tmp_path)
    checked = radio_groups = 0
    for kind in FORM_KINDS:
        form = show(qtbot, FORM_KINDS[kind](ctx))
        visited = tab_walk(qtbot, form)
        walked = stops(form, visited)
        expected = visual_order(form)
        radios = [b for b in form.bindings if isinstance(b.widget, RadioChoice)]
        for binding in radios:  # a group of radio buttons is one stop; arrows move inside
            assert sum(form.binding_of_widget(w) is binding for w in visited) == 1, kind
        radio_groups += len(radios)
        assert walked[:len(expected)] == expected, kind
        buttons = [f"button:{b.text().replace('&', '')}" for b in form._buttons()
                   if b.isVisible() and b.isEnabled()]
        assert walked[len(expected):] == buttons, kind
        assert buttons[-2:] == ["button:Сохранить", "button:Отмена"]
        checked += len(walked)
        form.discard()
    assert checked > 80 and radio_groups == 2  # the survey's rating and trust


def test_date_and_time_come_first_in_the_record_forms(qtbot, services, tmp_path):
    ctx = make_ctx(services, tmp_path)
    for kind, first in (("appeal", "received_at"), ("preventive_visit", "visited_at"),
                        ("offence", "committed_at"), ("meeting", "held_at")):
        form = show(qtbot, FORM_KINDS[kind](ctx))
        visited = tab_walk(qtbot, form)
        date_part = form.binding(first).widget.date_field.edit
        time_part = form.binding(first).widget.time_field
        assert visited[:2] == [date_part, time_part], kind
        form.discard()


def test_every_input_has_an_accessible_name_from_its_label(qtbot, services, tmp_path):
    ctx = make_ctx(services, tmp_path)
    named = 0
    for kind in FORM_KINDS:
        form = show(qtbot, FORM_KINDS[kind](ctx))
        for binding in form.bindings:
            caption = plain_caption(binding.caption) if binding.label else ""
            for widget in form.inputs(binding):
                assert widget.accessibleName(), (kind, binding.name, widget)
                assert caption in widget.accessibleName(), (kind, binding.name)
                named += 1
        form.discard()
    assert named > 80
    form = show(qtbot, FORM_KINDS["appeal"](ctx))
    assert form.channel.accessibleName() == "Канал"  # not its value, «Личный прием»
    assert form.received_at.date_field.edit.accessibleName() == "Дата и время, дата"
    assert form.received_at.time_field.accessibleName() == "Дата и время, время"


def test_mnemonics_never_clash_within_a_form_in_any_language(qtbot, services, tmp_path):
    for lang in ("ru", "kk", "en"):
        ctx = make_ctx(services, tmp_path, lang)
        for kind in FORM_KINDS:
            form = show(qtbot, FORM_KINDS[kind](ctx))
            texts = [b.text() for b in form._buttons()] + [
                label.text() for label in form.findChildren(QLabel) if label.buddy()]
            letters = [mnemonic_letter(text) for text in texts]
            assert all(letters[:2]), (lang, kind, texts)  # Save and Cancel always have one
            marked = [letter for letter in letters if letter]
            assert len(marked) == len(set(marked)), (lang, kind, texts)
            assert len(marked) >= len(letters) - 1, (lang, kind, texts)
            form.discard()
    make_ctx(services, tmp_path, "ru")


def test_alt_and_the_underlined_letter_jumps_to_the_field(qtbot, services, tmp_path):
    ctx = make_ctx(services, tmp_path)
    form = show(qtbot, FORM_KINDS["appeal"](ctx))
    jumped = 0
    for name in ("substance", "topic", "executor", "erdr_number"):
        binding = form.binding(name)
        letter = mnemonic_letter(binding.label.text())
        QTest.keyClick(QApplication.focusWidget(), Qt.Key(ord(letter.upper())),
                       Qt.KeyboardModifier.AltModifier)
        assert form.binding_of_widget(QApplication.focusWidget()) is binding, name
        jumped += 1
    assert jumped == 4


def test_required_fields_are_marked_before_saving(qtbot, services, tmp_path):
    ctx = make_ctx(services, tmp_path)
    form = show(qtbot, RegistrationForm(ctx))
    required = {b.name for b in form.bindings if b.label and b.label.text().endswith(" *")}
    # a protective order (the default category) runs for its term: its last day is filled in
    assert required == {"person", "category", "basis_document", "start_date"}
    form.category.set_value("parole")
    required = {b.name for b in form.bindings if b.label and b.label.text().endswith(" *")}
    assert required == {"person", "category", "basis_document", "start_date", "end_date"}
    assert form.basis.accessibleDescription() == "обязательное поле"
    assert form.notes.accessibleDescription() == ""
    assert form.required_legend.isVisible() and form.required_legend.text() == \
        "* обязательное поле"
    form.discard()
    offence = show(qtbot, OffenceForm(ctx))  # the fine is required while the penalty is one
    assert offence.binding("fine_mrp").label.text().endswith(" *")
    assert not offence.binding("arrest_days").label.text().endswith(" *")
    offence.article.choose("434-1")  # petty hooliganism: fine, public works or arrest...
    offence.status.set_value("considered")  # ...which the court imposes
    offence.penalty.setFocus()
    for _ in range(5):
        if offence.penalty.value() == "arrest":
            break
        QTest.keyClick(offence.penalty, Qt.Key.Key_Up)  # up from «Направление в суд»
    assert offence.binding("arrest_days").label.text().endswith(" *")
    assert not offence.binding("fine_mrp").label.text().endswith(" *")


def test_typing_in_the_place_adds_to_the_town(qtbot, services, tmp_path):
    ctx = make_ctx(services, tmp_path)
    form = show(qtbot, OffenceForm(ctx))
    form.committed_at.time_field.setFocus()
    QTest.keyClick(form.committed_at.time_field, Qt.Key.Key_Tab)  # into the place, by Tab
    assert QApplication.focusWidget() is form.place
    qtbot.wait(20)
    assert not form.place.hasSelectedText()
    type_text(form.place, "ул. Абая, 12")
    assert form.place.text() == "Атырау, ул. Абая, 12"


# -- the main window and its registers -------------------------------------------------
def open_window(qtbot, services, tmp_path, lang: str = "ru") -> MainWindow:
    ctx = make_ctx(services, tmp_path, lang)
    window = MainWindow(ctx, database_path=str(tmp_path / "point.db"), background=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def press(window: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_page_shortcuts_reach_every_page_up_to_the_reports(qtbot, seeded, tmp_path):
    services, _ids = seeded
    window = open_window(qtbot, services, tmp_path)
    digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
              Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9, Qt.Key.Key_0]
    reached = []
    for key in reversed(digits):
        press(window, key, Qt.KeyboardModifier.ControlModifier)
        reached.append(window.pages[window.nav.currentRow()].key)
    assert reached[0] == "reports"
    keys = [p.key for p in window.pages]
    assert list(reversed(reached)) == [*keys[:9], "reports"]
    assert window.page_actions[keys.index("reports")].shortcut().toString() == "Ctrl+0"


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot, seeded, tmp_path):
    services, _ids = seeded
    window = open_window(qtbot, services, tmp_path)
    for key, name in ((Qt.Key.Key_2, "appeals"), (Qt.Key.Key_6, "offences")):
        press(window, key, Qt.KeyboardModifier.ControlModifier)
        page = window.registers[name]
        page.view.setFocus()
        press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is page.filter_bar.search, name
        assert page.filter_bar.search.accessibleName() == "Поиск"
    window.nav.setFocus()  # from the sidebar too
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.registers["offences"].filter_bar.search


def test_tab_leaves_the_table_for_history_and_excel(qtbot, seeded, tmp_path):
    services, _ids = seeded
    window = open_window(qtbot, services, tmp_path)
    press(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.registers["appeals"]
    page.view.setFocus()
    visited = []
    for _ in range(8):
        press(window, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert page.history_button in visited and page.export_button in visited
    page.view.setFocus()
    seen = on_modal(QWidget, lambda dialog: dialog.reject())  # Alt+И: История
    letter = mnemonic_letter(page.history_button.text())
    press(window, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(seen))  # a mnemonic clicks the button a moment later
    assert type(seen[0]).__name__ == "RecordHistoryDialog"


def test_the_delete_question_names_the_record_and_the_selection_stays_near(qtbot, seeded,
                                                                          tmp_path):
    services, _ids = seeded
    window = open_window(qtbot, services, tmp_path)
    press(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.registers["appeals"]
    page.filter_bar.set_preset("year")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    page.view.setFocus()
    press(window, Qt.Key.Key_Down)
    assert page.view.currentIndex().row() == 1
    doomed, follower = page.model.record_id(1), page.model.record_id(2)
    answer = answer_box("Да")
    press(window, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert answer.text.startswith("Удалить эту запись?\n\nОбращение, ")
    stored = services.appeals.model.get_by_id(doomed)
    assert stored.deleted
    person = stored.applicant
    assert stored.talon_number in answer.text
    assert f"{stored.received_at:%d.%m.%Y %H:%M}" in answer.text
    assert person.surname in answer.text
    assert page.current_id() == follower and page.view.currentIndex().row() == 1


def test_f1_opens_the_manual_in_the_users_language(qtbot, seeded, tmp_path):
    services, _ids = seeded
    for lang, heading in (("ru", "Выгрузка в отдел полиции"), ("kk", "Полиция бөліміне шығару"),
                          ("en", "Export to the district office")):
        window = open_window(qtbot, services, tmp_path, lang)
        press(window, Qt.Key.Key_F1)
        manual = window.manual_action.dialog
        assert isinstance(manual, HelpDialog) and manual.isVisible()
        text = manual.browser.toPlainText()
        assert heading in text and "Ctrl+F" in text, lang
        manual.close()
        window.help_menu.actions()[0].trigger()  # and through Help → User manual
        assert manual.isVisible()
        manual.close()
        window.close()
    make_ctx(services, tmp_path, "ru")
