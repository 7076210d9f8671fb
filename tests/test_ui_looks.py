"""Looks: window titles in the user's language, one spelling of «учет», a maximised window
on a small screen, and the main screens at 1024×768."""

from __future__ import annotations

from pathlib import Path

import pytest
import ui_fixtures
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ui.i18n import install_language
from ui.main_window import MainWindow

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@pytest.mark.parametrize(("lang", "name"), [("ru", "Участковый инспектор"),
                                             ("kk", "Учаскелік инспектор"),
                                             ("en", "Precinct inspector")])
def test_window_titles_end_in_the_program_s_name_in_the_user_s_language(qtbot, ctx, lang,
                                                                        name):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    ctx.set_language(lang)
    # Qt appends the display name to every window title (dialogs too) not ending with it.
    assert QGuiApplication.applicationDisplayName() == name
    assert window.windowTitle().endswith(f" — {name}")
    if lang != "en":
        assert "Precinct" not in window.windowTitle()
    install_language("ru")


def test_one_spelling_of_uchet_everywhere():
    files = [*RESOURCES.glob("translations/*.ts"), RESOURCES / "messages" / "core.json",
             *RESOURCES.glob("catalogues/*.json")]
    assert len(files) >= 4
    spelled = [f.name for f in files if "учёт" in f.read_text(encoding="utf-8").lower()]
    assert spelled == []


def test_the_first_start_on_a_small_screen_opens_maximised(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert available.width() <= 1366  # the offscreen screen is 800×600
    window.show_at_start()
    qtbot.waitUntil(window.isMaximized, timeout=2_000)
    window.close()
    again = MainWindow(ctx)  # a geometry remembered on this PC wins
    qtbot.addWidget(again)
    again.showNormal()
    again.resize(700, 500)
    again.close()
    third = MainWindow(ctx)
    qtbot.addWidget(third)
    third.show_at_start()
    assert not third.isMaximized() and third.height() == 500


def test_the_main_screens_stay_usable_at_1024x768(qtbot, ctx, tmp_path):
    window = MainWindow(ctx, database_path="point.db")
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitUntil(lambda: window.home.data is not None, timeout=10_000)
    home = window.home
    for records in (home.checks, home.overdue, home.kui, home.recent):
        assert records.isVisible() and records.viewport().height() >= 3 * 18
        assert records.viewport().width() >= 300
    assert window.width() <= 1024  # no page widens the window
    window.grab().save(str(tmp_path / "home-1024.png"))
    window.show_page("appeals")
    page = window.registers["appeals"]
    qtbot.waitUntil(lambda: page.model.loaded_once and not page.model.is_busy(),
                    timeout=10_000)
    assert window.width() <= 1024
    assert page.view.viewport().height() >= 10 * page.view.verticalHeader().defaultSectionSize()
    visible = [b for b in (page.new_button, page.open_button, page.export_button)
               if b.isVisible()]
    assert len(visible) == 3
    for button in visible:  # the toolbar is not cut off at the right edge
        right = button.mapTo(window, button.rect().topRight()).x()
        assert right <= window.width(), button.text()
    window.grab().save(str(tmp_path / "appeals-1024.png"))
    assert window.windowState() == Qt.WindowState.WindowNoState
