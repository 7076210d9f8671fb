"""Choosing a КоАП article and part: search by number ("434", "73 2") or by words ("тишин").

The catalogue (``offence_articles``) is small and held in memory, so matching runs as the user
types. Titles are shown in the UI language: the number in the field, the description below
it; each row's tooltip and the chosen article's give its legal source (act, article and part,
edition, address, how far it was verified). ``value()`` is the chosen code; typed text that
was not chosen is returned as is, and the core reports it as an unknown article under the
field.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.catalogues import Catalogues, Item
from inspector_app.domain.text import normalize
from inspector_app.services.offences import source_summary

CATALOGUE = "offence_articles"
_CODE_ROLE = Qt.ItemDataRole.UserRole
_NUMBER = re.compile(r"\d+(?:-\d+)?")


def split_title(title: str) -> tuple[str, str]:
    """"Ст. 73 ч. 1 — Title" into the number part and the description."""
    number, _dash, description = title.partition(" — ")
    return number.strip(), description.strip()


def article_matches(item: Item, text: str, lang: str) -> bool:
    """Whether ``item`` fits what was typed: article numbers first, then every word."""
    query = normalize(text).replace("ст.", " ").replace("ч.", " ")
    numbers = _NUMBER.findall(query)
    words = [w for w in re.findall(r"\w+", _NUMBER.sub(" ", query)) if w]
    article = str(item.extra.get("article", item.code.split("-")[0]))
    part = str(item.extra.get("part", ""))
    if numbers:
        if numbers[0] != article and not item.code.startswith(numbers[0]):
            return False
        if len(numbers) > 1 and numbers[1] != part:
            return False
    haystack = normalize(" ".join({item.title(lang), item.title("ru")}))
    return all(w in haystack for w in words)


def find_articles(catalogues: Catalogues, text: str, lang: str) -> list[Item]:
    """Active articles matching ``text`` in catalogue order (all of them for empty text)."""
    items = catalogues.items(CATALOGUE)
    if not text.strip():
        return items
    return [item for item in items if article_matches(item, text, lang)]


class ArticlePicker(QWidget):
    """A field holding one article/part of the КоАП catalogue."""

    changed = Signal()

    def __init__(self, catalogues: Catalogues, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalogues, self.lang = catalogues, lang
        self.code: str | None = None
        self._read_only = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        layout = QHBoxLayout()
        layout.setSpacing(2)
        outer.addLayout(layout)
        self.detail = QLabel(self)
        self.detail.setObjectName("articleTitle")
        self.detail.setWordWrap(True)
        self.detail.hide()
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Article number or words of its title"))
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        layout.addWidget(self.edit, 1)
        self.list_button = QToolButton(self)
        self.list_button.setArrowType(Qt.ArrowType.DownArrow)
        self.list_button.setIconSize(QSize(12, 12))
        self.list_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list_button.setToolTip(self.tr("All articles (Alt+Down)"))
        self.list_button.clicked.connect(self.show_all)
        layout.addWidget(self.list_button)
        outer.addWidget(self.detail)
        self.setFocusProxy(self.edit)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.edit.textEdited.connect(self._typed)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.edit and isinstance(event, QKeyEvent) \
                and event.type() == QKeyEvent.Type.KeyPress:
            alt_down = (event.key() == Qt.Key.Key_Down
                        and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.show_all()
                return True
        return super().eventFilter(watched, event)

    # -- the value ------------------------------------------------------------------------
    def value(self) -> str | None:
        return self.code or self.edit.text().strip() or None

    def set_value(self, code: str | None) -> None:
        if not code:
            self._forget()
            self.edit.clear()
        else:
            self.choose(code, emit=False)

    def item(self) -> Item | None:
        """The chosen catalogue item (None when nothing is chosen)."""
        return self.catalogues.get(CATALOGUE, self.code) if self.code else None

    def choose(self, code: str, *, emit: bool = True) -> None:
        self.code = code
        number, description = split_title(self.catalogues.title(CATALOGUE, code, self.lang))
        self.edit.setText(number)
        item = self.item()
        self.edit.setToolTip(self._tooltip(item) if item else "")
        self.detail.setText(description)
        self.detail.setVisible(bool(description))
        self.completer.popup().hide()
        if emit:
            self.changed.emit()

    def set_read_only(self, flag: bool) -> None:
        self._read_only = flag
        self.edit.setReadOnly(flag)
        self.edit.setClearButtonEnabled(not flag)
        self.list_button.setEnabled(not flag)

    # -- matching -------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if self.code is not None:
            self._forget()
            self.changed.emit()
        self._fill(find_articles(self.catalogues, text, self.lang) if text.strip() else [])

    def _tooltip(self, item: Item) -> str:
        return f"{item.title(self.lang)}\n{source_summary(item, self.lang)}"

    def _forget(self) -> None:
        self.code = None
        self.edit.setToolTip("")
        self.detail.clear()
        self.detail.hide()

    def show_all(self) -> None:
        if not self._read_only:
            self._fill(self.catalogues.items(CATALOGUE))

    def _fill(self, items: list[Item]) -> None:
        self.model.clear()
        for item in items:
            row = QStandardItem(item.title(self.lang))
            row.setData(item.code, _CODE_ROLE)
            row.setToolTip(self._tooltip(item))
            self.model.appendRow(row)
        popup = self.completer.popup()
        if items and self.edit.hasFocus():
            popup.setMinimumWidth(max(self.edit.width(), 520))
            self.completer.complete(self.edit.rect())
        else:
            popup.hide()

    def suggestions(self) -> list[str]:
        """Codes now offered (for tests and checks)."""
        return [self.model.item(i).data(_CODE_ROLE) for i in range(self.model.rowCount())]

    def pick(self, row: int) -> None:
        self._activated(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(_CODE_ROLE)
        if code:
            self.choose(code)
