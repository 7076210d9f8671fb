"""The administrator's accounts page: the point's staff, with New and Open (the staff form).

Only shown to a role that may manage accounts. The list is small (a point's officers), so it
lives in an in-memory model behind a sort proxy.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import UiContext
from ui.icons import icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
INACTIVE_BRUSH = QBrush(QColor("#80868b"))


class _Table(QTableView):
    sig_enter = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_enter.emit()
            return
        super().keyPressEvent(event)


class AccountsPage(QWidget):
    """Staff accounts of this point: name, login, role, rank, badge, active."""

    sig_status = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = True
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.new_button = QPushButton(icon("new"), "", self)
        self.new_button.clicked.connect(self.new_record)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = _Table(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.sig_enter.connect(self.open_current)
        self.view.doubleClicked.connect(lambda _index: self.open_current())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        ctx.sig_data_changed.connect(self._on_data_changed)
        ctx.sig_language_changed.connect(lambda _lang: self.refresh())
        self.retranslate()

    def page_title(self) -> str:
        return self.tr("Accounts")

    def retranslate(self) -> None:
        self.title.setText(self.page_title())
        self.new_button.setText(self.tr("New account"))
        self.model.setHorizontalHeaderLabels([
            self.tr("Full name"), self.tr("Login"), self.tr("Role"), self.tr("Rank"),
            self.tr("Personal number"), self.tr("Active")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.model.rowCount():
                self.refresh()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _on_data_changed(self, kind: str) -> None:
        if kind == "staff":
            if self.isVisible():
                self.refresh()
            else:
                self._dirty = True

    def refresh(self) -> None:
        """Read the point's accounts again."""
        self._dirty = False
        services, lang = self.ctx.services, self.ctx.lang
        cats = services.catalogues
        staff = [s for s in services.staff.live() if s.owner_point == services.point_code]
        self.model.removeRows(0, self.model.rowCount())
        for person in sorted(staff, key=lambda s: s.full_name.casefold()):
            cells = [QStandardItem(text) for text in (
                person.full_name, person.login, cats.title("staff_roles", person.role, lang),
                cats.title("ranks", person.rank, lang), person.badge_number,
                self.tr("yes") if person.active else self.tr("no"))]
            cells[0].setData(person.id, ID_ROLE)
            for cell in cells:
                cell.setEditable(False)
                if not person.active:
                    cell.setForeground(INACTIVE_BRUSH)
            self.model.appendRow(cells)
        self.view.resizeColumnsToContents()
        self.sig_status.emit(self.status_text())

    def status_text(self) -> str:
        return self.tr("Accounts: %1").replace("%1", str(self.model.rowCount()))

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.index(index.row(), 0).data(ID_ROLE)

    def open_current(self) -> None:
        record_id = self.current_id()
        if record_id:
            self.ctx.open_record("staff", record_id, self)

    def new_record(self) -> None:
        self.ctx.open_record("staff", None, self)
