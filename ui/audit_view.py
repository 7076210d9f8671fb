"""The audit trail on screen: one record's history and the administrator's filterable log.

- :class:`RecordHistoryDialog` ``(ctx, table_name, record_id, parent)``: who changed what and
  when, old and new values with field labels, oldest first.
- :class:`AuditLogPage` ``(ctx, parent)``: every entry, newest first, filtered by user, record
  kind and date range; a double click opens the record's history.

Both read through :mod:`inspector_app.queries.audit_log` (no SQL here). The log's model holds only
the matching entry ids and loads entries a page at a time as rows are shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.domain.numbers import group_thousands
from inspector_app.domain.permissions import Action
from inspector_app.errors import PermissionDenied
from inspector_app.queries import audit_log

PAGE_SIZE = 200
DATE_FORMAT = "dd.MM.yyyy"
Index = QModelIndex | QPersistentModelIndex


class _AuditTable(QAbstractTableModel):
    """Columns and numbered headers shared by the audit log and a record's history;
    subclasses set ``COLUMNS`` and define ``headers()``."""

    COLUMNS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class AuditLogModel(_AuditTable):
    """Entries of the trail by id; an entry is loaded when a row of its page is first shown."""

    COLUMNS = ("when", "who", "action", "kind", "record", "changes")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[int] = []
        self._rows: dict[int, tuple[str, ...]] = {}

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Kind"),
                self.tr("Record"), self.tr("Changed fields"))

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self.endResetModel()

    def entry_id(self, row: int) -> int:
        return self._ids[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        return row[index.column()] if 0 <= index.column() < len(row) else None

    def _row(self, row: int) -> tuple[str, ...]:
        entry_id = self._ids[row]
        if entry_id not in self._rows:
            start = row - row % PAGE_SIZE
            page = self._ids[start:start + PAGE_SIZE]
            entries = audit_log.load_entries([i for i in page if i not in self._rows])
            for loaded_id, entry in entries.items():
                self._rows[loaded_id] = self._describe(entry)
        return self._rows.get(entry_id, ("",) * len(self.COLUMNS))

    def _describe(self, entry) -> tuple[str, ...]:
        lang = self.ctx.lang
        when = audit_log.local_time(entry, self.ctx.services.clock)
        return (when.strftime("%d.%m.%Y %H:%M:%S"), audit_log.actor_label(entry.actor),
                audit_log.action_title(entry.action, lang),
                audit_log.kind_title(entry.table_name, lang),
                audit_log.record_label(entry.table_name, entry.record_id, lang),
                audit_log.changed_labels(entry, lang))

    def loaded_rows(self) -> int:
        """How many entries were loaded so far (the rest wait until shown)."""
        return len(self._rows)


class RecordHistoryModel(_AuditTable):
    """One record's changes, one row per changed field, oldest first."""

    COLUMNS = ("when", "who", "action", "field", "old", "new")

    def __init__(self, ctx, table_name: str, record_id: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.table_name = table_name
        self.record_id = record_id
        self._rows: list[tuple[int, int]] = []  # (entry id, change number)
        self._entries: dict[int, Any] = {}
        self._changes: dict[int, list[audit_log.FieldChange]] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        ids = audit_log.record_history_ids(self.table_name, self.record_id)
        self._entries = audit_log.load_entries(ids)
        self._changes = {}
        self._rows = []
        for entry_id in ids:
            changes = audit_log.field_changes(self._entries[entry_id], self.ctx.lang)
            self._changes[entry_id] = changes
            self._rows.extend((entry_id, n) for n in range(max(1, len(changes))))
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Field"),
                self.tr("Old value"), self.tr("New value"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry_id, number = self._rows[index.row()]
        entry = self._entries[entry_id]
        column = index.column()
        if column == 0:
            return audit_log.local_time(entry, self.ctx.services.clock).strftime(
                "%d.%m.%Y %H:%M:%S")
        if column == 1:
            return audit_log.actor_label(entry.actor)
        if column == 2:
            return audit_log.action_title(entry.action, self.ctx.lang)
        changes = self._changes[entry_id]
        if not changes or column > 5:
            return None
        change = changes[number]
        return (change.label, change.old, change.new)[column - 3]


def _table_view(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class RecordHistoryDialog(QDialog):
    """Who changed one record, what and when (old and new values)."""

    def __init__(self, ctx, table_name: str, record_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        title = audit_log.record_label(table_name, record_id, ctx.lang)
        self.setWindowTitle(self.tr("History: %1 %2").replace(
            "%1", audit_log.kind_title(table_name, ctx.lang)).replace("%2", title))
        self.model = RecordHistoryModel(ctx, table_name, record_id, self)
        self.view = _table_view(self.model)
        for column, width in enumerate((150, 190, 90, 170, 220)):
            self.view.setColumnWidth(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(980, 480)


class AuditLogPage(QWidget):
    """The administrator's view of the whole trail with filters."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = AuditLogModel(ctx, self)
        self.user_box = QComboBox()
        self.kind_box = QComboBox()
        today = ctx.services.clock.today()
        self.date_from = self._date_edit(QDate(today.year, today.month, today.day).addDays(-30))
        self.date_to = self._date_edit(QDate(today.year, today.month, today.day))
        self.count_label = QLabel()
        self.denied_label = QLabel(self.tr("Only the administrator may read the audit log."))
        self.denied_label.setWordWrap(True)
        self.view = _table_view(self.model)
        for column, width in enumerate((150, 210, 90, 170, 220)):
            self.view.setColumnWidth(column, width)
        self.view.doubleClicked.connect(self._open_history)

        filters = QHBoxLayout()
        for text, widget in ((self.tr("User:"), self.user_box), (self.tr("Kind:"), self.kind_box),
                             (self.tr("From:"), self.date_from), (self.tr("To:"), self.date_to)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.denied_label)
        layout.addWidget(self.view)

        self.allowed = ctx.services.can(Action.MANAGE_ACCOUNTS, "audit")
        self.denied_label.setVisible(not self.allowed)
        self.view.setVisible(self.allowed)
        self._fill_choices()
        for box in (self.user_box, self.kind_box):
            box.currentIndexChanged.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        ctx.sig_data_changed.connect(self._on_data_changed)
        self.refresh()

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        return edit

    def _fill_choices(self) -> None:
        self.user_box.blockSignals(True)
        self.kind_box.blockSignals(True)
        current_user, current_kind = self.user_box.currentData(), self.kind_box.currentData()
        self.user_box.clear()
        self.kind_box.clear()
        self.user_box.addItem(self.tr("Everyone"), None)
        self.kind_box.addItem(self.tr("All kinds"), None)
        if self.allowed:
            for login in audit_log.actors():
                self.user_box.addItem(audit_log.actor_label(login), login)
            for table in audit_log.tables():
                self.kind_box.addItem(audit_log.kind_title(table, self.ctx.lang), table)
        self.user_box.setCurrentIndex(max(0, self.user_box.findData(current_user)))
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(current_kind)))
        self.user_box.blockSignals(False)
        self.kind_box.blockSignals(False)

    def filters(self) -> audit_log.AuditFilter:
        return audit_log.AuditFilter(
            actor=self.user_box.currentData(), table=self.kind_box.currentData(),
            date_from=self.date_from.date().toPython(), date_to=self.date_to.date().toPython())

    def refresh(self) -> None:
        """Re-run the query with the current filters."""
        if not self.allowed:
            self.model.set_ids([])
            return
        try:
            ids = audit_log.log_ids(self.ctx.services, self.filters())
        except PermissionDenied:
            ids = []
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("Entries: %1").replace("%1", group_thousands(len(ids))))

    def _on_data_changed(self, _changes: Changes) -> None:
        if self.isVisible():
            self._fill_choices()
            self.refresh()

    def _open_history(self, index: QModelIndex) -> None:
        entries = audit_log.load_entries([self.model.entry_id(index.row())])
        entry = next(iter(entries.values()), None)
        if entry is None:
            return
        RecordHistoryDialog(self.ctx, entry.table_name, entry.record_id, self).exec()
