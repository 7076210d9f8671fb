"""Keyboard use of a record form: Tab in visual order, a mnemonic for every label and button.

Tab visits the fields column by column, top to bottom, then the buttons; every label and
button gets an Alt+letter chosen here, so no two clash in any language; every input is named
after its label for screen readers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QWidget

if TYPE_CHECKING:
    from ui.forms.binding import Binding

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


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


class KeyboardOrder:
    """The tab chain and mnemonics of :class:`~ui.forms.base_form.RecordForm` (a mixin of
    the dialog: it uses its bindings, form columns and button row)."""

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
