"""The administrator's page of retention periods: per register, the records kept past the
period, and a Destroy button per register.

Shown to the roles that manage accounts (the administrator, the head of the point), beside
the accounts and the audit log, at a point only (a district office destroys its copies when the
points' destructions arrive). Each row: the register, its period and the field it counts from,
the cut-off day, how many records are past it, the oldest, and the period's source status
(*unverified*: the point's decision). Destroy asks for confirmation naming how many records go
(and how many stay because other records refer to them), then runs
:func:`inspector_app.services.destruction.destroy_records` as a background job with progress.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.domain.numbers import group_thousands
from inspector_app.kinds import KINDS
from inspector_app.queries.registers import REGISTERS
from inspector_app.services.destruction import destroy_records, plan_destruction
from inspector_app.services.retention import PastRetention, past_retention
from ui.backup_dialogs import backup_folder
from ui.context import UiContext
from ui.icons import icon
from ui.live_page import LivePage
from ui.worker import Job, run_job

DATE = "%d.%m.%Y"


class RetentionPage(LivePage):
    """Registers with a retention period and their records kept past it."""

    sig_status = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[PastRetention] = []
        self.destroy_buttons: dict[str, QPushButton] = {}
        self.job: Job | None = None
        self.title = self.title_label()
        self.refresh_button = QPushButton(icon("refresh"), "", self)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 8, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the register's name takes the room left and wraps: the Destroy buttons stay in
        # view at 1024 px
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._fit_rows = QTimer(self)  # once the columns settled after a resize
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        ctx.sig_data_changed.connect(self._on_data_changed)
        ctx.sig_language_changed.connect(lambda _lang: self.refresh())
        self.retranslate()

    def page_title(self) -> str:
        return self.tr("Retention periods")

    def retranslate(self) -> None:
        self.title.setText(self.page_title())
        self.refresh_button.setText(self.tr("&Refresh the list"))
        self.note.setText(self.tr(
            "Records kept longer than their register's retention period. Destroying removes "
            "them from this database (the record, its search words and the values in its "
            "audit entries) and, with the next package, from the district office's copy. "
            "The audit trail keeps who destroyed what and when. Records that other records "
            "refer to are kept."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Register"), self.tr("Kept, years"), self.tr("Counted from"),
            self.tr("Before"), self.tr("Past the period"), self.tr("Oldest"),
            self.tr("Source of the period"), ""])

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.kinds & set(KINDS) or changes.catalogues:
            self.reload_when_shown()

    def register_title(self, kind: str) -> str:
        return self.ctx.t(REGISTERS[KINDS[kind].register].title)

    def refresh(self) -> None:
        """Count the records past their period again."""
        self._dirty = False
        self.rows = past_retention(self.ctx.services)
        if [p.kind for p in self.rows] != list(self.destroy_buttons):  # the registers changed
            self.table.setRowCount(0)
            self.destroy_buttons = {}
        self.table.setRowCount(len(self.rows))
        for row, past in enumerate(self.rows):
            cells = (self.register_title(past.kind), group_thousands(past.years),
                     self.ctx.t(f"field.{past.kind}.{past.counted_from}"),
                     past.cutoff.strftime(DATE), group_thousands(past.count),
                     past.oldest.strftime(DATE) if past.oldest else "—",
                     self.ctx.t(f"retention.status_short.{past.status}"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(self.ctx.t(f"retention.status.{past.status}")
                                if column == 6 else text)
                if column in (1, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            button = self.destroy_buttons.get(past.kind)
            if button is None:  # kept across refreshes: a click's own refresh keeps it alive
                button = QPushButton(icon("delete"), "", self.table)
                button.setObjectName(f"destroy_{past.kind}")
                button.clicked.connect(lambda *_args, kind=past.kind: self.destroy(kind))
                self.table.setCellWidget(row, 7, button)
                self.destroy_buttons[past.kind] = button
            button.setText(self.tr("Destroy…"))
            button.setEnabled(past.count > 0 and self.job is None)
            button.setAccessibleName(self.tr("Destroy the records of %1 past the period")
                                     .replace("%1", cells[0]))
        self.table.resizeRowsToContents()
        self.sig_status.emit(self.status_text())

    def status_text(self) -> str:
        total = sum(p.count for p in self.rows)
        return self.tr("Records past their retention period: %1").replace(
            "%1", group_thousands(total))

    def destroy(self, kind: str) -> Job | None:
        """Ask, then destroy the records of ``kind`` past their period in the background."""
        services = self.ctx.services
        plan = plan_destruction(services, kind)
        register = self.register_title(kind)
        if not plan.ids:
            QMessageBox.information(self, self.page_title(), self.tr(
                "%1: no record can be destroyed (other records refer to those past the "
                "period).").replace("%1", register))
            return None
        text = self.tr("Destroy %1 records of «%2» dated before %3? They cannot be "
                       "restored, and the district office destroys its copies too.").replace(
            "%1", group_thousands(len(plan.ids))).replace(
            "%2", register).replace("%3", plan.cutoff.strftime(DATE))
        if plan.kept:
            text += "\n\n" + self.tr("%1 records stay: other records refer to them.").replace(
                "%1", group_thousands(len(plan.kept)))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Destroy records"), text,
                          parent=self)
        confirm = box.addButton(self.tr("Destroy"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is not confirm:
            return None
        ids = list(plan.ids)
        folder = backup_folder(self.ctx.settings)
        for button in self.destroy_buttons.values():
            button.setEnabled(False)
        self.job = run_job(
            lambda progress: services.run(destroy_records, services, kind, ids, progress,
                                          folder),
            db=services.db, parent=self, title=self.tr("Destroying records…"),
            on_done=lambda outcome: self._destroyed(register, *outcome),
            lang=lambda: self.ctx.lang, cancellable=False)
        self.job.sig_finished.connect(self._finished)
        return self.job

    def _destroyed(self, register: str, done, changes: Changes) -> None:
        self.result.setText(self.tr(
            "%1: %2 records destroyed (audit entry %3). The destruction goes to the district "
            "office with the next package.").replace("%1", register).replace(
            "%2", group_thousands(len(done.plan.ids))).replace(
            "%3", str(done.audit_entry)) + self._beside_backups(done.beside_backups))
        self.ctx.notify_changed(changes)

    def _beside_backups(self, beside) -> str:
        """What became of the list of destroyed records beside the backups."""
        if beside is None:
            return ""
        if beside.missed is None:
            return "\n" + self.tr("The list of destroyed records beside the backups is "
                                  "updated: %1").replace("%1", str(beside.path))
        return "\n" + self.tr(
            "The list of destroyed records beside the backups was not updated (%1). The "
            "records are destroyed; the next backup writes the list: until then a restore on "
            "a new PC from that folder brings them back.").replace(
            "%1", beside.missed.message(self.ctx.lang))

    def _finished(self) -> None:
        self.job = None
        self.refresh()
