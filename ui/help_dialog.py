"""Help → User manual (F1): a short manual of the working day, in the user's language.

The manual is HTML in ``resources/help/manual_<lang>.html`` (ru, kk, en), shipped with the
other resources by ``pip install .`` and the PyInstaller bundle, and shown in a
:class:`QTextBrowser` window that stays open beside the main window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from inspector_app.messages import DEFAULT_LANGUAGE
from inspector_app.paths import resource
from ui.icons import icon


def manual_path(lang: str) -> Path:
    """The manual in ``lang``, or in Russian when there is none in that language."""
    path = resource("help", f"manual_{lang}.html")
    return path if path.is_file() else resource("help", f"manual_{DEFAULT_LANGUAGE}.html")


class HelpDialog(QDialog):
    """The user manual in a scrollable, searchable (Ctrl+F of the browser) text view."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User manual"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("User manual"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self.show_language(lang)

    def show_language(self, lang: str) -> None:
        self.browser.setHtml(manual_path(lang).read_text(encoding="utf-8"))


class ManualAction(QAction):
    """Help → User manual, F1; one manual window per main window, reused."""

    def __init__(self, ctx, window: QWidget):
        super().__init__(icon("about"), "", window)
        self.ctx = ctx
        self.main_window = window
        self.dialog: HelpDialog | None = None
        self.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.triggered.connect(lambda *_args: self.open_manual())
        ctx.sig_language_changed.connect(self._on_language)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("ManualAction", "&User manual"))

    def open_manual(self) -> HelpDialog:
        if self.dialog is None:
            self.dialog = HelpDialog(self.ctx.lang, self.main_window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _on_language(self, lang: str) -> None:
        self.retranslate()
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
