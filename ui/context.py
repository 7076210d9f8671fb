"""The GUI's application context: the core's services plus what only the GUI needs.

Built once at start-up and handed to the main window, pages and dialogs (no singletons).
Whoever saves, deletes or imports records calls :meth:`UiContext.notify_changed`, and every
view showing that kind of record refreshes itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from inspector_app.services.context import Services


class UiContext(QObject):
    """Services, per-PC settings and the current language, with a change notification."""

    sig_data_changed = Signal(str)  # the record kind that changed ("appeal", "person", ...)
    sig_language_changed = Signal(str)

    def __init__(self, services: Services, settings: QSettings, lang: str = "ru",
                 parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.lang = lang

    def notify_changed(self, kind: str) -> None:
        """Tell every view that records of ``kind`` were created, edited or deleted."""
        self.sig_data_changed.emit(kind)
