"""The shell's sync wiring: File menu export and import, the district's points overview,
and the point's "last acknowledged by the district" in the status bar.

- a point: File → Export for the district office… (:class:`ui.sync_dialogs.ExportDialog`);
- both kinds: File → Import packages… (:class:`ui.sync_dialogs.ImportDialog`): at the
  district the points' packages, at a point the district's receipts and reference data;
- a district office: a "Points" page (:class:`ui.points_overview.PointsOverview`) whose
  Import button is the same action as File → Import packages… (Ctrl+I);
- a district office (not a region): File → Forward to the region… (the points' package
  files imported here, sent on unchanged: :func:`inspector_app.sync.forward.forward_files`);
- a region: File → Enrol a point ahead… (also a button of the Points page): a point's key
  file bound to one of the trusted districts before its first package
  (:func:`inspector_app.sync.trust.trust_key_file` with ``district``);
- the district operator and the administrator: File → Load a corrected catalogue… (a JSON
  file, :func:`inspector_app.services.catalogue_load.load_catalogue`); the points receive it
  with the next reference package.
Actions are added only when the current user's role may use them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox

from inspector_app.changes import Changes
from inspector_app.domain.permissions import Action
from inspector_app.messages import translate
from inspector_app.services.catalogue_load import load_catalogue
from inspector_app.sync import state
from inspector_app.sync.errors import SyncError
from inspector_app.sync.forward import forward_files
from inspector_app.sync.keys import read_public_key_file
from inspector_app.sync.receipts import last_acknowledged
from inspector_app.sync.trust import trust_key_file
from ui.errors import show_error
from ui.icons import icon
from ui.worker import run_job


class SyncActions(QObject):
    """Export/import actions, the points page and the acknowledgement label of a window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        services = self.ctx.services
        self.district = services.is_district_office
        actions: list[QAction | None] = []
        self.export_action: QAction | None = None
        self.import_action: QAction | None = None
        if not self.district and services.can(Action.EXPORT):
            self.export_action = QAction(icon("export"), "", self)
            self.export_action.setShortcut(QKeySequence("Ctrl+E"))
            self.export_action.triggered.connect(self.export)
            actions.append(self.export_action)
        if services.can(Action.IMPORT):
            self.import_action = QAction(icon("import"), "", self)
            self.import_action.setShortcut(QKeySequence("Ctrl+I"))
            self.import_action.triggered.connect(self.import_packages)
            actions.append(self.import_action)
        self.forward_action: QAction | None = None
        if self.district and not services.is_region and services.can(Action.IMPORT):
            self.forward_action = QAction(icon("export"), "", self)
            self.forward_action.triggered.connect(self.forward_packages)
            actions.append(self.forward_action)
        self.enrol_action: QAction | None = None
        if services.is_region and services.can(Action.IMPORT):
            self.enrol_action = QAction(icon("import"), "", self)
            self.enrol_action.triggered.connect(self.enrol_point)
            actions.append(self.enrol_action)
        self.catalogue_action: QAction | None = None
        if services.can(Action.LOAD_CATALOGUE):
            self.catalogue_action = QAction(icon("import"), "", self)
            self.catalogue_action.triggered.connect(self.load_catalogue)
            actions.append(self.catalogue_action)
        if actions:
            window.add_file_actions(actions)
        if self.district:
            from ui.points_overview import PointsOverview

            self.points_page = PointsOverview(self.ctx, window)
            window.add_page("points", self.points_page, "sync",
                            lambda: QCoreApplication.translate("SyncActions", "Points"))
            if self.import_action is not None:
                self.points_page.add_action_button(self.import_action)
            if self.enrol_action is not None:
                self.points_page.add_action_button(self.enrol_action)
        # Only a point shows it; a label without a layout would lie over the menu bar.
        self.ack_label: QLabel | None = None
        if not self.district:
            self.ack_label = QLabel(window)
            window.statusBar().addPermanentWidget(self.ack_label)
        self.ctx.sig_data_changed.connect(self._on_changed)
        self.ctx.sig_language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        if self.export_action is not None:
            self.export_action.setText(self.tr("&Export for the district office…"))
        if self.import_action is not None:
            self.import_action.setText(self.tr("&Import packages…") if self.district
                                       else self.tr("&Import from the district office…"))
        if self.forward_action is not None:
            self.forward_action.setText(self.tr("&Forward to the region…"))
        if self.enrol_action is not None:
            self.enrol_action.setText(self.tr("&Enrol a point ahead…"))
        if self.catalogue_action is not None:
            self.catalogue_action.setText(self.tr("Load a corrected &catalogue…"))
        self.update_acknowledged()

    def update_acknowledged(self) -> None:
        """The status bar's "last acknowledged by the district" for a point."""
        if self.ack_label is None:
            return
        ack = last_acknowledged(self.ctx.services.db)
        if ack is None:
            self.ack_label.setText(self.tr("Not yet acknowledged by the district"))
            return
        clock = self.ctx.services.clock
        moment = ack.at + (clock.now_local() - clock.now_utc()) if ack.at else None
        when = moment.strftime("%d.%m.%Y") if moment else "—"
        self.ack_label.setText(self.tr("Last acknowledged by the district: %1 (export %2)")
                               .replace("%1", when).replace("%2", str(ack.export_no)))

    def _on_changed(self, changes: Changes) -> None:
        if changes.sync:
            self.update_acknowledged()
            if self.district:
                self.points_page.reload()

    def load_catalogue(self) -> None:
        """Choose a catalogue file and load it; the result or the refusal is shown."""
        chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Corrected catalogue"),
                                                "", self.tr("Catalogue files (*.json)"))
        if not chosen:
            return
        try:
            loaded, changes = self.ctx.services.run(load_catalogue, self.ctx.services,
                                                    Path(chosen))
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, bugs logged
            show_error(self.window, exc, self.ctx.lang)
            return
        QMessageBox.information(self.window, self.tr("Catalogue loaded"), translate(
            "catalogue.loaded", self.ctx.lang, name=loaded.name, version=loaded.version,
            previous=loaded.previous, items=loaded.items, path=chosen))
        self.ctx.notify_changed(changes)

    def enrol_point(self) -> None:
        """Choose a point's key file and its district; trust it when the user confirms the
        fingerprint. The Points page then shows the point, "nothing received yet"."""
        chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("The point's key file"),
                                                "", self.tr("Key files (*.pub *.json);;All (*)"))
        if not chosen:
            return
        services = self.ctx.services
        try:
            document = read_public_key_file(chosen)
            districts = state.peers(services.db, state.DISTRICT_ROLE)
            if not districts:
                raise SyncError("sync.enrol_unknown_district", district="—",
                                point=document.point_code)
            labels = [f"{d.point_code} {d.name}" for d in districts]
            label, ok = QInputDialog.getItem(
                self.window, self.tr("Enrol a point ahead"),
                self.tr("District of point %1:").replace("%1", document.point_code),
                labels, 0, False)
            if not ok:
                return
            district = districts[labels.index(label)].point_code
            question = self.tr("Enrol point %1 “%2” of district %3?\n\nFingerprint:\n%4\n\n"
                               "Compare it with the district office (by phone) before you "
                               "confirm.")
            answer = QMessageBox.question(
                self.window, self.tr("Enrol a point ahead"),
                question.replace("%1", document.point_code).replace("%2", document.name)
                .replace("%3", district).replace("%4", document.keys.fingerprint))
            if answer != QMessageBox.StandardButton.Yes:
                return
            trust_key_file(services, chosen, district=district)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, bugs logged
            show_error(self.window, exc, self.ctx.lang)
            return
        self.ctx.notify_changed(Changes(sync=True))

    def forward_packages(self) -> None:
        """Choose points' package files (imported here) and a folder; forward them to the
        region off the GUI thread and show a line per file."""
        services = self.ctx.services
        if state.region(services.db) is None:  # how to set it up, not a failure
            QMessageBox.information(self.window, self.tr("Forward to the region"),
                                    translate("sync.no_region", self.ctx.lang))
            return
        files, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Points' packages to forward to the region"), "",
            self.tr("Sync packages (*.isync)"))
        if not files:
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder for the files to the region"))
        if not folder:
            return
        paths = [Path(f) for f in files]
        self._forward_job = run_job(
            lambda progress: forward_files(services, paths, Path(folder)), db=services.db,
            parent=self.window, title=self.tr("Forwarding to the region…"),
            cancellable=False, on_done=self._forwarded, lang=self.ctx.lang)

    def _forwarded(self, results) -> None:
        self._forward_job = None
        lang = self.ctx.lang
        lines = [translate("cli.forward_done", lang, path=r.written.name, point=r.point,
                           number=r.export_no) if r.ok else
                 translate("sync.result_refused", lang, file=r.path.name,
                           reason=r.error.message(lang)) for r in results]
        refused = sum(1 for r in results if not r.ok)
        lines.append(translate("cli.forward_summary", lang, forwarded=len(results) - refused,
                               refused=refused))
        box = QMessageBox.warning if refused else QMessageBox.information
        box(self.window, self.tr("Forwarded to the region"), "\n".join(lines))
        self.ctx.notify_changed(Changes(sync=True))

    def export(self) -> None:
        from ui.sync_dialogs import ExportDialog

        ExportDialog(self.ctx, self.window).exec()
        self.update_acknowledged()

    def import_packages(self) -> None:
        from ui.sync_dialogs import ImportDialog

        ImportDialog(self.ctx, self.window).exec()  # it passes on what the import changed
        self.update_acknowledged()
