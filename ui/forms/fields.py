"""Editors the record forms are built from.

Every editor speaks one small protocol the forms rely on: ``value()`` returns what the core's
service expects (a date, a code, a list of codes, an id, or the raw text when the input does
not parse, so the core reports it and nothing typed is lost), ``set_value(v)`` shows a stored
value, and ``set_read_only(flag)`` turns editing off while keeping the text selectable.
Dates are typed and shown as dd.MM.yyyy, with a calendar pop-up (the button, Alt+Down or F4).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.catalogues import Catalogues
from ui.icons import icon

DATE_MASK = "00.00.0000;_"
TIME_MASK = "00:00;_"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def parse_date_text(text: str) -> date | str | None:
    """``dd.MM.yyyy`` to a date; None when nothing was typed; the text itself when invalid."""
    if not _digits(text):
        return None
    try:
        return datetime.strptime(text.strip(), "%d.%m.%Y").date()
    except ValueError:
        return text.strip()


def format_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


class MaskedEdit(QLineEdit):
    """A line edit with an input mask whose cursor starts at the first blank when empty."""

    def __init__(self, mask: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setInputMask(mask)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if not _digits(self.text()):
            QTimer.singleShot(0, self._to_start)

    def _to_start(self) -> None:
        if not _digits(self.text()):
            self.setCursorPosition(0)


class ErrorLabel(QLabel):
    """The red message under a field; hidden while the field has no problem."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #b3261e;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_messages(self, messages: Sequence[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))


class LineField(QLineEdit):
    """One line of text; ``value()`` is the trimmed text."""

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))

    def set_read_only(self, flag: bool) -> None:
        self.setReadOnly(flag)


class NumberField(LineField):
    """A whole or decimal number typed as text; the core checks its range."""

    def __init__(self, max_chars: int = 8, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaxLength(max_chars + 3)
        self.setMaximumWidth(QFontMetrics(self.font()).horizontalAdvance("0" * (max_chars + 3))
                             + 16)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value(self) -> str | None:
        text = self.text().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value).replace(".00", ""))


class TextArea(QPlainTextEdit):
    """Several lines of text: Enter makes a new line, Tab moves on to the next field."""

    def __init__(self, lines: int = 3, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = QFontMetrics(self.font()).lineSpacing() * lines + 14
        self.setFixedHeight(height)

    def value(self) -> str:
        return self.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        self.setPlainText("" if value is None else str(value))

    def set_read_only(self, flag: bool) -> None:
        self.setReadOnly(flag)


class _CalendarPopup(QFrame):
    """A calendar shown under a date field; Enter or a click picks, Esc closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget(self)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()


class DateField(QWidget):
    """A date typed as dd.MM.yyyy (a mask guides the digits) with a calendar button."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, stretch: bool = True):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = MaskedEdit(DATE_MASK, self)
        width = QFontMetrics(self.edit.font()).horizontalAdvance("00.00.00000") + 14
        self.edit.setFixedWidth(width)
        self.edit.installEventFilter(self)
        self.button = QToolButton(self)
        self.button.setIcon(icon("calendar"))
        self.button.setIconSize(QSize(16, 16))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setToolTip(self.tr("Choose from the calendar (Alt+Down)"))
        self.button.clicked.connect(self.open_calendar)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        if stretch:
            layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.popup: _CalendarPopup | None = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.edit and isinstance(event, QKeyEvent) \
                and event.type() == QKeyEvent.Type.KeyPress:
            alt_down = (event.key() == Qt.Key.Key_Down
                        and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def value(self) -> date | str | None:
        return parse_date_text(self.edit.text())

    def set_value(self, value: date | datetime | None) -> None:
        if isinstance(value, datetime):
            value = value.date()
        self.edit.setText(format_date(value))

    def set_read_only(self, flag: bool) -> None:
        self.edit.setReadOnly(flag)
        self.button.setEnabled(not flag)

    def open_calendar(self) -> None:
        """Show the calendar under the field, on the typed date (or today)."""
        if self.edit.isReadOnly():
            return
        self.popup = _CalendarPopup(self)
        current = self.value()
        if isinstance(current, date):
            self.popup.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.popup.picked.connect(self._picked)
        self.popup.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.set_value(date(day.year(), day.month(), day.day()))
        self.edited.emit()
        self.edit.setFocus()


class TimeField(MaskedEdit):
    """A time of day typed as HH:mm."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(TIME_MASK, parent)
        self.setFixedWidth(QFontMetrics(self.font()).horizontalAdvance("00:000") + 14)

    def value(self) -> time | str | None:
        text = self.text().strip()
        if not _digits(text):
            return None
        try:
            return datetime.strptime(text, "%H:%M").time()
        except ValueError:
            return text

    def set_value(self, value: time | None) -> None:
        self.setText(value.strftime("%H:%M") if value else "")

    def set_read_only(self, flag: bool) -> None:
        self.setReadOnly(flag)


class DateTimeField(QWidget):
    """A moment: a date field and a time field side by side."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.date_field = DateField(self, stretch=False)
        self.time_field = TimeField(self)
        layout.addWidget(self.date_field)
        layout.addWidget(self.time_field)
        layout.addStretch(1)
        self.setFocusProxy(self.date_field)
        self.date_field.edited.connect(self.edited)
        self.time_field.textEdited.connect(lambda _text: self.edited.emit())

    def value(self) -> datetime | str | None:
        day, moment = self.date_field.value(), self.time_field.value()
        if day is None and moment is None:
            return None
        if isinstance(day, date) and isinstance(moment, time):
            return datetime.combine(day, moment)
        if isinstance(day, date) and moment is None:
            return datetime.combine(day, time())
        return f"{self.date_field.edit.text().strip()} {self.time_field.text().strip()}".strip()

    def set_value(self, value: datetime | None) -> None:
        self.date_field.set_value(value.date() if value else None)
        self.time_field.set_value(value.time() if value else None)

    def set_read_only(self, flag: bool) -> None:
        self.date_field.set_read_only(flag)
        self.time_field.set_read_only(flag)


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
