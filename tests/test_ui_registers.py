"""Register pages: rows, filters, search as you type, the count, remembered columns, delete."""

from __future__ import annotations

import pytest
import ui_fixtures
from conftest import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from qt_helpers import type_text

from inspector_app.errors import NotFound
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.storage.models import AuditEntry
from ui.registers import period
from ui.registers.register_page import RegisterPage

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx
count = ui_fixtures.count


def wait_loaded(qtbot, page: RegisterPage) -> None:
    qtbot.waitUntil(lambda: page.model.loaded_once and not page.model.is_busy()
                    and not page.filter_bar._debounce.isActive(), timeout=10_000)


def open_page(qtbot, ctx, name: str) -> RegisterPage:
    page = RegisterPage(ctx, name)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    wait_loaded(qtbot, page)
    return page


def ids_shown(page: RegisterPage) -> list[str]:
    return [page.model.record_id(row) for row in range(page.model.rowCount())]


@pytest.mark.parametrize("name", sorted(REGISTERS))
def test_every_register_shows_its_rows_and_counts_them(qtbot, ctx, name):
    page = open_page(qtbot, ctx, name)
    expected = count(name)
    assert expected > 0
    assert page.model.rowCount() == expected
    assert page.status_text() == f"Найдено записей: {expected}"
    assert page.title.text() == ctx.t(REGISTERS[name].title)


def test_search_as_you_type_narrows_rows_in_any_alphabet(qtbot, ctx):
    page = open_page(qtbot, ctx, "appeals")
    type_text(page.filter_bar.search, "ёлкин")
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == count("appeals", text="ёлкин") == 1
    assert page.status_text() == "Найдено записей: 1"
    page.filter_bar.search.clear()
    type_text(page.filter_bar.search, "Сейтқалиева")
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 1
    page.filter_bar.search.clear()
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == count("appeals")


def test_period_presets_and_custom_dates_narrow_rows(qtbot, ctx):
    page = open_page(qtbot, ctx, "appeals")
    bar = page.filter_bar
    bar.set_preset(period.TODAY)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 2
    assert not bar.date_from.isEnabled()
    assert bar.date_from.date().toString("dd.MM.yyyy") == "25.11.2026"
    bar.set_preset(period.OPERATION)
    wait_loaded(qtbot, page)
    assert bar.date_from.text() == "01.09.2026" and bar.date_to.text() == "01.11.2026"
    assert page.model.rowCount() == 1  # the appeal of 1 October
    bar.set_preset(period.CUSTOM)
    assert bar.date_from.isEnabled() and bar.date_from.calendarPopup()
    bar.date_from.setDate(bar.date_from.date().fromString("03.11.2026", "dd.MM.yyyy"))
    bar.date_to.setDate(bar.date_to.date().fromString("24.11.2026", "dd.MM.yyyy"))
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 1  # the appeal of 3 November
    bar.set_preset(period.ALL)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == count("appeals")


def test_topic_status_and_inspector_filters(qtbot, ctx, seeded):
    _services, ids = seeded
    page = open_page(qtbot, ctx, "appeals")
    bar = page.filter_bar
    assert bar.code.itemText(0) == "Любая тема"
    bar.code.setCurrentIndex(bar.code.findData("noise"))
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 1
    assert bar.code.currentText() == "Шум, нарушение тишины"
    bar.code.setCurrentIndex(0)
    bar.status.setCurrentIndex(bar.status.findData("overdue"))
    wait_loaded(qtbot, page)
    assert ids_shown(page) == [ids["overdue_appeal"]]
    bar.status.setCurrentIndex(0)
    bar.inspector.setCurrentIndex(bar.inspector.findData(ctx.services.session.staff_id))
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == count("appeals")


def test_registrations_status_filter_finds_the_overdue_check(qtbot, ctx, seeded):
    _services, ids = seeded
    page = open_page(qtbot, ctx, "registrations")
    page.filter_bar.status.setCurrentIndex(page.filter_bar.status.findData("overdue"))
    wait_loaded(qtbot, page)
    assert ids_shown(page) == [ids["registration_overdue"]]


def test_persons_register_has_no_period_or_inspector_filter(qtbot, ctx):
    page = open_page(qtbot, ctx, "persons")
    bar = page.filter_bar
    assert not bar.period.isVisible() and not bar.inspector.isVisible()
    assert not bar.code.isVisible() and not bar.status.isVisible()
    assert bar.search.isVisible()


def test_column_widths_order_and_sort_are_remembered(qtbot, ctx):
    page = open_page(qtbot, ctx, "appeals")
    header = page.view.horizontalHeader()
    header.resizeSection(3, 333)
    header.moveSection(5, 1)
    topic = next(i for i, c in enumerate(page.model.columns) if c.key == "topic")
    header.setSortIndicator(topic, Qt.SortOrder.AscendingOrder)
    wait_loaded(qtbot, page)
    assert page.model.sort_key == "topic" and not page.model.descending
    page.hide()  # saves the header state
    page.deleteLater()

    again = open_page(qtbot, ctx, "appeals")
    header = again.view.horizontalHeader()
    assert header.sectionSize(3) == 333
    assert header.visualIndex(5) == 1
    assert header.sortIndicatorSection() == topic
    assert again.model.sort_key == "topic" and not again.model.descending
    expected = [row["id"] for row in REGISTERS["appeals"].page(
        Filters(), "topic", False)]
    assert ids_shown(again) == expected


def test_delete_asks_then_tombstones_and_audits(qtbot, ctx, seeded, monkeypatch):
    services, ids = seeded
    page = open_page(qtbot, ctx, "offences")
    assert ids_shown(page) == [ids["offence"]]
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    wait_loaded(qtbot, page)
    assert asked and "ATY-017-P-2026-00001" in asked[0]
    assert page.model.rowCount() == 0
    with pytest.raises(NotFound):
        services.offences.get(ids["offence"])
    entry = AuditEntry.select().where(AuditEntry.record_id == ids["offence"],
                                      AuditEntry.action == "delete").get()
    assert entry.actor == "erzhanov"


def test_delete_answered_no_keeps_the_record(qtbot, ctx, seeded, monkeypatch):
    services, ids = seeded
    page = open_page(qtbot, ctx, "offences")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    page.view.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert services.offences.get(ids["offence"]).deleted is False


def test_an_assistant_sees_no_delete_button(qtbot, ctx):
    services = ctx.services
    services.session = None
    services.staff.create({"login": "pomoshnik", "full_name": "Ахметов Ерлан",
                           "password": "Kömekshi-2026", "role": "assistant"})
    services.login("pomoshnik", "Kömekshi-2026")
    page = open_page(qtbot, ctx, "appeals")
    assert page.new_button.isVisibleTo(page)
    assert not page.delete_button.isVisibleTo(page)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)  # Del does nothing either
    assert page.model.rowCount() == count("appeals")
    services.login("erzhanov", PASSWORD)


def test_enter_and_double_click_open_the_record(qtbot, ctx, seeded, monkeypatch):
    _services, ids = seeded
    opened = []
    monkeypatch.setattr(ctx, "open_record",
                        lambda kind, record_id=None, parent=None: opened.append((kind, record_id)))
    page = open_page(qtbot, ctx, "offences")
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    rect = page.view.visualRect(page.model.index(0, 1))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert opened == [("offence", ids["offence"]), ("offence", ids["offence"]),
                      ("offence", None)]


def test_a_saved_record_refreshes_the_register(qtbot, ctx, seeded):
    services, _ids = seeded
    page = open_page(qtbot, ctx, "meetings")
    before = page.model.rowCount()
    _meeting, changes = services.run(services.meetings.create, {
        "held_at": "2026-11-24 18:00", "kind": "report_meeting", "place": "Акимат",
        "attendance": 12})
    ctx.notify_changed(changes)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == before + 1


def test_a_check_visit_saved_in_its_form_refreshes_the_open_registrations_page(qtbot, ctx,
                                                                                seeded):
    """Saving a check visit moves its registration's dates; the core's changes say so, and
    the open registrations page refreshes (issue 16)."""
    from test_ui_forms_support import show

    from ui.forms.visit_form import VisitForm

    services, ids = seeded
    page = open_page(qtbot, ctx, "registrations")
    row = ids_shown(page).index(ids["registration_overdue"])
    keys = [c.key for c in page.register.columns]
    column, due_column = keys.index("last_check_on"), keys.index("next_check_due")
    assert page.model.index(row, column).data() in ("", None)
    due_before = page.model.index(row, due_column).data()
    form = show(qtbot, VisitForm(ctx))
    form.kind_combo.set_value("registration_check")
    form.registration.set_value(ids["registration_overdue"])
    type_text(form.address.lineEdit(), "ул. Абая, 12")
    with qtbot.waitSignal(ctx.sig_data_changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    due = services.registrations.get(ids["registration_overdue"]).next_check_due
    assert f"{due:%d.%m.%Y}" != due_before

    def shown(at: int) -> str:
        return page.model.index(ids_shown(page).index(ids["registration_overdue"]), at).data()

    qtbot.waitUntil(lambda: shown(column) == "25.11.2026", timeout=10_000)
    assert shown(due_column) == f"{due:%d.%m.%Y}"
