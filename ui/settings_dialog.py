"""Settings: the language (applied at once), the МРП table, reception hours, backup folder,
the idle lock.

Two tiers, as everywhere in the client: what belongs to this PC (language, backup folder,
window state) lives in ``QSettings``; what belongs to the point (reception hours) is saved in
the database through the core's point service and travels with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.permissions import Action
from inspector_app.errors import InspectorError
from ui.context import UiContext
from ui.errors import show_error
from ui.i18n import LANGUAGE_NAMES
from ui.settings import BACKUP_FOLDER, IDLE_MINUTES, LANGUAGE

"""Per-PC folder for database backups (the backup feature reads it)."""


class SettingsDialog(QDialog):
    """Language, МРП table, reception hours and backup folder."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        services = ctx.services
        self.point = services.points.current()

        self.language_box = QGroupBox(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(ctx.lang))
        self.language.currentIndexChanged.connect(self._language_picked)
        self.language_hint = QLabel(self)
        self.language_hint.setWordWrap(True)
        language_layout = QVBoxLayout(self.language_box)
        language_layout.addWidget(self.language)
        language_layout.addWidget(self.language_hint)

        self.point_box = QGroupBox(self)
        self.reception_hours = QLineEdit(self.point.reception_hours, self)
        self.reception_hours.setEnabled(services.can(Action.EDIT_PROFILE, "point"))
        self.reception_label = QLabel(self)
        point_form = QFormLayout(self.point_box)
        point_form.addRow(self.reception_label, self.reception_hours)

        self.backup_box = QGroupBox(self)
        self.backup_folder = QLineEdit(BACKUP_FOLDER.read(ctx.settings), self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        backup_row = QHBoxLayout(self.backup_box)
        backup_row.addWidget(self.backup_folder, 1)
        backup_row.addWidget(self.browse)

        self.security_box = QGroupBox(self)
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setValue(int(IDLE_MINUTES.read(ctx.settings)))
        self.idle_label = QLabel(self)
        security_form = QFormLayout(self.security_box)
        security_form.addRow(self.idle_label, self.idle_minutes)

        self.mrp_box = QGroupBox(self)
        self.mrp = QTableWidget(0, 2, self)
        self.mrp.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mrp.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mrp.verticalHeader().hide()
        self.mrp.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mrp_note = QLabel(self)
        self.mrp_note.setWordWrap(True)
        mrp_layout = QVBoxLayout(self.mrp_box)
        mrp_layout.addWidget(self.mrp)
        mrp_layout.addWidget(self.mrp_note)
        self._fill_mrp()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        for box in (self.language_box, self.point_box, self.backup_box, self.security_box):
            left.addWidget(box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.mrp_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(760, 420)

    def _fill_mrp(self) -> None:
        table = self.ctx.services.catalogues.mrp_table()
        self.mrp.setRowCount(len(table))
        locale = QLocale()
        for row, (year, amount) in enumerate(sorted(table.items(), reverse=True)):
            self.mrp.setItem(row, 0, QTableWidgetItem(str(year)))
            self.mrp.setItem(row, 1, QTableWidgetItem(locale.toString(amount) + " ₸"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_box.setTitle(self.tr("Language"))
        self.language_hint.setText(self.tr("The program switches at once; the choice is "
                                           "remembered on this computer."))
        self.point_box.setTitle(self.tr("Point (saved in the database)"))
        self.reception_label.setText(self.tr("Reception hours:"))
        self.backup_box.setTitle(self.tr("Backup folder (this computer)"))
        self.backup_folder.setPlaceholderText(self.tr("For example, a USB stick or a "
                                                      "network folder"))
        self.browse.setText(self.tr("Browse…"))
        self.security_box.setTitle(self.tr("Security (this computer)"))
        self.idle_label.setText(self.tr("Lock after minutes without use:"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.mrp_box.setTitle(self.tr("MRP by year"))
        self.mrp.setHorizontalHeaderLabels([self.tr("Year"), self.tr("MRP, tenge")])
        self.mrp_note.setText(self.tr("The table comes from the district office with the "
                                      "reference data; fines are shown in tenge at the MRP "
                                      "of the offence's year."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_picked(self) -> None:
        lang = self.language.currentData()
        LANGUAGE.write(self.ctx.settings, lang)
        self.ctx.set_language(lang)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def accept(self) -> None:
        """Save the reception hours (database) and the backup folder (this PC)."""
        hours = self.reception_hours.text().strip()
        if self.reception_hours.isEnabled() and hours != self.point.reception_hours:
            try:
                services = self.ctx.services
                _point, changes = services.run(services.points.update, self.point.id,
                                               {"reception_hours": hours}, self.point.row_version)
            except InspectorError as exc:
                show_error(self, exc, self.ctx.lang)
                return
            self.ctx.notify_changed(changes)
        BACKUP_FOLDER.write(self.ctx.settings, self.backup_folder.text().strip())
        guard = getattr(self.parent(), "guard", None)
        if guard is not None:
            guard.idle_lock.set_minutes(self.idle_minutes.value())
        else:
            IDLE_MINUTES.write(self.ctx.settings, self.idle_minutes.value())
        super().accept()
