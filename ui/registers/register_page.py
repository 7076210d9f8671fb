"""One page class for all seven registers: filter bar, lazy table, New / Open / Delete.

Queries run in the background (see :class:`RegisterTableModel`), so typing in the search box
or scrolling a register of a million rows never freezes the window. Column widths, order and
sort order are remembered per register in the per-PC settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.domain.numbers import group_thousands
from inspector_app.domain.permissions import Action
from inspector_app.errors import InspectorError
from inspector_app.kinds import KINDS
from inspector_app.queries.registers import REGISTERS, Register
from ui.context import UiContext
from ui.document_preview import preview_document
from ui.errors import show_error
from ui.icons import icon
from ui.registers.filter_bar import FilterBar
from ui.registers.header_state import header_columns, restore_header_columns, saved_sort
from ui.registers.table_model import ROW_ID_ROLE, RegisterTableModel
from ui.settings import REGISTER_EXPORT_FOLDER, register_columns
from ui.worker import Job, run_job

MAX_INITIAL_COLUMN_WIDTH = 320

class RegisterView(QTableView):
    """The register's table; Enter opens the current record."""

    sig_enter = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_enter.emit()
            return
        super().keyPressEvent(event)


class RegisterPage(QWidget):
    """The table of one register with its filters; emits its status-bar text."""

    sig_status = Signal(str)

    def __init__(self, ctx: UiContext, register_name: str, parent: QWidget | None = None, *,
                 background: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.register: Register = REGISTERS[register_name]
        self.kind = self.register.kind
        self._dirty = True
        self._status_text = ""

        self.title = QLabel(self)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)  # a long register name never widens the window
        self.filter_bar = FilterBar(ctx, self.register, self)

        self.model = RegisterTableModel(self.register, ctx.services, ctx.lang,
                                        background=background, parent=self)
        self.view = RegisterView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        self._set_default_widths()
        self._restore_header()
        self.view.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)

        self._save_timer = QTimer(self, singleShot=True, interval=300)
        self._save_timer.timeout.connect(self.save_header)
        header.sectionResized.connect(lambda *_args: self._save_timer.start())
        header.sectionMoved.connect(lambda *_args: self._save_timer.start())

        self.new_button = self._tool_button("new")
        self.open_button = self._tool_button("edit")
        self.delete_button = self._tool_button("delete")
        self.history_button = self._tool_button("about")
        self.export_button = self._tool_button("export")
        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.history_button.clicked.connect(self.show_history)
        self.export_button.clicked.connect(self.export_rows)

        self.document_kind = KINDS[self.kind].document  # talon, protocol, visit or None
        self.print_button = self._tool_button("print")
        self.print_button.setVisible(self.document_kind is not None)
        self.print_button.clicked.connect(lambda: self.print_current())

        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.view.addAction(self.delete_action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(lambda *_args: self.focus_search())
        self.addAction(self.find_action)
        self._reselect_row: int | None = None
        self.view.sig_enter.connect(self.open_current)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in (self.new_button, self.open_button, self.delete_button,
                       self.history_button, self.export_button):
            top.addWidget(button)
        top.insertWidget(top.indexOf(self.export_button), self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)

        self.filter_bar.sig_changed.connect(self.apply_filters)
        self.model.sig_loaded.connect(self._on_loaded)
        self.model.modelReset.connect(self._on_reset)
        self.model.sig_busy.connect(self._on_busy)
        self.model.sig_failed.connect(lambda exc: show_error(self, exc, self.ctx.lang))
        self.view.selectionModel().currentRowChanged.connect(self._update_actions)
        ctx.sig_data_changed.connect(self._on_data_changed)
        ctx.sig_language_changed.connect(self._on_language)
        self.retranslate()
        self._update_actions()

    def _tool_button(self, icon_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    # -- texts ----------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.ctx.t(self.register.title)

    def retranslate(self) -> None:
        self.title.setText(self.page_title())
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("New record (Ctrl+N)"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the selected record (Enter)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected record (Del)"))
        self.delete_action.setText(self.tr("Delete"))
        self.find_action.setText(self.tr("Search"))
        self.filter_bar.search.setAccessibleName(self.find_action.text())
        self.view.setAccessibleName(self.page_title())
        self.history_button.setText(self.tr("&History"))
        self.history_button.setToolTip(self.tr("Who changed the selected record, and when"))
        self.export_button.setText(self.tr("To &Excel"))
        self.export_button.setToolTip(self.tr("Save the rows shown (with these filters) as an "
                                              "Excel or CSV file"))
        self.print_button.setText(self.print_texts().get(self.document_kind, ""))
        self.print_button.setToolTip(self.tr("Preview and print the selected record's document"))
        self._show_status()

    def print_texts(self) -> dict[str, str]:
        return {"talon": self.tr("&Print talon"), "protocol": self.tr("&Print protocol"),
                "visit": self.tr("&Print record"), "kui_notice": self.tr("&Print notice")}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language(self, lang: str) -> None:
        self.title.setText(self.page_title())
        self.model.lang = lang
        if self.isVisible():
            self.model.set_language(lang)
        else:
            self._dirty = True

    # -- loading --------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Re-run the query with the current filters."""
        self._dirty = False
        self.model.set_filters(self.filter_bar.filters())

    def apply_filters(self) -> None:
        self.refresh()

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.shows(self.kind):
            if self.isVisible():
                self.refresh()
            else:
                self._dirty = True

    def _on_busy(self, busy: bool) -> None:
        self._show_status()

    def _on_loaded(self, count: int) -> None:
        self._show_status()

    def _on_reset(self) -> None:
        """Select the first row, or after a delete the row that took the deleted one's place."""
        rows = self.model.rowCount()
        if rows and not self.view.currentIndex().isValid():
            row = min(self._reselect_row or 0, rows - 1)
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(self.model.index(row, 0))
        self._reselect_row = None
        self._update_actions()
        self._show_status()

    def status_text(self) -> str:
        return self._status_text

    def _show_status(self) -> None:
        if not self.model.loaded_once:
            text = self.tr("Loading…")
        elif not self.model.count_known:
            text = self.tr("Counting…")
        else:
            number = QLocale().toString(self.model.rowCount())
            text = self.tr("Records found: %1").replace("%1", number)
        self._status_text = text
        self.sig_status.emit(text)

    # -- header state ---------------------------------------------------------------------
    def _set_default_widths(self) -> None:
        metrics = self.view.fontMetrics()
        for section, column in enumerate(self.register.columns):
            width = metrics.horizontalAdvance("0" * column.width) + 16
            self.view.setColumnWidth(section, min(MAX_INITIAL_COLUMN_WIDTH, width))

    def _column_keys(self) -> list[str]:
        return [column.key for column in self.register.columns]

    def _restore_header(self) -> None:
        header = self.view.horizontalHeader()
        keys = self._column_keys()
        state = register_columns(self.register.name).read(self.ctx.settings)
        sort = saved_sort(state, keys) if restore_header_columns(header, keys, state) else None
        if sort is not None and self.model.is_sortable(keys.index(sort[0])):
            self.model.set_sort(sort[0], sort[1], reload=False)
        header.setSortIndicator(self.model.sort_column(),
                                Qt.SortOrder.DescendingOrder if self.model.descending
                                else Qt.SortOrder.AscendingOrder)

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(section):
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(),
                                    Qt.SortOrder.DescendingOrder if self.model.descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
        self._save_timer.start()

    def save_header(self) -> None:
        """Remember column widths, order, hidden columns and sort for this register (per PC)."""
        register_columns(self.register.name).write(
            self.ctx.settings, header_columns(self.view.horizontalHeader(), self._column_keys()))

    def hideEvent(self, event) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self.save_header()
        super().hideEvent(event)

    # -- records --------------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ID_ROLE) if index.isValid() else None

    def _update_actions(self, *_args) -> None:
        services = self.ctx.services
        can_create = services.can(Action.CREATE, self.kind)
        can_delete = services.can(Action.DELETE, self.kind)
        has_row = self.current_id() is not None
        self.new_button.setVisible(can_create)
        self.delete_button.setVisible(can_delete)
        self.open_button.setEnabled(has_row)
        self.history_button.setEnabled(has_row)
        self.delete_button.setEnabled(has_row and can_delete)
        self.delete_action.setEnabled(has_row and can_delete)
        self.print_button.setEnabled(has_row)

    def can_create(self) -> bool:
        return self.ctx.services.can(Action.CREATE, self.kind)

    def new_record(self) -> None:
        """Open an empty form of this register's kind."""
        if self.can_create():
            self.ctx.open_record(self.kind, None, self)

    def open_current(self) -> None:
        self.open_row(self.view.currentIndex().row())

    def open_row(self, row: int) -> None:
        record_id = self.model.record_id(row)
        if record_id:
            self.ctx.open_record(self.kind, record_id, self)

    def delete_current(self) -> None:
        """Ask, then tombstone the selected record (it stays in the file, marked deleted)."""
        record_id = self.current_id()
        if record_id is None or not self.ctx.services.can(Action.DELETE, self.kind):
            return
        row = self.view.currentIndex().row()
        answer = QMessageBox.question(
            self, self.tr("Delete record"),
            self.tr("Delete this record?\n\n%1\n\nIt disappears from the registers and "
                    "reports; the audit trail keeps who deleted it and when.").replace(
                        "%1", self.describe_row(row)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            services = self.ctx.services
            _none, changes = services.run(services.service(self.kind).delete, record_id)
        except InspectorError as exc:
            show_error(self, exc, self.ctx.lang)
            return
        self._reselect_row = row
        self.ctx.notify_changed(changes)

    def describe_row(self, row: int) -> str:
        """The record of ``row`` as a question names it: kind, number, date, person."""
        cells = [self.model.data(self.model.index(row, self.register.columns.index(c)))
                 for c in self.register.naming_columns()]
        return ", ".join([self.ctx.t(f"kind.{self.kind}"), *(c for c in cells if c)])

    def focus_search(self) -> None:
        """Ctrl+F: the cursor in the search box, its text selected to be typed over."""
        search = self.filter_bar.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()
    def print_current(self) -> None:
        """The preview of the selected record's document (talon, protocol, visit record)."""
        record_id = self.current_id()
        if record_id and self.document_kind:
            preview_document(self.ctx, self.document_kind, record_id, self)

    def show_history(self) -> None:
        """The audit trail of the selected record: who changed what, and when."""
        record_id = self.current_id()
        if record_id:
            from ui.audit_view import RecordHistoryDialog

            table = self.register.model._meta.table_name
            RecordHistoryDialog(self.ctx, table, record_id, self).exec()

    def export_rows(self) -> Job | None:
        """Save the rows matching the current filters as XLSX or CSV, to a file the user
        picks (written off the GUI thread)."""
        folder = REGISTER_EXPORT_FOLDER.read(self.ctx.settings)
        name = f"{self.page_title()} {self.ctx.services.clock.today():%d.%m.%Y}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the register"), str(Path(folder) / name) if folder else name,
            self.tr("Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)"))
        if not path:
            return None
        if Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".xlsx"
        REGISTER_EXPORT_FOLDER.write(self.ctx.settings, str(Path(path).parent))
        from inspector_app.queries.export_table import (
            export_register,  # openpyxl: only when exporting
        )

        services, register, lang = self.ctx.services, self.register, self.ctx.lang
        filters = self.filter_bar.filters()
        return run_job(
            lambda progress: export_register(services, register, filters, path, lang=lang,
                                             progress=progress),
            db=services.db, parent=self, title=self.tr("Saving the register…"), lang=lang,
            on_done=lambda rows: self.sig_status.emit(
                self.tr("Saved %1 rows to %2").replace("%1", group_thousands(rows))
                .replace("%2", path)))
