"""What guards an open session on any real database, a file's or a server's: the idle lock
(:class:`ui.idle_lock.IdleLock`), File → Change password… and File → Lock (Ctrl+L).

A district operator on a server database leaves the window open as a point's inspector does;
the window shows citizens' records either way. Backups and the health check are the file's
own (:mod:`ui.protection`); a server database is backed up on the server
(``inspector-cli --db URL backup``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from ui.icons import icon
from ui.idle_lock import IdleLock
from ui.login_dialog import ChangePasswordDialog


class SessionGuard(QObject):
    """The idle lock and the Lock and Change password actions of one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.idle_lock = IdleLock(self.ctx, window)
        self.password_action = QAction(icon("lock"), "", self)
        self.password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(icon("lock"), "", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.idle_lock.lock_now)
        window.add_file_actions([self.password_action, self.lock_action])
        window.close_hooks.append(self.idle_lock.uninstall)
        self.ctx.sig_language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        self.password_action.setText(self.tr("Change &password…"))
        self.lock_action.setText(self.tr("&Lock"))

    def start(self) -> None:
        """After the window is shown: the idle lock watches the application's input."""
        self.idle_lock.install()

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.ctx.services, self.ctx.lang, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ctx.notify_changed(dialog.changes)
