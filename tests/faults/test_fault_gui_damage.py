"""The GUI on a damaged database: after the login it says so, offers the latest good backup,
and the session takes no writes. Before: it logged in as if nothing had happened."""

from __future__ import annotations

import pytest
from core_factories import make_person
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from sync_fixtures import PASSWORD

import ui.app as app_module
from faults.test_fault_damaged_files import _damage_pages
from inspector_app.errors import DatabaseError
from inspector_app.protection import backup
from ui.backup_dialogs import DamagedDatabaseDialog
from ui.login_dialog import LoginDialog


@pytest.fixture
def ini(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _log_in(qtbot, dialog: LoginDialog) -> None:
    dialog.show()
    qtbot.keyClicks(dialog.login, "erzhanov")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _middle_person_page(db_path) -> int:
    """A page in the middle of the persons' rows (0-based, as ``_damage_pages`` counts): the
    damage hits records, not the catalogues every page of the window reads first."""
    import sqlite3

    connection = sqlite3.connect(db_path)
    try:
        pages = [n for (n,) in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'leaf' "
            "ORDER BY pageno")]
    finally:
        connection.close()
    return pages[len(pages) // 2] - 1


def test_a_damaged_database_is_reported_after_login_and_takes_no_writes(
        qtbot, services, db_path, clock, ini):
    for n in range(300):
        make_person(services, f"Иванов{n}", "Иван", notes="Примечание " * 30)
    good = backup.create_backup(db_path, backup.default_backup_folder(), clock=clock)
    services.db.close()
    _damage_pages(db_path, _middle_person_page(db_path))

    dialog = LoginDialog(db_path, ini, "ru")
    qtbot.addWidget(dialog)
    _log_in(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    logged_in = dialog.services

    seen = {}

    def answer_the_damage_dialog() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, DamagedDatabaseDialog) and "text" not in seen:
            seen["text"] = modal.explanation.text()
            seen["offer"] = modal.offer.text()
            seen["restore_enabled"] = modal.restore_button.isEnabled()
            modal.grab().save("/tmp/writers-faults-shot.png")
            quit_button = [b for b in modal.buttons.buttons()
                           if modal.buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.RejectRole]
            qtbot.mouseClick(quit_button[0], Qt.MouseButton.LeftButton)

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(answer_the_damage_dialog)
    poll.start()
    window = app_module.build_main_window(logged_in, ini, "ru", str(db_path), protect=True)
    qtbot.addWidget(window)
    window.show()
    window.protection.start()
    qtbot.waitUntil(lambda: "text" in seen, timeout=20_000)
    poll.stop()

    assert "повреждена" in seen["text"]
    assert good.created_at.strftime("%d.%m.%Y") in seen["offer"] and seen["restore_enabled"]
    with pytest.raises(DatabaseError) as refused:
        logged_in.persons.create({"surname": "Новый", "first_name": "Тест",
                                  "address": "г. Атырау, ул. Абая, 1"})
    assert refused.value.code == "error.fault.writes_refused"
    assert "повреждена" in refused.value.message("ru")
    window.close()
    logged_in.db.close()


def test_login_in_a_read_only_folder_says_not_writable(qtbot, services, read_only_folder, ini):
    folder, make_read_only = read_only_folder
    target = folder / "point.db"
    backup.copy_consistent(services.db.database, target)
    services.db.close()
    make_read_only()
    dialog = LoginDialog(target, ini, "ru")
    qtbot.addWidget(dialog)
    _log_in(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text().startswith("Нет права записи")
    assert str(folder) in dialog.message.text()
