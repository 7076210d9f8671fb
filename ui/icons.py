"""The icon set (CC0 SVGs in ``resources/icons``), loaded once per name."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from inspector_app.paths import resource


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as a QIcon (an empty icon if the file is missing)."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    """The application's icon: the SVG plus the PNG for platforms that want a bitmap."""
    result = QIcon(str(resource("icons", "app.svg")))
    result.addFile(str(resource("icons", "app.png")))
    return result
