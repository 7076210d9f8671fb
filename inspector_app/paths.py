"""Where things live: bundled resources and the user's data folder.

Resources are found the same way from a source checkout, an installed package and a
PyInstaller bundle (`sys._MEIPASS`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "inspector-app"
DATABASE_FILE_NAME = "inspector.db"


def resources_dir() -> Path:
    """The folder holding fonts, icons, translations, catalogues and messages."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled resource, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """The per-user folder for the database, keys and backups (created on demand)."""
    override = os.environ.get("INSPECTOR_APP_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def default_database_path() -> Path:
    """The app's database in the user's data folder."""
    return user_data_dir() / DATABASE_FILE_NAME
