"""Required marks of a record form, taken from the core's own validation.

A field is required when leaving it empty draws ``v.required`` (so conditional rules, such as
the fine of a fine penalty, follow): its label gets " *" and its inputs "required" in the
accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector_app.errors import InspectorError


class RequiredMarks:
    """The required marks of :class:`~ui.forms.base_form.RecordForm` (a mixin of the dialog)."""

    def required_fields(self) -> set[str]:
        """Fields whose emptiness the core refuses, given what the rest of the draft says."""
        draft = self.collect()
        record_id = self.record.id if self.record else None
        required = set()
        for b in self.bindings:
            blank = {**draft, **dict.fromkeys(b.read())}
            try:
                errors = self.service.validate(blank, record_id)
            except InspectorError:
                continue
            if any(e.code == "v.required" and b.covers(e.field) for e in errors):
                required.add(b.name)
        return required

    def mark_required(self) -> None:
        """Mark the required fields (label and accessible description); forms call this
        again when a choice changes what is required (a penalty, the kind of a visit)."""
        if self.read_only:
            return
        self.required = self.required_fields()
        note = QCoreApplication.translate("RecordForm", "required field")
        for b in self.bindings:
            needed = b.name in self.required
            if b.label is not None:
                b.label.setText(f"{b.caption} *" if needed else b.caption)
            for widget in self.inputs(b):
                widget.setAccessibleDescription(note if needed else "")
        self.required_legend.setVisible(bool(self.required))
