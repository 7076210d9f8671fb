"""The district operator connects to the district's database on a PostgreSQL server.

:class:`ServerConnectDialog` asks for the server (host, port, database, server user: kept per
PC in :mod:`ui.settings`, filled in next time), the server password (asked each time, never
saved) and the operator's own account in the program. The core's ``login_district_server``
does the work off the GUI thread; a refusal (wrong password, unreachable host, no such
database, not a district database, wrong account) is shown in the dialog in the user's
language, naming what failed, and everything typed stays. TLS is used whenever the server
offers it; :class:`ConnectionLabel` in the main window's status bar says whether it did.

It is reached from the start (the login dialog's button; first when this PC connected to a
server last time) and from the File menu (:class:`ServerActions`: the window closes and the
program opens the server's database in a new one, see ``ui.app.main``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError
from inspector_app.services.context import Services
from inspector_app.services.setup import login_district_server
from inspector_app.storage.server import DEFAULT_PORT, ServerProfile, connect_params, describe
from ui.errors import user_error
from ui.icons import app_icon
from ui.settings import (
    LAST_LOGIN,
    SERVER_AT_START,
    SERVER_DATABASE,
    SERVER_HOST,
    SERVER_PORT,
    SERVER_USER,
)
from ui.worker import run_job, wait_for

ERROR_STYLE = "color: #b3261e;"


@dataclass
class ServerConnection:
    """An open server database: its services (logged in) and where it is."""

    services: Services
    profile: ServerProfile

    @property
    def address(self) -> str:
        """The database's URL without a password (titles, messages)."""
        return describe(self.profile.url())


def saved_profile(settings) -> ServerProfile:
    return ServerProfile(SERVER_HOST.read(settings), SERVER_PORT.read(settings),
                         SERVER_DATABASE.read(settings), SERVER_USER.read(settings))


def profile_from_url(url: str) -> ServerProfile:
    """The profile a ``postgresql://`` URL names (``--db`` on the command line)."""
    params = connect_params(url)
    return ServerProfile(params["host"], int(params.get("port", DEFAULT_PORT)),
                         params["dbname"], params.get("user", ""))


class ServerConnectDialog(QDialog):
    """Connect to the district's server database; when accepted, :attr:`connection` holds it."""

    def __init__(self, settings, lang: str, parent: QWidget | None = None, *,
                 profile: ServerProfile | None = None, clock=None):
        super().__init__(parent)
        self.settings = settings
        self.lang = lang
        self.clock = clock
        self.connection: ServerConnection | None = None
        profile = profile or saved_profile(settings)
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Connect to the district's server database"))

        self.host = QLineEdit(profile.host, self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(profile.port)
        self.database = QLineEdit(profile.database, self)
        self.user = QLineEdit(profile.user, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        server_box = QGroupBox(self.tr("Database server"), self)
        server_form = QFormLayout(server_box)
        server_form.addRow(self.tr("&Host:"), self.host)
        server_form.addRow(self.tr("P&ort:"), self.port)
        server_form.addRow(self.tr("&Database:"), self.database)
        server_form.addRow(self.tr("Server &user:"), self.user)
        server_form.addRow(self.tr("Server pass&word:"), self.password)
        self.note = QLabel(self.tr("The password is not saved: it is asked each time. The "
                                   "connection is encrypted (TLS) whenever the server "
                                   "offers it."), self)
        self.note.setWordWrap(True)

        self.login = QLineEdit(LAST_LOGIN.read(settings), self)
        self.login_password = QLineEdit(self)
        self.login_password.setEchoMode(QLineEdit.EchoMode.Password)
        account_box = QGroupBox(self.tr("Your account in the program"), self)
        account_form = QFormLayout(account_box)
        account_form.addRow(self.tr("&Login:"), self.login)
        account_form.addRow(self.tr("Pa&ssword:"), self.login_password)

        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(server_box)
        layout.addWidget(self.note)
        layout.addWidget(account_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        first_empty = next((edit for edit in (self.host, self.database, self.user,
                                              self.password) if not edit.text()), self.password)
        first_empty.setFocus()

    def profile(self) -> ServerProfile:
        return ServerProfile(self.host.text().strip(), self.port.value(),
                             self.database.text().strip(), self.user.text().strip())

    def _missing(self) -> tuple[QLineEdit, str] | None:
        for edit, name in ((self.host, self.tr("Host")), (self.database, self.tr("Database")),
                           (self.user, self.tr("Server user")),
                           (self.login, self.tr("Login"))):
            if not edit.text().strip():
                return edit, name
        return None

    def _say(self, text: str, focus: QLineEdit) -> None:
        self.message.setText(text)
        self.message.show()
        focus.setFocus()

    def accept(self) -> None:
        """Connect and log in; stay open with a message when refused (nothing typed lost)."""
        missing = self._missing()
        if missing is not None:
            self._say(self.tr("Fill in the field «%1».").replace("%1", missing[1]), missing[0])
            return
        profile = self.profile()
        url = profile.url(self.password.text())  # in memory only, for this connection
        login, password = self.login.text().strip(), self.login_password.text()

        def connect(progress) -> Services:
            services = login_district_server(url, login, password, clock=self.clock)
            services.db.close()  # this thread's connection; the GUI thread opens its own
            return services

        job = run_job(connect, parent=self, title=self.tr("Connecting to the server…"),
                      lang=self.lang, cancellable=False, on_error=lambda exc: None)
        wait_for(job)
        if job.error is not None:
            error = user_error(job.error)
            if not isinstance(error, InspectorError):
                raise job.error
            self._say(error.message(self.lang), self._field_of(error.code))
            return
        self.connection = ServerConnection(job.result, profile)
        for setting, value in ((SERVER_HOST, profile.host), (SERVER_PORT, profile.port),
                               (SERVER_DATABASE, profile.database), (SERVER_USER, profile.user),
                               (SERVER_AT_START, True), (LAST_LOGIN, login.lower())):
            setting.write(self.settings, value)
        self.settings.sync()
        super().accept()

    def _field_of(self, code: str) -> QLineEdit:
        """The field to correct after the refusal ``code``."""
        return {"error.server_password": self.password,
                "error.server_no_database": self.database,
                "error.server_not_district": self.database,
                "error.server_unreachable": self.host}.get(code, self.login_password)


class ConnectionLabel(QLabel):
    """The status bar's note of where the window's database is and whether the connection
    to it is encrypted (asked of the GUI thread's own connection)."""

    def __init__(self, connection: ServerConnection, parent: QWidget | None = None):
        super().__init__(parent)
        self.connection = connection
        self.encrypted = connection.services.db.encrypted()
        self.retranslate()

    def retranslate(self) -> None:
        profile = self.connection.profile
        where = f"{profile.host}:{profile.port}/{profile.database}"
        text = self.tr("Server %1: encrypted (TLS)") if self.encrypted \
            else self.tr("Server %1: NOT encrypted")
        self.setText(text.replace("%1", where))
        self.setStyleSheet("" if self.encrypted else ERROR_STYLE)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ServerActions:
    """File → Connect to a server database… of a district office's window: once connected,
    the window closes and :attr:`switch_to` tells the program to open the server's database
    in a new one."""

    def __init__(self, window):
        self.window = window
        self.switch_to: ServerConnection | None = None
        self.connect_action = QAction("", window)
        self.connect_action.triggered.connect(self.connect_server)
        window.add_file_actions([self.connect_action])
        window.ctx.sig_language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        self.connect_action.setText(
            QCoreApplication.translate("ServerActions", "Connect to a &server database…"))

    def connect_server(self) -> None:
        dialog = ServerConnectDialog(self.window.ctx.settings, self.window.ctx.lang,
                                     self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.switch_to = dialog.connection
            self.window.close()
