"""Per-PC settings: declared once, typed on the way back, upgraded from older versions; the
registers' remembered columns keyed by column, so a new column never takes another's place."""

from __future__ import annotations

import dataclasses

import pytest
import ui_fixtures
from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView
from test_ui_registers import open_page, wait_loaded

from inspector_app.queries.registers import REGISTERS
from ui import settings as per_pc
from ui.settings import (
    BACKUP_FOLDER,
    IDLE_MINUTES,
    LANGUAGE,
    MAIN_WINDOW_GEOMETRY,
    SERVER_AT_START,
    SETTINGS_VERSION,
    VERSION,
    register_columns,
    upgrade,
)

seeded, settings, ctx = ui_fixtures.seeded, ui_fixtures.settings, ui_fixtures.ctx

DECLARED = [value for value in vars(per_pc).values() if isinstance(value, per_pc.Setting)]
SAMPLES = {str: "C:/Users/Инспектор/Резерв", int: 7, float: 2.5, bool: True,
           QByteArray: QByteArray(b"\x01\x02geometry\xff"), dict: {"columns": [], "sort": ""}}


def reopened(settings: QSettings) -> QSettings:
    """The same INI file read afresh from disk."""
    settings.sync()
    return QSettings(settings.fileName(), QSettings.Format.IniFormat)


def test_every_key_is_declared_once():
    keys = [setting.key for setting in DECLARED]
    assert len(keys) == len(set(keys)) and len(keys) >= 11
    assert register_columns("appeals").key not in keys


@pytest.mark.parametrize("setting", DECLARED, ids=lambda s: s.key)
def test_a_value_comes_back_in_its_type_from_the_file(setting, settings):
    value = SAMPLES[setting.type]
    setting.write(settings, value)
    back = setting.read(reopened(settings))
    assert back == value and type(back) is type(value)


@pytest.mark.parametrize("setting", DECLARED, ids=lambda s: s.key)
def test_an_absent_setting_reads_as_its_default(setting, settings):
    assert setting.read(settings) == setting.default


@pytest.mark.parametrize("text", ["ten", "nan", "inf", "1e999", "5, 6", ""])
def test_a_hand_edited_number_that_is_none_reads_as_the_default(text, tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text(f"[security]\nidle_minutes={text}\n[ui]\nlanguage=kk, ru\n",
                    encoding="utf-8")
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    assert IDLE_MINUTES.read(settings) == 10.0
    assert LANGUAGE.read(settings) == ""  # a list, not a language


def test_a_hand_edited_flag_that_is_none_reads_as_the_default(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[server]\nat_start=perhaps\n", encoding="utf-8")
    assert SERVER_AT_START.read(QSettings(str(path), QSettings.Format.IniFormat)) is False
    path.write_text("[server]\nat_start=true\n", encoding="utf-8")
    assert SERVER_AT_START.read(QSettings(str(path), QSettings.Format.IniFormat)) is True


def test_unreadable_values_read_as_the_default(settings):
    settings.setValue(IDLE_MINUTES.key, "ten")
    settings.setValue(MAIN_WINDOW_GEOMETRY.key, "not bytes")
    settings.setValue(register_columns("appeals").key, "{broken json")
    settings.setValue(VERSION.key, "[1]")
    again = reopened(settings)
    assert IDLE_MINUTES.read(again) == 10.0
    assert MAIN_WINDOW_GEOMETRY.read(again).isEmpty()
    assert register_columns("appeals").read(again) == {}
    assert VERSION.read(again) == 1
    IDLE_MINUTES.write(settings, 0)
    assert IDLE_MINUTES.read(reopened(settings)) == 0  # zero (never lock) is not "absent"


def positional_state(keys: list[str], widths: dict[int, int], moves: list[tuple[int, int]],
                     sort: int) -> QByteArray:
    """What version 1 saved: ``saveState()`` of a header over the register's columns."""
    header = QHeaderView(Qt.Orientation.Horizontal)
    header.setModel(QStandardItemModel(0, len(keys), header))
    for section, width in widths.items():
        header.resizeSection(section, width)
    for source, target in moves:
        header.moveSection(source, target)
    header.setSortIndicator(sort, Qt.SortOrder.AscendingOrder)
    state = header.saveState()
    header.deleteLater()
    return state


def test_a_version_1_file_is_upgraded_and_its_columns_restored(qtbot, ctx):
    keys = [column.key for column in REGISTERS["appeals"].columns]
    topic = keys.index("topic")
    old = ctx.settings
    old.setValue("registers/appeals/header", positional_state(keys, {3: 333}, [(5, 1)], topic))
    old.setValue("registers/offences/header", QByteArray(b"garbage"))
    LANGUAGE.write(old, "kk")
    ctx.settings = reopened(old)
    upgrade(ctx.settings)
    after = reopened(ctx.settings)
    assert VERSION.read(after) == SETTINGS_VERSION == 2
    assert not after.contains("registers/appeals/header")
    assert not after.contains("registers/offences/header")  # unreadable: dropped
    assert LANGUAGE.read(after) == "kk"  # what needs no step is kept
    saved = register_columns("appeals").read(after)
    assert saved["sort"] == "topic" and saved["columns"][1]["key"] == keys[5]

    page = open_page(qtbot, ctx, "appeals")
    header = page.view.horizontalHeader()
    assert header.sectionSize(3) == 333
    assert header.visualIndex(5) == 1
    assert page.model.sort_key == "topic" and not page.model.descending


def test_a_hand_written_version_0_is_upgraded_like_version_1(settings):
    VERSION.write(settings, 0)
    settings.setValue("registers/appeals/header", QByteArray(b"garbage"))
    upgrade(settings)
    assert VERSION.read(settings) == SETTINGS_VERSION
    assert not settings.contains("registers/appeals/header")


def test_a_newer_file_is_left_alone(settings):
    VERSION.write(settings, SETTINGS_VERSION + 1)
    settings.setValue("registers/appeals/header", QByteArray(b"from the future"))
    upgrade(settings)
    assert VERSION.read(settings) == SETTINGS_VERSION + 1
    assert settings.contains("registers/appeals/header")


def click_header(qtbot, header: QHeaderView, section: int) -> None:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_columns_saved_before_a_column_was_added_land_on_the_same_columns(
        qtbot, ctx, monkeypatch):
    full = REGISTERS["appeals"]
    keys = [column.key for column in full.columns]
    added = keys.index("topic")  # the column this version "adds"
    before = dataclasses.replace(full, columns=tuple(c for c in full.columns
                                                     if c.key != "topic"))
    monkeypatch.setitem(REGISTERS, "appeals", before)
    page = open_page(qtbot, ctx, "appeals")
    header = page.view.horizontalHeader()
    old_keys = [column.key for column in before.columns]
    last = old_keys[-1]
    header.resizeSection(old_keys.index("substance"), 401)
    header.moveSection(header.visualIndex(old_keys.index(last)), 0)  # last column to the front
    click_header(qtbot, header, old_keys.index("channel"))
    wait_loaded(qtbot, page)
    assert page.model.sort_key == "channel"
    page.hide()  # saves the columns
    page.deleteLater()

    monkeypatch.setitem(REGISTERS, "appeals", full)
    again = open_page(qtbot, ctx, "appeals")
    header = again.view.horizontalHeader()
    assert header.sectionSize(keys.index("substance")) == 401
    assert header.visualIndex(keys.index(last)) == 0
    # the new column stands after the column it follows in the register
    assert header.visualIndex(added) == header.visualIndex(added - 1) + 1
    default_topic_width = again.view.fontMetrics().horizontalAdvance(
        "0" * full.columns[added].width) + 16
    assert header.sectionSize(added) == min(320, default_topic_width)
    assert again.model.sort_key == "channel"
    assert header.sortIndicatorSection() == keys.index("channel")
    assert register_columns("appeals").read(ctx.settings)["sort"] == "channel"


def test_a_hidden_column_stays_hidden_and_keeps_its_width(qtbot, ctx):
    keys = [column.key for column in REGISTERS["appeals"].columns]
    page = open_page(qtbot, ctx, "appeals")
    header = page.view.horizontalHeader()
    width = header.sectionSize(2)
    header.hideSection(2)
    page.save_header()
    page.deleteLater()
    again = open_page(qtbot, ctx, "appeals")
    header = again.view.horizontalHeader()
    assert header.isSectionHidden(2)
    header.showSection(2)
    assert header.sectionSize(2) == width
    saved = register_columns("appeals").read(ctx.settings)
    assert [entry["key"] for entry in saved["columns"]] == keys


def test_the_backup_folder_has_one_key_for_both_dialogs(ctx, tmp_path):
    from ui.backup_dialogs import backup_folder

    BACKUP_FOLDER.write(ctx.settings, str(tmp_path))
    assert backup_folder(ctx.settings) == tmp_path


def test_the_program_upgrades_its_settings_file_when_it_opens_it(qapp):
    from inspector_app.paths import user_data_dir
    from ui.app import make_settings

    keys = [column.key for column in REGISTERS["persons"].columns]
    old = QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    old.setValue("registers/persons/header", positional_state(keys, {1: 250}, [], 0))
    old.sync()
    settings = make_settings()
    assert VERSION.read(settings) == SETTINGS_VERSION
    saved = register_columns("persons").read(settings)
    assert saved["columns"][1] == {"key": keys[1], "width": 250, "hidden": False}
