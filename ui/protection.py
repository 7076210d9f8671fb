"""The shell's data-protection wiring for a real (not demo) database.

- File menu: Back up now…, Restore from a backup…;
- automatic backups: daily while the program runs and on exit after changes
  (:class:`ui.backup_dialogs.AutoBackup`);
- the start health check, run in the background once the window is shown (``quick_check``
  reads the whole file: 1.7 s for a 1.4 GB region database, so it must not delay start-up);
  a damaged file offers the latest good backup, and from then on the session only reads
  (every save is refused with a message) until the file is restored;
- for an encrypted database, a question when the backup folder still holds backups made
  before the encryption: encrypt them, delete them, or later.

The idle lock, Lock and Change password guard a server database's window too: they are
:mod:`ui.session_guard`'s.

A restore needs the database closed: the window closes, ``ui.app.main`` calls
:meth:`Protection.finish` after closing the database (the restore destroys again what the list
of destroyed records names, and says so), and the program starts again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from inspector_app.domain.permissions import Action
from inspector_app.errors import DatabaseDamaged, InspectorError
from inspector_app.faults import record_damage
from inspector_app.messages import translate
from inspector_app.protection import backup
from inspector_app.protection.backup import BackupInfo, HealthReport
from inspector_app.services.redestruction import restore_keeping_erasure
from ui.backup_dialogs import (
    AutoBackup,
    BackupNowDialog,
    DamagedDatabaseDialog,
    RestoreDialog,
    backup_folder,
)
from ui.errors import show_error
from ui.icons import icon
from ui.worker import run_job


class Protection(QObject):
    """Backups, restore and the health check of one main window's database file."""

    def __init__(self, window, db_path: str | Path):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.db_path = Path(db_path)
        keyring = getattr(self.ctx.services, "keyring", None)
        self.key: bytes | None = keyring.key if keyring is not None else None
        self.pending_restore: BackupInfo | None = None
        self.restart_requested = False
        self.auto_backup = AutoBackup(self.ctx, self.db_path, self.key, parent=self)
        self.health_job = None
        self.secure_job = None

        self.backup_action = QAction(icon("backup"), "", self)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction("", self)
        self.restore_action.triggered.connect(self.restore)
        self._offer_restore()
        window.file_menu.aboutToShow.connect(self._offer_restore)  # the session may change
        window.add_file_actions([self.backup_action, self.restore_action])
        window.close_hooks.append(self.on_close)
        self.ctx.sig_language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        self.backup_action.setText(self.tr("&Back up now…"))
        self.restore_action.setText(self.tr("Restore from a &backup…"))

    # -- start and stop -------------------------------------------------------------------
    def start(self) -> None:
        """After the window is shown: backups, the health check in the background.

        Damage seen before (by ``check``, a backup, an earlier session) is reported at once,
        without waiting for the check; a damaged file gets no automatic backups."""
        damage = self._damage()
        if damage is not None:
            self._health_checked(HealthReport(False, "backup.db_damaged",
                                              damage.params.get("detail", "")))
            return
        self.tell_erasure_at_open()
        self.offer_to_secure_plain_backups()
        if self.secure_job is not None and not self.secure_job.finished:
            # not two jobs in one backup folder: the day's backup once the old ones are dealt with
            self.secure_job.sig_finished.connect(lambda: self.auto_backup.start())
        else:
            self.auto_backup.start()
        path, key = self.db_path, self.key
        self.health_job = run_job(lambda progress: backup.health_check(path, key),
                                  show_progress=False, on_done=self._health_checked,
                                  on_error=lambda exc: None)

    def tell_erasure_at_open(self) -> None:
        """What the open did with the list of destroyed records: a damaged list is named (no
        destruction or restore until it is dealt with); records destroyed again are counted."""
        services = self.ctx.services
        if services.erasure_problem is not None:
            show_error(self.window, services.erasure_problem, self.ctx.lang)
        elif services.reapplied is not None:
            again = services.reapplied
            QMessageBox.information(self.window, self.tr("Destroyed records"), translate(
                "erasure.reapplied_at_open", self.ctx.lang, count=len(again.ids),
                ledger=again.ledger, entry=again.audit_entry))

    def _damage(self) -> DatabaseDamaged | None:
        return getattr(self.ctx.services.db, "damaged", None)

    def on_close(self) -> None:
        """The window closes: the exit backup (skipped when a restore replaces the file,
        and for a damaged file)."""
        if self.pending_restore is None and self._damage() is None:
            self.auto_backup.on_exit()

    def finish(self) -> None:
        """Called with the database closed: carry out a chosen restore."""
        if self.pending_restore is None:
            return
        try:
            _kept, again = restore_keeping_erasure(self.pending_restore.path, self.db_path,
                                                   clock=self.ctx.services.clock, key=self.key)
        except InspectorError as exc:
            show_error(None, exc, self.ctx.lang)
            return
        if again is not None:  # records destroyed after the backup: destroyed again
            QMessageBox.information(None, self.tr("Restore from a backup"), translate(
                "restore.reapplied", self.ctx.lang, count=len(again.ids), ledger=again.ledger,
                entry=again.audit_entry))
        self.restart_requested = True

    def offer_to_secure_plain_backups(self) -> None:
        """Backups made before the encryption hold the data in plaintext: ask what to do."""
        if self.key is None:
            return
        folder = backup_folder(self.ctx.settings)
        left = backup.plain_backups(folder, self.ctx.services.point_code)
        if not left:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unencrypted backups"),
                          self.tr("The database is encrypted, but %n backup(s) made before "
                                  "the encryption still hold its data unencrypted in %1. "
                                  "Encrypt them now, or delete them?", "", len(left))
                          .replace("%1", str(folder)), QMessageBox.StandardButton.NoButton,
                          self.window)
        encrypt = box.addButton(self.tr("Encrypt them"), QMessageBox.ButtonRole.AcceptRole)
        delete = box.addButton(self.tr("Delete them"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(encrypt)
        box.exec()
        if box.clickedButton() not in (encrypt, delete):
            return
        db_path, code, key = self.db_path, self.ctx.services.point_code, self.key
        remove = box.clickedButton() is delete
        self.secure_job = run_job(
            lambda progress: backup.secure_plain_backups(db_path, folder, code, key,
                                                         delete=remove),
            parent=self.window, title=self.tr("Securing the old backups…"),
            lang=self.ctx.lang, cancellable=False, on_done=self._plain_backups_secured)

    def _plain_backups_secured(self, done: list) -> None:
        QMessageBox.information(self.window, self.tr("Unencrypted backups"),
                                self.tr("Backups dealt with: %n.", "", len(done)))

    # -- actions --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        BackupNowDialog(self.ctx, self.db_path, self.window, key=self.key).exec()

    def restore(self) -> None:
        if not self._may_restore():
            return
        dialog = RestoreDialog(self.ctx, self.db_path, self.window, key=self.key)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() is not None:
            self._restore_and_restart(dialog.chosen(), ask=True)

    def _offer_restore(self) -> None:
        """Restore is offered to the roles the core lets restore (its own check still runs)."""
        self.restore_action.setEnabled(self.ctx.services.can(Action.RESTORE))

    def _may_restore(self) -> bool:
        """The core's rule (the administrator's right); a refusal is explained."""
        try:
            backup.require_restore_right(self.ctx.services)
        except InspectorError as exc:
            show_error(self.window, exc, self.ctx.lang)
            return False
        return True

    def _restore_and_restart(self, info: BackupInfo, *, ask: bool) -> None:
        if not self._may_restore():
            return
        if ask:
            answer = QMessageBox.question(
                self.window, self.tr("Restore from a backup"),
                self.tr("The program closes, puts the backup in place of the database (the "
                        "current file is kept beside it) and starts again. Continue?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.pending_restore = info
        self.window.close()

    def _health_checked(self, report) -> None:
        if report.ok:
            return
        if self._damage() is None:  # from now on nothing is written into the damaged file
            record_damage(self.db_path, report.detail)
            self.ctx.services.db.refuse_writes(
                DatabaseDamaged(path=str(self.db_path), detail=report.detail))
            self.auto_backup.timer.stop()
        folder = backup_folder(self.ctx.settings)
        offered = backup.latest_good_backup(folder, self.ctx.services.point_code, self.key)
        dialog = DamagedDatabaseDialog(self.ctx.lang, report, offered, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() is not None:
            self._restore_and_restart(dialog.chosen(), ask=False)
