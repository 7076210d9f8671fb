"""The main window and its home page: pages, menus, the day's lists, languages, About."""

from __future__ import annotations

import ui_fixtures
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from inspector_app import __version__
from inspector_app.queries.registers import REGISTERS
from ui.forms.visit_form import VisitForm
from ui.main_window import MainWindow
from ui.settings import MAIN_WINDOW_GEOMETRY

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx


def open_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx, database_path="/data/point.db")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.home.data is not None, timeout=10_000)
    return window


def test_window_opens_on_the_home_page_with_every_register(qtbot, ctx):
    window = open_window(qtbot, ctx)
    assert window.current_page() is window.home
    keys = [page.key for page in window.pages]
    assert keys == ["home", "appeals", "crime-reports", "preventive-visits", "registrations",
                    "offences", "meetings", "feedback", "persons", "area", "reports"]
    assert set(REGISTERS) <= set(keys)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Прием граждан и обращения" in titles and "Граждане" in titles
    assert "Ержанов Асхат Серікұлы" in window.user_status.text()
    assert "ATY-017" in window.user_status.text()


def test_home_page_lists_due_checks_overdue_appeals_and_figures(qtbot, ctx, seeded):
    _services, ids = seeded
    window = open_window(qtbot, ctx)
    home = window.home
    check_ids = [home.checks.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1)
                 for i in range(home.checks.topLevelItemCount())]
    assert check_ids == [("registration", ids["registration_overdue"]),
                         ("registration", ids["registration_due"])]
    overdue = home.checks.topLevelItem(0)
    assert overdue.text(0) == "01.10.2026" and overdue.text(1) == "Ёлкин Пётр Ильич"
    assert home.overdue.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole + 1) == \
        ("appeal", ids["overdue_appeal"])
    figures = {name: (day, month) for name, day, month in home.data.figures}
    assert figures["appeals"] == (2, 3)
    assert figures["preventive-visits"] == (1, 2)
    assert home.figure_cards["appeals"].today.text() == "2"
    assert window.page_status.text() == home.status_text()
    assert "1" in home.status_text()


def test_each_line_of_the_home_page_opens_its_record(qtbot, ctx, seeded, monkeypatch):
    services, ids = seeded
    opened = []
    monkeypatch.setattr(ctx, "open_record",
                        lambda kind, record_id=None, parent=None, initial=None:
                        opened.append((kind, record_id, initial)))
    window = open_window(qtbot, ctx)
    home = window.home
    for records in (home.checks, home.overdue, home.recent):
        records.setFocus()
        records.setCurrentItem(records.topLevelItem(0))
        qtbot.keyClick(records, Qt.Key.Key_Return)
    person = services.registrations.get(ids["registration_overdue"]).person_id
    assert opened[0] == ("preventive_visit", None, {  # a check due: record that check
        "kind": "registration_check", "registration": ids["registration_overdue"],
        "person": person, "address_text": "г. Атырау, ул. Абая, 12"})
    assert opened[1] == ("appeal", ids["overdue_appeal"], None)
    assert opened[2][0] == "preventive_visit" and opened[2][1]  # the visit at 09:40 today
    qtbot.mouseClick(home.quick_buttons["offence"], Qt.MouseButton.LeftButton)
    assert opened[3] == ("offence", None, None)


def test_a_right_click_on_an_overdue_check_records_it_in_a_prefilled_visit(qtbot, ctx,
                                                                         seeded):
    services, ids = seeded
    window = open_window(qtbot, ctx)
    checks = window.home.checks
    rect = checks.visualItemRect(checks.topLevelItem(0))
    seen = {}

    def choose_record_this_check():
        menu = QApplication.activePopupWidget()
        seen["menu"] = [a.text() for a in menu.actions()]
        action = menu.actions()[0]
        QTimer.singleShot(50, look_at_the_form)  # the click opens the form (modal)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(action).center())

    def look_at_the_form():
        form = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, VisitForm) and w.isVisible())
        try:
            seen["title"] = form.windowTitle()
            seen["values"] = (form.kind_combo.value(), form.registration.value(),
                              form.person.value(), form.address.currentText())
        finally:
            form.discard()

    QTimer.singleShot(50, choose_record_this_check)
    checks.customContextMenuRequested.emit(rect.center())  # what a right-click sends
    assert seen["menu"] == ["Записать проверку…", "Открыть учет"]
    assert seen["title"] == "Новый профилактический обход"
    person = services.registrations.get(ids["registration_overdue"]).person_id
    assert seen["values"] == ("registration_check", ids["registration_overdue"], person,
                              "г. Атырау, ул. Абая, 12")


def test_a_figure_card_opens_its_register(qtbot, ctx):
    window = open_window(qtbot, ctx)
    qtbot.mouseClick(window.home.figure_cards["offences"], Qt.MouseButton.LeftButton)
    assert window.current_page() is window.registers["offences"]


def test_new_record_shortcut_acts_on_the_current_register(qtbot, ctx, monkeypatch):
    opened = []
    monkeypatch.setattr(ctx, "open_record",
                        lambda kind, record_id=None, parent=None: opened.append((kind, record_id)))
    window = open_window(qtbot, ctx)
    window.show_page("meetings")
    window.new_action.trigger()
    window.show_page("area")
    window.new_action.trigger()
    assert opened == [("meeting", None), ("address", None)]


def test_status_bar_shows_the_current_register_count(qtbot, ctx):
    window = open_window(qtbot, ctx)
    window.show_page("appeals")
    page = window.registers["appeals"]
    qtbot.waitUntil(lambda: page.model.loaded_once and not page.model.is_busy(),
                    timeout=10_000)
    assert window.page_status.text() == f"Найдено записей: {ui_fixtures.count('appeals')}"


def test_switching_the_language_changes_the_texts(qtbot, ctx):
    window = open_window(qtbot, ctx)
    appeals = window.registers["appeals"]
    window.show_page("appeals")
    qtbot.waitUntil(lambda: appeals.model.loaded_once and not appeals.model.is_busy(),
                    timeout=10_000)
    ctx.set_language("kk")
    qtbot.waitUntil(lambda: not appeals.model.is_busy(), timeout=10_000)
    assert window.nav.item(1).text() == ctx.t("register.appeals") != "Прием граждан и обращения"
    topic = next(i for i, c in enumerate(appeals.model.columns) if c.key == "topic")
    header = appeals.model.headerData(topic, Qt.Orientation.Horizontal)
    assert header == ctx.t("field.appeal.topic") == "Тақырыбы"
    buttons = window.home.quick_buttons
    assert buttons["appeal"].text() == "Өтініш" and buttons["offence"].text() == "Хаттама"
    ctx.set_language("en")
    assert window.nav.item(1).text() == "Citizen visits and appeals"
    qtbot.waitUntil(lambda: [b.text() for b in buttons.values()] == [
        "Appeal", "КУИ", "Visit", "Registration", "Protocol", "Meeting", "Survey answer"])
    assert window.file_menu.title() == "&File"


def test_about_names_version_database_and_licences(qtbot, ctx):
    window = open_window(qtbot, ctx)
    text = window.about_text()
    assert __version__ in text and "/data/point.db" in text
    assert "DejaVu" in text and "CC0" in text


def test_window_geometry_is_remembered(qtbot, ctx):
    window = open_window(qtbot, ctx)
    window.resize(window.width(), 520)
    window.close()
    assert not MAIN_WINDOW_GEOMETRY.read(ctx.settings).isEmpty()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    # The offscreen screen is 800x600 and places windows itself: the height is what a test
    # can compare (the width is clamped to the screen).
    assert again.height() == 520
