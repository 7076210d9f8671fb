"""The territory of one office account, ticked by the administrator: the points it sees and,
at a region, the districts whose points it sees. Nothing ticked: every point. The core's
:class:`~inspector_app.services.territory.Territories` checks, stores and audits it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError
from inspector_app.storage.models import Staff
from ui.context import UiContext

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class TerritoryDialog(QDialog):
    """Tick the points (and districts) of ``record``'s territory; OK saves it."""

    def __init__(self, ctx: UiContext, record: Staff, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record.id
        territories = ctx.services.territories
        chosen = territories.of(record.id)
        choices = territories.choices()
        self.setWindowTitle(self.tr("Territory of %1").replace("%1", record.login))
        explanation = QLabel(self.tr(
            "%1 (%2) will see only the points ticked here, from the next login. Nothing "
            "ticked: every point.").replace("%1", record.full_name).replace("%2", record.login),
            self)
        explanation.setWordWrap(True)
        self.points = self._list(choices["points"], chosen["points"])
        self.districts = self._list(choices["districts"], chosen["districts"])
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(QLabel(self.tr("Points:"), self))
        layout.addWidget(self.points, 1)
        if choices["districts"]:
            layout.addWidget(QLabel(self.tr("Districts (every point of the district):"), self))
            layout.addWidget(self.districts, 1)
        else:
            self.districts.hide()
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _list(self, peers, chosen: list[str]) -> QListWidget:
        """A ticked list of ``peers`` (codes of ``chosen`` ticked; a chosen point not enrolled
        yet is listed too)."""
        widget = QListWidget(self)
        names = {peer.point_code: peer.name for peer in peers}
        for code in sorted(set(names) | set(chosen)):
            item = QListWidgetItem(f"{code} — {names[code]}" if code in names else code, widget)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen
                               else Qt.CheckState.Unchecked)
        return widget

    @staticmethod
    def ticked(widget: QListWidget) -> list[str]:
        return [widget.item(i).data(CODE_ROLE) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        services = self.ctx.services
        try:
            services.territories.set(self.record_id, self.ticked(self.points),
                                     self.ticked(self.districts))
        except InspectorError as exc:  # a ValidationError lists its fields' messages
            self.message.setText(exc.message(self.ctx.lang))
            self.message.show()
            return
        super().accept()
