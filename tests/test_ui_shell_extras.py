"""The shell around the pages: real record forms, the administrator's pages, spreadsheet
export, record history, and the data-protection wiring (backups, lock, password)."""

from __future__ import annotations

import csv

import ui_fixtures
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from ui_dialogs import DialogAnswers

from inspector_app.queries.registers import REGISTERS, Filters
from ui.app import build_main_window
from ui.forms.base_form import RecordForm
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.registers.register_page import RegisterPage
from ui.settings import BACKUP_FOLDER

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx


def wait_loaded(qtbot, page: RegisterPage) -> None:
    qtbot.waitUntil(lambda: page.model.loaded_once and not page.model.is_busy(),
                    timeout=10_000)


def close_form_later(seen: list) -> None:
    """Note the record form that opens (kind, record id, read-only) and close it."""
    def check() -> None:
        form = next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, RecordForm) and w.isVisible()), None)
        if form is None:
            QTimer.singleShot(30, check)
            return
        seen.append((form.kind, form.record.id if form.record else None, form.read_only))
        form.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(30, check)


def test_enter_in_a_register_opens_the_real_form(qtbot, ctx, seeded):
    _services, ids = seeded
    page = RegisterPage(ctx, "offences")
    qtbot.addWidget(page)
    page.show()
    wait_loaded(qtbot, page)
    page.view.setFocus()
    page.view.selectRow(0)
    seen: list = []
    close_form_later(seen)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == [("offence", ids["offence"], False)]


def test_a_due_check_on_the_home_page_opens_a_new_check_visit(qtbot, ctx, seeded):
    _services, ids = seeded
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.data is not None, timeout=10_000)
    checks = window.home.checks
    checks.setFocus()
    checks.setCurrentItem(checks.topLevelItem(0))
    seen: list = []
    close_form_later(seen)
    qtbot.keyClick(checks, Qt.Key.Key_Return)
    assert seen == [("preventive_visit", None, False)]  # prefilled: test_ui_main_window


def test_an_administrator_gets_accounts_and_audit_pages(qtbot, ctx, monkeypatch):
    services = ctx.services
    services.session = None
    services.staff.create({"login": "admin", "full_name": "Администратор Пункта",
                           "password": "Adm-Secret-2026", "role": "administrator"})
    services.login("admin", "Adm-Secret-2026")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert [p.key for p in window.pages][-3:] == ["reports", "accounts", "audit"]
    window.show_page("accounts")
    accounts = window.accounts
    names = [accounts.proxy.index(r, 0).data() for r in range(accounts.proxy.rowCount())]
    assert names == ["Администратор Пункта", "Ержанов Асхат Серікұлы"]
    assert accounts.proxy.index(1, 2).data() == services.catalogues.title("staff_roles",
                                                                         "inspector")
    opened = []
    monkeypatch.setattr(ctx, "open_record",
                        lambda kind, record_id=None, parent=None: opened.append((kind, record_id)))
    accounts.view.setFocus()
    accounts.view.setCurrentIndex(accounts.proxy.index(1, 0))
    qtbot.keyClick(accounts.view, Qt.Key.Key_Return)
    window.new_action.trigger()
    assert opened == [("staff", services.staff.by_login("erzhanov").id), ("staff", None)]
    assert window.nav.item(window.nav.count() - 1).text() == "Журнал аудита"


def test_an_inspector_gets_no_accounts_page(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "accounts" not in [p.key for p in window.pages]


def test_register_rows_are_saved_to_a_spreadsheet_as_filtered(qtbot, ctx, tmp_path,
                                                              monkeypatch):
    answers = DialogAnswers(tmp_path, save_name="appeals.csv").install(monkeypatch)
    page = RegisterPage(ctx, "appeals")
    qtbot.addWidget(page)
    page.show()
    wait_loaded(qtbot, page)
    page.filter_bar.code.setCurrentIndex(page.filter_bar.code.findData("noise"))
    wait_loaded(qtbot, page)
    target = tmp_path / "appeals.csv"
    with qtbot.waitSignal(page.sig_status, timeout=20_000,
                          check_params_cb=lambda text: str(target) in text):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["save: Сохранить журнал"]
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    expected = REGISTERS["appeals"].count(Filters(code="noise"))
    assert expected == 1
    assert sum("Соседи шумят по ночам" in ";".join(r) for r in rows) == 1
    assert ctx.settings.value("registers/export_folder") == str(tmp_path)


def test_the_history_button_shows_the_selected_record_s_trail(qtbot, ctx, seeded,
                                                             monkeypatch):
    _services, ids = seeded
    from ui import audit_view

    shown = []
    monkeypatch.setattr(audit_view.RecordHistoryDialog, "exec",
                        lambda dialog: shown.append((dialog.model.table_name,
                                                     dialog.model.record_id,
                                                     dialog.model.rowCount() > 0)) or 0)
    page = RegisterPage(ctx, "offences")
    qtbot.addWidget(page)
    page.show()
    wait_loaded(qtbot, page)
    page.view.selectRow(0)
    page.history_button.click()
    assert shown == [("offence", ids["offence"], True)]


def test_protection_adds_backup_restore_password_and_lock(qtbot, ctx, db_path, tmp_path):
    BACKUP_FOLDER.write(ctx.settings, str(tmp_path / "backups"))
    window = build_main_window(ctx.services, ctx.settings, "ru", str(db_path), protect=True)
    qtbot.addWidget(window)
    window.show()
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    ours = ["&Резервная копия сейчас…", "&Восстановить из копии…", "Сменить &пароль…",
            "&Заблокировать"]
    assert [t for t in texts if t in ours] == ours
    assert texts.index(ours[-1]) < texts.index("&Настройки…")
    guard = window.guard
    guard.lock_action.trigger()
    assert guard.idle_lock.locked and not window.isVisible()
    dialog = guard.idle_lock.dialog
    dialog.password.setText(ui_fixtures.PASSWORD)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not guard.idle_lock.locked, timeout=10_000)
    assert window.isVisible()
    window.close()  # the exit backup: something changed since there was no backup at all
    backups = list((tmp_path / "backups").glob("*.db"))
    assert len(backups) == 1


def log_in_as_administrator(services) -> None:
    services.session = None
    services.staff.create({"login": "admin", "full_name": "Администратор Пункта",
                           "password": "Adm-Secret-2026", "role": "administrator"})
    services.login("admin", "Adm-Secret-2026")


def test_only_the_administrator_restores_from_the_window(qtbot, ctx, db_path, tmp_path,
                                                          monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.backup_dialogs import RestoreDialog

    shown, opened = [], []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(RestoreDialog, "exec",
                        lambda dialog: opened.append(dialog) or QDialog.DialogCode.Rejected)
    BACKUP_FOLDER.write(ctx.settings, str(tmp_path / "backups"))
    window = build_main_window(ctx.services, ctx.settings, "ru", str(db_path), protect=True)
    qtbot.addWidget(window)
    window.show()
    restore = next(a for a in window.file_menu.actions() if a.text() == "&Восстановить из копии…")
    assert not restore.isEnabled()  # the inspector: restore is the head's and the administrator's
    log_in_as_administrator(ctx.services)
    window = build_main_window(ctx.services, ctx.settings, "ru", str(db_path), protect=True)
    qtbot.addWidget(window)
    restore = next(a for a in window.file_menu.actions() if a.text() == "&Восстановить из копии…")
    restore.trigger()
    assert len(opened) == 1 and shown == []


def test_a_restore_chosen_in_the_window_happens_after_closing(qtbot, ctx, db_path, tmp_path):
    from inspector_app.protection import backup

    folder = tmp_path / "backups"
    info = backup.create_backup(db_path, folder, clock=ctx.services.clock)
    ctx.services.meetings.create({"held_at": "2026-11-24 18:00", "kind": "report_meeting",
                                  "place": "Акимат", "attendance": 12})
    before = REGISTERS["meetings"].count(Filters())
    BACKUP_FOLDER.write(ctx.settings, str(folder))
    log_in_as_administrator(ctx.services)
    window = build_main_window(ctx.services, ctx.settings, "ru", str(db_path), protect=True)
    qtbot.addWidget(window)
    window.show()
    window.protection._restore_and_restart(info, ask=False)
    assert not window.isVisible()
    ctx.services.db.close()
    window.protection.finish()
    assert window.protection.restart_requested
    from inspector_app.services.setup import open_services

    restored = open_services(db_path, clock=ctx.services.clock)
    assert REGISTERS["meetings"].count(Filters()) == before - 1
    restored.db.close()


def test_an_encrypted_database_offers_to_encrypt_older_plain_backups(qtbot, services, db_path,
                                                                     clock, person, settings,
                                                                     tmp_path):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from inspector_app.protection import backup
    from inspector_app.protection.encryption import is_plain_file
    from inspector_app.services.encryption import encrypt_database
    from inspector_app.services.setup import login_services

    install_language("ru")
    folder = tmp_path / "backups"
    backup.create_backup(db_path, folder, clock=clock)  # made while the file was plain
    services.db.close()
    encrypt_database(db_path, "erzhanov", ui_fixtures.PASSWORD, clock=clock)
    opened = login_services(db_path, "erzhanov", ui_fixtures.PASSWORD, clock=clock)
    BACKUP_FOLDER.write(settings, str(folder))
    window = build_main_window(opened, settings, "ru", str(db_path), protect=True)
    qtbot.addWidget(window)
    window.show()
    questions = []

    def answer(*button_texts: str) -> None:
        """Press the first button of the visible message box, then answer the next box."""
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(30, lambda: answer(*button_texts))
            return
        questions.append(box.text())
        buttons = {b.text(): b for b in box.findChildren(QPushButton)}
        if button_texts[0] not in buttons:
            questions.append(sorted(buttons))
            box.reject()  # fail the test instead of waiting forever
            return
        if button_texts[1:]:
            QTimer.singleShot(30, lambda: answer(*button_texts[1:]))
        qtbot.mouseClick(buttons[button_texts[0]], Qt.MouseButton.LeftButton)

    QTimer.singleShot(30, lambda: answer("Зашифровать", "OK"))
    window.protection.start()
    qtbot.waitUntil(lambda: len(questions) == 2, timeout=20_000)
    assert "1 резервная копия, сделанная до шифрования" in questions[0]
    assert questions[1] == "Обработана 1 резервная копия."
    (info,) = backup.list_backups(folder)
    assert info.encrypted and not is_plain_file(info.path)
    opened.db.close()
