"""Choosing from lists: catalogue codes, officers, several flags at once, one of a few answers.

The editors follow the protocol of :mod:`ui.forms.fields`: ``value()``, ``set_value(v)`` and
``set_read_only(flag)``. Catalogue titles are shown in the UI language; a code that is no
longer active but is stored on an old record is still shown, never silently replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QWidget,
)

from inspector_app.domain.catalogues import Catalogues


class ChoiceCombo(QComboBox):
    """A drop-down of (value, title) pairs, optionally with a blank first entry."""

    def __init__(self, blank: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.blank = blank
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self._read_only = False

    def set_choices(self, choices: Iterable[tuple[Any, str]]) -> None:
        """Replace the entries, keeping the current value when it is still offered."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if self.blank:
            self.addItem("—", None)
        for value, title in choices:
            self.addItem(title, value)
            self.setItemData(self.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        index = self.findData(current) if current not in (None, "") else -1
        self.setCurrentIndex(index if index >= 0 else (0 if self.blank else -1))
        self.blockSignals(False)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value) if value not in (None, "") else (0 if self.blank else -1)
        if index < 0 and value not in (None, ""):
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def set_read_only(self, flag: bool) -> None:
        self._read_only = flag
        self.setEnabled(not flag)


class CodeCombo(ChoiceCombo):
    """A catalogue's codes by their titles in the UI language (an old inactive code stays)."""

    def __init__(self, catalogues: Catalogues, catalogue: str, lang: str, *,
                 blank: bool = False, parent: QWidget | None = None):
        super().__init__(blank, parent)
        self.catalogues, self.catalogue, self.lang = catalogues, catalogue, lang
        self.restrict(None)

    def restrict(self, codes: Iterable[str] | None) -> None:
        """Offer only ``codes`` (all active items when None), in catalogue order."""
        allowed = None if codes is None else set(codes)
        self.set_choices((item.code, item.title(self.lang))
                         for item in self.catalogues.items(self.catalogue)
                         if allowed is None or item.code in allowed)

    def set_value(self, value: Any) -> None:
        if value not in (None, "") and self.findData(value) < 0:
            self.addItem(self.catalogues.title(self.catalogue, value, self.lang), value)
        super().set_value(value)


class CheckList(QListWidget):
    """Several catalogue codes at once, as check boxes in a list (Space toggles)."""

    changed = Signal()

    def __init__(self, catalogues: Catalogues, catalogue: str, lang: str, *, columns: int = 1,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.catalogues, self.catalogue, self.lang = catalogues, catalogue, lang
        self._read_only = False
        self.columns = columns
        for item in catalogues.items(catalogue):
            self._add(item.code, item.title(lang))
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self._fit()

    def _add(self, code: str, title: str) -> QListWidgetItem:
        entry = QListWidgetItem(title, self)
        entry.setData(Qt.ItemDataRole.UserRole, code)
        entry.setToolTip(title)
        entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                       | Qt.ItemFlag.ItemIsSelectable)
        entry.setCheckState(Qt.CheckState.Unchecked)
        return entry

    def _fit(self) -> None:
        """Size the list to show every item without scrolling, in ``columns`` columns."""
        metrics = QFontMetrics(self.font())
        row_height = metrics.height() + 6
        widest = max((metrics.horizontalAdvance(self.item(i).text())
                      for i in range(self.count())), default=100) + 40
        for i in range(self.count()):
            self.item(i).setSizeHint(QSize(widest, row_height))
        rows = -(-self.count() // self.columns) if self.count() else 1
        if self.columns > 1:
            self.setFlow(QListWidget.Flow.TopToBottom)
            self.setWrapping(True)
            self.setResizeMode(QListWidget.ResizeMode.Adjust)
            self.setGridSize(QSize(widest, row_height))
        self.setMinimumWidth(widest * self.columns + 2 * self.frameWidth() + 6)
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + 2)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def codes(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def value(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_value(self, value: str | Iterable[str] | None) -> None:
        if isinstance(value, str):
            value = [c for c in value.split(",") if c]
        wanted = set(value or ())
        for code in wanted - set(self.codes()):  # an inactive code still on the record
            self._add(code, self.catalogues.title(self.catalogue, code, self.lang))
        self.blockSignals(True)
        for i in range(self.count()):
            entry = self.item(i)
            checked = entry.data(Qt.ItemDataRole.UserRole) in wanted
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self._fit()

    def set_checked(self, code: str, flag: bool = True) -> None:
        for i in range(self.count()):
            entry = self.item(i)
            if entry.data(Qt.ItemDataRole.UserRole) == code:
                entry.setCheckState(Qt.CheckState.Checked if flag else Qt.CheckState.Unchecked)

    def set_read_only(self, flag: bool) -> None:
        self._read_only = flag
        for i in range(self.count()):
            entry = self.item(i)
            flags = entry.flags()
            if flag:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            entry.setFlags(flags)


class StaffCombo(ChoiceCombo):
    """The point's officers and assistants by name; a former officer on an old record stays."""

    RECORDING_ROLES = ("inspector", "senior_inspector", "assistant")

    def __init__(self, services, *, blank: bool = False, parent: QWidget | None = None):
        super().__init__(blank, parent)
        self.services = services
        self.set_choices((s.id, s.full_name) for s in services.staff.officers()
                         if s.role in self.RECORDING_ROLES)

    def set_value(self, value: Any) -> None:
        if value not in (None, "") and self.findData(value) < 0:
            try:
                name = self.services.staff.get(value, include_deleted=True).full_name
            except Exception:  # NotFound or no right to read accounts: show the id
                name = str(value)
            self.addItem(name, value)
        super().set_value(value)


class CheckField(QCheckBox):
    """A yes/no flag."""

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))

    def set_read_only(self, flag: bool) -> None:
        self.setEnabled(not flag)


class RadioChoice(QWidget):
    """One of a few values as radio buttons in a row (arrow keys move between them).

    ``value()`` is None until one is chosen, so a required answer is never assumed.
    """

    changed = Signal()

    def __init__(self, choices: Sequence[tuple[Any, str]], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.group = QButtonGroup(self)
        self.values = [value for value, _title in choices]
        for index, (_value, title) in enumerate(choices):
            button = QRadioButton(title, self)
            self.group.addButton(button, index)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idToggled.connect(lambda _id, on: on and self.changed.emit())
        if self.group.buttons():
            self.setFocusProxy(self.group.buttons()[0])

    def value(self) -> Any:
        index = self.group.checkedId()
        return self.values[index] if index >= 0 else None

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)
        for index, button in enumerate(self.group.buttons()):
            button.setChecked(value is not None and self.values[index] == value)
        self.group.setExclusive(True)
        checked = self.group.checkedButton()
        self.setFocusProxy(checked or self.group.buttons()[0])

    def set_read_only(self, flag: bool) -> None:
        for button in self.group.buttons():
            button.setEnabled(not flag)
