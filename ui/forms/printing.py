"""The Print button of a record with a printed document (talon, protocol, visit record).

The button and Ctrl+P save pending changes, keep the form open and show the document's
preview.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from inspector_app.kinds import KINDS
from ui.icons import icon


class PrintButton:
    """Printing from :class:`~ui.forms.base_form.RecordForm` (a mixin of the dialog)."""

    print_button: QPushButton | None = None
    _saving_to_print = False

    @property
    def document_kind(self) -> str | None:
        """The record's printed document, from the kind's description (talon, protocol...)."""
        return KINDS[self.kind].document

    def add_print_button(self, text: str, tooltip: str) -> QPushButton:
        """The button (and Ctrl+P) that shows the preview of this record's document."""
        self.print_button = self.add_button(QPushButton(icon("print"), text))
        self.print_button.setToolTip(tooltip)
        self.print_button.clicked.connect(lambda: self.print_document())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self,
                  lambda: self.print_document())
        return self.print_button

    def print_document(self):
        """Save pending changes (the form stays open), then preview the record's document.

        Returns the preview dialog, or None when there is nothing stored to print yet.
        """
        if self.record is None or not self.document_kind:
            return None
        if self.is_dirty():
            self._saving_to_print = True
            try:
                if self.save() is None:
                    return None
            finally:
                self._saving_to_print = False
        from ui.document_preview import preview_document

        return preview_document(self.ctx, self.document_kind, self.record.id, self)

    def accept(self) -> None:
        if self._saving_to_print:
            return  # a save made for printing keeps the form open behind the preview
        super().accept()
