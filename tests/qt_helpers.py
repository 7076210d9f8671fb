"""Helpers for GUI tests.

``qtbot.keyClicks`` aborts the whole test process on characters outside Latin-1 (QTest
asserts), so Cyrillic and Kazakh text is typed as one key event per character.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

DIALOG_PATIENCE_S = 20.0


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a user would, any alphabet."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, combo, text: str) -> None:
    """Open a drop-down with the mouse, walk to ``text`` with the arrow keys, press Enter."""
    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    row = combo.findText(text)
    assert row >= 0, text
    qtbot.keyClick(view, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)
    assert combo.currentText() == text


class ModalWatchdog:
    """Closes a modal dialog left open longer than ``DIALOG_PATIENCE_S`` and remembers what it
    said (``stuck``): an unanswered dialog offscreen would otherwise block the run forever."""

    def __init__(self) -> None:
        self.stuck: list[str] = []
        self._seen: tuple[int, float] | None = None
        self._timer = QTimer()
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _check(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            self._seen = None
            return
        now = time.monotonic()
        if self._seen is None or self._seen[0] != id(modal):
            self._seen = (id(modal), now)
            return
        if now - self._seen[1] < DIALOG_PATIENCE_S:
            return
        text = modal.text() if isinstance(modal, QMessageBox) else ""
        self.stuck.append(f"{type(modal).__name__} {modal.windowTitle()!r}: {text}")
        self._seen = None
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    def stop(self) -> None:
        self._timer.stop()
