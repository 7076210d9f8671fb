"""The filter bar above a register: period, inspector, code, status and the search box.

It turns what the user picked into the core's :class:`Filters` and emits ``sig_changed``.
The search box filters as the user types, with no pause to wait out: keystrokes delivered
together are merged by a zero-time timer, and the table model runs only the newest text
(a query still running for an older text is interrupted), so typing never queues work.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector_app.changes import Changes
from inspector_app.queries.registers import Filters, Register
from ui.context import UiContext
from ui.icons import icon
from ui.registers import period

SEARCH_DEBOUNCE_MS = 0  # no wait: the model coalesces and interrupts queries itself


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """Filter widgets of one register; ``filters()`` reads them as the core's Filters."""

    sig_changed = Signal()

    def __init__(self, ctx: UiContext, register: Register, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.register = register
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.sig_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.period_label = QLabel(self)
        self.period = QComboBox(self)
        self.date_from = self._date_edit()
        self.dash = QLabel("–", self)
        self.date_to = self._date_edit()
        self.inspector = QComboBox(self)
        self.code = QComboBox(self)
        self.status = QComboBox(self)
        self.point = QComboBox(self)  # a district office's consolidated registers
        self.district = ctx.services.is_district_office
        for combo, length, popup in ((self.period, 14, 320), (self.inspector, 14, 260),
                                     (self.code, 16, 460), (self.status, 11, 200),
                                     (self.point, 14, 320)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
            combo.view().setMinimumWidth(popup)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(180)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        has_dates = register.date_field is not None
        first = QHBoxLayout()
        for widget in (self.period_label, self.period, self.date_from, self.dash, self.date_to):
            widget.setVisible(has_dates)
            first.addWidget(widget)
        first.addWidget(self.search, 1)
        second = QHBoxLayout()
        for combo, shown in ((self.point, self.district),
                             (self.inspector, register.inspector_field is not None),
                             (self.code, register.code_catalogue is not None),
                             (self.status, bool(register.statuses))):
            combo.setVisible(shown)
            second.addWidget(combo, 1)
        second.addStretch(0)
        layout.addLayout(first)
        if any((register.inspector_field is not None, register.code_catalogue,
                register.statuses, self.district)):
            layout.addLayout(second)

        self._officers = self._read_officers()
        self._points = self._read_points()
        self.retranslate()
        self.fill_code_items()
        self._apply_preset()
        self.period.currentIndexChanged.connect(self._on_period)
        for combo in (self.inspector, self.code, self.status, self.point):
            combo.currentIndexChanged.connect(self.sig_changed)
        self.date_from.dateChanged.connect(self._on_custom_date)
        self.date_to.dateChanged.connect(self._on_custom_date)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.flush)
        ctx.sig_language_changed.connect(self.fill_code_items)
        ctx.sig_data_changed.connect(self._on_data_changed)

    def _read_officers(self) -> list[tuple[str, str]]:
        services = self.ctx.services
        return self.ctx.shared("officers", frozenset({"staff"}), lambda: [
            (s.id, s.full_name) for s in services.staff.officers()])

    def _read_points(self) -> list[tuple[str, str]]:
        """The points whose copies a district office holds (nothing at a point)."""
        if not self.district:
            return []
        services = self.ctx.services
        return self.ctx.shared("points", frozenset({"point"}), lambda: [
            (p.code, f"{p.code} {p.name}") for p in services.points.live()
            if p.code != services.point_code])

    def _on_data_changed(self, changes: Changes) -> None:
        kinds = changes.kinds
        if "staff" in kinds:
            self._officers = self._read_officers()
        if "point" in kinds:
            self._points = self._read_points()
        if kinds & {"staff", "point"}:
            self.retranslate()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setDate(QDate.currentDate())
        return edit

    # -- texts ----------------------------------------------------------------------------
    def preset_titles(self) -> dict[str, str]:
        return {
            period.ALL: self.tr("All time"),
            period.TODAY: self.tr("Today"),
            period.WEEK: self.tr("This week"),
            period.MONTH: self.tr("This month"),
            period.QUARTER: self.tr("This quarter"),
            period.YEAR: self.tr("This year"),
            period.OPERATION: self.tr("Operation «Uchastok» (1 Sep – 1 Nov)"),
            period.CUSTOM: self.tr("Custom period"),
        }

    def status_title(self, status: str) -> str:
        own = {"overdue": self.tr("Overdue"), "active": self.tr("Active"),
               "closed": self.tr("Closed"),
               "forwarding_overdue": self.tr("Not forwarded in 3 working days")}
        if status in own:
            return own[status]
        column = self.register.column("status")
        if column is not None and column.catalogue:
            return self.ctx.services.catalogues.title(column.catalogue, status, self.ctx.lang)
        return status

    def retranslate(self) -> None:
        """Re-read every text (after a language switch); keeps what was picked."""
        self.period_label.setText(self.tr("Period:"))
        self._refill(self.period, [(p, t) for p, t in self.preset_titles().items()],
                     period.ALL)
        self._refill(self.inspector, [(None, self.tr("All inspectors")), *self._officers],
                     None)
        self._refill(self.point, [(None, self.tr("All points")), *self._points], None)
        self._refill(self.status, [(None, self.tr("Any status")),
                                   *[(s, self.status_title(s)) for s in self.register.statuses]],
                     None)
        self.search.setPlaceholderText(self.tr("Search: name, IIN, number, text…"))
        self.search.setToolTip(self.tr("Every word is matched at the start of a word; "
                                       "ё and е are the same"))
        self.date_from.setToolTip(self.tr("From"))
        self.date_to.setToolTip(self.tr("To (inclusive)"))

    def fill_code_items(self, *_args) -> None:
        """The register's code catalogue (topics, categories, articles, kinds) in the language."""
        name = self.register.code_catalogue
        if not name:
            return
        items = self.ctx.services.catalogues.items(name)
        self._refill(self.code, [(None, self.code_any_title()),
                                 *[(i.code, i.title(self.ctx.lang)) for i in items]], None)
        for row in range(1, self.code.count()):
            self.code.setItemData(row, self.code.itemText(row), Qt.ItemDataRole.ToolTipRole)

    def code_any_title(self) -> str:
        return {
            "appeal_topics": self.tr("Any topic"),
            "registration_categories": self.tr("Any category"),
            "offence_articles": self.tr("Any article"),
        }.get(self.register.code_catalogue or "", self.tr("Any kind"))

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[object, str]], default: object) -> None:
        current = combo.currentData() if combo.count() else default
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.register.code_catalogue:
                index = self.code.findData(None)
                self.code.setItemText(index, self.code_any_title())
        super().changeEvent(event)

    # -- behaviour ------------------------------------------------------------------------
    def _on_period(self) -> None:
        self._apply_preset()
        self.sig_changed.emit()

    def _apply_preset(self) -> None:
        preset = self.period.currentData()
        custom = preset == period.CUSTOM
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(custom)
        has_dates = self.register.date_field is not None
        for widget in (self.date_from, self.dash, self.date_to):
            widget.setVisible(has_dates and preset != period.ALL)
        if not custom:
            start, end = period.preset_range(preset, self.ctx.services.clock.today())
            if start is not None:
                for edit, value in ((self.date_from, start), (self.date_to, end)):
                    edit.blockSignals(True)
                    edit.setDate(_to_qdate(value))
                    edit.blockSignals(False)

    def _on_custom_date(self) -> None:
        if self.period.currentData() == period.CUSTOM:
            self.sig_changed.emit()

    def flush(self) -> None:
        """Apply a pending search at once (Enter in the search box)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.sig_changed.emit()

    def set_preset(self, preset: str) -> None:
        self.period.setCurrentIndex(self.period.findData(preset))

    def filters(self) -> Filters:
        """What the bar shows, as the core's filters."""
        result = Filters(text=self.search.text(), today=self.ctx.services.clock.today())
        preset = self.period.currentData()
        if self.register.date_field is not None and preset != period.ALL:
            result.date_from = _to_date(self.date_from.date())
            result.date_to = _to_date(self.date_to.date())
        result.inspector_id = self.inspector.currentData()
        result.code = self.code.currentData()
        result.status = self.status.currentData()
        result.point_code = self.point.currentData()
        return result
