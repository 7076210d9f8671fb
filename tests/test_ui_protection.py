"""GUI of data protection: audit history and log, backup dialogs, idle lock."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import PASSWORD
from core_factories import appeal_data
from PySide6.QtCore import QSettings, Qt

from inspector_app.services.context import Services
from ui.audit_view import AuditLogModel, AuditLogPage, RecordHistoryDialog, RecordHistoryModel
from ui.context import UiContext


@pytest.fixture
def ui_ctx(services, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(services, settings, "ru")


def cells(model, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


# -- record history -----------------------------------------------------------------------


def test_record_history_shows_who_changed_what(qtbot, ui_ctx, services, person, clock):
    clock.advance(hours=1)
    services.persons.update(person.id, {"address": "г. Атырау, ул. Сатпаева, 5"})
    dialog = RecordHistoryDialog(ui_ctx, "person", person.id)
    qtbot.addWidget(dialog)
    model = dialog.model
    fields = cells(model, 3)
    assert "ИИН" in fields  # the creation lists every field with its label
    last = model.rowCount() - 1
    assert model.data(model.index(last, 0)) == "25.11.2026 11:30:00"  # local time
    assert model.data(model.index(last, 1)) == "system"
    assert model.data(model.index(last, 2)) == "изменение"
    assert model.data(model.index(last, 4)) == "г. Атырау, ул. Абая, 12"
    assert model.data(model.index(last, 5)) == "г. Атырау, ул. Сатпаева, 5"
    assert "Сейтқалиева" in dialog.windowTitle()
    dialog.grab().save("/tmp/prot_history.png")


def test_history_names_references_and_officers(qtbot, ui_ctx, services, person):
    officer = Services(services.db, clock=services.clock)
    officer.login("erzhanov", PASSWORD)
    appeal = officer.appeals.create(appeal_data(person))
    model = RecordHistoryModel(ui_ctx, "appeal", appeal.id)
    rows = {model.data(model.index(r, 3)): model.data(model.index(r, 5))
            for r in range(model.rowCount())}
    assert "Сейтқалиева Әйгерім Нұрланқызы" in rows.values()  # applicant by name
    assert model.data(model.index(0, 1)) == "Ержанов Асхат Серікұлы (erzhanov)"


def test_history_model_passes_the_model_tester(qtmodeltester, ui_ctx, services, person):
    services.persons.update(person.id, {"phone": "87017654321"})
    services.persons.delete(person.id)
    model = RecordHistoryModel(ui_ctx, "person", person.id)
    qtmodeltester.check(model)
    assert cells(model, 2)[-1] == "удаление"


def test_password_changes_show_without_the_hash(qtbot, ui_ctx, services):
    staff = services.staff.by_login("erzhanov")
    services.staff.change_password(staff.id, "Another-Pass-77")
    model = RecordHistoryModel(ui_ctx, "staff", staff.id)
    values = cells(model, 4) + cells(model, 5)
    assert not any("scrypt" in (v or "") for v in values)
    assert model.rowCount() >= 2


# -- the administrator's log ---------------------------------------------------------------


def test_log_filters_by_user_kind_and_dates(qtbot, ui_ctx, services, person, clock):
    officer = Services(services.db, clock=clock)
    officer.login("erzhanov", PASSWORD)
    clock.advance(days=3)
    officer.appeals.create(appeal_data(person))
    page = AuditLogPage(ui_ctx)
    qtbot.addWidget(page)
    page.date_to.setDate(page.date_to.date().addDays(5))
    total = page.model.rowCount()
    assert total == 4  # point, first account, person, appeal
    page.user_box.setCurrentIndex(page.user_box.findData("erzhanov"))
    assert page.model.rowCount() == 1
    assert cells(page.model, 3) == ["Обращение"]
    page.user_box.setCurrentIndex(0)
    page.kind_box.setCurrentIndex(page.kind_box.findData("person"))
    assert cells(page.model, 4) == ["Сейтқалиева Әйгерім Нұрланқызы"]
    page.kind_box.setCurrentIndex(0)
    page.date_from.setDate(page.date_from.date().fromString("28.11.2026", "dd.MM.yyyy"))
    assert page.model.rowCount() == 1
    assert page.filters().date_from == date(2026, 11, 28)
    page.resize(1100, 400)
    page.grab().save("/tmp/prot_log.png")


def test_log_model_loads_lazily_and_passes_the_model_tester(qtmodeltester, ui_ctx, services):
    for n in range(450):
        services.persons.create({"surname": f"Фамилия{n}", "first_name": "Имя"})
    model = AuditLogModel(ui_ctx)
    from inspector_app import audit_log

    model.set_ids(audit_log.log_ids(services, audit_log.AuditFilter()))
    assert model.rowCount() > 450 and model.loaded_rows() == 0
    assert model.data(model.index(0, 4)) == "Фамилия449 Имя"
    assert model.loaded_rows() == 200  # one page
    qtmodeltester.check(model)


def test_log_is_the_administrators(qtbot, ui_ctx, services):
    officer = Services(services.db, clock=services.clock)
    officer.login("erzhanov", PASSWORD)
    ui_ctx.services = officer
    page = AuditLogPage(ui_ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and not page.allowed
    assert not page.denied_label.isHidden()
    services.staff.create({"login": "admin", "full_name": "Абенов Серик",
                           "role": "administrator", "password": "Boss-Key-2026"})
    admin = Services(services.db, clock=services.clock)
    admin.login("admin", "Boss-Key-2026")
    ui_ctx.services = admin
    page = AuditLogPage(ui_ctx)
    qtbot.addWidget(page)
    assert page.allowed and page.model.rowCount() > 0
    assert page.view.model().data(page.view.model().index(0, 2),
                                  Qt.ItemDataRole.DisplayRole) == "создание"


def test_dates_in_history_read_day_month_year(ui_ctx, person):
    model = RecordHistoryModel(ui_ctx, "person", person.id)
    values = dict(zip(cells(model, 3), cells(model, 5), strict=True))
    assert values["Дата рождения"] == "15.02.1990"
