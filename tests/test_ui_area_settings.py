"""The area passport and the settings dialog."""

from __future__ import annotations

import ui_fixtures
from PySide6.QtCore import Qt

from ui.area_page import ID_ROLE, AreaPage
from ui.settings import BACKUP_FOLDER, LANGUAGE
from ui.settings_dialog import SettingsDialog

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx


def open_area(qtbot, ctx) -> AreaPage:
    page = AreaPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and not page.is_loading(), timeout=10_000)
    return page


def address_ids(page: AreaPage) -> list[str]:
    proxy = page.address_proxy
    return [proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount())]


def test_passport_shows_addresses_with_their_ksk_and_last_visit(qtbot, ctx, seeded):
    _services, ids = seeded
    page = open_area(qtbot, ctx)
    assert address_ids(page) == [ids["address_visited"], ids["address_not_visited"]]
    visited = [page.address_proxy.index(0, c).data() for c in range(10)]
    assert visited[:2] == ["Абая", "12"]
    assert visited[5:9] == ["КСК «Нурсая»", "Оспанова Гульнар", "+7 701 123 45 67",
                            "24.11.2026"]
    assert visited[9] == "1"
    assert page.address_proxy.index(1, 8).data() == "никогда"
    assert page.not_visited_count() == 1
    assert "01.01.2026: 1" in page.summary.text()


def test_households_not_visited_this_year_are_highlighted_and_filterable(qtbot, ctx, seeded):
    _services, ids = seeded
    page = open_area(qtbot, ctx)
    background = page.address_proxy.index(1, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert background is not None
    assert page.address_proxy.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    page.only_not_visited.setChecked(True)
    assert address_ids(page) == [ids["address_not_visited"]]
    page.only_not_visited.setChecked(False)
    assert len(address_ids(page)) == 2


def test_organisations_tab_lists_ksk_with_chair_phone_and_chat(qtbot, ctx, seeded):
    _services, ids = seeded
    page = open_area(qtbot, ctx)
    proxy = page.org_proxy
    assert proxy.rowCount() == 1
    row = [proxy.index(0, c).data() for c in range(8)]
    assert row[1:7] == ["КСК «Нурсая»", "", "Оспанова Гульнар", "+7 701 123 45 67",
                        "https://chat.whatsapp.com/nursaya", "1"]
    assert proxy.index(0, 0).data(ID_ROLE) == ids["organisation"]


def test_area_rows_open_their_records_and_new_buttons_create(qtbot, ctx, seeded, monkeypatch):
    _services, ids = seeded
    opened = []
    monkeypatch.setattr(ctx, "open_record",
                        lambda kind, record_id=None, parent=None: opened.append((kind, record_id)))
    page = open_area(qtbot, ctx)
    page.addresses.setFocus()
    page.addresses.setCurrentIndex(page.address_proxy.index(1, 2))
    qtbot.keyClick(page.addresses, Qt.Key.Key_Return)
    page.tabs.setCurrentIndex(1)
    page.organisations.setCurrentIndex(page.org_proxy.index(0, 1))
    qtbot.keyClick(page.organisations, Qt.Key.Key_Return)
    qtbot.mouseClick(page.new_address, Qt.MouseButton.LeftButton)
    page.new_record()  # File → New record (Ctrl+N) on the organisations tab
    assert opened == [("address", ids["address_not_visited"]),
                      ("organisation", ids["organisation"]), ("address", None),
                      ("organisation", None)]


def test_a_new_visit_updates_the_passport(qtbot, ctx, seeded):
    services, ids = seeded
    page = open_area(qtbot, ctx)
    _visit, changes = services.run(services.visits.create, {
        "visited_at": "2026-11-25 10:00", "kind": "household_round",
        "dwelling_kind": "private_house", "address": ids["address_not_visited"],
        "address_text": "ул. Сатпаева, 5"})
    ctx.notify_changed(changes)
    qtbot.waitUntil(lambda: not page.is_loading() and page.not_visited_count() == 0,
                    timeout=10_000)


def test_settings_language_applies_at_once_and_is_remembered(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    changed = []
    ctx.sig_language_changed.connect(changed.append)
    dialog.language.setCurrentIndex(dialog.language.findData("kk"))
    assert ctx.lang == "kk" and changed == ["kk"]
    assert LANGUAGE.read(ctx.settings) == "kk"
    assert dialog.language.currentText() == "Қазақша"


def test_settings_show_the_mrp_table_read_only(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    table = ctx.services.catalogues.mrp_table()
    assert dialog.mrp.rowCount() == len(table) >= 2
    years = [int(dialog.mrp.item(r, 0).text()) for r in range(dialog.mrp.rowCount())]
    assert years == sorted(table, reverse=True)
    row_2026 = years.index(2026)
    assert dialog.mrp.item(row_2026, 1).text().replace("\u00a0", " ") == "4 325 ₸"
    assert dialog.mrp.editTriggers() == dialog.mrp.EditTrigger.NoEditTriggers


def test_settings_save_reception_hours_in_the_database_and_backup_folder_per_pc(
        qtbot, ctx, tmp_path):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.reception_hours.setText("Пн–Сб 18:00–21:00")
    dialog.backup_folder.setText(str(tmp_path / "backups"))
    dialog.accept()
    assert ctx.services.points.current().reception_hours == "Пн–Сб 18:00–21:00"
    assert BACKUP_FOLDER.read(ctx.settings) == str(tmp_path / "backups")


def test_settings_cancel_changes_nothing(qtbot, ctx):
    before = ctx.services.points.current().reception_hours
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.reception_hours.setText("Никогда")
    dialog.backup_folder.setText("/nowhere")
    dialog.reject()
    assert ctx.services.points.current().reception_hours == before
    assert not ctx.settings.contains(BACKUP_FOLDER.key)
