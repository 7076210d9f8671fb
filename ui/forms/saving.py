"""The save flow of a record form: the draft to the core, its errors under their fields.

The data goes to the core's service as a dict (model field names, references as ids):
``create`` for a new record, ``update`` with the row version that was loaded, so a record
changed meanwhile by someone else is refused with the core's message; what the save changed
(:class:`~inspector_app.changes.Changes`) goes to every view. Each :class:`FieldError` of the
core is shown under its field, in the user's language, and focus goes to the first bad field;
nothing typed is lost. When the user leaves a field the draft is checked with
``service.validate`` (nothing is written) and only errors of fields already visited are shown.
Esc asks before dropping changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.errors import FieldError, InspectorError, ValidationError
from ui.errors import show_error
from ui.forms.binding import Binding

_BANNER_STYLES = {
    "info": "background: #e6f4ea; color: #1e4620; border: 1px solid #a8d5b5;",
    "error": "background: #fdecea; color: #8a1c14; border: 1px solid #f1b0aa;",
    "readonly": "background: #fff8e1; color: #5d4300; border: 1px solid #ecd588;",
}


class SaveFlow:
    """Saving, errors and closing of :class:`~ui.forms.base_form.RecordForm` (a mixin of the
    dialog, before ``QDialog`` in its bases)."""

    # -- errors ---------------------------------------------------------------------------
    def show_errors(self, errors: list[FieldError], only: set[str] | None = None) -> Binding | None:
        """Show each error under its field (only ``only`` fields when given).

        Returns the first field with an error, in form order. Errors of fields the form does
        not show go to the banner on a full check.
        """
        messages: dict[int, list[str]] = {}
        unplaced = []
        for error in errors:
            b = self.binding_for_field(error.field)
            if b is None:
                unplaced.append(error.message(self.lang))
            else:
                messages.setdefault(id(b), []).append(error.message(self.lang))
        first = None
        for b in self.bindings:
            if only is not None and b.name not in only:
                continue
            found = messages.get(id(b), [])
            b.error.show_messages(found)
            if found and first is None:
                first = b
        if first is not None and self.isVisible():
            self.grow_to_fit()
        if only is None:
            if unplaced:
                self.show_banner("\n".join(unplaced), "error")
            elif self.banner.property("kind") == "error":
                self.banner.hide()
        return first

    def field_errors(self, name: str) -> str:
        """The error text shown under field ``name`` ("" when none; for tests and checks)."""
        error = self.binding(name).error
        return error.text() if error.isVisibleTo(self) else ""

    def show_banner(self, text: str, kind: str = "info") -> None:
        self.banner.setText(text)
        self.banner.setProperty("kind", kind)
        self.banner.setStyleSheet(_BANNER_STYLES[kind])
        self.banner.show()
        if self.isVisible():
            self.grow_to_fit()

    def validate_touched(self) -> None:
        """Check the draft with the core and show the errors of fields already visited."""
        if self.read_only:
            return
        data = self.collect()
        try:
            errors = self.service.validate(data, self.record.id if self.record else None)
        except InspectorError:
            return
        self.show_errors(errors + self.local_errors(data), only=self.touched)
        self.mark_required()

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.read_only or old is None or new is None or not self.isVisible():
            return
        left = self.binding_of_widget(old)
        if left is None or self.binding_of_widget(new) is left:
            return
        if not (self.isAncestorOf(new) or new is self):
            return  # focus went to another window (a message box, the person form)
        self.touched.add(left.name)
        self.validate_touched()

    # -- saving ---------------------------------------------------------------------------
    def on_save(self) -> None:
        """Save (Enter, Ctrl+S); an unchanged record that is already stored just closes."""
        if self.read_only:
            self.accept()
            return
        if self.record is not None and not self.is_dirty():
            self.accept()
            return
        self.save()

    def save(self) -> str | None:
        """Validate and store the draft; returns the record's id, or None on a problem."""
        if self.read_only:
            return None
        data = self.collect()
        created = self.record is None
        try:
            local = self.local_errors(data)
            if local:
                raise ValidationError(local)
            if created:
                record, changes = self.services.run(self.service.create, data)
            else:
                record, changes = self.services.run(self.service.update, self.record.id, data,
                                                    expected_version=self.loaded_version)
        except ValidationError as exc:
            self.touched.update(b.name for b in self.bindings)
            first = self.show_errors(exc.errors)
            if first is not None:
                self.scroll.ensureWidgetVisible(first.container)
                first.widget.setFocus()
            return None
        except Exception as exc:  # InspectorError: translated; anything else: logged
            show_error(self, exc, self.lang)
            return None
        self.record = record
        self.loaded_version = record.row_version
        self.saved_id = record.id
        self.load(self.record_values())
        self.snapshot = self.collect()
        self.show_errors([])
        self.update_title()
        self.ctx.notify_changed(changes)
        self.sig_saved.emit(record.id)
        self.after_save(created)
        return record.id

    # -- closing --------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Ask whether to drop the unsaved changes."""
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          QCoreApplication.translate("RecordForm",
                                                     "Discard the changes you made?"),
                          QMessageBox.StandardButton.NoButton, self)
        discard = box.addButton(QCoreApplication.translate("RecordForm", "Discard changes"),
                                QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(QCoreApplication.translate("RecordForm", "Continue editing"),
                             QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def reject(self) -> None:
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()

    def discard(self) -> None:
        """Close without saving and without asking (the session locks, the app quits)."""
        self.snapshot = self.collect()
        super().reject()
