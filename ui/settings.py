"""Every per-PC setting of the client, declared once with its key, type and default.

What belongs to this PC (language, window geometry, last folders, the idle lock, register
columns) lives in ``QSettings``; what belongs to the point lives in the database and travels.
Code reads and writes a setting only through its declaration here
(``BACKUP_FOLDER.read(settings)``, ``BACKUP_FOLDER.write(settings, folder)``), so a key is
spelled once and a value comes back in its type whatever the settings file holds.

The file carries :data:`SETTINGS_VERSION`; :func:`upgrade` (run when the program opens its
settings) brings a file written by an older version up to date, one step per version, and
leaves a file from a newer version as it is.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView

from inspector_app.queries.registers import REGISTERS
from ui.registers.header_state import header_columns

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One per-PC setting: ``key`` in the settings file, the type of its value, its default."""

    key: str
    type: type
    default: T

    def read(self, settings: QSettings) -> T:
        """The stored value in this setting's type; the default when absent or unreadable."""
        raw = settings.value(self.key)
        if raw is None:
            return self.default
        try:
            return _typed(raw, self.type)
        except (TypeError, ValueError, OverflowError):
            return self.default

    def write(self, settings: QSettings, value: T) -> None:
        if self.type is dict:
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        settings.setValue(self.key, value)


def _typed(raw: Any, kind: type) -> Any:
    """``raw`` as read from QSettings (INI files give text for numbers) as ``kind``."""
    if kind is QByteArray:
        if not isinstance(raw, QByteArray):
            raise TypeError(raw)
        return raw
    if kind is dict:
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(value, dict):
            raise TypeError(raw)
        return value
    if kind is bool:  # INI files give "true"/"false"
        if isinstance(raw, bool):
            return raw
        if str(raw).lower() in ("true", "false"):
            return str(raw).lower() == "true"
        raise ValueError(raw)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise TypeError(raw)  # e.g. a list: an INI value with commas, written by hand
    if kind is str:
        return str(raw)
    number = float(raw)
    if not math.isfinite(number):
        raise ValueError(raw)
    return int(number) if kind is int else kind(number)  # "7" and "7.0" alike


VERSION = Setting("settings/version", int, 1)  # files without the key are version 1
LANGUAGE = Setting("ui/language", str, "")  # empty: the program's default language
LAST_LOGIN = Setting("login/last", str, "")
MAIN_WINDOW_GEOMETRY = Setting("main_window/geometry", QByteArray, QByteArray())
MAIN_WINDOW_STATE = Setting("main_window/state", QByteArray, QByteArray())
IDLE_MINUTES = Setting("security/idle_minutes", float, 10.0)  # 0: never lock
BACKUP_FOLDER = Setting("backup/folder", str, "")  # empty: the default backup folder
REPORTS_FOLDER = Setting("reports/last_folder", str, "")  # PDF reports and documents
REGISTER_EXPORT_FOLDER = Setting("registers/export_folder", str, "")
SYNC_EXPORT_FOLDER = Setting("sync/export_folder", str, "")
SYNC_IMPORT_FOLDER = Setting("sync/import_folder", str, "")
# The district's server database (ui.server_dialog): where it is, never its password
SERVER_HOST = Setting("server/host", str, "")
SERVER_PORT = Setting("server/port", int, 5432)
SERVER_DATABASE = Setting("server/database", str, "")
SERVER_USER = Setting("server/user", str, "")
SERVER_AT_START = Setting("server/at_start", bool, False)  # connected last time: ask first


def register_columns(register_name: str) -> Setting[dict]:
    """The columns of one register's table as the user left them (see ``ui.registers``):
    ``{"columns": [{"key", "width", "hidden"}, ...] in screen order, "sort": key,
    "descending": bool}``, keyed by column so a column added later never takes another's."""
    return Setting(f"registers/{register_name}/columns", dict, {})


# -- versions -----------------------------------------------------------------------------

def _positional_header(register_name: str) -> str:
    return f"registers/{register_name}/header"  # version 1: QHeaderView.saveState() bytes


def _header_state_by_key(state: QByteArray, keys: list[str]) -> dict | None:
    """A version-1 header state (``saveState()`` of a header over ``keys``) by column key."""
    header = QHeaderView(Qt.Orientation.Horizontal)
    header.setModel(QStandardItemModel(0, len(keys), header))
    try:
        if not header.restoreState(state) or header.count() != len(keys):
            return None
        return header_columns(header, keys)
    finally:
        header.deleteLater()


def _to_version_2(settings: QSettings) -> None:
    """Register headers: saved by position (``.../header``), now by column (``.../columns``).

    Version 1 saved the columns each register had then, which are the columns it has now.
    """
    for name, register in REGISTERS.items():
        old_key = _positional_header(name)
        state = settings.value(old_key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            converted = _header_state_by_key(state, [column.key for column in register.columns])
            if converted is not None:
                register_columns(name).write(settings, converted)
        settings.remove(old_key)


STEPS = {2: _to_version_2}
"""The step that brings a settings file from the version before to this version."""
SETTINGS_VERSION = max(STEPS)


def upgrade(settings: QSettings) -> None:
    """Bring ``settings`` to :data:`SETTINGS_VERSION` (needs a QApplication: header states
    are converted by a header widget). A newer file is left alone."""
    version = VERSION.read(settings)
    if version >= SETTINGS_VERSION:
        return
    for target in sorted(step for step in STEPS if step > version):
        STEPS[target](settings)
        VERSION.write(settings, target)
    settings.sync()
