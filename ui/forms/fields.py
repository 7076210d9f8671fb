"""Editors the record forms are built from.

Every editor speaks one small protocol the forms rely on: ``value()`` returns what the core's
service expects (a date, a code, a list of codes, an id, or the raw text when the input does
not parse, so the core reports it and nothing typed is lost), ``set_value(v)`` shows a stored
value, and ``set_read_only(flag)`` turns editing off while keeping the text selectable.
Dates are typed and shown as dd.MM.yyyy, with a calendar pop-up (the button, Alt+Down or F4).
List editors (catalogue codes, officers, flags, radio answers) are in :mod:`ui.forms.choices`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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
            QTimer.singleShot(0, self, self._to_start)  # not after the edit is deleted

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


class PlaceField(LineField):
    """An address or place that starts with the point's town («Атырау, »).

    Entering the field selects nothing and puts the cursor at the end, so typing goes on
    after the town instead of wiping it; the town left alone counts as nothing typed.
    """

    def __init__(self, prefix: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.prefix = prefix
        self.setMaxLength(300)

    def value(self) -> str:
        text = super().value()
        return "" if text == self.prefix.strip() else text

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self._to_end)

    def _to_end(self) -> None:
        self.deselect()
        self.end(False)


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

    def set_accessible_label(self, name: str) -> None:
        """Screen readers hear the field's label and which half: «Получено, дата»."""
        self.setAccessibleName(name)
        self.date_field.setAccessibleName(name)
        self.date_field.edit.setAccessibleName(self.tr("%1, date").replace("%1", name))
        self.time_field.setAccessibleName(self.tr("%1, time").replace("%1", name))
