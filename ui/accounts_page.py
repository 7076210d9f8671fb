"""The accounts page of the head of the point (or an administrator): the point's staff.

New and Open use the staff form (name, rank, role, login); Reset password and Deactivate /
Reactivate call the core's own use cases (a temporary password, the key of an encrypted
database re-wrapped, no one closing their own account). Only shown to a role that may manage
accounts. The list is small (a point's officers), so it lives in an in-memory model behind a
sort proxy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.domain.text import collation_hex, collation_key
from inspector_app.errors import InspectorError
from inspector_app.storage.models import Staff
from ui.context import UiContext
from ui.errors import show_error
from ui.icons import icon
from ui.live_page import LivePage
from ui.territory_dialog import TerritoryDialog

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # names in Kazakh alphabet order (Қ after К)
INACTIVE_BRUSH = QBrush(QColor("#80868b"))


class _Table(QTableView):
    sig_enter = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_enter.emit()
            return
        super().keyPressEvent(event)


class AccountsPage(LivePage):
    """Staff accounts of this point: name, login, role, rank, badge, active."""

    sig_status = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = self.title_label()
        self.new_button = QPushButton(icon("new"), "", self)
        self.new_button.clicked.connect(lambda: self.new_record())
        self.open_button = QPushButton(icon("edit"), "", self)
        self.open_button.clicked.connect(lambda: self.open_current())
        self.reset_button = QPushButton(icon("lock"), "", self)
        self.reset_button.clicked.connect(lambda: self.reset_password())
        self.active_button = QPushButton(self)
        self.active_button.clicked.connect(lambda: self.toggle_active())
        self.office = ctx.services.is_district_office
        """A district's or region's office: its accounts may be limited to a territory."""
        self.territory_button = QPushButton(icon("area"), "", self)
        self.territory_button.clicked.connect(lambda: self.edit_territory())
        self.territory_button.setVisible(self.office)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
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
        self.view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self.update_buttons())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in (self.new_button, self.open_button, self.reset_button,
                       self.active_button, self.territory_button):
            top.addWidget(button)
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
        self.open_button.setText(self.tr("Open"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.territory_button.setText(self.tr("Territory…"))
        self.update_buttons()
        self.model.setHorizontalHeaderLabels([
            self.tr("Full name"), self.tr("Login"), self.tr("Role"), self.tr("Rank"),
            self.tr("Badge number"), self.tr("Active")]
            + ([self.tr("Territory")] if self.office else []))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # the texts
        if event.type() == QEvent.Type.LanguageChange and self.model.rowCount():
            self.refresh()  # the roles and ranks in the rows

    def _on_data_changed(self, changes: Changes) -> None:
        if "staff" in changes.kinds:
            self.reload_when_shown()

    def refresh(self) -> None:
        """Read the point's accounts again."""
        self._dirty = False
        services, lang = self.ctx.services, self.ctx.lang
        cats = services.catalogues
        staff = [s for s in services.staff.live() if s.owner_point == services.point_code]
        self.model.removeRows(0, self.model.rowCount())
        for person in sorted(staff, key=lambda s: collation_key(s.full_name)):
            cells = [QStandardItem(text) for text in (
                person.full_name, person.login, cats.title("staff_roles", person.role, lang),
                cats.title("ranks", person.rank, lang), person.badge_number,
                self.tr("yes") if person.active else self.tr("no"))]
            if self.office:
                cells.append(QStandardItem(self.territory_text(person)))
            for cell in cells:
                cell.setData(cell.text().casefold(), SORT_ROLE)
            cells[0].setData(collation_hex(person.full_name), SORT_ROLE)
            cells[0].setData(person.id, ID_ROLE)
            cells[0].setData(person.active, ACTIVE_ROLE)
            for cell in cells:
                cell.setEditable(False)
                if not person.active:
                    cell.setForeground(INACTIVE_BRUSH)
            self.model.appendRow(cells)
        self.view.resizeColumnsToContents()
        self.update_buttons()
        self.sig_status.emit(self.status_text())

    def territory_text(self, person: Staff) -> str:
        """The points an office account sees, as the Territory column shows them."""
        chosen = self.ctx.services.territories.of(person.id)
        codes = chosen["points"] + [self.tr("district %1").replace("%1", code)
                                    for code in chosen["districts"]]
        return ", ".join(codes) if codes else self.tr("every point")

    def status_text(self) -> str:
        return self.tr("Accounts: %1").replace("%1", str(self.model.rowCount()))

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.index(index.row(), 0).data(ID_ROLE)

    def current(self) -> Staff | None:
        record_id = self.current_id()
        return self.ctx.services.staff.get(record_id) if record_id else None

    def select(self, record_id: str) -> None:
        """Make the account with ``record_id`` the current row."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == record_id:
                self.view.selectRow(row)
                return

    def update_buttons(self) -> None:
        index = self.view.currentIndex()
        chosen = index.isValid()
        active = chosen and bool(self.proxy.index(index.row(), 0).data(ACTIVE_ROLE))
        session = self.ctx.services.session
        own = chosen and session is not None and self.current_id() == session.staff_id
        self.open_button.setEnabled(chosen)
        self.territory_button.setEnabled(chosen)
        self.reset_button.setEnabled(active)
        self.active_button.setEnabled(chosen and not own)
        self.active_button.setToolTip(self.ctx.t("error.cannot_deactivate_self") if own else "")
        reopen = chosen and not active
        self.active_button.setText(self.tr("Reactivate…") if reopen else self.tr("Deactivate…"))
        self.active_button.setIcon(icon("new" if reopen else "delete"))

    def open_current(self) -> None:
        record_id = self.current_id()
        if record_id:
            self.ctx.open_record("staff", record_id, self)

    def new_record(self) -> None:
        record_id = self.ctx.open_record("staff", None, self)
        if record_id:
            self.refresh()
            self.select(record_id)

    def edit_territory(self) -> None:
        """Tick the points the selected office account sees (:mod:`ui.territory_dialog`)."""
        record = self.current()
        if record is None:
            return
        dialog = TerritoryDialog(self.ctx, record, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed(record.id, Changes(), self.tr(
                "Territory of %1 saved: it applies from the next login.").replace(
                    "%1", record.login))

    def reset_password(self) -> None:
        """A temporary password for the selected account, changed by its owner at next login."""
        record = self.current()
        if record is None or not record.active:
            return
        dialog = TemporaryPasswordDialog(
            self.ctx, self.tr("Reset password"), record, self.ctx.services.staff.reset_password,
            self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed(record.id, dialog.changes, self.tr(
                "Password of %1 reset: it must be changed at the next login.").replace(
                    "%1", record.login))

    def toggle_active(self) -> None:
        """Deactivate the selected account (after a question) or reopen it with a
        temporary password."""
        record = self.current()
        if record is None:
            return
        services = self.ctx.services
        if not record.active:
            dialog = TemporaryPasswordDialog(
                self.ctx, self.tr("Reactivate the account"), record, services.staff.activate,
                self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._changed(record.id, dialog.changes, self.tr("Account %1 reactivated.").replace(
                    "%1", record.login))
            return
        answer = QMessageBox.question(
            self, self.tr("Deactivate the account"),
            self.tr("Deactivate the account of %1 (%2)? It can no longer log in; the records "
                    "keep the officer's name.").replace("%1", record.full_name)
            .replace("%2", record.login),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            _record, changes = services.run(services.staff.deactivate, record.id)
        except InspectorError as exc:
            show_error(self, exc, self.ctx.lang)
            return
        self._changed(record.id, changes,
                      self.tr("Account %1 deactivated.").replace("%1", record.login))

    def _changed(self, record_id: str, changes: Changes, message: str) -> None:
        self.ctx.notify_changed(changes)
        self.refresh()
        self.select(record_id)
        self.sig_status.emit(message)


class TemporaryPasswordDialog(QDialog):
    """A temporary password typed twice for one account; ``apply(record_id, password)`` is
    the core's use case (reset or reactivate), whose refusals are shown here; once accepted,
    :attr:`changes` holds what it changed."""

    def __init__(self, ctx: UiContext, title: str, record: Staff,
                 apply: Callable[[str, str], Staff], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.apply = apply
        self.record_id = record.id
        self.changes = Changes()
        self.setWindowTitle(title)
        explanation = QLabel(self.tr("A temporary password for %1 (%2). Tell it to the officer: "
                                     "they choose their own at the next login.")
                             .replace("%1", record.full_name).replace("%2", record.login), self)
        explanation.setWordWrap(True)
        self.password = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Temporary password:"), self.password)
        form.addRow(self.tr("Password again:"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.password.setFocus()

    def accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            self.message.show()
            self.repeat.clear()
            self.repeat.setFocus()
            return
        try:
            _record, self.changes = self.ctx.services.run(self.apply, self.record_id,
                                                          self.password.text())
        except InspectorError as exc:  # a ValidationError lists its fields' messages
            self.message.setText(exc.message(self.ctx.lang))
            self.message.show()
            return
        super().accept()
