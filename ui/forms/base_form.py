"""What every record form has in common.

A form subclass declares its ``kind`` and service, builds its fields with :meth:`add_field`
and fills :meth:`defaults`; the base does the rest the same way everywhere, each job in its
own module:

- the save flow (:mod:`ui.forms.saving`): Enter or Ctrl+S saves (Enter inside a multi-line
  field makes a new line), Esc cancels and asks first when something was changed; the core's
  errors under their fields; the draft checked when the user leaves a field;
- keyboard and screen readers (:mod:`ui.forms.keyboard`): Tab in visual order, a mnemonic for
  every label and button, inputs named after their labels;
- required marks from the core's own validation (:mod:`ui.forms.required`);
- the Print button of a record with a printed document (:mod:`ui.forms.printing`);
- here: the frame, the fields' bindings, the values, read-only mode and the window's size
  (a user who may not change the record gets it read-only).

Texts of this base class use the fixed translation context ``RecordForm``: PySide's ``tr``
takes its context from the runtime class, so ``self.tr`` here would land in every subclass.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.permissions import Action
from inspector_app.errors import FieldError, InspectorError
from ui.context import UiContext
from ui.forms.binding import Binding
from ui.forms.fields import ErrorLabel
from ui.forms.keyboard import KeyboardOrder, name_inputs
from ui.forms.printing import PrintButton
from ui.forms.required import RequiredMarks
from ui.forms.saving import SaveFlow
from ui.icons import icon


class RecordForm(SaveFlow, PrintButton, RequiredMarks, KeyboardOrder, QDialog):
    """The modal dialog of one record; subclasses add fields in :meth:`build`."""

    kind: ClassVar[str] = ""
    icon_name: ClassVar[str] = ""
    columns: ClassVar[int] = 1

    sig_saved = Signal(str)  # the saved record's id

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
