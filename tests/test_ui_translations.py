"""Every visible text of the main window, its pages and dialogs speaks Russian.

With the Russian translators loaded, the test walks the widget tree of each screen and reads
what a user sees: labels, buttons, group boxes, tabs, placeholders, combo items, table and
list headers, menus and the window title. A text fails when it has an English word and no
Cyrillic letter: a string missing from the .ts files, left unfinished, or never passed
through ``tr()``. Data, numbers, codes and proper names (ATY-017, Ctrl+N, DejaVu) pass.
"""

from __future__ import annotations

import re

import ui_fixtures
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from ui.first_run import FirstRunWizard
from ui.i18n import install_language
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx

ENGLISH_WORD = re.compile(r"[A-Za-z][a-z]{2,}")  # a word, not a code such as ATY-017
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
ALLOWED = {"ATY-017", "Ctrl+N", "English", "erzhanov"}  # codes, names, a login example


def untranslated(text: str) -> bool:
    text = text.replace("&", "").strip()
    if not text or text in ALLOWED or CYRILLIC.search(text):
        return False
    return ENGLISH_WORD.search(text) is not None


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a user reads in ``root`` right now."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            found.append((name, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        elif isinstance(widget, QTabBar):
            found.extend((name, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit) and not widget.text():
            found.append((name + " placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            found.extend((name, widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            model = widget.model()
            found.extend((name + " header", str(model.headerData(c, Qt.Orientation.Horizontal)
                                                 or ""))
                         for c in range(model.columnCount(QModelIndex())))
    return found


def menu_texts(window: MainWindow) -> list[tuple[str, str]]:
    found = []
    for action in window.menuBar().actions():
        found.append(("menu", action.text()))
        menu = action.menu()
        if isinstance(menu, QMenu):
            found.extend(("menu item", a.text()) for a in menu.actions() if not a.isSeparator())
    return found


def assert_russian(texts: list[tuple[str, str]]) -> None:
    bad = [(where, text) for where, text in texts if untranslated(text)]
    assert bad == []


def test_the_checker_catches_english(qapp):
    assert untranslated("&File") and untranslated("Records found: 4")
    assert not untranslated("Найдено записей: 4") and not untranslated("ATY-017-T-2026-00001")
    assert not untranslated("25.11.2026") and not untranslated("Новая запись (Ctrl+N)")


def test_every_page_of_the_main_window_is_russian(qtbot, ctx):
    install_language("ru")
    window = MainWindow(ctx, database_path="/data/point.db")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    texts = menu_texts(window)
    for page in window.pages:
        window.show_page(page.key)
        widget = page.widget
        qtbot.waitUntil(lambda w=widget: not _busy(w), timeout=10_000)
        texts.extend(visible_texts(window))
        texts.append(("status", window.page_status.text()))
    assert len(texts) > 300
    assert_russian(texts)


def _busy(widget: QWidget) -> bool:
    model = getattr(widget, "model", None)
    if model is not None and hasattr(model, "is_busy"):
        return not model.loaded_once or model.is_busy()
    loading = getattr(widget, "is_loading", None)
    return bool(loading and loading()) or getattr(widget, "data", True) is None


def test_dialogs_are_russian(qtbot, ctx, tmp_path):
    install_language("ru")
    settings_dialog = SettingsDialog(ctx)
    login = LoginDialog(tmp_path / "point.db", ctx.settings, "ru")
    wizard = FirstRunWizard(tmp_path / "new.db", "ru")
    texts = []
    for dialog in (settings_dialog, login):
        qtbot.addWidget(dialog)
        dialog.show()
        texts.extend(visible_texts(dialog))
    qtbot.addWidget(wizard)
    wizard.show()
    for _page in range(3):
        texts.extend(visible_texts(wizard))
        texts.extend(("wizard", t) for t in (wizard.currentPage().title(),
                                             wizard.currentPage().subTitle()))
        wizard.profile_page.code.setText("ATY-021")
        wizard.profile_page.name.setText("УПП №21")
        wizard.next()
    assert len(texts) > 40
    assert_russian(texts)


def test_kazakh_is_complete_too(qtbot, ctx):
    ctx.set_language("kk")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.data is not None, timeout=10_000)
    texts = menu_texts(window) + visible_texts(window)
    assert_russian(texts)  # "Russian" here: Cyrillic, i.e. not left in English
    assert window.home.figures_box.title() == "Көрсеткіштер: бүгін және осы ай"
