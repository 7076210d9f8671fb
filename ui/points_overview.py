"""The district office's points overview: every enrolled point and what arrived from it.

:class:`PointsOverview` ``(ctx: UiContext, parent=None)`` shows one row per enrolled point:
its code and name, the last package (date made at the point, days since, export number), the
export up to which everything is held, missing exports (gaps), records held per kind and
refused files (an enrolled point with none yet: "nothing received yet", key changes in its
tooltip); points with no package for :data:`STALE_DAYS` days are highlighted, gaps and
refusals too. Below, refused files that name no enrolled point. It reloads when records
change (after an import) and on "Refresh".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.domain.numbers import group_thousands
from inspector_app.kinds import registered
from inspector_app.messages import translate
from inspector_app.sync.overview import (
    STALE_DAYS,
    PointStatus,
    points_overview,
    unattributed_refusals,
)
from ui.icons import icon

Index = QModelIndex | QPersistentModelIndex
STALE_COLOUR = QColor("#fde2c8")
TROUBLE_COLOUR = QColor("#f8d7da")
KIND_COLUMNS = tuple(k.slug for k in registered())


class PointsModel(QAbstractTableModel):
    """The points' statuses as a table (loaded whole: a district has tens of points)."""

    FIXED = ("code", "name", "last", "days", "export", "held", "gaps", "refused")
    REGION = ("region_held", "to_forward")
    """Shown at a district that forwards to a region: what the region holds, what is left."""

    def __init__(self, lang: str = "ru", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.rows: list[PointStatus] = []
        self.fixed: tuple[str, ...] = self.FIXED

    def load(self, rows: list[PointStatus]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        with_region = any(point.has_region for point in self.rows)
        self.fixed = self.FIXED + self.REGION if with_region else self.FIXED
        self.endResetModel()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.fixed) + len(KIND_COLUMNS)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Point"), self.tr("Name"), self.tr("Last package"),
                  self.tr("Days since"), self.tr("Export no."), self.tr("Held up to"),
                  self.tr("Missing exports"), self.tr("Refused files"),
                  self.tr("Region holds up to"), self.tr("To forward"))[:len(self.fixed)]
        if section < len(titles):
            return titles[section]
        return translate(f"sync.kind.{KIND_COLUMNS[section - len(titles)]}", self.lang)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        point = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(point, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if point.gaps or point.refused:
                return TROUBLE_COLOUR
            if point.stale:
                return STALE_COLOUR
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3 and column not in (6, 9):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(point)
        return None

    def _text(self, point: PointStatus, column: int) -> str:
        if column >= len(self.fixed):
            live, _ = point.counts.get(KIND_COLUMNS[column - len(self.fixed)], (0, 0))
            return group_thousands(live)
        if column >= len(self.FIXED):  # the region's columns
            held = point.upstream
            return (str(held.held_export_no or "—") if held is not None else "—",
                    ", ".join(map(str, point.to_forward)))[column - len(self.FIXED)]
        name = point.name
        if point.reinstalled_on is not None:
            name += f" ({point.reinstalled_text(self.lang)})"
        return (point.point_code, name,
                point.last_package_at.strftime("%d.%m.%Y") if point.last_package_at
                else translate("sync.nothing_received_yet", self.lang),
                "—" if point.days_since is None else str(point.days_since),
                str(point.last_export_no or "—"), str(point.held_export_no or "—"),
                ", ".join(map(str, point.gaps)), str(len(point.refused) or ""))[column]

    def _tooltip(self, point: PointStatus) -> str:
        lines = [f"{point.point_code} {point.name}", point.fingerprint]
        if point.reinstalled_on is not None:
            lines.append(point.reinstalled_text(self.lang))
        if point.stale:
            lines.append(self.tr("No package for more than %1 days.").replace(
                "%1", str(STALE_DAYS)))
        lines += [translate("sync.gap", self.lang, number=n, point=point.point_code)
                  for n in point.gaps]
        lines += [f"{r.at:%d.%m.%Y %H:%M} {r.file}: {r.message(self.lang)}"
                  for r in point.refused[:5]]
        lines += point.key_change_lines(self.lang)
        lines += point.region_lines(self.lang)  # a district with a region
        return "\n".join(lines)


class PointsOverview(QWidget):
    """The district's view of its points (see the module's description)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = PointsModel(ctx.lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.top = QHBoxLayout()
        self.top.addWidget(self.summary, 1)
        self.top.addWidget(self.refresh_button)
        self.refused_label = QLabel(self.tr("Refused files from unknown senders:"), self)
        self.refused = QListWidget(self)
        self.refused.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused)
        ctx.sig_data_changed.connect(self._on_changed)
        ctx.sig_language_changed.connect(self._on_language)
        self.reload()

    def add_action_button(self, action: QAction) -> QToolButton:
        """A button beside Refresh that triggers ``action`` (File → Import packages…) and
        follows its text, icon and enabled state."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.top.insertWidget(self.top.count() - 1, button)
        return button

    @Slot()
    def reload(self) -> None:
        """Read the points' statuses again."""
        services = self.ctx.services
        points = points_overview(services)
        self.model.load(points)
        self.table.resizeColumnsToContents()
        stale = sum(1 for p in points if p.stale)
        gaps = sum(1 for p in points if p.gaps)
        self.summary.setText(self.tr("Points: %1, without recent packages: %2, with missing "
                                     "exports: %3").replace("%1", group_thousands(len(points)))
                             .replace("%2", str(stale)).replace("%3", str(gaps)))
        self.refused.clear()
        for refusal in unattributed_refusals(services):
            self.refused.addItem(f"{refusal.at:%d.%m.%Y %H:%M}  {refusal.file}: "
                                 f"{refusal.message(self.ctx.lang)}")
        visible = self.refused.count() > 0
        self.refused_label.setVisible(visible)
        self.refused.setVisible(visible)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.sync or "point" in changes.kinds:
            self.reload()

    @Slot(str)
    def _on_language(self, lang: str) -> None:
        self.model.lang = lang
        self.reload()
