"""The area's passport: its addresses with their КСК/ОСИ and last visit, and its organisations.

Households the door-to-door round has not reached since 1 January are highlighted, and a
check box shows only those. The lists are small (an area has hundreds of buildings), so they
live in in-memory models behind a sort/filter proxy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.domain.numbers import group_thousands
from inspector_app.domain.permissions import Action
from inspector_app.services.context import Services
from ui.context import UiContext
from ui.icons import icon
from ui.live_page import LivePage
from ui.worker import run_job

NOT_VISITED_BRUSH = QBrush(QColor("#fde7c8"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NOT_VISITED_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
SHOWN_KINDS = frozenset({"address", "preventive_visit"})
"""The passport lists addresses (with their КСК/ОСИ) and their visits."""


@dataclass
class AreaData:
    year_start: date
    addresses: list[dict]
    organisations: list[dict]


def collect(services: Services, lang: str) -> AreaData:
    """The passport's rows (runs on a worker thread)."""
    year_start = date(services.clock.today().year, 1, 1)
    cats = services.catalogues
    organisations = {}
    for org in services.organisations.live():
        organisations[org.id] = {
            "id": org.id, "kind": cats.title("organisation_kinds", org.kind, lang),
            "name": org.name, "bin": org.bin, "chair": org.chair, "phone": org.phone,
            "chat_link": org.chat_link, "address": org.address, "buildings": 0}
    addresses = []
    for address, last_visit, recent in services.addresses.passport(year_start):
        org = organisations.get(address.organisation_id)
        if org is not None:
            org["buildings"] += 1
        addresses.append({
            "id": address.id, "street": address.street, "house": address.house,
            "sort_key": address.sort_key,
            "dwelling_kind": cats.title("dwelling_kinds", address.dwelling_kind, lang),
            "flats": address.flats, "residents": address.residents,
            "organisation": org["name"] if org else "", "chair": org["chair"] if org else "",
            "phone": org["phone"] if org else "", "chat_link": org["chat_link"] if org else "",
            "last_visit": last_visit, "recent_visits": recent})
    return AreaData(year_start, addresses,
                    sorted(organisations.values(), key=lambda o: o["name"].casefold()))


class _Proxy(QSortFilterProxyModel):
    """Sorts by each cell's sort value and can hide the visited addresses."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.only_not_visited = False
        self.setSortRole(SORT_ROLE)

    def set_only_not_visited(self, flag: bool) -> None:
        self.beginFilterChange()
        self.only_not_visited = flag
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self.only_not_visited:
            return True
        return bool(self.sourceModel().index(row, 0, parent).data(NOT_VISITED_ROLE))


def _item(text: str, sort_value=None, record_id: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(sort_value if sort_value is not None else text.casefold(), SORT_ROLE)
    if record_id:
        item.setData(record_id, ID_ROLE)
    return item


class _Table(QTableView):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class AreaPage(LivePage):
    """Addresses and organisations of the administrative area."""

    sig_status = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 background: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.background = background
        self.data: AreaData | None = None
        self._job = None

        self.title = self.title_label()
        self.summary = QLabel(self)
        self.tabs = QTabWidget(self)

        self.address_model = QStandardItemModel(self)
        self.address_proxy = _Proxy(self)
        self.address_proxy.setSourceModel(self.address_model)
        self.addresses = _Table(self)
        self.addresses.setModel(self.address_proxy)
        self.addresses.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.only_not_visited = QCheckBox(self)
        self.only_not_visited.toggled.connect(self.address_proxy.set_only_not_visited)
        self.new_address = QPushButton(icon("new"), "", self)
        self.new_address.clicked.connect(lambda: self._new("address"))
        address_tab = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(self.only_not_visited)
        bar.addStretch(1)
        bar.addWidget(self.new_address)
        address_layout = QVBoxLayout(address_tab)
        address_layout.addLayout(bar)
        address_layout.addWidget(self.addresses)

        self.org_model = QStandardItemModel(self)
        self.org_proxy = _Proxy(self)
        self.org_proxy.setSourceModel(self.org_model)
        self.organisations = _Table(self)
        self.organisations.setModel(self.org_proxy)
        self.organisations.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.new_org = QPushButton(icon("new"), "", self)
        self.new_org.clicked.connect(lambda: self._new("organisation"))
        self.open_chat = QPushButton(icon("feedback"), "", self)
        self.open_chat.clicked.connect(self._open_chat)
        org_tab = QWidget(self)
        org_bar = QHBoxLayout()
        org_bar.addWidget(self.open_chat)
        org_bar.addStretch(1)
        org_bar.addWidget(self.new_org)
        org_layout = QVBoxLayout(org_tab)
        org_layout.addLayout(org_bar)
        org_layout.addWidget(self.organisations)

        self.tabs.addTab(address_tab, icon("area"), "")
        self.tabs.addTab(org_tab, icon("meeting"), "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

        self.addresses.activated.connect(lambda index: self._open("address", index))
        self.addresses.doubleClicked.connect(lambda index: self._open("address", index))
        self.organisations.activated.connect(lambda index: self._open("organisation", index))
        self.organisations.doubleClicked.connect(
            lambda index: self._open("organisation", index))
        ctx.sig_data_changed.connect(self._on_data_changed)
        ctx.sig_language_changed.connect(lambda _lang: self.reload_when_shown())
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Area passport")

    def address_headers(self) -> list[str]:
        return [self.tr("Street"), self.tr("House"), self.tr("Type"), self.tr("Flats"),
                self.tr("Residents"), self.tr("KSK/OSI"), self.tr("Chair"), self.tr("Phone"),
                self.tr("Last visit"), self.tr("Visits this year")]

    def org_headers(self) -> list[str]:
        return [self.tr("Type"), self.tr("Name"), self.tr("BIN"), self.tr("Chair"),
                self.tr("Phone"), self.tr("Chat"), self.tr("Buildings"), self.tr("Address")]

    def retranslate(self) -> None:
        self.title.setText(self.page_title())
        self.tabs.setTabText(0, self.tr("Addresses"))
        self.tabs.setTabText(1, self.tr("Organisations (KSK/OSI)"))
        self.only_not_visited.setText(self.tr("Only households not visited this year"))
        self.new_address.setText(self.tr("New address"))
        self.new_org.setText(self.tr("New organisation"))
        self.open_chat.setText(self.tr("Open chat"))
        self.open_chat.setToolTip(self.tr("Open the selected organisation's chat link"))
        self.address_model.setHorizontalHeaderLabels(self.address_headers())
        self.org_model.setHorizontalHeaderLabels(self.org_headers())
        can = self.ctx.services.can
        self.new_address.setVisible(can(Action.CREATE, "address"))
        self.new_org.setVisible(can(Action.CREATE, "organisation"))
        self._show_summary()

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the passport again."""
        self._dirty = False
        lang = self.ctx.lang
        if not self.background:
            self._show(collect(self.ctx.services, lang))
            return
        if self._job is not None:
            return
        self._job = run_job(lambda progress: collect(self.ctx.services, lang),
                            db=self.ctx.services.db, show_progress=False,
                            on_done=self._loaded, lang=lambda: self.ctx.lang,
                            on_error=self._failed)

    def is_loading(self) -> bool:
        return self._job is not None

    def _loaded(self, data: AreaData) -> None:
        self._job = None
        self._show(data)

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        from ui.errors import show_error

        show_error(self, exc, self.ctx.lang)

    def _on_data_changed(self, changes: Changes) -> None:
        if any(changes.shows(kind) for kind in SHOWN_KINDS):
            self.reload_when_shown()

    def _show(self, data: AreaData) -> None:
        self.data = data
        self.address_model.removeRows(0, self.address_model.rowCount())
        for row in data.addresses:
            not_visited = row["recent_visits"] == 0
            last = row["last_visit"]
            cells = [
                _item(row["street"], row["sort_key"], row["id"]),
                _item(row["house"], row["sort_key"]),
                _item(row["dwelling_kind"]),
                _item("" if row["flats"] is None else str(row["flats"]), row["flats"] or 0),
                _item("" if row["residents"] is None else str(row["residents"]),
                      row["residents"] or 0),
                _item(row["organisation"]), _item(row["chair"]), _item(row["phone"]),
                _item(last.strftime("%d.%m.%Y") if last else self.tr("never"),
                      last.isoformat() if last else ""),
                _item(str(row["recent_visits"]), row["recent_visits"]),
            ]
            cells[0].setData(not_visited, NOT_VISITED_ROLE)
            if not_visited:
                for cell in cells:
                    cell.setBackground(NOT_VISITED_BRUSH)
            self.address_model.appendRow(cells)
        self.org_model.removeRows(0, self.org_model.rowCount())
        for org in data.organisations:
            self.org_model.appendRow([
                _item(org["kind"], record_id=org["id"]), _item(org["name"]), _item(org["bin"]),
                _item(org["chair"]), _item(org["phone"]), _item(org["chat_link"]),
                _item(str(org["buildings"]), org["buildings"]), _item(org["address"])])
        for table in (self.addresses, self.organisations):
            table.resizeColumnsToContents()
        self._show_summary()

    def not_visited_count(self) -> int:
        return sum(1 for row in self.data.addresses if row["recent_visits"] == 0) \
            if self.data else 0

    def _show_summary(self) -> None:
        if self.data is None:
            self.summary.setText(self.tr("Loading…"))
            return
        total = len(self.data.addresses)
        text = self.tr("Buildings: %1 · not visited since %2: %3 · organisations: %4")
        for key, value in (("%1", group_thousands(total)),
                           ("%2", self.data.year_start.strftime("%d.%m.%Y")),
                           ("%3", group_thousands(self.not_visited_count())),
                           ("%4", group_thousands(len(self.data.organisations)))):
            text = text.replace(key, value)
        self.summary.setText(text)
        self.sig_status.emit(text)

    def status_text(self) -> str:
        return self.summary.text()

    # -- records --------------------------------------------------------------------------
    def _record_id(self, table: QTableView, index) -> str | None:
        if not index.isValid():
            return None
        source = table.model().mapToSource(index)
        return source.model().index(source.row(), 0).data(ID_ROLE)

    def _open(self, kind: str, index) -> None:
        table = self.addresses if kind == "address" else self.organisations
        record_id = self._record_id(table, index)
        if record_id:
            self.ctx.open_record(kind, record_id, self)

    def _new(self, kind: str) -> None:
        self.ctx.open_record(kind, None, self)

    def new_record(self) -> None:
        """Ctrl+N: a new address or organisation, whichever tab is shown."""
        self._new("address" if self.tabs.currentIndex() == 0 else "organisation")

    def _open_chat(self) -> None:
        index = self.organisations.currentIndex()
        if not index.isValid():
            return
        link = self.org_proxy.index(index.row(), 5).data()
        if link:
            QDesktopServices.openUrl(QUrl(link))
