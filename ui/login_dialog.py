"""Logging in: login and password (a clear message on a wrong one), and changing a password.

:class:`LoginDialog` opens the database as the user with the core's ``login_services``, which
also unlocks an encrypted database with the same password. After an administrator's reset
the user must choose a new password before working (:class:`ChangePasswordDialog`); the same
dialog changes one's own password from the File menu.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.errors import InspectorError, ValidationError
from inspector_app.services.context import Services
from inspector_app.services.setup import login_services
from ui.errors import user_error
from ui.icons import app_icon
from ui.settings import LAST_LOGIN, SERVER_AT_START
from ui.worker import run_job, wait_for

ERROR_STYLE = "color: #b3261e;"


def _message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class LoginDialog(QDialog):
    """Asks for login and password; when accepted, ``services`` work as that user."""

    def __init__(self, path: str | Path, settings, lang: str, parent: QWidget | None = None,
                 *, clock=None):
        super().__init__(parent)
        self.path = Path(path)
        self.settings = settings
        self.lang = lang
        self.clock = clock
        self.services: Services | None = None
        self.server = None  # a ServerConnection, when the user connected to one instead
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Log in"))

        self.database_label = QLabel(self.tr("Database: %1").replace("%1", self.path.name),
                                     self)
        self.login = QLineEdit(LAST_LOGIN.read(settings), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = _message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.server_button = self.buttons.addButton(self.tr("&Server database…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.server_button.setToolTip(self.tr("Connect to the district's database on a "
                                              "server instead of this PC's file"))
        self.server_button.clicked.connect(self.connect_server)
        layout = QVBoxLayout(self)
        layout.addWidget(self.database_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password if self.login.text() else self.login).setFocus()

    def accept(self) -> None:
        """Open the database as the user; stay open with a message when refused."""
        login, password = self.login.text().strip(), self.password.text()

        def open_as_user(progress) -> Services:
            services = login_services(self.path, login, password, clock=self.clock)
            services.db.close()  # this thread's connection; the GUI thread opens its own
            return services

        # Off the GUI thread: the password hash is slow on purpose, and the first opening
        # after an update may migrate a large database (seconds, behind a progress dialog).
        job = run_job(open_as_user, parent=self, title=self.tr("Opening the database…"),
                      lang=self.lang, cancellable=False, on_error=lambda exc: None)
        wait_for(job)
        error = user_error(job.error, self.path) if job.error is not None else None
        if isinstance(error, InspectorError):  # a wrong password, a read-only folder...
            self.message.setText(error.message(self.lang))
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            return
        if job.error is not None:
            raise job.error
        services = job.result
        if services.session.must_change_password:
            change = ChangePasswordDialog(services, self.lang, self, old_password=password,
                                          required=True)
            if change.exec() != QDialog.DialogCode.Accepted:
                services.db.close()
                self.password.clear()
                return
        self.services = services
        LAST_LOGIN.write(self.settings, login.lower())
        SERVER_AT_START.write(self.settings, False)  # this PC's file: no server first
        super().accept()


    def connect_server(self) -> None:
        """Work on the district's server database instead (:mod:`ui.server_dialog`)."""
        from ui.server_dialog import ServerConnectDialog

        dialog = ServerConnectDialog(self.settings, self.lang, self, clock=self.clock)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.server = dialog.connection
            self.services = dialog.connection.services
            super().accept()


class ChangePasswordDialog(QDialog):
    """The logged-in user replaces their password (the current one is asked); once accepted,
    :attr:`changes` holds what the change wrote (the account)."""

    def __init__(self, services: Services, lang: str, parent: QWidget | None = None, *,
                 old_password: str | None = None, required: bool = False):
        super().__init__(parent)
        self.services = services
        self.lang = lang
        self.changes = Changes()
        self.setWindowTitle(self.tr("Change password"))
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setText(
            self.tr("Your password was reset by the administrator. Choose a new one to "
                    "continue.") if required else
            self.tr("At least 8 characters; it must not contain your login."))
        self.old = QLineEdit(old_password or "", self)
        self.new = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for edit in (self.old, self.new, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = _message_label(self)
        form = QFormLayout()
        self.old_label = QLabel(self.tr("Current password:"), self)
        form.addRow(self.old_label, self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("New password again:"), self.repeat)
        self.old_label.setVisible(old_password is None)
        self.old.setVisible(old_password is None)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        (self.new if old_password is not None else self.old).setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def accept(self) -> None:
        if self.new.text() != self.repeat.text():
            self._say(self.tr("The new passwords do not match."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        try:
            _staff, self.changes = self.services.run(self.services.staff.change_own_password,
                                                     self.old.text(), self.new.text())
        except ValidationError as exc:
            self._say("\n".join(error.message(self.lang) for error in exc.errors))
            return
        except InspectorError as exc:
            self._say(exc.message(self.lang))
            return
        super().accept()
