"""Choosing a person: type a name or ИИН, pick a suggestion, or create the person inline.

Suggestions come from the core's full-text person search, run off the GUI thread (on the
client's worker) a moment after the user stops typing, so a large persons table never freezes
typing; answers to an older query are dropped. The last suggestion is always "New person",
which opens the person form pre-filled with what was typed (also the Insert key or the +
button). Once chosen, the field shows the person's name, with the ИИН, birth date and
address on a line below it.

``value()`` is the chosen person's id; when something was typed but nothing chosen it is the
typed text, which the core reports as "not found" under the field (nothing typed is lost).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.errors import InspectorError
from ui.context import UiContext
from ui.icons import icon
from ui.worker import run_job

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
SUGGESTIONS = 15
NEW_PERSON = "__new__"
_ID_ROLE = Qt.ItemDataRole.UserRole


def person_details(iin: str | None, born, address: str | None) -> str:
    """``ИИН 123… · 15.02.1990 · address``: the line under a chosen person's name."""
    parts = [QCoreApplication.translate("PersonPicker", "IIN {iin}").format(iin=iin) if iin
             else QCoreApplication.translate("PersonPicker", "no IIN")]
    if born:
        parts.append(born.strftime("%d.%m.%Y"))
    if address:
        parts.append(address)
    return " · ".join(parts)


def guess_person(text: str) -> dict[str, Any]:
    """Pre-fill a new person from what was typed: an ИИН, or surname, name, patronymic."""
    text = " ".join(text.split())
    digits = text.replace(" ", "")
    if digits.isdigit():
        return {"iin": digits}
    parts = text.split(" ", 2) if text else []
    keys = ("surname", "first_name", "patronymic")
    return {key: part.capitalize() if part.islower() else part
            for key, part in zip(keys, parts, strict=False)}


def _search_rows(services, text: str) -> list[tuple]:
    """Plain rows for the suggestions (runs on a worker thread)."""
    rows = []
    for person in services.search.persons(text, SUGGESTIONS):
        name = " ".join(p for p in (person.surname, person.first_name, person.patronymic) if p)
        rows.append((person.id, name, person.iin, person.birth_date, person.address))
    return rows


class PersonPicker(QWidget):
    """A field that holds one person of the persons directory."""

    changed = Signal()  # the chosen person changed (chosen, created or cleared)
    sig_suggestions = Signal()  # new suggestions arrived (tests wait for it)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 allow_create: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: str | None = None
        self._generation = 0
        self._read_only = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        layout = QHBoxLayout()
        layout.setSpacing(2)
        outer.addLayout(layout)
        self.detail = QLabel(self)
        self.detail.setObjectName("personDetail")
        self.detail.setStyleSheet("color: #555;")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.hide()
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Surname, name or IIN"))
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit, 1)
        self.new_button = QToolButton(self)
        self.new_button.setIcon(icon("new"))
        self.new_button.setIconSize(QSize(16, 16))
        self.new_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_button.setToolTip(self.tr("New person (Insert)"))
        self.new_button.clicked.connect(self.create_person)
        self.new_button.setVisible(allow_create)
        layout.addWidget(self.new_button)
        outer.addWidget(self.detail)
        self.setFocusProxy(self.edit)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._typed)
        if allow_create:
            shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self.edit, self.create_person)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.allow_create = allow_create

    # -- the value ------------------------------------------------------------------------
    def value(self) -> str | None:
        if self.person_id:
            return self.person_id
        return self.edit.text().strip() or None

    def set_value(self, person_id: str | None) -> None:
        """Show the person with ``person_id`` (None: empty)."""
        if not person_id:
            self._forget()
            self.edit.clear()
            return
        try:
            person = self.ctx.services.persons.get(person_id, include_deleted=True)
        except InspectorError:
            self._forget()
            self.edit.setText(str(person_id))
            return
        name = " ".join(p for p in (person.surname, person.first_name, person.patronymic) if p)
        self.choose(person.id, name, person_details(person.iin, person.birth_date,
                                                    person.address))

    def choose(self, person_id: str, name: str, details: str = "") -> None:
        """Make ``person_id`` the chosen person: its name in the field, ИИН and more below."""
        self.timer.stop()
        self._generation += 1
        self.person_id = person_id
        self.edit.setText(name)
        self.edit.setCursorPosition(0)
        self.detail.setText(details)
        self.detail.setVisible(bool(details))
        self.completer.popup().hide()
        self.changed.emit()

    def details(self) -> str:
        """The line shown under the chosen person's name ("" when none is chosen)."""
        return self.detail.text() if self.person_id else ""

    def _forget(self) -> None:
        self.person_id = None
        self.detail.clear()
        self.detail.hide()

    def set_read_only(self, flag: bool) -> None:
        self._read_only = flag
        self.edit.setReadOnly(flag)
        self.edit.setClearButtonEnabled(not flag)
        self.new_button.setEnabled(not flag)

    # -- searching ------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if self.person_id is not None:
            self._forget()
            self.changed.emit()
        if len(text.strip()) >= 2:
            self.timer.start()
        else:
            self.timer.stop()
            self._generation += 1
            self.completer.popup().hide()

    def search_now(self) -> None:
        """Look the typed text up (off the GUI thread when the database is a file)."""
        text = self.edit.text().strip()
        if self._read_only or len(text) < 2:
            return
        self._generation += 1
        generation = self._generation
        services = self.ctx.services
        if services.db.database == ":memory:":  # an in-memory database lives on one thread
            self._show_results((generation, text, _search_rows(services, text)))
            return
        run_job(lambda _progress: (generation, text, _search_rows(services, text)),
                db=services.db, show_progress=False, on_done=self._show_results,
                on_error=lambda exc: log.warning("Person search failed: %s", exc))

    def _show_results(self, result: tuple) -> None:
        generation, text, rows = result
        if generation != self._generation or self.person_id is not None:
            return
        self.model.clear()
        for person_id, name, iin, born, address in rows:
            details = [d for d in (iin, born.strftime("%d.%m.%Y") if born else "", address) if d]
            item = QStandardItem(" — ".join([name, *details]))
            item.setData(person_id, _ID_ROLE)
            item.setData(name, Qt.ItemDataRole.UserRole + 1)
            item.setData(person_details(iin, born, address), Qt.ItemDataRole.UserRole + 2)
            item.setToolTip(address or "")
            self.model.appendRow(item)
        if self.allow_create:
            item = QStandardItem(icon("new"), self.tr("New person «{text}»…").format(text=text))
            item.setData(NEW_PERSON, _ID_ROLE)
            self.model.appendRow(item)
        if self.edit.hasFocus() and self.model.rowCount():
            popup = self.completer.popup()
            popup.setMinimumWidth(max(self.edit.width(), 460))
            self.completer.complete(self.edit.rect())
        self.sig_suggestions.emit()

    def suggestions(self) -> list[str]:
        """Texts of the current suggestions (the last one may be "New person")."""
        return [self.model.item(i).text() for i in range(self.model.rowCount())]

    def pick(self, row: int) -> None:
        """Choose suggestion ``row`` as a click or Enter on it would."""
        self._activated(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        person_id = index.data(_ID_ROLE)
        if person_id == NEW_PERSON:
            QTimer.singleShot(0, self.create_person)
            return
        if person_id:
            self.choose(person_id, index.data(Qt.ItemDataRole.UserRole + 1),
                        index.data(Qt.ItemDataRole.UserRole + 2) or "")

    # -- creating -------------------------------------------------------------------------
    def create_person(self) -> str | None:
        """Open the person form pre-filled with the typed text; choose the new person."""
        if self._read_only or not self.allow_create:
            return None
        from ui.forms.person_form import PersonForm

        self.timer.stop()
        self.completer.popup().hide()
        typed = "" if self.person_id else self.edit.text()
        form = PersonForm(self.ctx, None, self.window(), initial=guess_person(typed))
        form.exec()
        if form.saved_id:
            self.set_value(form.saved_id)
        self.edit.setFocus()
        return form.saved_id
