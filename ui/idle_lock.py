"""Locking the app after a configurable idle time; the password unlocks it again.

Use (the shell, after the main window is shown and a user logged in)::

    lock = IdleLock(ctx, window)          # minutes from settings "security/idle_minutes"
    lock.install()                        # watches the whole application's input
    lock.set_minutes(5)                   # e.g. from the settings dialog; 0 switches it off
    lock.lock_now()                       # e.g. a "Lock" menu action (Ctrl+L)

When the time passes without keyboard or mouse input, the main window (and every other
window of the app) is hidden and :class:`UnlockDialog` asks the logged-in officer's password.
Wrong passwords go through the core's throttling (pause, then a temporary lock) and the wait
is shown. ``sig_locked`` / ``sig_unlocked`` tell the shell; "Quit" closes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import AuthenticationFailed, InspectorError
from ui.settings import IDLE_MINUTES

_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                       QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class UnlockDialog(QDialog):
    """The logged-in officer types their password to go back to work."""

    sig_unlocked = Signal()
    sig_quit = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                         | Qt.WindowType.WindowTitleHint)
        self.ctx = ctx
        session = ctx.services.session
        self.login = session.login if session else ""
        self.setWindowTitle(self.tr("The program is locked"))
        self.setModal(True)
        who = QLabel(self.tr("Locked after inactivity. Password of %1:").replace(
            "%1", f"{session.full_name} ({self.login})" if session else ""), self)
        who.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(self)
        self.unlock_button = self.buttons.addButton(self.tr("Unlock"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        quit_button = self.buttons.addButton(self.tr("Quit"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        quit_button.clicked.connect(self._quit)
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(lambda: self.unlock_button.setEnabled(True))
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def try_unlock(self) -> None:
        """Check the password (throttled by the core); unlock on success."""
        if not self.unlock_button.isEnabled():
            return
        try:
            self.ctx.services.login(self.login, self.password.text())
        except AuthenticationFailed as exc:
            self.password.clear()
            self.message.setText(exc.message(self.ctx.lang))
            wait = int(exc.params.get("retry_after", 0))
            if wait > 0:
                self.unlock_button.setEnabled(False)
                self._wait.start(wait * 1000)
            return
        except InspectorError as exc:
            self.message.setText(exc.message(self.ctx.lang))
            return
        self.password.clear()
        self.message.clear()
        self.accept()
        self.sig_unlocked.emit()

    def _quit(self) -> None:
        self.reject()
        self.sig_quit.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()  # only the password or "Quit" leave this dialog

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            return  # Escape must not bypass the lock
        super().keyPressEvent(event)


class IdleLock(QObject):
    """An application-wide event filter and a timer that lock ``window`` when idle."""

    sig_locked = Signal()
    sig_unlocked = Signal()

    def __init__(self, ctx, window: QWidget, minutes: int | None = None,
                 parent: QObject | None = None):
        super().__init__(parent or window)
        self.ctx = ctx
        self.window = window
        self.locked = False
        self.dialog: UnlockDialog | None = None
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock_now)
        if minutes is None:
            minutes = int(IDLE_MINUTES.read(ctx.settings))
        self.set_minutes(minutes)

    def install(self) -> None:
        """Start watching input to the whole application."""
        QApplication.instance().installEventFilter(self)
        self._restart()

    def uninstall(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.timer.stop()

    def set_minutes(self, minutes: float) -> None:
        """Idle time before locking (0: never); saved as this PC's setting."""
        IDLE_MINUTES.write(self.ctx.settings, minutes)
        self.set_interval_ms(int(minutes * 60_000))

    def set_interval_ms(self, milliseconds: int) -> None:
        self.interval_ms = max(0, milliseconds)
        self._restart()

    def _restart(self) -> None:
        if self.locked or self.interval_ms <= 0 or self.ctx.services.session is None:
            self.timer.stop()
            return
        self.timer.start(self.interval_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.locked and event.type() in _ACTIVITY:
            self.timer.start() if self.timer.isActive() else self._restart()
        return False

    def lock_now(self) -> None:
        """Hide every window of the app and ask for the password."""
        if self.locked or self.ctx.services.session is None:
            return
        self.locked = True
        self.timer.stop()
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w.isVisible() and not isinstance(w, UnlockDialog)]
        for widget in self._hidden:
            widget.hide()
        self.dialog = UnlockDialog(self.ctx)
        self.dialog.sig_unlocked.connect(self._unlocked)
        self.dialog.sig_quit.connect(self._quit)
        self.dialog.show()
        self.dialog.password.setFocus()
        self.sig_locked.emit()

    def _unlocked(self) -> None:
        self.locked = False
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.dialog.deleteLater()
        self.dialog = None
        self._restart()
        self.sig_unlocked.emit()

    def _quit(self) -> None:
        self._hidden = []
        self.dialog.deleteLater()
        self.dialog = None
        self.window.close()
