"""The district operator connects the GUI to the district's database on a real PostgreSQL
server (the session's throw-away cluster, TLS on, password logins): refusals name what
failed and keep what was typed, the window says whether the connection is encrypted, and a
point's package imported through the window lands in the server database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from qt_helpers import click
from sync_fixtures import PASSWORD, make_district, make_point, use
from ui_dialogs import DialogAnswers

from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
from inspector_app.storage.server import ServerProfile
from inspector_app.sync.export import export_package
from inspector_app.sync.trust import export_public_key
from ui.app import build_main_window
from ui.i18n import install_language
from ui.login_dialog import LoginDialog
from ui.server_dialog import ConnectionLabel, ServerConnectDialog
from ui.settings import SERVER_AT_START, SERVER_DATABASE, SERVER_HOST, SERVER_PORT, SERVER_USER

SERVER_PASSWORD = "Srv-Pass-2026"
TLS_ROLE, PLAIN_ROLE = "district_tls", "district_plain"


@pytest.fixture(scope="module")
def roles(pg_server):
    """Two server users that log in with a password: one over TLS, one the server refuses
    TLS to (so the client, preferring TLS, connects in plain)."""
    pg_server.add_login(TLS_ROLE, SERVER_PASSWORD)
    pg_server.add_login(PLAIN_ROLE, SERVER_PASSWORD, tls=False)
    return pg_server


@pytest.fixture(autouse=True)
def _russian(qapp):
    install_language("ru")
    yield
    install_language("ru")


def server_district(server, role: str = TLS_ROLE) -> ServerProfile:
    """A district database on the server, owned by ``role``; its operator is ``operator``."""
    url = server.new_database(owner=role)
    profile = ServerProfile(server.host, server.port, url.rsplit("/", 1)[1], role)
    services = create_database(
        profile.url(SERVER_PASSWORD), PointProfile("ATY-ROP", "ОП г. Атырау", "Атырау"),
        FirstAccount("operator", "Оператор Отдела", PASSWORD), kind=DISTRICT)
    services.db.close()
    return profile


def settings_at(folder: Path) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def fill(qtbot, dialog: ServerConnectDialog, profile: ServerProfile, password: str,
         account_password: str = PASSWORD, login: str = "operator") -> None:
    """Type the connection into the dialog as a user would (the fields cleared first)."""
    for edit, text in ((dialog.host, profile.host), (dialog.database, profile.database),
                       (dialog.user, profile.user), (dialog.password, password),
                       (dialog.login, login), (dialog.login_password, account_password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    dialog.port.clear()
    qtbot.keyClicks(dialog.port, str(profile.port))


def connect_clicked(qtbot, dialog: ServerConnectDialog) -> None:
    click(qtbot, dialog.connect_button)


def test_refusals_name_what_failed_and_keep_what_was_typed(roles, qtbot, tmp_path):
    from pg_server import free_port

    profile = server_district(roles)
    settings = settings_at(tmp_path)
    dialog = ServerConnectDialog(settings, "ru")
    qtbot.addWidget(dialog)
    dialog.show()

    connect_clicked(qtbot, dialog)  # nothing typed yet
    assert "«Хост»" in dialog.message.text() and dialog.isVisible()

    fill(qtbot, dialog, profile, "wrong-password")
    connect_clicked(qtbot, dialog)
    assert dialog.isVisible() and dialog.connection is None
    assert "не принял пароль пользователя district_tls" in dialog.message.text()
    assert f"{profile.host}:{profile.port}" in dialog.message.text()
    assert dialog.database.text() == profile.database and dialog.login.text() == "operator"
    assert dialog.password.hasFocus()

    fill(qtbot, dialog, ServerProfile(profile.host, free_port(), profile.database,
                                      profile.user), SERVER_PASSWORD)
    connect_clicked(qtbot, dialog)
    assert "Не удаётся подключиться к серверу базы данных" in dialog.message.text()
    assert dialog.host.hasFocus()

    fill(qtbot, dialog, ServerProfile(profile.host, profile.port, "no_such_db",
                                      profile.user), SERVER_PASSWORD)
    connect_clicked(qtbot, dialog)
    assert "нет базы с именем no_such_db" in dialog.message.text()

    empty = roles.new_database(owner=TLS_ROLE).rsplit("/", 1)[1]  # not a district's
    fill(qtbot, dialog, ServerProfile(profile.host, profile.port, empty, profile.user),
         SERVER_PASSWORD)
    connect_clicked(qtbot, dialog)
    assert "не является районной или областной базой" in dialog.message.text()
    assert empty in dialog.message.text()

    fill(qtbot, dialog, profile, SERVER_PASSWORD, account_password="not-his")
    connect_clicked(qtbot, dialog)
    assert dialog.isVisible() and dialog.message.text()
    assert dialog.login_password.hasFocus()
    assert SERVER_HOST.read(settings) == ""  # nothing saved before a connection succeeded
    qtbot.wait(1500)  # a wrong account password is throttled (1 s), as on a file

    fill(qtbot, dialog, profile, SERVER_PASSWORD)
    connect_clicked(qtbot, dialog)
    assert not dialog.isVisible() and dialog.connection is not None, dialog.message.text()
    connection = dialog.connection
    assert connection.services.session.login == "operator"
    settings.sync()
    saved = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert SERVER_PASSWORD not in saved and PASSWORD not in saved  # never saved
    assert (SERVER_HOST.read(settings), SERVER_PORT.read(settings),
            SERVER_DATABASE.read(settings), SERVER_USER.read(settings)) == (
        profile.host, profile.port, profile.database, profile.user)
    assert SERVER_AT_START.read(settings) is True

    again = ServerConnectDialog(settings, "ru")  # next time: the profile, not the password
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value(), again.database.text(),
            again.user.text(), again.password.text()) == (
        profile.host, profile.port, profile.database, profile.user, "")
    label = ConnectionLabel(connection)
    assert label.encrypted and "зашифровано (TLS)" in label.text()
    connection.services.db.close()


def server_window(qtbot, tmp_path, profile: ServerProfile):
    """The operator connects through the dialog (typed and clicked); the district window on
    that connection, not yet shown."""
    dialog = ServerConnectDialog(settings_at(tmp_path), "ru")
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, profile, SERVER_PASSWORD)
    connect_clicked(qtbot, dialog)
    assert dialog.connection is not None, dialog.message.text()
    window = build_main_window(dialog.connection.services, settings_at(tmp_path), "ru", "",
                               server=dialog.connection)
    qtbot.addWidget(window)
    return window, dialog.connection


def test_a_plain_connection_is_said_to_be_unencrypted(roles, qtbot, tmp_path):
    window, connection = server_window(qtbot, tmp_path, server_district(roles, PLAIN_ROLE))
    label = window.statusBar().findChild(ConnectionLabel)
    assert not label.encrypted and "НЕ зашифровано" in label.text()
    window.close()
    connection.services.db.close()


def test_the_server_window_locks_after_ctrl_l_and_offers_the_password_change(roles, qtbot,
                                                                            tmp_path):
    """A district operator's window on the server shows citizens' records as a file's does:
    File → Lock (Ctrl+L) hides it until the operator's password, and the idle lock and
    Change password are there; backups are the server's (no Back up now)."""
    from PySide6.QtCore import Qt

    window, connection = server_window(qtbot, tmp_path, server_district(roles))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.guard.start()
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert "Сменить &пароль…" in texts and "&Заблокировать" in texts
    assert "&Резервная копия сейчас…" not in texts
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)
    lock = window.guard.idle_lock
    qtbot.waitUntil(lambda: lock.locked and not window.isVisible(), timeout=5_000)
    lock.dialog.password.setText("Wrong-Pass-1")
    click(qtbot, lock.dialog.unlock_button)
    assert lock.locked and lock.dialog.message.text()
    qtbot.wait(1_100)  # the pause after a wrong password
    lock.dialog.password.setText(PASSWORD)
    click(qtbot, lock.dialog.unlock_button)
    qtbot.waitUntil(lambda: not lock.locked and window.isVisible(), timeout=10_000)
    window.close()
    connection.services.db.close()


def answer_modal(qtbot, kind, answer) -> list:
    """Run ``answer(dialog)`` on the next modal dialog of type ``kind`` once it is open."""
    seen = []

    def check():
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind):
            seen.append(modal)
            answer(modal)
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(50, check)
    return seen


def test_the_district_window_imports_a_point_into_the_server_database(roles, qtbot, tmp_path,
                                                                     monkeypatch):
    profile = server_district(roles)
    settings = settings_at(tmp_path)
    district_file = make_district(tmp_path)  # this PC's file, before the move to the server
    use(district_file)
    district_file.login("operator", PASSWORD)
    window = build_main_window(district_file, settings, "ru", str(district_file.db.database))
    qtbot.addWidget(window)
    window.show()
    assert window.server.connect_action in window.file_menu.actions()

    def connect(dialog):
        fill(qtbot, dialog, profile, SERVER_PASSWORD)
        click(qtbot, dialog.connect_button)

    answered = answer_modal(qtbot, ServerConnectDialog, connect)
    window.file_menu.popup(window.pos())
    window.server.connect_action.trigger()  # File → Connect to a server database…
    assert answered and not window.isVisible()  # the program opens the server's window
    connection = window.server.switch_to
    assert connection is not None and connection.address.endswith(profile.database)
    district_file.db.close()

    district = connection.services  # the point's package first: one binding at a time
    use(district)
    export_public_key(district, tmp_path / "district.pub")
    point = make_point(tmp_path, "ATY-017")
    from inspector_app.sync.trust import trust_key_file

    trust_key_file(point, tmp_path / "district.pub")
    (tmp_path / "out").mkdir()
    package = export_package(point, tmp_path / "out").path
    point.db.close()
    use(district)
    server_window = build_main_window(district, settings, "ru", "", server=connection)
    qtbot.addWidget(server_window)
    server_window.resize(1024, 768)
    server_window.show()

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)  # trust the new point
    DialogAnswers(tmp_path, open_files=[str(package)]).install(monkeypatch)

    def import_package(dialog):
        panel = dialog.panel
        add = next(b for b in panel.findChildren(QPushButton) if b.text() == panel.tr(
            "Add files…"))
        click(qtbot, add)
        with qtbot.waitSignal(server_window.ctx.sig_data_changed, timeout=60_000):
            click(qtbot, panel.import_button)
        qtbot.waitUntil(lambda: panel.job is None or panel.job.finished, timeout=60_000)
        dialog.reject()

    from ui.sync_dialogs import ImportDialog

    answered = answer_modal(qtbot, ImportDialog, import_package)
    server_window.sync.import_action.trigger()
    assert answered
    overview = server_window.sync.points_page
    server_window.show_page("points")
    qtbot.waitUntil(lambda: overview.model.rowCount() == 1, timeout=10_000)
    assert overview.model.index(0, 0).data() == "ATY-017"
    assert district.db.execute_sql("SELECT count(*) FROM point WHERE code = 'ATY-017'"
                                   ).fetchone()[0] == 1  # in the server database itself
    label = server_window.statusBar().findChild(ConnectionLabel)
    assert label.encrypted
    server_window.grab().save(str(tmp_path / "server-window.png"))
    server_window.close()
    district.db.close()


def test_the_login_dialog_connects_to_the_server_instead(roles, qtbot, tmp_path):
    profile = server_district(roles)
    settings = settings_at(tmp_path)
    district_file = make_district(tmp_path)
    district_file.db.close()
    login = LoginDialog(district_file.db.database, settings, "ru")
    qtbot.addWidget(login)
    login.show()

    def connect(dialog):
        fill(qtbot, dialog, profile, SERVER_PASSWORD)
        click(qtbot, dialog.connect_button)

    answered = answer_modal(qtbot, ServerConnectDialog, connect)
    click(qtbot, login.server_button)
    assert answered and login.server is not None and not login.isVisible()
    assert login.services is login.server.services
    assert login.services.is_district_office
    login.services.db.close()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_dialog_renders_in_russian_and_kazakh(qapp, qtbot, tmp_path, lang):
    install_language(lang)
    dialog = ServerConnectDialog(settings_at(tmp_path), lang)
    qtbot.addWidget(dialog)
    dialog.message.setText("x")
    dialog.message.show()
    dialog.resize(dialog.sizeHint())
    dialog.show()
    assert dialog.width() <= 1024 and dialog.height() <= 768
    assert dialog.connect_button.text() != "Connect"  # translated
    dialog.grab().save(str(tmp_path / f"server-dialog-{lang}.png"))


def test_the_program_moves_from_its_file_to_the_server_and_starts_there_next_time(
        roles, qtbot, tmp_path, monkeypatch):
    """ui.app.main end to end: log in to this PC's district file, File → Connect to a server
    database, the program reopens on the server; the next start asks for the server first
    (Cancel: this PC's file)."""
    import sys

    from PySide6.QtWidgets import QDialogButtonBox

    from ui import app as app_module
    from ui.main_window import MainWindow

    profile = server_district(roles)
    monkeypatch.setenv("INSPECTOR_APP_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    district_file = make_district(tmp_path)
    district_file.db.close()
    path = str(district_file.db.database)
    seen: list[str] = []

    busy = []

    def drive(script) -> None:
        """One step at a time: a step's own event loops (a modal dialog, a job) let the
        timer fire again inside it."""
        if busy:
            return
        busy.append(True)
        try:
            modal = QApplication.activeModalWidget()  # while one is open: only it
            for widget in [modal] if modal is not None else QApplication.topLevelWidgets():
                if widget.isVisible() and script(widget):
                    return
        finally:
            busy.clear()

    def first_run(widget) -> bool:
        if isinstance(widget, ServerConnectDialog):
            seen.append("server dialog")
            fill(qtbot, widget, profile, SERVER_PASSWORD)
            click(qtbot, widget.connect_button)
        elif isinstance(widget, LoginDialog):
            seen.append("login")
            widget.password.setText(PASSWORD)
            widget.login.setText("operator")
            click(qtbot, widget.buttons.button(QDialogButtonBox.StandardButton.Ok))
        elif isinstance(widget, MainWindow):
            label = widget.statusBar().findChild(ConnectionLabel)
            seen.append(f"window {label.text() if label else 'file'}")
            if label is None:  # the menu's modal dialog: opened outside this step
                QTimer.singleShot(0, widget.server.connect_action.trigger)
            else:
                widget.close()
        else:
            return False
        return True

    timer = QTimer()
    timer.timeout.connect(lambda: drive(first_run))
    timer.start(100)
    assert app_module.main(["--db", path, "--lang", "ru"]) == 0
    timer.stop()
    where = f"{profile.host}:{profile.port}/{profile.database}"
    assert seen == ["login", "window file", "server dialog",
                    f"window Сервер {where}: зашифровано (TLS)"], seen

    seen.clear()

    def next_start(widget) -> bool:
        if isinstance(widget, ServerConnectDialog):
            seen.append(f"server dialog {widget.database.text()} {widget.password.text()!r}")
            click(qtbot, widget.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        elif isinstance(widget, LoginDialog):
            seen.append("login")
            click(qtbot, widget.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        else:
            return False
        return True

    timer = QTimer()
    timer.timeout.connect(lambda: drive(next_start))
    timer.start(100)
    assert app_module.main(["--db", path, "--lang", "ru"]) == 0
    timer.stop()
    assert seen == [f"server dialog {profile.database} ''", "login"]
