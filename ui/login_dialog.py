"""The login dialog: login and password, and a clear message when they do not match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError
from inspector_app.services.context import Services
from ui.icons import app_icon

LAST_LOGIN_KEY = "login/last"


class LoginDialog(QDialog):
    """Asks for login and password; on success ``services`` act as that user."""

    def __init__(self, services: Services, settings, lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.lang = lang
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Log in"))

        point = services.points.current()
        self.point_label = QLabel(f"<b>{point.name}</b> ({point.code})", self)
        self.point_label.setTextFormat(Qt.TextFormat.RichText)
        self.login = QLineEdit(str(settings.value(LAST_LOGIN_KEY, "") or ""), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.point_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password if self.login.text() else self.login).setFocus()

    def accept(self) -> None:
        """Check the password; stay open with a message when it is wrong."""
        try:
            self.services.login(self.login.text(), self.password.text())
        except InspectorError as exc:
            self.message.setText(exc.message(self.lang))
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.settings.setValue(LAST_LOGIN_KEY, self.login.text().strip().lower())
        super().accept()
