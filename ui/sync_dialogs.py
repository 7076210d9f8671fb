"""Sync by file in the GUI: export for the district office, and batch import of packages.

- :class:`ExportPanel` (a point): the trusted district key (and trusting one from its key
  file), this point's own fingerprint, the last acknowledgement, a folder, "Full export", and
  the export itself off the GUI thread. :class:`ExportDialog` wraps it for File → Export.
- :class:`ImportPanel` (both kinds of database): pick package files or a whole folder, import
  them off the GUI thread with progress; points not enrolled yet are shown with their key
  fingerprint and enrolled only when the operator confirms; a report row per file, and the
  receipts written for the points. :class:`ImportDialog` wraps it.

Both take ``(ctx: UiContext, parent=None)``. Every text of the core comes from its catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.permissions import Action
from inspector_app.errors import InspectorError
from inspector_app.sync import restored, state
from inspector_app.sync.errors import SyncError
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files, package_files, peek
from inspector_app.sync.keys import keys_of, read_public_key_file
from inspector_app.sync.receipts import last_acknowledged
from inspector_app.sync.results import DUPLICATE, IMPORTED
from inspector_app.sync.trust import trust_key_file
from ui.errors import error_text, show_error
from ui.icons import icon
from ui.settings import SYNC_EXPORT_FOLDER, SYNC_IMPORT_FOLDER
from ui.worker import run_job

WARNING_COLOUR = QColor("#fff3cd")
REFUSED_COLOUR = QColor("#f8d7da")


def _local(ctx, moment):
    """A stored UTC moment in the PC's local time."""
    clock = ctx.services.clock
    return moment + (clock.now_local() - clock.now_utc())


class ExportPanel(QWidget):
    """Export for the district office (see the module's description)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.last_result = None
        self.district_label = QLabel(self)
        self.district_label.setWordWrap(True)
        self.trust_button = QPushButton(icon("lock"), self.tr("Load the district's key…"), self)
        self.trust_button.clicked.connect(self.choose_key_file)
        self.own_label = QLabel(self)
        self.own_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ack_label = QLabel(self)
        self.folder = QLineEdit(SYNC_EXPORT_FOLDER.read(ctx.settings), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.full = QCheckBox(self.tr("Everything, not only the changes since the last "
                                      "acknowledgement"), self)
        self.after_restore = QCheckBox(self.tr("Restored from a backup, and nothing was sent "
                                               "to the district after that backup"), self)
        self.export_button = QPushButton(icon("export"), self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("District office:"), self.district_label)
        form.addRow("", self.trust_button)
        form.addRow(self.tr("This point's key:"), self.own_label)
        form.addRow(self.tr("Acknowledged:"), self.ack_label)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow("", self.full)
        form.addRow("", self.after_restore)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Show the district, the keys and the acknowledgement as they are now."""
        services = self.ctx.services
        district = state.district(services.db)
        if district is None:
            self.district_label.setText(self.tr("Not set: load the key file the district "
                                                "office gave you."))
        else:
            self.district_label.setText(f"{district.point_code} {district.name}\n"
                                        f"{district.fingerprint}")
        self.trust_button.setText(self.tr("Load the district's key…") if district is None
                                  else self.tr("Replace the district's key…"))
        self.own_label.setText(keys_of(services.db).public.fingerprint)
        ack = last_acknowledged(services.db)
        self.ack_label.setText(
            self.tr("never yet") if ack is None else
            self.tr("export no. %1 on %2").replace("%1", str(ack.export_no)).replace(
                "%2", _local(self.ctx, ack.at).strftime("%d.%m.%Y")))
        self.after_restore.setVisible(restored.waiting_for_receipt(services.db))
        allowed = services.can(Action.EXPORT) and not services.is_district_office
        self.export_button.setEnabled(allowed and district is not None and self.job is None)
        self.trust_button.setEnabled(services.can(Action.IMPORT))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the file"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def choose_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The district's key file"), "",
                                              self.tr("Key files (*.pub *.json);;All (*)"))
        if path:
            self.trust(Path(path))

    def trust(self, path: Path) -> bool:
        """Show the key file's fingerprint; trust it when the user confirms it."""
        try:
            document = read_public_key_file(path)
            replace = state.district(self.ctx.services.db) is not None
            question = self.tr("Trust the key of %1 “%2”?\n\nFingerprint:\n%3\n\nCompare it "
                               "with the district office (by phone) before you confirm.")
            answer = QMessageBox.question(
                self, self.tr("District office key"),
                question.replace("%1", document.point_code).replace("%2", document.name)
                .replace("%3", document.keys.fingerprint))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            trust_key_file(self.ctx.services, path, replace=replace)
        except InspectorError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.refresh()
        return True

    def start(self) -> None:
        """Export off the GUI thread into the chosen folder."""
        folder = Path(self.folder.text().strip())
        if not self.folder.text().strip() or not folder.is_dir():
            show_error(self, SyncError("sync.no_folder", path=str(folder)), self.ctx.lang)
            return
        SYNC_EXPORT_FOLDER.write(self.ctx.settings, str(folder))
        services, full = self.ctx.services, self.full.isChecked()
        after_restore = not self.after_restore.isHidden() and self.after_restore.isChecked()
        self.export_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Writing the file…"))
        self.job = run_job(lambda progress: export_package(services, folder, full=full,
                                                           after_restore=after_restore),
                           db=services.db, parent=self, show_progress=False,
                           on_done=self._done, on_error=self._failed, lang=self.ctx.lang)

    def _done(self, result) -> None:
        self.job = None
        self.last_result = result
        self.progress.hide()
        mode = self.ctx.t("cli.export_full" if result.full else "cli.export_changes")
        lines = [self.ctx.t("cli.export_done", number=result.export_no, path=result.path,
                            records=result.records, mode=mode)]
        notice = result.district_notice()
        if notice is not None:
            lines.append(self.ctx.t(notice[0], **notice[1]))
        self.status.setText("\n".join(lines))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.progress.hide()
        self.status.setText(error_text(exc, self.ctx.lang))
        self.refresh()


class ImportPanel(QWidget):
    """Batch import of package files (see the module's description)."""

    COLUMNS = ("file", "result", "point", "new", "updated", "deleted", "unchanged", "notes")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.batch = None
        self.files: list[Path] = []
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add_files = QPushButton(self.tr("Add files…"), self)
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(self.tr("Add a folder…"), self)
        add_folder.clicked.connect(self._choose_folder)
        clear = QPushButton(self.tr("Clear"), self)
        clear.clicked.connect(self.clear)
        self.import_button = QPushButton(icon("import"), self.tr("Import"), self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start)
        buttons = QHBoxLayout()
        for button in (add_files, add_folder, clear):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.report = QTableWidget(0, len(self.COLUMNS), self)
        self.report.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Result"), self.tr("Point"), self.tr("New"),
            self.tr("Updated"), self.tr("Deleted"), self.tr("Unchanged"), self.tr("Notes")])
        self.report.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report.horizontalHeader().setSectionResizeMode(
            len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.report.setWordWrap(True)
        self.written = QLabel(self)
        self.written.setWordWrap(True)
        self.written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Files to import:"), self))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 2)
        layout.addWidget(self.written)
        self._update_buttons()

    # -- choosing ---------------------------------------------------------------------------
    def add_files(self, paths) -> None:
        """Add package files (or every package of a folder) to the list."""
        for path in map(Path, paths):
            found = package_files(path) if path.is_dir() else [path]
            for item in found:
                if item not in self.files:
                    self.files.append(item)
                    self.list.addItem(item.name)
        self._update_buttons()

    def clear(self) -> None:
        self.files.clear()
        self.list.clear()
        self._update_buttons()

    def _start_folder(self) -> str:
        return SYNC_IMPORT_FOLDER.read(self.ctx.settings)

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Package files"),
                                                self._start_folder(),
                                                self.tr("Packages (*.isync);;All (*)"))
        if paths:
            SYNC_IMPORT_FOLDER.write(self.ctx.settings, str(Path(paths[0]).parent))
            self.add_files(paths)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with packages"),
                                                  self._start_folder())
        if folder:
            SYNC_IMPORT_FOLDER.write(self.ctx.settings, folder)
            self.add_files([folder])

    def _update_buttons(self) -> None:
        allowed = self.ctx.services.can(Action.IMPORT)
        self.import_button.setEnabled(allowed and bool(self.files) and self.job is None)

    # -- importing --------------------------------------------------------------------------
    def start(self) -> None:
        """Check the files for new points first, then import them all off the GUI thread."""
        services, files = self.ctx.services, list(self.files)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Checking the files…"))
        self.job = run_job(lambda progress: _new_points(services, files), db=services.db,
                           parent=self, show_progress=False, on_done=self._confirm_points,
                           on_error=self._failed, lang=self.ctx.lang)

    def _confirm_points(self, new_points: dict[str, str]) -> None:
        trusted = set()
        for point, fingerprint in sorted(new_points.items()):
            text = self.tr("A package comes from point %1, not enrolled yet.\n\nKey "
                           "fingerprint:\n%2\n\nCompare it with the point (by phone). Enrol "
                           "the point and import its files?")
            answer = QMessageBox.question(self, self.tr("New point"),
                                          text.replace("%1", point).replace("%2", fingerprint))
            if answer == QMessageBox.StandardButton.Yes:
                trusted.add(fingerprint)
        self._run_import(trusted)

    def _run_import(self, trusted: set[str]) -> None:
        services, files = self.ctx.services, list(self.files)
        self.progress.setRange(0, len(files))
        self.status.setText(self.tr("Importing…"))

        def work(progress):
            def report(index: int, count: int, stage: str, done: int) -> bool:
                return progress(index, count)
            return import_files(services, files, trust_new=trusted, progress=report)

        self.job = run_job(work, db=services.db, parent=self, show_progress=False,
                           on_done=self._done, on_error=self._failed, lang=self.ctx.lang)
        self.job.sig_progress.connect(self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        if done == total:  # every file applied: the commit, indexes and receipts follow
            self.status.setText(self.tr("Saving: building indexes, writing the receipts…"))

    def _done(self, batch) -> None:
        self.job = None
        self.batch = batch
        self.progress.hide()
        self.show_report(batch)
        imported = sum(1 for r in batch.files if r.status == IMPORTED)
        duplicates = sum(1 for r in batch.files if r.status == DUPLICATE)
        self.status.setText(self.ctx.t("cli.import_summary", imported=imported,
                                       duplicates=duplicates, refused=len(batch.refused)))
        self.ctx.notify_changed(batch.changes)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.progress.hide()
        self.status.setText(error_text(exc, self.ctx.lang))
        self._update_buttons()

    def show_report(self, batch) -> None:
        """One row per file: result, point, counts and every notice or the refusal."""
        lang = self.ctx.lang
        self.report.setRowCount(len(batch.files))
        for row, result in enumerate(batch.files):
            totals = result.totals()
            label = {IMPORTED: self.tr("imported"), DUPLICATE: self.tr("already imported")}.get(
                result.status, self.tr("refused"))
            notes = [n.message(lang) for n in result.notices]
            if result.error is not None:
                notes.insert(0, error_text(result.error, lang))
            values = (result.path.name, label, result.point or "", totals["new"],
                      totals["updated"], totals["deleted"], totals["unchanged"],
                      "\n".join(notes))
            colour = (REFUSED_COLOUR if not result.ok else
                      WARNING_COLOUR if any(n.warning for n in result.notices) else None)
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if colour is not None:
                    item.setBackground(colour)
                item.setToolTip("\n".join(result.lines(lang)))
                self.report.setItem(row, column, item)
        self.report.resizeColumnsToContents()
        self.report.resizeRowsToContents()
        if batch.written:
            folder = batch.written[0].parent
            self.written.setText(self.tr("Files written for the points (take them back): "
                                         "%1").replace("%1", str(folder)) + "\n"
                                 + "\n".join(p.name for p in batch.written))
        elif self.ctx.services.is_district_office:
            self.written.setText("")


def _new_points(services, files: list[Path]) -> dict[str, str]:
    """Points whose packages are in ``files`` but which are not enrolled: code -> fingerprint.

    Only at the district office; files that cannot be read are left for the import to
    report."""
    if not services.is_district_office:
        return {}
    found: dict[str, str] = {}
    for path in files:
        try:
            manifest = peek(services, path)
        except InspectorError:
            continue
        if manifest.kind == "records" and state.peer(services.db, manifest.sender) is None:
            found[manifest.sender] = manifest.keys.fingerprint
    return found


class _PanelDialog(QDialog):
    def __init__(self, panel: QWidget, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.panel = panel
        self.setWindowTitle(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(buttons)


class ExportDialog(_PanelDialog):
    """File → Export for the district office: :class:`ExportPanel` in a dialog."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ExportPanel(ctx), "", parent)
        self.setWindowTitle(self.tr("Export for the district office"))
        self.setMinimumWidth(620)


class ImportDialog(_PanelDialog):
    """File → Import: :class:`ImportPanel` in a dialog."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ImportPanel(ctx), "", parent)
        self.setWindowTitle(self.tr("Import packages"))
        self.resize(900, 600)

