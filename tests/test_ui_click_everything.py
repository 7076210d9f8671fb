"""Click everything: the real client on a demo database, as an inspector, an assistant and a
district office's operator. Every page is opened from the sidebar; every visible, enabled
button is clicked, every list's first row opened and its context menu used, every menu
opened with the mouse and each of its actions clicked, every shortcut pressed (see
:mod:`ui_clicker`). Any exception in a slot (pytest-qt) or error message fails the test.
Run with ``-s`` to read the counts per page.
"""

from __future__ import annotations

from conftest import NOW
from PySide6.QtCore import Qt
from ui_clicker import Clicker
from ui_dialogs import DialogAnswers

from inspector_app.demo import DEMO_ACCOUNTS, create_demo_database
from inspector_app.domain.clock import FixedClock
from inspector_app.services.setup import (
    DISTRICT,
    FirstAccount,
    PointProfile,
    create_database,
    open_services,
)
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.trust import export_public_key, trust_key_file
from ui.app import build_main_window, make_settings
from ui.i18n import install_language

DEMO_RECORDS = 1_500  # enough for checks due and overdue appeals on the home page
OPERATOR_PASSWORD = "Rop-Secret-2026"
PASSWORDS = {login: password for login, password, *_ in DEMO_ACCOUNTS}


def demo_point(folder, login: str):
    services = create_demo_database(folder / "demo.db", DEMO_RECORDS, seed=2026,
                                    clock=FixedClock(NOW))
    if login != "demo":
        services.login(login, PASSWORDS[login])
    return services


def district_office(folder):
    """A district office holding one demo point's first package, its operator logged in."""
    clock = FixedClock(NOW)
    district = create_database(
        folder / "rop.db", PointProfile("ATY-ROP", "ОП г. Атырау", "Атырау"),
        FirstAccount("operator", "Нурланов Ерлан", OPERATOR_PASSWORD), kind=DISTRICT,
        clock=clock)
    export_public_key(district, folder / "rop.pub")
    district.db.close()
    point = demo_point(folder, "demo")
    trust_key_file(point, folder / "rop.pub")
    package = export_package(point, folder).path
    point.db.close()
    district = open_services(folder / "rop.db", clock=clock)
    assert all(f.ok for f in import_files(district, [package], trust_new=True,
                                          outbox=folder / "receipts").files)
    district.login("operator", OPERATOR_PASSWORD)
    return district


def click_everything(qtbot, monkeypatch, tmp_path, services, password: str, mode: str):
    install_language("ru")
    answers = DialogAnswers(tmp_path / "answers")
    answers.folder.mkdir()
    answers.install(monkeypatch)
    window = build_main_window(services, make_settings(), "ru", str(services.db.database),
                               protect=True)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    clicker = Clicker(qtbot, window, password).install(monkeypatch)
    try:
        clicker.settle()
        clicker.visit_every_page()
        quit_action = window.quit_action
        clicker.trigger_every_menu_action(skip=(quit_action,))
        clicker.press_every_shortcut(skip=(quit_action,))
        assert clicker.errors == []
        print("\n" + clicker.summary(mode))
        print(f"  file/print dialogs answered: {len(answers.asked)}")
        # Last: File → Quit, with the mouse.
        clicker.open_menu_with_the_mouse(window.file_menu)
        qtbot.mouseClick(window.file_menu, Qt.MouseButton.LeftButton,
                         pos=window.file_menu.actionGeometry(quit_action).center())
        clicker.held_menu = None
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    finally:
        clicker.stop()
        services.db.close()
    assert clicker.errors == []
    return clicker, answers


def test_an_inspector_clicks_everything(qtbot, monkeypatch, tmp_path):
    services = demo_point(tmp_path, "demo")
    clicker, answers = click_everything(qtbot, monkeypatch, tmp_path, services,
                                        PASSWORDS["demo"], "point, inspector")
    pages = clicker.pages
    assert set(pages) >= {"home", "appeals", "offences", "persons", "area", "reports"}
    assert pages["home"].buttons >= 6 and pages["home"].cards >= 6
    # Record this check…, Open the registration; Open (overdue appeals); Open (latest)
    assert pages["home"].context_actions == 4
    assert any(name.startswith("VisitForm: ") for name in clicker.dialogs)
    for register in ("appeals", "preventive-visits", "registrations", "offences",
                     "meetings", "feedback", "persons"):
        assert pages[register].buttons >= 5, register  # new, open, delete, history, Excel
        assert pages[register].rows >= 1, register
    assert pages["reports"].buttons >= 3  # generate, then print and save as
    assert len(answers.printed) >= 1 and any(a.startswith("save:") for a in answers.asked)
    assert list(answers.folder.glob("*.xlsx"))  # every register's «В Excel» wrote a file
    # Restore is the head of the point's and the administrator's: not enabled for an inspector
    assert clicker.menu_actions["Файл"] >= 6 and clicker.menu_actions["Вид"] >= 11
    assert clicker.unlocked >= 1  # File → Lock, then the password


def test_an_assistant_clicks_everything(qtbot, monkeypatch, tmp_path):
    services = demo_point(tmp_path, "utegenova")
    clicker, _answers = click_everything(qtbot, monkeypatch, tmp_path, services,
                                         PASSWORDS["utegenova"], "point, assistant")
    assert clicker.pages["appeals"].buttons >= 4


def test_a_district_office_clicks_everything(qtbot, monkeypatch, tmp_path):
    services = district_office(tmp_path)
    clicker, answers = click_everything(qtbot, monkeypatch, tmp_path, services,
                                        OPERATOR_PASSWORD, "district office")
    assert clicker.pages["points"].buttons >= 2  # Import packages…, Refresh
    assert clicker.pages["home"].buttons == 0  # a district records nothing
    assert clicker.pages["home"].context_actions == 3  # no "Record this check…" here
    assert any("ImportDialog" in name for name in clicker.dialogs)
    assert clicker.menu_actions["Файл"] >= 5 and clicker.menu_actions["Вид"] >= 3


def test_the_head_of_the_point_clicks_everything(qtbot, monkeypatch, tmp_path):
    services = demo_point(tmp_path, "kenzhebaev")
    clicker, _answers = click_everything(qtbot, monkeypatch, tmp_path, services,
                                         PASSWORDS["kenzhebaev"], "point, head of the point")
    assert {"accounts", "audit", "retention"} <= set(clicker.pages)
    assert clicker.pages["retention"].buttons >= 2  # Refresh, and Destroy… (answered Cancel)
