"""What every record form has in common.

A form subclass declares its ``kind`` and service, builds its fields with :meth:`add_field`
and fills :meth:`defaults`; the base does the rest the same way everywhere:

- keyboard first: fields in visual order, Enter or Ctrl+S saves (Enter inside a multi-line
  field makes a new line), Esc cancels and asks first when something was changed;
- the data goes to the core's service as a dict (model field names, references as ids):
  ``create`` for a new record, ``update`` with the row version that was loaded, so a record
  changed meanwhile by someone else is refused with the core's message;
- each :class:`FieldError` of the core is shown under its field, in the user's language, and
  focus goes to the first bad field; nothing typed is lost;
- when the user leaves a field the draft is checked with ``service.validate`` (nothing is
  written) and only errors of fields the user has already been in are shown;
- a user who may not change the record gets it read-only;
- for keyboards and screen readers: Tab visits the fields column by column, top to bottom,
  then the buttons; every label and button gets a mnemonic (Alt+letter) chosen here, so no
  two clash in any language; every input is named after its label for screen readers;
- required fields are marked (" *" after the label, "required" in the accessible
  description) from the core's own validation: a field is required when leaving it empty
  draws ``v.required`` (so conditional rules, such as the fine of a fine penalty, follow).
- a record with a printed document (the kind's ``document``: the talon, the protocol, the
  visit record) gets a Print button and Ctrl+P (:meth:`add_print_button`) that save pending
  changes, keep the form open and show the document's preview.

Texts of this base class use the fixed translation context ``RecordForm``: PySide's ``tr``
takes its context from the runtime class, so ``self.tr`` here would land in every subclass.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.permissions import Action
from inspector_app.errors import FieldError, InspectorError, ValidationError
from inspector_app.kinds import KINDS
from ui.context import UiContext
from ui.errors import show_error
from ui.forms.fields import ErrorLabel
from ui.icons import icon

log = logging.getLogger(__name__)

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
_BANNER_STYLES = {
    "info": "background: #e6f4ea; color: #1e4620; border: 1px solid #a8d5b5;",
    "error": "background: #fdecea; color: #8a1c14; border: 1px solid #f1b0aa;",
    "readonly": "background: #fff8e1; color: #5d4300; border: 1px solid #ecd588;",
}


@dataclass(frozen=True)
class LocalFieldError(FieldError):
    """A problem only the form sees, with its text already translated by the form."""

    text: str = ""

    def message(self, lang: str = "ru") -> str:
        return self.text


@dataclass(eq=False)
class Binding:
    """One field of a form: its editor, error label, and how it reads and writes values."""

    name: str
    widget: QWidget
    container: QWidget
    label: QLabel | None
    error: ErrorLabel
    read: Callable[[], dict[str, Any]]
    write: Callable[[dict[str, Any]], None]
    aliases: tuple[str, ...] = field(default_factory=tuple)
    column: int = 0
    caption: str = ""  # the label's text with its mnemonic, without the required mark

    def covers(self, field_name: str) -> bool:
        return field_name == self.name or field_name in self.aliases


def takes_tab_focus(widget: QWidget) -> bool:
    """Whether Tab may stop on ``widget`` itself (not through a focus proxy)."""
    return (widget.focusProxy() is None
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))


def name_inputs(widget: QWidget, label: str) -> None:
    """Name a field's inputs for screen readers after its label (a part may say more)."""
    name = plain_caption(label)
    own = getattr(widget, "set_accessible_label", None)
    if own is not None:
        own(name)
        return
    widget.setAccessibleName(name)
    for inner in widget.findChildren(QWidget):
        if takes_tab_focus(inner) and not inner.accessibleName():
            inner.setAccessibleName(name)


def plain_caption(text: str) -> str:
    """A label's text without its mnemonic mark and required star."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *:")


def mnemonic_letter(text: str) -> str:
    """The letter after the ``&`` of ``text`` ("" when it has none), casefolded."""
    found = _MNEMONIC.search(text)
    return found.group(1).casefold() if found else ""


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with an ``&`` before its first letter not in ``used`` (word starts first);
    the letter is added to ``used``. A text that has its own ``&`` keeps it."""
    if mnemonic_letter(text):
        used.add(mnemonic_letter(text))
        return text
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    starts = [i for i in letters if i == 0 or not text[i - 1].isalnum()]
    for i in starts + [i for i in letters if i not in starts]:
        if text[i].casefold() not in used:
            used.add(text[i].casefold())
            return f"{text[:i]}&{text[i:]}"
    return text


class RecordForm(QDialog):
    """The modal dialog of one record; subclasses add fields in :meth:`build`."""

    kind: ClassVar[str] = ""
    icon_name: ClassVar[str] = ""
    columns: ClassVar[int] = 1

    sig_saved = Signal(str)  # the saved record's id

    @property
    def document_kind(self) -> str | None:
        """The record's printed document, from the kind's description (talon, protocol...)."""
        return KINDS[self.kind].document

    def __init__(self, ctx: UiContext, record_id: str | None = None,
                 parent: QWidget | None = None, *, initial: dict[str, Any] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.services = ctx.services
        self.lang = ctx.lang
        self.service = self.services.service(self.kind)
        self.record = self.service.get(record_id) if record_id else None
        self.loaded_version: int | None = self.record.row_version if self.record else None
        self.saved_id: str | None = None
        self.read_only = not self.may_edit()
        self.touched: set[str] = set()
        self.bindings: list[Binding] = []
        self.tab_chain: list[QWidget] = []
        self.first_focus: QWidget | None = None
        self.required: set[str] = set()
        self._mnemonics: set[str] = set()
        self.print_button: QPushButton | None = None
        self._saving_to_print = False
        self._locality: str | None = None
        if self.icon_name:
            self.setWindowIcon(icon(self.icon_name))
        self._build_frame()
        self.build()
        self._assign_mnemonics()
        self._chain_tab_order()
        values = self.record_values() if self.record else {**self.defaults(), **(initial or {})}
        self.load(values)
        self.snapshot = self.collect()
        if self.read_only:
            self._apply_read_only()
        else:
            self.mark_required()
        self.update_title()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self._watching_focus = True
        self._fit_to_screen()
        target = self.first_focus or (self.bindings[0].widget if self.bindings else None)
        if target is not None:
            target.setFocus()

    # -- for subclasses -------------------------------------------------------------------
    def build(self) -> None:
        """Create the fields (in visual order) with :meth:`add_field`."""

    def defaults(self) -> dict[str, Any]:
        """Values of a new record: the current moment, officer and so on."""
        return {}

    def title(self) -> str:
        """The window title (the record's number once it has one)."""
        return ""

    def may_edit(self) -> bool:
        """Whether the current user may change this record (or create one, for a new form)."""
        services = self.services
        if self.record is None:
            return services.can(Action.CREATE, self.kind)
        if getattr(self.record, "owner_point", services.point_code) != services.point_code:
            return False
        own = self.service.owned_by_actor(self.record)
        return services.can(Action.EDIT, self.kind, own_record=own)

    def local_errors(self, data: dict[str, Any]) -> list[FieldError]:
        """Problems only the form can see (e.g. a password typed twice differently)."""
        return []

    def after_save(self, created: bool) -> None:
        """What happens once the record is stored; by default the dialog closes."""
        self.accept()

    def record_values(self) -> dict[str, Any]:
        """The loaded record's values by field name (references as ids)."""
        return dict(self.record.__data__)

    # -- defaults -------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.services.clock.now_local().replace(second=0, microsecond=0)

    def current_staff_id(self) -> str | None:
        session = self.services.session
        return session.staff_id if session is not None else self.services.current_staff_id()

    def locality(self) -> str:
        """The point's town or district centre, the usual start of an address or place."""
        if self._locality is None:
            try:
                district = (self.services.points.current().district or "").strip()
            except InspectorError:
                district = ""
            self._locality = district
            for item in self.services.catalogues.items("districts"):
                if district and district in (item.code, *item.titles.values()):
                    self._locality = (item.extra.get(f"centre_{self.lang}")
                                      or item.extra.get("centre_ru") or district)
                    break
        return self._locality

    def place_prefix(self) -> str:
        return f"{self.locality()}, " if self.locality() else ""

    # -- building -------------------------------------------------------------------------
    def _build_frame(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(8)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setContentsMargins(8, 5, 8, 5)
        self.banner.hide()
        outer.addWidget(self.banner)
        self.body = QWidget()
        body_layout = QHBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 6, 0)
        body_layout.setSpacing(18)
        self.form_columns: list[QFormLayout] = []
        for _ in range(self.columns):
            column = QFormLayout()
            column.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            column.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column.setVerticalSpacing(7)
            holder = QVBoxLayout()
            holder.addLayout(column)
            holder.addStretch(1)
            body_layout.addLayout(holder, 1)
            self.form_columns.append(column)
        self.form = self.form_columns[0]
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.button_row = QHBoxLayout()
        self.required_legend = QLabel(
            QCoreApplication.translate("RecordForm", "* required field"), self)
        self.required_legend.setStyleSheet("color: #555;")
        self.button_row.addWidget(self.required_legend)
        self.button_row.addStretch(1)
        self.save_button = QPushButton(icon("save"),
                                       QCoreApplication.translate("RecordForm", "Save"), self)
        self.save_button.setToolTip(QCoreApplication.translate("RecordForm", "Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save)
        self.cancel_button = QPushButton(QCoreApplication.translate("RecordForm", "Cancel"), self)
        self.cancel_button.setToolTip(QCoreApplication.translate("RecordForm", "Cancel (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.button_row.addWidget(self.save_button)
        self.button_row.addWidget(self.cancel_button)
        outer.addLayout(self.button_row)
        self._extra_buttons = 0
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.on_save)

    def add_button(self, button: QPushButton) -> QPushButton:
        """Put an extra button (print...) at the left of the button row."""
        button.setAutoDefault(False)
        self.button_row.insertWidget(self._extra_buttons + 1, button)
        self._extra_buttons += 1
        return button

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

    def add_field(self, name: str, label: str, widget: QWidget, *, column: int = 0,
                  aliases: tuple[str, ...] = (),
                  read: Callable[[], dict[str, Any]] | None = None,
                  write: Callable[[dict[str, Any]], None] | None = None) -> QWidget:
        """Add a labelled editor bound to the service field ``name``.

        ``read``/``write`` default to the editor's ``value()``/``set_value()`` for ``name``;
        errors of ``aliases`` fields are shown under this editor too.
        """
        container = QWidget(self.body)
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = ErrorLabel(container)
        box.addWidget(error)
        caption = QLabel(label, self.body) if label else None
        if caption is not None:
            caption.setBuddy(widget)
            caption.setContentsMargins(0, 3, 0, 0)
        layout = self.form_columns[column]
        if caption is not None:
            layout.addRow(caption, container)
        else:
            layout.addRow(container)
        binding = Binding(
            name, widget, container, caption, error,
            read or (lambda: {name: widget.value()}),
            write or (lambda values: widget.set_value(values.get(name))),
            aliases, column, label,
        )
        self.bindings.append(binding)
        name_inputs(widget, label or getattr(widget, "text", lambda: "")())
        return widget

    def add_note(self, widget: QWidget, label: str = "", column: int = 0) -> QWidget:
        """A row that is shown but not sent to the service (computed values...)."""
        layout = self.form_columns[column]
        if label:
            layout.addRow(QLabel(label, self.body), widget)
        else:
            layout.addRow(widget)
        return widget

    def binding(self, name: str) -> Binding:
        return next(b for b in self.bindings if b.name == name)

    def binding_for_field(self, field_name: str) -> Binding | None:
        return next((b for b in self.bindings if b.covers(field_name)), None)

    def binding_of_widget(self, widget: QWidget | None) -> Binding | None:
        """The field a (possibly inner or pop-up) widget belongs to."""
        current = widget
        while current is not None and current is not self:
            for b in self.bindings:
                if current is b.container:
                    return b
            current = current.parentWidget()
        return None

    def inputs(self, binding: Binding) -> list[QWidget]:
        """The widgets of a field that take keyboard focus, in their own order."""
        found = binding.container.findChildren(QWidget)  # the editor and its parts, in order
        return [w for w in found if takes_tab_focus(w) and w.window() is self]

    def _chain_tab_order(self) -> None:
        """Tab: column by column, top to bottom, then the extra buttons, Save and Cancel.

        Kept as a list that :meth:`focusNextPrevChild` follows: Qt's own focus chain is
        the order widgets were made or reparented in, and composite fields (a picker and its
        focus proxy) defeat ``setTabOrder``.
        """
        def place(b: Binding) -> tuple[int, int]:
            row, _role = self.form_columns[b.column].getWidgetPosition(b.container)
            return b.column, row

        self.tab_chain = [w for b in sorted(self.bindings, key=place) for w in self.inputs(b)]
        self.tab_chain += self._buttons()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        chain = [w for w in self.tab_chain
                 if w.isEnabled() and w.isVisibleTo(self) and takes_tab_focus(w)]
        current = QApplication.focusWidget()
        if current not in chain or len(chain) < 2:
            return super().focusNextPrevChild(next)
        step = 1 if next else -1
        target = chain[(chain.index(current) + step) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason if next
                        else Qt.FocusReason.BacktabFocusReason)
        return True

    def _assign_mnemonics(self) -> None:
        """An Alt+letter for every button and field label, no letter used twice."""
        used = self._mnemonics
        for button in self._buttons():
            button.setText(with_mnemonic(button.text(), used))
        for b in self.bindings:
            if b.label is not None:
                b.caption = with_mnemonic(b.caption, used)
                b.label.setText(b.caption)
            elif isinstance(b.widget, QAbstractButton):
                b.widget.setText(with_mnemonic(b.widget.text(), used))

    def _buttons(self) -> list[QPushButton]:
        row = self.button_row
        return [row.itemAt(i).widget() for i in range(row.count())
                if isinstance(row.itemAt(i).widget(), QPushButton)]

    def rename_button(self, button: QPushButton, text: str) -> None:
        """Give a button a new text (Cancel becomes Close) with a free mnemonic."""
        self._mnemonics.discard(mnemonic_letter(button.text()))
        button.setText(with_mnemonic(text, self._mnemonics))

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

    # -- values ---------------------------------------------------------------------------
    def load(self, values: dict[str, Any]) -> None:
        for b in self.bindings:
            b.write(values)
        if self.print_button is not None:
            self.print_button.setEnabled(self.record is not None)

    def collect(self) -> dict[str, Any]:
        """The draft as the service expects it."""
        data: dict[str, Any] = {}
        for b in self.bindings:
            data.update(b.read())
        return data

    def is_dirty(self) -> bool:
        return not self.read_only and self.collect() != self.snapshot

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

    def done(self, result: int) -> None:
        if self._watching_focus:
            self._watching_focus = False
            QApplication.instance().focusChanged.disconnect(self._on_focus_changed)
        super().done(result)

    # -- looks ----------------------------------------------------------------------------
    def update_title(self) -> None:
        title = self.title()
        if self.read_only:
            mark = QCoreApplication.translate("RecordForm", "read only")
            title = f"{title} — {mark}"
        self.setWindowTitle(title)

    def _apply_read_only(self) -> None:
        for b in self.bindings:
            setter = getattr(b.widget, "set_read_only", None)
            if setter is not None:
                setter(True)
            else:
                b.widget.setEnabled(False)
        self.body.setStyleSheet(
            'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"]'
            " { background: palette(window); }")
        self.save_button.hide()
        self.required_legend.hide()
        self.rename_button(self.cancel_button, QCoreApplication.translate("RecordForm", "Close"))
        self.cancel_button.setDefault(True)
        self.show_banner(QCoreApplication.translate(
            "RecordForm", "Read only: you may not change this record."), "readonly")

    def _wanted_size(self) -> tuple[int, int]:
        """The size that shows every field, the banner and the buttons without scrolling."""
        self.body.adjustSize()
        hint = self.body.sizeHint().expandedTo(self.body.minimumSize())
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        buttons = self.save_button.sizeHint().height()
        margins = self.layout().contentsMargins()
        width = hint.width() + margins.left() + margins.right() + scrollbar + 8
        height = (hint.height() + buttons + margins.top() + margins.bottom() + 30
                  + (self.banner.sizeHint().height() + 8 if not self.banner.isHidden() else 0))
        return width, height

    def _screen_area(self):
        screen = (self.parentWidget() or self).screen() or QApplication.primaryScreen()
        return screen.availableGeometry()

    def _fit_to_screen(self) -> None:
        """Open at the size the fields need, but never larger than the screen."""
        width, height = self._wanted_size()
        area = self._screen_area()
        self.resize(min(width, area.width() - 40), min(height, area.height() - 60))

    def grow_to_fit(self) -> None:
        """Grow (never shrink) when messages made the content taller, within the screen."""
        _width, height = self._wanted_size()
        limit = self._screen_area().height() - 60
        if height > self.height() and self.height() < limit:
            self.resize(self.width(), min(height, limit))
