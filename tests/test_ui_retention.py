"""The administrator's retention page, by clicking: the sidebar entry, the counts per register
with the period's source status, Destroy asking first (Cancel keeps everything), then
destroying in the background; an inspector does not see the page."""

from __future__ import annotations

import pytest
from core_factories import appeal_data, feedback_data
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from qt_helpers import click
from test_ui_forms_support import make_ctx, on_modal

from inspector_app.domain.permissions import Role
from inspector_app.protection.integrity import check_database
from ui.main_window import MainWindow

ADMIN_PASSWORD = "Boss-Key-2026"


@pytest.fixture
def admin(services, person):
    services.staff.create({"login": "admin", "full_name": "Абенов Серик",
                           "password": ADMIN_PASSWORD, "role": Role.ADMINISTRATOR})
    for day in ("2019-02-04 10:00", "2020-06-15 11:30", "2021-03-01 09:00"):
        services.appeals.create(appeal_data(person, received_at=day))
    services.appeals.create(appeal_data(person))  # of this month: kept
    services.feedback.create(feedback_data(collected_at="2025-01-10 19:00"))
    services.login("admin", ADMIN_PASSWORD)
    return services


def _window(qtbot, services, tmp_path, size=(1366, 768)) -> MainWindow:
    window = MainWindow(make_ctx(services, tmp_path), background=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open_page(qtbot, window):
    row = next(i for i, p in enumerate(window.pages) if p.key == "retention")
    item = window.nav.item(row)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.current_page() is window.retention)
    return window.retention


def _cell(page, kind: str, column: int) -> str:
    row = next(i for i, p in enumerate(page.rows) if p.kind == kind)
    return page.table.item(row, column).text()


def test_the_administrator_lists_and_destroys(qtbot, admin, tmp_path):
    window = _window(qtbot, admin, tmp_path)
    page = _open_page(qtbot, window)
    assert window.nav.item(window.pages.index(
        next(p for p in window.pages if p.key == "retention"))).text() == "Сроки хранения"
    assert _cell(page, "appeal", 4) == "3" and _cell(page, "appeal", 3) == "25.11.2021"
    assert _cell(page, "appeal", 5) == "04.02.2019"
    assert _cell(page, "appeal", 6) == "не проверено"
    row = next(i for i, p in enumerate(page.rows) if p.kind == "appeal")
    assert page.table.item(row, 6).toolTip() == "решение пункта, не проверено по номенклатуре МВД"
    assert _cell(page, "feedback", 4) == "1" and _cell(page, "meeting", 4) == "0"
    assert not page.destroy_buttons["meeting"].isEnabled()
    qtbot.wait(100)  # the layout settles
    window.grab().save(str(tmp_path / "retention-1366.png"))

    seen = on_modal(QMessageBox, lambda box: box.escapeButton().click())  # Cancel
    click(qtbot, page.destroy_buttons["appeal"])
    qtbot.waitUntil(lambda: bool(seen))
    assert "Уничтожить 3 зап. журнала" in seen[0].text() and "25.11.2021" in seen[0].text()
    assert admin.appeals.count() == 4

    def confirm(box):
        next(b for b in box.buttons() if b.text() == "Уничтожить").click()

    on_modal(QMessageBox, confirm)
    click(qtbot, page.destroy_buttons["appeal"])
    qtbot.waitUntil(lambda: page.job is None and "уничтожено 3 зап." in page.result.text(),
                    timeout=10_000)
    assert admin.appeals.count() == 1
    assert "не обновлен (папка резервных копий" in page.result.text()  # none made yet
    assert _cell(page, "appeal", 4) == "0" and not page.destroy_buttons["appeal"].isEnabled()
    assert page.destroy_buttons["feedback"].isEnabled()
    assert check_database(admin.db) == []
    window.resize(1024, 768)
    qtbot.wait(100)
    window.grab().save(str(tmp_path / "retention-1024.png"))


def test_an_inspector_has_no_retention_page(qtbot, services, tmp_path):
    services.login("erzhanov", "Kz-Secret-2026")
    window = _window(qtbot, services, tmp_path)
    assert "retention" not in [p.key for p in window.pages]


def test_a_restore_clicked_in_the_window_destroys_again(qtbot, admin, db_path, tmp_path):
    """Destroyed after the backup: the File menu's restore, answered by clicks, puts the
    backup back and destroys the three old appeals again, saying so."""
    from inspector_app.protection import backup
    from inspector_app.protection.erasure_ledger import folder_ledger_path, read_ledger
    from inspector_app.services.setup import open_services
    from ui.app import build_main_window
    from ui.backup_dialogs import RestoreDialog
    from ui.settings import BACKUP_FOLDER

    folder = tmp_path / "backups"
    backup.create_backup(db_path, folder, clock=admin.clock)
    ctx = make_ctx(admin, tmp_path)
    BACKUP_FOLDER.write(ctx.settings, str(folder))
    window = build_main_window(admin, ctx.settings, "ru", str(db_path), protect=True)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = _open_page(qtbot, window)  # destroyed by clicking, after the backup was made
    on_modal(QMessageBox, lambda box: next(
        b for b in box.buttons() if b.text() == "Уничтожить").click())
    click(qtbot, page.destroy_buttons["appeal"])
    qtbot.waitUntil(lambda: page.job is None and "уничтожено 3 зап." in page.result.text(),
                    timeout=10_000)
    assert admin.appeals.count() == 1
    listed = folder_ledger_path(folder, admin.point_code)  # at once, no backup needed
    assert f"рядом с резервными копиями обновлен: {listed}" in page.result.text()
    assert len(read_ledger(listed)) == 3
    asked: list[str] = []

    def yes(box) -> None:
        asked.append(box.text())
        if len(asked) == 1:  # the window asks once more after the chooser
            on_modal(QMessageBox, yes)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def choose(dialog) -> None:
        assert dialog.model.rowCount() == 1
        on_modal(QMessageBox, yes)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    chooser = on_modal(RestoreDialog, choose)
    next(a for a in window.file_menu.actions() if a.text() == "&Восстановить из копии…").trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert chooser and len(asked) == 2 and "Продолжить?" in asked[1]
    admin.db.close()
    told: list[str] = []

    def read(box) -> None:
        told.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    on_modal(QMessageBox, read)
    window.protection.finish()  # what ui.app.main does once the window has closed
    assert window.protection.restart_requested
    assert told and "Уничтожено повторно 3 зап." in told[0]
    restored = open_services(db_path, clock=admin.clock)
    assert restored.appeals.count() == 1
    assert check_database(restored.db) == []
    restored.db.close()


@pytest.mark.parametrize("case", ["destroyed again", "damaged list"])
def test_the_window_tells_what_the_open_did_with_the_destroyed_list(qtbot, admin, db_path,
                                                                    tmp_path, case):
    """A backup copied back by hand over the file: the open destroys the three appeals again
    and the window says so; a damaged list of destroyed records is named instead."""
    import shutil

    from inspector_app.protection import backup
    from inspector_app.protection.erasure_ledger import ledger_path
    from inspector_app.services.destruction import destroy_records
    from inspector_app.services.setup import open_services
    from ui.app import build_main_window
    from ui.settings import BACKUP_FOLDER

    taken = backup.create_backup(db_path, tmp_path / "backups", clock=admin.clock)
    destroy_records(admin, "appeal")
    admin.db.close()
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    shutil.copyfile(taken.path, db_path)
    if case == "damaged list":
        ledger_path(db_path).write_text("", encoding="utf-8")
    opened = open_services(db_path, clock=admin.clock)
    opened.login("admin", ADMIN_PASSWORD)
    ctx = make_ctx(opened, tmp_path)
    BACKUP_FOLDER.write(ctx.settings, str(tmp_path / "backups"))
    window = build_main_window(opened, ctx.settings, "ru", str(db_path), protect=True)
    qtbot.addWidget(window)
    window.show()
    told: list[str] = []

    def read(box) -> None:
        told.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    on_modal(QMessageBox, read)
    window.protection.start()  # what ui.app.main does once the window is shown
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    if case == "damaged list":
        assert str(ledger_path(db_path)) in told[0] and "поврежден или пуст" in told[0]
        assert opened.appeals.count() == 4  # nothing destroyed, nothing lost
    else:
        assert "уничтожены повторно" in told[0] and "3 зап." in told[0]
        assert opened.appeals.count() == 1
    jobs = (window.protection.auto_backup.job, window.protection.health_job)
    qtbot.waitUntil(lambda: all(job is None or job.finished for job in jobs), timeout=10_000)
