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
    from inspector_app.queries import audit_log

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


# -- backups ------------------------------------------------------------------------------


def test_back_up_now_shows_progress_and_the_result(qtbot, ui_ctx, db_path, tmp_path, person):
    from ui.backup_dialogs import BackupNowDialog

    folder = tmp_path / "usb"
    dialog = BackupNowDialog(ui_ctx, db_path)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(folder))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=10_000)
    assert dialog.progress.value() == 100
    assert "проверена" in dialog.status.text() and "записей: 2" in dialog.status.text()
    assert ui_ctx.settings.value("backup/folder") == str(folder)
    assert len(list(folder.glob("*.db"))) == 1
    dialog.grab().save("/tmp/prot_backup_now.png")


def test_a_backup_failure_is_explained(qtbot, ui_ctx, db_path, tmp_path):
    from ui.backup_dialogs import BackupNowDialog

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog = BackupNowDialog(ui_ctx, db_path)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(blocker / "sub"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    assert "флешка" in dialog.status.text()


def test_restore_chooser_lists_dates_and_counts(qtbot, qtmodeltester, ui_ctx, services,
                                                db_path, tmp_path, person, clock, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.protection import backup
    from ui.backup_dialogs import RestoreDialog

    folder = tmp_path / "usb"
    backup.create_backup(db_path, folder, clock=clock)
    clock.advance(days=1)
    services.persons.create({"surname": "Второй", "first_name": "Человек"})
    backup.create_backup(db_path, folder, clock=clock)
    dialog = RestoreDialog(ui_ctx, db_path, folder=folder)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert cells(dialog.model, 0) == ["26.11.2026 10:30", "25.11.2026 10:30"]
    assert cells(dialog.model, 3) == [2, 1]
    assert "26.11.2026" in dialog.details.text() and "граждан: 2" in dialog.details.text()
    dialog.view.selectRow(1)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.grab().save("/tmp/prot_restore.png")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen().created_at.day == 25 and dialog.chosen().counts["person"] == 1


def test_damaged_database_dialog_offers_the_latest_good_backup(qtbot, services, db_path,
                                                               tmp_path, clock, person):
    from inspector_app.protection import backup
    from ui.backup_dialogs import DamagedDatabaseDialog

    folder = tmp_path / "usb"
    backup.create_backup(db_path, folder, clock=clock)
    report = backup.HealthReport(False, "backup.db_damaged", "database disk image is malformed")
    dialog = DamagedDatabaseDialog("ru", report, backup.latest_good_backup(folder))
    qtbot.addWidget(dialog)
    assert "повреждена" in dialog.explanation.text()
    assert "25.11.2026 10:30" in dialog.offer.text()
    assert dialog.restore_button.isEnabled()
    dialog.grab().save("/tmp/prot_damaged.png")
    none = DamagedDatabaseDialog("ru", report, None)
    qtbot.addWidget(none)
    assert not none.restore_button.isEnabled()


def test_auto_backup_daily_and_on_exit(qtbot, ui_ctx, services, db_path, tmp_path, person):
    from ui.backup_dialogs import AutoBackup

    folder = tmp_path / "usb"
    ui_ctx.settings.setValue("backup/folder", str(folder))
    auto = AutoBackup(ui_ctx, db_path)
    auto.start()
    qtbot.waitUntil(lambda: auto.last is not None, timeout=10_000)
    assert auto.last.reason == "daily"
    assert auto.on_exit() is None  # nothing changed since
    services.persons.update(person.id, {"phone": "87017654321"})
    assert auto.on_exit().reason == "exit"


# -- idle lock ----------------------------------------------------------------------------


@pytest.fixture
def logged_in_ctx(ui_ctx, services):
    services.login("erzhanov", PASSWORD)
    return ui_ctx


def test_idle_time_locks_and_the_password_unlocks(qtbot, logged_in_ctx, services, clock):
    from PySide6.QtWidgets import QMainWindow
    from qt_helpers import type_text

    from ui.idle_lock import IdleLock

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(logged_in_ctx, window, minutes=0)
    lock.install()
    lock.set_interval_ms(150)
    with qtbot.waitSignal(lock.sig_locked, timeout=3000):
        pass
    assert lock.locked and not window.isVisible() and lock.dialog.isVisible()
    dialog = lock.dialog
    type_text(dialog.password, "неверный-пароль")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.locked and "Неверный" in dialog.message.text()
    assert not dialog.unlock_button.isEnabled()  # the pause after a wrong password
    dialog.grab().save("/tmp/prot_idle.png")
    clock.advance(seconds=2)
    dialog.unlock_button.setEnabled(True)
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(lock.sig_unlocked, timeout=3000):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked and window.isVisible()
    lock.uninstall()


def test_activity_postpones_the_lock(qtbot, logged_in_ctx):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLineEdit

    from ui.idle_lock import IdleLock

    window = QLineEdit()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(logged_in_ctx, window, minutes=0)
    lock.install()
    lock.set_interval_ms(400)
    for _ in range(6):
        qtbot.wait(120)
        qtbot.mouseMove(window, QPoint(5 + _, 5))
        qtbot.keyClick(window, Qt.Key.Key_A)
    assert not lock.locked
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    lock.dialog.password.setText(PASSWORD)
    qtbot.mouseClick(lock.dialog.unlock_button, Qt.MouseButton.LeftButton)
    lock.uninstall()


def test_idle_lock_setting_and_switching_off(qtbot, logged_in_ctx):
    from PySide6.QtWidgets import QWidget

    from ui.idle_lock import IdleLock
    from ui.settings import IDLE_MINUTES

    window = QWidget()
    qtbot.addWidget(window)
    IDLE_MINUTES.write(logged_in_ctx.settings, 7)
    lock = IdleLock(logged_in_ctx, window)
    assert lock.interval_ms == 7 * 60_000
    lock.set_minutes(0)
    lock.install()
    assert not lock.timer.isActive()
    assert IDLE_MINUTES.read(logged_in_ctx.settings) == 0
    lock.uninstall()
