"""Handing over the recovery key of a newly encrypted database.

The key exists only at this moment, so the dialog explains first what it is for, shows it (to
be written down), offers to save the recovery sheet as a PDF to print, and closes only once
the user confirms that the key is on paper. The file dialog opens only when asked for.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.protection.recovery_sheet import write_recovery_sheet
from ui.icons import icon

_ERROR_STYLE = "color: #b3261e;"


class RecoverySheetDialog(QDialog):
    """Explain, show the key, save the sheet on request, close once the key is on paper."""

    def __init__(self, recovery_key: str, *, point_code: str, point_name: str,
                 database_file: str, created_at: datetime, lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.sheet = {"point_code": point_code, "point_name": point_name,
                      "database_file": database_file, "created_at": created_at, "lang": lang}
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Recovery key"))
        explanation = QLabel(self.tr(
            "The database is now encrypted: it opens only with an account's password. If every "
            "password is lost, only this recovery key opens it, and the program shows it only "
            "now.\n\n"
            "1. Save the recovery sheet as a PDF and print it, or write the key down by hand.\n"
            "2. Keep the paper in the point's safe.\n"
            "3. Delete the PDF file once it is printed."), self)
        explanation.setWordWrap(True)
        key_label = QLabel(self.tr("Recovery &key:"), self)
        self.key_view = QLineEdit(recovery_key, self)
        self.key_view.setReadOnly(True)
        self.key_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key_view.setAccessibleName(self.tr("Recovery key"))
        key_label.setBuddy(self.key_view)
        self.save_button = QPushButton(icon("save"), self.tr("&Save the sheet as PDF…"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(lambda *_args: self.save_sheet())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        self.confirm = QCheckBox(self.tr("I have &printed the sheet or written the key down, "
                                         "and it goes to the point's safe"), self)
        self.done_button = QPushButton(self.tr("&Done"), self)
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(lambda *_args: self.accept())
        self.confirm.toggled.connect(self.done_button.setEnabled)

        key_row = QHBoxLayout()
        key_row.addWidget(key_label)
        key_row.addWidget(self.key_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(key_row)
        layout.addWidget(self.status)
        layout.addWidget(self.confirm)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.save_button.setFocus()

    def suggested_path(self) -> Path:
        return Path.home() / f"recovery-sheet-{self.sheet['point_code']}.pdf"

    def save_sheet(self) -> Path | None:
        """Ask where, then write the sheet; the outcome is said in the dialog."""
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery sheet"),
                                                str(self.suggested_path()),
                                                self.tr("PDF (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_recovery_sheet(path, self.recovery_key, **self.sheet)
        except OSError as exc:
            self._say(self.tr("The sheet could not be saved to %1: %2. Choose another folder, "
                              "or write the key down.").replace("%1", str(path))
                      .replace("%2", exc.strerror or str(exc)), error=True)
            return None
        self.saved_path = path
        self._say(self.tr("The sheet was saved to %1. Print it now, then delete the file.")
                  .replace("%1", str(path)))
        return path

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(_ERROR_STYLE if error else "")
        self.status.show()

    def reject(self) -> None:
        """Esc or the window's close button: not before the key is on paper."""
        if not self.confirm.isChecked():
            self._say(self.tr("Tick the box once the key is on paper: it cannot be shown "
                              "again."), error=True)
            return
        super().reject()
