"""Helpers shared by the record-form tests (tests/test_ui_forms_*.py); holds no tests itself.

Dialogs are driven without blocking: forms are built directly and shown; message boxes a form
opens with ``exec()`` are answered by :func:`answer_box`, which clicks a button once the box
is up.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from conftest import PASSWORD
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.services.context import Services
from ui.context import UiContext
from ui.i18n import install_language

ASSISTANT_PASSWORD = "Pomoshnik-2026"


def make_ctx(services: Services, tmp_path, lang: str = "ru") -> UiContext:
    """A context in ``lang`` with that language's translators installed (Russian by default,
    as the program starts), whatever language a test before left installed."""
    install_language(lang)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(services, settings, lang)


def show(qtbot, form: QWidget) -> QWidget:
    """Show a form (non-blocking) and wait until it is on screen and active.

    At the end of the test a form still open is closed without the unsaved-changes question.
    """
    qtbot.addWidget(form, before_close_func=lambda w: getattr(w, "discard", w.close)())
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    return form


def leave(qtbot, field: QWidget, to: QWidget) -> None:
    """Put the focus in ``field`` then move it to ``to``, as Tab or a click would."""
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    to.setFocus()
    QApplication.processEvents()


class BoxAnswer:
    """What :func:`answer_box` saw: the text of the box it answered."""

    def __init__(self):
        self.text: str | None = None
        self.title: str | None = None


def answer_box(button: str | Callable[[QMessageBox], object] = "first",
               timeout_ms: int = 5000) -> BoxAnswer:
    """Answer the next message box: click the button whose text contains ``button``.

    ``"first"`` clicks the box's default or first button; a callable gets the box.
    """
    seen = BoxAnswer()
    waited = [0]

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.text, seen.title = box.text(), box.windowTitle()
            if callable(button):
                button(box)
                return
            buttons = box.buttons()
            target = box.defaultButton() or buttons[0] if button == "first" else next(
                b for b in buttons if button.casefold() in b.text().replace("&", "").casefold())
            target.click()
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen


def register_ids(name: str, **filters) -> list[str]:
    """Ids of the rows the register ``name`` shows with ``filters``."""
    return [row["id"] for row in REGISTERS[name].page(Filters(**filters), limit=1000)]


def login_inspector(services: Services) -> None:
    services.login("erzhanov", PASSWORD)


def login_assistant(services: Services) -> str:
    """Create an assistant account (as the system) and act as that assistant."""
    services.session = None
    staff = services.staff.create({"full_name": "Тұрсынов Бауыржан Ерланұлы",
                                   "role": "assistant", "login": "tursynov",
                                   "password": ASSISTANT_PASSWORD})
    services.login("tursynov", ASSISTANT_PASSWORD)
    return staff.id


def on_modal(cls: type, action: Callable[[QWidget], object], timeout_ms: int = 5000) -> list:
    """Once a modal dialog of ``cls`` is up, run ``action(dialog)``; returns [dialog] later.

    A dialog the action left open is closed after ``timeout_ms`` so a failing test fails
    instead of waiting forever.
    """
    seen: list = []

    def closer(dialog) -> None:
        if shiboken6.isValid(dialog) and dialog.isVisible():  # deleted once the test moved on
            getattr(dialog, "discard", dialog.reject)()

    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls) and dialog.isVisible():
            seen.append(dialog)
            QTimer.singleShot(timeout_ms, lambda: closer(dialog))
            action(dialog)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen
