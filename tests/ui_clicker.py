"""Use the whole main window as a person does: every page, button, list, menu and shortcut.

:class:`Clicker` finds what to press by itself (``findChildren(QAbstractButton)``, the item
views of a page, the menus of the menu bar, the actions with a shortcut), so a new button is
pressed without anyone adding it to a test. While it presses, a timer answers whatever opens:
the first dialog of each kind has every button clicked (its OK/Cancel box last), then
record forms and the program's own dialogs are closed (a form discards what it holds),
message boxes get their Escape answer, popup menus close, the idle lock is unlocked with the
user's password. File and print dialogs are answered by :class:`ui_dialogs.DialogAnswers`,
``QMessageBox.question`` says No. Every error message (:func:`ui.errors.error_text`, which
every error box and failed background job goes through) is collected as an error, except a
core refusal of what a dialog was given while its buttons are clicked; pytest-qt fails the
test on an exception raised in a slot or a Qt virtual method.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

import ui.errors
from inspector_app.errors import InspectorError
from ui.idle_lock import UnlockDialog

LEFT = Qt.MouseButton.LeftButton


@dataclass
class Tally:
    """What was pressed on one page (or in the menus)."""

    buttons: int = 0
    rows: int = 0
    context_actions: int = 0
    cards: int = 0

    def __str__(self) -> str:
        parts = [f"{self.buttons} buttons", f"{self.rows} list rows opened"]
        if self.context_actions:
            parts.append(f"{self.context_actions} context-menu actions")
        if self.cards:
            parts.append(f"{self.cards} figure cards")
        return ", ".join(parts)


@dataclass
class Clicker:
    qtbot: object
    window: QWidget
    password: str
    errors: list[str] = field(default_factory=list)
    dialogs: Counter = field(default_factory=Counter)  # "Class: title" -> times closed
    messages: list[str] = field(default_factory=list)  # static QMessageBox calls
    pages: dict[str, Tally] = field(default_factory=dict)
    menu_actions: dict[str, int] = field(default_factory=dict)  # menu title -> triggered
    shortcuts: list[str] = field(default_factory=list)
    unlocked: int = 0
    popup_choice: str | None = None  # text of the action to click in the next popup menu
    held_menu: QMenu | None = None  # a menu the test itself opened and is about to click
    popup_texts: list[str] = field(default_factory=list)  # actions of the last popup closed
    dialog_buttons: Counter = field(default_factory=Counter)  # dialog class -> buttons
    refusals: list[str] = field(default_factory=list)  # messages for what a dialog was given
    _explored: set[str] = field(default_factory=set)
    _exploring: list[QDialog] = field(default_factory=list)

    def install(self, monkeypatch) -> Clicker:
        original = ui.errors.error_text

        def error_text(exc, lang):
            text = original(exc, lang)
            if self._exploring and isinstance(exc, InspectorError):
                self.refusals.append(text)  # e.g. OK pressed in an empty dialog: refused
            else:
                self.errors.append(f"{type(exc).__name__}: {exc}")
            return text

        monkeypatch.setattr(ui.errors, "error_text", error_text)

        def answer(kind: str, result):
            def static(parent, title, text="", *args, **kwargs):
                self.messages.append(f"{kind}: {title}")
                if kind in ("warning", "critical") and not self._exploring:
                    self.errors.append(f"QMessageBox.{kind}: {title}: {text}")
                return result
            return static

        no, ok = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Ok
        monkeypatch.setattr(QMessageBox, "question", answer("question", no))
        monkeypatch.setattr(QMessageBox, "information", answer("information", ok))
        monkeypatch.setattr(QMessageBox, "warning", answer("warning", ok))
        monkeypatch.setattr(QMessageBox, "critical", answer("critical", ok))
        monkeypatch.setattr(QMessageBox, "about", answer("about", None))
        self.timer = QTimer()
        self.timer.setInterval(25)
        self.timer.timeout.connect(self._tend)
        self.timer.start()
        return self

    def stop(self) -> None:
        self.timer.stop()

    # -- answering what opens -------------------------------------------------------------
    def _tend(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None and popup is self.held_menu:
            return
        if isinstance(popup, QMenu):
            choice = next((a for a in popup.actions() if a.text() == self.popup_choice), None)
            self.popup_choice = None
            if choice is not None:  # the action may open a modal dialog: not in this timer
                pos = popup.actionGeometry(choice).center()
                QTimer.singleShot(0, lambda: self.qtbot.mouseClick(popup, LEFT, pos=pos))
            else:
                self.popup_texts = [a.text() for a in popup.actions()
                                    if a.isVisible() and a.isEnabled() and not a.isSeparator()]
                popup.close()
            return
        if popup is not None:
            popup.close()
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, UnlockDialog) and widget.isVisible():
                widget.password.setText(self.password)
                self.qtbot.mouseClick(widget.unlock_button, LEFT)
                self.unlocked += 1
                return
        modal = QApplication.activeModalWidget()
        if modal is None or isinstance(modal, QProgressDialog) or not modal.isVisible() \
                or modal in self._exploring:
            return
        self.dialogs[f"{type(modal).__name__}: {modal.windowTitle()}"] += 1
        name = type(modal).__name__
        if isinstance(modal, QDialog) and not isinstance(modal, QMessageBox) \
                and not self._exploring and name not in self._explored:
            self._explored.add(name)  # its buttons are clicked once, outside this timer
            self._exploring.append(modal)
            QTimer.singleShot(0, lambda: self._explore(modal))
            return
        self._close(modal)

    def _explore(self, dialog: QDialog) -> None:
        """Click every button of a dialog the first time one of its kind opens: those of
        its button box (OK, Cancel) last; a check box twice, so it stays as it was."""
        last = {getattr(dialog, "save_button", None), getattr(dialog, "cancel_button", None)}

        def closing(button: QAbstractButton) -> bool:
            return isinstance(button.parent(), QDialogButtonBox) or button in last \
                or (isinstance(button, QPushButton) and button.isDefault())

        try:
            buttons = sorted((b for b in dialog.findChildren(QAbstractButton)
                              if b.isVisible() and b.isEnabled()), key=closing)
            for button in buttons:
                if not dialog.isVisible():
                    break
                if not (button.isVisible() and button.isEnabled()):
                    continue
                for _time in range(2 if button.isCheckable() else 1):
                    self.qtbot.mouseClick(button, LEFT)
                    self.settle()
                self.dialog_buttons[type(dialog).__name__] += 1
        finally:
            self._exploring.remove(dialog)
        if dialog.isVisible():
            self._close(dialog)

    def _close(self, modal: QWidget) -> None:
        if isinstance(modal, QMessageBox):
            button = modal.escapeButton() or modal.defaultButton()
            if button is not None:
                button.click()
            else:
                modal.reject()
        elif hasattr(modal, "discard"):
            modal.discard()  # a record form: close without asking about its changes
        elif isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    def settle(self) -> None:
        """Let background jobs finish and their results arrive."""
        pool = QThreadPool.globalInstance()
        for _ in range(400):
            pool.waitForDone(25)
            self.qtbot.wait(10)
            loading = [w for w in self.window.findChildren(QWidget)
                       if getattr(w, "is_loading", None) and w.isVisible() and w.is_loading()]
            busy = [m for m in (getattr(p.widget, "model", None) for p in self.window.pages)
                    if m is not None and getattr(m, "is_busy", lambda: False)()]
            if pool.activeThreadCount() == 0 and not loading and not busy:
                break
        self.qtbot.wait(20)

    # -- pages ----------------------------------------------------------------------------
    def open_page(self, row: int) -> None:
        nav = self.window.nav
        rect = nav.visualItemRect(nav.item(row))
        nav.scrollToItem(nav.item(row))
        self.qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(nav.item(row))
                              .center() if rect.isValid() else QPoint(5, 5))
        assert nav.currentRow() == row, f"the sidebar did not open page {row}"
        self.settle()

    def visit_every_page(self) -> None:
        for row, page in enumerate(self.window.pages):
            self.open_page(row)
            tally = self.pages.setdefault(page.key, Tally())
            self._click_rows(row, tally)
            self._click_cards(row, tally)
            self._click_buttons(row, tally)

    def _back_to(self, row: int) -> None:
        if not self.window.isVisible():
            self.window.show()
        if self.window.nav.currentRow() != row:
            self.open_page(row)

    def _visible(self, row: int, kind) -> list:
        container = self.window.pages[row].container
        return [w for w in container.findChildren(kind) if w.isVisible() and w.isEnabled()]

    def _click_buttons(self, row: int, tally: Tally) -> None:
        """Every visible, enabled button; again for those a click enabled (Print after
        Generate), until no new one appears."""
        pressed: set[int] = set()
        for _round in range(4):
            fresh = [b for b in self._visible(row, QAbstractButton) if id(b) not in pressed]
            if not fresh:
                return
            for button in fresh:
                pressed.add(id(button))
                self._back_to(row)
                if not (button.isVisible() and button.isEnabled()):
                    continue
                self.qtbot.mouseClick(button, LEFT)
                self.settle()
                if isinstance(button, QCheckBox):  # put it back as the user found it
                    self._back_to(row)
                    self.qtbot.mouseClick(button, LEFT)
                    self.settle()
                tally.buttons += 1

    def _click_cards(self, row: int, tally: Tally) -> None:
        """Clickable frames (the home page's figure cards): they open their register."""
        for card in self._visible(row, QWidget):
            if hasattr(card, "sig_clicked") and not isinstance(card, QAbstractButton):
                self._back_to(row)
                self.qtbot.mouseClick(card, LEFT)
                self.settle()
                tally.cards += 1
        self._back_to(row)

    def _click_rows(self, row: int, tally: Tally) -> None:
        """In every list and table: click the first row, double-click it (it opens its record),
        and choose every action of its context menu."""
        for view in self._visible(row, QAbstractItemView):
            self._back_to(row)
            model = view.model()
            if model is None or model.rowCount() == 0:
                continue
            index = model.index(0, 0)
            rect = view.visualRect(index)
            if not rect.isValid():
                continue
            point = rect.center()
            self.qtbot.mouseClick(view.viewport(), LEFT, pos=point)
            self.qtbot.mouseDClick(view.viewport(), LEFT, pos=point)
            self.settle()
            tally.rows += 1
            if view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
                tally.context_actions += self._context_menu(row, view, point)

    def _context_menu(self, row: int, view: QAbstractItemView, point: QPoint) -> int:
        self.popup_choice, self.popup_texts = None, []
        view.customContextMenuRequested.emit(point)  # what a right-click on the row sends
        self.settle()
        offered = self.popup_texts
        for text in offered:
            self._back_to(row)
            self.popup_choice = text
            view.customContextMenuRequested.emit(point)
            self.settle()
        return len(offered)

    # -- menus and shortcuts --------------------------------------------------------------
    def menus(self) -> list[QMenu]:
        return [a.menu() for a in self.window.menuBar().actions() if a.menu() is not None]

    def open_menu_with_the_mouse(self, menu: QMenu) -> None:
        bar = self.window.menuBar()
        pos = bar.actionGeometry(menu.menuAction()).center()
        hit = self.window.childAt(bar.mapTo(self.window, pos))
        assert hit is bar or bar.isAncestorOf(hit), \
            f"{hit!r} lies over the menu «{menu.title()}»"
        self.popup_choice = None
        self.held_menu = menu  # the tender closes popups: not this one
        self.qtbot.mouseClick(bar, LEFT, pos=pos)
        self.qtbot.waitUntil(menu.isVisible, timeout=2_000)

    def trigger_every_menu_action(self, skip: tuple[QAction, ...] = ()) -> None:
        """Open each menu with the mouse and click each of its actions (one per opening)."""
        for menu in self.menus():
            actions = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None
                       and a.isVisible() and a not in skip]
            count = 0
            for action in actions:
                self._back_to(self.window.nav.currentRow())
                self.open_menu_with_the_mouse(menu)
                if not action.isEnabled():
                    menu.close()
                    self.held_menu = None
                    continue
                self.qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
                self.held_menu = None
                self.settle()
                count += 1
            self.menu_actions[menu.title().replace("&", "")] = count

    def press_every_shortcut(self, skip: tuple[QAction, ...] = ()) -> None:
        """Press each action's shortcut on the page where it applies; it must fire."""
        for action in self.window.findChildren(QAction):
            if action in skip or action.shortcut().isEmpty():
                continue
            target = self._shortcut_target(action)
            if target is None or not action.isEnabled():
                continue
            fired: list[bool] = []
            action.triggered.connect(lambda *_args, fired=fired: fired.append(True))
            key = action.shortcut()[0]
            self.qtbot.keyClick(target, key.key(), key.keyboardModifiers())
            self.settle()
            name = action.text().replace("&", "") or action.shortcut().toString()
            assert fired, (f"{action.shortcut().toString()} did not trigger «{name}» "
                           f"(focus: {QApplication.focusWidget()!r}, active window: "
                           f"{QApplication.activeWindow()!r})")
            self.shortcuts.append(action.shortcut().toString())

    def _shortcut_target(self, action: QAction) -> QWidget | None:
        """Where the user's focus is when they press it: the window, or for a widget's own
        shortcut (Del in a register's table) that widget on its page."""
        self._back_to(self.window.nav.currentRow())
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window,
                             timeout=2_000)
        if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut:
            return self.window
        owner = next((w for w in action.associatedObjects() if isinstance(w, QWidget)), None)
        if owner is None:
            return None
        row = next((i for i, p in enumerate(self.window.pages)
                    if p.container.isAncestorOf(owner)), None)
        if row is None:
            return None
        self._back_to(row)
        owner.setFocus()
        return owner

    def summary(self, mode: str) -> str:
        lines = [f"click-everything, {mode}:"]
        lines += [f"  page {key}: {tally}" for key, tally in self.pages.items()]
        lines += [f"  menu {title}: {n} actions" for title, n in self.menu_actions.items()]
        lines.append(f"  shortcuts pressed: {len(self.shortcuts)} ({', '.join(self.shortcuts)})")
        lines.append(f"  dialogs answered: {sum(self.dialogs.values())} "
                     f"({len(self.dialogs)} kinds); unlocked {self.unlocked} times")
        lines.append(f"  buttons clicked inside dialogs: {sum(self.dialog_buttons.values())} "
                     f"in {len(self.dialog_buttons)} kinds of dialog "
                     f"({', '.join(f'{k} {v}' for k, v in sorted(self.dialog_buttons.items()))})")
        lines.append(f"  refusals shown for what a dialog was given: {len(self.refusals)}"
                     + "".join(f"\n    {text}" for text in sorted(set(self.refusals))))
        return "\n".join(lines)
