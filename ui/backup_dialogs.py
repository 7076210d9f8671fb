"""Backups in the GUI: "Back up now" with progress, the restore chooser, the damaged-database
notice at start, and the automatic daily / on-exit backup.

The shell wires them up:

- ``BackupNowDialog(ctx, db_path, parent, key=None).exec()`` from a menu action.
- ``RestoreDialog(ctx, db_path, parent, key=None)``: when accepted, ``chosen()`` is the
  verified :class:`BackupInfo`; the shell closes the database, calls
  ``inspector_app.services.redestruction.restore_keeping_erasure(info.path, db_path,
  key=key)`` (records destroyed after the backup are destroyed again) and reopens.
- At start, before opening: ``report = backup.health_check(path)``; if not ``report.ok``:
  ``DamagedDatabaseDialog(lang, report, backup.latest_good_backup(folder), parent)``; when it
  is accepted, restore ``dialog.chosen()`` as above (its "Choose another" opens the chooser).
- ``AutoBackup(ctx, db_path, key=None, parent=window)``: ``start()`` after the main window is
  shown (checks hourly, backs up once a day off the GUI thread); ``on_exit()`` in
  ``closeEvent`` (backs up if anything changed since the newest backup).

``key`` is the database key of an encrypted database (``services.keyring.key``), else None.
The folder is the per-PC setting ``backup/folder`` (the settings dialog edits it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import QTimer as _QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError
from inspector_app.messages import translate
from inspector_app.protection import backup
from inspector_app.protection.backup import BackupInfo, HealthReport
from ui.errors import show_error
from ui.settings import BACKUP_FOLDER
from ui.worker import run_job

AUTO_CHECK_MS = 60 * 60 * 1000
Index = QModelIndex | QPersistentModelIndex


def backup_folder(settings) -> Path:
    """The chosen backup folder, or the default one in the user's data folder."""
    value = BACKUP_FOLDER.read(settings)
    return Path(value) if value else backup.default_backup_folder()


def _folder_row(owner: QWidget, folder: Path) -> tuple[QLineEdit, QHBoxLayout]:
    # A fixed context, not ``owner.tr()``: lupdate files that under the context "owner" while
    # at run time it is looked up under the dialog's class, so it never found its translation.
    edit = QLineEdit(str(folder), owner)
    browse = QPushButton(QCoreApplication.translate("BackupFolder", "Choose…"), owner)

    def choose() -> None:
        title = QCoreApplication.translate("BackupFolder", "Backup folder")
        chosen = QFileDialog.getExistingDirectory(owner, title, edit.text())
        if chosen:
            edit.setText(chosen)
            edit.editingFinished.emit()

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(QLabel(QCoreApplication.translate("BackupFolder", "Folder:"), owner))
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return edit, row


def describe(info: BackupInfo, lang: str) -> str:
    """Date and record counts of a backup, as a sentence of the core's catalogue."""
    counts = info.counts
    return translate("restore.summary", lang, date=info.created_at.strftime("%d.%m.%Y %H:%M"),
                     point=info.point_code, records=info.records,
                     persons=counts.get("person", 0), appeals=counts.get("appeal", 0),
                     offences=counts.get("offence", 0))


class BackupNowDialog(QDialog):
    """Choose the folder, press "Back up now", watch the progress, read the result."""

    def __init__(self, ctx, db_path: str | Path, parent: QWidget | None = None,
                 key: bytes | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db_path = Path(db_path)
        self.key = key
        self.job = None
        self.result_info: BackupInfo | None = None
        self.setWindowTitle(self.tr("Back up now"))
        self.folder, folder_row = _folder_row(self, backup_folder(ctx.settings))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("The copy is made while you work and checked after "
                                     "writing."), self)
        self.status.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Back up now"), self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def start(self) -> None:
        """Run the backup off the GUI thread; the bar follows the copied pages."""
        folder = Path(self.folder.text().strip() or backup.default_backup_folder())
        BACKUP_FOLDER.write(self.ctx.settings, str(folder))
        self.start_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Backing up…"))
        db_path, key, clock = self.db_path, self.key, self.ctx.services.clock
        self.job = run_job(
            lambda progress: backup.create_backup(db_path, folder, clock=clock, key=key,
                                                  reason="manual", progress=progress),
            parent=self, show_progress=False, on_done=self._done, on_error=self._failed,
            lang=self.ctx.lang)
        self.job.sig_progress.connect(self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total) if total else 0)

    def _done(self, info: BackupInfo) -> None:
        self.result_info = info
        self.progress.setValue(100)
        self.start_button.setEnabled(True)
        self.status.setText(translate("backup.done", self.ctx.lang, path=info.path,
                                      date=info.created_at.strftime("%d.%m.%Y %H:%M"),
                                      records=info.records))

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.progress.setValue(0)
        if isinstance(exc, InspectorError):
            self.status.setText(exc.message(self.ctx.lang))
        else:
            self.status.setText(self.tr("The backup failed."))
            show_error(self, exc, self.ctx.lang)


class BackupListModel(QAbstractTableModel):
    """The backups of a folder (a short list: the rotation keeps at most 23)."""

    def __init__(self, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self.items: list[BackupInfo] = []

    def set_items(self, items: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Point"), self.tr("Records"), self.tr("Persons"),
                self.tr("Appeals"), self.tr("Protocols"), self.tr("Size, MB"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return self.headers()[section]
        return section + 1 if orientation == Qt.Orientation.Vertical else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        info = self.items[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        counts = info.counts
        values = (info.created_at.strftime("%d.%m.%Y %H:%M"), info.point_code,
                  info.records if counts else "", counts.get("person", ""),
                  counts.get("appeal", ""), counts.get("offence", ""),
                  f"{info.size / 1_048_576:.1f}")
        return values[index.column()] if 0 <= index.column() < 7 else None


class RestoreDialog(QDialog):
    """Pick a backup: its date and record counts are shown; it is verified before accepting."""

    def __init__(self, ctx, db_path: str | Path, parent: QWidget | None = None,
                 key: bytes | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db_path = Path(db_path)
        self.key = key
        self._chosen: BackupInfo | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.folder, folder_row = _folder_row(self, folder or backup_folder(ctx.settings))
        self.folder.editingFinished.connect(self.reload)
        self.model = BackupListModel(ctx.lang, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 130)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self.view.doubleClicked.connect(lambda _index: self.restore())
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        note = QLabel(self.tr("The current database is kept beside it before it is replaced."),
                      self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(self.tr("Restore…"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.clicked.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.reload()

    def reload(self) -> None:
        """List the backups of the chosen folder, newest first."""
        self.model.set_items(backup.list_backups(Path(self.folder.text().strip())))
        if self.model.rowCount():
            self.view.selectRow(0)
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        if not self.model.rowCount():
            self.details.setText(translate("backup.none", self.ctx.lang,
                                           folder=self.folder.text()))

    def selected(self) -> BackupInfo | None:
        row = self.view.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if 0 <= current.row() < len(self.model.items):
            self.details.setText(describe(self.model.items[current.row()], self.ctx.lang))

    def restore(self) -> None:
        """Verify the selected backup, ask once more, and accept with it as the choice."""
        info = self.selected()
        if info is None:
            return
        try:
            checked = backup.describe_backup(info.path, self.key if info.encrypted else None)
        except InspectorError as exc:
            self.details.setText(exc.message(self.ctx.lang))
            return
        answer = QMessageBox.question(
            self, self.tr("Restore from a backup"),
            describe(checked, self.ctx.lang) + "\n\n"
            + self.tr("Replace the current database with this backup?"))
        if answer == QMessageBox.StandardButton.Yes:
            self._chosen = checked
            self.accept()

    def chosen(self) -> BackupInfo | None:
        """The verified backup to restore (after the dialog was accepted)."""
        return self._chosen


class DamagedDatabaseDialog(QDialog):
    """At start: the database is damaged; explain, and offer the latest good backup."""

    def __init__(self, lang: str, report: HealthReport, offered: BackupInfo | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self._chosen = offered
        self.setWindowTitle(self.tr("The database is damaged"))
        text = translate(report.code or "backup.db_damaged", lang, detail=report.detail,
                         path=report.detail)
        self.explanation = QLabel(text, self)
        self.explanation.setWordWrap(True)
        if offered is not None:
            offer = self.tr("The latest good backup:") + "\n" + describe(offered, lang)
        else:
            offer = self.tr("No good backup was found. Choose a backup file, or ask the "
                            "district office for help; the damaged file is left untouched.")
        self.offer = QLabel(offer, self)
        self.offer.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(self.tr("Restore this backup"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(offered is not None)
        self.restore_button.clicked.connect(self.accept)
        self.choose_button = self.buttons.addButton(self.tr("Choose another backup…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.clicked.connect(self.choose_other)
        quit_button = self.buttons.addButton(self.tr("Quit"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.offer)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def choose_other(self) -> None:
        """Pick any backup file (e.g. on another USB stick)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Backup file"), "",
                                              self.tr("Backups (*.db)"))
        if not path:
            return
        try:
            self._chosen = backup.describe_backup(path)
        except InspectorError as exc:
            self.offer.setText(exc.message(self.lang))
            return
        self.offer.setText(describe(self._chosen, self.lang))
        self.restore_button.setEnabled(True)

    def chosen(self) -> BackupInfo | None:
        return self._chosen


class AutoBackup(QObject):
    """The automatic backups: once a day while the app runs, and on exit after changes."""

    def __init__(self, ctx, db_path: str | Path, key: bytes | None = None,
                 parent: QObject | None = None, interval_ms: int = AUTO_CHECK_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.db_path = Path(db_path)
        self.key = key
        self.last: BackupInfo | None = None
        self.last_error: BaseException | None = None
        self.job = None
        self.timer = _QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Check now and then every hour."""
        self.timer.start()
        self.check()

    def check(self) -> None:
        """Back up off the GUI thread if no backup was made today."""
        if self.job is not None and not self.job.finished:
            return
        folder = backup_folder(self.ctx.settings)
        db_path, key, clock = self.db_path, self.key, self.ctx.services.clock
        self.job = run_job(
            lambda progress: backup.backup_if_due(db_path, folder, clock=clock, key=key,
                                                  reason="daily", progress=progress),
            show_progress=False, on_done=self._done, on_error=self._failed)

    def on_exit(self) -> BackupInfo | None:
        """Back up now if anything changed since the newest backup (called on close)."""
        self.timer.stop()
        if self.job is not None:
            self.job.wait()
        try:
            info = backup.backup_if_due(self.db_path, backup_folder(self.ctx.settings),
                                        clock=self.ctx.services.clock, key=self.key,
                                        reason="exit")
        except InspectorError as exc:  # a missing USB stick must not stop the app closing
            self.last_error = exc
            return None
        if info is not None:
            self.last = info
        return info

    def _done(self, info: BackupInfo | None) -> None:
        if info is not None:
            self.last = info

    def _failed(self, exc: BaseException) -> None:
        self.last_error = exc
