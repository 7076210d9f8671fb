"""A main-window page whose data is read again when it changes.

While the page is shown a change is read at once; otherwise it is read the next time the page
is shown, so pages the user is not looking at cost nothing. Its texts follow the language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


class LivePage(QWidget):
    """A subclass defines ``refresh()`` (reads the data and clears ``_dirty``) and
    ``retranslate()`` (sets the texts), and calls :meth:`reload_when_shown` when a change
    concerns it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._dirty = True

    def title_label(self) -> QLabel:
        """The page's heading: the window's font, larger and bold."""
        title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        return title

    def reload_when_shown(self) -> None:
        """Read the data again now if the page is shown, else when it is shown next."""
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
