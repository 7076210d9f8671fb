"""Starting the program: first-run wizard, login dialog, command line, demo database."""

from __future__ import annotations

import sys

import pytest
from conftest import PASSWORD
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWizard

import ui.app as app_module
from inspector_app.services.setup import login_services, open_services
from ui.first_run import FirstRunWizard
from ui.i18n import install_language
from ui.login_dialog import ChangePasswordDialog, LoginDialog
from ui.settings import LAST_LOGIN


@pytest.fixture
def ini(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def fill_wizard(wizard: FirstRunWizard, *, repeat: str = "Kz-Secret-2026",
                encrypt: bool = False) -> None:
    wizard.show()
    wizard.next()
    profile = wizard.profile_page
    profile.code.setText("aty-021")
    profile.name.setText("УПП №21")
    profile.district.setCurrentIndex(profile.district.findData("Индерский район"))
    profile.address.setText("п. Индербор, ул. Мира, 3")
    wizard.next()
    account = wizard.account_page
    account.full_name.setText("Қасымов Ерлан Бекұлы")
    account.login.setText("kasymov")
    account.password.setText("Kz-Secret-2026")
    account.repeat.setText(repeat)
    account.encrypt.setChecked(encrypt)


def test_first_run_wizard_creates_the_point_and_logs_in(qtbot, tmp_path):
    path = tmp_path / "new.db"
    wizard = FirstRunWizard(path, "ru")
    qtbot.addWidget(wizard)
    fill_wizard(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.services is not None
    services = wizard.services
    assert services.point_code == "ATY-021"
    assert services.session.login == "kasymov"
    point = services.points.current()
    assert (point.name, point.district, point.address) == \
        ("УПП №21", "Индерский район", "п. Индербор, ул. Мира, 3")
    assert point.reception_hours == "Пн–Пт 17:00–20:00"
    services.db.close()
    reopened = open_services(path)
    assert reopened.staff.by_login("kasymov").full_name == "Қасымов Ерлан Бекұлы"
    reopened.db.close()


def test_first_run_wizard_refuses_mismatched_passwords_and_bad_codes(qtbot, tmp_path):
    install_language("ru")
    path = tmp_path / "new.db"
    wizard = FirstRunWizard(path, "ru")
    qtbot.addWidget(wizard)
    fill_wizard(wizard, repeat="Kz-Secret-2027")
    assert not wizard.account_page.validatePage()
    assert wizard.account_page.message.text() == "Пароли не совпадают."
    assert wizard.services is None
    wizard.account_page.repeat.setText("Kz-Secret-2026")
    wizard.profile_page.code.setText("АТЫ 21")  # Cyrillic letters and a space
    assert not wizard.account_page.validatePage()
    assert "код пункта" in wizard.account_page.message.text()
    wizard.profile_page.code.setText("ATY-021")
    assert wizard.account_page.validatePage()
    wizard.services.db.close()


def test_login_dialog_says_so_on_a_wrong_password(qtbot, services, db_path, ini):
    dialog = LoginDialog(db_path, ini, "ru")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.login.setText("erzhanov")
    dialog.password.setText("wrong-password")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.isVisible()
    assert dialog.message.text().startswith("Неверный логин или пароль")
    assert dialog.password.text() == ""
    assert dialog.services is None


def test_login_dialog_logs_in_and_remembers_the_login(qtbot, services, db_path, ini):
    dialog = LoginDialog(db_path, ini, "ru")
    qtbot.addWidget(dialog)
    dialog.login.setText("Erzhanov")
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.services.session.login == "erzhanov"
    assert LAST_LOGIN.read(ini) == "erzhanov"
    dialog.services.db.close()
    again = LoginDialog(db_path, ini, "ru")
    qtbot.addWidget(again)
    assert again.login.text() == "erzhanov"


def test_login_opens_the_database_off_the_gui_thread(qtbot, services, db_path, ini,
                                                     monkeypatch):
    """The slow password hash and a first opening's migration never freeze the window."""
    import threading

    from ui import login_dialog

    threads = []

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return login_services(*args, **kwargs)

    monkeypatch.setattr(login_dialog, "login_services", recording)
    dialog = LoginDialog(db_path, ini, "ru")
    qtbot.addWidget(dialog)
    dialog.login.setText("erzhanov")
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.services.staff.by_login("erzhanov").login == "erzhanov"  # on this thread
    dialog.services.db.close()


def test_a_reset_password_must_be_changed_at_login(qtbot, services, db_path, ini):
    admin = services.staff.create({"login": "admin", "full_name": "Администратор",
                                   "password": "Adm-Secret-2026", "role": "administrator"})
    assert admin.login == "admin"
    services.login("admin", "Adm-Secret-2026")
    officer = services.staff.by_login("erzhanov")
    services.staff.reset_password(officer.id, "Temp-Pass-2026")
    services.session = None
    changes = []

    def answer():
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, ChangePasswordDialog) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(50, answer)
            return
        changes.append(box.old.isVisible())
        box.new.setText("New-Secret-2027")
        box.repeat.setText("New-Secret-2027")
        box.accept()

    QTimer.singleShot(50, answer)
    dialog = LoginDialog(db_path, ini, "ru")
    qtbot.addWidget(dialog)
    dialog.login.setText("erzhanov")
    dialog.password.setText("Temp-Pass-2026")
    dialog.accept()
    assert changes == [False]  # the temporary password was just typed: not asked again
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.services.session.must_change_password
    dialog.services.db.close()
    again = LoginDialog(db_path, ini, "ru")
    qtbot.addWidget(again)
    again.login.setText("erzhanov")
    again.password.setText("New-Secret-2027")
    again.accept()
    assert again.result() == QDialog.DialogCode.Accepted
    again.services.db.close()


def test_change_password_dialog_checks_the_repeat_and_the_rules(qtbot, services):
    services.login("erzhanov", PASSWORD)
    dialog = ChangePasswordDialog(services, "ru")
    qtbot.addWidget(dialog)
    dialog.old.setText(PASSWORD)
    dialog.new.setText("Short-1")
    dialog.repeat.setText("Short-2")
    dialog.accept()
    assert dialog.message.text() == "Новые пароли не совпадают."
    dialog.repeat.setText("Short-1")
    dialog.accept()
    assert "не короче 8" in dialog.message.text()
    dialog.new.setText("Brand-New-2027")
    dialog.repeat.setText("Brand-New-2027")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_command_line_options():
    args = app_module.parse_args(["--db", "x.db", "--lang", "kk", "--demo"])
    assert (str(args.db), args.lang, args.demo) == ("x.db", "kk", True)
    with pytest.raises(SystemExit):
        app_module.parse_args(["--lang", "de"])


def test_demo_database_is_generated_off_the_gui_thread(qtbot, tmp_path):
    services = app_module.open_demo(tmp_path, 300, "ru")
    assert services.session.login == "demo"
    from inspector_app.queries.registers import REGISTERS, Filters

    assert REGISTERS["appeals"].count(Filters()) > 0
    services.db.close()


def test_main_without_a_database_runs_the_wizard_then_the_window(qtbot, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setenv("INSPECTOR_APP_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    path = tmp_path / "point.db"
    seen: list[str] = []

    def drive() -> None:
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, FirstRunWizard) and "wizard" not in seen:
                seen.append("wizard")
                fill_wizard(widget)
                widget.button(QWizard.WizardButton.FinishButton).click()
            elif type(widget).__name__ == "MainWindow":
                seen.append(widget.windowTitle())
                timer.stop()
                widget.close()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(100)
    assert app_module.main(["--db", str(path), "--lang", "ru"]) == 0
    assert seen[0] == "wizard" and len(seen) == 2
    services = open_services(path)
    assert services.point_code == "ATY-021"
    services.db.close()
