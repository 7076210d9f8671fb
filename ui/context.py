"""The GUI's application context: the core's services plus what only the GUI needs.

Built once at start-up and handed to the main window, pages and dialogs (no singletons).
Whoever saves, deletes or imports records passes what the core says it changed
(:class:`~inspector_app.changes.Changes`, from ``services.run`` or an import's result) to
:meth:`UiContext.notify_changed`; every view decides from it whether it must refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from inspector_app.changes import Changes
from inspector_app.services.context import Services


class UiContext(QObject):
    """Services, per-PC settings and the current language, with a change notification."""

    sig_data_changed = Signal(object)  # the Changes a write or an import made
    sig_language_changed = Signal(str)

    def __init__(self, services: Services, settings: QSettings, lang: str = "ru",
                 parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.lang = lang
        self._shared: dict[str, tuple[frozenset[str], Any]] = {}
        # connected before any view: a view refreshing on the same change reads afresh
        self.sig_data_changed.connect(self._forget_shared)

    def shared(self, key: str, kinds: frozenset[str], read: Callable[[], Any]) -> Any:
        """What ``read()`` returns, read once for every view until a change touches one of
        ``kinds`` (the officers and points every register's filter bar lists)."""
        if key not in self._shared:
            self._shared[key] = kinds, read()
        return self._shared[key][1]

    def _forget_shared(self, changes: Changes) -> None:
        for key, (kinds, _) in list(self._shared.items()):
            if kinds & changes.kinds:
                del self._shared[key]

    def notify_changed(self, changes: Changes) -> None:
        """Tell every view what a write or an import changed (nothing when it changed
        nothing)."""
        if changes:
            self.sig_data_changed.emit(changes)

    def set_language(self, lang: str) -> None:
        """Switch the whole client to ``lang`` now (Qt translators, then core texts)."""
        from ui.i18n import install_language, normalise_language

        lang = normalise_language(lang)
        self.lang = lang
        install_language(lang)
        self.sig_language_changed.emit(lang)

    def t(self, code: str, **params: Any) -> str:
        """A text of the core's message catalogue in the current language."""
        from inspector_app.messages import translate

        return translate(code, self.lang, **params)

    def open_record(self, kind: str, record_id: str | None = None, parent=None, *,
                    initial: dict[str, Any] | None = None) -> str | None:
        """Open the record form of ``kind`` (a new record when ``record_id`` is None, pre-filled
        with ``initial``).

        Returns the saved record's id, or None if the user cancelled.
        """
        from ui.forms import open_record_form

        return open_record_form(self, kind, record_id, parent, initial=initial)
